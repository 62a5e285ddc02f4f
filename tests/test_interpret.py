"""Reading table grids: header rows, column meanings, records. Grids are built the way pdfplumber returns
real SAKIP tables (merged header cells, numbering rows, split words), with the seeds' real names/values."""

from __future__ import annotations

import pytest

from extractors.grid import Cell
from extractors.budget import grid_to_budget
from extractors.layout import continue_layout, find_header_rows, grid_to_layout
from extractors.records import TableContext
from extractors.values import layout_to_values

from grids import LEFT, UP, make_grid


def values_of(rows, doc_type="LKIP", year=2025, jabatan=None):
    grid = make_grid(rows)
    ctx = TableContext(doc_type, year, year, jabatan)
    layout = grid_to_layout(grid, ctx)
    assert layout is not None
    return layout_to_values(grid, layout, ctx, "p3t1")


def test_renstra_targets_under_merged_year_header_with_baseline():
    rows = [
        ["SASARAN", "INDIKATOR KINERJA", "SATUAN", "KONDISI AWAL (2021)", "TARGET KINERJA", LEFT, LEFT],
        [UP, UP, UP, UP, "2024", "2025", "2026"],
        ["Meningkatnya akuntabilitas", "Indeks Kepuasan Masyarakat terhadap Layanan Publik", "Nilai", "83,33", "84,20", "85,15", "86,10"],
        [UP, "Nilai Akuntabilitas Kinerja Instansi Pemerintah (AKIP)", "Nilai", "67,07", "72,05", "73,12", "74,10"],
    ]
    vals = values_of(rows, doc_type="RENSTRA")
    got = {(v.indicator_name[:20], v.year, v.measure): v.value for v in vals}
    assert got[("Indeks Kepuasan Masy", 2021, "baseline")] == pytest.approx(83.33)
    assert got[("Indeks Kepuasan Masy", 2026, "target")] == pytest.approx(86.10)
    assert got[("Nilai Akuntabilitas ", 2025, "target")] == pytest.approx(73.12)
    assert all(v.unit == "Nilai" for v in vals)
    # the sasaran cell spans both indicator rows
    assert {v.sasaran for v in vals} == {"Meningkatnya akuntabilitas"}
    assert len(vals) == 8


def test_numbering_row_is_header_and_grade_keeps_text():
    rows = [
        ["NO.", "SASARAN", "INDIKATOR TUJUAN/SASARAN", "TARGET KINERJA SASARAN PADA TAHUN", LEFT, LEFT],
        [UP, UP, UP, "2024", "2025", "2026"],
        ["-1", "-5", "-6", "-7", "-8", "-9"],
        ["1", "Meningkatnya nilai AKIP", "Nilai Akuntabilitas Kinerja Instansi Pemerintah (AKIP)", "BB", "BB", "BB"],
        [UP, UP, "Nilai Indeks Kepuasan Masyarakat (IKM)", "80,5", "80,5", "80,5"],
    ]
    grid = make_grid(rows)
    assert find_header_rows(grid) == 3
    vals = values_of(rows, doc_type="LKIP")
    akip = [v for v in vals if "AKIP" in v.indicator_name]
    assert [v.year for v in akip] == [2024, 2025, 2026]
    assert all(v.value is None and v.value_text == "BB" for v in akip)
    ikm = [v for v in vals if "IKM" in v.indicator_name]
    assert [v.value for v in ikm] == [80.5, 80.5, 80.5]


def test_single_year_table_takes_year_from_context_and_triwulan_period():
    rows = [
        ["NO.", "SASARAN", "INDIKATOR", "TARGET", "REALISASI", "CAPAIAN KINERJA TW III 2025 (%)"],
        ["1", "Meningkatnya keberfungsian PPKS", "Persentase PPKS yang mendapatkan pelayanan kesejahteraan sosial", "12%", "9,10%", "75,83"],
    ]
    vals = values_of(rows, year=2025)
    by = {v.measure: v for v in vals}
    assert by["target"].year == 2025 and by["target"].value == 12 and by["target"].unit == "%"
    assert by["realisasi"].value == pytest.approx(9.1)
    assert by["capaian"].period == "TW3" and by["capaian"].unit == "%"


