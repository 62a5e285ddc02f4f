"""The document families: `EXTRACTORS` is the only list of them; `extractor_for` makes one for a document."""

from __future__ import annotations

from .base import ExtractorSettings, TableExtractor
from .document import DocumentInfo
from .iki import IndividualIndicatorExtractor
from .indicator_tables import IndicatorTableExtractor
from .tree import TreeExtractor

EXTRACTORS: dict[str, type[TableExtractor]] = {
    IndividualIndicatorExtractor.name: IndividualIndicatorExtractor,
    IndicatorTableExtractor.name: IndicatorTableExtractor,
    TreeExtractor.name: TreeExtractor,
}


def extractor_for(info: DocumentInfo, pdf_path: str | None = None, settings: ExtractorSettings | None = None) -> TableExtractor:
    """The extractor of the document's family (the generic table family when none claims its type)."""
    cls = next((c for c in EXTRACTORS.values() if info.doc_type in c.doc_types), IndicatorTableExtractor)
    return cls(info, pdf_path, settings)
