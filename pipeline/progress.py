"""Progress of a run: a bar (documents, pages) on a terminal; one plain log line per document otherwise."""

from __future__ import annotations

import sys

from .console import printable
from .results import DocumentResult


class RunProgress:
    def __init__(self, total: int, stream=None):
        self.total = total
        self.done = 0
        self.pages = 0
        self.stream = stream or sys.stderr
        self._bar = None
        if total and getattr(self.stream, "isatty", lambda: False)():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(
                TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TextColumn("documents, {task.fields[pages]} pages"),
                TimeElapsedColumn(), console=Console(file=self.stream), transient=True,
            )
            self._task = self._bar.add_task("extract", total=total, pages=0)

    def __enter__(self) -> "RunProgress":
        if self._bar:
            self._bar.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._bar:
            self._bar.stop()

    def advance(self, result: DocumentResult) -> None:
        self.done += 1
        self.pages += int(result.document.get("pages") or 0)
        if self._bar:
            self._bar.update(self._task, advance=1, pages=self.pages)
        else:
            d = result.document
            line = f"[{self.done}/{self.total}] {d['source_file']}: {d['status']}, {d.get('pages') or 0} pages, {len(result.values)} values"
            print(printable(line), file=self.stream, flush=True)
