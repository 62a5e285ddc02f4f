"""`kinerja bench accuracy`: score a run's curated tables against hand labels, every development set at once.

Values (indicator_values against `*_truth*.csv`). A label (file, page, year, measure, period, indicator,
value) is found by an output row of the same file and the same page with the same year, measure and period,
an indicator name whose rapidfuzz token_sort_ratio with the label's is >= 85 (both lowercased,
non-alphanumerics as spaces) and an equal value (within 1e-6, relative above 1; for a label that is not a
number, the same first word of value_text, case aside). A row on another page never counts, however alike.

Budget lines (budget_lines against `*_budget*.csv`). A label (file, code, name, year, pagu, realisasi, page) is
found by an output row of the same file and the same page whose code equals the label's (spaces removed on
both sides) -- or, when the label has no code, whose name matches (token_sort_ratio >= 85, names normalized as
above) -- and whose pagu and realisasi equal the label's where the label gives them (|a - b| <= 0.5, or
|a - b| <= 1e-9 of the larger). The year is not compared (a budget page is one year's).

One row per label, one label per row: of the (label, row) pairs that qualify, the best name ratio is taken
first (ties: label order, then row order), and a label or row already taken is skipped. A label thus gets
its best-named free row, and the score does not depend on the order of the labels.

Recall = labels found / labels. Precision = output rows matched / output rows on the labelled pages (values:
rows of the four measures; budget: every row): labels are exhaustive per page, so any other row there is
wrong. Metadata: the run's own `documents` table against the docs CSV, by the rule of `metadata.py`.

Scores are DataFrames built by pure functions (`score_values`, `score_budget`, `score_documents`, with
`with_total` and `by_doc_type` on top); printing (`set_lines`, `summary_line`) is apart, so another column
(coverage, say) can be merged on `file` before the tables are printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz

from schemas.vocabulary import MEASURES

from pipeline.errors import KinerjaError
from pipeline.settings import Settings

from .corpus import BenchSet, Curated, extract_runs, read_curated
from .metadata import metadata_lines, metadata_totals, read_docs, score_documents

NAME_THRESHOLD = 85
VALUE_REL_TOL = 1e-6
MONEY_ABS_TOL = 0.5
MONEY_REL_TOL = 1e-9


# --- reading the labels ------------------------------------------------------------------------------------


def read_values_truth(path) -> pd.DataFrame:
    """A values truth CSV. "NA" and "N/A" are printed values here, not missing ones: only an empty field is empty."""
    return pd.read_csv(path, dtype={"value_text": str, "period": str, "value": str}, keep_default_na=False, na_values={"value": [""], "period": [""]})


def read_budget_truth(path) -> pd.DataFrame:
    """A budget truth CSV, whatever its column order (file,code,name,year,pagu,realisasi,page, or the samples'
    file,year,code,name,pagu,realisasi,pct,page); an empty code is "", an empty amount NaN."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = {"file", "name", "page"} - set(raw.columns)
    if missing:
        raise KinerjaError(f"{path}: budget truth lacks column(s) {', '.join(sorted(missing))}")
    out = pd.DataFrame({"file": raw["file"], "name": raw["name"], "page": pd.to_numeric(raw["page"]).astype(int)})
    out["code"] = raw["code"] if "code" in raw else ""
    out["year"] = pd.to_numeric(raw["year"], errors="coerce") if "year" in raw else float("nan")
    for col in ("pagu", "realisasi"):
        out[col] = pd.to_numeric(raw[col].str.strip(), errors="coerce") if col in raw else float("nan")
    return out


# --- matching -----------------------------------------------------------------------------------------------


def _norm(name) -> str:
    if name is None or (not isinstance(name, str) and pd.isna(name)):
        return ""
    return re.sub(r"\s+", " ", re.sub(r"[^0-9a-z]+", " ", str(name).lower())).strip()


def _first_word(text) -> str:
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    words = str(text).split()
    return words[0].lower() if words else ""


def _period(v) -> str:
    return "" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)


def _code(v) -> str:
    return "" if v is None or (not isinstance(v, str) and pd.isna(v)) else re.sub(r"\s+", "", str(v))


def _pages(s: pd.Series) -> pd.Series:
    return pd.to_numeric(s, errors="coerce").fillna(-1).astype(int)


