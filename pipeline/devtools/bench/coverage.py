"""`kinerja bench coverage`: how much of what any folder of PDFs prints as values the pipeline reads, without
labels.

The pipeline counts each table page's value-like cells from the page itself and classifies them (read,
knowingly skipped, unread: `extractors/coverage.py`, curated `page_coverage`). This runs it over a folder
into a temporary curated folder and prints coverage per doc_type, then the worst pages first, so a
reviewer opens the pages where most was missed. `coverage_tables` is a pure function over the curated
frames: the accuracy bench can merge its columns beside recall on (file, page) or doc_type.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd

from pipeline.errors import KinerjaError
from pipeline.settings import Settings

WORST_PAGES = 25  # pages listed, worst first
_COUNTS = ["table_pages", "value_cells", "read", "skipped", "unread"]


def _share(covered: pd.Series, cells: pd.Series) -> pd.Series:
    return (covered / cells.where(cells > 0)).astype("float64")


def coverage_tables(documents: pd.DataFrame, page_coverage: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(by doc_type, worst pages) from the curated `documents` and `page_coverage` frames.

    by doc_type: documents read page by page, their table pages, value cells, read, skipped, unread and
    coverage = (read + skipped) / value cells, one row per doc_type and a TOTAL row.
    worst pages: every table page with its file's doc_type, image pages first (nothing of them read), then
    by coverage, lowest first, and by unread cells, most first."""
    pages = page_coverage.merge(documents[["source_file", "doc_type"]], on="source_file", how="left")
    read_docs = documents[documents["value_cells"].notna()][["source_file", "doc_type"]]
    per_doc = pages.groupby("source_file")[["value_cells", "read", "skipped", "unread"]].sum()
    per_doc["table_pages"] = pages.groupby("source_file").size()
    per_doc = read_docs.set_index("source_file").join(per_doc).fillna(0)
    by_type = per_doc.groupby("doc_type")[_COUNTS].sum().astype("int64")
    by_type.insert(0, "documents", per_doc.groupby("doc_type").size())
    by_type.loc["TOTAL"] = by_type.sum()
    by_type["coverage"] = _share(by_type["read"] + by_type["skipped"], by_type["value_cells"])
    by_type = by_type.reset_index().rename(columns={"index": "doc_type"})

    worst = pages.assign(image=pages["kind"] == "image", unread_box=pages["unread_bbox"].map(_box))
    worst = worst.sort_values(["image", "coverage", "unread", "source_file", "page"], ascending=[False, True, False, True, True], na_position="last")
    worst = worst.rename(columns={"source_file": "file", "value_cells": "cells"})
    cols = ["file", "page", "doc_type", "kind", "cells", "read", "skipped", "unread", "coverage", "skipped_by_reason", "reader", "unread_box"]
    return by_type, worst[cols].reset_index(drop=True)


def _box(b) -> str:
    if b is None or (not hasattr(b, "__len__") and pd.isna(b)):
        return ""
    return "(" + ", ".join(f"{float(v):.0f}" for v in b) + ")"


def _cell(v) -> str:
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return ""
    return f"{v:.3f}" if isinstance(v, float) else str(v)


def table_lines(df: pd.DataFrame) -> list[str]:
    """A frame as fixed-width lines: text columns left-aligned, numbers right-aligned."""
    cols = list(df.columns)
    cells = [[_cell(v) for v in row] for row in df.itertuples(index=False)]
    widths = [max([len(str(c))] + [len(r[i]) for r in cells]) for i, c in enumerate(cols)]
    left = [not pd.api.types.is_numeric_dtype(df[c]) for c in cols]
    fmt = lambda row: " ".join(f"{v:<{w}}" if lt else f"{v:>{w}}" for v, w, lt in zip(row, widths, left)).rstrip()  # noqa: E731
    return [fmt(cols)] + [fmt(r) for r in cells]


def coverage_lines(documents: pd.DataFrame, page_coverage: pd.DataFrame, worst: int = WORST_PAGES) -> list[str]:
    by_type, pages = coverage_tables(documents, page_coverage)
    lines = ["coverage by doc_type (value-like cells on table pages; coverage = (read + knowingly skipped) / cells)"]
    lines += table_lines(by_type) + ["", f"worst pages (of {len(pages)} table pages)"]
    return lines + table_lines(pages.head(worst))


def coverage_report(raw: Path, settings: Settings, worst: int = WORST_PAGES) -> list[str]:
    """Run the pipeline over `raw` into a temporary folder and print its coverage."""
    from pipeline.run import run_pipeline

    raw = Path(raw)
    if not raw.is_dir():
        raise KinerjaError(f"raw folder not found: {raw}")
    with tempfile.TemporaryDirectory(prefix="kinerja-coverage-") as tmp:
        run = Settings.resolve(settings, raw_dir=raw, curated_dir=Path(tmp) / "curated", reports_dir=Path(tmp) / "reports", full=True)
        summary = run_pipeline(run)
        documents = pd.read_parquet(Path(tmp) / "curated" / "documents.parquet")
        page_coverage = pd.read_parquet(Path(tmp) / "curated" / "page_coverage.parquet")
    return [summary.lines()[2], ""] + coverage_lines(documents, page_coverage, worst)
