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
    parse_cell,
)
from normalizers.text import years_in

from .document import DocumentInfo
from .pages import extent, path_objects, subpaths

log = logging.getLogger(__name__)

_MAX_MISSES = {"stream": 4, "lattice": 2}  # fruitless fallbacks in a document before that reader is dropped (lattice renders the page: dear)
_PLUMBER = {"snap_x_tolerance": 6}  # doubled or tripled column rules (a few points apart) are one rule
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
class TableRead:
    """One table as the page reads it: its context, its (maybe re-gridded) grid and layout, and what it gives."""

    ctx: TableContext
    grid: Grid
    layout: Layout | None
    values: list[ExtractedValue]
    budget: list[ExtractedBudgetLine]


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
        self._routes: dict[str, dict[int, str] | None] = {}
        self._heights: dict[str, dict[int, float]] = {}
        self._streamed: dict[str, dict[int, list[Grid]]] = {}
        self._misses: dict[tuple[str, str], int] = {}  # fallback reads that did not win, per document
        self._reads: dict[int, tuple] = {}  # this page's table reads: the winners are scored, then emitted

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

    def table_attributes(self, grid: Grid, layout: Layout, ctx: TableContext, page) -> list[ExtractedAttributes]:
        """What a table says about its indicators besides numbers (formulas, sources); families that print them override."""
        return []

    # -- steps -------------------------------------------------------------------------------
    def route(self, page, pdf_path: str | None) -> str | None:
        """"ruled", "text" (a borderless table may be there) or None (no table): cheap, before parsing."""
        if pdf_path:
            if pdf_path not in self._routes:
                self._routes[pdf_path], self._heights[pdf_path] = route_document(pdf_path)
            routes = self._routes[pdf_path]
            if routes is not None:
                return routes.get(page.page_number)
        return "ruled" if self.page_has_table(page) else None

    def page_has_table(self, page) -> bool:
        """Routing on a parsed page (when pdfium cannot read the file): rules, or table words."""
        if len(page.lines) + len(page.rects) >= 4:
            return True
        words = compact(" ".join(w["text"] for w in page.extract_words()[:400]))
        return sum(w in words for w in _TABLE_WORDS) >= 2

    def find_grids(self, page, pdf_path: str | None, lines: list[dict], info: DocumentInfo | None = None,
                   previous: Layout | None = None, route: str = "ruled") -> list[Grid]:
        """The page's tables from the reader that reads them best.

        Ruled pages: pdfplumber; when its tables give no indicator value, camelot stream (a borderless
        table under a header line) and camelot lattice (an indicator header over rules pdfplumber could
        not join) are tried, and the set of tables with the best `page_quality` wins. Text pages: camelot
        stream, kept when it reads as a table.
        """
        number = page.page_number
        info = info or DocumentInfo("OTHER", None, None, None, None)
        use_camelot = self.settings.camelot_for_borderless and pdf_path
        if route == "text":
            grids = self._caption(self._stream_tables(pdf_path, number, float(page.height)), lines) if use_camelot else []
            return grids if self.page_quality(grids, info, previous, lines, page) > 0 else []
        tables = [t for t in page.find_tables(_PLUMBER) if len(t.rows) >= self.settings.min_table_rows]
        grids = self._caption([g for k, t in enumerate(tables) if (g := plumber_table_to_grid(page, t, number, k)).n_cols >= 2], lines)
        if not use_camelot:
            return grids
        best = self.page_quality(grids, info, previous, lines, page)
        if best > 0:
            return grids
        flavors = []
        outside = "\n".join(ln["text"] for ln in lines if not any(g.bbox[1] - 2 <= ln["top"] <= g.bbox[3] + 2 for g in grids))
        if _header_line(outside) and _number_rows(outside) >= 3:
            flavors.append("stream")  # a borderless table beside (or instead of) the ruled ones
        layouts = [grid_to_layout(g, self.table_context(info, g, lines)) for g in grids]
        if any(lay is not None and lay.col("value") is not None for lay in layouts):
            flavors.append("lattice")  # value columns pdfplumber could not read
        for flavor in flavors:
            if self._misses.get((pdf_path, flavor), 0) >= _MAX_MISSES[flavor]:
                continue  # this document's pages have shown this reader adds nothing
            other = self._caption(self._camelot(pdf_path, str(number), {number: float(page.height)}, flavor).get(number, []), lines)
            q = self.page_quality(other, info, previous, lines, page)
            if q > best:
                grids, best = other, q
            else:
                self._misses[(pdf_path, flavor)] = self._misses.get((pdf_path, flavor), 0) + 1
        return grids

    def _stream_tables(self, pdf_path: str, number: int, height: float) -> list[Grid]:
        """camelot stream over every text-routed page of the document at once (fonts are read once)."""
        if pdf_path not in self._streamed:
            routes = self._routes.get(pdf_path) or {}
            pages = sorted(n for n, r in routes.items() if r == "text" and n >= number)
            heights = {**self._heights.get(pdf_path, {}), number: height}
            self._streamed[pdf_path] = self._camelot(pdf_path, ",".join(map(str, pages or [number])), heights, "stream")
        return self._streamed[pdf_path].get(number, [])

    def page_quality(self, grids: list[Grid], info: DocumentInfo, previous: Layout | None, lines: list[dict], page=None) -> float:
        """How well a set of tables reads: indicator values and budget lines, less values that read as
        prose (a paragraph cut into columns), plus a little for filled cells. 0 when nothing reads."""
        score = 0.0
        for grid in grids:
            read = self.read_table(grid, info, previous, lines, page)
            for v in read.values:
                prose = parse_cell(v.value_text).kind == "text" and len(v.value_text.split()) >= 2 and v.value_text[:1].islower()
                score += -1.0 if prose else 1.0
            score += len(read.budget)
            cells = [grid.text(i, j) for i in range(grid.n_rows) for j in range(grid.n_cols) if grid.is_origin(i, j)]
            score += 0.1 * sum(1 for t in cells if t) / max(1, len(cells))
        return score if score >= 1 else 0.0

    def _caption(self, grids: list[Grid], lines: list[dict]) -> list[Grid]:
        for g in grids:
            g.caption = text_above(lines, g.bbox, self.settings.caption_gap)
        return grids

    def _camelot(self, pdf_path: str, pages: str, heights: dict[int, float], flavor: str) -> dict[int, list[Grid]]:
        try:
            import camelot

            with warnings.catch_warnings():  # "No tables found" is an answer here, not a warning
                warnings.simplefilter("ignore")
                found = camelot.read_pdf(pdf_path, pages=pages, flavor=flavor)
        except Exception as exc:  # camelot raises bare Exceptions on odd pages; the page just has no table
            log.debug("camelot %s failed on pages %s: %s", flavor, pages, exc)
            return {}
        out: dict[int, list[Grid]] = {}
        for t in found:
            n = int(t.page)
            if t.shape[0] >= self.settings.min_table_rows and n in heights:
                out.setdefault(n, []).append(camelot_table_to_grid(t, n, heights[n], len(out.get(n, []))))
        return out

    def read_table(self, grid: Grid, info: DocumentInfo, previous: Layout | None, lines: list[dict], page) -> TableRead:
        """A table's context, layout, values and budget lines; kept for the page, so that the tables scored
        by `page_quality` are not read again when they are emitted."""
        if grid.index:
            previous = None  # only a page's first table can continue the previous page's (see `_layout`)
        key = (grid, previous, lines)
        kept = self._reads.get(id(grid))
        if kept is not None and all(a is b for a, b in zip(kept[0], key)):
            return kept[1]
        ctx = self.table_context(info, grid, lines)
        table_id = f"p{grid.page}t{grid.index + 1}"
        grid2, layout = self._layout(grid, ctx, previous, page)
        values = layout_to_values(grid2, layout, ctx, table_id) if layout is not None else []
        read = TableRead(ctx, grid2, layout, values, grid_to_budget(grid2, ctx, table_id))
        self._reads[id(grid)] = (key, read)  # the key holds the grid: its id is not reused while kept
        return read

    def _layout(self, grid: Grid, ctx: TableContext, previous: Layout | None, page) -> tuple[Grid, Layout | None]:
        """The table's own header, else (first table on a page, no header) the previous table's columns."""
        layout = grid_to_layout(grid, ctx)
        if layout is None and previous is not None and grid.index == 0 and find_header_rows(grid) == 0:
            if grid.n_cols != len(previous.columns) and previous.spans and page is not None:
                grid = regrid_to_columns(grid, grid.col_spans(), previous.spans, page.extract_words(x_tolerance=1.5)) or grid
            layout = continue_layout(grid, previous)
        return grid, layout

    def extract_page(self, page, info: DocumentInfo, previous: Layout | None, pdf_path: str | None) -> tuple[PageResult, Layout | None]:
        result = PageResult(page.page_number, 0)
        self._reads = {}
        route = self.route(page, pdf_path)
        if route is None:
            return result, previous
        if route == "text" and not self.find_grids(page, pdf_path, [], info, previous, route):
            return result, previous  # decided before the page is parsed: most such pages are prose
        lines = page.extract_text_lines(return_chars=False)
        for grid in self.find_grids(page, pdf_path, lines, info, previous, route):
            result.tables += 1
            read = self.read_table(grid, info, previous, lines, page)
            if read.layout is not None:
                result.values.extend(read.values)
                result.attributes.extend(self.table_attributes(read.grid, read.layout, read.ctx, page))
                previous = read.layout
            result.budget.extend(read.budget)
        self._reads = {}
        return result, previous


