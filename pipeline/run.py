"""A run as plain functions: plan -> extract what changed (isolated, parallel) -> publish a new version.

Prefect only wires these (flows/nightly.py). Documents are keyed by the sha256 of their bytes: a night costs
what changed. Every run, even one with nothing to do, adds a version and a row to the `runs` table.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from .errors import RunError
from .extract import DocumentResult, code_version, file_sha256
from .settings import Settings
from .store import (
    begin_version,
    commit_version,
    current_version,
    load_result,
    prune_cache,
    read_manifest,
    reuse_table,
    run_lock,
    save_result,
)

ExtractMany = Callable[[list[Path], Callable[[DocumentResult], None]], list[DocumentResult]]


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

    def lines(self) -> list[str]:
        return [
            f"run {self.run_id}: {self.new} new, {self.changed} changed, {self.unchanged} unchanged, {self.removed} removed documents",
            f"documents: {self.documents} ({self.ok} ok, {self.partial} partial, {self.failed} failed, {self.needs_ocr} needing OCR), {self.pages} pages",
            f"values written: {self.values} indicator values, {self.budget_lines} budget lines",
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
    previous: Path | None
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
        previous=current_version(settings.curated_dir) if manifest else None,
        decisions_sha=decisions_sha,
        nothing_changed=bool(manifest) and not (new or changed or removed or settings.full)
        and manifest.get("code_version") == version and manifest.get("decisions_sha") == decisions_sha,
    )
    if load_cache and not settings.full and not plan.nothing_changed:  # keyed by content and code, whatever the name
        for name, sha in shas.items():
            if (cached := load_result(settings.curated_dir, sha, version, name)) is not None:
                plan.cached[name] = cached
    return plan


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # gone since it was hashed: its worker records why
        return 0


def _import_publishing() -> None:
    """What `publish` imports (pandas, pandera, pyarrow, the schemas: about 1 s of one core), with what
    pandera imports when it first validates (its pandas backends: validating an empty table loads them)."""
    from schemas.tables import Runs

    from . import catalogue, report  # noqa: F401
    from .publish import frame

    Runs.validate(frame([], Runs))


def extract_planned(plan: Plan, settings: Settings, extract_many: ExtractMany, on_done: Callable[[DocumentResult], None] | None = None) -> list[DocumentResult]:
    """Extract what the plan needs, caching each result as it lands; all results in file order.

    Larger files go first: a long report started last would keep one worker busy while the others idle.
    Publishing's imports (about 1 s of one core) start once half the documents have landed, or as soon as
    a worker idles, and run beside the last (smaller) ones instead of after them. Not from the start: they
    hold about 100 MB, and the larger documents, read first, need the most memory."""
    todo = sorted(plan.to_extract, key=_size, reverse=True)
    warm_up = threading.Thread(target=_import_publishing, name="import-publishing", daemon=True)
    landed_count = 0

    def start_warm_up_when_due() -> None:
        half_landed = 2 * landed_count >= len(todo)
        worker_idle = len(todo) - landed_count < settings.workers
        if warm_up.ident is None and (half_landed or worker_idle):
            warm_up.start()

    def landed(result: DocumentResult) -> None:
        nonlocal landed_count
        landed_count += 1
        start_warm_up_when_due()
        if not result.transient:  # a failure that may pass is tried again next run
            save_result(settings.curated_dir, result, plan.code_version)
        if on_done:
            on_done(result)

    start_warm_up_when_due()
    fresh = {r.document["source_file"]: r for r in extract_many(todo, landed)}
    if warm_up.ident is not None:
        warm_up.join()  # publish then finds every module imported, none half-way
    return [plan.cached.get(name) or fresh[name] for name in plan.files]


def _run_row(plan: Plan, docs_failed: int, values: int, failures: int) -> dict:
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


def _manifest(plan: Plan, summary: dict) -> dict:
    return {"run_id": plan.run_id, "code_version": plan.code_version, "documents": plan.shas, "decisions_sha": plan.decisions_sha, "summary": summary}


def publish(plan: Plan, results: list[DocumentResult], settings: Settings) -> RunSummary:
    """Validate every table, write them as a new version, switch to it, write the reviewer's report."""
    import pandas as pd

    from schemas.tables import Indicators, Runs

    from .catalogue import apply_catalogue, build_catalogue, load_decisions, write_review_queue
    from .publish import frame, results_to_frames, validate, write_parquet
    from .report import write_report

    frames = results_to_frames(results)
    previous_catalogue = pd.read_parquet(plan.previous / "indicators.parquet") if plan.previous and (plan.previous / "indicators.parquet").exists() else None
    named = frames["indicator_attributes"][["source_file", "indicator_name", "indicator_id"]]  # names without values
    catalogue, id_map, review_pairs = build_catalogue(
        pd.concat([frames["indicator_values"], named], ignore_index=True), previous_catalogue, load_decisions(settings.decisions_file)
    )
    for t in ("indicator_values", "indicator_attributes"):
        frames[t] = apply_catalogue(frames[t], id_map)
    tables = validate(frames)
    Indicators.validate(catalogue)
    tables["indicators"] = catalogue
    docs, values, failures = tables["documents"], tables["indicator_values"], tables["validation_failures"]
    status = docs["status"].value_counts()
    summary = {
        "documents": len(docs),
        "ok": int(status.get("ok", 0)),
        "partial": int(status.get("partial", 0)),
        "failed": int(status.get("failed", 0)),
        "needs_ocr": int(status.get("needs_ocr", 0)),
        "pages": int(docs["pages"].fillna(0).sum()) if len(docs) else 0,
        "values": len(values),
        "budget_lines": len(tables["budget_lines"]),
        "errors": int((failures["severity"] == "error").sum()),
        "warnings": int((failures["severity"] == "warning").sum()),
    }
    row = _run_row(plan, summary["failed"], summary["values"], len(failures))
    previous_runs = pd.read_parquet(plan.previous / "runs.parquet") if plan.previous and (plan.previous / "runs.parquet").exists() else None
    tables["runs"] = frame([*(previous_runs.to_dict("records") if previous_runs is not None else []), row], Runs)
    Runs.validate(tables["runs"])

    tmp = begin_version(settings.curated_dir, plan.run_id)
    for name, df in tables.items():
        write_parquet(df, tmp / f"{name}.parquet")
    commit_version(settings.curated_dir, tmp, _manifest(plan, summary), settings.keep_versions)
    report = write_report(docs, values, failures, settings.reports_dir)
    write_review_queue(review_pairs, settings.reports_dir)
    prune_cache(settings.curated_dir, set(plan.shas.values()))
    return _summary(plan, summary, report, settings)


