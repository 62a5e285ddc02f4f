"""The labelled development sets of ../shared/corpus (see its README), and one extraction per raw folder.

A set is a raw folder with any of: value labels, budget-line labels, document metadata. `corpus_sets` finds
the sets whose files are present; `extract_runs` runs the pipeline once per raw folder, over only the files
some set names (linked, not copied), and hands back the curated tables each set is scored on.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import pandas as pd

from pipeline.errors import KinerjaError
from pipeline.settings import Settings


@dataclass(frozen=True)
class BenchSet:
    """One development set. Any of values / budget / docs may be None (not labelled)."""

    name: str
    raw: Path | None
    values: Path | None = None
    budget: Path | None = None
    docs: Path | None = None

    def truth_files(self) -> list[Path]:
        return [p for p in (self.values, self.budget, self.docs) if p is not None]


# name, raw folder, values, budget lines, docs: the layout of ../shared/corpus
CORPUS_SETS = (
    ("real", "real", "real_truth_dev.csv", None, "real_docs_dev.csv"),
    ("regions", "regions", "regions_truth.csv", "regions_truth_budget.csv", "regions_docs.csv"),
    ("scans", "real", "scans_truth.csv", None, None),
)


def corpus_sets(corpus: Path) -> tuple[list[BenchSet], list[str]]:
    """The sets present under `corpus`, and a note for each one skipped (its raw folder or every truth file
    missing). A set with some of its truth files missing is kept with those left out, and noted."""
    corpus = Path(corpus)
    if not corpus.is_dir():
        raise KinerjaError(f"corpus folder not found: {corpus}")
    sets, notes = [], []
    for name, raw, *truths in CORPUS_SETS:
        paths = [corpus / t if t else None for t in truths]
        present = [p if p is not None and p.is_file() else None for p in paths]
        absent = [p.name for p, q in zip(paths, present) if p is not None and q is None]
        if not (corpus / raw).is_dir():
            notes.append(f"note: set {name} skipped: no raw folder {corpus / raw}")
        elif not any(present):
            notes.append(f"note: set {name} skipped: none of {', '.join(absent)} in {corpus}")
        else:
            if absent:
                notes.append(f"note: set {name}: {', '.join(absent)} not found, scored without")
            sets.append(BenchSet(name, corpus / raw, *present))
    return sets, notes


@dataclass
class Curated:
    """The curated tables a set is scored on."""

    values: pd.DataFrame
    budget: pd.DataFrame
    documents: pd.DataFrame
    page_coverage: pd.DataFrame = field(default_factory=pd.DataFrame)  # the instrument, set beside the labels


def read_curated(curated: Path) -> Curated:
    curated = Path(curated)
    if not (curated / "indicator_values.parquet").exists():
        raise KinerjaError(f"no curated tables in {curated} (indicator_values.parquet missing)")

    def table(name: str) -> pd.DataFrame:
        path = curated / f"{name}.parquet"
        return pd.read_parquet(path) if path.exists() else pd.DataFrame()

    return Curated(table("indicator_values"), table("budget_lines"), table("documents"), table("page_coverage"))


def named_files(bench_set: BenchSet) -> set[str]:
    """Every file a set's truth CSVs name."""
    files: set[str] = set()
    for path in bench_set.truth_files():
        files |= set(pd.read_csv(path, usecols=["file"], dtype=str, keep_default_na=False)["file"])
    return files


@contextmanager
def _linked(raw: Path, files: set[str]) -> Iterator[tuple[Path, list[str]]]:
    """A temporary raw folder holding the named files (hard links, else copies: a run follows no symbolic
    link out of its raw folder); the names not found under raw."""
    from pipeline.plan import discover_documents

    with tempfile.TemporaryDirectory(prefix="kinerja-bench-") as tmp:
        linked = Path(tmp) / "raw"
        linked.mkdir()
        found = set()
        for p in discover_documents(raw):
            if p.name in files and p.name not in found:
                try:
                    os.link(p.resolve(), linked / p.name)
                except OSError:  # another file system, or links refused
                    shutil.copyfile(p, linked / p.name)
                found.add(p.name)
        yield Path(tmp), sorted(files - found)


def extract_runs(sets: list[BenchSet], settings: Settings) -> tuple[dict[str, Curated], list[str]]:
    """Run the pipeline once per raw folder over the files its sets name; {set name: its curated tables}
    (sets sharing a raw folder share one run), and a note per named file that is not in its raw folder."""
    from pipeline.run import run_pipeline

    by_raw: dict[Path, list[BenchSet]] = {}
    for s in sets:
        by_raw.setdefault(Path(s.raw).resolve(), []).append(s)
    out: dict[str, Curated] = {}
    notes: list[str] = []
    for raw, group in by_raw.items():
        files = set().union(*(named_files(s) for s in group))
        with _linked(raw, files) as (tmp, missing):
            notes += [f"note: {name} is labelled but not in {raw}" for name in missing]
            run = Settings.resolve(settings, raw_dir=tmp / "raw", curated_dir=tmp / "curated", reports_dir=tmp / "reports")
            run_pipeline(run)
            curated = read_curated(run.curated_dir)
        for s in group:
            out[s.name] = curated
    return out, notes
