"""A table's values: one `ExtractedValue` per printed target / realisasi / capaian / baseline cell of each
indicator row, named by the row's indicator (names printed line by line around the value row joined),
its sasaran filled down.
"""

from __future__ import annotations

import re
from dataclasses import replace

from normalizers.numbers import parse_cell, rejoin_wrapped_number, separator_evidence, several_values, typical_decimals
from normalizers.text import clean_indicator_name, collapse_whitespace

from .grid import Cell, Grid
from .layout import Column, Layout, banner
from .records import ExtractedValue, ExtractedWarning, TableContext
from .vocabulary import compact


def _anchor_row(grid: Grid, cell: Cell, ind: int) -> int:
    """The row a value cell belongs to: its first row, or, when it is merged over several indicator
    rows, the one whose name sits level with the value's text."""
    if cell.text_box is None:
        return cell.row
    y = (cell.text_box[1] + cell.text_box[3]) / 2
    k = cell.row
    while k < grid.n_rows and grid.cell(k, cell.col) is cell:
        name = grid.cell(k, ind)
        if name is not None and name.row == k and name.bbox[1] <= y <= name.bbox[3]:
            return k
        k += 1
    return cell.row


def _value_cell(grid: Grid, i: int, j: int, layout: Layout) -> Cell | None:
    """The value cell at (i, j) when it belongs to row i."""
    c = grid.cell(i, j)
    ind = layout.col("indicator")
    if c is None or not c.text or c.col != j or ind is None or _anchor_row(grid, c, ind.index) != i:
        return None
    return c


def _row_has_values(grid: Grid, i: int, layout: Layout) -> bool:
    return any(_value_cell(grid, i, c.index, layout) for c in layout.columns if c.role == "value")


# a row naming a group of the rows below it: "Kinerja Layanan Rumah Sakit, meliputi:"
_HEADING_END = re.compile(r"[,;\s]*(?:meliputi|antara\s+lain|terdiri\s+(?:dari|atas)|yaitu|sebagai\s+berikut)?\s*:\s*$", re.IGNORECASE)


def _heading(grid: Grid, i: int, layout: Layout) -> str | None:
    """The label of a heading row (its name cell ends in ":", no values), which heads the rows below."""
    ind = layout.col("indicator")
    if ind is None or not grid.is_origin(i, ind.index) or _row_has_values(grid, i, layout):
        return None
    text = grid.text(i, ind.index)
    return _HEADING_END.sub("", text) if text and text.rstrip().endswith(":") else None


def _indicator_text_rows(grid: Grid, layout: Layout) -> dict[int, str]:
    """The indicator name for each row that has values.

    A name usually sits in the value row's own cell (merged cells included). Some tables print each
    line of a long name in a row of its own around the row holding the values and the number: where
    the table numbers its records (or the value row has no name), such text-only, unnumbered rows
    join the value row they touch, up to an empty row, a numbered row or another value row.
    """
    ind = layout.col("indicator")
    assert ind is not None
    no = layout.col("no")
    value_rows = [i for i in range(layout.header_rows, grid.n_rows) if _row_has_values(grid, i, layout)]
    value_set = set(value_rows)
    claimed: set[int] = set()

    def joinable(k: int) -> bool:
        if k in value_set or k in claimed or not (layout.header_rows <= k < grid.n_rows):
            return False
        if no is not None and grid.is_origin(k, no.index) and grid.text(k, no.index):
            return False
        return grid.is_origin(k, ind.index) and bool(grid.text(k, ind.index)) and _heading(grid, k, layout) is None

    # a value row with no name of its own (its name printed level with the values' middle, its first
    # lines above them) shares the text-only rows above it with the record above: they are split where
    # the widest gap between lines is (the rows before the cut are the upper record's, after it the lower's)
    lower_owned: set[int] = set()
    for p, n in zip(value_rows, value_rows[1:]):
        between = range(p + 1, n)
        if between and not grid.text(n, ind.index) and all(joinable(k) for k in between):
            gaps = [_gap(grid, k, k + 1) for k in range(p, n)]
            cut = max(range(len(gaps)), key=lambda m: (gaps[m], m))  # equal gaps: the upper record's, as printed top-aligned
            lower_owned.update(range(p + 1 + cut, n))

    names: dict[int, str] = {}
    for i in value_rows:
        top = bottom = i
        if no is not None or not grid.text(i, ind.index):
            while joinable(top - 1):
                top -= 1
            while joinable(bottom + 1) and bottom + 1 not in lower_owned:
                bottom += 1
        claimed.update(range(top, bottom + 1))
        cells = []
        for k in range(top, bottom + 1):
            c = grid.cell(k, ind.index)
            if c is not None and c.text and all(c is not d for d in cells):
                cells.append(c)
        names[i] = collapse_whitespace(" ".join(c.text for c in cells))
    return names


