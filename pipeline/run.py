"""A run as plain functions: plan -> extract what changed (isolated, parallel) -> publish a new version.

Prefect only wires these (flows/nightly.py). Documents are keyed by the sha256 of their bytes: a night costs
what changed. Every run, even one with nothing to do, adds a version and a row to the `runs` table.

The extractors and pandas are imported only when there is something to read and publish (see
`run_pipeline`): a night with nothing new is answered in under a second from `plan` and `store` alone.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from .plan import Plan, RunSummary, check_writable, plan_run, run_row, run_summary, version_manifest
from .results import DocumentResult
from .settings import Settings
from .reportmark import report_version
from .store import MANIFEST, begin_version, commit_version, current_version, read_manifest, reuse_table, run_lock, save_result, write_atomic

ExtractMany = Callable[[list[Path], Callable[[DocumentResult], None]], list[DocumentResult]]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # gone since it was hashed: its worker records why
        return 0


def _import_publishing() -> None:
    """What `publish` imports (pandas, pandera, pyarrow, the schemas: about 1 s of one core), with what
    pandera imports when it first validates (its pandas backends: validating an empty table loads them)."""
    from schemas.tables import Runs

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


def record_unchanged(plan: Plan, settings: Settings) -> RunSummary:
    """Nothing changed: the new version links the previous tables and adds this run to `runs` (no pandas, unless
    the reports folder lacks the report of these tables: a new --reports folder, a run killed before its report)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    previous = plan.previous_version
    manifest = read_manifest(settings.curated_dir)
    tmp = begin_version(settings.curated_dir, plan.run_id)
    for table in previous.iterdir():  # the tables, and the review queue the report is written from
        if table.is_file() and table.name not in ("runs.parquet", MANIFEST):
            reuse_table(previous, tmp, table.name)
    runs = pq.read_table(previous / "runs.parquet")
    summary = manifest["summary"]
    row = run_row(plan, summary["failed"], summary["values"], summary["errors"] + summary["warnings"])
    runs = pa.concat_tables([runs, pa.Table.from_pylist([row], schema=runs.schema)])
    write_atomic(tmp / "runs.parquet", lambda f: pq.write_table(runs, f))
    tables_of = manifest.get("tables_of") or previous.name  # the version that wrote these tables: the report's
    commit_version(settings.curated_dir, tmp, {**version_manifest(plan, summary), "tables_of": tables_of}, settings.keep_versions)
    report = Path(settings.reports_dir) / "validation.html"
    if report_version(settings.reports_dir) != tables_of:
        from .report import write_report_of

        report = write_report_of(current_version(settings.curated_dir), tables_of, settings.reports_dir, dict(plan.files), settings.workers)
    return run_summary(plan, summary, report, settings)


def record_if_unchanged(settings: Settings) -> RunSummary | None:
    """The run of a night with nothing new (same files, bytes, code and decisions), recorded; None when
    there is work to do. The caller holds the curated folder's lock (`run_lock`), and keeps it for the work."""
    plan = plan_run(settings, load_cache=False)
    return record_unchanged(plan, settings) if plan.nothing_changed else None


def run_pipeline(settings: Settings, show_progress: bool = False) -> RunSummary:
    """The whole run without Prefect (the CLI's --no-prefect, tests and benchmarks)."""
    from .isolation import extract_all  # the extractors: only now that there is something to read
    from .progress import RunProgress
    from .publish import publish_version

    check_writable(settings.curated_dir, settings.reports_dir)
    with run_lock(settings.curated_dir, settings.wait_for_lock):
        plan = plan_run(settings)
        if plan.nothing_changed:
            return record_unchanged(plan, settings)
        with RunProgress(len(plan.to_extract) if show_progress else 0) as progress:
            results = extract_planned(plan, settings, lambda paths, landed: extract_all(paths, settings, landed), progress.advance if show_progress else None)
        return publish_version(plan, results, settings)
