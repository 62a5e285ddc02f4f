"""Read a Grid the way a person reads a SAKIP table: header rows first, then one record per indicator.

grid_to_layout  -> which rows are header, what each column means (role, measure, year, period)
layout_to_values -> one `ExtractedValue` per printed target / realisasi / capaian / baseline cell
grid_to_budget  -> one `ExtractedBudgetLine` per program / kegiatan row of a budget table
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from normalizers.numbers import parse_money, parse_value, separator_evidence
from normalizers.text import clean_indicator_name, collapse_whitespace, years_in

from .grid import Cell, Grid
_MEASURE_WORDS = {
    "target": "target",
    "rencana": "target",
    "realisasi": "realisasi",
    "capaian": "capaian",
    "kondisiawal": "baseline",
    "baseline": "baseline",
    "eksisting": "baseline",
    "existing": "baseline",
    "tahundasar": "baseline",
    "tahunawal": "baseline",
}
_MONEY_WORDS = ("pagu", "anggaran", "rupiah", "dana", "biaya", "alokasi")
_HEADER_WORDS = (
    *_MEASURE_WORDS, *_MONEY_WORDS, "indikator", "sasaran", "satuan", "kinerja", "tahun", "uraian", "keterangan",
    "program", "kegiatan", "sumber", "formula", "penjelasan", "tujuan", "nomor", "rp", "lokasi", "catatan", "jabatan",
    "penanggung", "strategis",
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_NUMBERING_CELL = re.compile(r"^[\(\-]?\d{1,2}[\)]?(\s*=.*)?$|^\d{1,2}(\s+\d{1,2})+$")
_CODE = re.compile(r"^\d{1,2}(\.\d{1,2})+([-.]\d+(\.\d+)*)?$")
_RELATIVE_YEAR = re.compile(r"\bn\s*([-+])\s*(\d)\b")
_PERIOD_TW = re.compile(r"\b(?:tw|triwulan|trw)\s*[-.]?\s*(iv|iii|ii|i|[1-4])\b")
_PERIOD_SEM = re.compile(r"\bsemester\s*(ii|i|[12])\b")
_LETTERS = re.compile(r"[a-z]+")
_NOTE = re.compile(r"^(.*?\d.*?)\s*\(([^()]*)\)\s*$")


def compact(text: str) -> str:
    """Letters only, lowercase: header words split by narrow columns ("INDIKA TOR") match again."""
    return re.sub(r"[^a-z]", "", text.lower())


def find_word(text: str, word: str) -> int:
    """Index of the first letter run that starts `word`, alone or joined with the next run, so that
    "INDIKA TOR" and "kondisi awal" hold "indikator" and "kondisiawal"; -1 when absent.
    A keyword must start a run: "pencapaian" is not "capaian"."""
    singles, pairs = _letter_runs(text)
    k = next((k for k, tok in enumerate(singles) if tok.startswith(word)), -1)
    return k if k >= 0 else next((k for k, pair in enumerate(pairs) if pair.startswith(word)), -1)


@lru_cache(maxsize=8192)
def _letter_runs(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A text's lowercase letter runs, and each run joined with the next (header cells are asked about
    many words, so a cell is cut into runs once)."""
    toks = tuple(_LETTERS.findall(text.lower()))
    return toks, tuple(a + b for a, b in zip(toks, toks[1:]))


def has_word(text: str, *words: str) -> bool:
    return any(find_word(text, w) >= 0 for w in words)


@dataclass(frozen=True)
class Column:
    index: int
    header: str  # the header texts over this column, top to bottom, joined
    role: str  # no | sasaran | indicator | unit | value | money | other
    measure: str | None = None
    year: int | None = None
    period: str | None = None
    unit_col: int | None = None  # a neighbouring column holding this value's unit


@dataclass
class Layout:
    header_rows: int
    columns: list[Column]
    spans: list[tuple[float, float]] | None = None  # each column's x-range, to line up a continuation
    right: "Layout | None" = None  # the columns of a second indicator column (kegiatan beside sasaran)

    def col(self, role: str) -> Column | None:
        return next((c for c in self.columns if c.role == role), None)


@dataclass(frozen=True)
class TableContext:
    """What the document around a table tells: its year, type, the jabatan it belongs to."""

    doc_type: str
    year: int | None  # the report year (n)
    year_to: int | None = None
    jabatan: str | None = None


