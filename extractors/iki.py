"""IKI (indikator kinerja individu) and IKU: indicator tables per jabatan, with formulas and data sources.

"1. Jabatan : Kepala Dinas Sosial" sits above each table; a table continued on the next page keeps the
jabatan of the last heading seen.

Besides targets, these tables say how an indicator is computed and where its figure comes from
(columns "Formulasi", "Cara Perhitungan", "Penjelasan", "Sumber Data"): one `ExtractedAttributes` per
indicator, named exactly as its values are so that both share an `indicator_id`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from normalizers.text import clean_indicator_name, collapse_whitespace

from .base import TableExtractor
from .geometry import word_lines
from .grid import WORD_GAP, Cell, Grid, clean_cell_text
from .layout import Layout
from .records import ExtractedAttributes, TableContext
from .values import _indicator_text_rows
from .vocabulary import compact, has_word

# IKU of a bidang / seksi name the unit instead of the position: "Nama Bidang : Bidang Ketersediaan Pangan".
_UNIT_LABEL = r"nama\s+(?:unit(?:\s+kerja)?|bidang|sub\.?(?:\s*bidang)?|seksi|bagian)"
_FORMULA_WORDS = ("formul", "rumus", "perhitungan", "penghitungan")
_DEFINITION_WORDS = ("penjelasan", "definisi", "alasan")
# "Penjelasan : ... Formulasi Penghitungan : ..." inside one cell: a label names the part after it.
_ATTRIBUTE_LABEL = re.compile(r"\b(penjelasan|definisi(?:\s+operasional)?|formul\w*(?:\s+\w+)?|rumus|cara\s+perhitungan)\s*:\s*", re.IGNORECASE)


def attribute_columns(layout: Layout) -> dict[str, int]:
    """Which column holds the formula, the data source and the definition, read from the headers.

    A penjelasan / definisi column is the formula column when the table has no other; beside a
    formula column it is the definition."""
    found: dict[str, int] = {}
    for c in layout.columns:
        if c.role in ("indicator", "no", "value", "unit", "money") or not c.header:
            continue
        h = compact(c.header)
        if has_word(c.header, *_FORMULA_WORDS) or "caraperhitungan" in h or "carapenghitungan" in h:
            found.setdefault("formula", c.index)
        elif has_word(c.header, *_DEFINITION_WORDS):
            found.setdefault("definition", c.index)
        elif has_word(c.header, "sumber") and not has_word(c.header, "dana", "anggaran"):
            found.setdefault("sumber_data", c.index)
    if "definition" in found and "formula" not in found:
        found["formula"] = found.pop("definition")
    return found


def split_labelled(text: str, kind: str) -> dict[str, str]:
    """A cell's text by part: text after a "Penjelasan :" label is a definition, after "Formulasi ... :"
    a formula; unlabelled text belongs to the column's own kind."""
    parts: dict[str, list[str]] = {}
    pieces = _ATTRIBUTE_LABEL.split(text)  # [before, label, after, label, after, ...]
    if pieces[0].strip():
        parts.setdefault(kind, []).append(pieces[0])
    for label, after in zip(pieces[1::2], pieces[2::2]):
        part = "definition" if label.lower().startswith(("penjelasan", "definisi")) else "formula"
        if after.strip():
            parts.setdefault(part, []).append(after)
    return {k: collapse_whitespace(" ".join(v)) for k, v in parts.items()}


def fraction_text(page, cell: Cell) -> str | None:
    """A formula typeset as a fraction (numerator over a rule over denominator, "X 100%" beside the rule)
    as one line: "<above> / <below> <beside>". None when the cell holds no single such rule."""
    x0, top, x1, bottom = cell.bbox
    bars = [
        ln for ln in page.lines
        if abs(ln["top"] - ln["bottom"]) < 1 and ln["x0"] >= x0 - 1 and ln["x1"] <= x1 + 1
        and top + 4 < ln["top"] < bottom - 4 and ln["x1"] - ln["x0"] > (x1 - x0) / 3
    ]
    if len(bars) != 1:
        return None
    y = bars[0]["top"]
    words = page.crop((x0, top, x1, bottom)).extract_words(x_tolerance=WORD_GAP)
    beside = [w for w in words if w["top"] < y < w["bottom"]]
    above = [w for w in words if w["bottom"] <= y and w not in beside]
    below = [w for w in words if w["top"] >= y and w not in beside]
    if not above or not below:
        return None

    def text(ws: list[dict]) -> str:
        return clean_cell_text("\n".join(" ".join(w["text"] for w in ln) for ln in word_lines(ws)))

    return collapse_whitespace(f"{text(above)} / {text(below)} {text(beside)}")


