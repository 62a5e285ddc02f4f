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


def test_routing_sees_a_table_skeleton_not_a_boxed_page_number_or_a_double_frame():
    from extractors.routing import _header_line, _ruled

    # a 3 x 3 table drawn cell by cell: rules come in pieces, one per cell
    h = [(y, x, x + 60.0) for y in (100.0, 120.0, 140.0) for x in (50.0, 110.0)]
    v = [(x, y, y + 20.0) for x in (50.0, 110.0, 170.0) for y in (100.0, 120.0)]
    assert _ruled(h, v)
    # a page number in two nested boxes and a page frame drawn twice: edges, but no table
    boxes = [(510.0, 49.0, 540.0, 73.0), (516.0, 55.0, 534.0, 68.0), (20.0, 20.0, 590.0, 900.0), (22.0, 22.0, 588.0, 898.0)]
    h = [e for x0, y0, x1, y1 in boxes for e in ((y0, x0, x1), (y1, x0, x1))]
    v = [e for x0, y0, x1, y1 in boxes for e in ((x0, y0, y1), (x1, y0, y1))]
    assert not _ruled(h, v)
    assert _header_line("Tabel 3.1\nNO INDIKATOR KINERJA TARGET REALISASI CAPAIAN")
    assert _header_line("Tabel 3.1\nINDIKATOR KINERJA\nTARGET\nREALISASI")  # a header wrapped cell by cell
    assert not _header_line("Indikator\n2016 dan target\nRealisasi")  # lines of values between are no header
    assert not _header_line("Indikator kinerja yang telah ditetapkan dalam dokumen perjanjian kinerja tahun 2016 dengan target yang harus dicapai")


def test_page_quality_counts_values_and_marks_prose_cut_into_columns():
    from extractors.base import TableExtractor
    from extractors.document import DocumentInfo
    from tests.test_interpret import make_grid

    info = DocumentInfo("LKIP", None, None, 2016, 2016)
    ex = TableExtractor(info)
    table = make_grid([["No", "Indikator Kinerja", "Target", "Realisasi"], ["1", "Indeks Kualitas Udara", "60", "66,24"]])
    prose = make_grid([["Laporan", "Indikator kinerja disusun", "Target", "Realisasi"], ["", "sebagai bentuk pertanggungjawaban", "yang telah ditetapkan", "dalam dokumen"]])
    assert ex.page_quality([table], None, []) > 2
    assert ex.page_quality([prose], None, []) == 0


def test_row_without_rules_between_records_is_cut_at_each_stacked_value():
    from extractors.grid import _split_unruled_rows

    sasaran, name, v14, v15 = (Cell("", (x0, 100.0, x1, 160.0), 0, j) for j, (x0, x1) in enumerate([(10, 100), (100, 200), (200, 240), (240, 280)]))
    words = [
        word("Terwujudnya", 12, 102), word("pelaksanaan", 12, 112), word("norma", 12, 122), word("kerja", 12, 132),  # one sasaran, two records
        word("Persentase", 102, 102), word("penurunan", 102, 112),
        word("Jumlah", 102, 132), word("PPTKIS", 140, 132), word("berizin", 102, 142),
        word("9,97", 202, 102), word("75", 202, 132), word("28,35", 242, 102), word("101", 242, 132),
    ]
    raw = [["Terwujudnya\npelaksanaan\nnorma\nkerja", "Persentase\npenurunan\nJumlah PPTKIS\nberizin", "9,97\n75", "28,35\n101"]]
    rows = _split_unruled_rows(FakePage(words), [[sasaran, name, v14, v15]], raw)
    assert [[c.text for c in r] for r in rows] == [
        ["Terwujudnya pelaksanaan norma kerja", "Persentase penurunan", "9,97", "28,35"],
        ["Terwujudnya pelaksanaan norma kerja", "Jumlah PPTKIS berizin", "75", "101"],
    ]
    assert rows[0][0] is rows[1][0]


def test_a_caption_year_before_the_report_is_a_warning_naming_both():
    from extractors.base import TableExtractor
    from extractors.document import DocumentInfo
    from tests.test_interpret import make_grid

    ex = TableExtractor(DocumentInfo("LKIP", None, None, 2017, 2017))
    table = make_grid([["No", "Indikator Kinerja", "Target", "Realisasi"], ["1", "Indeks Kualitas Udara", "60", "66,24"]])
    table.caption = ["Tabel 3.1 Capaian Kinerja Tahun 2016"]
    read = ex.read_table(table, None, [], None)
    assert {v.year for v in read.values} == {2016}
    assert [w.check for w in read.warnings] == ["caption_year_outside_report"] and "2016" in read.warnings[0].message and "2017" in read.warnings[0].message
    table.caption = ["Tabel 4.1 Rencana Tindak Lanjut Tahun 2018"]  # a later year is a plan's: no warning
    assert not TableExtractor(DocumentInfo("LKIP", None, None, 2017, 2017)).read_table(table, None, [], None).warnings