@dataclass
class ExtractedValue:
    indicator_name: str
    sasaran: str | None
    jabatan: str | None
    year: int | None
    period: str | None
    measure: str
    value: float | None
    value_text: str
    unit: str | None
    page: int
    bbox: tuple[float, float, float, float]
    extractor: str
    table: str
    guessed: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass
class ExtractedBudgetLine:
    year: int | None
    code: str | None
    name: str
    level: str
    pagu: float | None
    realisasi: float | None
    pct: float | None
    page: int
    table: str


@dataclass
class ExtractedAttributes:
    """Formula, data source and definition an IKI/IKU table gives an indicator (no numbers)."""

    jabatan: str | None
    indicator_name: str
    formula: str | None
    sumber_data: str | None
    definition: str | None
    page: int


@dataclass
class TreeNode:
    """One box of a pohon kinerja / cascading diagram."""

    node_id: str
    parent_node_id: str | None
    level: int
    jabatan: str | None
    sasaran: str | None
    indicator_name: str | None
    page: int
    bbox: tuple[float, float, float, float]


# ---------------------------------------------------------------------------------------------
# header


def _is_numbering_row(texts: list[str]) -> bool:
    """A column-numbering row: "(1) (2) (3)", "-1 -5 -6", "1 2 3 8=(7/6)"."""
    filled = [t for t in texts if t]
    return len(filled) >= 2 and all(_NUMBERING_CELL.match(t) for t in filled)


def _is_data_cell(text: str) -> bool:
    if not text:
        return False
    if years_in(text) and re.fullmatch(r"[\W\d\s]*(tahun|th\.?)?[\W\d\s]*", text.lower()):
        return False  # a bare year or year range is a header
    if text.strip().lower() in _ROMAN:
        return False
    p = parse_value(text)
    if p.kind in ("number", "percent", "money") and p.value is not None:
        return True
    words = re.findall(r"[A-Za-z]{2,}", text)
    header_like = has_word(text, *_HEADER_WORDS)
    return len(words) >= 3 and not header_like


def find_header_rows(grid: Grid, max_rows: int = 7) -> int:
    """Number of leading rows that are header (including a column-numbering row)."""
    last_numbering = -1
    for i in range(min(grid.n_rows, max_rows + 1)):
        texts = [grid.text(i, j) if grid.is_origin(i, j) or grid.cell(i, j) is None or grid.cell(i, j).row == i else "" for j in range(grid.n_cols)]
        if _is_numbering_row(texts):
            last_numbering = i
            continue
        if any(_is_data_cell(t) for t in texts):
            return max(i, last_numbering + 1)
    return max(last_numbering + 1, 0)


def _header_texts(grid: Grid, header_rows: int, j: int) -> list[str]:
    out: list[str] = []
    for i in range(header_rows):
        t = grid.text(i, j)
        if t and not _NUMBERING_CELL.match(t) and (not out or out[-1] != t):
            out.append(t)
    return out


def _propagate_header_years(grid: Grid, header_rows: int) -> dict[tuple[int, int], str]:
    """A year printed over a group of columns without a merged cell still heads the columns to its right.

    Only into empty header cells of the same row, and only over columns that have a header of their
    own lower down (so a lone year never leaks into the indicator or sasaran columns).
    """
    extra: dict[tuple[int, int], str] = {}
    for i in range(header_rows):
        current = None
        for j in range(grid.n_cols):
            t = grid.text(i, j)
            if t and re.fullmatch(r"(tahun\s*)?\d{4}", t.strip().lower()):
                current = t
            elif t:
                current = None
            elif current and any(grid.text(k, j) for k in range(i + 1, header_rows)):
                extra[(i, j)] = current
    return extra


def _measure_of(texts: list[str]) -> str | None:
    """The measure named by the most specific header text that names one; in it, the first word wins.

    Last, all the texts joined: a word split over two header rows ("TARGE" / "T") names one too."""
    for t in reversed([" ".join(texts), *texts]):
        if has_word(t, "tingkatrealisasi", "tingkatcapaian", "persentasecapaian", "persentaserealisasi") or re.match(r"\s*%\s*realisasi", t.lower()):
            return "capaian"
        if has_word(t, "rencanaaksi"):
            return None  # an action plan column: text, not a target
        hits = [(k, m) for w, m in _MEASURE_WORDS.items() if (k := find_word(t, w)) >= 0]
        if hits:
            return min(hits)[1]
    return None


