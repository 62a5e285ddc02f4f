"""A scanned page made into the page the born-digital path reads: its words with boxes (PDF points, chars
spread over each word) and its ruling lines (found on the image with OpenCV morphology, given as line
objects), inside a pdfplumber page. The grid, layout and values stages then read it as any other page:
there is no second interpreter.

    render (ROUTE_SCALE) -> orientation and skew (row profiles) -> ruling lines (morphology)
    -> route on the image (rules that cross: a table; else not recognised)
    -> render (SCALE), upright, rules painted out -> lines found by the detector over the tables only
       -> a turned page the right way round -> words cut at blank columns, each recognised with its
       characters' places and confidences; an unsure number recognised a second time from another crop

Boxes of a page turned upright are in the upright frame (as pdfplumber gives a /Rotate page's).
"""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass, field

import numpy as np
from pdfplumber.page import Page

from .geometry import components
from .ocr import detect
from .pages import WordsKept
from .reader import MIN_CHARS_PER_PAGE
from .vocabulary import COMMON_WORDS, HEADER_WORDS, MEASURE_WORDS, MONEY_WORDS

SCALE = 3.0  # render scale (216 dpi): words are cut and recognised at this size (at 144 dpi small print reads worse)
ROUTE_SCALE = 1.5  # every page is first rendered at 108 dpi: orientation, skew and rules, to route it
PROFILE_SCALE = 1 / 3  # the coarse search for orientation and skew runs on a copy this size of it (36 dpi)
SKEW_MAX, SKEW_STEP = 4.0, 0.25  # degrees: the skews tried, either way, for the sharpest row profile
SKEW_FINE = 0.05  # degrees: the best skew is then refined in these steps, on the route image (a rule 1000 pt
# long drifts 1 px at 108 dpi)
SKEW_MIN = 0.1  # degrees: a smaller skew is left alone (rotating costs and blurs)
TURN_MARGIN = 1.15  # a page is turned when its turned row profile is this much sharper than its own
RULE_MIN_PT = 18.0  # points: a ruling line is at least this long (longer than any glyph's stroke)
RULE_PIECE_PT = 6.0  # points: a rule is found as runs of ink at least this long, joined (a scanned rule is broken,
RULE_STEM_PT = 10.0  # a dashed row rule in short dashes); a column rule's pieces are longer than a letter's stem
RULE_MAX_THICK_PT = 3.0  # points: and no thicker (a filled band is not a line)
RULE_GAP_PT = 2.0  # points: breaks this short in a scanned line are closed on the image
RULE_JOIN_PT = 20.0  # points: pieces of one rule (in line, within RULE_ALIGN_PT) this far apart are one rule:
RULE_ALIGN_PT = 1.5  # a faint scanned rule comes in pieces; a rule left out over a merged cell is wider than a cell
RULE_REACH_PT = 20.0  # points: a rule's end this close to a crossing rule is carried to it (rules end on rules)
RULE_BLOCK_PX, RULE_CONTRAST = 15, 12  # the local threshold: a pixel this much darker than its 15 px block is ink
RULE_FADED = 0.2  # a faded end of a rule is inked along at least this share of it (0.23-0.9 on the real scans)
RULE_INKED = 0.5  # a joined rule is inked over at least this share of its length (a dashed rule is)
RULE_BESIDE_PT, RULE_BESIDE_INK = 1.0, 0.15  # the rows of pixels up to this far either side of a rule are each
# inked along less than this share of its length (a rule stands clear, about 0.01 on the real scans; strokes
# of bold letters run together have the letters' ink beside them, 0.2 and more)
MIN_RULES = 2  # horizontal and vertical rules each, crossing: a ruled table to read
CROSS_TOL_PT = 6.0  # points: a rule ending this close to another crosses it
CAPTION_PT = 90.0  # points above a table recognised with it: its caption (ExtractorSettings.caption_gap)
REGION_MARGIN_PT = 6.0  # points around a table recognised with it
INK_THRESHOLD = 0  # 0: Otsu's threshold
DET_SCALE = 1.5  # the detector reads the page at this scale of the PDF (108 dpi: at 72 it runs words together)
BLANK_BETWEEN_WORDS = 0.2  # a blank run at least this fraction of the line's height separates two words
SPECK_PX = 2  # a column of a line crop with fewer dark pixels than this is blank (scan noise)
MIN_WORD_PX = 3  # px: narrower pieces of a line are specks
NARROW_PIECE = 0.35  # of the line's height: a piece narrower than this is punctuation, read with its word
MIN_SCORE = 0.5  # a word recognised below this is dropped as noise
HEADER_MIN = 6  # letters: a shorter word is not spelled as a header word (one letter is too much of it)
PAGE_BUDGET_S = 20.0  # seconds: recognition of one page stops here (the page is then partial)
SURE = 0.98  # a number read with every character at least this sure is not read a second time


@dataclass
class OcrWord:
    text: str
    box: tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points (upright frame)
    confidence: float
    second_reading: str | None = None  # a word with digits: what a second crop read (None: not read again)
    letters: tuple[float, ...] = ()  # each character's confidence, when known (as many as `text` has)

    @property
    def ambiguous(self) -> bool:
        """Its digits read two ways."""
        return self.second_reading is not None and _digits(self.second_reading) != _digits(self.text)


@dataclass
class ScannedPage:
    """What the image of one page gave: its orientation, rules and words."""

    page_number: int
    width: float  # points, upright frame
    height: float
    turn: int  # quarter turns clockwise applied to stand the page upright
    skew: float  # degrees corrected
    rules: list[tuple[float, float, float, float]]  # x0, top, x1, bottom (points): a rule's extent
    words: list[OcrWord] = field(default_factory=list)
    table: bool = False  # rules cross like a table's: recognised (each table's head first, the rest when the head names values)
    tables: list[tuple[float, float, float, float]] = field(default_factory=list)  # the ruled tables' boxes (points)
    areas: list[tuple[float, float, float, float]] | None = None  # the images read of a born-digital page (None: the whole page is the image)
    timed_out: bool = False
    seconds: float = 0.0


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


# -- the image -----------------------------------------------------------------------------------
def render_gray(pdfium_page, scale: float = SCALE) -> np.ndarray:
    """The page as a grey image (uint8), `scale` px a point."""
    bitmap = pdfium_page.render(scale=scale, grayscale=True)
    try:
        array = bitmap.to_numpy()
        return np.array(array[..., 0] if array.ndim == 3 else array)
    finally:
        bitmap.close()


