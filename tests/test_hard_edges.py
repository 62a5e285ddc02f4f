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
SCRIPT = Path(sys.executable).with_name("kinerja")  # the installed entry point, as cron calls it
KINERJA = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-c", "from pipeline.cli import main; main()"]


def kinerja(*args: str, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """`kinerja ...` as a new process (what cron starts)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([*KINERJA, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


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
    [("nothing", False), ("empty", False), ("truncated", False), ("nothing", True), ("empty", True)],  # a scan gives values now (OCR)
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


# -- 2. hostile text on the console --------------------------------------------------------------

HOSTILE = ["[/'A']", "[link=http://x]y[/link]", "\x1b[31mred", "[bold]b[/bold] :smile:"]


def _curated_with_errors(folder: Path, errors: list[str]) -> None:
    from pipeline.publish import frame
    from schemas.tables import Documents

    folder.mkdir(parents=True)
    rows = [{"source_file": f"d{i}.pdf", "sha256": "0" * 64, "doc_type": "OTHER", "status": "failed", "error": e,
             "extracted_at": pd.Timestamp("2026-01-01", tz="UTC")} for i, e in enumerate(errors)]
    frame(rows, Documents).to_parquet(folder / "documents.parquet")


@pytest.mark.parametrize("terminal", [False, True])
def test_query_prints_pdf_text_literally_never_as_markup_or_control_codes(terminal, tmp_path):
    _curated_with_errors(tmp_path / "curated", HOSTILE)
    env = {"FORCE_COLOR": "1", "COLUMNS": "200"} if terminal else {"TERM": "dumb"}
    done = kinerja("query", "select error from documents order by source_file", "--curated", str(tmp_path / "curated"), env=env)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for text in ("[/'A']", "[link=http://x]y[/link]", "\\x1b[31mred", "[bold]b[/bold] :smile:"):
        assert text in out, (text, out)
    assert "\x1b[31m" not in out and "\x1b]8;" not in out  # no colour from the data, no hyperlink
    if not terminal:
        assert "\x1b" not in out


def test_paths_and_file_names_in_run_output_are_printed_literally(tmp_path):
    missing = kinerja("run", "--no-prefect", "--raw", "[/x]", "--curated", str(tmp_path / "c"), "--reports", str(tmp_path / "r"))
    assert missing.returncode == 2 and missing.stderr.strip() == "kinerja run: raw folder not found: [/x]", missing.stderr
    raw = tmp_path / "raw[red]"
    raw.mkdir()
    (raw / "evil\x1b[31m\x07[link=x]y[red].pdf").write_bytes(b"")
    root = tmp_path / "[bold]root"
    done = kinerja(*run_args(raw, root, "--no-prefect"))
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout + done.stderr and "\x07" not in done.stderr
    assert "evil\\x1b[31m\\x07[link=x]y[red].pdf: failed" in done.stderr  # the progress line
    assert f"curated tables: {root / 'curated'}/" in done.stdout
    listed = kinerja("query", "select source_file from documents", "--curated", str(root / "curated"))
    assert "evil\\x1b[31m\\x07[link=x]y[red].pdf" in listed.stdout and "\x1b" not in listed.stdout


def test_printable_keeps_text_and_shows_controls():
    from pipeline.console import printable

    assert printable("Capaian 98,5 %\tTW III\nbaris") == "Capaian 98,5 %\tTW III\nbaris"
    assert printable("a\x1b[2Jb\rc\x00\x7f\x9b\u202edcba") == "a\\x1b[2Jb\\x0dc\\x00\\x7f\\x9b\\u202edcba"
    assert printable("Rp.15.061.828.880 — é ü 中文") == "Rp.15.061.828.880 — é ü 中文"


# -- 3. links and folders in raw -----------------------------------------------------------------


def _documents(curated: Path) -> pd.DataFrame:
    return pd.read_parquet(curated / "documents.parquet").set_index("source_file")


def test_links_are_followed_only_inside_raw_and_subfolders_are_part_of_the_name(sample_dir, tmp_path):
    iki = sorted(sample_dir.glob("*iki*.pdf"))
    raw, outside = tmp_path / "raw", tmp_path / "outside"
    (raw / "2024").mkdir(parents=True)
    (raw / "2025").mkdir()
    outside.mkdir()
    shutil.copy(iki[0], raw / "2024" / "dinsos.pdf")
    shutil.copy(iki[1], raw / "2025" / "dinsos.pdf")  # one name in two folders: two documents
    shutil.copy(iki[0], raw / "top.pdf")
    secret = outside / "system.pdf"
    secret.write_bytes(b"%PDF-1.4\nSECRET-BYTES-OF-A-SYSTEM-FILE\n%%EOF\n")
    os.mkfifo(outside / "pipe.pdf")  # reading it would hang the run: it must not even be opened
    (raw / "inside.pdf").symlink_to("top.pdf")
    (raw / "2025" / "out.pdf").symlink_to(secret)
    (raw / "hang.pdf").symlink_to(outside / "pipe.pdf")
    (raw / "broken.pdf").symlink_to(tmp_path / "gone.pdf")
    (raw / "loop_a.pdf").symlink_to("loop_b.pdf")
    (raw / "loop_b.pdf").symlink_to("loop_a.pdf")
    (raw / "elsewhere").symlink_to(outside, target_is_directory=True)
    (raw / "again").symlink_to("2024", target_is_directory=True)  # inside: its file is read at its own path

    done = kinerja(*run_args(raw, tmp_path, "--no-prefect"), timeout=120)
    assert done.returncode == 0, done.stderr
    docs = _documents(tmp_path / "curated")
    assert sorted(docs.index) == ["2024/dinsos.pdf", "2025/dinsos.pdf", "2025/out.pdf", "broken.pdf", "elsewhere", "hang.pdf",
                                  "inside.pdf", "loop_a.pdf", "loop_b.pdf", "top.pdf"]
    assert set(docs.index[docs["status"] == "ok"]) == {"2024/dinsos.pdf", "2025/dinsos.pdf", "inside.pdf", "top.pdf"}
    assert docs.loc["2025/out.pdf", "error"].startswith("refused: a link to a file outside the raw folder")
    assert docs.loc["hang.pdf", "error"].startswith("refused: a link to a file outside the raw folder")
    assert docs.loc["elsewhere", "error"].startswith("refused: a link to a folder outside the raw folder")
    for name in ("broken.pdf", "loop_a.pdf", "loop_b.pdf"):
        assert docs.loc[name, "status"] == "failed" and docs.loc[name, "error"].startswith("broken link"), name
    refused = docs[docs["status"] == "failed"]
    assert refused["pages"].isna().all()
    from pipeline.results import file_sha256

    assert file_sha256(secret) not in set(docs["sha256"])  # its bytes were never read
    for f in [*(tmp_path / "curated").rglob("*.parquet"), *(p for p in (tmp_path / "reports").rglob("*") if p.is_file())]:  # pages and images too
        assert b"SECRET-BYTES" not in f.read_bytes(), f

    values = pd.read_parquet(tmp_path / "curated" / "indicator_values.parquet")
    by_file = values.groupby("source_file").size()
    assert by_file["2024/dinsos.pdf"] == by_file["inside.pdf"] == by_file["top.pdf"] > 0
    assert ">2025/dinsos.pdf<" in (tmp_path / "reports" / "validation.html").read_text()  # the report lists it by its path

    again = kinerja(*run_args(raw, tmp_path, "--no-prefect"))
    assert again.returncode == 0 and "0 new, 0 changed, 10 unchanged, 0 removed" in again.stdout, again.stdout + again.stderr
    (raw / "2026").mkdir()
    (raw / "2024" / "dinsos.pdf").rename(raw / "2026" / "dinsos.pdf")  # moved: the same bytes, from the cache
    moved = kinerja(*run_args(raw, tmp_path, "--no-prefect"))
    assert moved.returncode == 0 and "1 new, 0 changed, 9 unchanged, 1 removed" in moved.stdout, moved.stdout
    assert "2026/dinsos.pdf" not in moved.stderr  # not extracted again: no progress line for it
    after = pd.read_parquet(tmp_path / "curated" / "indicator_values.parquet")
    assert (after["source_file"] == "2026/dinsos.pdf").sum() == by_file["2024/dinsos.pdf"]
    assert "2024/dinsos.pdf" not in set(after["source_file"])


# -- 4. self-referencing PDFs --------------------------------------------------------------------

HOSTILE_PDFS = {  # bad input -> what its reason names
    "ref_self": "object 6 is a reference to itself",
    "root_self": "object 1 is a reference to itself",
    "kids_self": "page tree contains itself",
    "kids_cycle": "page tree contains itself (Kids: 2 -> 6 -> 2)",
    "objstm_kids_self": "page tree contains itself",
    "parent_self": "its own ancestor (Parent: 3 -> 3)",
    "contents_self": "an array holds itself",
    "length_self": "the Length of stream 4 is the stream itself",
    "form_self": "a form XObject draws itself",
    "xref_self": "cross-reference sections point back into themselves",
}


def _extract_within(path: Path, seconds: float):
    """extract_document in a daemon thread: a regression that hangs fails the test instead of holding it."""
    import threading
    import time

    from pipeline.extract import extract_document

    out = {}
    start = time.perf_counter()
    worker = threading.Thread(target=lambda: out.setdefault("result", extract_document(path)), daemon=True)
    worker.start()
    worker.join(seconds)
    return out.get("result"), time.perf_counter() - start


@pytest.mark.parametrize("kind", sorted(HOSTILE_PDFS))
def test_a_self_referencing_pdf_fails_at_once_with_its_cycle_named(kind, bad_inputs):
    assert bad_inputs[kind].stat().st_size < 1024
    result, took = _extract_within(bad_inputs[kind], 10)
    assert result is not None, f"{kind}: still reading after 10 s"
    assert took < 0.5, took
    assert result.status == "failed" and result.document["error"].startswith("broken PDF: "), result.document
    assert HOSTILE_PDFS[kind] in result.document["error"]
    assert result.values == [] and len(result.document["sha256"]) == 64


def test_a_night_of_hostile_pdfs_ends_long_before_the_timeout(bad_inputs, tmp_path):
    import time

    raw = tmp_path / "raw"
    raw.mkdir()
    for kind in HOSTILE_PDFS:
        shutil.copy(bad_inputs[kind], raw / bad_inputs[kind].name)
    start = time.monotonic()
    done = kinerja(*run_args(raw, tmp_path, "--no-prefect", "--timeout", "30"))
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - start < 30
    docs = _documents(tmp_path / "curated")
    assert len(docs) == len(HOSTILE_PDFS) and (docs["status"] == "failed").all()
    assert docs["error"].str.startswith("broken PDF: ").all(), docs["error"].tolist()


def test_the_structure_check_passes_every_real_and_sample_report(sample_dir, corpus):
    from extractors.structure import check_structure

    for path in [*sample_dir.glob("*.pdf"), *corpus.glob("*/*.pdf")]:
        check_structure(path)  # raises on a false alarm


# -- 5. one lock from planning to publish ---------------------------------------------------------


def _start(args: list[str], env: dict) -> subprocess.Popen:
    return subprocess.Popen([*KINERJA, *args], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), **env},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("prefect", [False, True])
def test_a_second_run_started_meanwhile_prints_one_line_and_exits_2_or_waits(prefect, sample_dir, tmp_path):
    import time

    raw = tmp_path / "raw"
    raw.mkdir()
    iki = sorted(sample_dir.glob("*iki*.pdf"))[0]
    shutil.copy(iki, raw / iki.name)
    args = run_args(raw, tmp_path, *([] if prefect else ["--no-prefect"]))
    env = prefect_env(tmp_path)
    first = _start(args, env)
    lock = tmp_path / "curated" / ".lock"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and first.poll() is None:  # the first run has planned: it held the lock
        if lock.exists() and f"pid {first.pid}," in lock.read_text(errors="replace"):
            break
        time.sleep(0.01)
    second = _start(args, env)  # while the first is between planning and publishing
    waiting = _start([*args, "--wait"], env)
    out2, err2 = second.communicate(timeout=300)
    out1, err1 = first.communicate(timeout=300)
    out3, err3 = waiting.communicate(timeout=300)
    assert first.returncode == 0, err1
    assert "1 new, 0 changed" in out1
    assert second.returncode == 2, out2 + err2
    assert err2.strip().splitlines() == [f"kinerja run: another run is writing {tmp_path / 'curated'} (pid {first.pid}, since " + err2.split("since ", 1)[1].strip()], err2
    assert "Traceback" not in err2 and out2 == ""
    assert waiting.returncode == 0 and "0 new, 0 changed, 1 unchanged" in out3, out3 + err3  # waited, then found nothing new
    runs = pd.read_parquet(tmp_path / "curated" / "runs.parquet")
    assert len(runs) == 2


# -- 7. the decisions file ------------------------------------------------------------------------

HEADER = "name_a,name_b,decision,reviewer,decided_at,note\n"


@pytest.mark.parametrize(
    "content, says",
    [
        (None, "decisions file not found: {path}"),
        ("folder", "decisions file {path} is a folder, not a CSV file"),
        (HEADER + "Nilai SAKIP,Nilai AKIP,same,ani,2026-01-05,\nA b c,D e f,maybe,ani,2026-01-05,\n", "{path} line 3: decision is 'maybe', not same or different"),
        ("name_a;name_b;decision\nx;y;same\n", "{path} line 1: the header lacks name_a, name_b, decision (it needs name_a,name_b,decision,reviewer,decided_at,note)"),
        (HEADER + 'Nilai SAKIP,"Nilai AKIP,same,ani,2026-01-05,\n', "{path} line 2: unexpected end of data"),
        (HEADER + "Nilai SAKIP,Nilai, AKIP,same,ani,2026-01-05,\n", "{path} line 2: 7 fields, the header has 6 (a comma inside a name needs quotes)"),
        (HEADER + ",Nilai AKIP,same,ani,2026-01-05,\n", "{path} line 2: name_a is empty"),
        (HEADER.encode() + b"Nilai \xff,Nilai AKIP,same,ani,2026-01-05,\n", "{path} line 2: not UTF-8 text"),
    ],
    ids=["missing", "folder", "bad-decision", "bad-header", "open-quote", "extra-field", "empty-name", "not-utf8"],
)
def test_an_unusable_decisions_file_stops_the_run_before_anything_is_read(content, says, bad_inputs, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(bad_inputs["empty"], raw / "a.pdf")
    path = tmp_path / "review" / "decisions.csv"
    path.parent.mkdir()
    if content == "folder":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content)
    done = kinerja(*run_args(raw, tmp_path, "--no-prefect", "--decisions", str(path)))
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.strip() == "kinerja run: " + says.format(path=path), done.stderr
    assert not (tmp_path / "curated" / ".cache").exists() and not (tmp_path / "curated" / "versions").exists()  # nothing read


def test_on_the_prefect_path_too_a_missing_decisions_file_is_one_line_before_prefect(bad_inputs, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(bad_inputs["empty"], raw / "a.pdf")
    done = kinerja(*run_args(raw, tmp_path, "--decisions", str(tmp_path / "nope.csv")), env=prefect_env(tmp_path))
    assert done.returncode == 2 and done.stderr.strip() == f"kinerja run: decisions file not found: {tmp_path / 'nope.csv'}", done.stderr
    assert not (tmp_path / "prefect").exists()  # Prefect never started


def test_the_default_decisions_file_may_be_missing(tmp_path, monkeypatch):
    from pipeline.decisions import DEFAULT_DECISIONS
    from pipeline.plan import plan_run
    from pipeline.settings import Settings

    monkeypatch.chdir(tmp_path)
    (tmp_path / "raw").mkdir()
    plan = plan_run(Settings(raw_dir=tmp_path / "raw", curated_dir=tmp_path / "c", decisions_file=DEFAULT_DECISIONS))
    assert plan.decisions_sha == ""


def test_a_decision_matching_no_printed_name_is_a_warning_naming_its_line(sample_dir, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    iki = sorted(sample_dir.glob("*lampung*iki*.pdf"))[0]
    shutil.copy(iki, raw / iki.name)
    first = kinerja(*run_args(raw, tmp_path, "--no-prefect"))
    names = sorted(set(pd.read_parquet(tmp_path / "curated" / "indicator_values.parquet")["indicator_name"]))
    path = tmp_path / "decisions.csv"
    path.write_text(HEADER + f"{names[0]},{names[1]},different,ani,2026-01-05,\n{names[0]},Nilai SAKIP Typo,same,ani,2026-01-05,\n")
    done = kinerja(*run_args(raw, tmp_path, "--no-prefect", "--decisions", str(path)))
    assert first.returncode == 0 and done.returncode == 0, done.stderr
    warning = f"warning: {path} line 3: 'Nilai SAKIP Typo' matches no printed indicator name; the decision does nothing"
    assert warning in done.stdout.splitlines(), done.stdout
    assert "line 2" not in done.stdout
    failures = pd.read_parquet(tmp_path / "curated" / "validation_failures.parquet")
    assert (failures["check"] == "decision_matches_nothing").sum() == 1
    again = kinerja(*run_args(raw, tmp_path, "--no-prefect", "--decisions", str(path)))  # nothing changed: still said
    assert "0 new, 0 changed" in again.stdout and warning in again.stdout.splitlines()
