"""A table's layout, read as a person reads a SAKIP table's header: which rows are header, and what each
column means (role, measure, year, period).

grid_to_layout   -> the Layout of a table with its own header (None when no column names an indicator)
continue_layout  -> a header-less continuation page under the previous table's columns
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from normalizers.numbers import parse_cell, parse_value
from normalizers.text import collapse_whitespace, years_in

from .grid import Cell, Grid
from .records import TableContext
from .vocabulary import HEADER_WORDS, MEASURE_WORDS, MONEY_WORDS, ROMAN, compact, find_word, has_word, names_indicator

_NUMBERING_CELL = re.compile(r"^[\(\-]?\d{1,2}[\)]?(\s*=.*)?$|^\d{1,2}(\s+\d{1,2})+$")
_PERCENT_OF_KINERJA = re.compile(r"persentase\s*\(?\s*(?:capaian\s+)?kinerja\s*\)?")
# "Kondisi Kinerja Awal", "Data Capaian pada Awal Tahun Perencanaan": the baseline; "... Akhir": the end target
_CONDITION = re.compile(r"kondisi\s+(?:kinerja\s+)?(?:pada\s+)?(awal|akhir)|(?:data\s+)?capaian\s+(?:kinerja\s+)?pada\s+(?:tahun\s+)?(awal)")
_RELATIVE_YEAR = re.compile(r"\bn\s*([-+])\s*(\d)\b")
_QUARTER_WORD = r"(?:tw|triwulan|trw)"
_QUARTER = r"(iv|iii|ii|i|[1-4])"
_PERIOD_WORD = r"(?:tw|triwulan|trw|semester)\s*[-.]?\s*"
_PERIOD_TW = re.compile(rf"\b{_QUARTER_WORD}\s*[-.]?\s*{_QUARTER}\b")
_PERIOD_SEM = re.compile(r"\bsemester\s*(ii|i|[12])\b")
# "Triwulan I - IV", "TW I s.d TW III", "Semester I - II": a range names no period
_PERIOD_RANGE = re.compile(
    rf"\b{_PERIOD_WORD}(?:iv|iii|ii|i|[1-4])\s*(?:-|–|s\.?\s*d\.?|s/d|sampai(?:\s+dengan)?)\s*(?:{_PERIOD_WORD})?(?:iv|iii|ii|i|[1-4])\b"
)


@dataclass(frozen=True)
class Column:
    index: int
    header: str  # the header texts over this column, top to bottom, joined
    role: str  # no | sasaran | indicator | unit | value | money | other
    measure: str | None = None
    year: int | None = None
    period: str | None = None
    unit_col: int | None = None  # a neighbouring column holding this value's unit
    tiers: tuple[str, ...] = ()  # the header texts one by one, top to bottom


@dataclass
class Layout:
    header_rows: int
    columns: list[Column]
    spans: list[tuple[float, float]] | None = None  # each column's x-range, to line up a continuation
    right: "Layout | None" = None  # the columns of a second indicator column (kegiatan beside sasaran)
    # several indicator columns left of all the values (a cascaded Renstra: tujuan, sasaran, program
    # indicators side by side): each row's indicator is its rightmost filled one of these
    indicators: tuple[int, ...] = ()

    def col(self, role: str) -> Column | None:
        return next((c for c in self.columns if c.role == role), None)


def _is_numbering_row(texts: list[str]) -> bool:
    """A column-numbering row: "(1) (2) (3)", "-1 -5 -6", "1 2 3 8=(7/6)"."""
    filled = [t for t in texts if t]
    return len(filled) >= 2 and all(_NUMBERING_CELL.match(t) for t in filled)


def _is_data_cell(text: str) -> bool:
    if not text:
        return False
    if years_in(text) and re.fullmatch(r"[\W\d\s]*(tahun|th\.?)?[\W\d\s]*", text.lower()):
        return False  # a bare year or year range is a header
    if text.strip().lower() in ROMAN:
        return False
    p = parse_value(text)
    if p.kind in ("number", "percent", "money") and p.value is not None:
        return True
    words = re.findall(r"[A-Za-z]{2,}", text)
    header_like = has_word(text, *HEADER_WORDS)
    return len(words) >= 3 and not header_like


HEADER_ROWS = 8  # a header of up to this many grid rows is looked for anywhere in its table, and a
HEADER_SHARE = 0.5  # taller one (left and right groups ruled at different heights) in the table's top half


def find_header_rows(grid: Grid) -> int:
    """Number of leading rows that are header (including a column-numbering row): up to the first row
    with a data cell, however many rows the rules cut the band into, within the top of the table. Where
    a column-numbering row closes the band, words above it are header too ("Bersih dan Akuntabel")."""
    bottom = grid.bbox[1] + HEADER_SHARE * (grid.bbox[3] - grid.bbox[1])

    def in_band(i: int) -> bool:
        tops = [c.bbox[1] for j in range(grid.n_cols) if (c := grid.cell(i, j)) is not None and c.row == i]
        return i < HEADER_ROWS or not tops or min(tops) <= bottom

    def numbering_below(i: int) -> bool:
        """A counting numbering row comes below row i, before any row of numbers."""
        for k in range(i + 1, grid.n_rows):
            if not in_band(k):
                return False
            texts = _row_texts(grid, k)
            if _counts_columns(texts):
                return True
            if any(_is_number_cell(t) for t in texts):
                return False
        return False

    last_numbering = -1
    for i in range(grid.n_rows):
        if not in_band(i):
            break
        texts = _row_texts(grid, i)
        if _is_numbering_row(texts):
            last_numbering = i
            continue
        if i and (banner(grid, i) or _heads_rows(texts)):
            return max(i, last_numbering + 1)  # one cell across the table, or a heading, under the header: a group row
        if any(_is_data_cell(t) for t in texts):
            if not any(_is_number_cell(t) for t in texts) and numbering_below(i):
                continue  # words over the numbering row: still header
            return max(i, last_numbering + 1)
    return max(last_numbering + 1, 0)


def _heads_rows(texts: list[str]) -> bool:
    """A row whose one filled cell is a sentence ending in ":" ("Kinerja Layanan Rumah Sakit, meliputi:"):
    it heads the records below it, however header-like its words."""
    filled = [t for t in texts if t]
    return len(filled) == 1 and filled[0].rstrip().endswith(":") and len(re.findall(r"[A-Za-z]{2,}", filled[0])) >= 3


def _row_texts(grid: Grid, i: int) -> list[str]:
    """Row i's texts, each cell's only on the row it starts (a cell merged down is empty below)."""
    return [grid.text(i, j) if (c := grid.cell(i, j)) is None or c.row == i else "" for j in range(grid.n_cols)]


BANNER_SPAN = 0.8  # of a table's columns: one cell this wide, alone on its row, is a group row (a tujuan, a misi)


def banner(grid: Grid, i: int) -> Cell | None:
    """Row i's one cell, when it spans the table (a group row: a tujuan, a misi, a sasaran); else None."""
    cells = {id(c): c for j in range(grid.n_cols) if (c := grid.cell(i, j)) is not None and c.text}
    if len(cells) != 1:
        return None
    (cell,) = cells.values()
    spanned = sum(1 for j in range(grid.n_cols) if grid.cell(i, j) is cell)
    return cell if cell.row == i and spanned >= max(2, BANNER_SPAN * grid.n_cols) else None