def _own_text(grid: Grid, i: int, j: int) -> str:
    """The text of the cell at (i, j) when that cell starts in row i (merged across columns or not)."""
    c = grid.cell(i, j)
    return c.text if c is not None and c.row == i else ""


def _records(grid: Grid, layout: Layout, cols: dict[str, int]) -> list[tuple[str, list[list[int]]]]:
    """(indicator name, row groups) per indicator of the table, in order; a group is one printed
    formula / source, its rows the lines of it.

    Tables with targets: the rows and names the values are read from, so both share the name; a name
    over several value rows (merged or repeated) is one indicator with one group per row. Tables without: a record
    starts at a row naming an indicator beside a formula or source; rows that only continue it (no
    attribute text, or a name going on in lower case) join the record above, and at the top of a
    table, where there is none, they are the rest of a row split by a page break."""
    ind = layout.col("indicator")
    assert ind is not None
    out: list[tuple[str, list[list[int]]]] = []
    if any(c.role == "value" for c in layout.columns):
        names = _indicator_text_rows(grid, layout)
        value_rows = sorted(names)
        for k, i in enumerate(value_rows):
            rows = list(range(i, value_rows[k + 1] if k + 1 < len(value_rows) else grid.n_rows))
            same = next((groups for name, groups in out if name == names[i]), None)
            if same is not None:
                same.append(rows)
            else:
                out.append((names[i], [rows]))
        return out
    for i in range(layout.header_rows, grid.n_rows):
        name = _own_text(grid, i, ind.index)
        has_attr = any(grid.text(i, j) for j in cols.values())
        if name and has_attr and not clean_indicator_name(name)[:1].islower():
            out.append((name, [[i]]))
        elif out:
            if name:
                out[-1] = (f"{out[-1][0]} {name}", out[-1][1])
            out[-1][1][0].append(i)
    return out


def grid_to_attributes(grid: Grid, layout: Layout, jabatan: str | None, page=None) -> list[ExtractedAttributes]:
    """One `ExtractedAttributes` per indicator of a table that has a formula, definition or source column.

    With the pdfplumber `page`, a formula typeset as a fraction is read as "numerator / denominator"."""
    cols = attribute_columns(layout)
    if not cols or layout.col("indicator") is None:
        return []
    out: list[ExtractedAttributes] = []
    for raw_name, groups in _records(grid, layout, cols):
        name = clean_indicator_name(raw_name)
        if len(re.findall(r"[A-Za-z]", name)) < 3:
            continue
        parts: dict[str, list[str]] = {}
        for kind, j in cols.items():
            for rows in groups:
                cells: list[Cell] = []
                for i in rows:
                    c = grid.cell(i, j)
                    if c is not None and c.text and all(c is not d for d in cells):
                        cells.append(c)
                if not cells:
                    continue
                text = (fraction_text(page, cells[0]) if page is not None and kind == "formula" and len(cells) == 1 else None)
                for part, t in split_labelled(text or " ".join(c.text for c in cells), kind).items():
                    if t and t not in parts.get(part, []):
                        parts.setdefault(part, []).append(t)
        if parts:
            out.append(ExtractedAttributes(jabatan, name, *("\n".join(parts[k]) if k in parts else None for k in ("formula", "sumber_data", "definition")), grid.page))
    return out


class IndividualIndicatorExtractor(TableExtractor):
    name = "iki"
    doc_types = ("IKI", "IKU")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._jabatan: str | None = None  # the last "Jabatan :" heading seen: a continued table keeps it

    def table_context(self, grid: Grid, page_lines: list[dict]) -> TableContext:
        ctx = super().table_context(grid, page_lines)
        above = [ln["text"] for ln in page_lines if ln["bottom"] <= grid.bbox[1] + 1]
        jabatan = heading_value(above, "jabatan") or heading_value(above, _UNIT_LABEL)
        if jabatan:
            self._jabatan = jabatan
        return replace(ctx, jabatan=self._jabatan)

    def table_attributes(self, grid: Grid, layout: Layout, ctx: TableContext, page) -> list[ExtractedAttributes]:
        return grid_to_attributes(grid, layout, ctx.jabatan, page)


def heading_value(lines: list[str], label: str) -> str | None:
    """The value of a "2. Jabatan : Kepala Dinas" style heading line, nearest the table."""
    pat = re.compile(rf"\b{label}\s*[:：]\s*(.+)$", re.IGNORECASE)
    for line in reversed(lines):
        m = pat.search(line)
        if m:
            return m.group(1).strip()
    return None
