"""IKI (indikator kinerja individu): one table per jabatan, named in a heading block above it.

"1. Jabatan : Kepala Dinas Sosial" sits above each table; a table continued on the next page keeps the
jabatan of the last heading seen.
"""

from __future__ import annotations

from dataclasses import replace

from .base import TableExtractor, heading_value
from .document import DocumentInfo
from .grid import Grid
from .interpret import TableContext


class IndividualIndicatorExtractor(TableExtractor):
    name = "iki"
    doc_types = ("IKI",)

    def __init__(self, settings=None):
        super().__init__(settings)
        self._jabatan: str | None = None

    def table_context(self, info: DocumentInfo, grid: Grid, page_lines: list[dict]) -> TableContext:
        ctx = super().table_context(info, grid, page_lines)
        above = [ln["text"] for ln in page_lines if ln["bottom"] <= grid.bbox[1] + 1]
        jabatan = heading_value(above, "jabatan")
        if jabatan:
            self._jabatan = jabatan
        return replace(ctx, jabatan=self._jabatan)
