"""`kinerja`: run the nightly flow, query the curated tables, make samples, measure."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn, Optional

import typer
from rich.console import Console
from rich.table import Table

from .console import one_line, plain, printable
from .errors import KinerjaError
from .isolation import check_dask_scheduler
from .plan import check_writable
from .run import record_if_unchanged, run_pipeline
from .settings import Settings
from .store import run_lock

# rich_markup_mode=None: a usage error (`--limit abc`) is click's one `Error:` line, not a panel wrapped at 80 columns
app = typer.Typer(help="ETL for Indonesian government performance reports (SAKIP) into curated parquet tables.", no_args_is_help=True,
                  add_completion=False, rich_markup_mode=None)
bench_app = typer.Typer(help="Measure: accuracy against hand labels, speed and memory.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(bench_app, name="bench")
console = Console()
err = Console(stderr=True)


def _fail(command: str, message: object) -> NoReturn:
    """The one line of a command that cannot go on (exit 2): never wrapped, whatever newlines the message holds."""
    err.print(plain(one_line(f"kinerja {command}: {message}"), "red"), soft_wrap=True)
    raise typer.Exit(2)


@app.command()
def run(
    raw: Path = typer.Option(Path("raw"), help="folder of report PDFs"),
    curated: Path = typer.Option(Path("curated"), help="where the curated parquet tables go"),
    reports: Path = typer.Option(Path("reports"), help="where validation.html and review_queue.html go"),
    decisions: Path = typer.Option(Path("review/decisions.csv"), help="reviewers' same/different decisions on indicator pairs"),
    corrections: Path = typer.Option(Path("review/corrections.csv"), help="reviewers' corrections of values read wrong"),
    workers: Optional[int] = typer.Option(None, help="documents read at once (default: CPU cores)"),
    timeout: Optional[float] = typer.Option(None, help="seconds one document may take"),
    memory_mb: Optional[int] = typer.Option(None, help="memory cap of one document's worker, MB"),
    full: bool = typer.Option(False, "--full", help="re-extract every document, changed or not"),
    wait: bool = typer.Option(False, "--wait", help="if another run holds the curated folder, wait for it"),
    dask_address: Optional[str] = typer.Option(None, help="run extraction on this Dask scheduler (tcp://host:8786)"),
    no_prefect: bool = typer.Option(False, "--no-prefect", help="run the same stages without Prefect"),
) -> None:
    """Run the nightly flow over RAW: extract what changed, validate, publish a new version of CURATED, write REPORTS."""
    try:
        settings = Settings.resolve(
            raw_dir=raw, curated_dir=curated, reports_dir=reports, decisions_file=decisions, corrections_file=corrections, workers=workers, timeout_s=timeout,
            memory_mb=memory_mb, full=full, wait_for_lock=wait, dask_address=dask_address,
        )
        summary = _run(settings, no_prefect)
    except (KinerjaError, ValueError) as exc:
        _fail("run", exc)
    for line in summary.lines():
        console.print(plain(line), soft_wrap=True)


def _run(settings: Settings, no_prefect: bool):
    if no_prefect and not settings.dask_address:
        return run_pipeline(settings, show_progress=True)
    if settings.dask_address:  # one line in seconds, not distributed's 30 s and a traceback inside the flow
        check_dask_scheduler(settings.dask_address, settings.dask_connect_s)
    # One lock from planning to publish: a second run started meanwhile stops here with one line (or waits)
    check_writable(settings.curated_dir, settings.reports_dir)
    with run_lock(settings.curated_dir, settings.wait_for_lock):
        # A night with nothing new is answered before the orchestrator starts (importing it alone takes seconds).
        summary = record_if_unchanged(settings)
        if summary is not None:
            return summary
        from flows.nightly import run_nightly  # the entry point is the one module above flows/

        return run_nightly(settings, lock_held=True)


@app.command()
def query(
    sql: str = typer.Argument(..., help="SQL; each curated table is a view by its name"),
    curated: Path = typer.Option(Path("curated"), help="curated folder"),
    limit: int = typer.Option(50, help="rows to print at most (1 or more)"),
    output_format: str = typer.Option("auto", "--format", help="auto (a table, or one block per row when rows are too wide), table, vertical, csv, json, markdown"),
) -> None:
    """SQL over the curated tables with DuckDB (select doc_type, count(*) from indicator_values group by 1)."""
    from .query import FORMATS, as_csv, as_json, as_markdown, as_vertical, cell_text, run_query

    if output_format not in FORMATS:
        _fail("query", f"--format must be one of {', '.join(FORMATS)}, got {output_format!r}")
    try:
        result = run_query(curated, sql, limit)
    except Exception as exc:  # KinerjaError, or duckdb's own message on the SQL
        _fail("query", exc)
    if output_format in ("csv", "json", "markdown"):  # for programs and documents: every row asked for, nothing else
        sys.stdout.write({"csv": as_csv, "json": as_json, "markdown": as_markdown}[output_format](result))
        return
    # a pipe or a file gets every column at full width, not squeezed to 80 characters
    out = console if console.is_terminal else Console(width=400)
    table = Table(show_lines=False)
    for c in result.columns:
        table.add_column(plain(c), overflow="fold")
    for row in result.rows:  # cells are data: Text, never markup
        table.add_row(*[plain(cell_text(v)) for v in row])
    if output_format == "vertical" or (output_format == "auto" and _too_wide(out, table)):
        for line in as_vertical(result):
            out.print(plain(line), soft_wrap=True)
    else:
        out.print(table)
    if result.more:
        out.print(plain(f"(first {limit} rows; --limit shows more)"))


# a table folded to fit with its columns narrower than this on average is unreadable: one block per row instead
NARROWEST_READABLE_COLUMN = 12


def _too_wide(out: Console, table: Table) -> bool:
    """The table does not fit the console at its natural width, and folded to fit, its columns would
    average fewer than NARROWEST_READABLE_COLUMN characters."""
    from rich.measure import Measurement

    if not table.columns:
        return False
    unbounded = out.options.update(max_width=10**6)  # a table's own measure stops at the console's width
    natural = sum(max(Measurement.get(out, unbounded, cell).maximum for cell in (c.header, *c.cells)) for c in table.columns)
    room = out.width - (3 * len(table.columns) + 1)  # borders and padding
    return natural > room and room / len(table.columns) < NARROWEST_READABLE_COLUMN


@app.command()
def serve(
    raw: Path = typer.Option(Path("raw"), help="folder of report PDFs"),
    curated: Path = typer.Option(Path("curated"), help="where the curated parquet tables go"),
    reports: Path = typer.Option(Path("reports"), help="where validation.html goes"),
    workers: Optional[int] = typer.Option(None, help="documents read at once (default: CPU cores)"),
    cron: Optional[str] = typer.Option(None, help="when to run, a cron expression (default: the flow's, 02:00 every night)"),
    name: str = typer.Option("nightly", help="deployment name"),
    dask_address: Optional[str] = typer.Option(None, help="run extraction on this Dask scheduler"),
) -> None:
    """Register the nightly flow as a Prefect deployment on CRON and serve it until stopped (Ctrl-C)."""
    try:
        settings = Settings.resolve(raw_dir=raw, curated_dir=curated, reports_dir=reports, workers=workers, wait_for_lock=True, dask_address=dask_address)
        if settings.dask_address:
            check_dask_scheduler(settings.dask_address, settings.dask_connect_s)
        from flows.nightly import DEFAULT_CRON, serve_nightly
    except (KinerjaError, ValueError) as exc:
        _fail("serve", exc)
    console.print(plain(f"serving kinerja-nightly/{name} on '{cron or DEFAULT_CRON}' over {raw} (Ctrl-C stops)"), soft_wrap=True)
    serve_nightly(settings, cron, name)


@app.command()
def samples(
    out: Path = typer.Option(Path("raw"), help="folder for the sample PDFs"),
    corpus: Optional[int] = typer.Option(None, help="instead, N varied generated documents (scale benchmark)"),
    seed: int = typer.Option(0, help="random seed of --corpus"),
) -> None:
    """Generate the sample reports (from the seed documents' real tables) into OUT."""
    from .devtools.samples import write_corpus, write_samples

    paths = write_corpus(out, corpus, seed) if corpus else write_samples(out)
    console.print(plain(f"{len(paths)} files in {out}"), soft_wrap=True)


@app.command()
def schema() -> None:
    """Print the curated tables' columns as Markdown (the README's table docs come from here)."""
    from schemas.docs import schema_markdown

    typer.echo(schema_markdown())


@bench_app.command("accuracy")
def bench_accuracy(
    corpus: Optional[Path] = typer.Option(None, help="score every development set found here (real, regions, scans; ../shared/corpus)"),
    raw: Optional[Path] = typer.Option(None, help="one ad-hoc set: folder of PDFs"),
    truth: Optional[Path] = typer.Option(None, help="its value labels CSV (file,kind,jabatan,sasaran,indicator,year,measure,period,value,value_text,unit,page)"),
    budget_truth: Optional[Path] = typer.Option(None, "--budget-truth", help="its budget-line labels CSV (file,code,name,year,pagu,realisasi,page)"),
    docs: Optional[Path] = typer.Option(None, help="its document metadata CSV (file,doc_type,agency,region,year_from,year_to,...)"),
    workers: Optional[int] = typer.Option(None),
    curated: Optional[Path] = typer.Option(None, help="score this existing curated folder instead of extracting (one ad-hoc set)"),
) -> None:
    """Recall and precision of values and budget lines (page-matched) and document metadata, per set, file and doc_type."""
    from .devtools.bench.accuracy import accuracy_report, adhoc_set
    from .devtools.bench.corpus import corpus_sets

    def report() -> list[str]:
        if corpus is not None:
            if any(o is not None for o in (raw, truth, budget_truth, docs, curated)):
                raise KinerjaError("--corpus scores its own sets: give it alone, or --raw/--truth/... for one set")
            sets, notes = corpus_sets(corpus)
        else:
            sets, notes = [adhoc_set(raw, truth, budget_truth, docs)], []
            if curated is None and raw is None:
                raise KinerjaError("give --raw DIR (or --curated DIR) with --truth")
        return accuracy_report(sets, Settings.resolve(workers=workers), curated, notes)

    _echo_bench(report)


def _echo_bench(report) -> None:
    """Print a benchmark's lines; a KinerjaError (missing truth file, raw folder) is one line and exit 2."""
    try:
        lines = report()
    except KinerjaError as exc:
        _fail("bench", exc)
    for line in lines:
        typer.echo(printable(line))


@bench_app.command("metadata")
def bench_metadata(
    raw: Path = typer.Option(..., help="folder of PDFs"),
    truth: Path = typer.Option(..., help="CSV file,doc_type,agency,region,year_from,year_to,... read by hand"),
) -> None:
    """doc_type, agency, region and period read from each report, against hand-read values."""
    from .devtools.bench.metadata import metadata_report

    metadata_report(raw, truth)


@bench_app.command("perf")
def bench_perf(
    raw: Path = typer.Option(..., help="folder of PDFs"),
    workers: Optional[int] = typer.Option(None, help="worker processes (default: CPU cores)"),
    baseline: bool = typer.Option(True, "--baseline/--no-baseline", help="also time bare pdfplumber on the same pages"),
    rounds: int = typer.Option(1, min=1, help="alternate full run and baseline this many times; report medians (a shared machine's speed wanders)"),
) -> None:
    """Pages/s of a full run vs bare pdfplumber extract_tables, peak RSS, and a no-change rerun's time."""
    from .devtools.bench.perf import perf_report

    _echo_bench(lambda: perf_report(raw, Settings.resolve(workers=workers).workers, baseline, rounds))


@bench_app.command("coverage")
def bench_coverage(
    raw: Path = typer.Option(..., help="folder of PDFs (no labels needed)"),
    workers: Optional[int] = typer.Option(None, help="worker processes (default: CPU cores)"),
    worst: int = typer.Option(25, min=0, help="worst pages to list"),
) -> None:
    """Coverage of the value-like cells on table pages, per doc_type, then the worst pages first (no labels)."""
    from .devtools.bench.coverage import coverage_report

    _echo_bench(lambda: coverage_report(raw, Settings.resolve(workers=workers), worst))


@bench_app.command("report")
def bench_report(
    curated: Path = typer.Option(..., help="curated folder with a published version"),
    raw: Path = typer.Option(..., help="its folder of PDFs (the pages the report shows)"),
    workers: Optional[int] = typer.Option(None, help="worker processes drawing images (default: CPU cores)"),
) -> None:
    """Time writing the reviewer's report of the current version (cold, then with its images on disk) and opening it."""
    from .devtools.bench.report import report_bench

    _echo_bench(lambda: report_bench(curated, raw, Settings.resolve(workers=workers).workers))


@bench_app.command("fuzz")
def bench_fuzz(
    seconds: float = typer.Option(300, min=1, help="how long to go on trying inputs"),
    samples: Optional[Path] = typer.Option(None, help="folder of seed PDFs (default: the sample reports, generated afresh)"),
    workers: Optional[int] = typer.Option(None, help="inputs read at once (default: CPU cores)"),
    seed: int = typer.Option(0, help="random seed: the same seed tries the same inputs"),
    timeout: Optional[float] = typer.Option(None, min=1, help="seconds one input may take before its worker is killed (default 30)"),
    keep: Optional[Path] = typer.Option(None, help="write inputs that crashed or timed out here"),
) -> None:
    """Random bytes and mutated sample reports through the extraction, each in its own worker: inputs tried, statuses, crashes, slowest."""
    from .devtools.fuzz import FUZZ_TIMEOUT_S, fuzz_report, sample_seeds

    def report() -> list[str]:
        seeds = sample_seeds(samples)
        if not seeds:
            raise KinerjaError(f"no PDFs in {samples}")
        return fuzz_report(seeds, seconds, Settings.resolve(workers=workers).workers, seed, timeout or FUZZ_TIMEOUT_S, keep)

    _echo_bench(report)


@bench_app.command("matching")
def bench_matching(
    pairs: Optional[Path] = typer.Option(None, help="labelled pairs CSV (name_a,name_b,same,kind,note); default tests/data/indicator_pairs.csv"),
) -> None:
    """Pair precision and recall of the indicator-name matcher; pairs in the review band are counted apart."""
    from .devtools.bench.matching import DEFAULT_PAIRS, matching_report

    path = pairs or DEFAULT_PAIRS
    if not path.is_file():
        _fail("bench matching", f"no pairs file {path}")
    _, text = matching_report(path)
    typer.echo(printable(text))


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
