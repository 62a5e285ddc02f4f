"""Page routing: which pages hold a table, decided from pdfium's rules and text of each page in about a
millisecond, before anything is parsed (most pages of a report are prose).

"ruled": drawn lines and boxes cross like a table's; "text": a column-header line over lines that read as
rows of values (a borderless table may be there); no route: nothing to read.

The same pass surveys each page for coverage (`survey_document`, `coverage.PageSurvey`): where the ruled
skeletons are, the value-like runs of its text with their boxes, blocks of numbers aligned in columns,
and images drawn like a table with no text over them. It is kept for the document being read, so the
extractor's routing and the coverage count share one pdfium pass.
"""

from __future__ import annotations

import ctypes
import logging
import os
import re

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from .coverage import (
    ALIGNED_PER_LINE,
    ALIGNED_ROWS,
    DARK,
    MAX_IMAGE_PIXELS,
    MAX_TEXT_OVER_IMAGE,
    MIN_IMAGE_SHARE,
    MIN_IMAGE_SIDE,
    PageSurvey,
    aligned_blocks,
    drawn_like_a_table,
    top_left,
    value_runs,
)
from .pages import _address, _char_box, _page_ctm, bounds, extent, path_objects, subpaths
from .vocabulary import TABLE_WORDS, compact

log = logging.getLogger(__name__)

MIN_RULE = 8.0  # points: a shorter segment is not a rule (a bullet, a glyph drawn as a path)
RULE_THICKNESS = 3.0  # points: a segment thinner than this across is a rule, not a box
RULE_JOIN_GAP = 5.0  # points: collinear segments this close are one rule (borders drawn cell by cell)
MIN_TABLE_WIDTH = 100.0  # points a table's vertical rules spread over at least
NUMBER_ROWS = 3  # rows of values under a header line that make a borderless table
HEADER_LINES = 3  # lines a wrapped column header may take


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
    return _ruled_joined(_join(h_edges), _join(v_edges))


def _ruled_joined(h_edges: list[tuple[float, float, float]], v_edges: list[tuple[float, float, float]]) -> bool:
    """`_ruled` of rules already joined (`_join`)."""
    rows = []
    for y, hx0, hx1 in h_edges:
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
    lines = text.splitlines()
    # a header wrapped cell by cell comes out a line per cell ("INDIKATOR" / "TARGET REALISASI"): short
    # lines read together, up to HEADER_LINES of them
    for k in range(len(lines)):
        for n in range(1, HEADER_LINES + 1):
            window = lines[k:k + n]
            if len(window) < n or any(_NOT_A_HEADER.search(ln) or _NUMBER.search(ln) for ln in window[1:]):
                break
            joined = " ".join(window)
            tokens = joined.split()
            if len(tokens) > 12 or _NOT_A_HEADER.search(window[0]):
                break
            letters = compact(joined)
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
    routes, heights, _ = survey_document(pdf_path)
    return routes, heights


_last_survey: tuple[tuple, bool, tuple] | None = None  # (file key, keep_runs, survey) of the document being read


def survey_document(pdf_path: str, keep_runs: bool = False) -> tuple[dict[int, str] | None, dict[int, float], dict[int, PageSurvey]]:
    """Routes and heights (`route_document`) and each page's `PageSurvey`, in one pdfium pass. The last
    document's survey is kept (keyed by path, size and modification time): the extractor routes the
    document and the coverage count reads the survey, and the pass is made once. `keep_runs`: every page's
    value-like runs are kept, not only those of pages that may hold a table (a family reading diagrams
    reads pages no router would)."""
    global _last_survey
    try:
        st = os.stat(pdf_path)
        key = (os.fspath(pdf_path), st.st_size, st.st_mtime_ns)
    except OSError:
        key = None
    if key is not None and _last_survey is not None and _last_survey[0] == key and (_last_survey[1] or not keep_runs):
        return _last_survey[2]
    survey = _survey(pdf_path, keep_runs)
    if key is not None:
        _last_survey = (key, keep_runs, survey)
    return survey


