"""The nightly flow: Prefect wiring only. Every task calls a plain function from `pipeline`."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, task, unmapped
from prefect.task_runners import ThreadPoolTaskRunner

from pipeline.extract import DocumentResult
from pipeline.isolation import extract_isolated
from pipeline.run import RunSummary, check_writable, discover_documents, publish
from pipeline.settings import Settings


@task(name="discover", retries=2, retry_delay_seconds=2)
def discover_task(raw_dir: Path) -> list[Path]:
    return discover_documents(raw_dir)


@task(name="extract", task_run_name="extract {path.name}")
def extract_task(path: Path, settings: Settings) -> DocumentResult:
    return extract_isolated(path, settings)


@task(name="publish")
def publish_task(results: list[DocumentResult], settings: Settings) -> RunSummary:
    return publish(results, settings)


@flow(name="kinerja-nightly")
def nightly(settings: Settings) -> RunSummary:
    """Read every PDF in raw_dir, validate, write curated parquet and the reviewer's report."""
    check_writable(settings.curated_dir, settings.reports_dir)
    paths = discover_task(settings.raw_dir)
    results = extract_task.map(paths, settings=unmapped(settings)).result()
    return publish_task(results, settings)


def run_nightly(settings: Settings) -> RunSummary:
    """Run the flow with `settings.workers` documents in flight (each in its own worker process)."""
    return nightly.with_options(task_runner=ThreadPoolTaskRunner(max_workers=settings.workers))(settings)
