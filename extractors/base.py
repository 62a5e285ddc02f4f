"""The one skeleton every document family runs: route pages -> find tables -> read header -> emit values.

A family module subclasses `TableExtractor` and fills in hooks (`table_context`, ...); the order of the
steps lives here only.
"""

from __future__ import annotations

import logging
import warnings
import re
from dataclasses import dataclass, field

from .geometry import text_above
from .grid import Grid, camelot_table_to_grid, plumber_table_to_grid, regrid_to_columns
from .interpret import (
    ExtractedAttributes,
    ExtractedBudgetLine,
    ExtractedValue,
    Layout,
    TableContext,
    TreeNode,
    compact,
    continue_layout,
    find_header_rows,
    grid_to_budget,
    grid_to_layout,
    layout_to_values,
)
from normalizers.text import years_in

from .document import DocumentInfo

log = logging.getLogger(__name__)

_TABLE_WORDS = ("indikator", "target", "realisasi", "capaian", "sasaran", "satuan", "pagu", "anggaran")


@dataclass
class PageResult:
    page: int
    tables: int
    values: list[ExtractedValue] = field(default_factory=list)
    budget: list[ExtractedBudgetLine] = field(default_factory=list)
    attributes: list[ExtractedAttributes] = field(default_factory=list)
    tree: list[TreeNode] = field(default_factory=list)


@dataclass
class ExtractorSettings:
    """Knobs of table finding; defaults suit A4/F4 reports printed from Word and Excel."""

    caption_gap: float = 90.0  # how far above a table its caption may sit (points)
    camelot_for_borderless: bool = True
    min_table_rows: int = 2

    def __post_init__(self) -> None:
        if self.caption_gap <= 0:
            raise ValueError(f"caption_gap must be > 0, got {self.caption_gap}")


class TableExtractor:
    """Extracts indicator tables. Families override the hooks; `extract_page` fixes the order."""

    name = "tables"
    doc_types: tuple[str, ...] = ()

    def __init__(self, settings: ExtractorSettings | None = None):
        self.settings = settings or ExtractorSettings()

    # -- hooks -------------------------------------------------------------------------------
    def table_context(self, info: DocumentInfo, grid: Grid, page_lines: list[dict]) -> TableContext:
        """The year (and jabatan) a table belongs to: its caption first, then the document."""
        year = info.year
        caption = " ".join(grid.caption[-3:])
        years = years_in(caption)
        if len(set(years)) == 1:
            year = years[0]
        running = re.search(r"((?:19|20)\d\d)\s*\(?\s*tahun\s+berjalan", caption.lower())
        if running:  # plans count "tahun berjalan" as n-1: the plan's own year n comes after it
            year = int(running.group(1)) + 1
        return TableContext(info.doc_type, year, info.year_to)

    # -- steps -------------------------------------------------------------------------------
    def page_has_table(self, page) -> bool:
        """Cheap routing: ruled pages, or pages whose words look like a table header."""
        if len(page.lines) + len(page.rects) >= 4:
            return True
        words = compact(" ".join(w["text"] for w in page.extract_words()[:400]))
        return sum(w in words for w in _TABLE_WORDS) >= 2

    def find_grids(self, page, pdf_path: str | None, lines: list[dict]) -> list[Grid]:
        number = page.page_number
        tables = [t for t in page.find_tables({"snap_x_tolerance": 6}) if len(t.rows) >= self.settings.min_table_rows]
        grids = [plumber_table_to_grid(page, t, number, k) for k, t in enumerate(tables)]
        grids = [g for g in grids if g.n_cols >= 2]
        if not grids and self.settings.camelot_for_borderless and pdf_path:
            grids = self._camelot_stream(pdf_path, number, float(page.height))
        for g in grids:
            g.caption = text_above(lines, g.bbox, self.settings.caption_gap)
        return grids

    def _camelot_stream(self, pdf_path: str, number: int, height: float) -> list[Grid]:
        try:
            import camelot

            with warnings.catch_warnings():  # "No tables found" is an answer here, not a warning
                warnings.simplefilter("ignore")
                found = camelot.read_pdf(pdf_path, pages=str(number), flavor="stream")
        except Exception as exc:  # camelot raises bare Exceptions on odd pages; the page just has no table
            log.debug("camelot stream failed on page %s: %s", number, exc)
            return []
        return [camelot_table_to_grid(t, number, height, k) for k, t in enumerate(found) if t.shape[0] >= self.settings.min_table_rows]

    def extract_page(self, page, info: DocumentInfo, previous: Layout | None, pdf_path: str | None) -> tuple[PageResult, Layout | None]:
        result = PageResult(page.page_number, 0)
        if not self.page_has_table(page):
            return result, previous
        lines = page.extract_text_lines(return_chars=False)
        for grid in self.find_grids(page, pdf_path, lines):
            result.tables += 1
            ctx = self.table_context(info, grid, lines)
            table_id = f"p{grid.page}t{grid.index + 1}"
            layout = grid_to_layout(grid, ctx)
            if layout is None and previous is not None and grid.index == 0 and find_header_rows(grid) == 0:
                if grid.n_cols != len(previous.columns) and previous.spans:
                    grid = regrid_to_columns(grid, grid.col_spans(), previous.spans, page.extract_words(x_tolerance=1.5)) or grid
                layout = continue_layout(grid, previous)
            if layout is not None:
                result.values.extend(layout_to_values(grid, layout, ctx, table_id))
                previous = layout
            result.budget.extend(grid_to_budget(grid, ctx, table_id))
        return result, previous


def heading_value(lines: list[str], label: str) -> str | None:
    """The value of a "2. Jabatan : Kepala Dinas" style heading line, nearest the table."""
    pat = re.compile(rf"\b{label}\s*[:：]\s*(.+)$", re.IGNORECASE)
    for line in reversed(lines):
        m = pat.search(line)
        if m:
            return m.group(1).strip()
    return None
