"""Tables as grids of cells with boxes, from pdfplumber (ruled tables) or camelot (stream, for borderless ones).

A `Grid` is the one shape every later step reads: rows x columns of `Cell`s where a merged cell
occupies every position it spans (the same object), so a header spanning three year columns is
seen by all three and a sasaran spanning five indicator rows by all five.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from normalizers.text import collapse_whitespace, join_cell_lines, undouble_glyphs

from .geometry import BBox, camelot_to_plumber, contains_point, rounded


@dataclass(frozen=True, eq=False)
class Cell:
    """One printed cell. `row`/`col` are its top-left position in the grid (its origin when merged)."""

    text: str
    bbox: BBox
    row: int
    col: int


@dataclass
class Grid:
    page: int  # 1-based
    bbox: BBox
    rows: list[list[Cell | None]]
    extractor: str
    caption: list[str] = field(default_factory=list)  # text lines just above the table, nearest last
    index: int = 0  # order of the table on its page

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def cell(self, i: int, j: int) -> Cell | None:
        row = self.rows[i]
        return row[j] if j < len(row) else None

    def text(self, i: int, j: int) -> str:
        c = self.cell(i, j)
        return c.text if c is not None else ""

    def is_origin(self, i: int, j: int) -> bool:
        c = self.cell(i, j)
        return c is not None and c.row == i and c.col == j


def clean_cell_text(raw: str | None) -> str:
    if not raw:
        return ""
    lines = [undouble_glyphs(collapse_whitespace(ln)) for ln in raw.split("\n")]
    return collapse_whitespace(join_cell_lines([ln for ln in lines if ln]))


def _fill_spans(cells: list[list[Cell | None]], col_x: list[tuple[float, float]], row_y: list[tuple[float, float]]) -> None:
    """Point every covered (None) position at the merged cell whose box holds its centre."""
    origins = [c for row in cells for c in row if c is not None]
    for i, row in enumerate(cells):
        for j, c in enumerate(row):
            if c is not None:
                continue
            x = (col_x[j][0] + col_x[j][1]) / 2
            y = (row_y[i][0] + row_y[i][1]) / 2
            for o in origins:
                if contains_point(o.bbox, x, y, tol=0.0) and (o.row, o.col) != (i, j):
                    row[j] = o
                    break


def _drop_redundant_columns(cells: list[list[Cell | None]]) -> list[list[Cell | None]]:
    """Drop columns that add nothing: every position empty or the same merged cell as its left neighbour.

    Tables drawn from many small rectangles come back with dozens of hair-thin columns.
    """
    if not cells:
        return cells
    n_cols = max(len(r) for r in cells)
    keep = []
    for j in range(n_cols):
        redundant = True
        for row in cells:
            c = row[j] if j < len(row) else None
            if c is None or not c.text:
                continue
            left = row[keep[-1]] if keep and keep[-1] < len(row) else None
            if left is c:
                continue
            redundant = False
            break
        if not redundant:
            keep.append(j)
    return [[row[j] if j < len(row) else None for j in keep] for row in cells]


def _renumber(cells: list[list[Cell | None]]) -> list[list[Cell | None]]:
    """Rebuild cells so that row/col are the first position each one occupies in the final grid."""
    seen: dict[int, Cell] = {}
    out: list[list[Cell | None]] = []
    for i, row in enumerate(cells):
        new_row: list[Cell | None] = []
        for j, c in enumerate(row):
            if c is None:
                new_row.append(None)
                continue
            if id(c) not in seen:
                seen[id(c)] = Cell(c.text, c.bbox, i, j)
            new_row.append(seen[id(c)])
        out.append(new_row)
    return out


def plumber_table_to_grid(page, table, page_number: int, index: int) -> Grid:
    """A pdfplumber `Table` into a Grid; the text of each cell is read from its own box."""
    texts = table.extract(x_tolerance=1.5)
    cells: list[list[Cell | None]] = []
    for i, row in enumerate(table.rows):
        out_row: list[Cell | None] = []
        for j, box in enumerate(row.cells):
            if box is None:
                out_row.append(None)
            else:
                raw = texts[i][j] if i < len(texts) and j < len(texts[i]) else ""
                out_row.append(Cell(clean_cell_text(raw), rounded(box), i, j))
        cells.append(out_row)
    n_cols = max((len(r) for r in cells), default=0)
    col_x = []
    for j in range(n_cols):
        xs = [c.bbox for r in cells if j < len(r) and (c := r[j]) is not None and c.col == j]
        col_x.append((min(b[0] for b in xs), min(b[2] for b in xs)) if xs else (0.0, 0.0))  # narrowest: merged cells are wider
    row_y = []
    for i, r in enumerate(cells):
        ys = [c.bbox for c in r if c is not None and c.row == i]
        row_y.append((min(b[1] for b in ys), min(b[3] for b in ys)) if ys else (0.0, 0.0))
    _fill_spans(cells, col_x, row_y)
    cells = _renumber(_drop_redundant_columns(cells))
    return Grid(page_number, rounded(table.bbox), cells, "pdfplumber-lattice", index=index)


def camelot_table_to_grid(table, page_number: int, page_height: float, index: int) -> Grid:
    """A camelot `Table` (stream or lattice) into a Grid; spans come from camelot's shared edges."""
    cells: list[list[Cell | None]] = []
    for i, row in enumerate(table.cells):
        out_row: list[Cell | None] = []
        for j, c in enumerate(row):
            box = camelot_to_plumber(c.x1, c.y1, c.x2, c.y2, page_height)
            out_row.append(Cell(clean_cell_text(c.text), rounded(box), i, j))
        cells.append(out_row)
    x1, y1, x2, y2 = table._bbox
    bbox = camelot_to_plumber(x1, y1, x2, y2, page_height)
    grid_cells = _renumber(_drop_redundant_columns(cells))
    return Grid(page_number, rounded(bbox), grid_cells, f"camelot-{table.flavor}", index=index)
