"""Document metadata against hand-read values (`real_docs_dev.csv`, `regions_docs.csv`).

`score_documents` compares a `documents` table (the curated one, or one built here by `describe_document`)
with the truth row of the same file name, field by field:
- doc_type: exact;
- agency, region: case- and whitespace-insensitive (both sides lowercased, runs of whitespace collapsed to one
  space, ends trimmed); an empty truth field matches only an empty (None) answer;
- period: (year_from, year_to) both equal (empty truth = None).
A truth file absent from the documents table is wrong on every field.

`kinerja bench accuracy` scores the curated `documents` table of its own run; `kinerja bench metadata` (here,
`metadata_report`) reads each PDF's first pages with pdfplumber as `pipeline.extract` reads them (a scan's by
OCR, when installed) and scores `describe_document`'s answer by the same rule, without a full run.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.console import printable

FIELDS = ("doc_type", "agency", "region", "period")


def _norm(value) -> str:
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return ""
    return " ".join(str(value).lower().split())


def _year(value) -> int | None:
    if value is None or pd.isna(value) or str(value).strip() == "":
        return None
    return int(float(value))


def _text(value) -> str | None:
    return None if value is None or pd.isna(value) or str(value) == "" else str(value)


def read_docs(path) -> pd.DataFrame:
    """A docs truth CSV (file,doc_type,agency,region,year_from,year_to,pages,text_layer), every field a string."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _fields(row: dict) -> dict:
    return {
        "doc_type": _text(row.get("doc_type")),
        "agency": _norm(row.get("agency")),
        "region": _norm(row.get("region")),
        "period": (_year(row.get("year_from")), _year(row.get("year_to"))),
    }


def score_documents(documents: pd.DataFrame, docs: pd.DataFrame) -> pd.DataFrame:
    """One row per truth file: `<field>` True when right, `<field>_got` / `<field>_want` as compared
    (normalized), and text_layer from the truth. `documents` has the curated documents columns
    (source_file, doc_type, agency, region, year_from, year_to)."""
    got_by_file = {r["source_file"]: _fields(r) for r in documents.to_dict("records")}
    missing = dict.fromkeys(FIELDS, None) | {"period": (None, None)}
    rows = []
    for want_row in docs.to_dict("records"):
        want = _fields(want_row)
        got = got_by_file.get(want_row["file"], missing)
        row = {"file": want_row["file"], "text_layer": want_row.get("text_layer", ""), "in_output": want_row["file"] in got_by_file}
        for f in FIELDS:
            row[f] = got[f] == want[f]
            row[f + "_got"] = got[f]
            row[f + "_want"] = want[f]
        rows.append(row)
    columns = ["file", "text_layer", "in_output"] + [c for f in FIELDS for c in (f, f + "_got", f + "_want")]
    return pd.DataFrame(rows, columns=columns)


def metadata_totals(scored: pd.DataFrame) -> dict[str, tuple[int, int]]:
    """{field: (right, total)} of a `score_documents` frame."""
    return {f: (int(scored[f].sum()), len(scored)) for f in FIELDS}


def metadata_lines(scored: pd.DataFrame) -> list[str]:
    """right/total per field, then every miss."""
    lines = [f"{f:10s} {right}/{total}" for f, (right, total) in metadata_totals(scored).items()]
    for row in scored.to_dict("records"):
        for f in FIELDS:
            if not row[f]:
                where = "" if row["in_output"] else " (not in the output)"
                lines.append(f"  miss {row['file']} [{row['text_layer']}] {f}: got {row[f + '_got']!r}, want {row[f + '_want']!r}{where}")
    return lines


def first_pages_text(path: Path) -> list[str]:
    """As `pipeline.extract` reads them: a scan's pages by OCR of its cover, when OCR is installed."""
    from extractors.reader import cover_texts, open_pdf

    with open_pdf(path) as pdf:
        return cover_texts(pdf, path)[0]


def described_documents(raw_dir, files) -> pd.DataFrame:
    """A documents-like table from `describe_document` on each file's first pages (no full extraction)."""
    from extractors.document import describe_document

    rows = []
    for name in files:
        info = describe_document(first_pages_text(Path(raw_dir) / name))
        rows.append({"source_file": name, "doc_type": info.doc_type, "agency": info.agency, "region": info.region, "year_from": info.year_from, "year_to": info.year_to})
    return pd.DataFrame(rows, columns=["source_file", "doc_type", "agency", "region", "year_from", "year_to"])


def metadata_report(raw_dir, docs_csv) -> dict[str, tuple[int, int]]:
    """Print right/total per field and every miss; return {field: (right, total)}."""
    truth = read_docs(docs_csv)
    scored = score_documents(described_documents(raw_dir, truth["file"]), truth)
    for line in metadata_lines(scored):
        print(printable(line))  # agencies and regions are PDF text
    return metadata_totals(scored)


if __name__ == "__main__":
    import sys

    metadata_report(sys.argv[1], sys.argv[2])
