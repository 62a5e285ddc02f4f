"""`kinerja query` (issue 18 item 9): every format over the curated tables of a real run of the samples, text
from PDFs kept data in each, wide rows shown one block per row on a terminal, and each bad request one line."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipeline.run import run_pipeline
from pipeline.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
KINERJA = Path(sys.executable).with_name("kinerja")
# what PDFs put in documents.error and cells: rich markup, a spreadsheet formula, a Markdown link and HTML, a table's pipe
HOSTILE = ["=HYPERLINK(\"http://x\",\"klik\")", "+1+2", "-3", "@SUM(A1)", "\tTW", "[/'A']", "[x](http://y) <script>z</script>", "a | b"]


def kinerja(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(KINERJA), *args], cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def curated(sample_dir, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("query")
    run_pipeline(Settings(raw_dir=sample_dir, curated_dir=root / "curated", reports_dir=root / "reports", workers=2))
    return root / "curated"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    from pipeline.publish import frame
    from schemas.tables import Documents

    folder = tmp_path_factory.mktemp("hostile") / "curated"
    folder.mkdir()
    rows = [{"source_file": f"d{i}.pdf", "sha256": "0" * 64, "doc_type": "OTHER", "status": "failed", "error": e,
             "extracted_at": pd.Timestamp("2026-01-01", tz="UTC")} for i, e in enumerate(HOSTILE)]
    frame(rows, Documents).to_parquet(folder / "documents.parquet")
    return folder


SQL = "select source_file, indicator_name, year, measure, value, value_text, page, bbox from indicator_values order by all limit 7"


def _expected(curated: Path) -> list[tuple]:
    from pipeline.query import connect

    return connect(curated).execute(SQL).fetchall()


def test_csv_is_the_rows_duckdb_gives(curated):
    done = kinerja("query", SQL, "--curated", str(curated), "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout)))
    assert rows[0] == ["source_file", "indicator_name", "year", "measure", "value", "value_text", "page", "bbox"]
    expected = _expected(curated)
    assert len(rows) == 1 + len(expected) == 8
    for got, want in zip(rows[1:], expected):
        assert got[:4] == [want[0], want[1], str(want[2]), want[3]]
        assert float(got[4]) == want[4] and int(got[6]) == want[6]
        assert json.loads(got[7]) == pytest.approx(want[7])  # the cell box, as its list


def test_json_is_one_object_per_row(curated):
    done = kinerja("query", SQL, "--curated", str(curated), "--format", "json")
    assert done.returncode == 0, done.stderr
    objects = json.loads(done.stdout)
    expected = _expected(curated)
    assert [tuple(o.values()) for o in objects] == [tuple(r) for r in expected]


def test_markdown_has_one_cell_per_column_on_every_line(curated):
    done = kinerja("query", SQL, "--curated", str(curated), "--format", "markdown")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 2 + 7 and lines[1] == "|---|---|---|---|---|---|---|---|"
    for line in lines:
        assert len(line.replace("\\|", "").split("|")) == 8 + 2, line


def test_every_format_keeps_pdf_text_data(hostile):
    sql = "select error from documents order by source_file"
    as_csv = [r[0] for r in csv.reader(io.StringIO(kinerja("query", sql, "--curated", str(hostile), "--format", "csv").stdout))]
    assert as_csv[1:] == ["'=HYPERLINK(\"http://x\",\"klik\")", "'+1+2", "'-3", "'@SUM(A1)", "'\tTW", *HOSTILE[5:]]
    assert [o["error"] for o in json.loads(kinerja("query", sql, "--curated", str(hostile), "--format", "json").stdout)] == HOSTILE
    md = kinerja("query", sql, "--curated", str(hostile), "--format", "markdown").stdout
    assert "\\[x\\](http://y) \\<script\\>z\\</script\\>" in md and "<script>" not in md
    assert "| a \\| b |" in md
    for fmt in ("table", "vertical"):
        shown = kinerja("query", sql, "--curated", str(hostile), "--format", fmt, FORCE_COLOR="1", COLUMNS="120").stdout
        assert "[/'A']" in shown and "=HYPERLINK" in shown and "\x1b]8;" not in shown  # literal, no hyperlink


def test_wide_rows_are_shown_one_block_per_row_on_a_narrow_terminal(curated):
    wide = kinerja("query", "select * from indicator_values order by all limit 2", "--curated", str(curated),
                   FORCE_COLOR="1", COLUMNS="100")
    assert wide.returncode == 0, wide.stderr
    lines = wide.stdout.splitlines()
    assert [line for line in lines if line.startswith("-[ row ")] == ["-[ row 1 ]" + "-" * 11, "-[ row 2 ]" + "-" * 11]
    for column in pd.read_parquet(curated / "indicator_values.parquet").columns:
        assert sum(line.split(" | ")[0].strip() == column for line in lines) == 2, column
    assert all(len(line) <= 100 or " | " in line for line in lines)
    narrow = kinerja("query", "select measure, count(*) as n from indicator_values group by 1 order by 1", "--curated", str(curated),
                     FORCE_COLOR="1", COLUMNS="100")
    assert "│ baseline " in narrow.stdout and "-[ row" not in narrow.stdout  # a table when it fits


@pytest.mark.parametrize("args, says", [
    (["", "--format", "csv"], 'kinerja query: no SQL given: kinerja query "select doc_type, count(*) from indicator_values group by 1"'),
    (["   "], "kinerja query: no SQL given"),
    (["select 1", "--limit", "-1"], "kinerja query: --limit must be at least 1, got -1"),
    (["select 1", "--limit", "0"], "kinerja query: --limit must be at least 1, got 0"),
    (["select 1", "--format", "xml"], "kinerja query: --format must be one of auto, table, vertical, csv, json, markdown, got 'xml'"),
    (["select * from nosuch"], "kinerja query: Catalog Error: Table with name nosuch does not exist!"),
    (["selec 1"], 'kinerja query: Parser Error: syntax error at or near "selec" / LINE 1: selec 1'),
])
def test_a_bad_request_is_one_line(args, says, curated):
    done = kinerja("query", *args, "--curated", str(curated), COLUMNS="40")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and done.stderr.startswith(says), done.stderr


def test_limit_cuts_and_says_so(curated):
    done = kinerja("query", "select * from indicator_values", "--curated", str(curated), "--limit", "3", "--format", "vertical")
    assert done.stdout.count("-[ row ") == 3
    assert done.stdout.rstrip().endswith("(first 3 rows; --limit shows more)")
    assert len(json.loads(kinerja("query", "select * from indicator_values", "--curated", str(curated), "--limit", "3", "--format", "json").stdout)) == 3
