"""A budget table's lines: one `ExtractedBudgetLine` per program / kegiatan row with money.

Which column is which is decided once per table, from its header and its data (`BudgetColumns`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from normalizers.numbers import parse_money, parse_value
from normalizers.text import clean_indicator_name, collapse_whitespace, years_in

from .geometry import bbox_union
from .grid import Grid
from .layout import KINERJA_TIERS, _data_stats, _header_texts, _year_of, amounts, find_header_rows, names_money
from .records import ExtractedBudgetLine, TableContext
from .vocabulary import compact

# a code printed at the start of a name ("1.06.01 Program ..."): short dotted codes only, so that a name
# starting with a number is not cut
_CODE = re.compile(r"^\d{1,2}(\.\d{1,2})+([-.]\d+(\.\d+)*)?$")
# a code column's code: any digit groups joined by "." and "-", as printed: urusan, bidang, unit and
# account segments of an LRA ("5.5.03.5-03.0-00.0-00.01.1.01"), a bare group code ("6")
_COLUMN_CODE = re.compile(r"^\d+(?:[.\-]\d+)*$")


_NAME_WORDS = ("program", "kegiatan", "uraian", "nama")  # the name column's header, first choice
# a budget by organisation (an LKIP's "Perangkat Daerah | Pagu | Realisasi | Persen"): its lines are
# agencies; looked for only where no column names programs (a Renja form's "Perangkat Daerah Penanggung
# Jawab" is not its lines' name)
_ORGANISATION_WORDS = ("perangkatdaerah", "opd", "skpd", "unitkerja", "satuankerja", "organisasi")


class _ColumnStats(NamedTuple):
    """One column of a budget table as its header and data cells show it."""

    index: int
    key: str  # the header's letters only, lowercase
    header: str
    filled: int
    numeric: int
    money: int
    named: bool  # its header names money (`layout.names_money`)
    last: str = ""  # its most specific header tier, letters only ("k", "rp", "realisasi")
    of_the_year: int = 0  # how surely its header is the table's year's (`_year_score`)
    amounts: bool = False  # its numbers are mostly amounts with cents (`layout.amounts`): "2,615,969,188.00" under "Realisasi"
    quarter: bool = False  # headed by a single triwulan ("I", "TW II")

    @property
    def holds_money(self) -> bool:
        """Mostly money cells or amounts, or a money header over mostly numbers."""
        return bool(self.filled) and (self.money * 2 >= self.filled or self.amounts or (self.named and self.numeric + self.money >= self.filled / 2))


class BudgetColumns(NamedTuple):
    """Which column of a budget table holds what (None: the table has no such column)."""

    name: int
    code: tuple[int, ...]  # a code split over narrow columns (urusan | bidang | program | kegiatan) is one code
    pagu: int | None
    realisasi: int | None
    pct: int | None
    pagu_year: int | None = None  # the one year the pagu column's header names


# a money column of the plan period, or of the years before, not the table's year's
_NOT_THE_YEAR = re.compile(r"akhir\s+periode|renstra|rpjmd|tahun\s+lalu|tahun\s+sebelum|prakiraan\s+maju", re.IGNORECASE)
_OF_THE_YEAR = ("tahunberjalan", "dievaluasi")
_QUARTER_TIER = re.compile(r"^(?:i|ii|iii|iv|tw\s*[1-4i]+|triwulan\s*\w+)$", re.IGNORECASE)


def _year_score(tiers: list[str]) -> int:
    """How surely a money column is the year's by its words: "tahun berjalan", "yang dievaluasi" (+1); a single
    triwulan (-1); the plan period, the years before or a forecast ("prakiraan maju") (-2). A year it names
    does not decide: a plan prints one money column per year, and its first is the line's pagu."""
    header = " ".join(tiers)
    score = int(any(w in compact(header) for w in _OF_THE_YEAR))
    if any(_QUARTER_TIER.match(t.strip()) for t in tiers):
        score -= 1
    if _NOT_THE_YEAR.search(header):
        score -= 2
    return score


