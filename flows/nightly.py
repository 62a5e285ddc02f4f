"""The nightly flow: all of Prefect is here, and it only wires plain functions from `pipeline`.

Extraction tasks run on a thread pool in this process (each document in its own worker process), or on a
Dask cluster through prefect-dask when `dask_address` is set (workers must see the same raw folder).
`run_nightly` runs the flow once; `serve_nightly` registers it on a cron schedule and serves it.
"""

from __future__ import annotations

import logging
import os
from contextlib import nullcontext
from pathlib import Path


def _quiet_prefect() -> None:
    """Local, ephemeral Prefect: no server to run, logs at warning, state kept under the user's home.
    Set before Prefect is imported (it reads its settings then); an environment that says otherwise wins."""
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ALLOW_EPHEMERAL_MODE", "true")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_CLI_PROMPT", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")  # a loaded night machine starts it slowly


_quiet_prefect()

from prefect import flow, serve, task  # noqa: E402  (after the environment above)
from prefect.artifacts import create_markdown_artifact  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.futures import as_completed  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402

from pipeline.isolation import extract_with_retries  # noqa: E402
from pipeline.plan import Plan, RunSummary, check_writable, plan_run  # noqa: E402
from pipeline.progress import RunProgress  # noqa: E402
from pipeline.publish import publish_version  # noqa: E402
from pipeline.results import DocumentResult  # noqa: E402
from pipeline.run import extract_planned, record_unchanged  # noqa: E402
from pipeline.settings import Settings  # noqa: E402
from pipeline.store import run_lock  # noqa: E402

DEFAULT_CRON = "0 2 * * *"  # 02:00 every night, after the day's uploads


@task(name="plan", retries=2, retry_delay_seconds=5, cache_policy=NO_CACHE)
def plan_task(settings: Settings) -> Plan:
    return plan_run(settings)


@task(name="extract", task_run_name="extract {path.name}", cache_policy=NO_CACHE)
def extract_task(path: Path, settings: Settings) -> DocumentResult:
    return extract_with_retries(path, settings)


@task(name="publish", cache_policy=NO_CACHE)
def publish_task(plan: Plan, results: list[DocumentResult], settings: Settings) -> RunSummary:
    return publish_version(plan, results, settings)


def _extract_on_runner(settings: Settings):
    def extract_many(paths, landed):
        futures = [extract_task.submit(p, settings) for p in paths]
        results = []
        for future in as_completed(futures):
            results.append(future.result())
            landed(results[-1])
        return results

    return extract_many


def _publish_artifact(summary: RunSummary) -> None:
    lines = "\n".join(f"- {line}" for line in summary.lines()[:-1])
    report = Path(summary.report).resolve()
    create_markdown_artifact(
        key="kinerja-nightly-summary",
        markdown=f"# kinerja run {summary.run_id}\n\n{lines}\n\nReviewer's report: [{report.name}]({report.as_uri()})\n",
        description="documents, values and validation failures of this run",
    )


@flow(name="kinerja-nightly")
def nightly(
    raw_dir: str = "raw",
    curated_dir: str = "curated",
    reports_dir: str = "reports",
    decisions_file: str = "review/decisions.csv",
    corrections_file: str = "review/corrections.csv",
    workers: int | None = None,
    timeout_s: float | None = None,
    memory_mb: int | None = None,
    full: bool = False,
    wait_for_lock: bool = True,
    lock_held: bool = False,
) -> RunSummary:
    """Read the new and changed PDFs in raw_dir, validate, publish a new curated version and the report.
    `lock_held`: the caller holds the curated folder's lock already (`kinerja run` takes it before planning)."""
    settings = Settings.resolve(
        raw_dir=raw_dir, curated_dir=curated_dir, reports_dir=reports_dir, decisions_file=decisions_file, corrections_file=corrections_file, workers=workers,
        timeout_s=timeout_s, memory_mb=memory_mb, full=full, wait_for_lock=wait_for_lock,
    )
    check_writable(settings.curated_dir, settings.reports_dir)
    with nullcontext() if lock_held else run_lock(settings.curated_dir, settings.wait_for_lock):
        plan = plan_task(settings)
        if plan.nothing_changed:
            summary = record_unchanged(plan, settings)
        else:
            with RunProgress(len(plan.to_extract)) as progress:
                results = extract_planned(plan, settings, _extract_on_runner(settings), progress.advance)
            summary = publish_task(plan, results, settings)
    _publish_artifact(summary)
    return summary


def flow_parameters(settings: Settings) -> dict:
    return {
        "raw_dir": str(settings.raw_dir), "curated_dir": str(settings.curated_dir), "reports_dir": str(settings.reports_dir),
        "decisions_file": str(settings.decisions_file), "corrections_file": str(settings.corrections_file),
        "workers": settings.workers, "timeout_s": settings.timeout_s, "memory_mb": settings.memory_mb,
        "full": settings.full, "wait_for_lock": settings.wait_for_lock,
    }


def configured_flow(settings: Settings):
    """The flow with its task runner: Dask when an address is given, else a thread per document in flight."""
    if settings.dask_address:
        from prefect_dask import DaskTaskRunner

        return nightly.with_options(task_runner=DaskTaskRunner(address=settings.dask_address))
    return nightly.with_options(task_runner=ThreadPoolTaskRunner(max_workers=settings.workers))


def run_nightly(settings: Settings, lock_held: bool = False) -> RunSummary:
    """The flow, run once here; `lock_held`: this process holds the curated folder's lock (a flock is per open
    file: taking it again from this process would wait for itself)."""
    return configured_flow(settings)(**flow_parameters(settings), lock_held=lock_held)


def nightly_deployment(settings: Settings, cron: str = DEFAULT_CRON, name: str = "nightly"):
    """The flow as a deployment on a cron schedule (what `kinerja serve` serves)."""
    return configured_flow(settings).to_deployment(name=name, cron=cron, parameters=flow_parameters(settings))


def serve_nightly(settings: Settings, cron: str | None = None, name: str = "nightly") -> None:
    """Serve the deployment until stopped; a long-running service logs its runs at INFO."""
    logging.getLogger("prefect").setLevel(logging.INFO)
    serve(nightly_deployment(settings, cron or DEFAULT_CRON, name))
