"""LKIP, PK, Renstra, Renja, RKT and pengukuran kinerja: indicator tables with target / realisasi / capaian.

These families share one table grammar (sasaran, indicator, satuan, then measures by year and period);
the year of a single-year table comes from its caption ("Tabel 3.3 Capaian Kinerja ... Tahun 2025")
or, failing that, from the report itself, which the base class already does.
"""

from __future__ import annotations

from .base import TableExtractor


class IndicatorTableExtractor(TableExtractor):
    name = "lkip"
    doc_types = ("LKIP", "PK", "RENSTRA", "RENJA", "RKT", "PENGUKURAN_KINERJA", "RPJMD", "LRA", "OTHER")
