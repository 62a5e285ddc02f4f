"""The one skeleton every document family runs, one document at a time:

    read_diagram (hook) -> route -> find grids -> read each table (layout, values, budget)
                        -> table_attributes, table_tree (hooks)

A family subclasses `TableExtractor` and fills hooks that do nothing by default; the order of the steps
lives here only. An extractor is made for one document (`families.extractor_for`): what it learns of
the document as its pages go by (routes, camelot's tables, readers that added nothing) is its own state.
"""

from __future__ import annotations

import logging
import re
import warnings
from dataclasses import dataclass, field, replace

from normalizers.numbers import parse_cell
from normalizers.text import YEAR, clean_indicator_name, join_cell_lines, years_in

from .document import DocumentInfo
from .geometry import text_above
from .grid import COLUMN_EDGE_TOLERANCE, WORD_GAP, Cell as GridCell, Grid, camelot_table_to_grid, plumber_table_to_grid, regrid_to_columns
from .budget import BudgetColumns, is_code, levels_from_parents, read_budget, relevel, split_code
from .layout import Layout, banner, borrow_from_previous, continue_layout, find_header_rows, grid_to_layout, rows_are_places
from .records import (
    ExtractedAttributes,
    ExtractedBudgetLine,
    ExtractedTable,
    ExtractedValue,
    ExtractedWarning,
    PageResult,
    TableContext,
    TreeNode,
)
from .routing import NUMBER_ROWS, RULE_THICKNESS, _header_line, _number_rows, page_has_table, route_document, survey_document
from .values import _indicator_text_rows, layout_to_values

log = logging.getLogger(__name__)

# page_quality: what a table read is worth
VALUE_SCORE = 1.0  # an indicator value (and a budget line)
PROSE_SCORE = -1.0  # a value that reads as prose: a paragraph cut into columns
FILLED_SCORE = 0.1  # the share of its cells with text
CAPTION_MARGIN = 2.0  # points: a text line this close to a table's box is the table's, not text outside it
STREAM_HEADER_REACH = 45.0  # points above a block of aligned numbers its header may take (three wrapped lines)
_MAX_MISSES = {"stream": 4, "lattice": 2}  # fruitless fallbacks in a document before that reader is dropped (lattice renders the page: dear)
_PLUMBER = {"snap_x_tolerance": 6}  # doubled or tripled column rules (a few points apart) are one rule


BAND_HEIGHT = 0.5  # of the page: a filled, unstroked shape taller than this,
BAND_WIDTH = 0.15  # narrower than this share of the page but wider than a rule,
PAGE_EDGE = 0.1  # and within this share of the page's left or right edge is a coloured band down its edge


def _is_decoration(obj: dict, width: float, height: float) -> bool:
    """Page decoration, not a rule: a curve (a footer wave, a rounded ornament) or a coloured band down
    the page's edge. Rules are lines and thin rects (some reports draw them as 1 pt filled rects), and a
    table drawn as stroked column boxes keeps them."""
    if obj["object_type"] == "curve":  # unless it is rules drawn as one path (each step along x or y)
        pts = obj.get("pts") or []
        return not all(abs(a[0] - b[0]) < 0.5 or abs(a[1] - b[1]) < 0.5 for a, b in zip(pts, pts[1:]))
    w, h = obj["x1"] - obj["x0"], obj["bottom"] - obj["top"]
    at_edge = obj["x0"] < PAGE_EDGE * width or obj["x1"] > (1 - PAGE_EDGE) * width
    return (obj["object_type"] == "rect" and obj.get("fill") and not obj.get("stroke") and at_edge
            and h > BAND_HEIGHT * height and RULE_THICKNESS < w < BAND_WIDTH * width)


_CONTINUED = re.compile(r"\b(?:lanjutan|sambungan)\b", re.IGNORECASE)  # "Tabel 3.1 (Lanjutan)": the table running on


def _numbered_caption(grid: Grid) -> bool:
    """A table under its own numbered caption ("Tabel 3.18 ..."): a table of its own, whatever its header
    (not one captioned as the table before continued)."""
    return any(re.match(r"\s*(?:tabel|table)\b", ln, re.IGNORECASE) for ln in grid.caption) and not _continued(grid)


def _continued(grid: Grid) -> bool:
    return any(_CONTINUED.search(ln) for ln in grid.caption)