def record_unchanged(plan: Plan, settings: Settings) -> RunSummary:
    """Nothing changed: the new version links the previous tables and adds this run to `runs` (no pandas)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    previous = plan.previous
    manifest = read_manifest(settings.curated_dir)
    tmp = begin_version(settings.curated_dir, plan.run_id)
    for table in previous.glob("*.parquet"):
        if table.name != "runs.parquet":
            reuse_table(previous, tmp, table.name)
    runs = pq.read_table(previous / "runs.parquet")
    summary = manifest["summary"]
    row = _run_row(plan, summary["failed"], summary["values"], summary["errors"] + summary["warnings"])
    runs = pa.concat_tables([runs, pa.Table.from_pylist([row], schema=runs.schema)])
    pq.write_table(runs, tmp / "runs.parquet")
    commit_version(settings.curated_dir, tmp, _manifest(plan, summary), settings.keep_versions)
    return _summary(plan, summary, Path(settings.reports_dir) / "validation.html", settings)


def _summary(plan: Plan, counts: dict, report: Path, settings: Settings) -> RunSummary:
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


def run_pipeline(settings: Settings, show_progress: bool = False) -> RunSummary:
    """The whole run without Prefect (the CLI's --no-prefect, tests and benchmarks)."""
    from .isolation import extract_all
    from .progress import RunProgress

    check_writable(settings.curated_dir, settings.reports_dir)
    with run_lock(settings.curated_dir, settings.wait_for_lock):
        plan = plan_run(settings)
        if plan.nothing_changed:
            return record_unchanged(plan, settings)
        with RunProgress(len(plan.to_extract) if show_progress else 0) as progress:
            results = extract_planned(plan, settings, lambda paths, landed: extract_all(paths, settings, landed), progress.advance if show_progress else None)
        return publish(plan, results, settings)
