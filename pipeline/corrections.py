"""Reviewers' value corrections (`review/corrections.csv`, columns: `schemas.review.Corrections`), applied when a
version is published, without re-extracting anything.

A correction names one printed value by the file's sha256 and the cell (page and box), or by its indicator_id,
year, period and measure. It applies only when it names exactly one value whose cell still reads as it did when
the line was written (`was`); otherwise it is stale: listed in validation_failures (check correction_stale) and in
the run's summary, and the machine's reading stands. A corrected row keeps the machine's number in `value_read`
and says who corrected it, when and why.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from schemas.review import DROP, Corrections

from .errors import RunError

COLUMNS = list(Corrections.to_schema().columns)
BOX_TOLERANCE_PT = 0.5  # a cell's box may move by this much between readings (rounding, another reader) and still be the cell
STALE = "correction_stale"
DROPPED = "value_dropped_by_reviewer"  # a dropped value is listed, never silently gone


def read_corrections(path: Path) -> pd.DataFrame:
    """Every correction of the file, indexed by its line (1 is the header), checked against the model; a
    RunError naming the file and the first bad line otherwise. An empty frame when there is no file."""
    path = Path(path)
    if not path.exists():
        return _typed(pd.DataFrame(columns=COLUMNS))
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RunError(f"{path}: not UTF-8 text") from exc
    except OSError as exc:
        raise RunError(f"corrections file {path}: {exc.strerror}") from exc
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows, lines = [], []
    try:
        header = [h.strip() for h in next(reader, [])]
        if header != COLUMNS:
            raise RunError(f"{path} line 1: the header must be {','.join(COLUMNS)}")
        for fields in reader:
            if not any(f.strip() for f in fields):
                continue
            if len(fields) != len(header):
                raise RunError(f"{path} line {reader.line_num}: {len(fields)} fields, the header has {len(header)} (a comma inside a field needs quotes)")
            rows.append([f.strip() or None for f in fields])
            lines.append(reader.line_num)
    except csv.Error as exc:
        raise RunError(f"{path} line {reader.line_num}: {exc}") from exc
    df = pd.DataFrame(rows, columns=COLUMNS, index=pd.Index(lines, name="line"))
    for c in ("page", "year"):
        number = pd.to_numeric(df[c], errors="coerce")
        bad = df[c].notna() & (number.isna() | (number % 1 != 0))
        if bad.any():
            raise RunError(f"{path} line {df.index[bad][0]}: {c} is {df[c][bad].iloc[0]!r}, not a whole number")
    df = _typed(df)
    try:
        Corrections.validate(df, lazy=True)
    except pa.errors.SchemaErrors as exc:
        first = exc.failure_cases.dropna(subset=["index"]).sort_values("index").head(1)
        if not len(first):
            raise RunError(f"{path}: {exc.failure_cases['check'].iloc[0]}") from exc
        f = first.iloc[0]
        where, check, column = f"{path} line {int(f['index'])}", str(f["check"]), f["column"]
        checks = {c.name: c.description for c in Corrections.to_schema().checks}
        if check in checks:  # a rule over the row
            raise RunError(f"{where}: {checks[check].rstrip('.')}") from exc
        if check == "not_nullable":
            raise RunError(f"{where}: {column} is empty") from exc
        meaning = Corrections.to_schema().columns[column].description if column in COLUMNS else check
        raise RunError(f"{where}: {column} is {f['failure_case']!r}, not {meaning}") from exc
    return df


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    return df.astype({c: ("Int64" if c in ("page", "year") else "str") for c in COLUMNS})


def box_text(bbox) -> str:
    """A cell's box as corrections.csv writes it: 'x0 top x1 bottom'."""
    return " ".join(f"{float(v):.2f}" for v in bbox)


def correction_line(sha256: str, page: int, bbox, was: str | None) -> str:
    """The line a reviewer adds to review/corrections.csv to correct the value in this cell (the corrected
    number, or drop, their name and the date to fill in)."""
    row = {c: "" for c in COLUMNS} | {"sha256": sha256, "page": str(page), "bbox": box_text(bbox), "was": was or "",
                                      "value": "<value or drop>", "reviewer": "<reviewer>", "corrected_on": "<YYYY-MM-DD>"}
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow([row[c] for c in COLUMNS])
    return buf.getvalue()


def _same(a, b) -> pd.Series:
    """Equal, a null matching a null (an annual value's period)."""
    return (a == b).fillna(False) | (a.isna() & pd.isna(b)) if not pd.isna(b) else a.isna()


