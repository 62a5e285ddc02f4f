"""Building grids from pdfplumber tables: text the rules leave out, where merged cells print their text."""

from __future__ import annotations

from extractors.grid import Cell, _fill_from_words


class FakePage:
    def __init__(self, words):
        self.words = words

    def extract_words(self, **_):
        return self.words


def word(text, x0, top):
    return {"text": text, "x0": x0, "x1": x0 + 5 * len(text), "top": top, "bottom": top + 8}


def test_column_without_rules_is_read_from_the_words_under_its_header():
    header = Cell("Target 2016", (200.0, 100.0, 260.0, 120.0), 0, 1)
    name = Cell("Opini BPK-RI terhadap LKPD", (50.0, 120.0, 200.0, 140.0), 1, 0)
    cells = [[Cell("Indikator", (50.0, 100.0, 200.0, 120.0), 0, 0), header], [name, None]]
    page = FakePage([word("WTP", 210.0, 125.0), word("outside", 300.0, 125.0)])
    _fill_from_words(page, cells, [(50.0, 200.0), (200.0, 260.0)], [(100.0, 120.0), (120.0, 140.0)])
    assert cells[1][1].text == "WTP" and cells[1][1].row == 1


def test_cell_merged_over_rows_learns_where_its_text_is():
    tall = Cell("90%", (200.0, 100.0, 260.0, 140.0), 0, 1)
    cells = [[Cell("a", (50.0, 100.0, 200.0, 120.0), 0, 0), tall], [Cell("b", (50.0, 120.0, 200.0, 140.0), 1, 0), tall]]
    _fill_from_words(FakePage([word("90%", 210.0, 126.0)]), cells, [(50.0, 200.0), (200.0, 260.0)], [(100.0, 120.0), (120.0, 140.0)])
    assert cells[0][1] is cells[1][1] and cells[1][1].text_box == (210.0, 126.0, 225.0, 134.0)


def test_continuation_without_outer_rules_is_laid_out_on_the_previous_columns():
    from extractors.grid import Grid, regrid_to_columns

    # previous table: No | Indikator | Target, the No and Target columns drawn without vertical rules
    spans = [(40.0, 60.0), (60.0, 200.0), (200.0, 260.0)]
    name = Cell("Level kapabilitas Inspektorat", (60.0, 50.0, 200.0, 70.0), 0, 0)
    grid = Grid(4, (60.0, 50.0, 200.0, 70.0), [[name]], "pdfplumber-lattice")
    words = [word("5", 45.0, 55.0), word("III", 220.0, 55.0), word("footer", 220.0, 300.0)]
    out = regrid_to_columns(grid, grid.col_spans(), spans, words)
    assert [out.text(0, j) for j in range(3)] == ["5", "Level kapabilitas Inspektorat", "III"]
    # a grid whose columns do not sit over the previous ones is another table
    wide = Grid(4, (40.0, 50.0, 260.0, 70.0), [[Cell("x", (40.0, 50.0, 150.0, 70.0), 0, 0), Cell("y", (150.0, 50.0, 260.0, 70.0), 0, 1)]], "pdfplumber-lattice")
    assert regrid_to_columns(wide, wide.col_spans(), spans, words) is None