def _counts_columns(texts: list[str]) -> bool:
    """A column-numbering row that counts its columns ("(1) (2) (3)", "1 2 3 4 5=4/3"): its leading
    numbers rise one by one (a row of small values, "12 | 10", does not)."""
    numbers = [int(m.group()) for t in texts if t and (m := re.search(r"\d+", t))]
    return _is_numbering_row(texts) and len(numbers) >= 3 and all(b == a + 1 for a, b in zip(numbers, numbers[1:]))


def _is_number_cell(text: str) -> bool:
    p = parse_value(text)
    return p.kind in ("number", "percent", "money") and p.value is not None and not years_in(text)


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


def _measure_of(texts: list[str] | tuple[str, ...]) -> str | None:
    return _measure_of_tiers(tuple(texts))


@lru_cache(maxsize=4096)
def _measure_of_tiers(texts: tuple[str, ...]) -> str | None:
    """The measure named by the most specific header text that names one; in it, the first word wins.

    Last, all the texts joined: a word split over two header rows ("TARGE" / "T") names one too."""
    whole = " ".join(texts).strip().lower()
    if whole in ("%", "(%)") or _PERCENT_OF_KINERJA.fullmatch(whole):
        return "capaian"  # a column headed only "%" or "Persentase (Kinerja)"
    for t in reversed([" ".join(texts), *texts]):
        low = t.lower()
        if _PERCENT_OF_KINERJA.fullmatch(low.strip()):
            return "capaian"
        if has_word(t, "tingkatrealisasi", "tingkatcapaian", "persentasecapaian", "persentaserealisasi") or re.match(r"\s*%\s*realisasi", low):
            return "capaian"
        if m := _CONDITION.search(low):
            return "baseline" if "awal" in m.groups() else "target"  # "Kondisi Kinerja Awal" / "... Akhir"
        if has_word(t, "rencanaaksi"):
            return None  # an action plan column: text, not a target
        hits = [(k, m) for w, m in MEASURE_WORDS.items() if (k := find_word(t, w)) >= 0]
        if hits:
            return min(hits)[1]
    return None


