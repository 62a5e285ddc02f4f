"""Issue 14 classes 12 and 13, generated (pipeline/devtools/samples/unseen_breaks.py): a record split by a
page break, a "Jabatan :" heading under a page's last table, a Renstra funding table's program, kegiatan and
sub-kegiatan rows, and a Renja evaluation form's money columns. Every value and budget line each document
prints is read, on its own page, with its whole name and its code."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.devtools.bench.accuracy import read_budget_truth, read_values_truth, score_budget, score_values
from pipeline.devtools.samples.corpora import _emit
from pipeline.devtools.samples.unseen_breaks import break_docs
from pipeline.isolation import extract_all
from pipeline.settings import Settings


@pytest.fixture(scope="module")
def breaks(tmp_path_factory):
    out = tmp_path_factory.mktemp("breaks")
    paths = _emit(out, break_docs())
    results = {r.document["source_file"]: r for r in extract_all(paths, Settings(workers=2))}
    return out, results


def _values(result) -> pd.DataFrame:
    return pd.DataFrame(result.values)


def _budget(result) -> pd.DataFrame:
    return pd.DataFrame(result.budget)


@pytest.mark.parametrize("name", ["unseen_lkip_split_record.pdf", "unseen_iki_jabatan_break.pdf", "unseen_renstra_program_kegiatan.pdf",
                                  "unseen_evaluasi_renja_anggaran.pdf"])
def test_every_value_is_read_on_its_page(breaks, name):
    out, results = breaks
    truth = read_values_truth(out / "sample_truth.csv")
    scored = score_values(_values(results[name]), truth[truth["file"] == name]).set_index("file").loc[name]
    assert scored["labels"] > 0 and (scored["recall"], scored["precision"]) == (1.0, 1.0)


@pytest.mark.parametrize("name", ["unseen_renja_split_budget.pdf", "unseen_renstra_program_kegiatan.pdf", "unseen_evaluasi_renja_anggaran.pdf"])
def test_every_budget_line_is_read_with_its_code(breaks, name):
    out, results = breaks
    truth = read_budget_truth(out / "sample_budget_truth.csv")
    scored = score_budget(_budget(results[name]), truth[truth["file"] == name]).set_index("file").loc[name]
    assert scored["lines"] > 0 and (scored["recall"], scored["precision"]) == (1.0, 1.0)


def test_a_record_cut_by_a_page_break_keeps_its_whole_name(breaks):
    """The tail at the top of the next page is the record's, not the next record's, with or without the
    header printed again and with or without a "No" column."""
    out, results = breaks
    name = "unseen_lkip_split_record.pdf"
    values = _values(results[name])
    truth = read_values_truth(out / "sample_truth.csv")
    printed = set(truth.loc[truth["file"] == name, "indicator"])
    assert set(values["indicator_name"]) == printed
    assert len(values) == len(truth[truth["file"] == name])


def test_a_budget_line_cut_by_a_page_break_keeps_its_name_and_code(breaks):
    out, results = breaks
    truth = read_budget_truth(out / "sample_budget_truth.csv")
    truth = truth[truth["file"] == "unseen_renja_split_budget.pdf"].set_index("code")
    budget = _budget(results["unseen_renja_split_budget.pdf"]).set_index("code")
    assert budget.index.is_unique and set(budget.index) == set(truth.index)
    assert (budget.loc[truth.index, "name"] == truth["name"]).all()
    assert (budget.loc[truth.index, "page"] == truth["page"]).all()  # each line stays on the page of its money
    assert budget.loc["1.06.04", "level"] == "program" and budget.loc["1.06.05.2.07", "level"] == "kegiatan"


def test_a_jabatan_heading_under_a_pages_last_table_heads_the_next_pages_table(breaks):
    out, results = breaks
    name = "unseen_iki_jabatan_break.pdf"
    truth = read_values_truth(out / "sample_truth.csv")
    want = truth[truth["file"] == name].groupby("page")["jabatan"].first().to_dict()
    got = _values(results[name]).groupby("page")["jabatan"].agg(set).to_dict()
    assert got == {page: {jabatan} for page, jabatan in want.items()}


def test_program_kegiatan_and_sub_kegiatan_rows_are_budget_lines_of_their_level(breaks):
    budget = _budget(results := breaks[1]["unseen_renstra_program_kegiatan.pdf"]).set_index("code")
    assert budget.loc["1.06.02", "level"] == "program" and budget.loc["1.06.02.2.01", "level"] == "kegiatan"
    assert budget.loc["1.06.02.2.01.0001", "level"] == "sub_kegiatan" and budget.loc["1.06.04.2.02.0003", "level"] == "sub_kegiatan"
    values = _values(results)
    assert set(values["measure"]) == {"baseline", "target"} and not (values["value"] > 1e6).any()  # no pagu read as a target


def test_an_evaluation_forms_budget_line_takes_the_years_pagu_and_realisasi_by_header(breaks):
    budget = _budget(breaks[1]["unseen_evaluasi_renja_anggaran.pdf"]).set_index("code")
    assert budget.loc["1.06.04", "pagu"] == 4_645_554_625 and budget.loc["1.06.04", "realisasi"] == 4_005_923_311
    assert budget["pct"].isna().all()  # no column of the form is the realisasi's share of the pagu


def test_budget_lines_of_pages_continuing_a_form_without_its_header_are_read(breaks):
    """The form's header is printed once: the pages after it are read under its columns."""
    out, results = breaks
    truth = read_budget_truth(out / "sample_budget_truth.csv")
    pages = set(truth.loc[truth["file"] == "unseen_evaluasi_renja_anggaran.pdf", "page"])
    assert len(pages) >= 2 and set(_budget(results["unseen_evaluasi_renja_anggaran.pdf"])["page"]) == pages
