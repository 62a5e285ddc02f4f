"""`kinerja bench accuracy`: score extracted values against hand labels.

A label is found when an output row has the same file, year, measure and period, an indicator name with
rapidfuzz token_sort_ratio >= 85 (lowercased, non-alphanumerics as spaces) and an equal value (for a
non-number, the same first word of value_text). Recall is over labels; precision over output rows of the
labelled measures on the labelled pages (labels are exhaustive per page).
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz

from schemas.vocabulary import MEASURES

from pipeline.errors import KinerjaError
from pipeline.settings import Settings

NAME_THRESHOLD = 85


def _norm(name) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^0-9a-z]+", " ", str(name or "").lower())).strip()


def _first_word(text) -> str:
    words = str(text or "").split()
    return words[0].lower() if words else ""


def _same_value(label: pd.Series, row: pd.Series) -> bool:
    lv, rv = label["value"], row["value"]
    if pd.notna(lv) and lv != "":
        try:
            return pd.notna(rv) and abs(float(lv) - float(rv)) <= 1e-6 * max(1.0, abs(float(lv)))
        except (TypeError, ValueError):
            return False
    return _first_word(label["value_text"]) == _first_word(row["value_text"])


def _period(v) -> str:
    return "" if v is None or (isinstance(v, float) and pd.isna(v)) or pd.isna(v) else str(v)


def score(values: pd.DataFrame, truth: pd.DataFrame) -> pd.DataFrame:
    """Per file: labels, found, output rows on labelled pages, correct rows; recall and precision."""
    truth = truth.copy()
    truth["period"] = truth["period"].map(_period)
    truth["_name"] = truth["indicator"].map(_norm)
    values = values.copy()
    values["period"] = values["period"].map(_period)
    values["_name"] = values["indicator_name"].map(_norm)
    values["year"] = pd.to_numeric(values["year"], errors="coerce")
    rows = []
    for file, labels in truth.groupby("file"):
        out = values[values["source_file"] == file]
        pages = set(labels["page"].astype(int))
        scoped = out[out["page"].astype(int).isin(pages) & out["measure"].isin(MEASURES)]
        used: set = set()
        found = 0
        for _, lab in labels.iterrows():
            cand = out[(out["year"] == int(lab["year"])) & (out["measure"] == lab["measure"]) & (out["period"] == lab["period"])]
            hit = None
            for idx, r in cand.iterrows():
                if idx in used or not _same_value(lab, r):
                    continue
                if fuzz.token_sort_ratio(lab["_name"], r["_name"]) >= NAME_THRESHOLD:
                    hit = idx
                    break
            if hit is not None:
                used.add(hit)
                found += 1
        correct = len(used & set(scoped.index))
        rows.append({"file": file, "labels": len(labels), "found": found, "output_on_pages": len(scoped), "correct": correct})
    df = pd.DataFrame(rows)
    total = df[["labels", "found", "output_on_pages", "correct"]].sum()
    df = pd.concat([df, pd.DataFrame([{"file": "TOTAL", **total.to_dict()}])], ignore_index=True)
    df["recall"] = df["found"] / df["labels"].where(df["labels"] > 0)
    df["precision"] = df["correct"] / df["output_on_pages"].where(df["output_on_pages"] > 0)
    return df


def accuracy_report(raw: Path, truth_csv: Path, settings: Settings, curated: Path | None = None) -> list[str]:
    if not Path(truth_csv).exists():
        raise KinerjaError(f"truth file not found: {truth_csv}")
    # "NA" and "N/A" are printed values here, not missing ones: only an empty field is empty
    truth = pd.read_csv(truth_csv, dtype={"value_text": str, "period": str, "value": str}, keep_default_na=False, na_values={"value": [""], "period": [""]})
    if curated is not None:
        values = pd.read_parquet(Path(curated) / "indicator_values.parquet")
    else:
        from pipeline.plan import discover_documents
        from pipeline.run import run_pipeline

        with tempfile.TemporaryDirectory(prefix="kinerja-bench-") as tmp:
            labelled = Path(tmp) / "raw"  # only the labelled documents, linked, not copied
            labelled.mkdir()
            for p in discover_documents(raw):
                if p.name in set(truth["file"]):
                    (labelled / p.name).symlink_to(p.resolve())
            settings = Settings.resolve(settings, raw_dir=labelled, curated_dir=Path(tmp) / "curated", reports_dir=Path(tmp) / "reports")
            run_pipeline(settings)
            values = pd.read_parquet(settings.curated_dir / "indicator_values.parquet")
    df = score(values, truth)
    lines = [f"{'file':58} {'labels':>6} {'found':>6} {'rows':>6} {'right':>6} {'recall':>7} {'precision':>9}"]
    for r in df.itertuples():
        rec = "" if pd.isna(r.recall) else f"{r.recall:.3f}"
        prec = "" if pd.isna(r.precision) else f"{r.precision:.3f}"
        lines.append(f"{r.file:58} {r.labels:>6} {r.found:>6} {r.output_on_pages:>6} {r.correct:>6} {rec:>7} {prec:>9}")
    return lines