def _tier_year(tiers: tuple[str, ...]) -> int | None:
    """The one year the most specific tier naming years names: "2017" under "Target 2016-2020"."""
    for tier in reversed(tiers):
        years = years_in(tier)
        if len(years) == 1:
            return years[0]
        if years:
            return None  # a range over its own columns: no one year
    return None


KINERJA_TIERS = ("k", "kinerja")  # a Renja form's "K | Rp" pair: K is the kinerja, Rp the money


def _money_word(text: str) -> bool:
    return has_word(text, *MONEY_WORDS) or bool(re.search(r"\brp\b", text.lower()))


def names_money(tiers: list[str] | tuple[str, ...]) -> bool:
    """The column holds money by its header. A tier naming money and no measure decides, wherever it
    stands ("Anggaran (Rp)" over "Pagu | Realisasi"); under a tier naming both ("Target dan Pagu
    Indikatif" over "Target | Pagu (Rp)") the most specific tier naming either decides."""
    if any(_money_word(t) and _measure_of([t]) is None for t in tiers):
        return True
    for tier in reversed(tiers):
        if compact(tier) in KINERJA_TIERS:
            return False  # "K" beside "Rp" under "Target Kinerja dan Anggaran": the performance figure
        if _money_word(tier):
            return True
        if _measure_of([tier]) is not None:
            return False
    return False


def _year_of(header: str, measure: str | None, ctx: TableContext) -> int | None:
    years = years_in(header)
    if years:
        return years[0] if measure == "baseline" else years[-1]
    m = _RELATIVE_YEAR.search(header.lower())
    if m and ctx.year:
        return ctx.year + (int(m.group(2)) * (1 if m.group(1) == "+" else -1))
    return None


def _period_of(texts: list[str]) -> str | None:
    """The period the most specific header tier names: "TW III", "Triwulan 2", "Semester I", or a bare
    numeral ("II") under a triwulan parent. A range ("Triwulan I - IV") names no period: its columns' own
    tiers do."""
    for k in range(len(texts) - 1, -1, -1):
        tier = _PERIOD_RANGE.sub(" ", texts[k].lower())
        if m := _PERIOD_TW.search(tier):
            return f"TW{ROMAN.get(m.group(1)) or int(m.group(1))}"
        if m := _PERIOD_SEM.search(tier):
            return f"S{ROMAN.get(m.group(1)) or int(m.group(1))}"
        parents = " ".join(texts[:k]).lower()
        if tier.strip() in ROMAN and ("triwulan" in compact(parents) or re.search(r"\b(?:tw|trw)\b", parents)):
            return f"TW{ROMAN[tier.strip()]}"
        if tier.strip() in ("i", "ii") and "semester" in compact(parents):
            return f"S{ROMAN[tier.strip()]}"
    # last, all the tiers joined: a label and its number printed in tiers of their own
    joined = _PERIOD_RANGE.sub(" ", " ".join(texts).lower())
    if m := _PERIOD_TW.search(joined) or _PERIOD_SEM.search(joined):
        return f"{'TW' if m.re is _PERIOD_TW else 'S'}{ROMAN.get(m.group(1)) or int(m.group(1))}"
    return None


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


