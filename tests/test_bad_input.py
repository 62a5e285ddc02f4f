"""Every kind of bad input is recorded with a reason a person understands, and leaves no rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract import extract_document
from pipeline.isolation import extract_isolated
from pipeline.settings import Settings


@pytest.mark.parametrize(
    "kind, status, reason",
    [
        ("empty", "failed", "empty file"),
        ("truncated", "failed", "truncated PDF"),
        ("encrypted", "failed", "encrypted PDF"),
        ("not_pdf", "failed", "not a PDF"),
    ],  # a scan is read by OCR (tests/test_scan.py), and without the OCR package needs_ocr (tests/test_ocr.py)
)
def test_bad_input_is_recorded_with_reason(bad_inputs, kind, status, reason):
    result = extract_document(bad_inputs[kind])
    assert result.status == status
    assert reason in result.document["error"]
    assert result.values == [] and result.budget == []
    assert len(result.document["sha256"]) == 64


def test_scan_records_its_page_count(bad_inputs):
    assert extract_document(bad_inputs["scan"]).document["pages"] == 2


def test_timeout_kills_the_worker_and_records_it(sample_dir):
    settings = Settings(timeout_s=0.01)
    result = extract_isolated(sample_dir / "bekasi_lkip_2025.pdf", settings)
    assert result.status == "failed"
    assert result.document["error"].startswith("timeout")
    assert result.values == []


def balloon(path: Path, settings: Settings):
    """A reader that behaves like a PDF that explodes in memory."""
    chunks = [bytearray(64 * 1024 * 1024) for _ in range(settings.memory_mb // 32)]
    raise AssertionError(f"allocated {len(chunks)} chunks past the limit")


def test_memory_limit_is_recorded_not_fatal(sample_dir):
    result = extract_isolated(sample_dir / "bekasi_lkip_2025.pdf", Settings(memory_mb=512), reader=balloon)
    assert result.status == "failed"
    assert result.document["error"].startswith("memory")
    assert result.document["source_file"] == "bekasi_lkip_2025.pdf"


def test_isolated_result_equals_in_process(sample_dir):
    path = sample_dir / "lampung_barat_iki_2023_2026.pdf"
    a = extract_isolated(path, Settings())
    b = extract_document(path)
    strip = lambda rows: [{k: v for k, v in r.items()} for r in rows]
    assert strip(a.values) == strip(b.values)
