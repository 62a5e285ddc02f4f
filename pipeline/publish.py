"""Stages 2-4: document results -> frames -> validated frames + failures -> curated parquet.

Validation is pandera, lazy: a row failing an error-level check leaves the curated table and is listed in
`validation_failures` with its file, page and printed value; warning-level checks only list. Parquet
files are written beside their target and renamed into place, so a reader never sees half a file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pyarrow as pa_arrow
import pyarrow.parquet as pq

from schemas.tables import (
    BudgetLines,
    Documents,
    IndicatorAttributes,
    IndicatorValues,
    IndicatorValuesReview,
    PerformanceTree,
    ValidationFailures,
)

from .extract import DocumentResult

FAILURE_COLUMNS = list(ValidationFailures.to_schema().columns)


def frame(rows: list[dict], model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """Rows into a frame with exactly the model's columns, in its order, coerced to its dtypes."""
    cols = list(model.to_schema().columns)
    df = pd.DataFrame(rows, columns=cols)
    for name, col in model.to_schema().columns.items():
        dtype = str(col.dtype)
        if dtype == "Int64":
            df[name] = pd.array(df[name].tolist(), dtype="Int64") if len(df) else pd.array([], dtype="Int64")
        elif dtype == "float64":
            df[name] = pd.to_numeric(df[name], errors="coerce").astype("float64")
        elif dtype.startswith("datetime64"):
            df[name] = pd.to_datetime(df[name], utc=True).astype("datetime64[us, UTC]")
        elif dtype.startswith("str"):
            df[name] = df[name].astype("str")  # pandas 3 str dtype keeps nulls as nulls
    return df


def results_to_frames(results: list[DocumentResult]) -> dict[str, pd.DataFrame]:
    """The raw (unvalidated) tables of a run; failed documents contribute their documents row only."""
    ok = [r for r in results if r.status in ("ok", "partial")]
    return {
        "documents": frame([r.document for r in results], Documents),
        "indicator_values": frame([v for r in ok for v in r.values], IndicatorValues),
        "budget_lines": frame([b for r in ok for b in r.budget], BudgetLines),
        "indicator_attributes": frame([a for r in ok for a in r.attributes], IndicatorAttributes),
        "performance_tree": frame([n for r in ok for n in r.tree], PerformanceTree),
        "extra_failures": pd.DataFrame([w for r in ok for w in r.warnings], columns=FAILURE_COLUMNS),
    }


def _failures(df: pd.DataFrame, model: type[pa.DataFrameModel], table: str, severity: str) -> tuple[pd.DataFrame, set]:
    """Run a model lazily; return its failures as validation_failures rows and the failing row labels."""
    try:
        model.validate(df, lazy=True)
        return pd.DataFrame(columns=FAILURE_COLUMNS), set()
    except pa.errors.SchemaErrors as exc:
        fc = exc.failure_cases
    rows = []
    bad: set = set()
    descriptions = {c.name: (c.description or c.name) for c in model.to_schema().checks}
    # a dataframe-level check reports each failing row once per column: once per row is enough
    table_checks = fc["check"].astype(str).str.split("(").str[0].isin(list(descriptions))
    fc = fc.assign(column=fc["column"].where(~table_checks, None))
    fc = fc.drop_duplicates(subset=["check", "index", "column"])
    failing = [i for i in fc["index"].dropna().unique() if i in df.index]
    described = df.loc[failing, [c for c in ("source_file", "page", "value_text", "indicator_name", "name") if c in df.columns]]
    rows_by_index = described.to_dict("index")  # the failing rows, once each (a row lookup per failure is slow)
    for f in fc.to_dict("records"):
        idx = f.get("index")
        check = str(f["check"])
        column = f.get("column")
        if idx is None or pd.isna(idx) or idx not in rows_by_index:
            rows.append(
                {"source_file": None, "page": None, "table": table, "check": check, "column": column,
                 "value": None if pd.isna(f["failure_case"]) else str(f["failure_case"]), "severity": "error",
                 "message": f"{table}: {check} failed for the whole table"}
            )
            continue
        bad.add(idx)
        row = rows_by_index[idx]
        printed = row["value_text"] if "value_text" in row else f["failure_case"]
        name = row.get("indicator_name") or row.get("name") or ""
        check_name = check.split("(")[0]
        rows.append(
            {
                "source_file": row.get("source_file"),
                "page": row.get("page"),
                "table": table,
                "check": check_name,
                "column": str(column) if column in df.columns else None,  # dataframe-level checks name the schema
                "value": None if printed is None or (isinstance(printed, float) and pd.isna(printed)) else str(printed),
                "severity": severity,
                "message": f"{descriptions.get(check_name, check_name)} ({name})".strip(),
            }
        )
    return pd.DataFrame(rows, columns=FAILURE_COLUMNS), bad


def validate(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Curated tables: error-level failures removed and listed; warnings listed; the failures table last."""
    out: dict[str, pd.DataFrame] = {}
    failures = [frames["extra_failures"]]
    for name, model, review in (
        ("documents", Documents, None),
        ("indicator_values", IndicatorValues, IndicatorValuesReview),
        ("budget_lines", BudgetLines, None),
        ("indicator_attributes", IndicatorAttributes, None),
        ("performance_tree", PerformanceTree, None),
    ):
        df = frames[name].reset_index(drop=True)
        errors, bad = _failures(df, model, name, "error")
        failures.append(errors)
        clean = df.drop(index=list(bad)).reset_index(drop=True)
        if review is not None and len(clean):
            warnings, _ = _failures(clean, review, name, "warning")
            # the review model re-runs the table's own checks too (already passed); keep only its extra ones
            own = {c.name for c in model.to_schema().checks}
            warnings = warnings[~warnings["check"].isin(own) & warnings["column"].isna()]
            failures.append(warnings)
        out[name] = clean
    all_failures = pd.concat([f for f in failures if len(f)], ignore_index=True) if any(len(f) for f in failures) else pd.DataFrame(columns=FAILURE_COLUMNS)
    out["validation_failures"] = frame(all_failures.to_dict("records"), ValidationFailures)
    ValidationFailures.validate(out["validation_failures"])
    return out


def write_parquet(df: pd.DataFrame, path: Path) -> None:
    """Write to a temporary file in the same folder, then rename: readers see the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa_arrow.Table.from_pandas(df, preserve_index=False)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".parquet.tmp", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