def _assign(pairs: pd.DataFrame) -> pd.DataFrame:
    """Of the qualifying (label, row) pairs, one per label and one per row, best `ratio` first (ties: label,
    then row order); `_label` and `_row` are positions in the labels and the output."""
    taken_labels: set = set()
    taken_rows: set = set()
    keep = []
    ordered = pairs.sort_values(["ratio", "_label", "_row"], ascending=[False, True, True], kind="stable")
    for i, label, row in zip(ordered.index, ordered["_label"], ordered["_row"]):
        if label in taken_labels or row in taken_rows:
            continue
        taken_labels.add(label)
        taken_rows.add(row)
        keep.append(i)
    return ordered.loc[keep, ["_label", "_row", "ratio"]].sort_values("_label").reset_index(drop=True)


def _ratios(a: pd.Series, b: pd.Series) -> pd.Series:
    return pd.Series([fuzz.token_sort_ratio(x, y) for x, y in zip(a, b)], index=a.index, dtype=float)


def _labels(truth: pd.DataFrame) -> pd.DataFrame:
    t = truth.reset_index(drop=True).copy()
    t["_label"] = range(len(t))
    t["page"] = _pages(t["page"])
    return t


def _rows(out: pd.DataFrame, file_col: str = "source_file") -> pd.DataFrame:
    o = out.reset_index(drop=True).copy()
    o["_row"] = range(len(o))
    o["file"] = o[file_col].astype(str)
    o["page"] = _pages(o["page"])
    return o


