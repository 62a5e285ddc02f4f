"""Hard edges of a night (issue 18): empty nights, hostile text on the console, links and folders in raw,
self-referencing PDFs, one lock from planning to publish, an unusable decisions file. Real processes
where it matters: `kinerja run` is started as a new process, as cron would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from schemas.tables import CURATED

ROOT = Path(__file__).resolve().parents[1]


def kinerja(*args: str, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """`kinerja ...` as a new process (what cron starts)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def run_args(raw: Path, root: Path, *extra: str) -> list[str]:
    return ["run", "--raw", str(raw), "--curated", str(root / "curated"), "--reports", str(root / "reports"), "--workers", "1", *extra]


def prefect_env(root: Path) -> dict:
    return {"PREFECT_HOME": str(root / "prefect"), "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "300"}


# -- 1. empty nights -----------------------------------------------------------------------------


def _night_of(kind: str, bad_inputs: dict, raw: Path) -> None:
    raw.mkdir()
    if kind != "nothing":
        shutil.copy(bad_inputs[kind], raw / bad_inputs[kind].name)


@pytest.mark.parametrize(
    "kind, prefect",
    [("nothing", False), ("empty", False), ("truncated", False), ("scan", False), ("nothing", True), ("empty", True)],
)
def test_a_night_without_values_publishes_empty_tables_the_report_and_the_summary(kind, prefect, bad_inputs, tmp_path):
    raw = tmp_path / "raw"
    _night_of(kind, bad_inputs, raw)
    done = kinerja(*run_args(raw, tmp_path, *([] if prefect else ["--no-prefect"])), env=prefect_env(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "SchemaError" not in done.stdout + done.stderr
    documents = 0 if kind == "nothing" else 1
    assert f"documents: {documents} (" in done.stdout and "values written: 0 indicator values" in done.stdout
    curated = tmp_path / "curated"
    for name, model in CURATED.items():  # every table there, typed as its model says even with no rows
        df = pd.read_parquet(curated / f"{name}.parquet")
        model.validate(df)
        assert len(df) == (1 if name == "runs" else documents if name == "documents" else 0), name
        for column, spec in model.to_schema().columns.items():
            assert str(df[column].dtype) == "str" if str(spec.dtype).startswith("string") else str(df[column].dtype) == str(spec.dtype), (name, column)
    assert (tmp_path / "reports" / "validation.html").is_file() and (tmp_path / "reports" / "review_queue.csv").is_file()
    again = kinerja(*run_args(raw, tmp_path, "--no-prefect"))  # the next empty night: nothing changed, recorded
    assert again.returncode == 0 and "0 new, 0 changed" in again.stdout, again.stderr
    assert len(pd.read_parquet(curated / "runs.parquet")) == 2
