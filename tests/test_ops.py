"""Nightly operations: incremental by content, versioned publish surviving SIGKILL, run lock, retries, history."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import pipeline.plan as plan_module
import pipeline.run as run_module
from pipeline.cli import app
from pipeline.errors import RunError
from pipeline.extract import extract_document
from pipeline.results import DocumentResult, failed_result
from pipeline.isolation import extract_with_retries
from pipeline.progress import RunProgress
from pipeline.run import run_pipeline
from pipeline.settings import Settings
from pipeline.store import current_version, run_lock
from schemas.tables import CURATED

ROOT = Path(__file__).resolve().parents[1]
VOLATILE = {"extracted_at", "first_seen"}  # when a run read a file / first listed an indicator


def snapshot(curated: Path) -> dict[str, pd.DataFrame]:
    """Every curated table of the current version, without run-dependent columns, in a stable row order."""
    version = current_version(curated)
    out = {}
    for name in CURATED:
        if name == "runs":
            continue
        df = pd.read_parquet(version / f"{name}.parquet").drop(columns=list(VOLATILE), errors="ignore")
        df = df.astype({c: "str" for c in df.columns if df[c].dtype == object})  # lists (bbox) compare as text
        out[name] = df.sort_values(list(df.columns)).reset_index(drop=True)
    return out


def _same(a: dict, b: dict) -> bool:
    try:
        assert_same(a, b)
        return True
    except AssertionError:
        return False


def assert_same(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], check_dtype=True, obj=name)


@pytest.fixture
def raw(sample_dir, tmp_path) -> Path:
    """Three small reports: the two IKI samples and a copy of one under another name."""
    out = tmp_path / "raw"
    out.mkdir()
    iki = sorted(sample_dir.glob("*iki*.pdf"))
    for p in iki:
        shutil.copy(p, out / p.name)
    shutil.copy(iki[0], out / f"copy_of_{iki[0].name}")
    return out


def settings_for(raw: Path, root: Path, **kw) -> Settings:
    return Settings(raw_dir=raw, curated_dir=root / "curated", reports_dir=root / "reports", workers=2, **kw)


def runs(curated: Path) -> pd.DataFrame:
    return pd.read_parquet(current_version(curated) / "runs.parquet")


def test_unchanged_documents_are_not_reextracted_and_changes_replace_rows(raw, tmp_path, monkeypatch):
    settings = settings_for(raw, tmp_path)
    first = run_pipeline(settings)
    reference = snapshot(settings.curated_dir)

    def no_extraction(*a, **k):
        raise AssertionError("an unchanged document was extracted again")

    monkeypatch.setattr("pipeline.isolation.extract_with_retries", no_extraction)
    again = run_pipeline(settings)
    assert (again.new, again.changed, again.unchanged, again.removed) == (0, 0, first.documents, 0)
    assert_same(snapshot(settings.curated_dir), reference)
    monkeypatch.undo()

    # every value points into the indicator catalogue; the reviewer's queue is written
    values = pd.read_parquet(settings.curated_dir / "indicator_values.parquet")
    catalogue = pd.read_parquet(settings.curated_dir / "indicators.parquet")
    assert set(values["indicator_id"]) <= set(catalogue["indicator_id"])
    assert (settings.reports_dir / "review_queue.html").exists()

    # a changed file replaces its rows; a removed file's rows leave (the previous version keeps them)
    names = sorted(p.name for p in raw.glob("*.pdf"))
    removed, kept, changed = names  # copy_of_a, a, b
    shutil.copy(raw / kept, raw / changed)
    before = current_version(settings.curated_dir)
    (raw / removed).unlink()
    third = run_pipeline(settings)
    assert (third.new, third.changed, third.unchanged, third.removed) == (0, 1, 1, 1)
    values = pd.read_parquet(settings.curated_dir / "indicator_values.parquet")
    assert set(values["source_file"]) <= {kept, changed}
    per_file = values.groupby("source_file").size()
    assert per_file.get(changed) == per_file.get(kept)  # the changed file now holds the other's content
    assert removed in set(pd.read_parquet(before / "documents.parquet")["source_file"])
    history = runs(settings.curated_dir)
    assert list(history["documents_removed"]) == [0, 0, 1]
    assert list(history["documents_new"]) == [first.documents, 0, 0]


def test_a_new_reviewer_decision_republishes_without_reextracting(raw, tmp_path):
    decisions = tmp_path / "decisions.csv"
    decisions.write_text("name_a,name_b,decision,reviewer,decided_at,note\n")  # no decisions yet (a path given must exist)
    settings = settings_for(raw, tmp_path, decisions_file=decisions)
    run_pipeline(settings)
    assert run_module.plan_run(settings).nothing_changed
    names = pd.read_parquet(settings.curated_dir / "indicators.parquet")["canonical_name"].tolist()
    pd.DataFrame([{"name_a": names[0], "name_b": names[1], "decision": "same", "reviewer": "tester", "decided_at": "2026-11-23", "note": ""}]).to_csv(decisions, index=False)
    plan = run_module.plan_run(settings)
    assert not plan.nothing_changed and not plan.to_extract
    run_pipeline(settings)
    catalogue = pd.read_parquet(settings.curated_dir / "indicators.parquet")
    merged = catalogue[catalogue["aliases"].map(lambda a: names[0] in list(a))]
    assert names[1] in list(merged["aliases"].iloc[0])


def test_a_new_code_version_reextracts_everything(raw, tmp_path, monkeypatch):
    settings = settings_for(raw, tmp_path)
    run_pipeline(settings)
    monkeypatch.setattr(plan_module, "code_version", lambda: "another-version")
    calls = []
    real = run_module.extract_planned

    def counting(plan, *a, **k):
        calls.append(len(plan.to_extract))
        return real(plan, *a, **k)

    monkeypatch.setattr(run_module, "extract_planned", counting)
    run_pipeline(settings)
    assert calls == [len(list(raw.glob("*.pdf")))]


def _cli(raw: Path, root: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "pipeline.cli", "run", "--no-prefect", "--raw", str(raw), "--curated", str(root / "curated"),
            "--reports", str(root / "reports"), "--workers", "1", *extra]


def _kill_when(cmd: list[str], ready) -> int:
    """Start the CLI in its own process group and SIGKILL the whole group the moment `ready()` holds."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if ready():
            os.killpg(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.002)
    return proc.wait(30)