def _value_frames(values: pd.DataFrame, truth: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    t = _labels(truth)
    t["year"] = pd.to_numeric(t["year"], errors="coerce").fillna(-1).astype(int)
    t["period"] = t["period"].map(_period)
    t["_name"] = t["indicator"].map(_norm)
    t["_value"] = pd.to_numeric(t["value"], errors="coerce")
    t["_word"] = t["value_text"].map(_first_word)
    v = _rows(values if len(values) else pd.DataFrame(columns=["source_file", "page", "year", "measure", "period", "indicator_name", "value", "value_text"]))
    v["year"] = pd.to_numeric(v["year"], errors="coerce").fillna(-1).astype(int)
    v["period"] = v["period"].map(_period).astype(str)
    v["measure"] = v["measure"].astype(str)
    v["_name"] = v["indicator_name"].map(_norm)
    v["_value"] = pd.to_numeric(v["value"], errors="coerce")
    v["_word"] = v["value_text"].map(_first_word)
    return t, v


def match_values(values: pd.DataFrame, truth: pd.DataFrame) -> pd.DataFrame:
    """The chosen (label, row) pairs: `_label` and `_row` are positions in `truth` and `values`, with the name
    ratio. Rule in the module docstring."""
    t, v = _value_frames(values, truth)
    return _match_values(t, v)


def _match_values(t: pd.DataFrame, v: pd.DataFrame) -> pd.DataFrame:
    keys = ["file", "page", "year", "measure", "period"]
    pairs = t[keys + ["_label", "_name", "_value", "_word"]].merge(v[keys + ["_row", "_name", "_value", "_word"]], on=keys, suffixes=("_t", "_o"))
    if pairs.empty:
        return pd.DataFrame(columns=["_label", "_row", "ratio"])
    lv, rv = pairs["_value_t"], pairs["_value_o"]
    number = lv.notna() & rv.notna() & ((lv - rv).abs() <= VALUE_REL_TOL * lv.abs().clip(lower=1.0))
    text = lv.isna() & (pairs["_word_t"] == pairs["_word_o"])
    pairs = pairs[number | text].copy()
    pairs["ratio"] = _ratios(pairs["_name_t"], pairs["_name_o"])
    return _assign(pairs[pairs["ratio"] >= NAME_THRESHOLD])


def _rates(df: pd.DataFrame, total: str, found: str = "found", rows: str = "rows", right: str = "right") -> pd.DataFrame:
    df = df.copy()
    df["recall"] = df[found] / df[total].where(df[total] > 0)
    df["precision"] = df[right] / df[rows].where(df[rows] > 0)
    return df


def _per_file(t: pd.DataFrame, o: pd.DataFrame, matched: pd.DataFrame, scope: pd.Series, total: str) -> pd.DataFrame:
    """Counts per labelled file: labels, labels found, output rows in scope (the labelled pages), and rows
    in scope that matched a label."""
    labelled_pages = set(zip(t["file"], t["page"]))
    on_page = pd.Series([fp in labelled_pages for fp in zip(o["file"], o["page"])], index=o.index, dtype=bool)
    in_scope = o[on_page & scope]
    used_rows = set(matched["_row"])
    found_labels = t[t["_label"].isin(set(matched["_label"]))]
    files = list(dict.fromkeys(t["file"]))
    df = pd.DataFrame({
        "file": files,
        total: t.groupby("file").size().reindex(files).to_numpy(),
        "found": found_labels.groupby("file").size().reindex(files, fill_value=0).to_numpy(),
        "rows": in_scope.groupby("file").size().reindex(files, fill_value=0).to_numpy(),
        "right": in_scope[in_scope["_row"].isin(used_rows)].groupby("file").size().reindex(files, fill_value=0).to_numpy(),
    })
    return _rates(df, total)


def score_values(values: pd.DataFrame, truth: pd.DataFrame) -> pd.DataFrame:
    """Per labelled file: labels, found, rows (output rows of the four measures on its labelled pages), right
    (those rows matched to a label), recall, precision."""
    t, v = _value_frames(values, truth)
    matched = _match_values(t, v)
    return _per_file(t, v, matched, v["measure"].isin(MEASURES), "labels")


def _budget_frames(budget: pd.DataFrame, truth: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    t = _labels(truth)
    t["_code"] = t["code"].map(_code) if "code" in t else ""
    t["_name"] = t["name"].map(_norm)
    for col in ("pagu", "realisasi"):
        t[col] = pd.to_numeric(t[col], errors="coerce") if col in t else float("nan")
    b = _rows(budget if len(budget) else pd.DataFrame(columns=["source_file", "page", "code", "name", "pagu", "realisasi"]))
    b["_code"] = b["code"].map(_code)
    b["_name"] = b["name"].map(_norm)
    for col in ("pagu", "realisasi"):
        b[col] = pd.to_numeric(b[col], errors="coerce")
    return t, b


def _same_money(label: pd.Series, row: pd.Series) -> pd.Series:
    """True where the label gives no amount, or both amounts agree."""
    diff = (label - row).abs()
    close = (diff <= MONEY_ABS_TOL) | (diff <= MONEY_REL_TOL * pd.concat([label.abs(), row.abs()], axis=1).max(axis=1))
    return label.isna() | (row.notna() & close)


def match_budget(budget: pd.DataFrame, truth: pd.DataFrame) -> pd.DataFrame:
    """The chosen (label, row) pairs of budget lines, as `match_values`. Rule in the module docstring."""
    t, b = _budget_frames(budget, truth)
    return _match_budget(t, b)


def _match_budget(t: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    pairs = t[["file", "page", "_label", "_code", "_name", "pagu", "realisasi"]].merge(
        b[["file", "page", "_row", "_code", "_name", "pagu", "realisasi"]], on=["file", "page"], suffixes=("_t", "_o"))
    if pairs.empty:
        return pd.DataFrame(columns=["_label", "_row", "ratio"])
    pairs["ratio"] = _ratios(pairs["_name_t"], pairs["_name_o"])
    has_code = pairs["_code_t"] != ""
    named = (has_code & (pairs["_code_t"] == pairs["_code_o"])) | (~has_code & (pairs["ratio"] >= NAME_THRESHOLD))
    amounts = _same_money(pairs["pagu_t"], pairs["pagu_o"]) & _same_money(pairs["realisasi_t"], pairs["realisasi_o"])
    return _assign(pairs[named & amounts])


def score_budget(budget: pd.DataFrame, truth: pd.DataFrame) -> pd.DataFrame:
    """Per labelled file: lines (labels), found, rows (output budget rows on its labelled pages), right,
    recall, precision."""
    t, b = _budget_frames(budget, truth)
    matched = _match_budget(t, b)
    return _per_file(t, b, matched, pd.Series(True, index=b.index), "lines")


COUNTS = ("labels", "lines", "found", "rows", "right")


def _counts(df: pd.DataFrame) -> list[str]:
    return [c for c in COUNTS if c in df.columns]


def with_total(df: pd.DataFrame, key: str = "file", label: str = "TOTAL") -> pd.DataFrame:
    """`df` with a last row summing its count columns, rates recomputed from the sums; any other column
    (one merged in later) is left empty there, for its owner to fill."""
    counts = _counts(df)
    total = {key: label, **{c: int(df[c].sum()) for c in counts}}
    out = pd.concat([df, pd.DataFrame([total])], ignore_index=True)
    return _rates(out, counts[0])


def score(values: pd.DataFrame, truth: pd.DataFrame) -> pd.DataFrame:
    """`score_values` with its TOTAL row (the form other tests read: `.set_index("file").loc["TOTAL"]`)."""
    return with_total(score_values(values, truth))


def by_doc_type(per_file: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The per-file counts summed by the doc_type of the curated documents table ("?" for a file not in it)."""
    kinds = dict(zip(documents["source_file"], documents["doc_type"])) if len(documents) else {}
    counts = _counts(per_file)
    df = per_file.assign(doc_type=per_file["file"].map(lambda f: kinds.get(f, "?")))
    grouped = df.groupby("doc_type", sort=True)[counts].sum().reset_index()
    return _rates(grouped, counts[0])


# --- one set ------------------------------------------------------------------------------------------------


@dataclass
class SetScore:
    """A set's score tables (per file; None where the set has no such labels) and notes."""

    name: str
    values: pd.DataFrame | None = None
    doc_types: pd.DataFrame | None = None
    budget: pd.DataFrame | None = None
    documents: pd.DataFrame | None = None
    notes: list[str] = field(default_factory=list)


def with_coverage(per_file: pd.DataFrame, page_coverage: pd.DataFrame, truth: pd.DataFrame) -> pd.DataFrame:
    """`per_file` with the coverage instrument beside recall, over the same labelled pages: value-like
    cells there, those read or knowingly skipped, and their share (no column where the run has none)."""
    if page_coverage is None or not len(page_coverage) or "value_cells" not in page_coverage:
        return per_file
    pages = truth[["file", "page"]].drop_duplicates().astype({"page": "int64"})
    cov = page_coverage.assign(page=page_coverage["page"].astype("int64"), covered=page_coverage["read"] + page_coverage["skipped"])
    cov = cov.rename(columns={"source_file": "file"}).merge(pages, on=["file", "page"])
    sums = cov.groupby("file")[["value_cells", "covered"]].sum()
    out = per_file.merge(sums, left_on="file", right_index=True, how="left")
    out[["value_cells", "covered"]] = out[["value_cells", "covered"]].fillna(0).astype("int64")
    out["coverage"] = out["covered"] / out["value_cells"].where(out["value_cells"] > 0)
    return out


def _with_total_coverage(df: pd.DataFrame) -> pd.DataFrame:
    out = with_total(df)
    if "value_cells" in out:
        cells, covered = int(df["value_cells"].sum()), int(df["covered"].sum())
        out.loc[out.index[-1], ["value_cells", "covered", "coverage"]] = [cells, covered, covered / cells if cells else float("nan")]
        out[["value_cells", "covered"]] = out[["value_cells", "covered"]].astype("int64")
    return out


def score_set(bench_set: BenchSet, curated: Curated) -> SetScore:
    score = SetScore(bench_set.name)
    labelled: set[str] = set()
    if bench_set.values is not None:
        truth = read_values_truth(bench_set.values)
        score.values = with_coverage(score_values(curated.values, truth), curated.page_coverage, truth)
        score.doc_types = by_doc_type(score.values.drop(columns=["value_cells", "covered", "coverage"], errors="ignore"), curated.documents)
        labelled |= set(truth["file"])
    if bench_set.budget is not None:
        truth = read_budget_truth(bench_set.budget)
        score.budget = score_budget(curated.budget, truth)
        labelled |= set(truth["file"])
    if bench_set.docs is not None:
        score.documents = score_documents(curated.documents, read_docs(bench_set.docs))
    docs = curated.documents
    if len(docs):
        for row in docs[docs["source_file"].isin(labelled) & (docs["status"] != "ok")].itertuples():
            score.notes.append(f"note: {row.source_file} is {row.status} ({row.error})")
    missing = sorted(labelled - set(docs["source_file"] if len(docs) else []))
    score.notes += [f"note: {name} is labelled but not in the output" for name in missing]
    return score


# --- printing -----------------------------------------------------------------------------------------------


def _cell(v) -> str:
    if isinstance(v, float):
        return "n/a" if pd.isna(v) else f"{v:.3f}"
    return str(v)


def table_lines(df: pd.DataFrame) -> list[str]:
    """A frame as fixed-width lines: the first column left-aligned, the others right-aligned."""
    cols = list(df.columns)
    cells = [[_cell(v) for v in row] for row in df.itertuples(index=False)]
    widths = [max([len(str(c))] + [len(r[i]) for r in cells]) for i, c in enumerate(cols)]
    fmt = lambda row: " ".join(f"{v:<{widths[0]}}" if i == 0 else f"{v:>{max(widths[i], 6)}}" for i, v in enumerate(row))  # noqa: E731
    return [fmt(cols)] + [fmt(r) for r in cells]


def _rate(v) -> str:
    return "n/a" if v is None or pd.isna(v) else f"{v:.3f}"


def set_lines(score: SetScore, bench_set: BenchSet | None = None, source: str | None = None) -> list[str]:
    """A set's tables: values by file and by doc_type, budget lines by file, metadata; then its notes.
    `source` says where the tables came from (default: the set's raw folder)."""
    lines = [f"== set {score.name}"]
    if bench_set is not None:
        given = ", ".join(f"{k} {Path(p).name}" for k, p in (("values", bench_set.values), ("budget", bench_set.budget), ("docs", bench_set.docs)) if p is not None)
        lines[0] += f": {source or f'raw {bench_set.raw}'}; {given}"
    if score.values is not None:
        lines += ["values by file (rows: output rows on the labelled pages; right: rows matched to a label; coverage: of the"
                  " value-like cells on those pages, read or knowingly skipped, measured without the labels)"]
        lines += table_lines(_with_total_coverage(score.values))
        lines += ["values by doc_type"] + table_lines(with_total(score.doc_types, key="doc_type"))
    if score.budget is not None:
        lines += ["budget lines by file"] + table_lines(with_total(score.budget))
    if score.documents is not None:
        lines += ["metadata (curated documents table)"] + metadata_lines(score.documents)
    return lines + score.notes


def set_totals(score: SetScore) -> dict:
    """The figures of the summary line: recall, precision, labels; budget recall/precision; metadata k/n."""
    out: dict = {}
    if score.values is not None:
        total = _with_total_coverage(score.values).iloc[-1]
        out.update(recall=total["recall"], precision=total["precision"], labels=int(total["labels"]), coverage=total.get("coverage"))
    if score.budget is not None:
        total = with_total(score.budget).iloc[-1]
        out.update(budget_recall=total["recall"], budget_precision=total["precision"], budget_lines=int(total["lines"]))
    if score.documents is not None:
        totals = metadata_totals(score.documents)
        out.update(metadata_right=sum(r for r, _ in totals.values()), metadata_total=sum(n for _, n in totals.values()))
    return out


def summary_line(score: SetScore) -> str:
    """`set NAME: recall R precision P (N labels) budget r/p metadata k/n` (metadata: fields right over
    fields compared, four per document); a part the set has no labels for is left out."""
    t = set_totals(score)
    parts = [f"set {score.name}:"]
    if "recall" in t:
        parts.append(f"recall {_rate(t['recall'])} precision {_rate(t['precision'])} ({t['labels']} labels)")
        if t.get("coverage") is not None:
            parts.append(f"coverage {_rate(t['coverage'])}")
    if "budget_recall" in t:
        r, p = t["budget_recall"], t["budget_precision"]
        parts.append(f"budget {'n/a' if pd.isna(r) else f'{r:.2f}'}/{'n/a' if pd.isna(p) else f'{p:.2f}'}")
    if "metadata_right" in t:
        parts.append(f"metadata {t['metadata_right']}/{t['metadata_total']}")
    return " ".join(parts)


# --- the command --------------------------------------------------------------------------------------------


def set_name(truth: Path) -> str:
    """An ad-hoc set's name from its truth file: sample_truth.csv -> sample, real_truth_dev.csv -> real."""
    stem = Path(truth).stem
    return re.sub(r"_truth.*$", "", stem) or stem


def adhoc_set(raw: Path | None, truth: Path | None, budget: Path | None, docs: Path | None) -> BenchSet:
    given = [p for p in (truth, budget, docs) if p is not None]
    if not given:
        raise KinerjaError("give --corpus DIR, or --truth CSV (with --budget-truth / --docs as wanted)")
    for p in given:
        if not Path(p).is_file():
            raise KinerjaError(f"truth file not found: {p}")
    return BenchSet(set_name(given[0]), raw, truth, budget, docs)


def accuracy_report(sets: list[BenchSet], settings: Settings, curated: Path | None = None, notes: list[str] | None = None) -> list[str]:
    """Extract each raw folder once (or read `curated`, for one set), score every set, print its tables and
    end with one summary line per set."""
    lines = list(notes or [])
    if not sets:
        return lines + ["no set to score"]
    if curated is not None:
        if len(sets) != 1:
            raise KinerjaError("--curated scores one set: give it with --truth, not --corpus")
        tables = {sets[0].name: read_curated(curated)}
    else:
        for s in sets:
            if s.raw is None or not Path(s.raw).is_dir():
                raise KinerjaError(f"raw folder not found: {s.raw}")
        tables, extract_notes = extract_runs(sets, settings)
        lines += extract_notes
    scores = [score_set(s, tables[s.name]) for s in sets]
    source = None if curated is None else f"curated {curated}"
    for s, score in zip(sets, scores):
        lines += set_lines(score, s, source) + [""]
    return lines + [summary_line(score) for score in scores]