def _year_of(header: str, measure: str | None, ctx: TableContext) -> int | None:
    years = years_in(header)
    if years:
        return years[0] if measure == "baseline" else years[-1]
    m = _RELATIVE_YEAR.search(header.lower())
    if m and ctx.year:
        return ctx.year + (int(m.group(2)) * (1 if m.group(1) == "+" else -1))
    return None


def _period_of(texts: list[str]) -> str | None:
    joined = " ".join(texts).lower()
    m = _PERIOD_TW.search(joined)
    if m:
        g = m.group(1)
        return f"TW{_ROMAN.get(g) or int(g)}"
    if "triwulan" in compact(joined) and texts and texts[-1].strip().lower() in _ROMAN:
        return f"TW{_ROMAN[texts[-1].strip().lower()]}"
    m = _PERIOD_SEM.search(joined)
    if m:
        g = m.group(1)
        return f"S{_ROMAN.get(g) or int(g)}"
    return None


def parse_cell(text: str, decimal_hint: str | None = None):
    """A value cell; "100 (Hijau)", "22,7 % (75%)", "10% (190 temuan)": the number before a
    parenthesised note is the value, the note stays in value_text. `decimal_hint` is the decimal mark
    the cell's column proves elsewhere ("4,05" below settles "04.05")."""
    p = parse_value(text, decimal_hint)
    m = _NOTE.match(p.text) if p.kind == "text" else None
    if m:
        head = parse_value(m.group(1), decimal_hint)
        if head.kind in ("number", "percent") and head.value is not None:
            return replace(head, text=p.text)
    return p


def several_values(text: str) -> bool:
    """A cell holding a column of numbers ("55 9,97 75 15 5"): rows the table drew without rules,
    so no one number in it is known to be this row's."""
    toks = text.split()
    numeric = sum(1 for t in toks if parse_value(t).kind in ("number", "percent"))
    return numeric >= 2 and numeric * 2 > len(toks)


def _data_stats(grid: Grid, header_rows: int, j: int) -> tuple[int, int, int, int]:
    """(non-empty, numeric, money, unit-like) counts over the data cells of column j."""
    filled = numeric = money = unitlike = 0
    for i in range(header_rows, grid.n_rows):
        if not grid.is_origin(i, j):
            continue
        t = grid.text(i, j)
        if not t:
            continue
        filled += 1
        p = parse_cell(t)
        if p.kind == "money" or t.lower().startswith("rp"):
            money += 1
        elif p.value is not None or p.kind in ("grade", "missing", "range"):
            numeric += 1
        elif len(t.split()) <= 3 and not re.search(r"\d", t):
            unitlike += 1
    return filled, numeric, money, unitlike


def _letters(grid: Grid, header_rows: int, j: int) -> int:
    return sum(len(re.findall(r"[A-Za-z]", grid.text(i, j))) for i in range(header_rows, grid.n_rows) if grid.is_origin(i, j))


