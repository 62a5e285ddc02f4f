"""Stage 1: one PDF file -> a `DocumentResult` (its documents row, its values, its budget lines).

Bad input is data: every way a file can fail becomes a status and a sentence in `error`, and a failed
document carries no rows. Nothing here knows about Prefect or parquet.
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from .errors import DocumentError
from .ocr import cover_text
from .settings import Settings

if TYPE_CHECKING:
    from extractors.document import DocumentInfo

log = logging.getLogger(__name__)

FIRST_PAGES = 3  # cover and title pages: where doc_type, agency, region and period are read
MIN_CHARS_PER_PAGE = 20  # below this on every page, a PDF is a scan without a text layer
OCR_TIMEOUT_S = 60.0  # OCR of a scan's cover: no further page is read after this long


@dataclass
class DocumentResult:
    document: dict
    values: list[dict] = field(default_factory=list)
    budget: list[dict] = field(default_factory=list)
    attributes: list[dict] = field(default_factory=list)  # indicator_attributes rows (IKI formulas, sources)
    tree: list[dict] = field(default_factory=list)  # performance_tree rows (pohon kinerja boxes)
    warnings: list[dict] = field(default_factory=list)  # parser guesses, page failures: for the reviewer
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


def _document_row(path: Path, sha: str, info: DocumentInfo | None, pages: int | None, status: str, error: str | None) -> dict:
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
    }


def failed_result(path: Path, message: str, status: str = "failed", sha: str | None = None, transient: bool = False) -> DocumentResult:
    try:
        sha = sha or file_sha256(path)
    except OSError:
        sha = "0" * 64
    return DocumentResult(_document_row(path, sha, None, None, status, message), transient=transient)


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of the code that turns bytes into rows: any change to it re-extracts every document."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    files = [Path(__file__), Path(__file__).with_name("ocr.py"), *sorted((root / "extractors").glob("*.py")), *sorted((root / "normalizers").glob("*.py"))]
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def check_readable(path: Path) -> None:
    """Fail fast, with a sentence a person understands, on files that are not PDFs we can read."""
    size = path.stat().st_size
    if size == 0:
        raise DocumentError("empty file (0 bytes)")
    with open(path, "rb") as f:
        head = f.read(1024)
        f.seek(max(0, size - 2048))
        tail = f.read()
    if b"%PDF-" not in head:
        kind = "HTML" if b"<html" in head.lower() or b"<!doctype" in head.lower() else "text or binary"
        raise DocumentError(f"not a PDF: the file starts with {head[:16]!r} ({kind}), not '%PDF-'")
    if b"%%EOF" not in tail:
        raise DocumentError("truncated PDF: no end-of-file marker (%%EOF); the upload may be incomplete")


def _open(path: Path):
    from extractors.pages import PdfiumPDF
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        return PdfiumPDF.open(path)
    except Exception as exc:  # pdfplumber wraps pdfminer's errors; the cause says what happened
        chain = [exc]
        while chain[-1].__cause__ is not None or chain[-1].__context__ is not None:
            chain.append(chain[-1].__cause__ or chain[-1].__context__)
        chain += [a for e in chain for a in e.args if isinstance(a, BaseException)]
        if any(isinstance(e, (PDFPasswordIncorrect, PDFEncryptionError)) for e in chain) or "password" in str(exc).lower():
            raise DocumentError("encrypted PDF: it needs a password to open") from exc
        if any(isinstance(e, PDFSyntaxError) for e in chain):
            raise DocumentError(f"broken PDF: {chain[-1]}") from exc
        detail = next((str(e) for e in reversed(chain) if str(e)), type(exc).__name__)
        raise DocumentError(f"unreadable PDF: {detail}") from exc


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
    # imported here: a run with nothing new to read never needs the extractors (see pipeline.run)
    from extractors.document import describe_document

    with _open(path) as pdf:
        try:
            n_pages = len(pdf.pages)
        except Exception as exc:
            raise DocumentError(f"broken PDF: its page tree cannot be read ({exc})") from exc
        if n_pages == 0:
            raise DocumentError("PDF has no pages")
        if n_pages > settings.max_pages:
            raise DocumentError(f"too long: {n_pages} pages (limit {settings.max_pages})")
        texts, scanned, by_ocr = cover_texts(pdf, path)
        info = describe_document(texts)
        if scanned:
            note = "; metadata read by OCR of its cover" if by_ocr else ""
            doc = _document_row(path, sha, info, n_pages, "needs_ocr", f"scanned: no text layer on any of its {n_pages} pages; needs OCR{note}")
            return DocumentResult(doc)
        return _extract_pages(path, sha, settings, pdf, n_pages, info)


def _extract_pages(path: Path, sha: str, settings: Settings, pdf, n_pages: int, info: DocumentInfo) -> DocumentResult:
    from extractors import extractor_for
    from extractors.geometry import enclosing
    from normalizers.text import indicator_id

    extractor = extractor_for(info.doc_type)
    values: list[dict] = []
    budget: list[dict] = []
    attributes: list[dict] = []
    tree: list[dict] = []
    warnings: list[dict] = []
    failed_pages: list[str] = []
    previous = None
    for page in _pages(path, pdf, n_pages, settings.page_chunk):
        try:
            result, previous = extractor.extract_page(page, info, previous, str(path))
        except MemoryError:
            raise
        except Exception as exc:  # one odd page must not lose the rest of the report
            log.warning("%s page %s: %s", path.name, page.page_number, exc)
            failed_pages.append(f"page {page.page_number}: {type(exc).__name__}: {exc}")
            previous = None
            continue
        finally:
            page.close()
        for v in result.values:
            row = _value_row(path, info, v)
            values.append(row)
            if v.guessed:
                warnings.append(_guess_warning(row, v.notes))
        for b in result.budget:
            budget.append(
                {
                    "source_file": path.name,
                    "agency": info.agency,
                    "region": info.region,
                    "year": b.year,
                    "code": b.code,
                    "name": b.name,
                    "level": b.level,
                    "pagu": b.pagu,
                    "realisasi": b.realisasi,
                    "pct": b.pct,
                    "page": b.page,
                }
            )
        for a in result.attributes:
            attributes.append({**asdict(a), "source_file": path.name, "indicator_id": indicator_id(a.indicator_name)})
        for node in result.tree:
            tree.append({**asdict(node), "source_file": path.name, "bbox": enclosing(node.bbox)})
    status = "partial" if failed_pages else "ok"
    error = ("; ".join(failed_pages[:5]) + (f" (+{len(failed_pages) - 5} more)" if len(failed_pages) > 5 else "")) if failed_pages else None
    return DocumentResult(_document_row(path, sha, info, n_pages, status, error), values, budget, attributes, tree, warnings)


def _pages(path: Path, pdf, n_pages: int, chunk: int) -> Iterator:
    """Every page of the document, from a fresh PDF object every `chunk` pages: nothing a page leaves
    behind in pdfplumber or pdfminer outlives its chunk."""
    current = pdf
    try:
        for start in range(0, n_pages, chunk):
            if start:
                current.close()  # the first one too: its owner closing it again is harmless
                current = _open(path)
            yield from current.pages[start : start + chunk]
    finally:
        if current is not pdf:
            current.close()


def cover_texts(pdf, path: Path) -> tuple[list[str], bool, bool]:
    """What a report says it is, from: the text of its first pages; whether it is a scan (no text layer on
    any page); whether the texts were read by OCR of a scan's cover (when OCR is installed)."""
    texts, chars = first_pages(pdf)
    if chars >= MIN_CHARS_PER_PAGE * len(texts) or _any_text(pdf):
        return texts, False, False
    ocr_texts = scan_cover_text(path)
    return ocr_texts or texts, True, ocr_texts is not None


def first_pages(pdf) -> tuple[list[str], int]:
    """The text of the pages a report describes itself on (cover, title pages), and their character count."""
    texts, chars = [], 0
    for page in pdf.pages[:FIRST_PAGES]:
        texts.append(page.extract_text() or "")
        chars += len(page.chars)  # the pages stay open: their objects are read again for tables
    return texts, chars


def _described(texts: list[str]) -> bool:
    from extractors.document import describe_document

    info = describe_document(texts)
    return info.doc_type != "OTHER" and None not in (info.agency, info.region, info.year_to)


def scan_cover_text(path: Path) -> list[str] | None:
    """A scan's first pages read by OCR, page after page until its metadata is all there (None without OCR)."""
    texts = cover_text(path, FIRST_PAGES, OCR_TIMEOUT_S, enough=_described)
    return texts if texts and any(t.strip() for t in texts) else None


def _any_text(pdf) -> bool:
    for page in pdf.pages[FIRST_PAGES:]:
        has = len(page.chars) >= MIN_CHARS_PER_PAGE
        page.close()
        if has:
            return True
    return False


def _value_row(path: Path, info: DocumentInfo, v) -> dict:
    from extractors.geometry import enclosing
    from normalizers.text import indicator_id

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
