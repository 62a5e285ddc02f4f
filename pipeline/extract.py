"""Stage 1: one PDF file -> a `DocumentResult` (its documents row, its values, its budget lines).

Bad input is data: every way a file can fail becomes a status and a sentence in `error`, and a failed
document carries no rows. The extractors read the file (`extractors.read.read_document`); this turns
their records into curated rows. Nothing here knows about Prefect or parquet.
"""

from __future__ import annotations

import time
from dataclasses import asdict
from pathlib import Path

from extractors.document import DocumentInfo
from extractors.errors import DocumentError
from extractors.geometry import enclosing
from extractors.read import read_document
from extractors.reader import check_readable
from extractors.records import DocumentRead, ExtractedWarning, PageCoverage
from normalizers.text import indicator_id

from .results import LOW_COVERAGE, DocumentResult, document_row, failed_result, file_sha256
from .settings import Settings

OCR_SHARE = 0.8  # of a document's time limit, what OCR may spend (the rest: reading the pages it gave, writing)


def extract_document(path: Path, settings: Settings | None = None) -> DocumentResult:
    """Read one PDF into rows. Never raises for a bad document: the result says what went wrong."""
    settings = Settings.resolve(settings)
    path = Path(path)
    try:
        before = path.stat()
        sha = file_sha256(path)
        young = time.time() - before.st_mtime < settings.settle_s
        try:
            check_readable(path)
            result = _extract(path, sha, settings)
        except DocumentError as exc:
            result = failed_result(path, str(exc), exc.status, sha, transient=young and "truncated" in str(exc))
        after = path.stat()
        if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
            return failed_result(path, "the file changed while it was read (still being uploaded?)", transient=True)
        return result
    except MemoryError:
        return failed_result(path, f"memory: the document needed more than {settings.memory_mb} MB")
    except OSError as exc:
        return failed_result(path, f"could not read the file: {exc}", transient=True)


def _extract(path: Path, sha: str, settings: Settings) -> DocumentResult:
    read = read_document(path, settings.page_chunk, settings.max_pages, ocr_budget_s=settings.timeout_s * OCR_SHARE)
    if read.scanned:
        note = "; metadata read by OCR of its cover" if read.by_ocr else ""
        error = f"scanned: no text layer on any of its {read.pages} pages; needs OCR{note}"
        return DocumentResult(document_row(path, sha, read.info, read.pages, "needs_ocr", error))
    return _rows(path, sha, read)


def _rows(path: Path, sha: str, read: DocumentRead) -> DocumentResult:
    """The curated rows of what the extractors read: file, agency, region and the indicator key added."""
    info = read.info
    values = [_value_row(path, info, v) for v in read.values]
    warnings = [_guess_warning(row, v.notes) for row, v in zip(values, read.values) if v.guessed]
    warnings += [_read_warning(path, w) for w in read.warnings]
    budget = [
        {"source_file": path.name, "agency": info.agency, "region": info.region, "year": b.year, "code": b.code, "name": b.name,
         "level": b.level, "pagu": b.pagu, "realisasi": b.realisasi, "pct": b.pct, "page": b.page,
         "bbox": enclosing(b.bbox) if b.bbox else None, "extractor": b.extractor, "table": b.table}
        for b in read.budget
    ]
    attributes = [{**asdict(a), "source_file": path.name, "indicator_id": indicator_id(a.indicator_name)} for a in read.attributes]
    tree = [{**asdict(node), "source_file": path.name, "bbox": enclosing(node.bbox)} for node in read.tree]
    coverage = [_coverage_row(path, c) for c in read.coverage] if read.coverage is not None else None
    warnings += _coverage_warnings(path, coverage or [], bool(read.values or read.budget or read.tree))
    failed = read.failed_pages
    status = "partial" if failed else "ok"
    error = ("; ".join(failed[:5]) + (f" (+{len(failed) - 5} more)" if len(failed) > 5 else "")) if failed else None
    document = document_row(path, sha, info, read.pages, status, error, coverage, read.ocr_pages)
    return DocumentResult(document, values, budget, attributes, tree, warnings, coverage or [])


