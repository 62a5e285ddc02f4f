"""`kinerja bench perf`: a full run against bare pdfplumber on the same pages, peak memory, and a no-change rerun.

The full run is `kinerja run --no-prefect` in a new process (start-up and exit included) into a fresh curated
folder. The bare baseline opens every PDF with pdfplumber and calls `extract_tables()` on every page, with as
many processes as the run has workers, so the ratio measures the pipeline's routing and reading, not
parallelism. `--rounds N` alternates the two N times and reports medians: on a shared machine one pair of
timings can be 30% apart from the next. OCR is measured apart (it is the slowest thing the pipeline does, and
only scans need it): every page that needs it, read from its image in one process, as pages/s per core.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from statistics import median
from typing import NamedTuple

import psutil

from pipeline.errors import RunError
from pipeline.plan import discover_documents
from pipeline.store import read_manifest


class PeakRss:
    """Samples the memory of a process (default: this one) and all its children; keeps the peak of their sums.

    Two sums: RSS, which counts a page shared by several processes (the forkserver's preloaded modules,
    inherited by every worker) once per process, and PSS, which splits a shared page among its sharers
    (the memory the run really holds). And the largest single RSS.

    Sampling must not slow the run it measures: RSS (from statm) is read every `interval_s`; PSS only every
    `pss_every` samples, since the kernel walks a process's whole page table for it (about 30 ms a round
    on a 2-worker run)."""

    def __init__(self, pid: int | None = None, interval_s: float = 0.1, pss_every: int = 5):
        self.pid = pid
        self.interval_s = interval_s
        self.pss_every = pss_every
        self.peak_total = 0
        self.peak_pss = 0
        self.peak_single = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return  # the run ended before its first sample
        for k in itertools.count():
            if self._stop.is_set():
                return
            try:
                tree = [root, *root.children(recursive=True)]
            except psutil.Error:
                return  # the run has ended
            rss, pss = [], []
            for p in tree:
                try:
                    rss.append(p.memory_info().rss)
                except psutil.Error:
                    continue  # a worker that just ended
                if k % self.pss_every == 0:
                    pss.append(_pss(p.pid) or rss[-1])
            self.peak_total = max(self.peak_total, sum(rss))
            self.peak_pss = max(self.peak_pss, sum(pss))
            self.peak_single = max(self.peak_single, max(rss, default=0))
            self._stop.wait(self.interval_s)

    def __enter__(self) -> "PeakRss":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def _pss(pid: int) -> int | None:
    """A process's PSS from /proc/<pid>/smaps_rollup (Linux; a fraction of a millisecond, where psutil's
    `memory_full_info` reads every mapping and would slow the run it measures); None elsewhere."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def _bare_tables(path: Path) -> int:
    """pdfplumber's own table extraction on every page; returns pages read (0 if the file does not open)."""
    import pdfplumber

    try:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_tables()
                page.close()
            return len(pdf.pages)
    except Exception:
        return 0


def bare_pdfplumber(paths: list[Path], workers: int) -> tuple[int, float]:
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pages = sum(pool.map(_bare_tables, paths))
    return pages, time.perf_counter() - start


def _kinerja_run(raw: Path, curated: Path, reports: Path, workers: int, *flags: str) -> subprocess.Popen:
    script = Path(sys.executable).with_name("kinerja")  # as users run it; `python -m` where it is not installed
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "pipeline.cli"]
    cmd += ["run", *flags, "--raw", str(raw), "--curated", str(curated), "--reports", str(reports), "--workers", str(workers)]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)


def _wait(proc: subprocess.Popen, what: str) -> None:
    _, stderr = proc.communicate()
    if proc.returncode != 0:
        raise RunError(f"{what} failed: {stderr.strip()[-300:]}")


class OcrRate(NamedTuple):
    pages: int  # pages that needed OCR (no text layer, or a noisy one)
    tables: int  # of them, recognised in full (their image holds a ruled table)
    seconds: float
    peak_rss: int  # bytes: the OCR process's peak RSS


def _ocr_pages(paths: list[Path]) -> tuple[int, int, float]:
    """Every page that needs OCR read from its image as the pipeline reads it (`scan_page`), one process."""
    import pypdfium2 as pdfium

    from extractors import ocr
    from extractors.scan import ocr_reason, scan_page

    engine = ocr._engine()
    pages = tables = 0
    seconds = 0.0
    for path in paths:
        try:
            doc = pdfium.PdfDocument(str(path))
        except Exception:
            continue
        try:
            for k in range(len(doc)):
                page = doc[k]
                if ocr_reason(page) is not None:
                    start = time.perf_counter()
                    tables += scan_page(engine, page, k + 1).table
                    seconds += time.perf_counter() - start
                    pages += 1
                page.close()
        finally:
            doc.close()
    return pages, tables, seconds


def ocr_rate(paths: list[Path]) -> OcrRate | None:
    """OCR on its own: every page of `paths` that needs it, read in one worker process (one core), timed
    per page, with the worker's peak memory. None without the OCR package."""
    from extractors import ocr

    if ocr._engine() is None:
        return None
    with ProcessPoolExecutor(max_workers=1) as pool, PeakRss() as memory:
        pages, tables, seconds = pool.submit(_ocr_pages, paths).result()
    return OcrRate(pages, tables, seconds, memory.peak_single)


class FullRun(NamedTuple):
    summary: dict  # the run's counts, from its manifest
    run_s: float
    memory: PeakRss
    rerun_s: float


