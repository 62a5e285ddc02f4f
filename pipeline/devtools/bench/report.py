"""`kinerja bench report`: how long the reviewer's report of a published version takes to write, and to open.

It writes the report of the curated folder's current version (`write_report_of`, what a run does after
publishing) into a fresh folder twice: cold (every page image and crop drawn) and warm (the images found on disk,
as on the next night), and prints the pages' and images' count and size. With Chromium on PATH it also times
opening validation.html and the largest document page until their `load` event (images are lazy: the first
screen's only).
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path

from pipeline.errors import KinerjaError
from pipeline.plan import scan_raw
from pipeline.report import write_report_of
from pipeline.store import MANIFEST, current_version


def _size(paths: list[Path]) -> float:
    return sum(p.stat().st_size for p in paths) / 1e6


def _open_times(pages: list[Path]) -> list[float]:
    chromium = shutil.which("chromium")
    if chromium is None:
        return []
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for page_path in pages:
            page = browser.new_page()
            t = time.perf_counter()
            page.goto(page_path.as_uri(), wait_until="load")
            times.append(time.perf_counter() - t)
            page.close()
        browser.close()
    return times


def report_bench(curated: Path, raw: Path, workers: int) -> list[str]:
    version = current_version(curated)
    if version is None:
        raise KinerjaError(f"no published version in {curated}: run kinerja run first")
    manifest = json.loads((version / MANIFEST).read_text())
    tables_of = manifest.get("tables_of") or version.name
    sources = scan_raw(raw).files
    lines = [f"report of version {tables_of} ({len(manifest['documents'])} documents), {workers} workers"]
    with tempfile.TemporaryDirectory() as out:
        out = Path(out)
        for label in ("cold (every image drawn)", "warm (images on disk)"):
            t = time.perf_counter()
            write_report_of(version, tables_of, out, sources, workers)
            lines.append(f"  {label}: {time.perf_counter() - t:.1f} s")
        docs = sorted((out / "docs").glob("*.html"), key=lambda p: p.stat().st_size)
        images = list((out / "img").glob("*.png"))
        lines.append(f"  validation.html {_size([out / 'validation.html']):.2f} MB; {len(docs)} document pages, {_size(docs):.1f} MB "
                     f"(largest {_size(docs[-1:]):.2f} MB); {len(images)} images, {_size(images):.0f} MB")
        opened = _open_times([out / "validation.html", *docs[-1:]])
        if opened:
            lines.append(f"  opened in Chromium to its load event: validation.html {opened[0]:.2f} s" + (f", the largest document page {opened[1]:.2f} s" if len(opened) > 1 else ""))
    return lines
