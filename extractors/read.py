"""The one entry into the extractors: a PDF file in, a `DocumentRead` out.

    open (reader) -> cover text and the scan test -> what the report is (document)
    -> every page, in chunks, through its family's extractor (families, base)
    -> each table page's coverage: its value-like cells and what became of them (coverage)
    -> names with words broken by narrow columns mended from the document's own words

A file that cannot be read at all raises `DocumentError`; a page that fails is noted and the rest is read.
"""

from __future__ import annotations

import logging
from pathlib import Path

from normalizers.text import mend_broken_words

from .base import TableExtractor
from .coverage import page_coverage
from .document import describe_document
from .errors import DocumentError
from .families import extractor_for
from .reader import chunked_pages, cover_texts, open_pdf
from .records import DocumentRead
from .routing import survey_document

log = logging.getLogger(__name__)


def read_document(path: Path, page_chunk: int = 100, max_pages: int = 600) -> DocumentRead:
    """Every record of the PDF at `path`. `page_chunk` pages are read between reopening the PDF (bounds
    memory on long reports); a document over `max_pages` is refused."""
    with open_pdf(path) as pdf:
        try:
            n_pages = len(pdf.pages)
        except Exception as exc:
            raise DocumentError(f"broken PDF: its page tree cannot be read ({exc})") from exc
        if n_pages == 0:
            raise DocumentError("PDF has no pages")
        if n_pages > max_pages:
            raise DocumentError(f"too long: {n_pages} pages (limit {max_pages})")
        texts, scanned, by_ocr = cover_texts(pdf, path)
        read = DocumentRead(describe_document(texts), n_pages, scanned, by_ocr)
        if not scanned:
            _read_pages(path, pdf, read, page_chunk)
            _mend_names(read)
        return read


def _mend_names(read: DocumentRead) -> None:
    """Names with a word a narrow column broke ("Persen tase"), mended from the document's own words."""
    texts = [*(v.indicator_name for v in read.values), *(v.sasaran for v in read.values if v.sasaran),
             *(a.indicator_name for a in read.attributes)]
    mended = mend_broken_words(texts)
    for r in (*read.values, *read.attributes):
        r.indicator_name = mended.get(r.indicator_name, r.indicator_name)
    for v in read.values:
        v.sasaran = mended.get(v.sasaran, v.sasaran)


def _read_pages(path: Path, pdf, read: DocumentRead, page_chunk: int) -> None:
    extractor = extractor_for(read.info, str(path))
    reads_diagrams = type(extractor).read_diagram is not TableExtractor.read_diagram  # pages no router would pick
    routes, _, surveys = survey_document(str(path), keep_runs=reads_diagrams)  # the pass the extractor routes by (kept: made once)
    read.coverage = [] if routes is not None else None
    previous = None  # the layout of the last table read: a header-less next page may continue it
    for page in chunked_pages(path, pdf, read.pages, page_chunk):
        try:
            result, previous = extractor.extract_page(page, previous)
            coverage = page_coverage(surveys.get(page.page_number), result)
        except MemoryError:
            raise
        except Exception as exc:  # one odd page must not lose the rest of the report
            log.warning("%s page %s: %s", path.name, page.page_number, exc)
            read.failed_pages.append(f"page {page.page_number}: {type(exc).__name__}: {exc}")
            previous = None
            continue
        finally:
            page.close()
        read.add(result)
        if coverage is not None and read.coverage is not None:
            read.coverage.append(coverage)
