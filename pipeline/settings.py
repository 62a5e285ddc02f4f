"""The one settings object of a run. Built from CLI options or flow parameters; nothing global."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

# Each local worker is a process reading one document under its own memory cap: more than a few per core only
# thrash the machine (and 1000 of them would ask for 2 TB of address space).
WORKERS_PER_CORE = 4


@dataclass(frozen=True)
class Settings:
    raw_dir: Path = Path("raw")
    curated_dir: Path = Path("curated")
    reports_dir: Path = Path("reports")
    decisions_file: Path = Path("review/decisions.csv")  # reviewers' same/different calls on indicator pairs
    corrections_file: Path = Path("review/corrections.csv")  # reviewers' corrections of values read wrong
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    timeout_s: float = 300.0  # wall time one document may take before it is killed
    memory_mb: int = 2048  # address-space cap of a document's worker process
    page_chunk: int = 100  # pages read between closing and reopening the PDF (bounds memory on long reports; reopening re-parses fonts)
    max_pages: int = 600  # a document longer than this is recorded as failed instead of read
    retries: int = 2  # extra attempts for transient errors (I/O error, a file still being uploaded)
    retry_delay_s: float = 2.0  # first wait before a retry; doubles each time
    settle_s: float = 30.0  # a truncated PDF modified this recently may still be uploading: retry it
    keep_versions: int = 10  # curated versions kept on disk (the history of removed documents' rows)
    wait_for_lock: bool = False  # a second run on the same curated folder waits instead of stopping
    full: bool = False  # re-extract every document even when its bytes and the code are unchanged
    dask_address: str | None = None  # run extraction tasks on this Dask scheduler (tcp://host:8786)
    dask_connect_s: float = 5.0  # a scheduler that does not answer within this stops the run before anything starts

    def __post_init__(self) -> None:
        for name in ("raw_dir", "curated_dir", "reports_dir", "decisions_file", "corrections_file"):
            object.__setattr__(self, name, Path(getattr(self, name)))
        if self.workers < 1:
            raise ValueError(f"workers must be >= 1, got {self.workers}")
        most = WORKERS_PER_CORE * (os.cpu_count() or 1)
        if self.workers > most:
            raise ValueError(f"workers must be at most {most} on this machine ({WORKERS_PER_CORE} per CPU core: each reads a document "
                             f"in its own process of up to {self.memory_mb} MB), got {self.workers}")
        if self.dask_connect_s <= 0:
            raise ValueError(f"dask_connect_s must be > 0, got {self.dask_connect_s}")
        if self.timeout_s <= 0:
            raise ValueError(f"timeout_s must be > 0, got {self.timeout_s}")
        if self.memory_mb < 256:
            raise ValueError(f"memory_mb must be >= 256, got {self.memory_mb}")
        if self.retries < 0 or self.retry_delay_s < 0:
            raise ValueError("retries and retry_delay_s must be >= 0")
        if self.keep_versions < 1:
            raise ValueError(f"keep_versions must be >= 1, got {self.keep_versions}")
        if self.page_chunk < 1:
            raise ValueError(f"page_chunk must be >= 1, got {self.page_chunk}")

    @classmethod
    def resolve(cls, value: "Settings | dict | None" = None, **overrides) -> "Settings":
        """Accept None, a dict or a Settings, with keyword overrides (None overrides are ignored)."""
        base = {} if value is None else (asdict(value) if isinstance(value, Settings) else dict(value))
        base.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**base)