def _near(boxes: pd.Series, box: list[float]) -> pd.Series:
    return boxes.map(lambda b: b is not None and len(b) == 4 and all(abs(float(x) - y) <= BOX_TOLERANCE_PT for x, y in zip(b, box)))


def apply_corrections(values: pd.DataFrame, documents: pd.DataFrame, corrections: pd.DataFrame, path: Path) -> tuple[pd.DataFrame, list[dict], list[str]]:
    """`values` with the corrections applied; the stale ones and the drops as validation_failures rows, the stale
    ones as summary notes."""
    if not len(corrections):
        return values, [], []
    values = values.copy()
    for c, dtype in (("value_read", "float64"), ("corrected_by", "str"), ("corrected_on", "str"), ("correction_note", "str")):
        values[c] = values[c].astype(dtype)
    sha_of = values["source_file"].map(documents.set_index("source_file")["sha256"])
    known = set(documents["sha256"])
    taken: dict[int, int] = {}  # value row -> the line correcting it
    dropped: list[int] = []
    listed: list[dict] = []  # validation_failures rows: the stale corrections, and the values dropped
    for line, c in corrections.iterrows():
        where = f"{path} line {line}"
        if c["sha256"] not in known:
            listed.append(_stale(where, c, None, "no document has these bytes now (the file changed or left the raw folder)"))
            continue
        hit = sha_of == c["sha256"]
        if pd.notna(c["bbox"]):
            box = [float(v) for v in c["bbox"].split()]
            hit &= (values["page"] == c["page"]).fillna(False)
            hit[hit] = _near(values.loc[hit, "bbox"], box)  # the boxes of that page only
            named = f"no value is read at page {c['page']}, box {c['bbox']} now (the code reads the cell differently)"
        else:
            for col in ("indicator_id", "year", "period", "measure"):
                hit &= _same(values[col], c[col])
            named = f"no value of {c['indicator_id']}, {c['measure']} {'' if pd.isna(c['year']) else c['year']} {'' if pd.isna(c['period']) else c['period']}".rstrip() + " now"
        rows = list(values.index[hit])
        source = values.loc[rows[0], "source_file"] if rows else documents.loc[documents["sha256"] == c["sha256"], "source_file"].iloc[0]
        per_file = values.loc[rows, "source_file"].value_counts()
        if not rows:
            listed.append(_stale(where, c, source, named))
        elif (per_file > 1).any():
            listed.append(_stale(where, c, source, f"it names {int(per_file.max())} values of one document; name the cell by page and bbox"))
        elif pd.notna(c["was"]) and (read := values.loc[rows, "value_text"]).ne(c["was"]).any():
            listed.append(_stale(where, c, source, f"the cell now reads {read.iloc[0]!r}, the line was written against {c['was']!r}"))
        elif any(r in taken for r in rows):
            listed.append(_stale(where, c, source, f"line {taken[next(r for r in rows if r in taken)]} corrects this value already"))
        else:
            taken.update(dict.fromkeys(rows, line))
            if c["value"] == DROP:
                dropped += rows
                listed.append(_listed(where, c, source, DROPPED, f"dropped by {c['reviewer']} on {c['corrected_on']}"
                                      + (f": {c['note']}" if pd.notna(c["note"]) else "")))
                continue
            note = f"{c['note']} ({where})" if pd.notna(c["note"]) else where
            values.loc[rows, "value_read"] = values.loc[rows, "value"]
            values.loc[rows, "value"] = float(c["value"])
            values.loc[rows, ["corrected_by", "corrected_on", "correction_note"]] = [c["reviewer"], c["corrected_on"], note]
    notes = [f["message"] for f in listed if f["check"] == STALE]
    return values.drop(index=dropped), listed, notes


def _stale(where: str, c: pd.Series, source_file: str | None, why: str) -> dict:
    return _listed(where, c, source_file, STALE, f"{why}; the correction is not applied")


def _listed(where: str, c: pd.Series, source_file: str | None, check: str, message: str) -> dict:
    box = [float(v) for v in c["bbox"].split()] if pd.notna(c["bbox"]) else None
    return {"source_file": source_file, "page": None if pd.isna(c["page"]) else int(c["page"]), "table": "indicator_values", "check": check,
            "column": "value", "value": None if pd.isna(c["was"]) else c["was"], "severity": "warning",
            "message": f"{where}: {message}", "bbox": box}
