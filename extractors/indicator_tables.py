"""The generic table family: LKIP, PK, Renstra, Renja, RKT, RPJMD, LRA, pengukuran kinerja and any report
not otherwise known: indicator tables with target / realisasi / capaian, and budget tables.

These families share one table grammar (sasaran, indicator, satuan, then measures by year and period);
the year of a single-year table comes from its caption ("Tabel 3.3 Capaian Kinerja ... Tahun 2025")
or, failing that, from the report itself, which the base class already does.
"""

from __future__ import annotations

from .base import TableExtractor


class IndicatorTableExtractor(TableExtractor):
    name = "indicator_tables"
    doc_types = ("LKIP", "PK", "RENSTRA", "RENJA", "RKT", "PENGUKURAN_KINERJA", "RPJMD", "LRA", "OTHER")
