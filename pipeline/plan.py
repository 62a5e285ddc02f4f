"""Planning a run: discover the PDFs, hash them, diff them against the current version's manifest; and
what every run records of itself (its `runs` row, manifest and summary). Imports nothing heavy: a night
with nothing new is answered from here in under a second.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from .errors import RunError
from .results import DocumentResult, file_sha256
from .settings import Settings
from .store import current_version, load_result, read_manifest

ROOT = Path(__file__).resolve().parents[1]
# the code that turns bytes into rows: a change to any of it re-extracts every document
EXTRACTION_CODE = ("extractors/*.py", "normalizers/*.py", "pipeline/extract.py", "pipeline/results.py")


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of the extraction code (`EXTRACTION_CODE`)."""
    h = hashlib.sha256()
    for pattern in EXTRACTION_CODE:
        for f in sorted(ROOT.glob(pattern)):
            h.update(f.relative_to(ROOT).as_posix().encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


@dataclass(frozen=True)
class RunSummary:
    documents: int
    ok: int
    partial: int
    failed: int
    needs_ocr: int
    pages: int
    values: int
    budget_lines: int
    errors: int
    warnings: int
    report: Path
    curated_dir: Path
    run_id: str = ""
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    value_cells: int = 0  # value-like cells of the table pages (page_coverage)
    coverage: float | None = None  # of them, the share read or knowingly skipped

    def lines(self) -> list[str]:
        cells = f"coverage {self.coverage:.2f} of {self.value_cells} value-like cells" if self.coverage is not None else "no value-like cells counted"
        return [
            f"run {self.run_id}: {self.new} new, {self.changed} changed, {self.unchanged} unchanged, {self.removed} removed documents",
            f"documents: {self.documents} ({self.ok} ok, {self.partial} partial, {self.failed} failed, {self.needs_ocr} needing OCR), {self.pages} pages",
            f"values written: {self.values} indicator values, {self.budget_lines} budget lines ({cells})",
            f"validation: {self.errors} rows held back (error), {self.warnings} warnings",
            f"curated tables: {self.curated_dir}/",
            f"report: {self.report}",
        ]


@dataclass
class Plan:
    """What this run has to do, decided from file hashes and the current version's manifest."""

    run_id: str
    started: datetime
    code_version: str
    files: dict[str, Path]  # source_file -> path, in discovery order
    shas: dict[str, str]
    new: list[str]
    changed: list[str]
    unchanged: list[str]
    removed: list[str]
    previous_version: Path | None  # the current version's folder, before this run
    decisions_sha: str  # of the reviewers' decisions file: a change re-publishes (ids may merge or split)
    nothing_changed: bool  # same files, bytes, code and decisions as the current version: just record the run
    cached: dict[str, DocumentResult] = field(default_factory=dict)  # unchanged documents' earlier results

    @property
    def to_extract(self) -> list[Path]:
        return [p for name, p in self.files.items() if name not in self.cached]


def discover_documents(raw_dir: Path) -> list[Path]:
    """Every *.pdf under raw_dir (any case), sorted; a missing folder stops the run."""
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        raise RunError(f"raw folder not found: {raw_dir}")
    return sorted(p for p in raw_dir.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf")


def check_writable(*dirs: Path) -> None:
    for d in dirs:
        d = Path(d)
        try:
            d.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RunError(f"cannot create {d}: {exc.strerror}") from exc
        if not os.access(d, os.W_OK):
            raise RunError(f"cannot write to {d}")


def plan_run(settings: Settings, load_cache: bool = True) -> Plan:
    """Hash every PDF and compare with the current version; unless nothing changed, documents already
    read (by these bytes and this code) come from the cache."""
    started = datetime.now(timezone.utc)
    paths = discover_documents(settings.raw_dir)
    files: dict[str, Path] = {}
    for p in paths:
        if p.name in files:
            raise RunError(f"two files named {p.name} ({files[p.name]} and {p}): names must be unique in the raw folder")
        files[p.name] = p
    shas = {name: file_sha256(p) for name, p in files.items()}
    manifest = read_manifest(settings.curated_dir) or {}
    version = code_version()
    known = manifest.get("documents", {})
    decisions_sha = file_sha256(settings.decisions_file) if settings.decisions_file.is_file() else ""
    new = [n for n in files if n not in known]
    changed = [n for n in files if n in known and known[n] != shas[n]]
    removed = [n for n in known if n not in files]
    plan = Plan(
        run_id=started.strftime("%Y%m%dT%H%M%S%fZ"),
        started=started,
        code_version=version,
        files=files,
        shas=shas,
        new=new,
        changed=changed,
        unchanged=[n for n in files if known.get(n) == shas[n]],
        removed=removed,
        previous_version=current_version(settings.curated_dir) if manifest else None,
        decisions_sha=decisions_sha,
        nothing_changed=bool(manifest) and not (new or changed or removed or settings.full)
        and manifest.get("code_version") == version and manifest.get("decisions_sha") == decisions_sha,
    )
    if load_cache and not settings.full and not plan.nothing_changed:  # keyed by content and code, whatever the name
        for name, sha in shas.items():
            if (cached := load_result(settings.curated_dir, sha, version, name)) is not None:
                plan.cached[name] = cached
    return plan


def run_row(plan: Plan, docs_failed: int, values: int, failures: int) -> dict:
    return {
        "run_id": plan.run_id,
        "started": plan.started,
        "finished": datetime.now(timezone.utc),
        "code_version": plan.code_version,
        "documents_new": len(plan.new),
        "documents_changed": len(plan.changed),
        "documents_unchanged": len(plan.unchanged),
        "documents_removed": len(plan.removed),
        "documents_failed": docs_failed,
        "values_written": values,
        "validation_failures": failures,
    }


def version_manifest(plan: Plan, summary: dict) -> dict:
    return {"run_id": plan.run_id, "code_version": plan.code_version, "documents": plan.shas, "decisions_sha": plan.decisions_sha, "summary": summary}


def run_summary(plan: Plan, counts: dict, report: Path, settings: Settings) -> RunSummary:
    return RunSummary(
        **counts,
        report=report,
        curated_dir=Path(settings.curated_dir),
        run_id=plan.run_id,
        new=len(plan.new),
        changed=len(plan.changed),
        unchanged=len(plan.unchanged),
        removed=len(plan.removed),
    )