_NO_HEADERS = ("no", "nomor", "kode", "nourut")
# plans list the targets to reach: a bare year column, or "Capaian Kinerja Program", is a target there
_PLANNING = ("RENSTRA", "RENJA", "RKT", "PK", "IKU", "IKI", "RPJMD")


def _column_role(header: str, texts: list[str], measure: str | None, stats: tuple[int, int, int, int]) -> str:
    """What a column holds (no | money | unit | indicator | value | sasaran | other), first match wins:
    the header's words decide, and the data cells where the header cannot (money cells, unit-like words)."""
    c = compact(header)
    filled, numeric, money, unitlike = stats
    last = compact(texts[-1]) if texts else ""
    if c in _NO_HEADERS or (c.startswith("no") and len(c) <= 3):
        return "no"
    if names_money(texts) or (filled and money * 2 > filled):
        return "money"
    if last.startswith("satuan"):
        return "unit"  # "Satuan" under a parent header ("Indikator Sasaran" over "Uraian | Satuan")
    if names_indicator(header) and not (measure and numeric * 2 > filled):
        return "indicator"
    if c.startswith("satuan") or (measure is None and has_word(header, "satuan")):
        return "unit"
    if measure and filled and unitlike * 2 > filled:
        return "unit"
    if measure:
        return "value"
    if has_word(header, "sasaran", "tujuan", "program", "kegiatan", "uraian") or c == "kinerja":
        return "sasaran"
    if texts and years_in(header) and numeric:
        return "value"  # a bare year column under a header we could not read: decided in `_resolve_values`
    return "other"


def _read_columns(grid: Grid, h: int) -> list[Column]:
    """Each column's header text, role, measure and period (years come later)."""
    years_extra = _propagate_header_years(grid, h)
    columns: list[Column] = []
    for j in range(grid.n_cols):
        texts = _header_texts(grid, h, j)
        for i in range(h):
            if (i, j) in years_extra:
                texts.insert(0, years_extra[(i, j)])
        header = collapse_whitespace(" ".join(texts))
        measure = _measure_of(texts)
        role = _column_role(header, texts, measure, _data_stats(grid, h, j))
        columns.append(Column(j, header, role, measure, None, _period_of(texts), tiers=tuple(texts)))
    return columns


def _keep_one(columns: list[Column], role: str, keep: Column) -> list[Column]:
    return [replace(c, role="other") if c.role == role and c is not keep else c for c in columns]


def _resolve_values(columns: list[Column], ctx: TableContext) -> list[Column]:
    """Each value column's measure and year. A bare year column is a target in a plan and ambiguous in a
    report (dropped); the year is the header's, else the table's."""
    planning = ctx.doc_type in _PLANNING
    has_realisasi = any(c.measure == "realisasi" for c in columns)
    has_target = any(c.measure == "target" and c.role == "value" for c in columns)
    resolved: list[Column] = []
    for c in columns:
        if c.role != "value":
            resolved.append(c)
            continue
        measure = c.measure
        if measure == "capaian" and not compact(c.header) and not has_target:
            measure = None  # a bare "%" is a capaian only beside the target it is reached against
        if measure is None:
            measure = "target" if planning else None
        elif measure == "capaian" and planning and not (has_realisasi or has_target) and "tingkat" not in compact(c.header):
            measure = "target"  # "Capaian Kinerja Program" in a plan with no target column lists the targets
        if measure is None:
            resolved.append(replace(c, role="other"))
            continue
        year = _tier_year(c.tiers) if len(c.tiers) > 1 else None
        resolved.append(replace(c, measure=measure, year=year or _year_of(c.header, measure, ctx)))
    # a column whose header shows no year takes the table's; a baseline beside target columns of their
    # own years is the year before the first of them
    first_target = min((c.year for c in resolved if c.role == "value" and c.measure == "target" and c.year), default=None)
    for k, c in enumerate(resolved):
        if c.role == "value" and c.year is None:
            resolved[k] = replace(c, year=first_target - 1 if c.measure == "baseline" and first_target else ctx.year)
    # a unit column right of a value column under the same parent header gives that value its unit
    return [
        replace(c, unit_col=k + 1) if c.role == "value" and k + 1 < len(resolved) and resolved[k + 1].role == "unit" else c
        for k, c in enumerate(resolved)
    ]


