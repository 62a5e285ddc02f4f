"""Page routing: which pages hold a table, decided from pdfium's rules and text of each page in about a
millisecond, before anything is parsed (most pages of a report are prose).

"ruled": drawn lines and boxes cross like a table's; "text": a column-header line over lines that read as
rows of values (a borderless table may be there); no route: nothing to read.
"""

from __future__ import annotations

import logging
import re

from .pages import extent, path_objects, subpaths
from .vocabulary import TABLE_WORDS, compact

log = logging.getLogger(__name__)

MIN_RULE = 8.0  # points: a shorter segment is not a rule (a bullet, a glyph drawn as a path)
RULE_THICKNESS = 3.0  # points: a segment thinner than this across is a rule, not a box
RULE_JOIN_GAP = 5.0  # points: collinear segments this close are one rule (borders drawn cell by cell)
MIN_TABLE_WIDTH = 100.0  # points a table's vertical rules spread over at least
NUMBER_ROWS = 3  # rows of values under a header line that make a borderless table


def _join(edges: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Collinear segments that touch, one rule: cell borders are often drawn cell by cell."""
    out: list[tuple[float, float, float]] = []
    for pos, a, b in sorted((round(p), a, b) for p, a, b in edges):
        if out and out[-1][0] == pos and a <= out[-1][2] + RULE_JOIN_GAP:
            out[-1] = (pos, out[-1][1], max(out[-1][2], b))
        else:
            out.append((pos, a, b))
    return out


def _apart(values: set[float] | list[float], gap: float = RULE_JOIN_GAP) -> int:
    """How many of the positions stand apart (a double rule or a box drawn twice is one)."""
    vals = sorted(values)
    return sum(1 for a, b in zip([None, *vals], vals) if a is None or b - a > gap)


def _ruled(h_edges: list[tuple[float, float, float]], v_edges: list[tuple[float, float, float]]) -> bool:
    """At least three horizontal rules each crossed by three vertical ones spread over 100 points:
    the skeleton of a table with two rows and two columns (a boxed page number or a frame is not)."""
    rows = []
    v_edges = _join(v_edges)
    for y, hx0, hx1 in _join(h_edges):
        xs = {x for x, vy0, vy1 in v_edges if hx0 - 2 <= x <= hx1 + 2 and vy0 - 2 <= y <= vy1 + 2}
        if _apart(xs) >= 3 and max(xs) - min(xs) >= MIN_TABLE_WIDTH:
            rows.append(y)
            if _apart(rows) >= 3:
                return True
    return False


def _add_edge(h: list, v: list, x0: float, y0: float, x1: float, y1: float) -> None:
    """A horizontal or vertical segment at least MIN_RULE points long is a rule (a slanted one is not)."""
    if y1 - y0 <= RULE_THICKNESS and x1 - x0 >= MIN_RULE:
        h.append((y0, x0, x1))
    elif x1 - x0 <= RULE_THICKNESS and y1 - y0 >= MIN_RULE:
        v.append((x0, y0, y1))


def _header_line(text: str) -> bool:
    """A line that reads as a table's column header: short, naming two table columns ("INDIKATOR ...
    TARGET REALISASI"), mostly capitalised words, and not a sentence or a contents line (ending in
    punctuation, dot leaders)."""
    for ln in text.splitlines():
        tokens = ln.split()
        if len(tokens) > 12 or _NOT_A_HEADER.search(ln):
            continue
        letters = compact(ln)
        words = [w for w in tokens if w[:1].isalpha()]
        if sum(w in letters for w in TABLE_WORDS) >= 2 and sum(w[0].isupper() for w in words) >= 0.6 * len(words):
            return True
    return False


_NOT_A_HEADER = re.compile(r"[.:;,]\s*$|\.{4,}")


_NUMBER = re.compile(r"(?<![\w.,])[-+]?\d[\d.,]*%?(?!\w)")


_ENDS_WITH_NUMBER = re.compile(r"\d[\d.,]*\s*%?\s*$")


def _number_rows(text: str) -> int:
    """Lines that read as rows of a table of values: two numbers or more, or a number at the end."""
    return sum(1 for ln in text.splitlines() if len(_NUMBER.findall(ln)) >= 2 or _ENDS_WITH_NUMBER.search(ln))


def route_document(pdf_path: str) -> tuple[dict[int, str] | None, dict[int, float]]:
    """Every page's route, from pdfium's rules and text of the page (before anything is parsed):
    "ruled" when its drawn lines and boxes cross like a table's, "text" when a column-header line
    (`_header_line`) sits over three lines or more that read as rows of values, else nothing; and every
    page's height. None when pdfium cannot read the file."""
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(pdf_path)
    except Exception as exc:  # the parse that follows reports a broken file; routing just steps aside
        log.debug("pdfium cannot route %s: %s", pdf_path, exc)
        return None, {}
    routes: dict[int, str] = {}
    heights: dict[int, float] = {}
    try:
        for k in range(len(pdf)):
            page = pdf[k]
            heights[k + 1] = page.get_height()
            h: list[tuple[float, float, float]] = []
            v: list[tuple[float, float, float]] = []
            for obj, m, parent in path_objects(page.raw):
                if max(extent(obj, parent)) < MIN_RULE - 0.5:  # (bounds in float32 and with the stroke)
                    continue  # too small to hold a rule (a bullet, a glyph drawn as a path)
                for _, pts in subpaths(obj, m):
                    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
                        _add_edge(h, v, min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            page.close()
            if _ruled(h, v):
                routes[k + 1] = "ruled"
            elif _header_line(text) and _number_rows(text) >= NUMBER_ROWS:
                routes[k + 1] = "text"
    finally:
        pdf.close()
    return routes, heights


def page_has_table(page) -> bool:
    """Routing on a parsed page (when pdfium cannot read the file): rules, or table words."""
    if len(page.lines) + len(page.rects) >= 4:
        return True
    words = compact(" ".join(w["text"] for w in page.extract_words()[:400]))
    return sum(w in words for w in TABLE_WORDS) >= 2
