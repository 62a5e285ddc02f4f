"""A run as plain functions: discover -> extract (isolated, parallel) -> publish. Prefect only wires these."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import RunError
from .extract import DocumentResult
from .publish import results_to_frames, validate, write_curated
from .report import write_report
from .settings import Settings


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

    def lines(self) -> list[str]:
        return [
            f"documents: {self.documents} ({self.ok} ok, {self.partial} partial, {self.failed} failed, {self.needs_ocr} needing OCR), {self.pages} pages",
            f"values written: {self.values} indicator values, {self.budget_lines} budget lines",
            f"validation: {self.errors} rows held back (error), {self.warnings} warnings",
            f"curated tables: {self.curated_dir}/",
            f"report: {self.report}",
        ]


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


def publish(results: list[DocumentResult], settings: Settings) -> RunSummary:
    """Validate every table, write curated parquet and the reviewer's report."""
    tables = validate(results_to_frames(results))
    write_curated(tables, settings.curated_dir)
    docs, values, failures = tables["documents"], tables["indicator_values"], tables["validation_failures"]
    report = write_report(docs, values, failures, settings.reports_dir)
    status = docs["status"].value_counts()
    return RunSummary(
        documents=len(docs),
        ok=int(status.get("ok", 0)),
        partial=int(status.get("partial", 0)),
        failed=int(status.get("failed", 0)),
        needs_ocr=int(status.get("needs_ocr", 0)),
        pages=int(docs["pages"].fillna(0).sum()) if len(docs) else 0,
        values=len(values),
        budget_lines=len(tables["budget_lines"]),
        errors=int((failures["severity"] == "error").sum()),
        warnings=int((failures["severity"] == "warning").sum()),
        report=report,
        curated_dir=Path(settings.curated_dir),
    )


def run_pipeline(settings: Settings) -> RunSummary:
    """The whole run without Prefect (tests and benchmarks call this)."""
    from .isolation import extract_all

    paths = discover_documents(settings.raw_dir)
    check_writable(settings.curated_dir, settings.reports_dir)
    return publish(extract_all(paths, settings), settings)
