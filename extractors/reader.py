"""Opening a PDF and reading its pages: the errors of a file that will not open, in words a person
understands; pages in chunks (bounded memory on long reports); a report's cover text; the scan test.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterator

from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError

from .document import describe_document
from .errors import DocumentError
from .ocr import cover_text
from .pages import PdfiumPDF
from .structure import check_structure

log = logging.getLogger(__name__)

FIRST_PAGES = 3  # cover and title pages: where doc_type, agency, region and period are read


MIN_CHARS_PER_PAGE = 20  # below this on every page, a PDF is a scan without a text layer


OCR_TIMEOUT_S = 60.0  # OCR of a scan's cover: no further page is read after this long


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
    check_structure(path)  # reference cycles, before a parser can follow one forever


def open_pdf(path: Path) -> PdfiumPDF:
    """The PDF, opened; a file that will not open raises a DocumentError saying why (encrypted, broken)."""
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


def chunked_pages(path: Path, pdf, n_pages: int, chunk: int) -> Iterator:
    """Every page of the document, from a fresh PDF object every `chunk` pages: nothing a page leaves
    behind in pdfplumber or pdfminer outlives its chunk."""
    current = pdf
    try:
        for start in range(0, n_pages, chunk):
            if start:
                current.close()  # the first one too: its owner closing it again is harmless
                current = open_pdf(path)
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
        try:
            texts.append(page.extract_text() or "")
            chars += len(page.chars)  # the pages stay open: their objects are read again for tables
        except Exception as exc:  # a page whose content cannot be parsed says nothing here; read for tables, it is a failed page
            log.debug("page %s: no cover text (%s)", page.page_number, exc)
            texts.append("")
    return texts, chars


def _described(texts: list[str]) -> bool:
    info = describe_document(texts)
    return info.doc_type != "OTHER" and None not in (info.agency, info.region, info.year_to)


def scan_cover_text(path: Path) -> list[str] | None:
    """A scan's first pages read by OCR, page after page until its metadata is all there (None without OCR)."""
    texts = cover_text(path, FIRST_PAGES, OCR_TIMEOUT_S, enough=_described)
    return texts if texts and any(t.strip() for t in texts) else None


def _any_text(pdf) -> bool:
    for page in pdf.pages[FIRST_PAGES:]:
        try:
            has = len(page.chars) >= MIN_CHARS_PER_PAGE
        except Exception:  # a page that cannot be parsed shows no text layer
            has = False
        page.close()
        if has:
            return True
    return False