def test_sigkill_at_any_point_leaves_the_previous_version_and_the_next_run_completes_it(raw, tmp_path):
    # an earlier night saw only some of the documents
    names = sorted(p.name for p in raw.glob("*.pdf"))
    early = tmp_path / "early"
    early.mkdir()
    shutil.copy(raw / names[0], early / names[0])
    root = tmp_path / "work"
    run_pipeline(settings_for(early, root))
    curated = root / "curated"
    published = snapshot(curated)

    # the reference: tonight's run over all documents from that state, uninterrupted
    shutil.copytree(root, tmp_path / "reference", symlinks=True)
    run_pipeline(settings_for(raw, tmp_path / "reference"))
    reference = snapshot(tmp_path / "reference" / "curated")

    cache = curated / ".cache"
    versions = curated / "versions"
    kill_points = {
        "mid-extraction": lambda: len(list(cache.glob("*.json"))) >= 2,
        "while writing the new version": lambda: any(versions.glob(".tmp-*/*.parquet")),
        "as the new version is sealed": lambda: len([v for v in versions.iterdir() if not v.name.startswith(".")]) >= 2,
    }
    for point, ready in kill_points.items():
        code = _kill_when(_cli(raw, root), ready)
        if code == 0:
            continue  # finished before the point was reached: nothing to check for this point
        assert code == -signal.SIGKILL, point
        now = snapshot(curated)  # readable, and a complete version: the old one or (once sealed) the new one
        assert _same(now, published) or _same(now, reference), point
    done = subprocess.run(_cli(raw, root), cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert_same(snapshot(curated), reference)
    assert not list(versions.glob(".tmp-*"))


def test_a_second_run_on_the_same_folder_stops_with_a_message_or_waits(raw, tmp_path):
    settings = settings_for(raw, tmp_path)
    with run_lock(settings.curated_dir):
        with pytest.raises(RunError, match="another run is writing"):
            run_pipeline(settings)
        res = CliRunner().invoke(app, ["run", "--no-prefect", "--raw", str(raw), "--curated", str(settings.curated_dir)])
        assert res.exit_code == 2 and "another run is writing" in res.output
    release = threading.Event()

    def hold():
        with run_lock(settings.curated_dir):
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    time.sleep(0.2)
    threading.Timer(1.0, release.set).start()
    started = time.monotonic()
    with run_lock(settings.curated_dir, wait=True, poll_s=0.1):
        waited = time.monotonic() - started
    holder.join()
    assert waited >= 0.7


def _flaky_reader(path: Path, settings: Settings) -> DocumentResult:
    """Fails transiently until a marker file has been seen twice, like an upload that finishes late."""
    marker = path.with_suffix(".attempts")
    attempts = int(marker.read_text()) + 1 if marker.exists() else 1
    marker.write_text(str(attempts))
    if attempts < 3:
        return failed_result(path, "could not read the file: [Errno 5] Input/output error", transient=True)
    result = failed_result(path, "")
    result.document.update(status="ok", error=None)
    return result


def _broken_reader(path: Path, settings: Settings) -> DocumentResult:
    marker = path.with_suffix(".attempts")
    marker.write_text(str(int(marker.read_text()) + 1 if marker.exists() else 1))
    return failed_result(path, "broken PDF: unexpected token")


def test_transient_errors_are_retried_and_deterministic_ones_are_not(raw, tmp_path):
    settings = Settings(workers=1, retries=2, retry_delay_s=0.05)
    pdf = sorted(raw.glob("*.pdf"))[0]
    result = extract_with_retries(pdf, settings, _flaky_reader)
    assert result.status == "ok" and pdf.with_suffix(".attempts").read_text() == "3"

    other = sorted(raw.glob("*.pdf"))[1]
    result = extract_with_retries(other, settings, _broken_reader)
    assert result.status == "failed" and other.with_suffix(".attempts").read_text() == "1"


def test_a_file_still_being_uploaded_is_transient(bad_inputs, tmp_path):
    young = tmp_path / "uploading.pdf"
    shutil.copy(bad_inputs["truncated"], young)  # copy: a fresh modification time
    assert extract_document(young, Settings(settle_s=60)).transient
    old = tmp_path / "old.pdf"
    shutil.copy(bad_inputs["truncated"], old)
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    result = extract_document(old, Settings(settle_s=60))
    assert result.status == "failed" and not result.transient and "truncated" in result.document["error"]


class _Pipe:
    def __init__(self):
        self.lines = []

    def write(self, s):
        self.lines.append(s)

    def flush(self):
        pass

    def isatty(self):
        return False


def test_progress_is_plain_lines_when_not_a_terminal():
    out = _Pipe()
    with RunProgress(2, out) as progress:
        progress.advance(failed_result(Path("a.pdf"), "empty file (0 bytes)", sha="0" * 64))
    text = "".join(out.lines)
    assert "[1/2] a.pdf: failed" in text


def _fake_pdfs(raw: Path, sizes: list[int]) -> None:
    raw.mkdir()
    for k, size in enumerate(sizes):
        (raw / f"{'abcdefgh'[k]}.pdf").write_bytes(b"%PDF-1.4\n" + b"x" * size)


@pytest.mark.parametrize("n_docs, workers, importing", [
    (6, 2, [False, False, True, True, True, True]),  # once half the documents have landed
    (3, 2, [False, True, True]),  # the last document alone in flight: a worker idles
    (2, 4, [True, True]),  # more workers than documents: idle from the start
])
def test_publishing_is_imported_beside_the_last_documents(tmp_path, monkeypatch, n_docs, workers, importing):
    """The imports publishing needs start once half the documents have landed or a worker idles, and
    finish before publishing."""
    release = threading.Event()
    imported = []
    monkeypatch.setattr(run_module, "_import_publishing", lambda: (release.wait(10), imported.append(True)))
    _fake_pdfs(tmp_path / "raw", [100 * (n_docs - k) for k in range(n_docs)])
    settings = Settings(raw_dir=tmp_path / "raw", curated_dir=tmp_path / "curated", reports_dir=tmp_path / "reports", workers=workers)
    plan = run_module.plan_run(settings)
    importing_after_each_landing = []

    def extract_many(paths, landed):
        results = []
        for p in paths:
            results.append(failed_result(p, "not read in this test"))
            landed(results[-1])
            importing_after_each_landing.append(any(t.name == "import-publishing" for t in threading.enumerate()))
        release.set()
        return results

    run_module.extract_planned(plan, settings, extract_many)
    assert importing_after_each_landing == importing
    assert imported == [True]  # done before extract_planned returns


def test_larger_files_are_extracted_first_and_results_keep_file_order(tmp_path, monkeypatch):
    """A long report started last would keep one worker busy while the others idle."""
    monkeypatch.setattr(run_module, "_import_publishing", lambda: None)
    _fake_pdfs(tmp_path / "raw", [10, 3000, 200])
    settings = settings_for(tmp_path / "raw", tmp_path)
    plan = run_module.plan_run(settings)
    started = []

    def extract_many(paths, landed):
        started.extend(p.name for p in paths)
        return [failed_result(p, "not read in this test") for p in paths]

    results = run_module.extract_planned(plan, settings, extract_many)
    assert started == ["b.pdf", "c.pdf", "a.pdf"]
    assert [r.document["source_file"] for r in results] == ["a.pdf", "b.pdf", "c.pdf"]


def test_bench_perf_reports_medians_of_alternating_rounds(raw, tmp_path):
    from pipeline.devtools.bench.perf import perf_report

    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(sorted(raw.glob("*.pdf"))[0], one)
    lines = perf_report(one, workers=1, rounds=2)
    text = "\n".join(lines)
    assert "median of 2" in text and "rounds: " in text
    ratio = next(ln for ln in lines if ln.startswith("ratio:"))
    assert float(ratio.split()[1]) > 0
    rerun = next(ln for ln in lines if ln.startswith("no-change rerun:"))
    assert 0 < float(rerun.split()[2]) < 60  # the rerun ran as a new process (a failed one raises)


def test_publishing_imports_neither_dask_nor_the_extractors():
    """The run's parent imports what publishing needs, not dask (there for prefect-dask) nor pdfplumber and
    camelot (the workers' business); pandera still validates, and dask still imports afterwards."""
    code = (
        "import sys, pipeline.run as r; r._import_publishing()\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'dask', 'extractors', 'pdfplumber', 'camelot', 'pypdfium2'}))\n"
        "import pandas as pd, pandera.errors\n"
        "from schemas.tables import Runs\n"
        "try:\n    Runs.validate(pd.DataFrame({'run_id': ['x']}))\nexcept pandera.errors.SchemaError:\n    print('invalid')\n"
        "import dask.dataframe\nprint('dask', dask.dataframe.DataFrame.__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True).stdout
    assert out.split("\n")[:3] == ["[]", "invalid", "dask DataFrame"]
