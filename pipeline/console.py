"""Text from PDFs and paths on a terminal: always data, never markup or control sequences.

A cell, a file name or a PDF's error message may hold `[/x]` or `[link=...]` (rich markup: a crash, a
clickable link, brackets that vanish), an escape sequence (`\\x1b[31m`, `\\x1b]8;;...`: colours, links,
a retitled window), a carriage return that overwrites the line, or a bidi override that reorders it.
Everything the CLI prints goes through `printable` (control characters shown as visible escapes) and
reaches rich as a `Text` (never parsed for markup or emoji). An error is one line (`one_line`), whatever
newlines its message holds, so a log keeps one error per line; a CSV cell a spreadsheet would run as a
formula is `neutralised`.
"""

from __future__ import annotations

import re

from rich.text import Text

# a line of DuckDB's error that only points at the line above (`       ^^^^^`)
_POINTER = re.compile(r"\s*\^+\s*")
# what a spreadsheet runs as a formula at a cell's start ("=HYPERLINK(...)" printed in a PDF)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# C0 controls but tab and newline, DEL, C1 controls; bidi embeddings, overrides and isolates
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(m: re.Match) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def printable(value: object) -> str:
    """`value` as text, each control character replaced by its visible escape (`\\x1b`); tab and newline kept."""
    return _CONTROLS.sub(_visible, str(value))


def plain(value: object, style: str = "") -> Text:
    """`value` as a rich Text: printed as it reads, whatever brackets it holds."""
    return Text(printable(value), style=style)


def one_line(message: object) -> str:
    """A message of several lines (DuckDB's errors, a PDF's own error text) as one line: its lines joined by
    ' / ', blank and pointer-only lines left out; then `printable`."""
    lines = [line.strip() for line in str(message).splitlines()]
    return printable(" / ".join(line for line in lines if line and not _POINTER.fullmatch(line)))


def neutralised(value):
    """A cell a spreadsheet would run as a formula starts with a quote instead: text from PDFs stays text in
    every CSV a person opens (the review queue, `kinerja query --format csv`)."""
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value
