"""`kinerja bench accuracy`'s scorer on small hand-made frames, and the command on the generated samples."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.devtools.bench.accuracy import (
    by_doc_type,
    match_budget,
    match_values,
    read_budget_truth,
    score_budget,
    score_values,
    with_total,
)
from pipeline.devtools.bench.corpus import corpus_sets
from pipeline.devtools.bench.metadata import metadata_totals, score_documents

F = "a.pdf"
NAME = "Persentase jalan provinsi dalam kondisi mantap"


def label(page=2, indicator=NAME, year=2016, measure="target", period=None, value="85.5", value_text="85,5", file=F):
    return {"file": file, "kind": "IKU", "jabatan": "", "sasaran": "", "indicator": indicator, "year": year, "measure": measure,
            "period": period, "value": value, "value_text": value_text, "unit": "%", "page": page}


def row(page=2, name=NAME, year=2016, measure="target", period=None, value=85.5, value_text="85,5", file=F):
    return {"source_file": file, "indicator_name": name, "year": year, "measure": measure, "period": period,
            "value": value, "value_text": value_text, "page": page}


def scored(labels, rows) -> dict:
    df = score_values(pd.DataFrame(rows, columns=list(row())), pd.DataFrame(labels))
    return with_total(df).iloc[-1].to_dict()


def test_a_label_is_found_only_on_its_own_page():
    off_page = scored([label(page=2)], [row(page=3)])
    assert (off_page["found"], off_page["rows"], off_page["right"]) == (0, 0, 0)
    on_page = scored([label(page=2)], [row(page=3), row(page=2)])
    assert (on_page["found"], on_page["rows"], on_page["right"]) == (1, 1, 1)
    assert on_page["recall"] == on_page["precision"] == 1.0


def test_a_row_repeated_on_two_pages_counts_once():
    # the same value printed once on page 2, the output has it on pages 2 and 3; only page 2 is labelled
    once = scored([label(page=2)], [row(page=2), row(page=3)])
    assert (once["labels"], once["found"], once["rows"], once["precision"]) == (1, 1, 1, 1.0)
    # the label printed twice on page 2: a page-3 copy of the row cannot stand in for the second one
    twice = scored([label(page=2), label(page=2)], [row(page=2), row(page=3)])
    assert (twice["found"], twice["recall"]) == (1, 0.5)


def test_one_row_per_label_and_one_label_per_row():
    assert scored([label(), label()], [row()])["found"] == 1
    both = scored([label(), label()], [row(), row()])
    assert (both["found"], both["rows"], both["right"]) == (2, 2, 2)
    extra = scored([label()], [row(), row()])  # the unmatched second row is a wrong row on a labelled page
    assert (extra["found"], extra["rows"], extra["right"], extra["precision"]) == (1, 2, 1, 0.5)


def test_year_measure_period_and_value_must_agree():
    for other in (row(year=2017), row(measure="realisasi"), row(period="TW1"), row(value=85.6), row(name="Jumlah wisatawan mancanegara")):
        assert scored([label()], [other])["found"] == 0, other
    assert scored([label(period="TW1")], [row(period="TW1")])["found"] == 1
    # a cell that is not a number: the first word of value_text, case aside
    assert scored([label(value=None, value_text="BB")], [row(value=None, value_text="bb (belum)")])["found"] == 1
    assert scored([label(value=None, value_text="BB")], [row(value=None, value_text="B")])["found"] == 0


def test_the_best_named_row_is_picked_not_the_first():
    labels = pd.DataFrame([label(indicator="Persentase jalan provinsi dalam kondisi mantap")])
    rows = pd.DataFrame([row(name="Persentase jalan provinsi dalam kondisi mantap baik"), row(name="Persentase jalan provinsi dalam kondisi mantap")])
    chosen = match_values(rows, labels)
    assert list(chosen["_row"]) == [1] and chosen["ratio"].iloc[0] == 100
    # two labels, two rows: each label gets its own best name whatever the order of the rows
    labels = pd.DataFrame([label(indicator="Indeks kepuasan masyarakat"), label(indicator="Indeks kepuasan masyarakat desa")])
    rows = pd.DataFrame([row(name="Indeks kepuasan masyarakat desa"), row(name="Indeks kepuasan masyarakat")])
    chosen = match_values(rows, labels).set_index("_label")["_row"].to_dict()
    assert chosen == {0: 1, 1: 0}


def test_scores_are_per_file_and_by_doc_type():
    labels = [label(), label(file="b.pdf", page=1)]
    rows = [row(), row(file="b.pdf", page=1, value=1.0)]
    per_file = score_values(pd.DataFrame(rows), pd.DataFrame(labels))
    assert list(per_file["file"]) == ["a.pdf", "b.pdf"] and list(per_file["found"]) == [1, 0]
    kinds = by_doc_type(per_file, pd.DataFrame({"source_file": ["a.pdf"], "doc_type": ["IKU"]}))
    assert dict(zip(kinds["doc_type"], kinds["labels"])) == {"?": 1, "IKU": 1}
    # a column merged in later (coverage, say) passes through; the total leaves it empty
    total = with_total(per_file.assign(coverage=[0.5, 1.0]))
    assert list(total.columns[:5]) == ["file", "labels", "found", "rows", "right"] and pd.isna(total["coverage"].iloc[-1])
    assert total.iloc[-1]["recall"] == 0.5


def budget_label(code="5.5.02", name="Belanja Modal", pagu=1000.0, realisasi=900.0, page=10, file=F):
    return {"file": file, "code": code, "name": name, "year": 2022, "pagu": pagu, "realisasi": realisasi, "page": page}


def budget_row(code=None, name="Belanja Modal", pagu=1000.0, realisasi=900.0, page=10, file=F):
    return {"source_file": file, "code": code, "name": name, "pagu": pagu, "realisasi": realisasi, "page": page}


def budget_total(labels, rows) -> dict:
    df = score_budget(pd.DataFrame(rows, columns=list(budget_row())), pd.DataFrame(labels))
    return with_total(df).iloc[-1].to_dict()


def test_budget_lines_match_by_code_when_the_label_has_one():
    assert budget_total([budget_label()], [budget_row(code="5.5.02", name="KEPEGAWAIAN")])["found"] == 1
    assert budget_total([budget_label(code="5.5. 02")], [budget_row(code="5.5.02")])["found"] == 1  # spaces removed
    assert budget_total([budget_label()], [budget_row(code=None)])["found"] == 0  # the name alone is not enough
    assert budget_total([budget_label()], [budget_row(code="5.5.03")])["found"] == 0
    assert budget_total([budget_label()], [budget_row(code="5.5.02", page=11)])["found"] == 0  # another page
    assert budget_total([budget_label()], [budget_row(code="5.5.02", pagu=1001.0)])["found"] == 0
    assert budget_total([budget_label()], [budget_row(code="5.5.02", pagu=1000.4)])["found"] == 1  # within 0.5


def test_budget_lines_match_by_name_without_a_code_and_one_row_each():
    lab = budget_label(code="", name="Program Pemberdayaan Sosial", realisasi=float("nan"))
    assert budget_total([lab], [budget_row(name="PROGRAM PEMBERDAYAAN  SOSIAL", realisasi=12.0)])["found"] == 1  # no realisasi to compare
    assert budget_total([lab], [budget_row(name="Program Perlindungan dan Jaminan Sosial")])["found"] == 0
    two = budget_total([lab, lab], [budget_row(name="Program Pemberdayaan Sosial"), budget_row(name="Program Pemberdayaan Sosial", page=11)])
    assert (two["lines"], two["found"], two["rows"], two["precision"]) == (2, 1, 1, 1.0)
    # the best name is taken when two rows qualify
    rows = pd.DataFrame([budget_row(name="Program Pemberdayaan Sosial Masyarakat"), budget_row(name="Program Pemberdayaan Sosial")])
    assert list(match_budget(rows, pd.DataFrame([lab]))["_row"]) == [1]


def test_budget_truth_in_either_column_order(tmp_path):
    path = tmp_path / "b.csv"
    path.write_text("file,year,code,name,pagu,realisasi,pct,page\nb.pdf,2025,,Program X,15061828880,,,4\n")
    t = read_budget_truth(path)
    assert t.loc[0, "code"] == "" and t.loc[0, "pagu"] == 15061828880 and pd.isna(t.loc[0, "realisasi"]) and t.loc[0, "page"] == 4


def test_metadata_comparison():
    docs = pd.DataFrame([
        {"file": "a.pdf", "doc_type": "LKIP", "agency": "Dinas  Bina Marga", "region": "Provinsi Jawa Barat", "year_from": "2016", "year_to": "2016", "text_layer": "yes"},
        {"file": "b.pdf", "doc_type": "IKU", "agency": "Inspektorat", "region": "", "year_from": "", "year_to": "", "text_layer": "no"},
        {"file": "c.pdf", "doc_type": "PK", "agency": "", "region": "", "year_from": "2017", "year_to": "2017", "text_layer": "yes"},
    ])
    documents = pd.DataFrame([
        {"source_file": "a.pdf", "doc_type": "LKIP", "agency": "dinas bina marga ", "region": "PROVINSI JAWA BARAT", "year_from": 2016, "year_to": 2016},
        {"source_file": "b.pdf", "doc_type": "RENJA", "agency": "Inspektorat", "region": "Kota Bogor", "year_from": pd.NA, "year_to": pd.NA},
    ]).astype({"year_from": "Int64", "year_to": "Int64"})
    s = score_documents(documents, docs).set_index("file")
    assert s.loc["a.pdf", ["doc_type", "agency", "region", "period"]].tolist() == [True, True, True, True]
    assert s.loc["b.pdf", ["doc_type", "agency", "region", "period"]].tolist() == [False, True, False, True]  # empty truth wants None
    assert not s.loc["c.pdf", ["doc_type", "agency", "region", "period"]].any()  # not in the output: wrong everywhere
    assert metadata_totals(s.reset_index()) == {"doc_type": (1, 3), "agency": (2, 3), "region": (1, 3), "period": (2, 3)}


def test_corpus_sets_skip_what_is_missing(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "scans_truth.csv").write_text("file,page\n")
    sets, notes = corpus_sets(tmp_path)
    assert [s.name for s in sets] == ["scans"]
    assert any("set real skipped" in n for n in notes) and any("set regions skipped" in n for n in notes)


def test_bench_accuracy_on_the_samples(sample_dir):
    res = CliRunner().invoke(app, ["bench", "accuracy", "--raw", str(sample_dir), "--truth", str(sample_dir / "sample_truth.csv"),
                                   "--budget-truth", str(sample_dir / "sample_budget_truth.csv")])
    assert res.exit_code == 0, res.output
    summary = [line for line in res.stdout.splitlines() if line.startswith("set sample:")]
    assert len(summary) == 1, res.stdout
    m = re.fullmatch(r"set sample: recall (\d\.\d{3}) precision (\d\.\d{3}) \((\d+) labels\) coverage (\d\.\d{3}) budget (\d\.\d\d)/(\d\.\d\d)", summary[0])
    assert m, summary[0]
    assert float(m.group(1)) >= 0.8 and int(m.group(3)) > 0 and float(m.group(4)) >= 0.8


@pytest.mark.parametrize("args", [[], ["--corpus", "/no/such/corpus"], ["--raw", "raw"], ["--raw", "raw", "--truth", "/no/such.csv"], ["--corpus", ".", "--truth", "x.csv"]])
def test_bench_accuracy_says_what_is_wrong(args):
    res = CliRunner().invoke(app, ["bench", "accuracy", *args])
    assert res.exit_code == 2


def test_coverage_sits_beside_recall_over_the_labelled_pages_only():
    import pandas as pd

    from pipeline.devtools.bench.accuracy import with_coverage

    per_file = pd.DataFrame([{"file": "a.pdf", "labels": 2, "found": 1, "rows": 1, "right": 1, "recall": 0.5, "precision": 1.0}])
    truth = pd.DataFrame([{"file": "a.pdf", "page": 3}, {"file": "a.pdf", "page": 3}])
    coverage = pd.DataFrame([{"source_file": "a.pdf", "page": 3, "value_cells": 10, "read": 4, "skipped": 1},
                             {"source_file": "a.pdf", "page": 4, "value_cells": 50, "read": 50, "skipped": 0}])  # not labelled
    row = with_coverage(per_file, coverage, truth).iloc[0]
    assert (row["value_cells"], row["covered"], row["coverage"]) == (10, 5, 0.5)