def budget_columns(grid: Grid, header_rows: int) -> BudgetColumns | None:
    """The name, code, pagu, realisasi and % columns of a table; None when it holds no money or no name.

    Where several money columns stand (the plan period's, realised up to last year, the year's target, each
    triwulan, realised in the year), the pagu and the realisasi are the year's, by header: the surest of
    `_year_score`, the first of equals; a line's year is the one its pagu column names."""
    cols = []
    for j in range(grid.n_cols):
        tiers = _header_texts(grid, header_rows, j)
        header = collapse_whitespace(" ".join(tiers))
        filled, numeric, money, _ = _data_stats(grid, header_rows, j)
        last = compact(tiers[-1]) if tiers else ""
        named = names_money(tiers)
        cols.append(_ColumnStats(j, compact(header), header, filled, numeric, money, named, last, _year_score(tiers), amounts(grid, header_rows, j, cents=True),
                                 any(_QUARTER_TIER.match(t.strip()) for t in tiers)))
    money_cols = [c for c in cols if c.holds_money and c.last not in KINERJA_TIERS]
    if not money_cols:
        return None

    def surest(candidates: list[_ColumnStats]) -> int | None:
        return max(candidates, key=lambda c: (c.of_the_year, -c.index)).index if candidates else None

    pagu = surest([c for c in money_cols if "realisasi" not in c.key])
    realisasi_cols = [c for c in money_cols if "realisasi" in c.key]
    # one triwulan's realisasi is not the year's: where every realisasi column is a single quarter, none is taken
    realisasi = surest(realisasi_cols) if not all(c.quarter for c in realisasi_cols) else None
    # the % is the realisasi's share of the pagu: beside a realisasi column only, headed so in its own tier (a
    # plan's "Data Capaian pada Awal Tahun Perencanaan", a "Realisasi Capaian Kinerja" over K, is no budget %)
    pct = next((c.index for c in cols if ("%" in c.header or "persen" in c.key or "capaian" in c.key) and c.index not in (pagu, realisasi)
                and c.last not in KINERJA_TIERS and not c.holds_money), None)
    if realisasi is None:
        pct = None
    name = next((c.index for words in (_NAME_WORDS, _ORGANISATION_WORDS) for c in cols if any(w in c.key for w in words)), None)
    code = tuple(c.index for c in cols if c.key.startswith("kode"))
    if name is None:
        return None
    years = set(years_in(cols[pagu].header)) if pagu is not None else set()
    return BudgetColumns(name, code, pagu, realisasi, pct, years.pop() if len(years) == 1 else None)


def _level(name: str, code: str | None) -> str:
    """urusan / program / kegiatan / sub_kegiatan / total from the line's name, else from its code when
    the code has a program code's shape (two to four dotted parts: urusan, program, kegiatan; more:
    sub_kegiatan); a code of another shape (an LRA's organisation and account segments) is "other"."""
    lname = name.lower()
    if lname.startswith("program"):
        return "program"
    if lname.startswith("sub kegiatan") or lname.startswith("subkegiatan"):
        return "sub_kegiatan"
    if lname.startswith("kegiatan"):
        return "kegiatan"
    if lname.startswith(("total", "jumlah")):
        return "total"
    if code and _CODE.match(code):
        return {2: "urusan", 3: "program", 4: "kegiatan"}.get(code.count(".") + 1, "sub_kegiatan")
    return "other"


def _code_text(grid: Grid, i: int, code_cols: tuple[int, ...]) -> str:
    """The row's code, its parts in the code columns joined by "." (spaces inside a part removed)."""
    # a part merged down over the rows below (an urusan code beside its programs) is each row's part
    parts = [t for j in code_cols if (c := grid.cell(i, j)) is not None and c.col == j and (t := c.text.replace(" ", ""))]
    return ".".join(parts)


def _filled(grid: Grid, i: int, *cols: int | None) -> list:
    """Row i's cells with text in these columns (None: the table has no such column)."""
    return [c for j in cols if j is not None and (c := grid.cell(i, j)) is not None and c.text]


class BudgetRead(NamedTuple):
    """A budget table's lines, each with the grid row it was read from, and the columns they came from."""

    columns: BudgetColumns | None
    header_rows: int
    rows: list[tuple[int, ExtractedBudgetLine]]

    @property
    def lines(self) -> list[ExtractedBudgetLine]:
        return [line for _, line in self.rows]


def grid_to_budget(grid: Grid, ctx: TableContext, table_id: str, levels: dict[str, str] | None = None) -> list[ExtractedBudgetLine]:
    """Program / kegiatan rows with money: pagu, realisasi and the % between them. `levels`: the levels of
    the lines of the document's pages before, by code (a kegiatan's program may stand on an earlier page)."""
    return read_budget(grid, ctx, table_id, levels).lines


