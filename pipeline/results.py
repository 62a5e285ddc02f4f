"""What stage 1 hands on: a `DocumentResult` per file (its documents row and its rows), keyed by the
sha256 of the file's bytes. Light on purpose: planning, the cache and publishing use it without
importing the extractors."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

LOW_COVERAGE = 0.8  # a table page with less of its value-like cells read or knowingly skipped is reported (page_coverage_low)


@dataclass
class DocumentResult:
    document: dict
    values: list[dict] = field(default_factory=list)
    budget: list[dict] = field(default_factory=list)
    attributes: list[dict] = field(default_factory=list)  # indicator_attributes rows (IKI formulas, sources)
    tree: list[dict] = field(default_factory=list)  # performance_tree rows (pohon kinerja boxes)
    warnings: list[dict] = field(default_factory=list)  # parser guesses, page failures: for the reviewer
    coverage: list[dict] = field(default_factory=list)  # page_coverage rows (each table page's value-like cells)
    transient: bool = False  # failed for a reason that may pass (I/O error, file still being written): retry

    @property
    def status(self) -> str:
        return self.document["status"]


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def document_row(path: Path, sha: str, info=None, pages: int | None = None, status: str = "failed", error: str | None = None,
                 coverage: list[dict] | None = None, ocr_pages: int | None = None) -> dict:
    """The file's `documents` row; `info` is what the report says it is (`extractors.document.DocumentInfo`);
    `coverage`, its page_coverage rows when its pages were read (the table pages and cells are counted)."""
    return {
        "source_file": path.name,
        "sha256": sha,
        "doc_type": info.doc_type if info else "OTHER",
        "agency": info.agency if info else None,
        "region": info.region if info else None,
        "year_from": info.year_from if info else None,
        "year_to": info.year_to if info else None,
        "pages": pages,
        "status": status,
        "error": error,
        "extracted_at": datetime.now(timezone.utc),
        "table_pages": len(coverage) if coverage is not None else None,
        "value_cells": sum(c["value_cells"] for c in coverage) if coverage is not None else None,
        "value_cells_read": sum(c["read"] for c in coverage) if coverage is not None else None,
        "ocr_pages": ocr_pages,
    }


def failed_result(path: Path, message: str, status: str = "failed", sha: str | None = None, transient: bool = False) -> DocumentResult:
    try:
        sha = sha or file_sha256(path)
    except OSError:
        sha = "0" * 64
    return DocumentResult(document_row(path, sha, None, None, status, message), transient=transient)
