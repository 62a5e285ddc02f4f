"""Tables as grids of cells with boxes, from pdfplumber (ruled tables) or camelot (stream, for borderless ones).

A `Grid` is the one shape every later step reads: rows x columns of `Cell`s where a merged cell
occupies every position it spans (the same object), so a header spanning three year columns is
seen by all three and a sasaran spanning five indicator rows by all five.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from normalizers.numbers import parse_value
from normalizers.text import collapse_whitespace, join_cell_lines, undouble_glyphs

from .geometry import BBox, bbox_union, camelot_to_plumber, contains_point, rounded, words_in

# points: letters closer than this are one word. Tables are read with a smaller gap than pdfplumber's
# default (3), so that the words of tightly set neighbouring cells stay apart
WORD_GAP = 1.5
# points: a continuation page's column rule this close to the header page's stands for the same column
# (pdfplumber snaps rules 6 pt apart into one); a column empty on this page has no rules of its own and
# is empty, not missing
COLUMN_EDGE_TOLERANCE = 6.0


@dataclass(frozen=True, eq=False)
class Cell:
    """One printed cell. `row`/`col` are its top-left position in the grid (its origin when merged)."""

    text: str
    bbox: BBox
    row: int
    col: int
    text_box: BBox | None = None  # where its words sit, for a cell spanning several rows


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

    def col_spans(self) -> list[tuple[float, float]]:
        """Each column's x-range: from its leftmost cell edge to the next column's."""
        lefts = []
        for j in range(self.n_cols):
            xs = [c.bbox[0] for r in self.rows if j < len(r) and (c := r[j]) is not None and c.col == j]
            lefts.append(min(xs) if xs else None)
        spans = []
        for j, x0 in enumerate(lefts):
            nxt = next((x for x in lefts[j + 1 :] if x is not None), self.bbox[2])
            spans.append((x0 if x0 is not None else (spans[-1][1] if spans else self.bbox[0]), nxt))
        return spans


def regrid_to_columns(grid: Grid, grid_spans: list[tuple[float, float]], spans: list[tuple[float, float]], words: list[dict]) -> Grid | None:
    """The rows of a headerless continuation table laid out on the previous table's columns.

    Each of the grid's columns must sit over one column of `spans` (in order); the columns it lacks
    (drawn without rules, outside its bbox) are read from the words in their x-span on each row.
    None when the columns do not line up.
    """
    target_of = []
    for j, (x0, x1) in enumerate(grid_spans):
        overlaps = [max(0.0, min(x1, b) - max(x0, a)) for a, b in spans]
        best = max(range(len(spans)), key=lambda k: overlaps[k])
        if overlaps[best] < 0.6 * min(x1 - x0, spans[best][1] - spans[best][0]) or (target_of and best <= target_of[-1]):
            return None
        if j and abs(x0 - spans[best][0]) > COLUMN_EDGE_TOLERANCE:
            return None  # its rules do not stand where the previous table's do: another table
        target_of.append(best)
    missing = [k for k in range(len(spans)) if k not in target_of]
    for j, (x0, x1) in enumerate(grid_spans):
        # a column wider than its own on the header page may hold a neighbour whose rule is missing here:
        # text under that neighbour is not this column's (empty neighbours are just empty)
        covered = [k for k in missing if x0 < (spans[k][0] + spans[k][1]) / 2 < x1]
        if any(words_in(words, (spans[k][0], grid.bbox[1], spans[k][1], grid.bbox[3])) for k in covered):
            return None
    if grid_spans and abs(grid_spans[0][0] - spans[target_of[0]][0]) > COLUMN_EDGE_TOLERANCE and any(
        grid.bbox[0] < (spans[k][0] + spans[k][1]) / 2 < grid.bbox[2] for k in missing
    ):
        return None  # a column inside the table that its rules do not show: not the same table
    rows: list[list[Cell | None]] = []
    moved: dict[int, Cell] = {}
    for i, row in enumerate(grid.rows):
        out: list[Cell | None] = [None] * len(spans)
        for j, c in enumerate(row):
            if c is not None:
                out[target_of[j]] = moved.setdefault(id(c), Cell(c.text, c.bbox, c.row, target_of[c.col], c.text_box))
        own = [c for c in row if c is not None and c.row == i]
        if own:
            top, bottom = min(c.bbox[1] for c in own), min(c.bbox[3] for c in own)
            for k in missing:
                inside = sorted(words_in(words, (spans[k][0], top, spans[k][1], bottom)), key=lambda w: (round(w["top"]), w["x0"]))
                if inside:
                    out[k] = Cell(clean_cell_text(" ".join(w["text"] for w in inside)), rounded(bbox_union(_box(w) for w in inside)), i, k)
        rows.append(out)
    return Grid(grid.page, grid.bbox, _renumber(rows), grid.extractor, grid.caption, grid.index)


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


def _fill_from_words(page, cells: list[list[Cell | None]], col_x: list[tuple[float, float]], row_y: list[tuple[float, float]]) -> None:
    """Read the words a table's rules leave out, and locate the words of cells spanning rows.

    A column drawn without its own rules (a target column right of the last vertical line, the
    numbers under "No") has a header cell but no data cells: its text is read from the words in the
    column's x-span and the row's y-span. A value cell merged over several indicator rows belongs to
    the row its text sits on, so such cells learn where their words are.
    """
    holes = [(i, j) for i, row in enumerate(cells) for j, c in enumerate(row) if c is None and col_x[j][1] > col_x[j][0] and row_y[i][1] > row_y[i][0]]
    rows_of: dict[int, set[int]] = {}
    for i, row in enumerate(cells):
        for c in row:
            if c is not None and c.text:
                rows_of.setdefault(id(c), set()).add(i)
    tall = {id(c): c for row in cells for c in row if c is not None and len(rows_of.get(id(c), ())) > 1}
    if not holes and not tall:
        return
    words = page.extract_words(x_tolerance=WORD_GAP)
    for i, j in holes:
        box = (col_x[j][0], row_y[i][0], col_x[j][1], row_y[i][1])
        inside = sorted(words_in(words, box), key=lambda w: (round(w["top"]), w["x0"]))
        if inside:
            cells[i][j] = Cell(clean_cell_text(" ".join(w["text"] for w in inside)), rounded(bbox_union(_box(w) for w in inside)), i, j)
    moved = {}
    for key, c in tall.items():
        inside = words_in(words, c.bbox)
        if inside:
            moved[key] = replace(c, text_box=rounded(bbox_union(_box(w) for w in inside)))
    for row in cells:
        for j, c in enumerate(row):
            if c is not None and id(c) in moved:
                row[j] = moved[id(c)]


def _stacked_numbers(raw: str | None) -> int:
    """How many numbers a cell stacks one per line (0 unless two or more and nothing else)."""
    lines = [ln for ln in (raw or "").split("\n") if ln.strip()]
    if len(lines) >= 2 and all(parse_value(ln).value is not None for ln in lines):
        return len(lines)
    return 0


def _text_of(words: list[dict]) -> str:
    """A cut cell's text. Its lines are keyed by their rounded top, 2 pt apart, not by `word_lines`: in a
    cell cut at stacked values a small row number sits between a name's lines, and the two groupings
    place it differently (measured on the real corpus); this one is what the curated data was built with."""
    lines: dict[int, list[dict]] = {}
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        key = next((k for k in lines if abs(k - w["top"]) <= 2), round(w["top"]))
        lines.setdefault(key, []).append(w)
    return clean_cell_text("\n".join(" ".join(w["text"] for w in ln) for _, ln in sorted(lines.items())))


def _split_unruled_rows(page, cells: list[list[Cell | None]], raw: list[list[str | None]]) -> list[list[Cell | None]]:
    """A row holding several records: the table drew no rules between them, so two or more cells stack
    the same number of values one per line. The row is cut at the top of each of those lines; in every
    other cell a paragraph running on across a cut (no blank space) stays one cell over both parts,
    so a sasaran printed beside two indicators still heads both."""
    spanned: dict[int, set[int]] = {}
    for i, row in enumerate(cells):
        for c in row:
            if c is not None:
                spanned.setdefault(id(c), set()).add(i)
    words = None
    out: list[list[Cell | None]] = []
    for i, row in enumerate(cells):
        own = [(j, c) for j, c in enumerate(row) if c is not None and c.row == i and c.col == j and len(spanned[id(c)]) == 1]
        counts = [n for j, c in own if (n := _stacked_numbers(raw[i][j] if i < len(raw) and j < len(raw[i]) else ""))]
        stacked = [c for j, c in own if counts and _stacked_numbers(raw[i][j] if i < len(raw) and j < len(raw[i]) else "") == max(counts, key=counts.count)]
        if len(stacked) < 2:
            out.append(row)
            continue
        words = words if words is not None else page.extract_words(x_tolerance=WORD_GAP)
        tops: list[float] = []
        for t in sorted(w["top"] for c in stacked for w in words_in(words, c.bbox)):
            if not tops or t - tops[-1] > 3:
                tops.append(t)
        top, bottom = min(c.bbox[1] for _, c in own), max(c.bbox[3] for _, c in own)
        cuts = [top, *[t - 1 for t in tops[1:]], bottom]
        parts: list[list[Cell | None]] = [[None] * len(row) for _ in range(len(cuts) - 1)]
        for j, c in enumerate(row):
            if c is None or len(spanned[id(c)]) > 1:
                for part in parts:
                    part[j] = c
                continue
            if c.col != j:
                continue
            cols = [k for k, d in enumerate(row) if d is c]
            inside = words_in(words, c.bbox)
            height = max((w["bottom"] - w["top"] for w in inside), default=8.0)
            pieces: list[tuple[list[int], list[dict]]] = []
            for b in range(len(parts)):
                band = [w for w in inside if cuts[b] <= w["top"] < cuts[b + 1]]
                if not band:
                    continue
                if pieces and pieces[-1][0][-1] == b - 1 and min(w["top"] for w in band) - max(w["bottom"] for w in pieces[-1][1]) < 0.6 * height:
                    pieces[-1][0].append(b)
                    pieces[-1][1].extend(band)
                else:
                    pieces.append(([b], band))
            for b in range(len(parts)):
                for k in cols:
                    parts[b][k] = Cell("", (c.bbox[0], cuts[b], c.bbox[2], cuts[b + 1]), i, j)
            for bands, ws in pieces:
                cell = Cell(_text_of(ws), rounded(bbox_union(_box(w) for w in ws)), i, j)
                for b in bands:
                    for k in cols:
                        parts[b][k] = cell
        out.extend(parts)
    return out


def _box(w: dict) -> BBox:
    return (w["x0"], w["top"], w["x1"], w["bottom"])


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
                seen[id(c)] = Cell(c.text, c.bbox, i, j, c.text_box)
            new_row.append(seen[id(c)])
        out.append(new_row)
    return out


def table_texts(page, table, **text_settings) -> list[list[str | None]]:
    """`Table.extract`: the same chars make the same cell text, but a row takes its chars by bisecting
    them on their middles instead of testing every char of the page (the cost of a long table)."""
    from bisect import bisect_left

    from pdfplumber.utils import extract_text

    chars = page.chars
    v_mids = [(c["top"] + c["bottom"]) / 2 for c in chars]
    h_mids = [(c["x0"] + c["x1"]) / 2 for c in chars]
    order = sorted(range(len(chars)), key=v_mids.__getitem__)
    sorted_v = [v_mids[k] for k in order]
    out: list[list[str | None]] = []
    for row in table.rows:
        x0, top, x1, bottom = row.bbox
        span = order[bisect_left(sorted_v, top) : bisect_left(sorted_v, bottom)]
        row_chars = sorted(k for k in span if x0 <= h_mids[k] < x1)
        texts: list[str | None] = []
        for cell in row.cells:
            if cell is None:
                texts.append(None)
                continue
            inside = [chars[k] for k in row_chars if cell[0] <= h_mids[k] < cell[2] and cell[1] <= v_mids[k] < cell[3]]
            texts.append(extract_text(inside, **text_settings) if inside else "")
        out.append(texts)
    return out


def plumber_table_to_grid(page, table, page_number: int, index: int) -> Grid:
    """A pdfplumber `Table` into a Grid; the text of each cell is read from its own box."""
    texts = table_texts(page, table, x_tolerance=WORD_GAP)
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
    _fill_from_words(page, cells, col_x, row_y)
    cells = _split_unruled_rows(page, cells, texts)
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