def grid_to_layout(grid: Grid, ctx: TableContext) -> Layout | None:
    """What each column of a table means; None when the table holds no indicator."""
    h = find_header_rows(grid)
    if h == 0:
        return None
    years_extra = _propagate_header_years(grid, h)
    columns: list[Column] = []
    for j in range(grid.n_cols):
        texts = _header_texts(grid, h, j)
        for i in range(h):
            if (i, j) in years_extra:
                texts.insert(0, years_extra[(i, j)])
        header = collapse_whitespace(" ".join(texts))
        c = compact(header)
        filled, numeric, money, unitlike = _data_stats(grid, h, j)
        measure = _measure_of(texts)
        if c in ("no", "nomor", "kode", "nourut") or (c.startswith("no") and len(c) <= 3):
            role = "no"
        elif has_word(header, *_MONEY_WORDS) or re.search(r"\brp\b", header.lower()) or (filled and money * 2 > filled):
            role = "money"
        elif texts and compact(texts[-1]).startswith("satuan"):
            role = "unit"  # "Satuan" under a parent header ("Indikator Sasaran" over "Uraian | Satuan")
        elif has_word(header, "indikator") and not (measure and numeric * 2 > filled):
            role = "indicator"
        elif c.startswith("satuan") or (measure is None and has_word(header, "satuan")):
            role = "unit"
        elif measure and filled and unitlike * 2 > filled:
            role = "unit"
        elif measure:
            role = "value"
        elif has_word(header, "sasaran", "tujuan", "program", "kegiatan", "uraian") or c == "kinerja":
            role = "sasaran"
        elif texts and years_in(header) and numeric:
            role = "value"  # a bare year column under a header we could not read: decided below
        else:
            role = "other"
        columns.append(Column(j, header, role, measure, None, _period_of(texts)))

    indicator_cols = [c for c in columns if c.role == "indicator"]
    if not indicator_cols:
        return None
    # One column names the indicator: of those under the first "indikator" header, the one with the
    # most words (a header spanning a bullet column and a name column covers both); others are "other".
    first_group = [c for c in indicator_cols if c.header == indicator_cols[0].header]
    first_ind = max(first_group, key=lambda c: (_letters(grid, h, c.index), -c.index)).index
    columns = [replace(c, role="other") if c.role == "indicator" and c.index != first_ind else c for c in columns]
    # A second indicator column further right (program/kegiatan indicators beside tujuan/sasaran ones)
    # owns the values and unit right of it: they are read as a table of their own.
    second = next((c.index for c in indicator_cols if c.index > first_ind and not _same_header(grid, h, first_ind, c.index)), None)
    sasaran_cols = [c for c in columns if c.role == "sasaran"]
    if sasaran_cols:
        named = [c for c in sasaran_cols if has_word(c.header, "sasaran")]
        keep = (named or sasaran_cols)[0]
        columns = [replace(c, role="other") if c.role == "sasaran" and c is not keep else c for c in columns]

    # Bare year columns: a planning document's years are targets; a report's are ambiguous, so dropped.
    planning = ctx.doc_type in ("RENSTRA", "RENJA", "RKT", "PK", "IKU", "IKI", "RPJMD")
    resolved: list[Column] = []
    has_realisasi = any(c.measure == "realisasi" for c in columns)
    for c in columns:
        if c.role == "value":
            measure = c.measure
            if measure is None:
                measure = "target" if planning else None
            elif measure == "capaian" and planning and not has_realisasi and "tingkat" not in compact(c.header):
                measure = "target"  # "Capaian Kinerja Program" in a plan lists the targets to reach
            if measure is None:
                resolved.append(replace(c, role="other"))
                continue
            year = _year_of(c.header, measure, ctx) or ctx.year
            resolved.append(replace(c, measure=measure, year=year))
        else:
            resolved.append(c)
    # A unit column right of a value column under the same parent header gives that value its unit.
    out: list[Column] = []
    for k, c in enumerate(resolved):
        if c.role == "value" and k + 1 < len(resolved) and resolved[k + 1].role == "unit":
            c = replace(c, unit_col=k + 1)
        out.append(c)
    spans = grid.col_spans()
    if second is None:
        return Layout(h, out, spans)
    left = [replace(c, role="other") if c.role in ("value", "unit") and c.index > second else c for c in out]
    right = [
        replace(c, role="indicator") if c.index == second
        else replace(c, role="other") if c.role in ("value", "unit", "indicator") and c.index < second else c
        for c in out
    ]
    return Layout(h, left, spans, Layout(h, right, spans))


def _same_header(grid: Grid, h: int, a: int, b: int) -> bool:
    """Columns a and b sit under one header cell naming the indicator ("Indikator Sasaran" over
    "Uraian | Satuan | Target"), so b is part of a's indicator, not a second one."""
    for i in range(h):
        if has_word(grid.text(i, a), "indikator"):
            return grid.cell(i, a) is grid.cell(i, b)
    return False


def continue_layout(grid: Grid, previous: Layout) -> Layout | None:
    """A continuation page without a header: reuse the previous table's columns when the shape fits."""
    if grid.n_cols != len(previous.columns):
        return None
    right = Layout(0, previous.right.columns, previous.spans) if previous.right else None
    return Layout(0, previous.columns, previous.spans, right)


# ---------------------------------------------------------------------------------------------
# records


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
        return grid.is_origin(k, ind.index) and bool(grid.text(k, ind.index))

    names: dict[int, str] = {}
    for i in value_rows:
        top = bottom = i
        if no is not None or not grid.text(i, ind.index):
            while joinable(top - 1):
                top -= 1
            while joinable(bottom + 1):
                bottom += 1
        claimed.update(range(top, bottom + 1))
        cells = []
        for k in range(top, bottom + 1):
            c = grid.cell(k, ind.index)
            if c is not None and c.text and all(c is not d for d in cells):
                cells.append(c)
        names[i] = collapse_whitespace(" ".join(c.text for c in cells))
    return names


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