def _full_run(raw: Path, workers: int) -> FullRun:
    """A cold `kinerja run --no-prefect` in a new process with a fresh curated folder, its process tree under
    the memory sampler; then the no-change rerun as a data team runs it, `kinerja run` again."""
    with tempfile.TemporaryDirectory(prefix="kinerja-perf-") as tmp:
        curated, reports = Path(tmp) / "curated", Path(tmp) / "reports"
        start = time.perf_counter()
        proc = _kinerja_run(raw, curated, reports, workers, "--no-prefect")
        with PeakRss(proc.pid) as memory:
            _wait(proc, "the full run")
        run_s = time.perf_counter() - start
        summary = read_manifest(curated)["summary"]
        start = time.perf_counter()
        _wait(_kinerja_run(raw, curated, reports, workers), "the no-change rerun")
        rerun_s = time.perf_counter() - start
    return FullRun(summary, run_s, memory, rerun_s)


def _needs_ocr(path: Path) -> bool:
    """Whether any page of the file is read by OCR (`scan.ocr_reason`)."""
    import pypdfium2 as pdfium

    from extractors.scan import ocr_reason

    try:
        doc = pdfium.PdfDocument(str(path))
    except Exception:
        return False
    try:
        return any(ocr_reason(doc[k]) is not None for k in range(len(doc)))
    finally:
        doc.close()


def perf_report(raw: Path, workers: int, baseline: bool = True, rounds: int = 1) -> list[str]:
    """`rounds` rounds of (full run, bare pdfplumber), alternating so that a slow spell of a shared machine falls
    on both; with more than one, times are medians and the ratio is the median of the rounds' paired ratios
    (a round's run and baseline share the machine's spell; medians of each apart need not). Documents with pages
    that need OCR are left out of both and measured apart (`ocr_rate`): OCR costs a hundred times a page read
    from its text layer, and would make the ratio a measure of how many scans the folder holds."""
    everything = discover_documents(raw)
    scans = [p for p in everything if _needs_ocr(p)]
    paths = [p for p in everything if p not in scans]
    with tempfile.TemporaryDirectory(prefix="kinerja-perf-raw-") as tmp:
        if scans:  # the run reads a folder: one without the scans (linked, or copied across file systems;
            for p in paths:  # the run refuses a symbolic link out of its raw folder)
                target = Path(tmp) / p.relative_to(raw)
                target.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(p, target)
                except OSError:
                    shutil.copyfile(p, target)
            raw = Path(tmp)
        runs, bares = [], []
        for _ in range(rounds):
            runs.append(_full_run(raw, workers))
            if baseline:
                bares.append(bare_pdfplumber(paths, workers))
    summary = runs[-1].summary
    pages = summary["pages"]
    run_s = median(r.run_s for r in runs)
    rerun_s = median(r.rerun_s for r in runs)
    each = f" (median of {rounds}: " if rounds > 1 else " ("
    lines = [
        f"documents: {summary['documents']} ({summary['ok']} ok, {summary['partial']} partial, {summary['failed']} failed, {summary['needs_ocr']} needing OCR), pages: {pages}, workers: {workers}",
        f"full run:          {run_s:8.1f} s  {pages / run_s:7.2f} pages/s{each}`kinerja run --no-prefect` in a new process: {summary['values']} values, {summary['budget_lines']} budget lines)",
    ]
    if baseline:
        bare_pages, bare_s = bares[-1][0], median(seconds for _, seconds in bares)
        each_ratio = [(r.summary["pages"] / r.run_s) / (n / seconds) for r, (n, seconds) in zip(runs, bares)]
        lines += [
            f"bare pdfplumber:   {bare_s:8.1f} s  {bare_pages / bare_s:7.2f} pages/s{each}extract_tables on every page, {workers} processes)",
            f"ratio:             {median(each_ratio):8.2f}  (full run pages/s over bare pdfplumber pages/s, median of the rounds"
            + (f"; rounds: {', '.join(f'{x:.2f}' for x in each_ratio)})" if rounds > 1 else ")"),
        ]
    peak_pss, peak_rss = max(r.memory.peak_pss for r in runs), max(r.memory.peak_total for r in runs)
    peak_single = max(r.memory.peak_single for r in runs)
    sampler = runs[0].memory
    lines += [
        f"peak memory:       {peak_pss / 2**20:8.0f} MB  PSS of all processes together (shared pages split among their processes; sampled every {sampler.interval_s * sampler.pss_every:.1f} s{'; highest round' if rounds > 1 else ''})",
        f"peak RSS:          {peak_rss / 2**20:8.0f} MB  RSS of all processes together (shared pages counted in each; {peak_single / 2**20:.0f} MB the largest one; sampled every {sampler.interval_s:.1f} s)",
        f"no-change rerun:   {rerun_s:8.2f} s  (`kinerja run` again, a new process{'; median' if rounds > 1 else ''})",
    ]
    ocr = ocr_rate(scans)
    if scans:
        lines[0] += f" (and {len(scans)} with pages needing OCR, measured apart: OCR line)"
    if ocr is None:
        lines.append("OCR:               not installed (scans stay needs_ocr)")
    elif ocr.pages:
        lines.append(f"OCR:               {ocr.seconds:8.1f} s  {ocr.pages / ocr.seconds:7.2f} pages/s per core ({ocr.pages} pages needing OCR, "
                     f"{ocr.tables} of them table pages recognised in full, the rest routed on the image only; one process, "
                     f"peak RSS {ocr.peak_rss / 2**20:.0f} MB)")
    else:
        lines.append("OCR:               no page needs OCR")
    return lines
