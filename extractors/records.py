"""The records extractors emit, and the context a table is read in: plain data, no behaviour.

`pipeline/extract.py` turns them into curated rows (adding file, agency, region and the indicator key).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import DocumentInfo


@dataclass(frozen=True)
class TableContext:
    """What the document around a table tells: its year, type, the jabatan it belongs to."""

    doc_type: str
    year: int | None  # the report year (n)
    year_to: int | None = None
    jabatan: str | None = None


@dataclass
class ExtractedValue:
    indicator_name: str
    sasaran: str | None
    jabatan: str | None
    year: int | None
    period: str | None
    measure: str
    value: float | None
    value_text: str
    unit: str | None
    page: int
    bbox: tuple[float, float, float, float]
    extractor: str
    table: str
    guessed: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass
class ExtractedBudgetLine:
    year: int | None
    code: str | None
    name: str
    level: str
    pagu: float | None
    realisasi: float | None
    pct: float | None
    page: int
    table: str
    bbox: tuple[float, float, float, float] | None = None  # the row's cells that were read (name to money)
    extractor: str = ""
    value_boxes: list[tuple[float, float, float, float]] = field(default_factory=list)  # the money and % cells read


@dataclass
class ExtractedTable:
    """A table as it was read: where it is, which reader read it, and what its header said each column
    holds (x-range and role), so that what was left of it can be told from what was knowingly skipped."""

    page: int
    table: str
    bbox: tuple[float, float, float, float]
    extractor: str
    header_bottom: float | None  # the header band ends here; None when no header was understood
    columns: list[tuple[float, float, str]] = field(default_factory=list)  # x0, x1, role (Column.role)
    skipped: str | None = None  # why a table read for nothing was left whole: "places" (its rows are regions, no indicator)


@dataclass
class ExtractedWarning:
    """Something a reviewer must see about how a page was read (a layout the reader could not settle)."""

    page: int
    check: str
    message: str
    value: str | None = None
    bbox: tuple[float, float, float, float] | None = None


@dataclass
class ExtractedAttributes:
    """Formula, data source and definition an IKI/IKU table gives an indicator (no numbers)."""

    jabatan: str | None
    indicator_name: str
    formula: str | None
    sumber_data: str | None
    definition: str | None
    page: int


@dataclass
class TreeNode:
    """One box of a pohon kinerja / cascading diagram."""

    node_id: str
    parent_node_id: str | None
    level: int
    jabatan: str | None
    sasaran: str | None
    indicator_name: str | None
    page: int
    bbox: tuple[float, float, float, float]


@dataclass
class PageCoverage:
    """What one table page prints as values and what became of them (`coverage.page_coverage`): value-like
    cells counted from the page itself, read, knowingly skipped (by reason) or left unread."""

    page: int
    kind: str  # ruled (rules cross) | aligned (numbers stand in columns, or a borderless table was read) | image | diagram (boxes read as a tree)
    value_cells: int
    read: int
    skipped: dict[str, int]  # reason -> cells: header, row_number, code, money, total, text
    unread: int
    reader: str | None  # the extractors of the page's tables ("pdfplumber-lattice,camelot-stream")
    unread_bbox: tuple[float, float, float, float] | None  # the largest block of unread cells (an image page: the image)


@dataclass(kw_only=True)
class Records:
    """The records a page (or a whole document) gave."""

    values: list[ExtractedValue] = field(default_factory=list)
    budget: list[ExtractedBudgetLine] = field(default_factory=list)
    attributes: list[ExtractedAttributes] = field(default_factory=list)
    tree: list[TreeNode] = field(default_factory=list)
    tables: list[ExtractedTable] = field(default_factory=list)
    warnings: list[ExtractedWarning] = field(default_factory=list)

    def add(self, other: "Records") -> None:
        for name in ("values", "budget", "attributes", "tree", "tables", "warnings"):
            getattr(self, name).extend(getattr(other, name))


@dataclass
class PageResult(Records):
    page: int


@dataclass
class DocumentRead(Records):
    """What one PDF gave: what it is, its pages, and the records of the pages that could be read."""

    info: "DocumentInfo"
    pages: int
    scanned: bool = False  # no text layer on any page: nothing read but the cover (by OCR, when `by_ocr`)
    by_ocr: bool = False
    ocr_pages: int = 0  # pages read by OCR (no text layer, or one that is OCR noise: extractors/scan.py)
    failed_pages: list[str] = field(default_factory=list)  # "page 7: ValueError: ..." for a page that failed
    coverage: list[PageCoverage] | None = None  # one per table page; None when pdfium could not survey the file