def _ink(gray: np.ndarray) -> np.ndarray:
    """Dark pixels (True), by Otsu's threshold."""
    import cv2

    _, binary = cv2.threshold(gray, INK_THRESHOLD, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return binary


def _profile_sharpness(ink: np.ndarray) -> float:
    """How sharply the rows of ink alternate with blank rows: the variance of the row sums."""
    return float(np.var(ink.sum(axis=1, dtype=np.float64)))


def _rotate(image: np.ndarray, degrees: float, fill: int) -> np.ndarray:
    import cv2

    h, w = image.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(image, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=fill)


def orientation(gray: np.ndarray) -> tuple[int, float]:  # gray: the page at ROUTE_SCALE
    """(quarter turns, skew in degrees) that stand the page's text in level rows: the row profile of a
    page's ink is sharpest when its lines of text lie along the rows. The sideways case is measured as
    the page turned a quarter; which way round it is read is settled later by recognition."""
    import cv2

    small = cv2.resize(gray, None, fx=PROFILE_SCALE, fy=PROFILE_SCALE, interpolation=cv2.INTER_AREA)
    ink = (_ink(small) > 0).astype(np.uint8)
    best = (0.0, 0, 0.0)
    for turn, image in ((0, ink), (1, np.ascontiguousarray(np.rot90(ink, -1)))):
        for k in range(-int(SKEW_MAX / SKEW_STEP), int(SKEW_MAX / SKEW_STEP) + 1):
            angle = k * SKEW_STEP
            s = _profile_sharpness(_rotate(image, angle, 0) if angle else image)
            if turn == 1:
                s /= TURN_MARGIN  # a page stays as it is unless turning it is clearly better
            if s > best[0]:
                best = (s, turn, angle)
    _, turn, coarse = best
    ink = (_ink(gray) > 0).astype(np.uint8)
    if turn:
        ink = np.ascontiguousarray(np.rot90(ink, -1))
    steps = round(SKEW_STEP / SKEW_FINE)
    fine = max((coarse + k * SKEW_FINE for k in range(-steps, steps + 1)), key=lambda a: _profile_sharpness(_rotate(ink, a, 0) if a else ink))
    return turn, (round(fine, 2) if abs(fine) >= SKEW_MIN else 0.0)


def upright(gray: np.ndarray, turn: int, skew: float) -> np.ndarray:
    """The image turned `turn` quarters clockwise and rotated by `skew` degrees (counter-clockwise)."""
    image = np.ascontiguousarray(np.rot90(gray, -turn)) if turn % 4 else gray
    return _rotate(image, skew, 255) if skew else image


# -- ruling lines --------------------------------------------------------------------------------
def ruling_lines(gray: np.ndarray, scale: float = SCALE) -> tuple[list[tuple], list[tuple], np.ndarray]:
    """Horizontal and vertical rules (x0, top, x1, bottom in px) found by opening the ink with a long thin
    kernel each way (as camelot's lattice does), pieces joined into rules; and the image with the rules
    painted out (white), for the recogniser."""
    import cv2

    # a local threshold (as camelot's lattice): a faint rule, or one across a shaded header, is darker than
    # what is around it though not than the page's ink
    ink = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, RULE_BLOCK_PX, RULE_CONTRAST)
    dark = _ink(gray)  # text beside a rule is dark on the page; a shaded header beside it is not
    close = cv2.getStructuringElement(cv2.MORPH_RECT, (max(1, round(RULE_GAP_PT * scale)), 1))
    clean = gray.copy()
    out = []
    for horizontal in (True, False):
        piece = max(3, round((RULE_PIECE_PT if horizontal else RULE_STEM_PT) * scale))
        kernel = (piece, 1) if horizontal else (1, piece)
        mask = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, kernel))
        mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, close if horizontal else np.ascontiguousarray(close.T))
        _, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        paint = cv2.dilate(mask, np.ones((3, 5) if horizontal else (5, 3), np.uint8))  # with the rule's blurred edges
        pieces = [(float(x), float(y), float(x + w), float(y + h), float(w if horizontal else h))
                  for x, y, w, h, _ in stats[1:] if (h if horizontal else w) <= RULE_MAX_THICK_PT * scale]
        rules = []
        for r, inked in _joined(pieces, horizontal, RULE_JOIN_PT * scale, RULE_ALIGN_PT * scale):
            length = (r[2] - r[0]) if horizontal else (r[3] - r[1])
            if length >= RULE_MIN_PT * scale and inked >= RULE_INKED * length and not (horizontal and _in_text(dark, r, RULE_BESIDE_PT * scale)):
                rules.append(r)
                x0, y0, x1, y1 = (int(v) for v in r)
                clean[max(0, y0 - 1) : y1 + 2, max(0, x0 - 1) : x1 + 2][paint[max(0, y0 - 1) : y1 + 2, max(0, x0 - 1) : x1 + 2] > 0] = 255
        out.append(rules)
    reach = RULE_REACH_PT * scale
    return _reach(out[0], out[1], True, reach, ink), _reach(out[1], out[0], False, reach, ink), clean


def _reach(rules: list[tuple], across: list[tuple], horizontal: bool, reach: float, ink: np.ndarray) -> list[tuple]:
    """Each rule's ends carried to the crossing rule within `reach` beyond them when the way there is
    inked along RULE_FADED of it, and the bands beside it half as much or less: a scanned rule fades into
    dashes before it meets the rule it ends on (pdfplumber joins edges only within its snap tolerance);
    a rule that stops at a merged cell has nothing beyond it, or the cell's text, inked beside as on it."""
    a, b, c, d = (0, 2, 1, 3) if horizontal else (1, 3, 0, 2)
    plane = ink if horizontal else ink.T  # rows along the rule

    side = max(2, round(RULE_BESIDE_PT * 3 * (reach / RULE_REACH_PT)))  # px: a band this far beside the way

    def share(lo: float, hi: float, top: float, bottom: float) -> float:
        band = plane[max(0, int(top)) : max(0, int(bottom) + 1), int(lo) : int(hi) + 1]
        return float((band > 0).any(axis=0).mean()) if band.size else 0.0

    def inked(lo: float, hi: float, top: float, bottom: float) -> bool:
        on = share(lo, hi, top - 1, bottom + 1)
        beside = max(share(lo, hi, top - side - 2, top - side), share(lo, hi, bottom + side, bottom + side + 2))
        return on >= RULE_FADED and beside <= on / 2

    out = []
    for r in rules:
        r = list(r)
        mid = (r[c] + r[d]) / 2
        spans = [((o[a] + o[b]) / 2) for o in across if o[c] - reach <= mid <= o[d] + reach]
        if before := [p for p in spans if r[a] - reach <= p < r[a] and inked(p, r[a], r[c], r[d])]:
            r[a] = min(before)
        if after := [p for p in spans if r[b] < p <= r[b] + reach and inked(r[b], p, r[c], r[d])]:
            r[b] = max(after)
        out.append(tuple(r))
    return out


