"""`kinerja bench perf`: a full run against bare pdfplumber on the same pages, peak memory, and a no-change rerun.

The bare baseline opens every PDF with pdfplumber and calls `extract_tables()` on every page, with as many
processes as the run has workers, so the ratio measures the pipeline's routing and reading, not parallelism.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import psutil

from .run import discover_documents, run_pipeline
from .settings import Settings


class PeakRss:
    """Samples the memory of this process and all its children; keeps the peak of their sums.

    Two sums: RSS, which counts a page shared by several processes (the forkserver's preloaded modules,
    inherited by every worker) once per process, and PSS, which splits a shared page among its sharers
    (the memory the run really holds). And the largest single RSS."""

    def __init__(self, interval_s: float = 0.05):
        self.interval_s = interval_s
        self.peak_total = 0
        self.peak_pss = 0
        self.peak_single = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            rss, pss = [], []
            for p in [me, *me.children(recursive=True)]:
                try:
                    rss.append(p.memory_info().rss)
                except psutil.Error:
                    continue  # a worker that just ended
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


def perf_report(raw: Path, workers: int, baseline: bool = True) -> list[str]:
    paths = discover_documents(raw)
    with tempfile.TemporaryDirectory(prefix="kinerja-perf-") as tmp:
        settings = Settings(raw_dir=raw, curated_dir=Path(tmp) / "curated", reports_dir=Path(tmp) / "reports", workers=workers)
        with PeakRss() as rss:
            start = time.perf_counter()
            summary = run_pipeline(settings)
            run_s = time.perf_counter() - start
        # the no-change rerun, as a data team runs it: a fresh `kinerja run` process
        cmd = [sys.executable, "-m", "pipeline.cli", "run", "--raw", str(raw), "--curated", str(settings.curated_dir),
               "--reports", str(settings.reports_dir), "--workers", str(workers)]
        start = time.perf_counter()
        rerun = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
        rerun_s = time.perf_counter() - start
    pages = summary.pages
    lines = [
        f"documents: {summary.documents} ({summary.ok} ok, {summary.partial} partial, {summary.failed} failed, {summary.needs_ocr} needing OCR), pages: {pages}, workers: {workers}",
        f"full run:          {run_s:8.1f} s  {pages / run_s:7.2f} pages/s  ({summary.values} values, {summary.budget_lines} budget lines)",
    ]
    if baseline:
        bare_pages, bare_s = bare_pdfplumber(paths, workers)
        lines += [
            f"bare pdfplumber:   {bare_s:8.1f} s  {bare_pages / bare_s:7.2f} pages/s  (extract_tables on every page, {workers} processes)",
            f"ratio:             {(pages / run_s) / (bare_pages / bare_s):8.2f}  (full run pages/s over bare pdfplumber pages/s)",
        ]
    lines += [
        f"peak memory:       {rss.peak_pss / 2**20:8.0f} MB  PSS of all processes together (shared pages split among their processes)",
        f"peak RSS:          {rss.peak_total / 2**20:8.0f} MB  RSS of all processes together (shared pages counted in each; {rss.peak_single / 2**20:.0f} MB the largest one)",
        f"no-change rerun:   {rerun_s:8.2f} s  (a new `kinerja run` process{'' if rerun.returncode == 0 else ', FAILED: ' + rerun.stderr.strip()[-200:]})",
    ]
    return lines
