"""A budget table's lines: one `ExtractedBudgetLine` per program / kegiatan row with money.

Which column is which is decided once per table, from its header and its data (`BudgetColumns`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from normalizers.numbers import parse_money, parse_value
from normalizers.text import clean_indicator_name, collapse_whitespace

from .geometry import bbox_union
from .grid import Grid
from .layout import _data_stats, _header_texts, _year_of, find_header_rows
from .records import ExtractedBudgetLine, TableContext
from .vocabulary import MONEY_WORDS, compact, has_word

_CODE = re.compile(r"^\d{1,2}(\.\d{1,2})+([-.]\d+(\.\d+)*)?$")


class _ColumnStats(NamedTuple):
    """One column of a budget table as its header and data cells show it."""

    index: int
    key: str  # the header's letters only, lowercase
    header: str
    filled: int
    numeric: int
    money: int

    @property
    def holds_money(self) -> bool:
        """Mostly money cells, or a money header over mostly numbers."""
        named = has_word(self.header, *MONEY_WORDS, "rp") or "(rp)" in self.header.lower()
        return bool(self.filled) and (self.money * 2 >= self.filled or (named and self.numeric + self.money >= self.filled / 2))


class BudgetColumns(NamedTuple):
    """Which column of a budget table holds what (None: the table has no such column)."""

    name: int
    code: int | None
    pagu: int | None
    realisasi: int | None
    pct: int | None


def budget_columns(grid: Grid, header_rows: int) -> BudgetColumns | None:
    """The name, code, pagu, realisasi and % columns of a table; None when it holds no money or no name."""
    cols = []
    for j in range(grid.n_cols):
        header = collapse_whitespace(" ".join(_header_texts(grid, header_rows, j)))
        filled, numeric, money, _ = _data_stats(grid, header_rows, j)
        cols.append(_ColumnStats(j, compact(header), header, filled, numeric, money))
    money_cols = [c for c in cols if c.holds_money]
    if not money_cols:
        return None
    pagu = next((c.index for c in money_cols if "realisasi" not in c.key), None)
    realisasi = next((c.index for c in money_cols if "realisasi" in c.key), None)
    pct = next((c.index for c in cols if ("%" in c.header or "persen" in c.key or "capaian" in c.key) and c.index not in (pagu, realisasi)), None)
    name = next((c.index for c in cols if any(w in c.key for w in ("program", "kegiatan", "uraian", "nama"))), None)
    code = next((c.index for c in cols if c.key.startswith("kode")), None)
    if name is None:
        return None
    return BudgetColumns(name, code, pagu, realisasi, pct)


def _level(name: str, code: str | None) -> str:
    """urusan / program / kegiatan / sub_kegiatan / total from the line's name, else from its code."""
    lname = name.lower()
    if lname.startswith("program"):
        return "program"
    if lname.startswith("sub kegiatan") or lname.startswith("subkegiatan"):
        return "sub_kegiatan"
    if lname.startswith("kegiatan"):
        return "kegiatan"
    if lname.startswith(("total", "jumlah")):
        return "total"
    if code:
        return {2: "urusan", 3: "program", 4: "kegiatan"}.get(code.count(".") + 1, "sub_kegiatan")
    return "other"


def grid_to_budget(grid: Grid, ctx: TableContext, table_id: str) -> list[ExtractedBudgetLine]:
    """Program / kegiatan rows with money: pagu, realisasi and the % between them."""
    h = find_header_rows(grid)
    cols = budget_columns(grid, h) if h else None
    if cols is None:
        return []
    year = (_year_of(" ".join(grid.caption), None, ctx) if grid.caption else None) or ctx.year
    out = []
    for i in range(h, grid.n_rows):
        name = grid.text(i, cols.name) if grid.is_origin(i, cols.name) else ""
        if not name:
            continue
        code = None
        raw_code = grid.text(i, cols.code).replace(" ", "") if cols.code is not None else ""
        if _CODE.match(raw_code):
            code = raw_code
        else:
            m = re.match(r"^\s*(\d{1,2}(?:\s*\.\s*\d{1,2})+(?:[-.]\d+(?:\.\d+)*)?)\s+(.*)$", name)
            if m and _CODE.match(m.group(1).replace(" ", "")):
                code, name = m.group(1).replace(" ", ""), m.group(2)
        pagu = parse_money(grid.text(i, cols.pagu)) if cols.pagu is not None else None
        realisasi = parse_money(grid.text(i, cols.realisasi)) if cols.realisasi is not None else None
        if pagu is None and realisasi is None:
            continue
        pct = parse_value(grid.text(i, cols.pct)).value if cols.pct is not None else None
        name = clean_indicator_name(name)
        used = [c for j in (cols.name, cols.code, cols.pagu, cols.realisasi, cols.pct) if j is not None and (c := grid.cell(i, j)) is not None and c.text]
        money = [c.bbox for j in (cols.pagu, cols.realisasi, cols.pct) if j is not None and (c := grid.cell(i, j)) is not None and c.text]
        out.append(ExtractedBudgetLine(year, code, name, _level(name, code), pagu, realisasi, pct, grid.page, table_id,
                                       bbox_union(c.bbox for c in used), grid.extractor, money))
    return out
