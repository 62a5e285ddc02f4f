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
from extractors.records import DocumentRead, ExtractedWarning
from normalizers.text import indicator_id

from .results import DocumentResult, document_row, failed_result, file_sha256
from .settings import Settings


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
    read = read_document(path, settings.page_chunk, settings.max_pages)
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
    failed = read.failed_pages
    status = "partial" if failed else "ok"
    error = ("; ".join(failed[:5]) + (f" (+{len(failed) - 5} more)" if len(failed) > 5 else "")) if failed else None
    return DocumentResult(document_row(path, sha, info, read.pages, status, error), values, budget, attributes, tree, warnings)


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
    }