def _gap(grid: Grid, a: int, b: int) -> float:
    """How far apart rows a and b are: between the middles of their text (of their cells, where the reader
    gives no text boxes); 0 when either has none."""
    def middle(i: int) -> float | None:
        boxes = [c.text_box or c.bbox for j in range(grid.n_cols) if (c := grid.cell(i, j)) is not None and c.row == i and c.text]
        return (min(b[1] for b in boxes) + max(b[3] for b in boxes)) / 2 if boxes else None

    upper, lower = middle(a), middle(b)
    return lower - upper if upper is not None and lower is not None else 0.0


def _unit_from(grid: Grid, i: int, layout: Layout, col: Column) -> str | None:
    """The unit printed beside the value, else the one its header names ("Capaian (%)"), else the row's satuan."""
    if col.unit_col is not None:
        t = grid.text(i, col.unit_col)
        if t:
            return t
    if "%" in col.header:
        return "%"
    unit = layout.col("unit")
    if unit is not None:
        t = grid.text(i, unit.index)
        if t and not re.search(r"\d", t):
            return t
    return None


_BANNER_LABEL = re.compile(r"^\s*(?:sasaran|tujuan)(?:\s+strategis)?\s*\d*\s*[:.]\s*", re.IGNORECASE)


def _repeats_header(grid: Grid, i: int, layout: Layout) -> bool:
    """A body row printing the header again (before each misi or section of a long table): most of its
    cells say what their columns' headers say ("Indikator Kinerja", "Target", "Realisasi")."""
    filled = [(compact(c.header), compact(grid.text(i, c.index))) for c in layout.columns if grid.is_origin(i, c.index) and grid.text(i, c.index)]
    same = sum(1 for head, k in filled if k and head and (k == head or (len(k) >= 4 and (head.startswith(k) or head.endswith(k)))))
    return same >= 2 and same * 2 >= len(filled)


def _same_key_warnings(grid: Grid, layout: Layout) -> list[ExtractedWarning]:
    """Value columns the header gives the same (measure, year, period): only the first is read (a second
    capaian may be the sasaran's), and the reviewer is told, since a header read wrong looks the same."""
    first: dict[tuple, Column] = {}
    out = []
    for col in layout.columns:
        if col.role != "value":
            continue
        key = (col.measure, col.year, col.period)
        if key in first:
            out.append(ExtractedWarning(
                grid.page, "columns_with_one_key",
                f"columns '{first[key].header}' and '{col.header}' both read as {col.measure} {col.year or ''} {col.period or ''}; "
                "only the first is kept", col.header, grid.bbox,
            ))
        else:
            first[key] = col
    return out


def layout_to_values(grid: Grid, layout: Layout, ctx: TableContext, table_id: str, warnings: list[ExtractedWarning] | None = None) -> list[ExtractedValue]:
    """The values of the table; `warnings` collects what the reviewer must hear about its layout."""
    if layout.col("indicator") is None:
        return []
    if warnings is not None:
        warnings += _same_key_warnings(grid, layout)
    if layout.indicators:
        return [v for k in layout.indicators for v in _values(grid, _level_layout(layout, k), ctx, table_id, warnings, _rows_of_level(grid, layout, k))]
    out = _values(grid, layout, ctx, table_id, warnings)
    if layout.right is not None:
        out += layout_to_values(grid, layout.right, ctx, table_id, warnings)
    return out


def _level_layout(layout: Layout, k: int) -> Layout:
    """The layout read with column k as the indicator."""
    columns = [replace(c, role="indicator") if c.index == k else replace(c, role="other") if c.role == "indicator" else c for c in layout.columns]
    return Layout(layout.header_rows, columns, layout.spans)


