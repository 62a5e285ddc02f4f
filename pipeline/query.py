"""DuckDB over the curated parquet tables: each table a view by its name; a result as text in each format.

Cells are text from PDFs: every format keeps them data. CSV cells that a spreadsheet would run start with a
quote, Markdown escapes what a renderer would read as markup or HTML, JSON is JSON, and the table and
vertical views are printed by the CLI as rich `Text` (console.py).
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from schemas.tables import CURATED

from .console import neutralised, printable
from .errors import KinerjaError
from .store import current_version

FORMATS = ("auto", "table", "vertical", "csv", "json", "markdown")
# what a Markdown renderer reads inside a table cell as markup, a link, HTML or a cell's end; escaped by a backslash
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


@dataclass(frozen=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple]
    more: bool  # rows beyond the limit were left out


def connect(curated_dir: Path) -> duckdb.DuckDBPyConnection:
    """Views over one version: `current` is resolved once, so a run publishing meanwhile changes nothing here."""
    curated_dir = current_version(curated_dir) or Path(curated_dir)
    con = duckdb.connect()
    found = 0
    for name in CURATED:
        file, folder = curated_dir / f"{name}.parquet", curated_dir / name
        if file.exists():
            source = str(file)
        elif folder.is_dir():
            source = str(folder / "*.parquet")
        else:
            continue
        con.execute(f"create view {name} as select * from read_parquet('{source.replace(chr(39), chr(39) * 2)}')")
        found += 1
    if not found:
        raise KinerjaError(f"no curated tables in {curated_dir}: run `kinerja run` first")
    return con


def run_query(curated_dir: Path, sql: str, limit: int) -> QueryResult:
    """The first `limit` rows of `sql`. KinerjaError for no SQL or a bad limit; duckdb.Error for bad SQL."""
    if not sql.strip():
        raise KinerjaError('no SQL given: kinerja query "select doc_type, count(*) from indicator_values group by 1"')
    if limit < 1:
        raise KinerjaError(f"--limit must be at least 1, got {limit}")
    cursor = connect(curated_dir).execute(sql)
    if cursor.description is None:  # a statement with no result set (set, create view)
        return QueryResult([], [], False)
    rows = cursor.fetchmany(limit + 1)
    return QueryResult([d[0] for d in cursor.description], rows[:limit], len(rows) > limit)


def cell_text(value) -> str:
    """A cell as the table, vertical and Markdown views show it: null empty, a list as its items."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cell_text(v) for v in value) + "]"
    return str(value)


def as_csv(result: QueryResult) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([neutralised(c) for c in result.columns])
    for row in result.rows:
        writer.writerow([neutralised(v if isinstance(v, (str, int, float)) or v is None else cell_text(v)) for v in row])
    return out.getvalue()


def as_json(result: QueryResult) -> str:
    """A list of objects, one per row; dates, decimals and the like as their text."""
    return json.dumps([dict(zip(result.columns, row)) for row in result.rows], ensure_ascii=False, default=str, indent=1) + "\n"


def _markdown_cell(value) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(printable(cell_text(value)).split()))


def as_markdown(result: QueryResult) -> str:
    lines = ["| " + " | ".join(_markdown_cell(c) for c in result.columns) + " |", "|" + "---|" * len(result.columns)]
    lines += ["| " + " | ".join(_markdown_cell(v) for v in row) + " |" for row in result.rows]
    return "\n".join(lines) + "\n"


def as_vertical(result: QueryResult) -> list[str]:
    """One block per row, a line per column (`name | value`), for rows too wide for a terminal."""
    width = max((len(c) for c in result.columns), default=0)
    lines = []
    for k, row in enumerate(result.rows, 1):
        lines.append(f"-[ row {k} ]" + "-" * max(0, width - 4))
        lines += [f"{c.ljust(width)} | {cell_text(v)}" for c, v in zip(result.columns, row)]
    return lines
