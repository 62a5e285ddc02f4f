"""Cheap page routing: which pages may hold a table, judged from pdfium's text and vector paths.

pdfminer (under pdfplumber and camelot) parses a page's layout in tens to hundreds of milliseconds; pdfium
reads its text and counts its drawn paths in about one. Narrative pages of a long LKIP (prose, charts of one
series, photos) are most of its pages and hold no indicator table, so they are never given to pdfminer.
A page is kept when it is drawn like a table (ruling paths) and has text, or when its words look like a
table header above lines of several numbers (borderless tables).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_HEADER_WORDS = ("indikator", "target", "realisasi", "capaian", "sasaran", "satuan", "pagu", "anggaran")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*\s*%?")
MIN_RULING_PATHS = 8  # cell borders and rules; a page of prose has none, a chart a handful
MIN_TABLE_TEXT = 100  # characters: a ruled page with less is a form, a frame or a cover
MIN_NUMBER_LINES = 2  # lines holding two or more numbers, for borderless tables


@dataclass(frozen=True)
class PageSignals:
    page: int  # 1-based
    chars: int
    paths: int
    header_words: int
    number_lines: int

    @property
    def may_hold_table(self) -> bool:
        ruled = self.paths >= MIN_RULING_PATHS and self.chars >= MIN_TABLE_TEXT
        borderless = self.header_words >= 2 and self.number_lines >= MIN_NUMBER_LINES
        return ruled or borderless


def page_signals(path: Path) -> list[PageSignals] | None:
    """Signals of every page, or None when pdfium cannot read the file (then every page is routed)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(str(path))
    except Exception:  # pdfium's own error types vary by version; pdfplumber will say what is wrong
        return None
    signals = []
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            paths = sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=3))
            textpage.close()
            page.close()
            low = " ".join(text.lower().split())
            lines = [ln for ln in text.splitlines() if ln.strip()]
            signals.append(
                PageSignals(
                    page=i + 1,
                    chars=len(text.strip()),
                    paths=paths,
                    header_words=sum(w in low for w in _HEADER_WORDS),
                    number_lines=sum(1 for ln in lines if len(_NUMBER.findall(ln)) >= 2),
                )
            )
    except Exception:
        return None
    finally:
        pdf.close()
    return signals
