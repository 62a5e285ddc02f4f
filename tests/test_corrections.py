"""review/corrections.csv: read and checked (one line naming the file and the line), applied at publish
without re-extraction, stale corrections listed and never applied to another value; end to end with kinerja run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from test_report import hostile_pdf

from pipeline.corrections import COLUMNS, DROPPED, STALE, apply_corrections, box_text, read_corrections
from pipeline.errors import RunError

ROOT = Path(__file__).resolve().parents[1]
SHA = "a" * 64
HEADER = ",".join(COLUMNS)


def _values() -> pd.DataFrame:
    base = {"source_file": "a.pdf", "indicator_id": "ind_x", "year": 2025, "period": None, "page": 3, "unit": "%",
            "value_read": None, "corrected_by": None, "corrected_on": None, "correction_note": None}
    return pd.DataFrame([
        {**base, "measure": "target", "value": 1576.0, "value_text": "1.576", "bbox": [100.0, 200.0, 140.0, 215.0]},
        {**base, "measure": "realisasi", "value": 12.0, "value_text": "12", "bbox": [140.0, 200.0, 180.0, 215.0]},
        {**base, "measure": "realisasi", "value": 13.0, "value_text": "13", "bbox": [140.0, 216.0, 180.0, 230.0], "year": None},
        {**base, "measure": "realisasi", "value": 14.0, "value_text": "14", "bbox": [140.0, 231.0, 180.0, 245.0], "year": None},
    ]).astype({"year": "Int64", "page": "Int64"})


DOCS = pd.DataFrame({"source_file": ["a.pdf"], "sha256": [SHA]})


def _file(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "corrections.csv"
    path.write_text("\n".join([HEADER, *lines]) + "\n")
    return path


def test_a_correction_by_the_cell_is_applied_and_keeps_the_machines_reading(tmp_path):
    path = _file(tmp_path, f'{SHA},3,100.30 200.00 140.00 215.40,,,,,1.576,1.576,ana,2026-12-01,a decimal comma printed as a point')
    values, listed, notes = apply_corrections(_values(), DOCS, read_corrections(path), path)
    row = values.iloc[0]
    assert row["value"] == 1.576 and row["value_read"] == 1576.0 and row["corrected_by"] == "ana" and row["corrected_on"] == "2026-12-01"
    assert row["correction_note"] == f"a decimal comma printed as a point ({path} line 2)"
    assert values.iloc[1:]["corrected_by"].isna().all() and values.iloc[1]["value"] == 12.0  # no other value touched
    assert listed == [] and notes == []


def test_a_correction_by_indicator_year_and_measure_and_a_drop(tmp_path):
    path = _file(tmp_path, f"{SHA},,,ind_x,2025,,realisasi,12,12.5,ana,2026-12-01,", f"{SHA},,,ind_x,2025,,target,,drop,budi,2026-12-02,not a target")
    values, listed, notes = apply_corrections(_values(), DOCS, read_corrections(path), path)
    assert values["value"].tolist() == [12.5, 13.0, 14.0]  # the target left the table
    assert [(f["check"], f["severity"]) for f in listed] == [(DROPPED, "warning")]  # a dropped value is listed, never silently gone
    assert "line 3: dropped by budi on 2026-12-02: not a target" in listed[0]["message"] and notes == []


@pytest.mark.parametrize(("line", "why"), [
    (f"{'b' * 64},3,100 200 140 215,,,,,1.576,1.576,ana,2026-12-01,", "no document has these bytes now"),
    (f"{SHA},3,100 260 140 275,,,,,1.576,1.576,ana,2026-12-01,", "no value is read at page 3, box 100 260 140 275 now"),
    (f"{SHA},3,101 200 141 215,,,,,1.576,1.576,ana,2026-12-01,", "no value is read at page 3"),  # one point off: not this cell
    (f"{SHA},3,100 200 140 215,,,,,1,576,1.576,ana,2026-12-01,", None),  # a field too many: refused when read
    (f"{SHA},3,100 200 140 215,,,,,1.567,1.576,ana,2026-12-01,", "the cell now reads '1.576', the line was written against '1.567'"),
    (f"{SHA},,,ind_x,,,realisasi,,15,ana,2026-12-01,", "it names 2 values of one document"),
])
def test_a_stale_correction_is_listed_and_applied_to_nothing(tmp_path, line, why):
    path = _file(tmp_path, line)
    if why is None:
        with pytest.raises(RunError, match=r"corrections.csv line 2: 13 fields, the header has 12"):
            read_corrections(path)
        return
    before = _values()
    values, listed, notes = apply_corrections(before, DOCS, read_corrections(path), path)
    assert values["value"].tolist() == before["value"].tolist() and values["corrected_by"].isna().all()
    assert [f["check"] for f in listed] == [STALE] and why in notes[0] and notes[0].endswith("the correction is not applied")
    assert notes[0].startswith(f"{path} line 2: ")


def test_two_lines_on_one_value_the_second_is_stale(tmp_path):
    path = _file(tmp_path, f"{SHA},3,100 200 140 215,,,,,,1.576,ana,2026-12-01,", f"{SHA},,,ind_x,2025,,target,,1.6,budi,2026-12-02,")
    values, listed, notes = apply_corrections(_values(), DOCS, read_corrections(path), path)
    assert values.iloc[0]["value"] == 1.576 and "line 2 corrects this value already" in notes[0] and "line 3" in notes[0]


@pytest.mark.parametrize(("lines", "message"), [
    (["sha256,page,value"], r"line 1: the header must be sha256,page,bbox"),
    ([HEADER, f"{SHA},3,100 200 140 215,,,,,,12,5,ana,2026-12-01,"], r"line 2: 13 fields"),
    ([HEADER, f"{SHA},3,100 200 140 215,,,,,,\"12,5\",ana,2026-12-01,"], r"line 2: value is '12,5', not the corrected number \(12.5"),
    ([HEADER, f"{SHA},3,100 200 140 215,,,,,,1.576,ana,2026-13-01,"], r"line 2: corrected_on is a real calendar date$"),
    ([HEADER, f"{SHA},3,,,,,,,1.576,ana,2026-12-01,"], r"line 2: A correction names its value by page and bbox, or by indicator_id"),
    ([HEADER, "", f"abc,3,100 200 140 215,,,,,,1,ana,2026-12-01,"], r"line 3: sha256 is 'abc'"),
    ([HEADER, f"{SHA},three,100 200 140 215,,,,,,1,ana,2026-12-01,"], r"line 2: page is 'three', not a whole number"),
    ([HEADER, f"{SHA},3,100 200 140 215,,,,,,1,,2026-12-01,"], r"line 2: reviewer is empty$"),
    ([HEADER, f'{SHA},3,100 200 140 215,,,,,"open,1,ana,2026-12-01,'], r"line \d+: "),
])
def test_an_unusable_file_is_one_line_naming_the_file_and_the_line(tmp_path, lines, message):
    path = tmp_path / "corrections.csv"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(RunError, match=rf"^{path}.*{message}"):
        read_corrections(path)


def test_the_committed_corrections_file_is_usable():
    assert len(read_corrections(ROOT / "review" / "corrections.csv")) >= 0


def _kinerja(root: Path, *extra: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "pipeline.cli", "run", "--no-prefect", "--raw", str(root / "raw"), "--curated", str(root / "curated"),
           "--reports", str(root / "reports"), "--corrections", str(root / "corrections.csv"), "--workers", "1", *extra]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_end_to_end_a_line_from_the_report_corrects_the_value_on_the_next_run(tmp_path):
    hostile_pdf(tmp_path / "raw" / "report.pdf")  # '1.576' is read as 1576 by a guess: a finding with its line
    (tmp_path / "corrections.csv").write_text(HEADER + "\n")
    first = _kinerja(tmp_path)
    assert first.returncode == 0, first.stderr
    findings = pd.read_csv(tmp_path / "reports" / "findings.csv", keep_default_na=False, dtype=str)
    guess = findings[findings["check"] == "number_needed_a_guess"].iloc[0]
    assert guess["value"] == "1.576"
    line = guess["line_to_add"].replace("<value or drop>", "1.576").replace("<reviewer>", "ana").replace("<YYYY-MM-DD>", "2026-12-03")
    with open(tmp_path / "corrections.csv", "a") as f:  # the reviewer's one line
        f.write(line + "\n")

    second = _kinerja(tmp_path)
    assert second.returncode == 0, second.stderr
    assert "0 new, 0 changed, 1 unchanged" in second.stdout  # re-published from the cache: nothing read again
    values = pd.read_parquet(tmp_path / "curated" / "indicator_values.parquet")
    row = values[values["value_text"] == "1.576"].iloc[0]
    assert row["value"] == 1.576 and row["value_read"] == 1576.0 and row["corrected_by"] == "ana" and row["corrected_on"] == "2026-12-03"
    assert values["corrected_by"].notna().sum() == 1
    doc_page = next((tmp_path / "reports" / "docs").glob("*.html")).read_text()
    assert "Corrected by reviewers (1)" in doc_page

    third = _kinerja(tmp_path)  # nothing new, same corrections: the night is only recorded, still corrected
    assert third.returncode == 0 and "0 new, 0 changed, 1 unchanged" in third.stdout
    assert pd.read_parquet(tmp_path / "curated" / "indicator_values.parquet").query("value_text == '1.576'")["value"].iloc[0] == 1.576

    (tmp_path / "raw" / "report.pdf").write_bytes((tmp_path / "raw" / "report.pdf").read_bytes() + b"\n% a new upload\n")
    fourth = _kinerja(tmp_path)  # other bytes: the correction is stale, reported, the machine's reading stands
    assert fourth.returncode == 0, fourth.stderr
    assert "warning: " in fourth.stdout and "no document has these bytes now" in fourth.stdout
    assert pd.read_parquet(tmp_path / "curated" / "indicator_values.parquet").query("value_text == '1.576'")["value"].iloc[0] == 1576.0


def test_an_unusable_corrections_file_stops_the_run_before_anything_is_read(tmp_path):
    hostile_pdf(tmp_path / "raw" / "report.pdf")
    (tmp_path / "corrections.csv").write_text(HEADER + f"\n{SHA},3,100 200 140 215,,,,,,twelve,ana,2026-12-01,\n")
    res = _kinerja(tmp_path)
    assert res.returncode == 2 and res.stderr.count("\n") == 1 and "corrections.csv line 2: value is 'twelve'" in res.stderr
    assert not (tmp_path / "curated" / "current").exists()


def test_box_text_is_what_the_file_matches():
    assert box_text([100, 200.004, 140.5, 215]) == "100.00 200.00 140.50 215.00"
