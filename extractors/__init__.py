"""Extractors: one module per document family on one skeleton (`base.TableExtractor`).

`EXTRACTORS` is the only list of families; `extractor_for` picks one by the document's type.
"""

from __future__ import annotations

from .base import ExtractorSettings, TableExtractor
from .iki import IndividualIndicatorExtractor
from .lkip import IndicatorTableExtractor
from .tree import TreeExtractor

EXTRACTORS: dict[str, type[TableExtractor]] = {
    IndividualIndicatorExtractor.name: IndividualIndicatorExtractor,
    IndicatorTableExtractor.name: IndicatorTableExtractor,
    TreeExtractor.name: TreeExtractor,
}


def extractor_for(doc_type: str, settings: ExtractorSettings | None = None) -> TableExtractor:
    for cls in EXTRACTORS.values():
        if doc_type in cls.doc_types:
            return cls(settings)
    return IndicatorTableExtractor(settings)