def grid_to_layout(grid: Grid, ctx: TableContext) -> Layout | None:
    """What each column of a table means; None when the table holds no indicator."""
    h = find_header_rows(grid)
    if h == 0:
        return None
    columns = _read_columns(grid, h)
    indicator_cols = [c for c in columns if c.role == "indicator"]
    if not indicator_cols:  # no header names it: its content may
        indicator_cols = _named_by_content(grid, h, columns)
        if not indicator_cols:
            return None
        columns = [indicator_cols[0] if c.index == indicator_cols[0].index else c for c in columns]
    # One column names the indicator: of those under the first "indikator" header, the one with the
    # most words (a header spanning a bullet column and a name column covers both); others are "other".
    first_group = [c for c in indicator_cols if c.header == indicator_cols[0].header]
    first_ind = max(first_group, key=lambda c: (_letters(grid, h, c.index), -c.index))
    columns = _keep_one(columns, "indicator", first_ind)
    # A second indicator column further right (program/kegiatan indicators beside tujuan/sasaran ones)
    # owns the values and unit right of it: they are read as a table of their own.
    second = next((c.index for c in indicator_cols if c.index > first_ind.index and not _same_header(grid, h, first_ind.index, c.index)), None)
    sasaran_cols = [c for c in columns if c.role == "sasaran"]
    if sasaran_cols:
        named = [c for c in sasaran_cols if has_word(c.header, "sasaran")]
        columns = _keep_one(columns, "sasaran", (named or sasaran_cols)[0])
    out = _resolve_values(columns, ctx)
    spans = grid.col_spans()
    levels = _indicator_levels(grid, h, indicator_cols, first_ind)
    values = [c.index for c in out if c.role == "value"]
    if len(levels) >= 2 and values and min(values) > max(levels):
        return Layout(h, out, spans, indicators=tuple(levels))
    if second is None:
        return Layout(h, out, spans)
    left = [replace(c, role="other") if c.role in ("value", "unit") and c.index > second else c for c in out]
    right = [
        replace(c, role="indicator") if c.index == second
        else replace(c, role="other") if c.role in ("value", "unit", "indicator") and c.index < second else c
        for c in out
    ]
    return Layout(h, left, spans, Layout(h, right, spans))


NAME_TEXT_SHARE = 0.8  # of a column's filled data cells, words (no number): a column of names
NAME_FILLED_SHARE = 0.5  # of its data rows, filled


AMOUNT = 1_000_000  # a column whose numbers are mostly this large holds money (a financing table's target), not a measure


def amounts(grid: Grid, h: int, j: int, cents: bool = False) -> bool:
    """Column j's numbers are mostly amounts of money (`AMOUNT` and over; with `cents`, printed with two
    decimals too, "2,615,969,188.00": a population or a count of visitors is large and has none)."""
    cells = [(t, p.value) for i in range(h, grid.n_rows) if grid.is_origin(i, j) and (p := parse_cell(t := grid.text(i, j))).value is not None]
    return 2 * sum(abs(v) >= AMOUNT and (not cents or bool(_CENTS.search(t))) for t, v in cells) > len(cells)


_CENTS = re.compile(r"\d[.,]\d{2}\s*$")


# a name column headed by a kind of place: a statistics table of regions (IPG per kabupaten, recipients per
# kecamatan), which holds no indicator
_PLACE_WORDS = ("provinsi", "kabupaten", "kota", "kecamatan", "kelurahan", "desa", "lokasi", "wilayah")