def _rows_of_level(grid: Grid, layout: Layout, k: int) -> set[int]:
    """The rows whose rightmost indicator cell starting on them is in column k."""
    def rightmost(i: int) -> int | None:
        filled = [j for j in layout.indicators if (c := grid.cell(i, j)) is not None and c.row == i and c.text]
        return max(filled, default=None)

    return {i for i in range(layout.header_rows, grid.n_rows) if rightmost(i) == k}


def _values(grid: Grid, layout: Layout, ctx: TableContext, table_id: str, warnings: list[ExtractedWarning] | None,
            rows: set[int] | None = None) -> list[ExtractedValue]:
    """The values of the rows (all, or `rows`) under the layout's one indicator column. A cell that reads
    as no number, grade or known word ("{{7*7}}", a name run into the column) keeps its row, with no value,
    and the reviewer hears of it."""
    names = _indicator_text_rows(grid, layout)
    if rows is not None:
        names = {i: n for i, n in names.items() if i in rows}
    sasaran_col = layout.col("sasaran")
    out: list[ExtractedValue] = []
    last_sasaran: str | None = None
    # a column's own cells are the evidence for its decimal mark ("1.234.567" groups, "19,55" is decimal)
    decimal_mark = {
        col.index: separator_evidence([grid.text(i, col.index) for i in names]).decimal for col in layout.columns if col.role == "value"
    }
    places = {j: typical_decimals([grid.text(i, j) for i in names], mark) for j, mark in decimal_mark.items()}  # a wrapped number's evidence
    banners = {i: text for i in range(layout.header_rows, grid.n_rows)
               if (text := (c.text if (c := banner(grid, i)) else _heading(grid, i, layout)))}  # group rows, heading rows
    sasaran_row = -1  # the row the current sasaran was printed on
    for i in sorted(names):
        if _repeats_header(grid, i, layout):
            continue
        name = clean_indicator_name(names[i])
        if (above := [b for b in banners if sasaran_row < b < i]):  # a group row since: it heads this row
            last_sasaran, sasaran_row = clean_indicator_name(_BANNER_LABEL.sub("", banners[above[-1]])), above[-1]
        if sasaran_col is not None:
            s = grid.text(i, sasaran_col.index)
            if s:
                last_sasaran, sasaran_row = clean_indicator_name(s), i
        if not name or len(re.findall(r"[A-Za-z]", name)) < 3:
            continue
        seen_keys: set[tuple] = set()
        for col in layout.columns:
            cell = _value_cell(grid, i, col.index, layout) if col.role == "value" else None
            if cell is None:
                continue
            key = (col.measure, col.year, col.period)
            if key in seen_keys:
                continue  # a second column for the same measure (e.g. a sasaran-level capaian) is not this indicator's
            seen_keys.add(key)
            parsed = parse_cell(cell.text, decimal_mark.get(col.index))
            if parsed.kind == "text" and (joined := rejoin_wrapped_number(parsed.text, places.get(col.index))):
                parsed = replace(parse_cell(joined, decimal_mark.get(col.index)), text=parsed.text, guessed=True,
                                 reason=f"'{parsed.text}' read as {joined}: a number its narrow cell wrapped, as the column's numbers print it")
            if parsed.kind == "text" and several_values(parsed.text):
                continue
            unit = parsed.unit or _unit_from(grid, i, layout, col)
            if parsed.kind == "money":
                continue
            if parsed.kind == "text" and warnings is not None:
                warnings.append(ExtractedWarning(
                    grid.page, "value_not_a_number",
                    f"'{parsed.text}' under {col.measure or 'target'} {col.year or ''} is not a number, a grade or a known word: no value read",
                    parsed.text, cell.bbox,
                ))
            out.append(
                ExtractedValue(
                    indicator_name=name,
                    sasaran=last_sasaran,
                    jabatan=ctx.jabatan,
                    year=col.year,
                    period=col.period,
                    measure=col.measure or "target",
                    value=parsed.value,
                    value_text=parsed.text,
                    unit=unit,
                    page=grid.page,
                    bbox=cell.bbox,
                    extractor=grid.extractor,
                    table=table_id,
                    guessed=parsed.guessed,
                    notes=[parsed.reason] if parsed.reason else [],
                )
            )
    return out


