"""Layouts of reports from regions the rules were not written on, generated (pipeline/devtools/samples/
unseen.py): each document holds one class of layout, and every value and budget line it prints must be
read, on its own page, with its code."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.devtools.bench.accuracy import read_budget_truth, read_values_truth, score_budget, score_values
from pipeline.devtools.samples.unseen import write_unseen
from pipeline.isolation import extract_all
from pipeline.settings import Settings


@pytest.fixture(scope="module")
def unseen(tmp_path_factory):
    out = tmp_path_factory.mktemp("unseen")
    paths = write_unseen(out)
    results = {r.document["source_file"]: r for r in extract_all(paths, Settings(workers=2))}
    return out, results


def _values(results) -> pd.DataFrame:
    return pd.DataFrame([v for r in results.values() for v in r.values])


@pytest.mark.parametrize("name", ["unseen_evaluasi_renja_triwulan.pdf", "unseen_lkip_grades.pdf", "unseen_iku_vocabulary.pdf", "unseen_renstra_pagu.pdf",
                                  "unseen_lkip_decorated.pdf", "unseen_renstra_cascade.pdf", "unseen_lkip_rsud.pdf",
                                  "unseen_lkip_two_years.pdf", "unseen_lkip_borderless.pdf",
                                  "unseen_lkip_two_borderless.pdf"])
def test_every_value_is_read_on_its_page(unseen, name):
    out, results = unseen
    truth = read_values_truth(out / "sample_truth.csv")
    scored = score_values(_values(results), truth[truth["file"] == name]).set_index("file").loc[name]
    assert scored["labels"] > 0 and (scored["recall"], scored["precision"]) == (1.0, 1.0)


def test_quarters_under_a_range_header_are_each_their_own_period(unseen):
    _, results = unseen
    values = _values({"x": results["unseen_evaluasi_renja_triwulan.pdf"]})
    assert set(values["period"]) == {"TW1", "TW2"}  # the empty TW3 / TW4 columns give nothing
    assert values["page"].nunique() >= 3  # the header is printed once; the other pages continue it


def test_a_grade_keeps_its_text_and_takes_its_score(unseen):
    _, results = unseen
    values = _values({"x": results["unseen_lkip_grades.pdf"]}).set_index("value_text")
    assert values.loc["B (60,05)", "value"] == 60.05 and values.loc["15,82", "value"] == 15.82
    assert values.loc["75,65-76,15", "measure"] == "target"


@pytest.mark.parametrize("name", ["unseen_lra_opd.pdf", "unseen_renja_kode.pdf", "unseen_renstra_pagu.pdf", "unseen_lkip_belanja_opd.pdf"])
def test_every_budget_line_is_read_with_its_code(unseen, name):
    out, results = unseen
    truth = read_budget_truth(out / "sample_budget_truth.csv")
    budget = pd.DataFrame([b for r in results.values() for b in r.budget])
    scored = score_budget(budget, truth[truth["file"] == name]).set_index("file").loc[name]
    assert scored["lines"] > 0 and (scored["recall"], scored["precision"]) == (1.0, 1.0)


def test_a_code_over_several_columns_is_one_code_and_a_kegiatan_sits_under_its_program(unseen):
    _, results = unseen
    budget = pd.DataFrame(results["unseen_renja_kode.pdf"].budget).set_index("code")
    assert budget.loc["1.06.02", "level"] == "program" and budget.loc["1.06.02.2.01", "level"] == "kegiatan"


@pytest.mark.parametrize("name, doc_type, agency, region", [
    ("unseen_evaluasi_renja_triwulan.pdf", "RENJA", "Dinas Sosial", None),  # no cover: the form's header, its first row
    ("unseen_lkip_grades.pdf", "LKIP", "Pemerintah Kota", "Kota Bekasi"),  # the city's own report
    ("unseen_lra_opd.pdf", "LRA", "Pemerintah Kota", "Kota Bekasi"),  # headed by the government, agencies as rows
    ("unseen_renja_kode.pdf", "RENJA", "Dinas Sosial", "Kota Bekasi"),  # glued cover words
])
def test_what_the_report_is(unseen, name, doc_type, agency, region):
    _, results = unseen
    d = results[name].document
    assert (d["doc_type"], d["agency"], d["region"], d["year_to"]) == (doc_type, agency, region, 2024)


def test_the_header_printed_again_inside_the_table_is_not_a_row(unseen):
    _, results = unseen
    values = _values({"x": results["unseen_iku_vocabulary.pdf"]})
    assert not values["indicator_name"].str.contains("Nama IKU").any() and set(values["measure"]) == {"baseline", "target", "capaian"}


def test_text_its_clip_path_hides_is_not_read(unseen):
    """"(6)" printed over every cell of the decorated page, outside its clip path: no reader sees it."""
    _, results = unseen
    values = _values({"x": results["unseen_lkip_decorated.pdf"]})
    assert len(values) == 9 and not values["value_text"].str.contains(r"\(6\)").any()


def test_a_number_wrapped_between_its_digits_is_read_whole_and_flagged(unseen):
    _, results = unseen
    values = _values({"x": results["unseen_lkip_grades.pdf"]}).set_index("value_text")
    assert values.loc["97,0 2", "value"] == pytest.approx(97.02)
    assert any(w["check"] == "number_needed_a_guess" and w["value"] == "97,0 2" for w in results["unseen_lkip_grades.pdf"].warnings)


def test_a_heading_row_ending_in_a_colon_heads_the_records_below_and_names_none(unseen):
    _, results = unseen
    values = _values({"x": results["unseen_lkip_rsud.pdf"]}).drop_duplicates("indicator_name").set_index("indicator_name")
    assert not any(":" in n or "meliputi" in n for n in values.index)
    assert values.loc["Average Length of Stay (ALOS)", "sasaran"] == "Kinerja Layanan Rumah Sakit"
    assert values.loc["Persentase kepuasan pasien", "sasaran"] == "Kinerja Mutu Pelayanan"


def test_a_header_printed_again_without_its_years_takes_them_from_the_page_before(unseen):
    _, results = unseen
    values = _values({"x": results["unseen_lkip_two_years.pdf"]})
    later = values[values["page"] == values["page"].max()]
    assert sorted(set(zip(later["measure"], later["year"]))) == [("realisasi", 2023), ("realisasi", 2024), ("target", 2023), ("target", 2024)]
    assert not [w for w in results["unseen_lkip_two_years.pdf"].warnings if w["check"] == "columns_with_one_key"]