def _in_text(ink: np.ndarray, rule: tuple, beside: float) -> bool:
    """Whether a found row rule is the strokes of a line of bold text: ink just above or below it, along
    much of it. (Column rules are not asked: justified text runs up to them; letter stems are shorter than
    RULE_STEM_PT.)"""
    x0, y0, x1, y1 = (int(v) for v in rule)
    near = range(2, max(2, round(beside)) + 2)  # from 2 px: the rule's own blur lies right along it
    rows = [y0 - d for d in near if y0 - d >= 0] + [y1 + d - 1 for d in near if y1 + d - 1 < ink.shape[0]]
    return any((ink[y, x0:x1] > 0).mean() >= RULE_BESIDE_INK for y in rows)


def _joined(segments: list[tuple], horizontal: bool, gap: float, align: float) -> list[tuple[tuple, float]]:
    """Pieces of one rule (x0, top, x1, bottom, inked length) joined: in line (their middles within
    `align` across, chained) and at most `gap` apart along; each rule with its inked length."""
    a, b, c, d = (0, 2, 1, 3) if horizontal else (1, 3, 0, 2)  # along: a..b, across: c..d
    groups: list[list[tuple]] = []
    for s in sorted(segments, key=lambda s: s[c] + s[d]):
        if groups and (s[c] + s[d]) / 2 - (groups[-1][-1][c] + groups[-1][-1][d]) / 2 <= align:
            groups[-1].append(s)
        else:
            groups.append([s])
    out = []
    for group in groups:
        run: list[float] | None = None
        for s in sorted(group, key=lambda s: s[a]):
            if run is not None and s[a] - run[b] <= gap:
                run[b], run[c], run[d], run[4] = max(run[b], s[b]), min(run[c], s[c]), max(run[d], s[d]), run[4] + s[4]
                continue
            if run is not None:
                out.append((tuple(run[:4]), run[4]))
            run = list(s)
        out.append((tuple(run[:4]), run[4]))
    return out


def _crosses(h: tuple, v: tuple, tol: float) -> bool:
    return h[0] - tol <= v[0] <= h[2] + tol and v[1] - tol <= h[1] <= v[3] + tol


def table_regions(horizontal: list[tuple], vertical: list[tuple], tol: float) -> list[tuple]:
    """The boxes of the page's ruled tables: rules joined by their crossings, each group with at least
    MIN_RULES rules each way crossing at least MIN_RULES ** 2 times (a table's frame, not underlines)."""
    rules = [(r, True) for r in horizontal] + [(r, False) for r in vertical]
    crossing = [(i, j) for i, h in enumerate(horizontal) for j, v in enumerate(vertical, start=len(horizontal)) if _crosses(h, v, tol)]
    crossings: dict[int, int] = {}
    for i, _ in crossing:
        crossings[i] = crossings.get(i, 0) + 1
    out = []
    for ks in components(len(rules), crossing):
        n_h = sum(1 for k in ks if rules[k][1])
        if n_h >= MIN_RULES and len(ks) - n_h >= MIN_RULES and sum(crossings.get(k, 0) for k in ks) >= MIN_RULES**2:
            boxes = [rules[k][0] for k in ks]
            out.append((min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)))
    return out


# -- words ---------------------------------------------------------------------------------------
def _merged(boxes: list[tuple]) -> list[tuple]:
    """Overlapping boxes made one (a table's caption band may overlap the table above)."""
    out: list[list[float]] = []
    for b in sorted(boxes, key=lambda b: b[1]):
        for o in out:
            if b[0] <= o[2] and o[0] <= b[2] and b[1] <= o[3] and o[1] <= b[3]:
                o[:] = [min(o[0], b[0]), min(o[1], b[1]), max(o[2], b[2]), max(o[3], b[3])]
                break
        else:
            out.append(list(b))
    return [tuple(o) for o in out]


def _word_spans(crop: np.ndarray) -> list[tuple[int, int]]:
    """A line image's words: (x0, x1) column spans cut at blank runs of at least BLANK_BETWEEN_WORDS of the
    line's height, then at blanks that stand out in a span (`_wide_blanks`). The line is the crop less
    the ink of the lines above and below that a detected box often takes in at its edges (`_own_rows`):
    their ascenders and descenders fill the blanks between this line's words."""
    dark = crop < (int(crop.max()) + int(crop.min())) // 2
    top, bottom = _own_rows(dark)
    height = bottom - top
    ink_cols = dark[top:bottom].sum(axis=0) >= SPECK_PX  # a speck of noise does not join two words
    spans, start, last = [], None, None
    gap_min = max(2, BLANK_BETWEEN_WORDS * height)
    columns = np.flatnonzero(ink_cols).tolist()
    for x in columns:
        if start is None:
            start = last = x
        elif x - last - 1 >= gap_min:
            spans.append((start, last + 1))
            start = x
        last = x
    if start is not None:
        spans.append((start, last + 1))
    ink_top, ink_bottom = _ink_rows(dark)
    spans = [piece for span in spans for piece in _wide_blanks(span, columns, ink_bottom - ink_top)]
    out: list[tuple[int, int]] = []
    for a, b in spans:  # a narrow piece (":", ",", "-") is read with the word before it: alone it is not read
        if out and b - a < NARROW_PIECE * height:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return [(a, b) for a, b in out if b - a >= MIN_WORD_PX]


WORD_BLANK_INK = 0.3  # of the letters' height (ascender to descender): a blank this wide inside a span may part two words
WORD_BLANK_LEAD = 2.0  # when it is this many times the span's middling blank (letters' blanks are alike)
WORD_MIN_INK = 0.6  # of the letters' height: a piece cut off is at least this wide (a word, not the "1" of "100%")


