"""Edges of the table rules found by review: each a grid a report prints, and the reading it must give."""

from __future__ import annotations

from extractors.base import _continued, _new_table, _numbered_caption, _without_row
from extractors.budget import budget_columns
from extractors.layout import amounts, find_header_rows, rows_are_places

from grids import LEFT, UP, make_grid


def test_a_table_captioned_as_continued_runs_on():
    g = make_grid([["1", "Indeks kepuasan", "80"]])
    g.caption = ["Tabel 3.1 (Lanjutan)"]
    assert _continued(g) and not _numbered_caption(g) and not _new_table(g)
    g.caption = ["Tabel 3.2 Capaian Kinerja Tahun 2023"]
    assert _numbered_caption(g) and _new_table(g)


def test_large_numbers_without_cents_are_no_money():
    g = make_grid([["Uraian", "Jumlah Penduduk 2022"], ["Kota A", "1.234.567"], ["Kota B", "2.345.678"]])
    assert amounts(g, 1, 1) and not amounts(g, 1, 1, cents=True)
    assert budget_columns(g, find_header_rows(g)) is None  # a population, not a pagu
    g = make_grid([["Uraian", "Pagu", "Realisasi"], ["Dinas A", "1.234.567,00", "1.200.000,00"], ["Dinas B", "2.345.678,00", "2.300.000,00"]])
    cols = budget_columns(g, find_header_rows(g))
    assert cols is not None and (cols.pagu, cols.realisasi) == (1, 2)


def test_one_quarters_realisasi_is_not_the_years():
    g = make_grid([["Uraian", "Pagu (Rp)", "Realisasi Triwulan", LEFT], ["", UP, "I", "II"],
                   ["Program A", "1.000.000,00", "100.000,00", "350.000,00"], ["Program B", "2.000.000,00", "500.000,00", "900.000,00"]])
    cols = budget_columns(g, find_header_rows(g))
    assert cols is not None and cols.pagu == 1 and cols.realisasi is None


def test_a_cell_merged_down_from_the_removed_row_keeps_its_text():
    g = make_grid([["a", "b"], ["c", "d"], [UP, "e"]])
    rest = _without_row(g, 1)
    assert [rest.text(i, 0) for i in range(rest.n_rows)] == ["a", "c"] and rest.is_origin(1, 0)


def test_a_table_of_places_is_skipped_whole_and_said_so():
    """IPG per kabupaten, recipients per kecamatan: its rows are regions, it holds no indicator; coverage counts
    its numbers as knowingly skipped ("places"), not as a table nobody could read."""
    from extractors.base import TableExtractor, _table_record
    from extractors.coverage import ValueRun, classify

    places = make_grid([["No.", "Provinsi dan Kabupaten/Kota", "2020", "2021"], ["1", "Nias", "91,23", "90,81"], ["2", "Karo", "96,31", "96,19"]])
    named = make_grid([["No", "Indikator Kinerja", "Target", "Realisasi"], ["1", "Indeks kepuasan masyarakat", "80", "82"]])
    assert rows_are_places(places) and not rows_are_places(named)
    read = TableExtractor().read_table(places, None, [], None)
    table = _table_record(read)
    assert read.values == [] and read.budget == [] and table.skipped == "places"
    cell = places.cell(1, 2).bbox
    assert classify(ValueRun("91,23", cell), [table], [], []) == "skipped:places"
    table.skipped = None
    assert classify(ValueRun("91,23", cell), [table], [], []) == "unread"


def test_title_rows_above_a_header_are_caption_and_a_group_row_above_data_is_not():
    from extractors.base import _title_rows

    titled = make_grid([["PAGU DAN REALISASI BELANJA DAERAH", LEFT, LEFT, LEFT], ["TAHUN ANGGARAN 2022", LEFT, LEFT, LEFT],
                        ["No", "Perangkat Daerah", "Pagu", "Realisasi"], ["1", "Dinas Sosial", "1.000.000,00", "900.000,00"]])
    prose = make_grid([["", "Realisasi program menurut jenis layanan adalah sebagai berikut:", "", ""],
                       ["", "", "Tabel 3.6 Realisasi Layanan", ""], ["No", "Jenis Layanan", "Target", "Realisasi"], ["1", "Bantuan sosial", "50", "45"]])
    group = make_grid([["Sasaran 2: Meningkatnya kualitas layanan", LEFT, LEFT, LEFT], ["1", "Indeks kepuasan", "80", "82"]])
    parent = make_grid([["", "", "Target 2025-2029", LEFT], ["No", "Indikator", "2025", "2026"], ["1", "Indeks kepuasan", "80", "82"]])
    assert (_title_rows(titled), _title_rows(prose), _title_rows(group), _title_rows(parent)) == (2, 2, 0, 0)


def test_a_name_column_by_its_content_only_beside_target_or_realisasi_and_never_over_amounts():
    from extractors.layout import grid_to_layout
    from extractors.records import TableContext

    ctx = TableContext("LKIP", 2024)
    categories = make_grid([["No", "PPKS", "Target", "Realisasi"], ["1", "Disabilitas", "672", "672"], ["2", "Anak Terlantar", "400", "380"]])
    statistics = make_grid([["No", "Kecamatan", "2020", "2021"], ["1", "Ciputat", "9,54", "9,58"], ["2", "Pamulang", "10,1", "10,2"]])
    financing = make_grid([["Pembiayaan Daerah", "Target", "Realisasi"], ["Penerimaan Pembiayaan", "476.782.631.305,00", "499.350.054.431,19"],
                           ["Pengeluaran Pembiayaan", "210.500.000.000,00", "210.500.000.000,00"]])
    layout = grid_to_layout(categories, ctx)
    assert layout is not None and layout.col("indicator").index == 1
    assert grid_to_layout(statistics, ctx) is None and grid_to_layout(financing, ctx) is None