def read_budget(grid: Grid, ctx: TableContext, table_id: str, levels: dict[str, str] | None = None,
                continued: BudgetColumns | None = None) -> BudgetRead:
    """`grid_to_budget`, with the row of each line and the table's columns. `continued`: the columns of the
    table this one continues (the page before's, in the same columns), for a continuation without a header."""
    h = find_header_rows(grid)
    cols = budget_columns(grid, h) if h else continued
    if cols is None:
        return BudgetRead(None, h, [])
    year = cols.pagu_year or (_year_of(" ".join(grid.caption), None, ctx) if grid.caption else None) or ctx.year
    out = []
    for i in range(h, grid.n_rows):
        name = grid.text(i, cols.name) if grid.is_origin(i, cols.name) else ""
        if not name:
            continue
        code = None
        raw_code = _code_text(grid, i, cols.code)
        if _COLUMN_CODE.match(raw_code):
            code = raw_code
        else:
            code, name = split_code(name)
        pagu = parse_money(grid.text(i, cols.pagu)) if cols.pagu is not None else None
        realisasi = parse_money(grid.text(i, cols.realisasi)) if cols.realisasi is not None else None
        if pagu is None and realisasi is None:
            continue
        pct = parse_value(grid.text(i, cols.pct)).value if cols.pct is not None else None
        name = clean_indicator_name(name)
        money = _filled(grid, i, cols.pagu, cols.realisasi, cols.pct)
        named = _filled(grid, i, cols.name, *cols.code)
        out.append((i, ExtractedBudgetLine(year, code, name, _level(name, code), pagu, realisasi, pct, grid.page, table_id,
                                           bbox_union(c.bbox for c in named + money), grid.extractor, [c.bbox for c in money])))
    levels_from_parents([line for _, line in out], levels)
    return BudgetRead(cols, h, out)


def split_code(name: str) -> tuple[str | None, str]:
    """A code printed at the start of a name ("1.06.01 Program ..."), and the name after it."""
    m = re.match(r"^\s*(\d{1,2}(?:\s*\.\s*\d{1,2})+(?:[-.]\d+(?:\.\d+)*)?)\s+(.*)$", name)
    if m and _CODE.match(m.group(1).replace(" ", "")):
        return m.group(1).replace(" ", ""), m.group(2)
    return None, name


def is_code(text: str) -> bool:
    """Text a code column holds as a code: digit groups joined by "." and "-"."""
    return bool(_COLUMN_CODE.match(text.replace(" ", "")))


_NAMED_LEVEL = re.compile(r"^(program|kegiatan|sub\s*kegiatan)\b", re.IGNORECASE)
_CHILD_LEVEL = {"program": "kegiatan", "kegiatan": "sub_kegiatan"}
MAX_LEVEL_STEP = 2  # segments one level adds (a kegiatan adds one to a 2016 program, two to a 2021 one)


def levels_from_parents(lines: list[ExtractedBudgetLine], levels: dict[str, str] | None = None) -> list[ExtractedBudgetLine]:
    """A line whose name does not say its level, under a line whose code begins its own (the nearest
    such), is one level below it ("Program ..." > kegiatan > sub_kegiatan). Codes are counted differently
    from one regulation to the next (a 2016 kegiatan adds one segment to its program, a 2021 one two),
    so the level comes from the parent, not from counting segments. `levels` holds the lines of the pages
    before by code (a table running over pages has its program on one and its kegiatan on the next); the
    lines' own are added to it."""
    known = levels if levels is not None else {}
    known.update({b.code: b.level for b in lines if b.code and _NAMED_LEVEL.match(b.name)})
    for b in sorted((b for b in lines if b.code and not _NAMED_LEVEL.match(b.name)), key=lambda b: b.code.count(".")):
        b.level = _level(b.name, b.code)
        parents = [c for c in known if b.code.startswith(c + ".") and b.code.count(".") - c.count(".") <= MAX_LEVEL_STEP]
        if parents and (level := _CHILD_LEVEL.get(known[max(parents, key=len)])):
            b.level = level
            known[b.code] = level
    return lines


def relevel(line: ExtractedBudgetLine) -> None:
    """The line's level again from its name and code (after a page break gave it the rest of them)."""
    line.level = _level(line.name, line.code)
