"""Edges of the table rules found by review: each a grid a report prints, and the reading it must give."""

from __future__ import annotations

from extractors.base import _continued, _new_table, _numbered_caption, _without_row
from extractors.budget import budget_columns
from extractors.layout import amounts, find_header_rows

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
