"""The one entry into the extractors: a PDF file in, a `DocumentRead` out.

    open (reader) -> cover text and the scan test -> what the report is (document)
    -> every page, in chunks, through its family's extractor (families, base); a page with no text layer
       (or one that is OCR noise) is first made the same kind of page from its image (scan)
    -> each table page's coverage: its value-like cells and what became of them (coverage)
    -> names with words broken by narrow columns mended from the document's own words

A file that cannot be read at all raises `DocumentError`; a page that fails is noted and the rest is read.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from normalizers.text import mend_broken_words

from . import ocr
from .base import TableExtractor
from .coverage import PageSurvey, ocr_survey, page_coverage
from .document import describe_document
from .errors import DocumentError
from .families import extractor_for
from .reader import chunked_pages, cover_texts, open_pdf
from .records import DocumentRead
from .routing import survey_document
from .scan import (AREA_MIN_SHARE, PAGE_BUDGET_S, OcrPage, image_areas, ocr_reason, ocr_warnings, repaired, scan_areas, scan_page,
                   unread_table_warnings, vocabulary_repairs)

log = logging.getLogger(__name__)

OCR_BUDGET_S = 240.0  # seconds of OCR a document may spend (inside the worker's 300 s); later pages are not OCR'd


def read_document(path: Path, page_chunk: int = 100, max_pages: int = 600, ocr_budget_s: float = OCR_BUDGET_S) -> DocumentRead:
    """Every record of the PDF at `path`. `page_chunk` pages are read between reopening the PDF (bounds
    memory on long reports); a document over `max_pages` is refused. Pages that need OCR are read by it
    (when the OCR package is installed) for `ocr_budget_s` seconds at most, then noted as not read."""
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
        unread = scanned and ocr._engine() is None  # without OCR a scan stays unread (its cover made the engine already)
        read = DocumentRead(describe_document(texts), n_pages, unread, by_ocr)
        if not read.scanned:
            scanner = _Scanner(path, ocr_budget_s)
            _read_pages(path, pdf, read, page_chunk, scanner)
            _repair_ocr_names(read, scanner)
            _mend_names(read)
        return read


class _Scanner:
    """A document's pages that need OCR, made into `OcrPage`s, within the document's OCR time budget. The OCR
    engine is made when a page first needs it (a born-digital report never does); without the OCR package
    such a page is left as it is (its coverage says it is an image)."""

    def __init__(self, path: Path, budget_s: float):
        import pypdfium2 as pdfium

        self.deadline, self.budget_s = time.monotonic() + budget_s, budget_s
        self.words: list = []  # every word the document's OCR'd pages gave: the report's own vocabulary
        self.pages: set[int] = set()  # the pages read by OCR
        try:
            self.doc = pdfium.PdfDocument(str(path))
        except Exception:  # pdfium cannot open it (pdfminer reads its pages): no page of it is OCR'd
            self.doc = None

    def page(self, page, read: DocumentRead, survey: PageSurvey | None = None):
        """The page to read: `page` itself, or the page made from its image when it needs OCR, or `page` with
        the tables it holds as pictures read by OCR (`scan.image_areas`). A page left unread (the budget
        spent, or its recognition stopped by the page's limit) is a failed page."""
        number = page.page_number
        if self.doc is None or number > len(self.doc) or (survey is not None and survey.image_share < AREA_MIN_SHARE):
            return page  # (the routing survey saw no image large enough to hold a table: not loaded again to look)
        source = self.doc[number - 1]
        try:
            whole = ocr_reason(source) is not None
            areas = [] if whole else image_areas(source)
            engine = ocr._engine() if whole or areas else None
            if engine is None:
                return page
            left = self.deadline - time.monotonic()
            if left <= 0:
                read.failed_pages.append(f"page {number}: not read by OCR: the document's OCR time ({self.budget_s:.0f} s) was spent")
                return page
            budget = min(left, PAGE_BUDGET_S)
            scanned = scan_page(engine, source, number, budget_s=budget) if whole else scan_areas(engine, source, number, areas, budget_s=budget)
        finally:
            source.close()
        if not whole and not scanned.areas:
            return page  # its pictures hold no ruled table: the page is read as it is
        read.ocr_pages += 1
        self.words += scanned.words
        self.pages.add(number)
        if scanned.timed_out:
            read.failed_pages.append(f"page {number}: OCR stopped after {scanned.seconds:.0f} s; the words read by then are used")
        return OcrPage(page, scanned)

    def close(self) -> None:
        if self.doc is not None:
            self.doc.close()


def _by_ocr(result, page: OcrPage) -> None:
    """An OCR'd page's records say so (extractor "ocr+<table reader>": on a born-digital page, those read
    from its pictures), its unsure digits are warnings, and so is a table OCR read that gave nothing."""
    for r in (*result.values, *result.budget, *result.tables):
        box = r.bbox or (r.value_boxes[0] if getattr(r, "value_boxes", None) else None)
        if box is not None and page.in_area(box):
            r.extractor = f"ocr+{r.extractor}"
    result.warnings.extend(ocr_warnings(page, result.values))
    result.warnings.extend(unread_table_warnings(page, result))


def _ocr_coverage(page: OcrPage, survey: PageSurvey | None, result):
    """The coverage of a page read by OCR, its cells counted from the recognised words (and, on a born-digital
    page with pictures read, from its text layer outside them); None when the image held no table."""
    scanned = page.scanned
    if not scanned.table:
        return None if scanned.areas is None else page_coverage(survey, result)
    words = [(w.text, w.box) for w in scanned.words]
    return page_coverage(ocr_survey(page.page_number, words, scanned.tables, survey, scanned.areas), result)


def _repair_ocr_names(read: DocumentRead, scanner: _Scanner) -> None:
    """Names read by OCR with a letter misread ("kewenangen pravinsi"), spelled as the report spells the word
    where it is read sure (`scan.vocabulary_repairs`; the text layer's names count as read sure)."""
    if not scanner.pages:
        return
    printed = [t for v in read.values if v.page not in scanner.pages for t in (v.indicator_name, v.sasaran) if t]
    repairs = vocabulary_repairs(scanner.words, printed)
    for v in read.values:
        if v.page in scanner.pages:
            v.indicator_name, v.sasaran, v.jabatan = (repaired(t, repairs) for t in (v.indicator_name, v.sasaran, v.jabatan))
    for a in read.attributes:
        if a.page in scanner.pages:
            a.indicator_name, a.jabatan = repaired(a.indicator_name, repairs), repaired(a.jabatan, repairs)
    for b in read.budget:
        if b.page in scanner.pages:
            b.name = repaired(b.name, repairs)


def _mend_names(read: DocumentRead) -> None:
    """Names with a word a narrow column broke ("Persen tase"), mended from the document's own words."""
    texts = [*(v.indicator_name for v in read.values), *(v.sasaran for v in read.values if v.sasaran),
             *(a.indicator_name for a in read.attributes)]
    mended = mend_broken_words(texts)
    for r in (*read.values, *read.attributes):
        r.indicator_name = mended.get(r.indicator_name, r.indicator_name)
    for v in read.values:
        v.sasaran = mended.get(v.sasaran, v.sasaran)


def _read_pages(path: Path, pdf, read: DocumentRead, page_chunk: int, scanner: _Scanner) -> None:
    extractor = extractor_for(read.info, str(path))
    reads_diagrams = type(extractor).read_diagram is not TableExtractor.read_diagram  # pages no router would pick
    routes, _, surveys = survey_document(str(path), keep_runs=reads_diagrams)  # the pass the extractor routes by (kept: made once)
    read.coverage = [] if routes is not None else None
    previous = None  # the layout of the last table read: a header-less next page may continue it
    try:
        for page in chunked_pages(path, pdf, read.pages, page_chunk):
            try:
                page = scanner.page(page, read, surveys.get(page.page_number))
                result, previous = extractor.extract_page(page, previous)
                if isinstance(page, OcrPage):
                    _by_ocr(result, page)
                # an OCR'd page's text is not in the file: its cells are counted from the words recognised
                survey = surveys.get(page.page_number)
                coverage = _ocr_coverage(page, survey, result) if isinstance(page, OcrPage) else page_coverage(survey, result)
            except MemoryError:
                raise
            except Exception as exc:  # one odd page must not lose the rest of the report
                log.warning("%s page %s: %s", path.name, page.page_number, exc)
                read.failed_pages.append(f"page {page.page_number}: could not be read ({exc or type(exc).__name__})")
                previous = None
                continue
            finally:
                page.close()
            read.add(result)
            if coverage is not None and read.coverage is not None:
                read.coverage.append(coverage)
    finally:
        scanner.close()
