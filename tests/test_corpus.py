"""The development sets of ../shared/corpus (real, regions, scans), when present, scored as `kinerja bench
accuracy --corpus` scores them: one pipeline run per raw folder, page-matched.

Floors, not targets: they catch regressions, each a little under the figure measured when it was set (in the
comment beside it). The figures themselves come from `make bench`."""

from __future__ import annotations

import pytest

from pipeline.devtools.bench.accuracy import score_set, with_total
from pipeline.devtools.bench.corpus import corpus_sets, extract_runs
from pipeline.devtools.bench.metadata import metadata_totals
from pipeline.settings import Settings

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def scores(corpus):
    sets, _ = corpus_sets(corpus)
    tables, _ = extract_runs(sets, Settings(workers=2))
    return {s.name: (score_set(s, tables[s.name]), tables[s.name]) for s in sets}


def _set(scores, name):
    if name not in scores:
        pytest.skip(f"set {name} is not in the corpus")
    return scores[name]


def _total(frame):
    return with_total(frame).iloc[-1]


def test_real_values_recall_and_precision(scores):
    score, tables = _set(scores, "real")
    docs = tables.documents.set_index("source_file")
    assert (docs.loc[list(score.values["file"]), "status"] == "ok").all()
    total = _total(score.values)
    assert total["recall"] >= 0.94  # 0.996 when page-matched scoring came in
    assert total["precision"] >= 0.98  # 0.996


def test_real_document_metadata(scores):
    score, _ = _set(scores, "real")
    right, n = metadata_totals(score.documents)["doc_type"]
    assert right >= n - 1  # 27/27


def test_regions_values_recall_and_precision(scores):
    score, _ = _set(scores, "regions")
    total = _total(score.values)
    assert total["recall"] >= 0.97  # 1.000
    assert total["precision"] >= 0.95  # 0.980


def test_regions_budget_lines(scores):
    score, _ = _set(scores, "regions")
    total = _total(score.budget)
    assert total["recall"] >= 0.95  # 1.000 (0.167 before a code column kept long rekening codes)
    assert total["precision"] >= 0.95  # 1.000


def test_scans_values(scores):
    score, tables = _set(scores, "scans")
    total = _total(score.values)
    assert total["labels"] > 0 and set(score.values["file"]) <= set(tables.documents["source_file"])  # recorded
    # read by OCR: 0.909 / 0.909 (one indicator name OCR garbled); 0.000 before
    assert total["recall"] >= 0.85 and total["precision"] >= 0.85