def _survey(pdf_path: str, keep_runs: bool = False) -> tuple[dict[int, str] | None, dict[int, float], dict[int, PageSurvey]]:
    try:
        pdf = pdfium.PdfDocument(pdf_path)
    except Exception as exc:  # the parse that follows reports a broken file; routing just steps aside
        log.debug("pdfium cannot route %s: %s", pdf_path, exc)
        return None, {}, {}
    routes: dict[int, str] = {}
    heights: dict[int, float] = {}
    surveys: dict[int, PageSurvey] = {}
    try:
        for k in range(len(pdf)):
            try:
                page = pdf[k]
            except pdfium.PdfiumError as exc:  # a page pdfium cannot load: not routed; reading it will say what fails
                log.debug("%s page %s: pdfium cannot load it (%s)", pdf_path, k + 1, exc)
                continue
            heights[k + 1] = page.get_height()
            h: list[tuple[float, float, float]] = []
            v: list[tuple[float, float, float]] = []
            images: list = []
            for obj, m, parent in path_objects(page.raw, images):
                if max(extent(obj, parent)) < MIN_RULE - 0.5:  # (bounds in float32 and with the stroke)
                    continue  # too small to hold a rule (a bullet, a glyph drawn as a path)
                for _, pts in subpaths(obj, m):
                    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
                        _add_edge(h, v, min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
            textpage = page.get_textpage()
            try:
                text = textpage.get_text_range()
                h, v = _join(h), _join(v)
                ruled = _ruled_joined(h, v)
                if ruled:
                    routes[k + 1] = "ruled"
                elif _header_line(text) and _number_rows(text) >= NUMBER_ROWS:
                    routes[k + 1] = "text"
                try:
                    survey = PageSurvey(k + 1, ruled, image_share=_image_share(page, images))
                    surveys[k + 1] = _survey_page(survey, page, textpage, text, h, v, images, keep_runs or k + 1 in routes)
                except Exception as exc:  # coverage of an odd page unknown: its routing and reading go on
                    log.debug("%s page %s: no coverage survey (%s)", pdf_path, k + 1, exc)
            finally:
                textpage.close()
                page.close()
    finally:
        pdf.close()
    return routes, heights, surveys


def _image_share(page, images: list) -> float:
    """The share of the page its largest image covers (within the page)."""
    width, height = page.get_width(), page.get_height()
    share = 0.0
    for obj, parent in images:
        l, b, r, t = bounds(obj, parent)
        share = max(share, max(0.0, min(r, width) - max(l, 0.0)) * max(0.0, min(t, height) - max(b, 0.0)) / (width * height))
    return share


def _survey_page(survey: PageSurvey, page, textpage, text: str, h, v, images: list, routed: bool) -> PageSurvey:
    """A page's tables as coverage sees them: its ruled skeletons, aligned blocks, value-like runs (kept when
    the page may hold a table, or is `routed` to be read) and images drawn like a table (looked for on an
    unrotated page with neither)."""
    # the page's own MediaBox, else the page's box (pdfium does not inherit a MediaBox from the page tree,
    # and its fallback is a letter page; its bounding box does inherit)
    mediabox, rotation = page.get_mediabox(fallback_ok=False) or page.get_bbox(), page.get_rotation()
    to_box = top_left(mediabox, rotation, _page_ctm(mediabox, rotation))
    if survey.ruled:
        survey.regions += [to_box(*r) for r in _ruled_regions(h, v)]
    if survey.ruled or routed or _number_lines(text) >= ALIGNED_ROWS:
        runs, survey.totals = value_runs(text, _char_boxes(textpage, text, to_box))
        survey.aligned = aligned_blocks(runs)
        survey.regions += survey.aligned
        if survey.ruled or routed or survey.aligned:
            survey.runs = runs
    if images and not survey.ruled and not survey.aligned and rotation == 0:
        survey.images = _image_tables(page, textpage, images, to_box)
    return survey


def _number_lines(text: str) -> int:
    """Text lines holding ALIGNED_PER_LINE numbers or more: a page with fewer than ALIGNED_ROWS of them
    holds no aligned block (pdfium prints a table row's cells on one line), so its words are not looked at."""
    return sum(1 for ln in text.splitlines() if len(_NUMBER.findall(ln)) >= ALIGNED_PER_LINE)


def _char_boxes(textpage, text: str, to_box):
    """The top-left box of the char at index i of `text` (pdfium's text of the page), or None."""
    tp = _address(textpage.raw)
    rect = pdfium_raw.FS_RECTF()
    address = ctypes.addressof(rect)
    if len(text) == textpage.count_chars() and not (text and max(text) > "\uffff"):
        index = None  # one char of text per pdfium char: nearly every page
    else:
        units = [0]
        for c in text:  # a python char beyond the BMP is two UTF-16 units of pdfium's text
            units.append(units[-1] + (2 if c > "\uffff" else 1))
        index = lambda i: pdfium_raw.FPDFText_GetCharIndexFromTextIndex(textpage.raw, units[i])  # noqa: E731

    def box(i: int):
        ci = i if index is None else index(i)
        if ci < 0 or not _char_box(tp, ci, address):
            return None
        if rect.right <= rect.left or rect.top <= rect.bottom:
            return None
        return to_box(rect.left, rect.bottom, rect.right, rect.top)

    return box


def _ruled_regions(h_edges, v_edges) -> list[tuple[float, float, float, float]]:
    """The ruled skeletons of a page (pdfium space: left, bottom, right, top) from its joined rules:
    horizontal rules each crossed by three vertical ones spread over MIN_TABLE_WIDTH (as `_ruled` counts
    them), grouped while a vertical rule joins one to the next. Every rule is tested against every other
    at once (numpy): a page of cell borders holds hundreds."""
    h, v = np.array(h_edges, dtype=float), np.array(v_edges, dtype=float)
    if not len(h) or not len(v):
        return []
    v = v[np.argsort(v[:, 0], kind="stable")]
    column = np.concatenate(([0], np.cumsum(np.diff(v[:, 0]) > RULE_JOIN_GAP)))  # rules drawn twice are one column
    y, hx0, hx1 = h[:, :1], h[:, 1:2], h[:, 2:3]
    crosses = (v[:, 0] >= hx0 - 2) & (v[:, 0] <= hx1 + 2) & (v[:, 1] - 2 <= y) & (v[:, 2] + 2 >= y)  # rows x rules
    columns = np.zeros((len(h), int(column[-1]) + 1), dtype=bool)
    rows, rules = crosses.nonzero()
    columns[rows, column[rules]] = True
    xs = np.where(crosses, v[:, 0], np.nan)
    with np.errstate(all="ignore"):
        spread = np.nanmax(xs, axis=1, initial=-np.inf) - np.nanmin(xs, axis=1, initial=np.inf)
    table_rows = sorted(tuple(h[i]) for i in np.nonzero((columns.sum(axis=1) >= 3) & (spread >= MIN_TABLE_WIDTH))[0])
    regions: list[list[float]] = []  # [x0, y0, x1, y1]
    for yy, x0, x1 in table_rows:
        last = regions[-1] if regions else None
        joined = last is not None and bool(np.any((v[:, 0] >= last[0] - 2) & (v[:, 0] <= last[2] + 2) & (v[:, 1] - 2 <= last[3]) & (v[:, 2] + 2 >= yy)))
        if joined:
            last[0], last[2], last[3] = min(last[0], x0), max(last[2], x1), yy
        else:
            regions.append([x0, yy, x1, yy])
    return [(x0, y0, x1, y1) for x0, y0, x1, y1 in regions if y1 > y0]


def _image_tables(page, textpage, images: list, to_box) -> list[tuple[float, float, float, float]]:
    """The images of the page large enough to hold a table (MIN_IMAGE_SHARE of the page, MIN_IMAGE_SIDE
    both ways), with no text printed over them, and drawn like a ruled table (`drawn_like_a_table`, on
    the image's own pixels, decoded but not rendered): top-left boxes."""
    width, height = page.get_width(), page.get_height()
    out = []
    for obj, parent in images:
        l, b, r, t = bounds(obj, parent)
        if r - l < MIN_IMAGE_SIDE or t - b < MIN_IMAGE_SIDE or (r - l) * (t - b) < MIN_IMAGE_SHARE * width * height:
            continue
        if len("".join(textpage.get_text_bounded(l, b, r, t).split())) > MAX_TEXT_OVER_IMAGE:
            continue  # a background with its text printed over it (a scan with an OCR layer, a letterhead)
        ink = _image_ink(obj)
        if ink is not None and drawn_like_a_table(ink, ink.shape[0] / (t - b)):
            out.append(to_box(l, b, r, t))
    return out


_CHANNELS = {pdfium_raw.FPDFBitmap_Gray: 1, pdfium_raw.FPDFBitmap_BGR: 3, pdfium_raw.FPDFBitmap_BGRx: 4, pdfium_raw.FPDFBitmap_BGRA: 4}


def _image_ink(obj: int):
    """An image object's ink (a boolean array, rows x columns) as decoded, not rendered; None when pdfium
    cannot decode it or it holds more than MAX_IMAGE_PIXELS (decoding would take memory the worker's limit
    keeps for reading). One channel is enough (green, of a colour image): ink of any strong colour is dark
    in it, a light grey rule is not ink."""
    handle = ctypes.cast(obj, pdfium_raw.FPDF_PAGEOBJECT)
    w, h = ctypes.c_uint(), ctypes.c_uint()
    if not pdfium_raw.FPDFImageObj_GetImagePixelSize(handle, w, h) or w.value * h.value > MAX_IMAGE_PIXELS:
        return None
    handle = pdfium_raw.FPDFImageObj_GetBitmap(handle)
    if not handle:
        return None
    try:
        w, h = pdfium_raw.FPDFBitmap_GetWidth(handle), pdfium_raw.FPDFBitmap_GetHeight(handle)
        stride, channels = pdfium_raw.FPDFBitmap_GetStride(handle), _CHANNELS.get(pdfium_raw.FPDFBitmap_GetFormat(handle))
        buffer = pdfium_raw.FPDFBitmap_GetBuffer(handle)
        if not (w and h and channels and buffer):
            return None
        rows = np.ctypeslib.as_array(ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ubyte)), shape=(h, stride))
        return rows[:, 1 if channels >= 3 else 0 : w * channels : channels] < DARK  # a new array: the buffer goes with the bitmap
    finally:
        pdfium_raw.FPDFBitmap_Destroy(handle)


def page_has_table(page) -> bool:
    """Routing on a parsed page (when pdfium cannot read the file): rules, or table words."""
    if len(page.lines) + len(page.rects) >= 4:
        return True
    words = compact(" ".join(w["text"] for w in page.extract_words()[:400]))
    return sum(w in words for w in TABLE_WORDS) >= 2
