"""Hand-built grids for the interpretation tests: rows of cell text, merged cells marked."""

from __future__ import annotations

from extractors.grid import Cell, Grid

LEFT, UP = "<", "^"  # a position covered by the merged cell to its left / above


def make_grid(rows: list[list[str]], page: int = 3) -> Grid:
    """Rows of text on a 60 x 20 pt cell raster; "<" and "^" mark positions covered by the merged cell to the left / above."""
    cells: list[list[Cell | None]] = []
    for i, row in enumerate(rows):
        out: list[Cell | None] = []
        for j, t in enumerate(row):
            if t == LEFT:
                out.append(out[j - 1])
            elif t == UP:
                out.append(cells[i - 1][j])
            else:
                out.append(Cell(t, (50.0 + 60 * j, 100.0 + 20 * i, 110.0 + 60 * j, 120.0 + 20 * i), i, j))
        cells.append(out)
    return Grid(page, (50.0, 100.0, 50.0 + 60 * len(rows[0]), 100.0 + 20 * len(rows)), cells, "pdfplumber-lattice")