def test_bare_roman_quarters_under_triwulan():
    rows = [
        ["No", "Indikator Kinerja", "Target 2025", "Realisasi Triwulan", LEFT, LEFT, LEFT],
        [UP, UP, UP, "I", "II", "III", "IV"],
        ["1", "Persentase PSKS yang dibina", "100%", "25%", "50%", "75%", "100%"],
    ]
    vals = values_of(rows)
    real = [v for v in vals if v.measure == "realisasi"]
    assert [v.period for v in real] == ["TW1", "TW2", "TW3", "TW4"]
    assert [v.value for v in real] == [25, 50, 75, 100]
    target = [v for v in vals if v.measure == "target"]
    assert len(target) == 1 and target[0].period is None and target[0].year == 2025


def test_words_split_by_narrow_columns_still_name_the_column():
    rows = [
        ["NO", "INDIKA TOR KINERJA", "BASELIN E", "TARGE T 2016"],
        ["1", "Persentase penyelesaian TLHP OPD Provinsi", "75%", "90%"],
    ]
    vals = values_of(rows, year=2016)
    assert {(v.measure, v.value) for v in vals} == {("baseline", 75), ("target", 90)}


def test_unit_column_beside_value_and_sasaran_level_capaian_not_doubled():
    rows = [
        ["Sasaran Strategis", "Indikator Kinerja", "Target", LEFT, "Realisasi", LEFT, "Capaian %", LEFT],
        [UP, UP, "Volume Satuan", LEFT, "Volume Satuan", LEFT, "IKT", "Ssrn Strag"],
        ["Meningkatkan Kapasitas KUMKM", "Jumlah Koperasi aktif", "16.478", "Koperasi", "16.542", "Koperasi", "100,39", "96,77"],
    ]
    vals = values_of(rows, doc_type="PENGUKURAN_KINERJA", year=2016)
    by = {v.measure: v for v in vals}
    assert by["target"].value == 16478 and by["target"].unit == "Koperasi"
    assert by["realisasi"].value == 16542
    assert by["capaian"].value == pytest.approx(100.39) and by["capaian"].unit == "%"
    assert len(vals) == 3


def test_relative_years_and_money_columns():
    rows = [
        ["Kode", "Program/Kegiatan", "Indikator Kinerja Program", "Target Renstra Tahun 2013-2018", "Realisasi s/d tahun (n-1)", "Pagu Indikatif (Rp)"],
        ["1", "Program Kerjasama", "Tingkat Kesesuaian Perencanaan", "100%", "85%", "Rp. 4.524.850.000"],
    ]
    vals = values_of(rows, doc_type="RENJA", year=2016)
    assert {(v.measure, v.year, v.value) for v in vals} == {("target", 2018, 100), ("realisasi", 2015, 85)}


def test_name_printed_line_by_line_around_the_numbered_value_row():
    rows = [
        ["NO", "INDIKATOR KINERJA", "TARGET 2016"],
        ["", "Hasil penilaian EPPD Provinsi", ""],
        ["1", "", "3,000"],
        ["", "di tingkat nasional", ""],
        ["", "", ""],
        ["", "Persentase OPD yang", ""],
        ["2", "melaksanakan SPIP", "100%"],
    ]
    vals = values_of(rows, year=2016)
    assert [(v.indicator_name, v.value) for v in vals] == [
        ("Hasil penilaian EPPD Provinsi di tingkat nasional", 3.0),
        ("Persentase OPD yang melaksanakan SPIP", 100.0),
    ]


def test_value_provenance_is_the_cell():
    rows = [["No", "Indikator Kinerja", "Target"], ["1", "Persentase PSKS yang dibina", "100%"]]
    (v,) = values_of(rows)
    assert v.page == 3 and v.table == "p3t1" and v.extractor == "pdfplumber-lattice"
    assert v.bbox == (170.0, 120.0, 230.0, 140.0)


def test_table_without_indicator_column_is_not_an_indicator_table():
    rows = [["Interval Nilai Realisasi Kinerja", "Kriteria Penilaian"], ["91% ≤ 100%", "Sangat tinggi"]]
    assert grid_to_layout(make_grid(rows), TableContext("LKIP", 2025)) is None