def _new_table(grid: Grid) -> bool:
    """A table its caption starts ("Tabel 3.2 ...") or dates: not the previous page's running on."""
    return not _continued(grid) and (bool(years_in(" ".join(grid.caption[-3:]))) or _numbered_caption(grid))


def _rules_only(page):
    """The page as the table finder should see it: without its decoration (which it would take for
    column rules cutting every name mid-word, or a border snapped inward)."""
    width, height = float(page.width), float(page.height)
    if not any(_is_decoration(o, width, height) for o in (*page.curves, *page.rects)):
        return page
    return page.filter(lambda o: o.get("object_type") not in ("curve", "rect") or not _is_decoration(o, width, height))


@dataclass
class TableRead:
    """One table as the page reads it: its context, its (maybe re-gridded) grid and layout, and what it gives."""

    ctx: TableContext
    grid: Grid
    layout: Layout | None
    values: list[ExtractedValue]
    budget: list[ExtractedBudgetLine]
    table_id: str = ""
    warnings: list[ExtractedWarning] = field(default_factory=list)
    tail: RecordTail | None = None  # its first row, the rest of the previous page's last record
    levels: dict[str, str] = field(default_factory=dict)  # budget levels by code, the document's so far and its own
    budget_rows: list[int] = field(default_factory=list)  # the grid row of each budget line
    budget_cols: BudgetColumns | None = None  # the columns its budget lines were read from


@dataclass
class RecordAbove:
    """The last record of a page's last table, which a page break may have cut: the next page's first
    table, in the same columns, may open with the rest of it."""

    page: int
    spans: list[tuple[float, float]]  # the table's columns
    header: list[str]  # its header rows' texts, row by row (a header printed again on the next page repeats them)
    name_col: int | None  # where the record's indicator name stands, and that name as printed
    name: str
    values: list[ExtractedValue]
    line: ExtractedBudgetLine | None  # the record's budget line, its name and code columns, and its table's lines
    line_cols: tuple[int | None, tuple[int, ...]] = (None, ())
    lines: list[ExtractedBudgetLine] = field(default_factory=list)
    line_name: str = ""  # the line's name as printed


@dataclass
class RecordTail:
    """A row at the top of a table that is the rest of the record above it, on the page before: its name
    (or budget line's name) going on, or its code alone."""

    row: int
    name: str = ""  # the indicator name's rest
    line_name: str = ""  # the budget line's name's rest
    code: str = ""


def _table_record(read: TableRead) -> ExtractedTable:
    """Where the table is and what its header made of each column (for coverage)."""
    grid, layout = read.grid, read.layout
    header_bottom = None
    columns: list[tuple[float, float, str]] = []
    if layout is not None:
        if layout.header_rows:
            header_bottom = max((c.bbox[3] for j in range(grid.n_cols) if (c := grid.cell(layout.header_rows - 1, j)) is not None), default=None)
        spans = grid.col_spans()
        roles = {c.index: c.role for c in layout.columns}
        if layout.right is not None:
            roles.update({c.index: c.role for c in layout.right.columns if c.role != "other"})
        columns = [(x0, x1, roles.get(j, "other")) for j, (x0, x1) in enumerate(spans)]
    places = layout is None and not read.budget and rows_are_places(grid)
    return ExtractedTable(grid.page, read.table_id, grid.bbox, grid.extractor, header_bottom, columns, "places" if places else None)


def _row_texts_of(grid: Grid, i: int) -> str:
    return " | ".join(grid.text(i, j) if grid.is_origin(i, j) else "" for j in range(grid.n_cols))