def _coverage_row(path: Path, c: PageCoverage) -> dict:
    """A page_coverage row: the page's cells, and coverage = (read + knowingly skipped) / cells."""
    skipped = sum(c.skipped.values())
    return {
        "source_file": path.name,
        "page": c.page,
        "kind": c.kind,
        "value_cells": c.value_cells,
        "read": c.read,
        "skipped": skipped,
        "skipped_by_reason": "; ".join(f"{reason}={n}" for reason, n in c.skipped.items()) or None,
        "unread": c.unread,
        "coverage": round((c.read + skipped) / c.value_cells, 4) if c.value_cells else None,
        "reader": c.reader,
        "unread_bbox": [round(v, 1) for v in c.unread_bbox] if c.unread_bbox else None,
    }


def _coverage_warnings(path: Path, coverage: list[dict], anything_read: bool) -> list[dict]:
    """What the reviewer must hear of coverage: a table page read below LOW_COVERAGE (page_coverage_low), a
    table printed as an image (table_is_an_image), and a document whose table pages left cells unread
    while nothing at all was read of it (document_unread: never a silent ok)."""
    out = []
    for c in coverage:
        box = f"({', '.join(f'{v:.0f}' for v in c['unread_bbox'])})" if c["unread_bbox"] else None
        if c["kind"] == "image":
            out.append(_coverage_warning(path, c["page"], "table_is_an_image", None,
                                         f"page {c['page']}: a table printed as an image{f' at {box}' if box else ''}: its values are not read", c["unread_bbox"]))
        elif c["coverage"] is not None and c["coverage"] < LOW_COVERAGE:
            out.append(_coverage_warning(path, c["page"], "page_coverage_low", f"{c['coverage']:.2f}",
                                         f"page {c['page']}: coverage {c['coverage']:.2f} of its {c['value_cells']} value-like cells "
                                         f"({c['read']} read, {c['skipped']} knowingly skipped, {c['unread']} unread)"
                                         f"{f'; the largest unread block at {box}' if box else ''}", c["unread_bbox"]))
    left = [c for c in coverage if c["unread"] or c["kind"] == "image"]
    if left and not anything_read:
        cells = sum(c["value_cells"] for c in coverage)
        out.append(_coverage_warning(path, None, "document_unread", None,
                                     f"{len(coverage)} table pages ({cells} value-like cells) and nothing read: no indicator value, budget line "
                                     f"or tree box (pages {', '.join(str(c['page']) for c in left[:10])}{' ...' if len(left) > 10 else ''})"))
    return out


def _coverage_warning(path: Path, page: int | None, check: str, value: str | None, message: str, bbox: list | None = None) -> dict:
    return {"source_file": path.name, "page": page, "table": "page_coverage", "check": check, "column": None,
            "value": value, "severity": "warning", "message": message, "bbox": bbox}


def _value_row(path: Path, info: DocumentInfo, v) -> dict:
    d = asdict(v)
    d.pop("guessed")
    d.pop("notes")
    d.update(
        source_file=path.name,
        doc_type=info.doc_type,
        agency=info.agency,
        region=info.region,
        indicator_id=indicator_id(v.indicator_name),
        bbox=enclosing(v.bbox),
    )
    return d


def _guess_warning(row: dict, notes: list[str]) -> dict:
    return {
        "source_file": row["source_file"],
        "page": row["page"],
        "table": "indicator_values",
        "check": "number_needed_a_guess",
        "column": "value",
        "value": row["value_text"],
        "severity": "warning",
        "message": f"'{row['value_text']}' read as {row['value']}: " + ("; ".join(notes) or "the separator was ambiguous"),
        "bbox": row["bbox"],  # the reviewer's crop of the cell
    }


def _read_warning(path: Path, w: ExtractedWarning) -> dict:
    where = f" (box {', '.join(f'{x:.0f}' for x in w.bbox)})" if w.bbox else ""
    return {
        "source_file": path.name,
        "page": w.page,
        "table": "indicator_values",
        "check": w.check,
        "column": None,
        "value": w.value,
        "severity": "warning",
        "message": w.message + where,
        "bbox": enclosing(w.bbox) if w.bbox else None,
    }