def test_continuation_page_reuses_previous_columns():
    first = make_grid([["No", "Indikator Kinerja", "Target 2024", "Target 2025"], ["1", "Persentase PPKS yang terlayani", "12%", "7%"]])
    ctx = TableContext("RENSTRA", 2025)
    layout = grid_to_layout(first, ctx)
    nxt = make_grid([["2", "Persentase PSKS yang dibina", "100%", "100%"]], page=4)
    assert find_header_rows(nxt) == 0
    cont = continue_layout(nxt, layout)
    vals = layout_to_values(nxt, cont, ctx, "p4t1")
    assert [(v.year, v.value, v.page) for v in vals] == [(2024, 100, 4), (2025, 100, 4)]
    assert continue_layout(make_grid([["a", "b"]]), layout) is None


def test_budget_rows_with_codes_pagu_realisasi():
    rows = [
        ["Kode", "Program / Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "%"],
        ["1.06.01", "Program Penunjang Urusan Pemerintahan Daerah", "Rp.15.061.828.880", "Rp.14.171.420.836", "94,09"],
        ["1.06.01.01-04.2.01", "Kegiatan Perencanaan, Penganggaran, dan Evaluasi Kinerja", "Rp. 989.150.000", "Rp. 619.756.910", "62,66"],
    ]
    lines = grid_to_budget(make_grid(rows), TableContext("LKIP", 2025), "p3t1")
    assert [(b.code, b.level, b.pagu, b.realisasi, b.pct, b.year) for b in lines] == [
        ("1.06.01", "program", 15061828880.0, 14171420836.0, 94.09, 2025),
        ("1.06.01.01-04.2.01", "kegiatan", 989150000.0, 619756910.0, 62.66, 2025),
    ]


def test_value_with_a_parenthesised_note_keeps_its_number():
    rows = [
        ["No", "Indikator Kinerja", "Target 2016", "Realisasi 2016"],
        ["1", "Persentase kualitas nilai indikator RAD-PPK", "100 (Hijau)", "22,7 % (75%)"],
        ["2", "Persentase OPD yang nilai evaluasi LKIP B", "≥B = 12 OPD (20%)", "10% (190 temuan)"],
    ]
    got = {(v.indicator_name[:20], v.measure): (v.value, v.value_text) for v in values_of(rows, year=2016)}
    assert got[("Persentase kualitas ", "target")] == (100, "100 (Hijau)")
    assert got[("Persentase kualitas ", "realisasi")] == (pytest.approx(22.7), "22,7 % (75%)")
    assert got[("Persentase OPD yang ", "target")] == (None, "≥B = 12 OPD (20%)")  # no number leads: text
    assert got[("Persentase OPD yang ", "realisasi")][0] == 10


def test_value_merged_over_two_indicator_rows_belongs_to_the_row_its_text_sits_on():
    rows = [
        ["Kode", "Program/Kegiatan", "Indikator Kinerja", "Target 2016"],
        ["1", "Program Kerjasama", "Terlaksananya fasilitasi kerjasama", "90%"],
        [UP, "Penataan Batas Wilayah", "Terwujudnya Penegasan Batas Daerah", UP],
    ]
    grid = make_grid(rows)
    merged = grid.cell(1, 3)
    text_box = (175.0, 144.0, 185.0, 152.0)  # printed level with the second row (y 140-160)
    moved = Cell(merged.text, (170.0, 120.0, 230.0, 160.0), 1, 3, text_box)
    grid.rows[1][3] = grid.rows[2][3] = moved
    ctx = TableContext("RENJA", 2016)
    vals = layout_to_values(grid, grid_to_layout(grid, ctx), ctx, "p3t1")
    assert [(v.indicator_name, v.value) for v in vals] == [("Terwujudnya Penegasan Batas Daerah", 90)]


def test_values_right_of_a_second_indicator_column_belong_to_that_indicator():
    rows = [
        ["NO.", "SASARAN STRATEGIS", "INDIKATOR KINERJA SASARAN", "Target Trw I", "PROGRAM DAN KEGIATAN", "INDIKATOR KEGIATAN", "TARGET KEGIATAN", "RENCANA AKSI", "PENANGGU NG JAWAB"],
        ["1", "Meningkatnya kompetensi", "Jumlah LPK yang terakreditasi", "10", "Akreditasi LPK", "Akreditasi Lembaga Pelatihan", "20 LPK", "Melaksanakan akreditasi lembaga", "Bidang Lattas"],
    ]
    vals = values_of(rows, year=2016)
    assert [(v.indicator_name, v.period, v.value_text) for v in vals] == [
        ("Jumlah LPK yang terakreditasi", "TW1", "10"),
        ("Akreditasi Lembaga Pelatihan", None, "20 LPK"),  # the kegiatan's target, not the sasaran's
    ]


def test_a_cell_holding_a_column_of_numbers_is_no_ones_value():
    rows = [
        ["No", "Indikator Sasaran", "Capaian 2014", "Target 2017"],
        ["3", "1. Persentase penyelesaian kasus 2. Persentase penurunan kecelakaan", "55 9,97 75 15 5", "13 Cagar Budaya, 6.924 Koleksi Museum, 5 Naskah"],
    ]
    vals = values_of(rows, year=2016)
    assert [(v.measure, v.value_text) for v in vals] == [("target", "13 Cagar Budaya, 6.924 Koleksi Museum, 5 Naskah")]


def test_percent_realisasi_and_tahun_awal_name_capaian_and_baseline():
    rows = [
        ["No", "Indikator", "Tahun Awal 2013", "Tahun 2016", LEFT, LEFT],
        [UP, UP, UP, "Target", "Realisasi", "% Realisasi"],
        ["1", "Jumlah unit pelayanan publik terbaik", "12", "14", "18", "128,57"],
    ]
    got = {(v.measure, v.year): v.value for v in values_of(rows, year=2016)}
    assert got == {("baseline", 2013): 12, ("target", 2016): 14, ("realisasi", 2016): 18, ("capaian", 2016): pytest.approx(128.57)}


def test_columns_under_one_indicator_header_are_one_indicator():
    rows = [
        ["No", "Sasaran Strategis", "Indikator Sasaran", LEFT, LEFT],
        [UP, UP, "Uraian", "Satuan", "Target"],
        ["1.", "Meningkatnya aksi mitigasi", "Jumlah lokasi Program Kampung Iklim", "kampung", "61"],
    ]
    vals = values_of(rows, year=2016)
    assert [(v.indicator_name, v.measure, v.value, v.unit) for v in vals] == [("Jumlah lokasi Program Kampung Iklim", "target", 61, "kampung")]


def test_a_column_settles_its_decimal_mark():
    """A column proving ',' decimal reads its '04.05' as 4.05, flagged with the evidence; one proving '.'
    groups thousands reads '1.576' as 1576 without a guess."""
    rows = [
        ["NO", "INDIKATOR KINERJA", "SATUAN", "TARGET 2025", "REALISASI 2025"],
        ["1", "Persentase keluarga penerima manfaat", "%", "4,05", "1.234.567"],
        ["2", "Persentase rumah tidak layak huni diperbaiki", "%", "04.05", "1.576"],
        ["3", "Persentase pelayanan sosial terpenuhi", "%", "12,50", "2.000"],
    ]
    vals = {(v.indicator_name[:20], v.measure): v for v in values_of(rows, doc_type="LKIP")}
    padded = vals[("Persentase rumah tid", "target")]
    assert padded.value == pytest.approx(4.05) and padded.guessed and "04.05" in padded.notes[0]
    grouped = vals[("Persentase rumah tid", "realisasi")]
    assert grouped.value == 1576 and not grouped.guessed


# --- header rules that must not fire where they should not (found in review) ---------------------------

def test_a_header_of_years_only_keeps_every_row():
    values = values_of([["No", "Indikator Kinerja", "Satuan", "2025", "2026"], ["1", "Persentase desa mandiri", "%", "12", "14"]], "RENSTRA")
    assert [(v.measure, v.year, v.value) for v in values] == [("target", 2025, 12.0), ("target", 2026, 14.0)]


def test_a_money_parent_over_measures_is_money():
    values = values_of([["No", "Indikator Kinerja", "Target", "Anggaran (Rp Juta)", LEFT], ["No", "Indikator Kinerja", "Target", "Pagu", "Realisasi"],
                        ["1", "Persentase jalan mantap", "75", "1.250,5", "1.100,2"]], "PK", 2024)
    assert [(v.measure, v.value) for v in values] == [("target", 75.0)]


def test_quarters_and_semesters_under_a_range_are_their_own_periods():
    values = values_of([["No", "Indikator Kinerja", "Realisasi Semester I - II", LEFT], ["No", "Indikator Kinerja", "I", "II"],
                        ["1", "Persentase jalan mantap", "30", "70"]], "LKIP", 2024)
    assert [(v.period, v.value) for v in values] == [("S1", 30.0), ("S2", 70.0)]


def test_a_group_row_across_the_table_heads_the_rows_below_and_is_not_header():
    values = values_of([["No", "Indikator Kinerja", "Target", "Realisasi"], ["Sasaran: Meningkatnya inovasi daerah", LEFT, LEFT, LEFT],
                        ["1", "Jumlah inovasi daerah yang diterapkan", "12", "10"]])
    assert [(v.measure, v.value, v.sasaran) for v in values] == [("target", 12.0, "Meningkatnya inovasi daerah"), ("realisasi", 10.0, "Meningkatnya inovasi daerah")]


def test_a_row_of_small_values_is_not_a_numbering_row_closing_the_header():
    values = values_of([["No", "Indikator Kinerja", "Target", "Realisasi"], ["", "Sasaran menuju 2030: daerah yang inovatif", "", ""],
                        ["1", "Jumlah inovasi daerah yang diterapkan", "12", "10"]])
    assert {v.year for v in values} == {2025}


def test_a_capaian_at_the_end_of_a_year_stays_a_capaian():
    values = values_of([["No", "Indikator Kinerja", "Capaian Akhir Tahun 2023", "Target 2024"], ["1", "Persentase jalan mantap", "68", "75"]], "LKIP", 2024)
    assert [(v.measure, v.year) for v in values] == [("capaian", 2023), ("target", 2024)]


def test_a_sasaran_printed_under_a_group_row_is_filled_down_not_the_group_row():
    values = values_of([["Sasaran", "Indikator Kinerja", "Target"], ["Tujuan: Meningkatnya tata kelola", LEFT, LEFT],
                        ["Meningkatnya akuntabilitas", "Nilai SAKIP", "70"], ["", "Indeks Kepuasan Masyarakat", "80"]])
    assert [v.sasaran for v in values] == ["Meningkatnya akuntabilitas", "Meningkatnya akuntabilitas"]


def test_a_cell_that_reads_as_no_value_keeps_its_row_and_is_a_warning():
    """A target cell holding text that is no number, grade or known word ("{{7*7}}", printed by a broken
    template) keeps its row with no value, and the reviewer hears of it with the cell's box."""
    rows = [
        ["NO", "INDIKATOR KINERJA", "SATUAN", "TARGET 2025", "REALISASI 2025"],
        ["1", "Persentase keluarga penerima manfaat", "%", "{{7*7}}", "12,5"],
        ["2", "Persentase rumah tidak layak huni diperbaiki", "%", "WTP", "-"],
    ]
    grid = make_grid(rows)
    ctx = TableContext("LKIP", 2025, 2025, None)
    warnings = []
    values = layout_to_values(grid, grid_to_layout(grid, ctx), ctx, "p3t1", warnings)
    odd = next(v for v in values if v.value_text == "{{7*7}}")
    assert odd.value is None and odd.measure == "target"
    flagged = [w for w in warnings if w.check == "value_not_a_number"]
    assert [w.value for w in flagged] == ["{{7*7}}"]  # WTP and "-" are known words, not findings
    assert flagged[0].bbox == grid.cell(1, 3).bbox and flagged[0].page == 3


def test_a_number_its_narrow_cell_wrapped_is_read_whole_when_its_column_shows_the_places():
    rows = [
        ["NO", "INDIKATOR KINERJA", "TARGET 2025", "CAPAIAN (%)"],
        ["1", "Persentase keluarga penerima manfaat", "80", "105,47"],
        ["2", "Persentase rumah tidak layak huni diperbaiki", "12", "97,0 2"],
        ["3", "Persentase pelayanan sosial terpenuhi", "15", "85,79"],
    ]
    vals = {(v.indicator_name[:20], v.measure): v for v in values_of(rows)}
    wrapped = vals[("Persentase rumah tid", "capaian")]
    assert wrapped.value == pytest.approx(97.02) and wrapped.guessed and wrapped.value_text == "97,0 2"
    # the same cell in a column of whole numbers is two numbers: no value
    rows = [r[:3] + [t] for r, t in zip(rows, ["CAPAIAN (%)", "105", "97,0 2", "86"])]
    vals = {(v.indicator_name[:20], v.measure): v for v in values_of(rows)}
    assert ("Persentase rumah tid", "capaian") not in vals or vals[("Persentase rumah tid", "capaian")].value is None
