"""The real development corpus (../shared/corpus), when present: every document recorded, values attached.

Floors, not targets: they catch regressions. The figures themselves come from `make bench`."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.devtools.bench.accuracy import score
from pipeline.isolation import extract_all
from pipeline.plan import discover_documents
from pipeline.settings import Settings

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def labelled(corpus):
    truth = pd.read_csv(corpus / "real_truth_dev.csv", dtype={"value_text": str, "period": str, "value": str}, keep_default_na=False, na_values={"value": [""], "period": [""]})
    paths = [p for p in discover_documents(corpus / "real") if p.name in set(truth["file"])]
    results = extract_all(paths, Settings(workers=2))
    return truth, results


def test_labelled_documents_extract_with_recall_and_precision(labelled):
    truth, results = labelled
    assert all(r.status == "ok" for r in results)
    values = pd.DataFrame([v for r in results for v in r.values])
    total = score(values, truth).set_index("file").loc["TOTAL"]
    assert total["recall"] >= 0.94
    assert total["precision"] >= 0.98


def test_document_metadata_from_the_reports(corpus, labelled):
    _, results = labelled
    docs = pd.read_csv(corpus / "real_docs_dev.csv").set_index("file")
    right = sum(r.document["doc_type"] == docs.loc[r.document["source_file"], "doc_type"] for r in results)
    assert right >= len(results) - 1
