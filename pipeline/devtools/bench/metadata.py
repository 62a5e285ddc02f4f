"""Score `describe_document` against hand-read document metadata (`real_docs_dev.csv`).

Each PDF's first pages are read with pdfplumber as `pipeline.extract` reads them (a scan's by OCR, when installed), and each field is compared
with the truth row of the same file name:
- doc_type: exact;
- agency, region: case- and whitespace-insensitive (both sides lowercased, runs of whitespace collapsed to one
  space, ends trimmed); an empty truth field matches only an empty (None) answer;
- period: year_from and year_to both equal (empty truth = None).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from extractors.document import describe_document

from extractors.reader import cover_texts, open_pdf

FIELDS = ("doc_type", "agency", "region", "period")


def _norm(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return " ".join(str(value).lower().split())


def _year(value) -> int | None:
    return None if value is None or pd.isna(value) or str(value).strip() == "" else int(float(value))


def first_pages_text(path: Path) -> list[str]:
    """As `pipeline.extract` reads them: a scan's pages by OCR of its cover, when OCR is installed."""
    with open_pdf(path) as pdf:
        return cover_texts(pdf, path)[0]


def metadata_report(raw_dir, docs_csv) -> dict[str, tuple[int, int]]:
    """Print right/total per field and every miss; return {field: (right, total)}."""
    truth = pd.read_csv(docs_csv, dtype=str, keep_default_na=False)
    right = dict.fromkeys(FIELDS, 0)
    misses: list[str] = []
    for row in truth.itertuples(index=False):
        path = Path(raw_dir) / row.file
        info = describe_document(first_pages_text(path))
        got = {
            "doc_type": info.doc_type,
            "agency": _norm(info.agency),
            "region": _norm(info.region),
            "period": (info.year_from, info.year_to),
        }
        want = {
            "doc_type": row.doc_type,
            "agency": _norm(row.agency),
            "region": _norm(row.region),
            "period": (_year(row.year_from), _year(row.year_to)),
        }
        for f in FIELDS:
            if got[f] == want[f]:
                right[f] += 1
            else:
                misses.append(f"{row.file} [{row.text_layer}] {f}: got {got[f]!r}, want {want[f]!r}")
    total = len(truth)
    for f in FIELDS:
        print(f"{f:10s} {right[f]}/{total}")
    for m in misses:
        print("  miss", m)
    return {f: (right[f], total) for f in FIELDS}


if __name__ == "__main__":
    import sys

    metadata_report(sys.argv[1], sys.argv[2])