def _same_columns(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> bool:
    """Two tables ruled at the same x-positions (one table running on over a page break)."""
    return len(a) == len(b) and all(abs(p[0] - q[0]) <= COLUMN_EDGE_TOLERANCE and abs(p[1] - q[1]) <= COLUMN_EDGE_TOLERANCE for p, q in zip(a, b))


def _body_start(grid: Grid, above: RecordAbove) -> int:
    """Where a continuation's body starts: under its header when it prints the previous page's again, else
    at its top (a tail row of a code or a word alone would pass for header otherwise)."""
    n = len(above.header)
    if n and grid.n_rows > n and [_row_texts_of(grid, i) for i in range(n)] == above.header:
        return n
    return 0


def _is_number(text: str) -> bool:
    p = parse_cell(text)
    return p.kind != "text" or p.value is not None


def record_tail(grid: Grid, above: RecordAbove | None, spans: list[tuple[float, float]] | None = None) -> RecordTail | None:
    """The table's first body row when it is the rest of `above` (the previous page's last record): the
    table stands in the same columns, and the row holds no value, no number and no code of its own (a
    code only where the record above has none), only the rest of the record's name or its code, in cells
    of that row alone; a group row across the table or a heading ending in ":" is not one."""
    if above is None or grid.index != 0 or above.page != grid.page - 1 or _numbered_caption(grid) or not _same_columns(above.spans, spans or grid.col_spans()):
        return None
    i = _body_start(grid, above)
    if i >= grid.n_rows or banner(grid, i) is not None:
        return None
    own = {j: c for j in range(grid.n_cols) if (c := grid.cell(i, j)) is not None and c.row == i and c.col == j and c.text}
    if not own or any(i + 1 < grid.n_rows and grid.cell(i + 1, j) is c for j, c in own.items()):
        return None
    tail = RecordTail(i)
    line_name, code_cols = above.line_cols
    for j, c in own.items():
        text = c.text.strip()
        if text.endswith(":"):
            return None  # a heading of the rows below
        if j in code_cols and len(own) == 1 and above.line is not None and not above.line.code and is_code(text):
            tail.code = text.replace(" ", "")
        elif _is_number(text) or not re.search(r"[A-Za-z]{2}", text):
            return None
        elif j == above.name_col and above.values:
            tail.name = text
            if j == line_name and above.line is not None:
                tail.line_name = text
        elif j == line_name and above.line is not None:
            tail.line_name = text
        else:
            return None
    return tail


def _without_row(grid: Grid, i: int) -> Grid:
    """The grid without row i (a tail read as the record above's); the rows below move up one."""
    moved: dict[int, GridCell] = {}

    def up(c: GridCell | None) -> GridCell | None:
        if c is None or c.row < i:
            return c
        return moved.setdefault(id(c), replace(c, row=i if c.row == i else c.row - 1))  # a cell merged down from row i starts at its next row

    rows = [[up(c) for c in row] for k, row in enumerate(grid.rows) if k != i]
    return Grid(grid.page, grid.bbox, rows, grid.extractor, grid.caption, grid.index)


def _title_rows(grid: Grid) -> int:
    """Rows at the top of a table that are its title, or the sentence before it, caught inside its box: a
    row across the table ("PAGU DAN REALISASI BELANJA DAERAH ..." / "TAHUN ANGGARAN 2022", printed inside
    the border), or a row of one cell that is a caption ("Tabel 3.6 ...") or a sentence ending in ":"
    (camelot stream takes the lines above a borderless table in). They end at the last such row above a
    row of several header cells with no number; a one-cell row of other words among them stays (a parent
    header over the columns, a caption's second line). A group row above data rows is no title."""
    last, k = -1, 0
    while k < grid.n_rows:
        filled = [t for j in range(grid.n_cols) if grid.is_origin(k, j) and (t := grid.text(k, j))]
        if len(filled) > 1:
            break
        if not filled or banner(grid, k) is not None or _TITLE_LINE.match(filled[0]) or filled[0].rstrip().endswith(":"):
            last = k
        k += 1
    if last < 0 or k >= grid.n_rows - 1:
        return 0
    head = [grid.text(k, j) for j in range(grid.n_cols) if grid.is_origin(k, j) and grid.text(k, j)]
    return last + 1 if not any(parse_cell(t).value is not None for t in head) else 0


_TITLE_LINE = re.compile(r"\s*(?:tabel|table|gambar)\s+[\dIVX]", re.IGNORECASE)


def record_above(read: TableRead, page: int) -> RecordAbove | None:
    """The record a page break may have cut: the last record of the table (its indicator values, its
    budget line, or both on one row), when nothing stands under it."""
    grid, layout = read.grid, read.layout
    value_row, names = -1, {}
    if layout is not None and layout.right is None and not layout.indicators and layout.col("indicator") is not None and read.values:
        names = _indicator_text_rows(grid, layout)
        value_row = max(names, default=-1)
    line_row = read.budget_rows[-1] if read.budget_rows else -1
    last = max(value_row, line_row)
    if last < 0 or any(grid.text(k, j) and grid.is_origin(k, j) for k in range(last + 1, grid.n_rows) for j in range(grid.n_cols)):
        return None
    values, name, name_col = [], "", None
    if value_row == last:
        boxes = {c.bbox for j in range(grid.n_cols) if (c := grid.cell(last, j)) is not None}
        values = [v for v in read.values if v.bbox in boxes]
        name, name_col = names[last], layout.col("indicator").index
    line, cols = (read.budget[-1], read.budget_cols) if line_row == last and read.budget_cols is not None else (None, None)
    h = layout.header_rows if layout is not None else find_header_rows(grid)
    return RecordAbove(page, grid.col_spans(), [_row_texts_of(grid, k) for k in range(h)], name_col, name, values, line,
                       (cols.name, cols.code) if cols is not None else (None, ()), read.budget,
                       split_code(grid.text(last, cols.name))[1] if cols is not None else "")


def mend_record(above: RecordAbove, tail: RecordTail, levels: dict[str, str]) -> None:
    """The record cut by the page break takes its tail: the rest of its name, or its code."""
    if tail.name:
        above.name = join_cell_lines([above.name, tail.name])
        for v in above.values:
            v.indicator_name = clean_indicator_name(above.name)
    line = above.line
    if line is not None and (tail.line_name or tail.code):
        if tail.line_name:
            above.line_name = join_cell_lines([above.line_name or line.name, tail.line_name])
            line.name = clean_indicator_name(above.line_name)
        if tail.code:
            line.code = tail.code
        relevel(line)
        levels_from_parents(above.lines, levels)


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
    """Reads one document's tables. Families fill the hooks; `extract_page` fixes the order."""

    name = "tables"
    doc_types: tuple[str, ...] = ()

    def __init__(self, info: DocumentInfo | None = None, pdf_path: str | None = None, settings: ExtractorSettings | None = None):
        self.info = info or DocumentInfo("OTHER", None, None, None, None)
        self.pdf_path = pdf_path
        self.settings = settings or ExtractorSettings()
        self._routes: dict[int, str] | None = None  # page -> "ruled" | "text"; None when pdfium cannot route
        self._heights: dict[int, float] = {}
        self._routed = False
        self._streamed: dict[int, list[Grid]] | None = None  # camelot stream's tables of the text-routed pages
        self._misses: dict[str, int] = {}  # fallback reads (per reader) that did not win
        self._reads: dict[int, tuple] = {}  # this page's table reads: the winners are scored, then emitted
        self._above: RecordAbove | None = None  # the last record of the last page's last table (a page break may cut it)
        self._levels: dict[str, str] = {}  # budget lines' levels by code, of the pages read so far
        self._budget_table: tuple[int, list, BudgetColumns | None] = (0, [], None)  # (page, columns, budget columns) of its last table
        self._below: tuple[int, list[dict]] = (0, [])  # (page, the text lines under its last table, placed above the next page's top)

    # -- hooks: each does nothing (or the generic thing) unless a family says otherwise ---------------
    def read_diagram(self, page) -> PageResult | None:
        """A page that is a diagram rather than tables, read its own way; None: read it as tables."""
        return None

    def table_context(self, grid: Grid, page_lines: list[dict]) -> TableContext:
        """The year (and jabatan) a table belongs to: its caption first, then the document."""
        info = self.info
        year = info.year
        caption = " ".join(grid.caption[-3:])
        years = years_in(caption)
        if len(set(years)) == 1:
            year = years[0]
        running = re.search(rf"({YEAR})\s*\(?\s*tahun\s+berjalan", caption.lower())
        if running:  # plans count "tahun berjalan" as n-1: the plan's own year n comes after it
            year = int(running.group(1)) + 1
        return TableContext(info.doc_type, year, info.year_to)

    def table_attributes(self, grid: Grid, layout: Layout, ctx: TableContext, page) -> list[ExtractedAttributes]:
        """What a table says about its indicators besides numbers (formulas, sources)."""
        return []

    def table_tree(self, grid: Grid, start: int) -> list[TreeNode]:
        """Tree nodes a table states (a cascading table's numbering); `start` counts the page's nodes so far."""
        return []

    # -- steps -------------------------------------------------------------------------------
    def route(self, page) -> str | None:
        """"ruled", "text" (a borderless table may be there) or None (no table): cheap, before parsing."""
        if getattr(page, "is_ocr", False):  # a scanned page was routed on its image (extractors/scan.py)
            return page.route_hint
        if self.pdf_path and not self._routed:
            self._routes, self._heights = route_document(self.pdf_path)
            self._routed = True
        if self._routes is not None:
            return self._routes.get(page.page_number)
        return "ruled" if page_has_table(page) else None

    def find_grids(self, page, lines: list[dict], previous: Layout | None = None, route: str = "ruled") -> list[Grid]:
        """The page's tables from the reader that reads them best.

        Ruled pages: pdfplumber; when its tables give no indicator value, camelot stream (a borderless
        table under a header line) and camelot lattice (an indicator header over rules pdfplumber could
        not join) are tried, and the set of tables with the best `page_quality` wins. Text pages: camelot
        stream, kept when it reads as a table.
        """
        number = page.page_number
        use_camelot = self.settings.camelot_for_borderless and self.pdf_path and not getattr(page, "is_ocr", False)  # camelot reads the file's text layer: a scan has none
        if route == "text":
            grids = self._caption(self._stream_tables(number, float(page.height), float(page.width)), lines) if use_camelot else []
            return grids if self.page_quality(grids, previous, lines, page) > 0 else []
        tables = [t for t in _rules_only(page).find_tables(_PLUMBER) if len(t.rows) >= self.settings.min_table_rows]
        grids = self._caption([g for k, t in enumerate(tables) if (g := plumber_table_to_grid(page, t, number, k)).n_cols >= 2], lines)
        if not use_camelot:
            return grids
        best = self.page_quality(grids, previous, lines, page)
        if best > 0:
            return grids
        flavors = []
        outside = "\n".join(ln["text"] for ln in lines if not any(g.bbox[1] - CAPTION_MARGIN <= ln["top"] <= g.bbox[3] + CAPTION_MARGIN for g in grids))
        if _header_line(outside) and _number_rows(outside) >= NUMBER_ROWS:
            flavors.append("stream")  # a borderless table beside (or instead of) the ruled ones
        layouts = [grid_to_layout(g, self.table_context(g, lines)) for g in grids]
        if any(lay is not None and lay.col("value") is not None for lay in layouts):
            flavors.append("lattice")  # value columns pdfplumber could not read
        for flavor in flavors:
            if self._misses.get(flavor, 0) >= _MAX_MISSES[flavor]:
                continue  # this document's pages have shown this reader adds nothing
            other = self._caption(self._camelot(str(number), {number: float(page.height)}, flavor).get(number, []), lines)
            q = self.page_quality(other, previous, lines, page)
            if q > best:
                grids, best = other, q
            else:
                self._misses[flavor] = self._misses.get(flavor, 0) + 1
        return grids

    def _stream_tables(self, number: int, height: float, width: float) -> list[Grid]:
        """camelot stream over every text-routed page of the document at once (fonts are read once)."""
        if self._streamed is None:
            pages = sorted(n for n, r in (self._routes or {}).items() if r == "text" and n >= number)
            self._streamed = self._camelot(",".join(map(str, pages or [number])), {**self._heights, number: height}, "stream")
        grids = self._streamed.get(number, [])
        missed = self._blocks_missed(number, grids)
        if missed:  # camelot's guessed area stopped short of a later table: each is read in its own area
            areas = [f"0,{height - max(0.0, y0 - STREAM_HEADER_REACH):.1f},{width:.1f},{height - y1 - 2:.1f}" for _, y0, _, y1 in missed]
            more = self._camelot(str(number), {number: height}, "stream", areas).get(number, [])
            grids = [*grids, *(replace(g, index=len(grids) + k) for k, g in enumerate(more))]
            self._streamed[number] = grids
        return grids

    def _blocks_missed(self, number: int, grids: list[Grid]) -> list[tuple[float, float, float, float]]:
        """The page's blocks of numbers aligned in columns (`routing`) that no table read covers."""
        if not self.pdf_path:
            return []
        _, _, surveys = survey_document(self.pdf_path)
        survey = surveys.get(number)
        blocks = survey.aligned if survey is not None else []
        return [b for b in blocks if not any(g.bbox[1] <= (b[1] + b[3]) / 2 <= g.bbox[3] for g in grids)]

    def page_quality(self, grids: list[Grid], previous: Layout | None, lines: list[dict], page=None) -> float:
        """How well a set of tables reads: indicator values and budget lines, less values that read as
        prose (a paragraph cut into columns), plus a little for filled cells. 0 when nothing reads."""
        score = 0.0
        for grid in grids:
            read = self.read_table(grid, previous, lines, page)
            for v in read.values:
                prose = parse_cell(v.value_text).kind == "text" and len(v.value_text.split()) >= 2 and v.value_text[:1].islower()
                score += PROSE_SCORE if prose else VALUE_SCORE
            score += VALUE_SCORE * len(read.budget)
            cells = [grid.text(i, j) for i in range(grid.n_rows) for j in range(grid.n_cols) if grid.is_origin(i, j)]
            score += FILLED_SCORE * sum(1 for t in cells if t) / max(1, len(cells))
        return score if score >= VALUE_SCORE else 0.0

    def _caption(self, grids: list[Grid], lines: list[dict]) -> list[Grid]:
        out = []
        for g in grids:
            titles = _title_rows(g)
            caption = [*text_above(lines, g.bbox, self.settings.caption_gap),
                       *(t for i in range(titles) for t in dict.fromkeys(g.text(i, j) for j in range(g.n_cols)) if t)]
            for _ in range(titles):
                g = _without_row(g, 0)
            g.caption = caption
            out.append(g)
        return out

    def _camelot(self, pages: str, heights: dict[int, float], flavor: str, areas: list[str] | None = None) -> dict[int, list[Grid]]:
        try:
            import camelot  # only a dozen pages of a corpus need it: the worker server has it imported already

            with warnings.catch_warnings():  # "No tables found" is an answer here, not a warning
                warnings.simplefilter("ignore")
                found = camelot.read_pdf(self.pdf_path, pages=pages, flavor=flavor, **({"table_areas": areas} if areas else {}))
        except Exception as exc:  # camelot raises bare Exceptions on odd pages; the page just has no table
            log.debug("camelot %s failed on pages %s: %s", flavor, pages, exc)
            return {}
        out: dict[int, list[Grid]] = {}
        for t in found:
            n = int(t.page)
            if t.shape[0] >= self.settings.min_table_rows and n in heights:
                out.setdefault(n, []).append(camelot_table_to_grid(t, n, heights[n], len(out.get(n, []))))
        return out

    def read_table(self, grid: Grid, previous: Layout | None, lines: list[dict], page) -> TableRead:
        """A table's context, layout, values and budget lines; kept for the page, so that the tables scored
        by `page_quality` are not read again when they are emitted."""
        if grid.index:
            previous = None  # only a page's first table can continue the previous page's (see `_layout`)
        key = (grid, previous, lines)
        kept = self._reads.get(id(grid))
        if kept is not None and all(a is b for a, b in zip(kept[0], key)):
            return kept[1]
        ctx = self.table_context(grid, self._flowed(grid, lines))
        table_id = f"p{grid.page}t{grid.index + 1}"
        tail = record_tail(grid, self._above)
        grid2, layout = self._layout(_without_row(grid, tail.row) if tail else grid, ctx, previous, page)
        if tail is None and grid2.n_cols != grid.n_cols and self._above is not None:  # lined up on the previous page's columns
            tail = record_tail(grid2, self._above, self._above.spans)
            if tail is not None:
                grid2 = _without_row(grid2, tail.row)
        warnings = self._caption_year_warning(grid, ctx) if layout is not None else []
        values = layout_to_values(grid2, layout, ctx, table_id, warnings) if layout is not None else []
        levels = dict(self._levels)
        budget = read_budget(grid2, ctx, table_id, levels, self._budget_continued(grid, grid2, layout))
        read = TableRead(ctx, grid2, layout, values, budget.lines, table_id, warnings, tail, levels, [i for i, _ in budget.rows], budget.columns)
        self._reads[id(grid)] = (key, read)  # the key holds the grid: its id is not reused while kept
        return read

    def _budget_continued(self, grid: Grid, grid2: Grid, layout: Layout | None) -> BudgetColumns | None:
        """The budget columns of the previous page's last table, when this page's first table continues it
        without a header: under the previous table's columns (`continue_layout`), or ruled at the same
        x-positions; not when a caption starts or dates a new table."""
        page, spans, columns = self._budget_table
        if columns is None or grid.index != 0 or page != grid.page - 1 or _new_table(grid):
            return None
        if layout is not None:
            return columns if layout.header_rows == 0 and _same_columns(spans, grid2.col_spans()) else None
        return columns if _same_columns(spans, grid2.col_spans()) else None

    def _flowed(self, grid: Grid, lines: list[dict]) -> list[dict]:
        """The page's text lines a table is read in; for the page's first table, those printed under the
        last table of the page before come first, above the page's top (a "Jabatan :" heading at a page's
        foot heads the table the next page starts with)."""
        page, below = self._below
        return [*below, *lines] if grid.index == 0 and below and page == grid.page - 1 else lines

    def _caption_year_warning(self, grid: Grid, ctx: TableContext) -> list[ExtractedWarning]:
        """A single-year table whose caption names a year before the report's period (an LKIP 2017 with a
        table "Tahun 2016"): its values take the caption's year, and the reviewer hears of both. (A later
        year is a plan's: "Rencana Tindak Lanjut Tahun 2017" in an LKIP 2016.)"""
        info = self.info
        if ctx.year is None or info.year_to is None or ctx.year >= (info.year_from or info.year_to):
            return []
        period = f"{info.year_from}-{info.year_to}" if info.year_from and info.year_from != info.year_to else str(info.year_to)
        return [ExtractedWarning(grid.page, "caption_year_outside_report",
                                 f"the table's caption says {ctx.year}, the report is for {period}; its values are given {ctx.year}",
                                 " ".join(grid.caption[-3:]), grid.bbox)]

    def _layout(self, grid: Grid, ctx: TableContext, previous: Layout | None, page) -> tuple[Grid, Layout | None]:
        """The table's own header, else (first table on a page, no header) the previous table's columns."""
        layout = grid_to_layout(grid, ctx)
        if layout is not None and previous is not None and grid.index == 0 and not _new_table(grid):
            layout = borrow_from_previous(layout, previous)  # a repeated header that left its years off
        if layout is None and previous is not None and grid.index == 0 and find_header_rows(grid) == 0 and not _numbered_caption(grid):
            if grid.n_cols != len(previous.columns) and previous.spans and page is not None:
                grid = regrid_to_columns(grid, grid.col_spans(), previous.spans, page.extract_words(x_tolerance=WORD_GAP)) or grid
            layout = continue_layout(grid, previous)
        return grid, layout

    def extract_page(self, page, previous: Layout | None) -> tuple[PageResult, Layout | None]:
        """One page's records, and the layout the next page may continue (None after a diagram)."""
        diagram = self.read_diagram(page)
        if diagram is not None:
            return diagram, None
        result = PageResult(page.page_number)
        self._reads = {}
        route = self.route(page)
        if route is None:
            self._end_page(page, [], [])
            return result, previous
        if route == "text" and not self.find_grids(page, [], previous, route):
            self._end_page(page, [], [])
            return result, previous  # decided before the page is parsed: most such pages are prose
        lines = page.extract_text_lines(return_chars=False)
        reads = []
        for grid in self.find_grids(page, lines, previous, route):
            read = self.read_table(grid, previous, lines, page)
            reads.append(read)
            if read.tail is not None and self._above is not None:
                mend_record(self._above, read.tail, self._levels)
            self._levels.update(read.levels)
            result.tables.append(_table_record(read))
            result.warnings.extend(read.warnings)
            if read.layout is not None:
                result.values.extend(read.values)
                result.attributes.extend(self.table_attributes(read.grid, read.layout, read.ctx, page))
                previous = read.layout
            result.budget.extend(read.budget)
            result.tree.extend(self.table_tree(grid, len(result.tree)))
        self._reads = {}
        self._end_page(page, reads, lines)
        return result, previous

    def _end_page(self, page, reads: list[TableRead], lines: list[dict]) -> None:
        """What the next page may continue: the last table's last record, and the text under that table."""
        number = page.page_number
        last = max(reads, key=lambda r: r.grid.bbox[3], default=None)
        self._above = record_above(last, number) if last is not None else None
        self._budget_table = (number, last.grid.col_spans(), last.budget_cols) if last is not None else (number, [], None)
        if last is None:
            self._below = (number, [])
            return
        height = float(page.height)
        # labelled headings only ("Jabatan : ..."): not the page's footer or closing prose
        under = [ln for ln in lines if ln["top"] >= last.grid.bbox[3] - CAPTION_MARGIN and ":" in ln["text"]]
        self._below = (number, [{**ln, "top": ln["top"] - height, "bottom": ln["bottom"] - height} for ln in under])