def layout_to_values(grid: Grid, layout: Layout, ctx: TableContext, table_id: str) -> list[ExtractedValue]:
    if layout.col("indicator") is None:
        return []
    names = _indicator_text_rows(grid, layout)
    sasaran_col = layout.col("sasaran")
    out: list[ExtractedValue] = []
    last_sasaran: str | None = None
    # a column's own cells are the evidence for its decimal mark ("1.234.567" groups, "19,55" is decimal)
    decimal_mark = {
        col.index: separator_evidence([grid.text(i, col.index) for i in names]).decimal for col in layout.columns if col.role == "value"
    }
    for i in sorted(names):
        name = clean_indicator_name(names[i])
        if sasaran_col is not None:
            s = grid.text(i, sasaran_col.index)
            if s:
                last_sasaran = clean_indicator_name(s)
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
            if parsed.kind == "text" and several_values(parsed.text):
                continue
            unit = parsed.unit or _unit_from(grid, i, layout, col)
            if parsed.kind == "money":
                continue
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
    if layout.right is not None:
        out += layout_to_values(grid, layout.right, ctx, table_id)
    return out


# ---------------------------------------------------------------------------------------------
# budget


def grid_to_budget(grid: Grid, ctx: TableContext, table_id: str) -> list[ExtractedBudgetLine]:
    """Program / kegiatan rows with money: pagu, realisasi and the % between them."""
    h = find_header_rows(grid)
    if h == 0:
        return []
    cols = []
    for j in range(grid.n_cols):
        header = collapse_whitespace(" ".join(_header_texts(grid, h, j)))
        filled, numeric, money, _ = _data_stats(grid, h, j)
        cols.append((j, compact(header), header, filled, numeric, money))
    money_cols = [
        c for c in cols
        if c[3] and (c[5] * 2 >= c[3] or ((has_word(c[2], *_MONEY_WORDS, "rp") or "(rp)" in c[2].lower()) and c[4] + c[5] >= c[3] / 2))
    ]
    if not money_cols:
        return []
    pagu_col = next((c[0] for c in money_cols if "realisasi" not in c[1]), None)
    real_col = next((c[0] for c in money_cols if "realisasi" in c[1]), None)
    pct_col = next((c[0] for c in cols if ("%" in c[2] or "persen" in c[1] or "capaian" in c[1]) and c[0] not in (pagu_col, real_col)), None)
    name_col = next((c[0] for c in cols if any(w in c[1] for w in ("program", "kegiatan", "uraian", "nama"))), None)
    code_col = next((c[0] for c in cols if c[1].startswith("kode")), None)
    if name_col is None:
        return []
    year = (_year_of(" ".join(grid.caption), None, ctx) if grid.caption else None) or ctx.year
    out = []
    for i in range(h, grid.n_rows):
        name = grid.text(i, name_col) if grid.is_origin(i, name_col) else ""
        if not name:
            continue
        code = None
        raw_code = grid.text(i, code_col).replace(" ", "") if code_col is not None else ""
        if _CODE.match(raw_code):
            code = raw_code
        else:
            m = re.match(r"^\s*(\d{1,2}(?:\s*\.\s*\d{1,2})+(?:[-.]\d+(?:\.\d+)*)?)\s+(.*)$", name)
            if m and _CODE.match(m.group(1).replace(" ", "")):
                code, name = m.group(1).replace(" ", ""), m.group(2)
        pagu = parse_money(grid.text(i, pagu_col)) if pagu_col is not None else None
        realisasi = parse_money(grid.text(i, real_col)) if real_col is not None else None
        if pagu is None and realisasi is None:
            continue
        pct = parse_value(grid.text(i, pct_col)).value if pct_col is not None else None
        name = clean_indicator_name(name)
        lname = name.lower()
        if lname.startswith("program"):
            level = "program"
        elif lname.startswith("sub kegiatan") or lname.startswith("subkegiatan"):
            level = "sub_kegiatan"
        elif lname.startswith("kegiatan"):
            level = "kegiatan"
        elif lname.startswith(("total", "jumlah")):
            level = "total"
        elif code:
            level = {2: "urusan", 3: "program", 4: "kegiatan"}.get(code.count(".") + 1, "sub_kegiatan")
        else:
            level = "other"
        out.append(ExtractedBudgetLine(year, code, name, level, pagu, realisasi, pct, grid.page, table_id))
    return out