def _wide_blanks(span: tuple[int, int], columns: list[int], letters: int) -> list[tuple[int, int]]:
    """A span cut at its blanks at least WORD_BLANK_INK of the `letters` height (px) and WORD_BLANK_LEAD times
    its median blank: the blank
    between two words of small print is narrower than BLANK_BETWEEN_WORDS of a generous detected box
    ("PersentasePPKSyangterlayan"), and stands out among the blanks between its letters. Two digits
    ("11") have one blank only, which stands out from nothing, and no piece cut off is narrower than
    WORD_MIN_INK of the letters' height (the "1" of "100%" stands apart by its bearings)."""
    a, b = span
    inked = [x for x in columns if a <= x < b]
    blanks = [(x0, x1) for x0, x1 in zip(inked, inked[1:]) if x1 - x0 > 1]
    if len(blanks) < 2:
        return [span]
    widths = sorted(x1 - x0 - 1 for x0, x1 in blanks)
    median = widths[len(widths) // 2]
    wide, narrow = max(2.0, WORD_BLANK_INK * letters, WORD_BLANK_LEAD * median), WORD_MIN_INK * letters
    out, left = [], a
    for x0, x1 in blanks:
        if x1 - x0 - 1 >= wide and x0 + 1 - left >= narrow and b - x1 >= narrow:
            out.append((left, x0 + 1))
            left = x1
    return out + [(left, b)]


STROKES_MAX = 3  # upright strokes a word of them is read as: I, II, III (a period's numeral: "Triwulan III", "TW III")
STROKES_CONFIDENCE = 0.9  # what such a reading is given: the recogniser's own reading was no letter at all
STROKE_FILL, STROKE_WIDTH, STROKE_HEIGHT = 0.8, 0.35, 0.6  # a stroke's ink fills its box, it is narrow for its
# height, and as tall as a capital of the line (of its own rows' height)


def _strokes(piece: np.ndarray, rows: tuple[int, int]) -> int:
    """How many upright strokes of a capital's height a word's image is, when it is nothing else (0): the
    recogniser, trained mostly on Chinese, reads a lone "III" as nothing or as '"', and a period's Roman
    numeral ("Triwulan III") is then lost."""
    top, bottom = rows
    dark = (piece < (int(piece.max()) + int(piece.min())) // 2)[top:bottom]
    cols = dark.any(axis=0).tolist()
    strokes, start = [], None
    for x, on in enumerate([*cols, False]):
        if on and start is None:
            start = x
        elif not on and start is not None:
            strokes.append((start, x))
            start = None
    if not 1 <= len(strokes) <= STROKES_MAX:
        return 0
    heights = []
    for a, b in strokes:
        ink = dark[:, a:b]
        ys = np.flatnonzero(ink.any(axis=1))
        h = int(ys[-1] - ys[0] + 1)
        if h < STROKE_HEIGHT * (bottom - top) or b - a > STROKE_WIDTH * h or ink[ys[0] : ys[-1] + 1].mean() < STROKE_FILL:
            return 0
        heights.append(h)
    return len(strokes) if min(heights) >= 0.85 * max(heights) else 0


def _ink_rows(dark: np.ndarray) -> tuple[int, int]:
    """The rows from the first to the last inked one of a line's own rows (its letters' full height)."""
    top, bottom = _own_rows(dark)
    ys = np.flatnonzero(dark[top:bottom].sum(axis=1) >= SPECK_PX)
    return (top + int(ys[0]), top + int(ys[-1]) + 1) if len(ys) else (top, bottom)


def _own_rows(dark: np.ndarray) -> tuple[int, int]:
    """The rows (top, bottom) of a line crop that are its own line's: the crop less a run of inked rows
    (SPECK_PX dark pixels or more) that touches its top or bottom edge and stops at a blank row before the
    middle (another line's ascenders or descenders). A crop with a margin all round is kept whole."""
    inked = dark.sum(axis=1) >= SPECK_PX
    n, middle = len(inked), len(inked) // 2
    top, bottom = 0, n
    if n and inked[0]:
        y = int(np.argmin(inked)) if not inked.all() else n  # the first blank row
        if y < middle:
            top = y
    if n and inked[-1]:
        y = n - int(np.argmin(inked[::-1])) if not inked.all() else 0  # after the last blank row
        if y > middle:
            bottom = y
    return top, bottom


def _rgb(crop: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(np.repeat(crop[:, :, None], 3, axis=2))


def line_boxes(engine, image: np.ndarray, scale: float, regions: list[tuple] | None = None) -> list[np.ndarray]:
    """The text lines the detector finds on a page image (4 corners each, px of `image`), only within
    `regions` (px boxes) when given: the detector's cost grows with the area it reads."""
    import cv2

    f = scale / DET_SCALE
    small = cv2.resize(image, None, fx=1 / f, fy=1 / f, interpolation=cv2.INTER_AREA)
    boxes = []
    for x0, y0, x1, y1 in _merged(regions) if regions is not None else [(0, 0, image.shape[1], image.shape[0])]:
        x0, y0 = max(0, int(x0 / f)), max(0, int(y0 / f))
        boxes += [(b + np.array((x0, y0), b.dtype)) * f for b in detect(engine, _rgb(small[y0 : int(y1 / f) + 1, x0 : int(x1 / f) + 1]))]
    return boxes


def read_words(engine, image: np.ndarray, boxes: list[np.ndarray], scale: float, deadline: float) -> tuple[list[OcrWord], bool]:
    """The words of an upright page image (rules painted out) in its detected lines `boxes`, each with its
    box in points and the recogniser's confidence; True as well when the deadline stopped it."""
    words: list[OcrWord] = []
    pad = 2
    for b in sorted(boxes, key=lambda b: (b[:, 1].min(), b[:, 0].min())):
        if time.monotonic() > deadline:
            return words, True
        x0, x1 = max(0, int(b[:, 0].min()) - pad), min(image.shape[1], int(b[:, 0].max()) + pad)
        y0, y1 = max(0, int(b[:, 1].min()) - pad), min(image.shape[0], int(b[:, 1].max()) + pad)
        line = image[y0:y1, x0:x1]
        if line.size == 0:
            continue
        spans = _word_spans(line)
        crops = [_rgb(line[:, max(0, a - pad) : bb + pad]) for a, bb in spans]
        if not crops:
            continue
        found = []
        rows = _ink_rows(line < (int(line.max()) + int(line.min())) // 2)
        for (a, bb), read in zip(spans, engine.text_rec(crops, return_word_box=True)[0]):
            tokens = _tokens(read, (x0 + max(0, a - pad)) / scale, (bb - a + 2 * pad) / scale, y0 / scale, y1 / scale)
            if not any(c.isalnum() for w in tokens for c in w.text) and (n := _strokes(line[:, a:bb], rows)):
                tokens = [OcrWord("I" * n, ((x0 + a) / scale, y0 / scale, (x0 + bb) / scale, y1 / scale), STROKES_CONFIDENCE)]
            found += tokens
        if numeric := [w for w in found if any(c.isdigit() for c in w.text) and w.confidence < SURE]:
            _read_again(engine, image, scale, numeric)
        words += found
    return words, False


def _tokens(read: tuple, left: float, width: float, top: float, bottom: float) -> list[OcrWord]:
    """A recognised crop's words (split at the spaces the recogniser read), each placed by where its
    characters were read along the crop, with the least confident of its characters' confidences."""
    text, score = read[0], read[1]
    if not text or score < MIN_SCORE or len(read) < 3:
        return []
    columns, char_groups, position_groups, _, confidences = read[2]  # groups: runs of one script
    chars = [c for g in char_groups for c in g]
    positions = [p for g in position_groups for p in g]
    step = width / max(1, columns)
    out, start = [], None
    for k, ch in enumerate([*chars, " "]):
        if ch.strip() and start is None:
            start = k
        elif not ch.strip() and start is not None:
            word = unicodedata.normalize("NFKC", "".join(chars[start:k])).strip()
            x0 = left + max(0.0, positions[start] - 0.5) * step
            x1 = left + min(columns, positions[k - 1] + 1.5) * step
            if word:
                spelled, sure = header_word(word), tuple(float(c) for c in confidences[start:k])
                out.append(OcrWord(spelled, (x0, top, x1, bottom), min(sure), letters=sure if len(sure) == len(spelled) else ()))
            start = None
    return out


def header_word(word: str) -> str:
    """A recognised word one letter away from a table-header word of at least HEADER_MIN letters, spelled as
    the header word (the recogniser reads "Realisasl", "Capalan", "Alokas!"): the layout stage finds its
    columns by these words. Words with digits are never changed."""
    from rapidfuzz.distance import Levenshtein

    lower = word.lower()
    if len(lower) < HEADER_MIN or any(c.isdigit() for c in lower) or lower in HEADER_WORDS:
        return word
    for known in HEADER_WORDS:
        if len(known) >= HEADER_MIN and Levenshtein.distance(lower, known, score_cutoff=1) <= 1:
            return known.upper() if word.isupper() else known.capitalize() if word[:1].isupper() else known
    return word


def _read_again(engine, image: np.ndarray, scale: float, words: list[OcrWord]) -> None:
    """Each word with digits recognised a second time from a crop with a wider margin: a recogniser unsure
    of a digit tends to read it differently (3/8, 1/7) when the crop moves."""
    crops = []
    for w in words:
        x0, top, x1, bottom = (round(v * scale) for v in w.box)
        m = max(2, (bottom - top) // 6)
        crops.append(_rgb(image[max(0, top - m) : bottom + m, max(0, x0 - m) : x1 + m]))
    for w, (text, _score) in zip(words, engine.text_rec(crops)[0]):
        w.second_reading = unicodedata.normalize("NFKC", text).strip()


# -- the page ------------------------------------------------------------------------------------
def scan_page(engine, pdfium_page, page_number: int, budget_s: float = PAGE_BUDGET_S) -> ScannedPage:
    """One page's image read: turned upright, its rules found, and, when its rules cross like a table's,
    rendered again at SCALE and every word recognised (a page without a ruled table is not recognised:
    prose costs and gives no value). Stops recognising after `budget_s` (`timed_out`)."""
    start = time.monotonic()
    gray = render_gray(pdfium_page, ROUTE_SCALE)
    turn, skew = orientation(gray)
    horizontal, vertical, _ = ruling_lines(upright(gray, turn, skew), ROUTE_SCALE)
    del gray
    width, height = float(pdfium_page.get_width()), float(pdfium_page.get_height())
    if turn % 2:
        width, height = height, width
    page = ScannedPage(page_number, width, height, turn, skew, [])
    page.table = bool(table_regions(horizontal, vertical, CROSS_TOL_PT * ROUTE_SCALE))
    if page.table:
        _recognise(engine, page, upright(render_gray(pdfium_page, SCALE), turn, skew), turn, start + budget_s)
    page.seconds = time.monotonic() - start
    return page


def _recognise(engine, page: ScannedPage, gray: np.ndarray, turn: int, deadline: float, offset: tuple[float, float] = (0.0, 0.0)) -> None:
    """The rules, tables and words of an upright image at SCALE (`turn`: it was turned a quarter to stand
    so, and may read upside down), into `page`, in points moved by `offset` (where the image lies on the page)."""
    horizontal, vertical, clean = ruling_lines(gray, SCALE)
    del gray
    rules = horizontal + vertical
    # only the tables and the captions above them are recognised: the prose around them gives no value
    m = REGION_MARGIN_PT * SCALE
    regions = [(x0 - m, y0 - CAPTION_PT * SCALE, x1 + m, y1 + m) for x0, y0, x1, y1 in table_regions(horizontal, vertical, CROSS_TOL_PT * SCALE)]
    if turn:  # which way round a turned page reads is known once its lines are found: its caption may be below
        regions = [(x0, y0, x1, y1 + CAPTION_PT * SCALE) for x0, y0, x1, y1 in regions]
    boxes = line_boxes(engine, clean, SCALE, regions)
    if turn and _upside_down(engine, clean, boxes):  # turned the wrong way round: half a turn more
        h, w = clean.shape
        page.turn, clean = turn + 2, np.ascontiguousarray(clean[::-1, ::-1])
        boxes = [np.array((w, h), b.dtype) - b for b in boxes]
        rules = [(w - x1, h - y1, w - x0, h - y0) for x0, y0, x1, y1 in rules]
    dx, dy = offset
    moved = lambda r: (r[0] / SCALE + dx, r[1] / SCALE + dy, r[2] / SCALE + dx, r[3] / SCALE + dy)  # noqa: E731
    page.rules += [moved(r) for r in rules]
    # the head of each table first (its caption, header and first rows): a table whose head names no
    # measure, money or year and prints no percentage gives no value, and the rest of it is not read
    tables = table_regions([r for r in rules if r[2] - r[0] >= r[3] - r[1]], [r for r in rules if r[2] - r[0] < r[3] - r[1]], CROSS_TOL_PT * SCALE)
    page.tables += [moved(t) for t in tables]
    head = [b for b in boxes if any(_in_head(b, t) for t in tables)]
    words, timed_out = read_words(engine, clean, head, SCALE, deadline)
    if _head_names_values(words) and not timed_out:
        rest, timed_out = read_words(engine, clean, [b for b in boxes if not any(b is h for h in head)], SCALE, deadline)
        words = sorted(words + rest, key=lambda w: (w.box[1], w.box[0]))
    for w in words:
        w.box = (w.box[0] + dx, w.box[1] + dy, w.box[2] + dx, w.box[3] + dy)
    page.words += words
    page.timed_out = page.timed_out or timed_out


# -- a table pasted as a picture into a born-digital page -------------------------------------------
AREA_MIN_SHARE = 0.08  # of the page: a smaller image is a logo, a signature or a stamp (coverage.MIN_IMAGE_SHARE)
AREA_MIN_SIDE = 60.0  # points an image spans at least both ways to hold a table
AREA_MAX_TEXT = 20  # characters of text over it: more, and it is a background with its text printed over it


def image_areas(pdfium_page) -> list[tuple[float, float, float, float]]:
    """The images of an unrotated page large enough to hold a table with no text printed over them
    (top-left boxes in points, within the page): each is OCR'd as its own area when its rules cross like a
    table's (`scan_areas`)."""
    if pdfium_page.get_rotation():
        return []
    width, height = pdfium_page.get_width(), pdfium_page.get_height()
    out = []
    textpage = None
    try:
        for obj in pdfium_page.get_objects(max_depth=2):
            if obj.type != 3:  # FPDF_PAGEOBJ_IMAGE
                continue
            l, b, r, t = obj.get_bounds()
            l, b, r, t = max(0.0, l), max(0.0, b), min(width, r), min(height, t)
            if r - l < AREA_MIN_SIDE or t - b < AREA_MIN_SIDE or (r - l) * (t - b) < AREA_MIN_SHARE * width * height:
                continue
            textpage = textpage or pdfium_page.get_textpage()
            if len("".join(textpage.get_text_bounded(l, b, r, t).split())) > AREA_MAX_TEXT:
                continue
            out.append((float(l), float(height - t), float(r), float(height - b)))
    finally:
        if textpage is not None:
            textpage.close()
    return out


def scan_areas(engine, pdfium_page, page_number: int, areas: list[tuple], budget_s: float = PAGE_BUDGET_S) -> ScannedPage:
    """The images `areas` (top-left boxes in points) of a born-digital page read as a scan is: routed on
    their image (rules that cross: a table), then their tables' words recognised; the page keeps its size and
    its text layer (`OcrPage` adds the areas' words and rules to it). An area is read as it lies: a picture
    pasted into a report is not turned or deskewed."""
    start = time.monotonic()
    page = ScannedPage(page_number, float(pdfium_page.get_width()), float(pdfium_page.get_height()), 0, 0.0, [], areas=[])
    route = render_gray(pdfium_page, ROUTE_SCALE)
    tabled = []
    for area in areas:
        x0, y0, x1, y1 = (round(v * ROUTE_SCALE) for v in area)
        horizontal, vertical, _ = ruling_lines(np.ascontiguousarray(route[y0:y1, x0:x1]), ROUTE_SCALE)
        if table_regions(horizontal, vertical, CROSS_TOL_PT * ROUTE_SCALE):
            tabled.append(area)
    del route
    if tabled:
        page.table, full = True, render_gray(pdfium_page, SCALE)
        for area in tabled:
            x0, y0, x1, y1 = (round(v * SCALE) for v in area)
            _recognise(engine, page, np.ascontiguousarray(full[y0:y1, x0:x1]), 0, start + budget_s, (x0 / SCALE, y0 / SCALE))
            page.areas.append(area)
    page.seconds = time.monotonic() - start
    return page


HEAD_SHARE = 0.3  # of a table's height (at least HEAD_MIN_PT): its head, read first
HEAD_MIN_PT = 60.0
_VALUE_WORD = re.compile(r"^(?:19|20)\d\d$|\d%$|^\d+[.,]\d+%?$")  # a year, a percentage, a decimal


def _in_head(box: np.ndarray, table: tuple) -> bool:
    """A detected line in a table's head: above it (the caption) or in its top HEAD_SHARE."""
    x, y = box[:, 0].mean(), box[:, 1].mean()
    x0, y0, x1, y1 = table
    return x0 - CAPTION_PT * SCALE <= x <= x1 + CAPTION_PT * SCALE and y0 - CAPTION_PT * SCALE <= y <= y0 + max(HEAD_SHARE * (y1 - y0), HEAD_MIN_PT * SCALE)


def _head_names_values(words: list[OcrWord]) -> bool:
    """The heads read say their tables hold values: a word names values (`_names_values`), or a head prints
    no header word but numbers (a table's body run on from the page before, without its header)."""
    if any(_names_values(w.text) for w in words):
        return True
    from .vocabulary import TABLE_WORDS, has_word

    return any(any(c.isdigit() for c in w.text) for w in words) and not any(has_word(w.text, *TABLE_WORDS, *MEASURE_WORDS) for w in words)


def _names_values(text: str) -> bool:
    """A word of a table's head that says the table holds values: a measure or money word, a year, a
    percentage or a decimal number."""
    from .vocabulary import MEASURE_WORDS, MONEY_WORDS, has_word

    return bool(_VALUE_WORD.search(text)) or has_word(text, *MEASURE_WORDS, *MONEY_WORDS)


UPSIDE_DOWN_SAMPLE = 12  # lines of a turned page the direction classifier looks at


def _upside_down(engine, image: np.ndarray, boxes: list[np.ndarray]) -> bool:
    """Whether a page turned upright by a quarter turn reads upside down (it was turned the other way):
    the recogniser's direction classifier (0 or 180 degrees) on the page's widest lines, by majority."""
    widest = sorted(boxes, key=lambda b: -(b[:, 0].max() - b[:, 0].min()))[:UPSIDE_DOWN_SAMPLE]
    if not widest:
        return False
    _, labels, _ = engine.text_cls(engine.get_crop_img_list(_rgb(image), [b.astype(np.float32) for b in widest]))
    return sum(1 for label, _ in labels if label == "180") > len(labels) / 2


OCR_FONT = "OCR"  # the fontname of a recognised char


class OcrPage(WordsKept):
    """A pdfplumber page whose objects are what the page's image gave (`ScannedPage`): a char per
    recognised character (a word's box shared evenly among its characters, a zero-width space after each
    word) and a line per ruling line. Everything above it (`find_tables`, `extract_words`, `crop`) reads it
    as a page with a text layer. A page turned upright has its width and height swapped. A born-digital page
    with tables pasted as pictures (`scanned.areas`) keeps its own objects, its text layer, and has the
    areas' words and rules added."""

    is_ocr = True

    def __init__(self, page: Page, scanned: ScannedPage):
        super().__init__(page.pdf, page.page_obj, page_number=page.page_number, initial_doctop=page.initial_doctop)
        self.scanned = scanned
        self._source = page  # the file's page this one stands for: closed with it
        if scanned.areas is None:
            self.bbox = self.mediabox = self.cropbox = (0, 0, scanned.width, scanned.height)

    def in_area(self, box) -> bool:
        """Whether a box (its centre) lies in what OCR read: anywhere on a scanned page, or in an area."""
        if self.scanned.areas is None:
            return True
        x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        return any(a[0] <= x <= a[2] and a[1] <= y <= a[3] for a in self.scanned.areas)

    @property
    def route_hint(self) -> str | None:
        """The route read on the image: "ruled" when its rules cross like a table's, else no table."""
        return "ruled" if self.scanned.table else None

    def close(self) -> None:
        super().close()
        self._source.close()

    def parse_objects(self) -> dict[str, list[dict]]:
        chars = [c for w in self.scanned.words for c in self._chars(w)]
        lines = [self._line(r) for r in self.scanned.rules]
        out = {k: v for k, v in (("char", chars), ("line", lines)) if v}
        if self.scanned.areas is None:
            return out
        own = self._source.objects  # the text layer and drawings of the page, then the areas' on top
        return {k: [*own.get(k, []), *out.get(k, [])] for k in {*own, *out}}

    def _obj(self, kind: str, x0: float, top: float, x1: float, bottom: float, **extra) -> dict:
        h = float(self.height)
        return {"object_type": kind, "page_number": self.page_number, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
                "y0": h - bottom, "y1": h - top, "width": x1 - x0, "height": bottom - top, "doctop": self.initial_doctop + top, **extra}

    def _chars(self, word: OcrWord) -> list[dict]:
        """The word's characters, its box shared among them in proportion to their count; the recogniser's
        spaces are kept as zero-width chars, and one ends the word."""
        x0, top, x1, bottom = word.box
        step = (x1 - x0) / max(1, len(word.text))
        size = bottom - top
        out = []
        for k, ch in enumerate(word.text):
            left = x0 + k * step
            out.append(self._obj("char", left, top, left if ch == " " else left + step, bottom, text=ch, fontname=OCR_FONT,
                                 size=size, upright=True, matrix=(1, 0, 0, 1, left, float(self.height) - bottom)))
        out.append(self._obj("char", x1, top, x1, bottom, text=" ", fontname=OCR_FONT, size=size, upright=True,
                             matrix=(1, 0, 0, 1, x1, float(self.height) - bottom)))
        return out

    def _line(self, rule: tuple) -> dict:
        """A rule as a line along its middle (a horizontal one has top == bottom, as pdfplumber's edges want)."""
        x0, top, x1, bottom = rule
        if x1 - x0 >= bottom - top:
            y = (top + bottom) / 2
            return self._obj("line", x0, y, x1, y, linewidth=bottom - top, stroke=True, fill=False, pts=[(x0, y), (x1, y)],
                             stroking_color=(0,), non_stroking_color=None, dash=None, evenodd=False)
        x = (x0 + x1) / 2
        return self._obj("line", x, top, x, bottom, linewidth=x1 - x0, stroke=True, fill=False, pts=[(x, top), (x, bottom)],
                         stroking_color=(0,), non_stroking_color=None, dash=None, evenodd=False)


# -- which pages, and what a reading is worth ------------------------------------------------------
PAGE_IMAGE_SHARE = 0.5  # an image covering this share of the page: the page is a picture (a scan)
NOISE_MAX = 0.3  # a scan's text layer with more than this share of garbled words is OCR noise: read again
DIGIT_CONFIDENCE = 0.9  # a number whose least sure character the recogniser gave less than this is a warning
_PLAIN_WORD = re.compile(r"[(\"'\[]*(?:[A-Za-z]+(?:[-'/][A-Za-z]+)*|[Rp.]*[\d.,]+%?|[A-Za-z]?\d+[A-Za-z]?)[)\"'\].,:;!?%]*")


def noise_score(text: str) -> float:
    """The share of a text layer's words (two characters or more) that are not words: neither letters (with
    a hyphen or apostrophe), nor a number, nor a numbering ("1.", "2a"). An OCR layer that read the page
    well scores a few per cent (the noisy PK in the corpus: "be~anji", "RpA.868"); garbage, most."""
    words = [w for w in text.split() if len(w) >= 2]
    return sum(1 for w in words if not _PLAIN_WORD.fullmatch(w)) / len(words) if words else 0.0


def ocr_reason(pdfium_page) -> str | None:
    """Why a page is to be read by OCR ("no text layer", "noisy text layer (0.42)"), or None: a page is
    OCR'd when an image covers most of it and it has no text layer, or one that is OCR noise (`noise_score`)."""
    width, height = pdfium_page.get_width(), pdfium_page.get_height()
    share = 0.0
    for obj in pdfium_page.get_objects(max_depth=1):
        if obj.type == 3:  # FPDF_PAGEOBJ_IMAGE
            x0, y0, x1, y1 = obj.get_bounds()
            share = max(share, max(0.0, min(x1, width) - max(x0, 0)) * max(0.0, min(y1, height) - max(y0, 0)) / (width * height))
    if share < PAGE_IMAGE_SHARE:
        return None
    textpage = pdfium_page.get_textpage()
    try:
        n = textpage.count_chars()
        if n < MIN_CHARS_PER_PAGE:
            return "no text layer"
        score = noise_score(textpage.get_text_range())
    finally:
        textpage.close()
    return f"noisy text layer ({score:.2f})" if score > NOISE_MAX else None


def ocr_warnings(page: OcrPage, values: list) -> list:
    """A warning for each value read from an OCR'd page whose digits are unsure: the recogniser's least
    confident character under DIGIT_CONFIDENCE, or digits a second crop read otherwise; with the value's box
    (the crop a reviewer looks at)."""
    from .records import ExtractedWarning

    out = []
    for v in values:
        x0, top, x1, bottom = v.bbox
        inside = [w for w in page.scanned.words if any(c.isdigit() for c in w.text)
                  and x0 <= (w.box[0] + w.box[2]) / 2 <= x1 and top <= (w.box[1] + w.box[3]) / 2 <= bottom]
        if ambiguous := [w for w in inside if w.ambiguous]:
            out.append(ExtractedWarning(v.page, "ocr_digits_ambiguous", f"OCR read '{ambiguous[0].text}' and '{ambiguous[0].second_reading}' here; "
                                        f"the value is given as {v.value_text!r}: check it on the page", v.value_text, v.bbox))
        elif unsure := [w for w in inside if w.confidence < DIGIT_CONFIDENCE]:
            low = min(unsure, key=lambda w: w.confidence)
            out.append(ExtractedWarning(v.page, "ocr_low_confidence", f"OCR read '{low.text}' with confidence {low.confidence:.2f}; "
                                        f"the value is given as {v.value_text!r}: check it on the page", v.value_text, v.bbox))
    return out


# -- the report's own words ------------------------------------------------------------------------
UNSURE_LETTERS = 0.9  # a word whose least sure character was read under this may be misread ("kewenangen", 0.37)
VOCABULARY_SEEN = 2  # a reading read sure this many times is the report's word, never repaired
VOCABULARY_RATIO = 3  # the report's word that repairs a reading is read this many times as often as it (once sure)
REPAIR_MIN_LETTERS = 5  # shorter words are too alike to repair ("dang": "yang", "bali": "balai")
REPAIR_LONG = 7  # letters: a word this long may be two edits from the report's word ("tarnram": "tanam"), a shorter one one
_LETTER_RUN = re.compile(r"[A-Za-z]+")
_TABLE_VOCABULARY = frozenset({*HEADER_WORDS, *MEASURE_WORDS, *MONEY_WORDS, *COMMON_WORDS})  # words kept as read ("alokasi", not "lokasi")


def vocabulary_repairs(words: list[OcrWord], printed: list[str] = ()) -> dict[str, str]:
    """{a misread word (lowercase): the report's word} from a document's OCR'd words and its `printed` texts
    (a text layer's, read sure). A reading read unsure (a character under UNSURE_LETTERS), never
    VOCABULARY_SEEN times sure, is the report's word nearest it in spelling (one edit, two for a word of
    REPAIR_LONG letters; the most read of the nearest) that is read VOCABULARY_RATIO times as often, once
    sure at least, when every edit falls on (or beside) a letter read unsure. A recogniser unsure of a letter
    misreads it ("pravinsi", "tarmpung", "urigasi"), each time otherwise; the report prints its own words
    again and again ("provinsi" 80 times in a 142-page LKIP). A word read sure is not changed: a real word
    one letter from another ("rencana", "bencana") stays, and so do the table's own words ("alokasi")."""
    from rapidfuzz.distance import Levenshtein

    sure: dict[str, int] = {}
    seen: dict[str, int] = {}
    unsure: dict[str, set[int] | None] = {}  # a reading read unsure: the positions of its unsure letters (None: not known)
    for w in words:
        for m in _LETTER_RUN.finditer(w.text):
            t = m.group().lower()
            seen[t] = seen.get(t, 0) + 1
            letters = w.letters[m.start() : m.end()] if w.letters else ()
            if (min(letters) if letters else w.confidence) >= UNSURE_LETTERS:
                sure[t] = sure.get(t, 0) + 1
            elif t not in unsure or unsure[t] is not None:
                at = {i for i, c in enumerate(letters) if c < UNSURE_LETTERS} if letters else None
                unsure[t] = None if at is None else at | (unsure.get(t) or set())
    for text in printed:
        for token in _LETTER_RUN.findall(text):
            t = token.lower()
            seen[t], sure[t] = seen.get(t, 0) + 1, sure.get(t, 0) + 1
    known = [(t, n) for t, n in seen.items() if t in sure and n >= VOCABULARY_RATIO and len(t) >= REPAIR_MIN_LETTERS - 1]
    out = {}
    for t, at in unsure.items():
        if len(t) < REPAIR_MIN_LETTERS or sure.get(t, 0) >= VOCABULARY_SEEN or t in _TABLE_VOCABULARY:
            continue
        edits = 2 if len(t) >= REPAIR_LONG else 1
        near = [(d, -n, k) for k, n in known if n >= VOCABULARY_RATIO * seen[t]
                and (d := Levenshtein.distance(t, k, score_cutoff=edits)) <= edits and _on_unsure(t, k, at)]
        if near:
            out[t] = min(near)[2]
    return out


def _on_unsure(reading: str, word: str, at: set[int] | None) -> bool:
    """Every edit from `reading` to `word` is at a letter read unsure or next to one (an inserted letter is
    between two), when the unsure letters are known."""
    from rapidfuzz.distance import Levenshtein

    if at is None:
        return True
    near = {p for i in at for p in (i - 1, i, i + 1)}
    return all(op.src_pos in near or (op.tag == "insert" and op.src_pos - 1 in near) for op in Levenshtein.editops(reading, word))


def repaired(text: str | None, repairs: dict[str, str]) -> str | None:
    """`text` with each word of `repairs` spelled as the report spells it, in the word's own case."""
    if not text or not repairs:
        return text

    def spell(m: re.Match) -> str:
        word = m.group()
        known = repairs.get(word.lower())
        if known is None:
            return word
        return known.upper() if word.isupper() and len(word) > 1 else known.capitalize() if word[:1].isupper() else known

    return _LETTER_RUN.sub(spell, text)


UNREAD_TABLE_NUMBERS = 3  # numbers a header-less table OCR read prints at least to be a warning when it gives nothing


def unread_table_warnings(page: OcrPage, result) -> list:
    """A warning for each table read by OCR that prints no header (its first line holds a number and no table
    word: a table's body run on from the page before) and gave nothing, neither continuing the previous
    page's columns nor read otherwise, though it prints UNREAD_TABLE_NUMBERS numbers or more: its values are
    left, and the reviewer is told where (the table's box), not left to silence. (A table under a header
    the layout did not understand is coverage's: its cells are unread.)"""
    from .records import ExtractedWarning
    from .vocabulary import TABLE_WORDS, has_word

    def inside(box, t) -> bool:
        x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        return t[0] <= x <= t[2] and t[1] <= y <= t[3]

    read = [v.bbox for v in result.values] + [b for line in result.budget for b in (line.value_boxes or [])]
    out = []
    for t in result.tables:
        if t.columns or not page.in_area(t.bbox) or any(inside(b, t.bbox) for b in read):
            continue
        words = sorted((w for w in page.scanned.words if inside(w.box, t.bbox)), key=lambda w: (w.box[1] + w.box[3]) / 2)
        numbers = [w for w in words if any(c.isdigit() for c in w.text)]
        if len(numbers) < UNREAD_TABLE_NUMBERS:
            continue
        top = words[0].box
        first = [w for w in words if abs((w.box[1] + w.box[3]) / 2 - (top[1] + top[3]) / 2) <= (top[3] - top[1]) / 2]
        if not any(any(c.isdigit() for c in w.text) for w in first) or any(has_word(w.text, *TABLE_WORDS, *MEASURE_WORDS) for w in first):
            continue  # a header first: one the layout did not understand
        out.append(ExtractedWarning(page.page_number, "ocr_table_not_read", f"a table read by OCR prints no header and does not continue "
                                    f"the previous page's columns: its {len(numbers)} numbers are not read; read it on the page",
                                    None, tuple(round(float(v), 1) for v in t.bbox)))
    return out
