"""The truth files the generator writes beside its PDFs, and a reader for the value labels.

sample_truth.csv holds one row per printed value (the value-label format the accuracy bench scores
against), sample_budget_truth.csv one row per budget line, sample_tree_truth.csv one row per box of
a pohon kinerja.
"""
from __future__ import annotations

from pathlib import Path

TRUTH_COLUMNS = ("file", "kind", "jabatan", "sasaran", "indicator", "year", "measure", "period",
                 "value", "value_text", "unit", "page")
BUDGET_COLUMNS = ("file", "year", "code", "name", "pagu", "realisasi", "pct", "page")
TREE_COLUMNS = ("file", "node", "parent", "level", "jabatan", "sasaran", "indicator", "target", "page")
TRUTH_FILE, BUDGET_FILE, TREE_FILE = "sample_truth.csv", "sample_budget_truth.csv", "sample_tree_truth.csv"


def read_truth(path: Path):
    """A value-label CSV (TRUTH_COLUMNS) as a pandas DataFrame, every printed text kept as printed:
    "NA" and "N/A" are values a report prints, so only an empty value or period is missing."""
    import pandas as pd
    return pd.read_csv(path, dtype={"value_text": str, "period": str, "value": str},
                       keep_default_na=False, na_values={"value": [""], "period": [""]})