def _join(edges: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Collinear segments that touch, one rule: cell borders are often drawn cell by cell."""
    out: list[tuple[float, float, float]] = []
    for pos, a, b in sorted((round(p), a, b) for p, a, b in edges):
        if out and out[-1][0] == pos and a <= out[-1][2] + 5:
            out[-1] = (pos, out[-1][1], max(out[-1][2], b))
        else:
            out.append((pos, a, b))
    return out


def _apart(values: set[float] | list[float], gap: float = 5.0) -> int:
    """How many of the positions stand apart (a double rule or a box drawn twice is one)."""
    vals = sorted(values)
    return sum(1 for a, b in zip([None, *vals], vals) if a is None or b - a > gap)


def _ruled(h_edges: list[tuple[float, float, float]], v_edges: list[tuple[float, float, float]]) -> bool:
    """At least three horizontal rules each crossed by three vertical ones spread over 100 points:
    the skeleton of a table with two rows and two columns (a boxed page number or a frame is not)."""
    rows = []
    v_edges = _join(v_edges)
    for y, hx0, hx1 in _join(h_edges):
        xs = {x for x, vy0, vy1 in v_edges if hx0 - 2 <= x <= hx1 + 2 and vy0 - 2 <= y <= vy1 + 2}
        if _apart(xs) >= 3 and max(xs) - min(xs) >= 100:
            rows.append(y)
            if _apart(rows) >= 3:
                return True
    return False


_MIN_RULE = 8.0


def _add_edge(h: list, v: list, x0: float, y0: float, x1: float, y1: float) -> None:
    """A horizontal or vertical segment at least _MIN_RULE points long is a rule (a slanted one is not)."""
    if y1 - y0 <= 3 and x1 - x0 >= _MIN_RULE:
        h.append((y0, x0, x1))
    elif x1 - x0 <= 3 and y1 - y0 >= _MIN_RULE:
        v.append((x0, y0, y1))


def _header_line(text: str) -> bool:
    """A line that reads as a table's column header: short, naming two table columns ("INDIKATOR ...
    TARGET REALISASI"), mostly capitalised words, and not a sentence or a contents line (ending in
    punctuation, dot leaders)."""
    for ln in text.splitlines():
        tokens = ln.split()
        if len(tokens) > 12 or _NOT_A_HEADER.search(ln):
            continue
        letters = compact(ln)
        words = [w for w in tokens if w[:1].isalpha()]
        if sum(w in letters for w in _TABLE_WORDS) >= 2 and sum(w[0].isupper() for w in words) >= 0.6 * len(words):
            return True
    return False


_NOT_A_HEADER = re.compile(r"[.:;,]\s*$|\.{4,}")
_NUMBER = re.compile(r"(?<![\w.,])[-+]?\d[\d.,]*%?(?!\w)")
_ENDS_WITH_NUMBER = re.compile(r"\d[\d.,]*\s*%?\s*$")


def _number_rows(text: str) -> int:
    """Lines that read as rows of a table of values: two numbers or more, or a number at the end."""
    return sum(1 for ln in text.splitlines() if len(_NUMBER.findall(ln)) >= 2 or _ENDS_WITH_NUMBER.search(ln))


def route_document(pdf_path: str) -> tuple[dict[int, str] | None, dict[int, float]]:
    """Every page's route, from pdfium's rules and text of the page (before anything is parsed):
    "ruled" when its drawn lines and boxes cross like a table's, "text" when a column-header line
    (`_header_line`) sits over three lines or more that read as rows of values, else nothing; and every
    page's height. None when pdfium cannot read the file."""
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(pdf_path)
    except Exception as exc:  # the parse that follows reports a broken file; routing just steps aside
        log.debug("pdfium cannot route %s: %s", pdf_path, exc)
        return None, {}
    routes: dict[int, str] = {}
    heights: dict[int, float] = {}
    try:
        for k in range(len(pdf)):
            page = pdf[k]
            heights[k + 1] = page.get_height()
            h: list[tuple[float, float, float]] = []
            v: list[tuple[float, float, float]] = []
            for obj, m, parent in path_objects(page.raw):
                if max(extent(obj, parent)) < _MIN_RULE - 0.5:  # (bounds in float32 and with the stroke)
                    continue  # too small to hold a rule (a bullet, a glyph drawn as a path)
                for _, pts in subpaths(obj, m):
                    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
                        _add_edge(h, v, min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            page.close()
            if _ruled(h, v):
                routes[k + 1] = "ruled"
            elif _header_line(text) and _number_rows(text) >= 3:
                routes[k + 1] = "text"
    finally:
        pdf.close()
    return routes, heights


def heading_value(lines: list[str], label: str) -> str | None:
    """The value of a "2. Jabatan : Kepala Dinas" style heading line, nearest the table."""
    pat = re.compile(rf"\b{label}\s*[:：]\s*(.+)$", re.IGNORECASE)
    for line in reversed(lines):
        m = pat.search(line)
        if m:
            return m.group(1).strip()
    return None
