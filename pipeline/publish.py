"""Stages 2-4: document results -> frames -> validated frames + failures -> a new curated version.

Validation is pandera, lazy: a row failing an error-level check leaves the curated table and is listed in
`validation_failures` with its file, page, cell box and printed value; warning-level checks only list.
Reviewers' corrections (`corrections`) are applied first, so a corrected value passes the same checks. The
version is written whole beside the current one and switched to at once (`store`); the report is marked
pending before the switch and written after it (`report`).
"""

from __future__ import annotations

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
    Indicators,
    IndicatorValuesReview,
    PageCoverage,
    PerformanceTree,
    Runs,
    ValidationFailures,
)

from .catalogue import apply_catalogue, build_catalogue, load_decisions
from .corrections import apply_corrections, read_corrections
from .decisions import unmatched
from .plan import Plan, RunSummary, run_row, run_summary, version_manifest
from .report import REVIEW_PAIRS, mark_pending, save_review_pairs, start_drawing, write_desk
from .results import DocumentResult
from .settings import Settings
from .store import begin_version, commit_version, prune_cache, write_atomic

FAILURE_COLUMNS = list(ValidationFailures.to_schema().columns)


def frame(rows: list[dict], model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """Rows into a frame with exactly the model's columns, in its order, coerced to its dtypes."""
    return typed(pd.DataFrame(rows, columns=list(model.to_schema().columns)), model)


def typed(df: pd.DataFrame, model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """A frame with the model's columns, coerced to its dtypes. An empty table is a valid table: with no rows
    pandas infers object for every column, which the model would refuse."""
    df = df[list(model.to_schema().columns)].copy()
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
        "page_coverage": frame([c for r in ok for c in r.coverage], PageCoverage),
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
    described = df.loc[failing, [c for c in ("source_file", "page", "value_text", "indicator_name", "name", "bbox") if c in df.columns]]
    rows_by_index = described.to_dict("index")  # the failing rows, once each (a row lookup per failure is slow)
    for f in fc.to_dict("records"):
        idx = f.get("index")
        check = str(f["check"])
        column = f.get("column")
        if idx is None or pd.isna(idx) or idx not in rows_by_index:
            rows.append(
                {"source_file": None, "page": None, "table": table, "check": check, "column": column,
                 "value": None if pd.isna(f["failure_case"]) else str(f["failure_case"]), "severity": "error",
                 "message": f"{table}: {check} failed for the whole table", "bbox": None}
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
                "bbox": row.get("bbox"),
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
        ("page_coverage", PageCoverage, None),
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


def coverage_counts(page_coverage: pd.DataFrame) -> dict:
    """The run's value-like cells and their coverage, (read + knowingly skipped) / cells (None without cells)."""
    cells = int(page_coverage["value_cells"].sum()) if len(page_coverage) else 0
    covered = int((page_coverage["read"] + page_coverage["skipped"]).sum()) if len(page_coverage) else 0
    return {"value_cells": cells, "coverage": round(covered / cells, 4) if cells else None}


def decisions_matching_nothing(decisions: pd.DataFrame, printed: pd.DataFrame, settings: Settings, failures: pd.DataFrame) -> tuple[list[str], pd.DataFrame]:
    """A warning per reviewer decision naming an indicator no document prints (a typo, or a removed
    document's name): for the summary, and as validation_failures rows (check decision_matches_nothing)."""
    notes = unmatched(decisions.to_dict("records"), set(printed["indicator_name"].dropna()), settings.decisions_file)
    rows = [{"source_file": None, "page": None, "table": "indicators", "check": "decision_matches_nothing", "column": None,
             "value": None, "severity": "warning", "message": note} for note in notes]
    return notes, pd.concat([failures, pd.DataFrame(rows, columns=FAILURE_COLUMNS)], ignore_index=True) if rows else failures


def write_parquet(df: pd.DataFrame, path: Path) -> None:
    table = pa_arrow.Table.from_pandas(df, preserve_index=False)
    write_atomic(path, lambda f: pq.write_table(table, f))


def publish_version(plan: Plan, results: list[DocumentResult], settings: Settings) -> RunSummary:
    """Validate every table, write them as a new version, switch to it, write the reviewer's report."""
    frames = results_to_frames(results)
    drawing = start_drawing(frames, report_sources(plan), settings.reports_dir, settings.workers)  # on the cores the checks leave idle
    previous_catalogue = pd.read_parquet(plan.previous_version / "indicators.parquet") if plan.previous_version and (plan.previous_version / "indicators.parquet").exists() else None
    named = frames["indicator_attributes"][["source_file", "indicator_name", "indicator_id"]]  # names without values
    printed = pd.concat([frames["indicator_values"], named], ignore_index=True)
    decisions = load_decisions(settings.decisions_file)
    catalogue, id_map, review_pairs = build_catalogue(printed, previous_catalogue, decisions)
    notes, frames["extra_failures"] = decisions_matching_nothing(decisions, printed, settings, frames["extra_failures"])
    for t in ("indicator_values", "indicator_attributes"):
        frames[t] = apply_catalogue(frames[t], id_map)
    # the reviewers' corrections, on the final ids and before the checks (a corrected value is checked too)
    frames["indicator_values"], listed, stale = apply_corrections(frames["indicator_values"], frames["documents"],
                                                                  read_corrections(settings.corrections_file), settings.corrections_file)
    if listed:
        frames["extra_failures"] = pd.concat([frames["extra_failures"], pd.DataFrame(listed, columns=FAILURE_COLUMNS)], ignore_index=True)
    notes = notes + stale
    tables = validate(frames)
    catalogue = typed(catalogue, Indicators)
    Indicators.validate(catalogue)
    tables["indicators"] = catalogue
    docs, values, failures = tables["documents"], tables["indicator_values"], tables["validation_failures"]
    status = docs["status"].value_counts()
    summary = {
        "documents": len(docs),
        "ok": int(status.get("ok", 0)),
        "partial": int(status.get("partial", 0)),
        "failed": int(status.get("failed", 0)),
        "needs_ocr": int(status.get("needs_ocr", 0)),
        "pages": int(docs["pages"].fillna(0).sum()) if len(docs) else 0,
        "values": len(values),
        "budget_lines": len(tables["budget_lines"]),
        "errors": int((failures["severity"] == "error").sum()),
        "warnings": int((failures["severity"] == "warning").sum()),
        **coverage_counts(tables["page_coverage"]),
        "notes": notes,
    }
    row = run_row(plan, summary["failed"], summary["values"], len(failures))
    previous_runs = pd.read_parquet(plan.previous_version / "runs.parquet") if plan.previous_version and (plan.previous_version / "runs.parquet").exists() else None
    tables["runs"] = frame([*(previous_runs.to_dict("records") if previous_runs is not None else []), row], Runs)
    Runs.validate(tables["runs"])

    tmp = begin_version(settings.curated_dir, plan.run_id)
    for name, df in tables.items():
        write_parquet(df, tmp / f"{name}.parquet")
    save_review_pairs(review_pairs, tmp / REVIEW_PAIRS)
    mark_pending(settings.reports_dir, plan.run_id)  # from here until the report is written, it says it is coming
    commit_version(settings.curated_dir, tmp, {**version_manifest(plan, summary), "tables_of": plan.run_id}, settings.keep_versions)
    report = write_desk(tables, review_pairs, plan.run_id, settings.reports_dir, report_sources(plan), settings.workers, drawing)
    prune_cache(settings.curated_dir, set(plan.shas.values()))
    return run_summary(plan, summary, report, settings)


def report_sources(plan: Plan) -> dict[str, Path]:
    """The PDFs the report renders pages of, by source_file: the files as planned (a refused entry has no page
    to show, so none is asked of it)."""
    return dict(plan.files)