def rows_are_places(grid: Grid) -> bool:
    """A table whose first named column (after "No") is headed by a kind of place and holds words."""
    h = find_header_rows(grid) or int(grid.n_rows > 1 and not any(_is_number_cell(t) for t in _row_texts(grid, 0)))  # "Jumlah Penerima Bantuan (KK)" reads as data
    if h == 0:
        return False
    for c in _read_columns(grid, h):
        if c.role == "no" or not c.header:
            continue
        return has_word(c.header, *_PLACE_WORDS) and not names_indicator(c.header) and _letters(grid, h, c.index) > 0
    return False


def _named_by_content(grid: Grid, h: int, columns: list[Column]) -> list[Column]:
    """No header names the indicator ("PPKS", "Jenis Layanan"): the column of names right before the first
    value column is it, when target or realisasi columns say the table measures something. A column of
    words, most rows filled; a table of money, of scores or of statistics (no target, no realisasi) names
    none."""
    values = [c for c in columns if c.role == "value" and c.measure in ("target", "realisasi")]
    if not values or any(amounts(grid, h, c.index) for c in values):
        return []
    rows = sum(1 for i in range(h, grid.n_rows) if any(grid.text(i, j) for j in range(grid.n_cols)))
    for c in reversed(columns[: values[0].index]):
        if c.role in ("no", "unit"):
            continue
        if c.role not in ("other", "sasaran"):
            return []
        filled, numeric, money, _ = _data_stats(grid, h, c.index)
        named = sum(1 for i in range(h, grid.n_rows) if grid.is_origin(i, c.index) and re.search(r"[A-Za-z]{3,}", grid.text(i, c.index)) and not _is_number_cell(grid.text(i, c.index)))
        if filled and named >= NAME_TEXT_SHARE * filled and filled >= NAME_FILLED_SHARE * rows and not numeric and not money:
            return [replace(c, role="indicator")]
        return []
    return []


def _indicator_levels(grid: Grid, h: int, indicator_cols: list[Column], first: Column) -> list[int]:
    """The columns of each indicator header from the first on (one per header: the one with most words)."""
    groups: dict[str, list[Column]] = {}
    for c in indicator_cols:
        if c.index >= first.index and (c is first or not _same_header(grid, h, first.index, c.index)):
            groups.setdefault(c.header, []).append(c)
    return sorted(max(g, key=lambda c: (_letters(grid, h, c.index), -c.index)).index for g in groups.values())


def _same_header(grid: Grid, h: int, a: int, b: int) -> bool:
    """Columns a and b sit under one header cell naming the indicator ("Indikator Sasaran" over
    "Uraian | Satuan | Target"), so b is part of a's indicator, not a second one."""
    for i in range(h):
        if names_indicator(grid.text(i, a)):
            return grid.cell(i, a) is grid.cell(i, b)
    return False


def borrow_from_previous(layout: Layout, previous: Layout) -> Layout:
    """A header printed again on a continuation page, shorter (its year line left off): each value column
    whose own header names no year takes the year (and period) of the same column of the previous page's
    table, when the two tables have the same columns in the same roles and measures."""
    if len(layout.columns) != len(previous.columns):
        return layout
    pairs = list(zip(layout.columns, previous.columns))
    if any(a.role != b.role or (a.role == "value" and a.measure not in (None, b.measure)) for a, b in pairs):
        return layout
    columns = [replace(a, year=b.year, period=a.period or b.period) if a.role == "value" and b.year is not None and not years_in(" ".join(a.tiers) or a.header)
               else a for a, b in pairs]
    return replace(layout, columns=columns) if columns != layout.columns else layout


def continue_layout(grid: Grid, previous: Layout) -> Layout | None:
    """A continuation page without a header: reuse the previous table's columns when the shape fits."""
    if grid.n_cols != len(previous.columns):
        return None
    right = Layout(0, previous.right.columns, previous.spans) if previous.right else None
    return Layout(0, previous.columns, previous.spans, right, previous.indicators)


