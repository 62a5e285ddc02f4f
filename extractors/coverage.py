"""Coverage: how much of what a table page prints as values the extractors read, measured from the page
itself, without labels.

The extractors know what they read, not what they missed: a table whose header they did not understand
leaves no value and no trace. So the values are counted here from the page's own text, with rules of
their own (`normalizers.numbers.parse_cell` decides what looks like a value), and each is then put in one
of three piles by the records the page emitted:

    read                its box overlaps an indicator value's cell or a budget line's money / % cell
    skipped:<reason>    a cell the extractors knowingly leave (a header year, a row number, a code, money,
                        a total row, a number inside a name, a table of places); decided from the page's `ExtractedTable`s
    unread              everything else: a value column nobody read, a table dropped, an aligned block
                        of numbers no reader found

What counts is the value-like runs inside a table region: the extractors' own table boxes, the skeleton
of crossing rules (`routing`), blocks of lines whose numbers stand in aligned columns, and the boxes of a
diagram read (a pohon kinerja's targets are its values). A page of prose
with numbers in sentences has no such region; a large image with no text over it that is drawn like a
table (long thin rules both ways) makes the page an image page, with no cells to count.

The page's text comes from pdfium, which routing reads anyway (`routing.survey_document`), not from
pdfplumber's words: it costs a few tenths of a millisecond a page and is the same on pages the router
skipped as on pages it read.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from normalizers.numbers import parse_cell

from .geometry import BBox, bbox_union
from .records import ExtractedBudgetLine, ExtractedTable, PageCoverage, PageResult

# -- what looks like a value ------------------------------------------------------------------------
VALUE_KINDS = frozenset({"number", "percent", "money", "bound", "range", "grade"})  # parse_cell kinds that are values
MAX_RUN_TOKENS = 4  # a value printed as several words: "Rp 15.061.828.880", "83, 60", "10% (190 temuan)"
RUN_GAP = 0.6  # of the text's height: words further apart than this are two cells, not one value
_LEVEL = re.compile(r"^level\s*\d+(?:[.,]\d+)?$", re.I)  # "Level 3": a maturity level is a value
_SUFFIX = re.compile(r"^(?:%|persen|\(.*)$", re.I)  # a word that may finish a value: "19,55 %", "B (60,05)"
_TRAILING = ",;:."  # punctuation a value may carry in print ("1.", "12,5;")
_TOTAL = re.compile(r"^(?:jumlah|total)$", re.I)  # the first word of a total row
TOTAL_WORDS = 2  # "Jumlah", "Jumlah Belanja": a longer label ("Jumlah penduduk miskin") names an indicator

# -- aligned blocks: a borderless table is lines of numbers standing in columns ------------------------
ALIGNED_ROWS = 3  # lines of aligned numbers that make a table (two could be a sentence's coincidence)
ALIGNED_PER_LINE = 2  # numbers a line holds in aligned columns to count (a row number and one value)
ALIGN_TOLERANCE = 3.0  # points: left edges, centres or right edges this close stand in one column
STANDALONE_GAP = 1.0  # of the text's height: a number this far from any word is a cell, not part of a sentence
LINE_TOLERANCE = 0.5  # of the text's height: runs whose centres are this close vertically are on one line
BLOCK_ROW_GAP = 48.0  # points: aligned lines further apart than this (four lines of text) are two blocks
ROW_MERGE = 2.0  # of the text's height: aligned lines this close cover the space between them (rows between count)

# -- image tables -------------------------------------------------------------------------------------
MIN_IMAGE_SHARE = 0.08  # of the page's area: a smaller image is a logo, a signature or a stamp
MIN_IMAGE_SIDE = 60.0  # points an image spans at least both ways to hold a table
MAX_TEXT_OVER_IMAGE = 20  # characters: more and the image is a background with its text printed over it
MAX_IMAGE_PIXELS = 12_000_000  # an image this large is not decoded (an A4 page scanned at 300 dpi is 8.7 million)
DARK = 160  # grey level (0-255) under which a pixel is ink (a light grey rule is not)
RULE_SPAN = 0.5  # of the image's width (or height): a row (or column) of ink this long is a rule
RULE_THIN = 3.0  # points: ink this thin is a rule; a bar of a chart or a filled band is thicker
IMAGE_RULES = 3  # rules each way that make a drawn table (the skeleton `routing._ruled` asks of vectors)

# -- classifying --------------------------------------------------------------------------------------
OVERLAP_SHARE = 0.5  # of a run's area inside a read cell's box for the run to be that cell's value
HEADER_MARGIN = 1.0  # points: a run whose centre is this close above header_bottom is still the header's
TEXT_ROLES = frozenset({"indicator", "sasaran", "unit"})  # columns of names: their numbers are part of names
LABEL_ROLES = frozenset({"no", "sasaran", "indicator"})  # columns a row's label ("Jumlah") is printed in
CELL_LINES = 1.5  # of the text's height: a word this close above or below a number is in its cell
_ROW_NUMBER = re.compile(r"^\d{1,3}\.?$")  # "1", "12.": a row's number
_CODE = re.compile(r"^\d{1,2}\.0\d{1,3}\.?$")  # 1.06, 2.01 in a column of no values: a program's code (its group has a leading zero)
_DOTTED_CODE = re.compile(r"^(?=.*\.(?!\d{3}(?:\.|$)))\d{1,2}(?:\.\d{1,4}){2,}\.?$")  # three groups or more, not all thousands: a code wherever it is
UNREAD_ROW_GAP = 30.0  # points between the rows of unread cells that still form one unread block
READ_ROW = 20.0  # points: the read cells are looked up in bands this high
MIN_AMOUNT = 1000  # a number this large on a budget line's row is an amount (money), not a count


@dataclass(frozen=True)
class ValueRun:
    """A value-like run of the page's text: what it says, where (top-left box), and the boxes of the words
    printed right before and after it (on its line, or at the end of the line above and the start of the
    line below): a number inside a name or a formula has them close."""

    text: str
    bbox: BBox
    before: BBox | None = None  # the word printed before it (the box of its last char)
    after: BBox | None = None  # the word printed after it (the box of its first char)
    numbering: bool = False  # printed with a trailing dot, as an item's number is ("1.", "1.1.")

    @property
    def beside(self) -> tuple[BBox, ...]:
        return tuple(b for b in (self.before, self.after) if b is not None)


@dataclass
class PageSurvey:
    """What one page shows of tables, from its rules, text and images (`routing.survey_document`)."""

    page: int
    ruled: bool = False  # rules cross like a table's (the router's "ruled")
    regions: list[BBox] = field(default_factory=list)  # ruled skeletons and aligned blocks: where a table's cells are
    aligned: list[BBox] = field(default_factory=list)  # the aligned blocks among them
    images: list[BBox] = field(default_factory=list)  # images drawn like a table, with no text over them
    runs: list[ValueRun] = field(default_factory=list)  # value-like runs (kept on pages that may hold a table)
    totals: list[BBox] = field(default_factory=list)  # "Jumlah" / "Total" row labels
    image_share: float = 0.0  # of the page, the largest image's (a scanned page is one image; under half, no OCR)


@lru_cache(maxsize=4096)
def value_like(text: str) -> bool:
    """A printed value-like cell: a number, percent, money, bound, range, grade ("BB", "B (60,05)"), level,
    or a program code ("1.06.01": counted, to be told apart as a code). A plain number or percentage
    ("1.576", "15,82", "19,55%") is one without asking parse_cell."""
    return bool(_PLAIN.match(text) or _LEVEL.match(text) or _DOTTED_CODE.match(text)) or parse_cell(text).kind in VALUE_KINDS


# a number parse_cell reads as such: one separator, or groups of three ("1.576", "15,82", "1.234.567,5", "19,55%")
_PLAIN = re.compile(r"^(?:\d+(?:[.,]\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?)%?$")


# -- the page's text ------------------------------------------------------------------------------------


def top_left(mediabox: tuple[float, float, float, float], rotation: int, ctm) -> Callable[[float, float, float, float], BBox]:
    """A box in pdfium's page space (left, bottom, right, top) to pdfplumber's top-left box, the way
    `pages.PdfiumPage` places chars (`ctm`: `pages._page_ctm` of the raw mediabox and rotation)."""
    x0, x1 = sorted((mediabox[0], mediabox[2]))
    y0, y1 = sorted((mediabox[1], mediabox[3]))
    if rotation in (90, 270):
        x0, y0, x1, y1 = y0, x0, y1, x1
    height, mb_x0, mb_top = y1 - y0, x0, -y0
    a, b, c, d, e, f = ctm
    if (a, b, c, d) == (1, 0, 0, 1):  # an unrotated page (nearly every page): a shift and a flip
        dx, dy = e + mb_x0, height + mb_top - f
        return lambda left, bottom, right, top: (left + dx, dy - top, right + dx, dy - bottom)

    def box(left: float, bottom: float, right: float, top: float) -> BBox:
        xs = (a * left + c * bottom + e, a * right + c * top + e, a * left + c * top + e, a * right + c * bottom + e)
        ys = (b * left + d * bottom + f, b * right + d * top + f, b * left + d * top + f, b * right + d * bottom + f)
        return (min(xs) + mb_x0, height - max(ys) + mb_top, max(xs) + mb_x0, height - min(ys) + mb_top)

    return box


_START = re.compile(r"(?<!\S)(?:\S*\d\S*|AA|A|BB|B|CC|C|D|Rp\.?|IDR|Level|LEVEL|jumlah|Jumlah|JUMLAH|total|Total|TOTAL)(?!\S)")
_NEXT = re.compile(r"[ \t\xa0]*(\S+)")  # the next word on the same text line
_NEXT_ACROSS = re.compile(r"\s*(\S+)")  # the next word, on this line or the next
_TOKEN = re.compile(r"\S+")


def value_runs(text: str, char_box: Callable[[int], BBox | None]) -> tuple[list[ValueRun], list[BBox]]:
    """The value-like runs of a page's text (pdfium's, lines ended by line breaks), and the boxes of its
    total-row labels. `char_box(i)` is the top-left box of the char at text index i.

    A run is a word that reads as a value, widened by a word that finishes it ("%", a note in
    parentheses: "B (60,05)"), or the fewest words that read as one together ("Rp 15.061.828.880",
    "83, 60", "Level 3"); the words of a run sit closer than RUN_GAP of their height. Only the words
    that may start a run are visited (a page of prose is mostly skipped over)."""
    page = _Words(text, char_box)
    runs: list[ValueRun] = []
    totals: list[BBox] = []
    pos = 0
    while (m := _START.search(text, pos)) is not None:
        first = (m.start(), m.end())
        pos = m.end()
        if _TOTAL.match(m.group()):
            total = _total_label(page, first)
            if total is not None:
                totals.append(total)
            continue
        words = _run(page, first)
        if words is None:
            continue
        a, b = page.box(words[0]), page.box(words[-1])
        if a is None or b is None:
            continue
        last = _TOKEN.match(text, words[-1][0]).span()  # the whole word ("1." of a run "1")
        pos = last[1]
        before, after = page.before(words[0], across=True), page.after(last, across=True)
        before = char_box(before[1] - 1) if before is not None and _is_word(text[before[0]:before[1]]) else None  # its char nearest the run
        after = char_box(after[0]) if after is not None and _is_word(text[after[0]:after[1]]) else None
        box = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
        numbering = last[1] > words[-1][1] and text[last[1] - 1] == "."  # "1." read as "1"
        runs.append(ValueRun(" ".join(text[s:e] for s, e in words), box, before, after, numbering))
    return runs, totals


class _Words:
    """A page's text seen word by word around a position: the word after or before one on its line, a
    word's box (from its first and last chars), whether two words are close enough to be one value."""

    def __init__(self, text: str, char_box: Callable[[int], BBox | None]):
        self.text, self.char_box = text, char_box
        self.boxes: dict[tuple[int, int], BBox | None] = {}  # a word's box, by its span

    def after(self, w: tuple[int, int], across: bool = False) -> tuple[int, int] | None:
        """The next word on the line (`across`: or, at the line's end, the next line's first)."""
        m = (_NEXT_ACROSS if across else _NEXT).match(self.text, w[1])
        return m.span(1) if m else None

    def before(self, w: tuple[int, int], across: bool = False) -> tuple[int, int] | None:
        """The word before on the line (`across`: or, at the line's start, the previous line's last)."""
        j = w[0] - 1
        while j >= 0 and (self.text[j].isspace() if across else self.text[j] in " \t\xa0"):
            j -= 1
        if j < 0 or self.text[j].isspace():
            return None  # the line (or the text) starts here
        k = j
        while k > 0 and not self.text[k - 1].isspace():
            k -= 1
        return k, j + 1

    def box(self, w: tuple[int, int]) -> BBox | None:
        if w not in self.boxes:
            a, b = self.char_box(w[0]), self.char_box(w[1] - 1)
            self.boxes[w] = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])) if a and b else (a or b)
        return self.boxes[w]

    def close(self, w: tuple[int, int], nxt: tuple[int, int]) -> bool:
        """`nxt` follows `w` on its line near enough to be part of one value with it."""
        a, b = self.box(w), self.box(nxt)
        if a is None or b is None:
            return False
        return b[0] - a[2] <= RUN_GAP * max(a[3] - a[1], b[3] - b[1]) and abs(a[1] - b[1]) <= RUN_GAP * (a[3] - a[1])


def _run(page: _Words, first: tuple[int, int]) -> list[tuple[int, int]] | None:
    """The words of the value run starting at `first`, or None when no run starts there."""
    text = page.text
    words = [first]

    def extended() -> bool:
        """One more word on the line, close to the last."""
        nxt = page.after(words[-1])
        if nxt is None or not page.close(words[-1], nxt):
            return False
        words.append(nxt)
        return True

    def joined() -> str:
        return " ".join(text[s:e] for s, e in words)

    word = text[first[0]:first[1]]
    if value_like(word):
        best = 1
        nxt = page.after(first)
        if nxt is not None and _SUFFIX.match(text[nxt[0]:nxt[1]]):  # "19,55 %", "B (60,05)", "10% (190 temuan)"
            while len(words) < MAX_RUN_TOKENS and extended():
                if value_like(joined()):
                    best = len(words)
        return words[:best]
    while len(words) < MAX_RUN_TOKENS and extended():  # "Rp" "1.000", "83," "60", "Level" "3"
        if value_like(joined()):
            return words
    stripped = word.rstrip(_TRAILING)  # "1.", "12,5;"
    if stripped and stripped != word and value_like(stripped):
        return [(first[0], first[0] + len(stripped))]
    return None


def _total_label(page: _Words, first: tuple[int, int]) -> BBox | None:
    """The box of a total row's label starting at `first` ("Jumlah", "Total Belanja"), or None when its
    words run on into a name ("Jumlah penduduk miskin")."""
    if page.before(first) is not None:
        return None  # words before it on its line: a name or a formula ("panti / Jumlah Anak")
    words = [first]
    while len(words) <= TOTAL_WORDS and (nxt := page.after(words[-1])) is not None and page.close(words[-1], nxt):
        if _DIGITS.search(page.text[nxt[0]:nxt[1]]):
            break  # the row's first value
        words.append(nxt)
    if len(words) > TOTAL_WORDS:
        return None
    a, b = page.box(words[0]), page.box(words[-1])
    return bbox_union([a, b]) if a and b else None


_DIGITS = re.compile(r"\d")


def _is_word(token: str) -> bool:
    """A word of text beside a value: letters, and not itself a value ("x", "Renstra"; not "BB", "Rp")."""
    return bool(_LETTER.search(token)) and not value_like(token) and not _CURRENCY.fullmatch(token)


_LETTER = re.compile(r"[^\W\d_]")
_CURRENCY = re.compile(r"Rp\.?|IDR", re.I)


# -- a page read by OCR ----------------------------------------------------------------------------


def ocr_survey(page: int, words: list[tuple[str, BBox]], tables: list[BBox], base: PageSurvey | None = None,
               areas: list[BBox] | None = None) -> PageSurvey:
    """The survey of a page read by OCR, as `routing` surveys a text layer: its recognised words (text, box
    in points) made one text, line by line (a word's box shared evenly among its characters, as the page's
    chars are), cut into value runs and aligned blocks; its ruled tables found on the image are its ruled
    regions. A born-digital page with pictures OCR'd (`areas`) keeps what `base` (its text layer's survey)
    found outside them, and its pictures are read, no longer images."""
    text, boxes = _ocr_text(words)

    def char_box(i: int) -> BBox | None:
        return boxes[i] if 0 <= i < len(boxes) else None

    runs, totals = value_runs(text, char_box)
    aligned = aligned_blocks(runs)
    survey = PageSurvey(page, ruled=bool(tables), regions=[*tables, *aligned], aligned=aligned, runs=runs, totals=totals)
    if base is not None and areas is not None:
        inside = lambda b: any(_inside(b, a) for a in areas)  # noqa: E731
        survey.ruled = survey.ruled or base.ruled
        survey.regions += [r for r in base.regions if not inside(r)]
        survey.aligned += [r for r in base.aligned if not inside(r)]
        survey.runs += [r for r in base.runs if not inside(r.bbox)]
        survey.totals += [t for t in base.totals if not inside(t)]
        survey.images = [b for b in base.images if not any(_inside(a, b) or _inside(b, a) for a in areas)]
        survey.image_share = base.image_share
    return survey


def _ocr_text(words: list[tuple[str, BBox]]) -> tuple[str, list[BBox | None]]:
    """Recognised words as a page's text (words on one line joined by a space, lines by a line break, top
    to bottom) and each character's box (None for a space or a break)."""
    lines: list[list[tuple[str, BBox]]] = []
    for w in sorted(words, key=lambda w: ((w[1][1] + w[1][3]) / 2, w[1][0])):
        cy = (w[1][1] + w[1][3]) / 2
        if lines and abs(cy - (lines[-1][0][1][1] + lines[-1][0][1][3]) / 2) <= LINE_TOLERANCE * _height(lines[-1][0][1]):
            lines[-1].append(w)
        else:
            lines.append([w])
    parts: list[str] = []
    boxes: list[BBox | None] = []
    for line in lines:
        for k, (word, (x0, top, x1, bottom)) in enumerate(sorted(line, key=lambda w: w[1][0])):
            if k:
                parts.append(" ")
                boxes.append(None)
            step = (x1 - x0) / max(1, len(word))
            parts.append(word)
            boxes += [(x0 + j * step, top, x0 + (j + 1) * step, bottom) for j in range(len(word))]
        parts.append("\n")
        boxes.append(None)
    return "".join(parts), boxes


# -- aligned blocks -----------------------------------------------------------------------------------


def _height(b: BBox) -> float:
    return max(1.0, b[3] - b[1])


def _lines(runs: list[ValueRun]) -> list[list[ValueRun]]:
    """Runs into visual lines, top to bottom: a run whose centre is within LINE_TOLERANCE of its height of
    the line's first run's centre is on that line."""
    out: list[list[ValueRun]] = []
    for r in sorted(runs, key=lambda r: (r.bbox[1] + r.bbox[3]) / 2):
        cy = (r.bbox[1] + r.bbox[3]) / 2
        if out:
            first = out[-1][0].bbox
            if abs(cy - (first[1] + first[3]) / 2) <= LINE_TOLERANCE * _height(first):
                out[-1].append(r)
                continue
        out.append([r])
    return out


def _same_line(a: BBox, b: BBox) -> bool:
    return min(a[3], b[3]) - max(a[1], b[1]) > 0.5 * min(_height(a), _height(b))


def _standalone(r: ValueRun) -> bool:
    """A run no word touches on its line: a cell of its own, not a number in a sentence."""
    gap = STANDALONE_GAP * _height(r.bbox)
    return all(not _same_line(b, r.bbox) or b[0] - r.bbox[2] > gap or r.bbox[0] - b[2] > gap for b in r.beside)


def aligned_blocks(runs: list[ValueRun]) -> list[BBox]:
    """The regions of blocks of ALIGNED_ROWS lines or more, each line holding ALIGNED_PER_LINE standalone
    values or more that stand in columns (left edges, centres or right edges within ALIGN_TOLERANCE) with
    values of ALIGNED_ROWS - 1 other lines; lines further apart than BLOCK_ROW_GAP start a new block. A
    block's region spans its columns and covers its lines, and the space between two of them only when
    they are closer than ROW_MERGE (the line of a caption or a source between two tables is not a cell).
    Prose puts its numbers where its words fall, one or two a line: it makes no block."""
    lines = [ln for ln in _lines([r for r in runs if _standalone(r)]) if len(ln) >= ALIGNED_PER_LINE]
    if len(lines) < ALIGNED_ROWS:
        return []
    edges = [sorted(_edges(r)[kind] for ln in lines for r in ln) for kind in range(3)]  # lefts, centres, rights

    def aligned(r: ValueRun) -> bool:
        """ALIGNED_ROWS runs (itself included) share one of its edges."""
        return any(bisect.bisect_right(col, x + ALIGN_TOLERANCE) - bisect.bisect_left(col, x - ALIGN_TOLERANCE) >= ALIGNED_ROWS
                   for col, x in zip(edges, _edges(r)))

    blocks: list[list[list[ValueRun]]] = []
    for ln in lines:
        if sum(1 for r in ln if aligned(r)) < ALIGNED_PER_LINE:
            continue
        if blocks and min(r.bbox[1] for r in ln) - max(r.bbox[3] for r in blocks[-1][-1]) <= BLOCK_ROW_GAP:
            blocks[-1].append(ln)
        else:
            blocks.append([ln])
    out: list[BBox] = []
    for block in blocks:
        if len(block) < ALIGNED_ROWS:
            continue
        boxes = [bbox_union([r.bbox for r in ln]) for ln in block]
        x0, x1 = min(b[0] for b in boxes), max(b[2] for b in boxes)
        region = list(boxes[0])
        for b in boxes[1:]:  # lines this close are one stretch of the table; a caption between two is not in it
            if b[1] - region[3] <= ROW_MERGE * _height(b):
                region[3] = b[3]
            else:
                out.append((x0 - ALIGN_TOLERANCE, region[1] - ALIGN_TOLERANCE, x1 + ALIGN_TOLERANCE, region[3] + ALIGN_TOLERANCE))
                region = list(b)
        out.append((x0 - ALIGN_TOLERANCE, region[1] - ALIGN_TOLERANCE, x1 + ALIGN_TOLERANCE, region[3] + ALIGN_TOLERANCE))
    return out


def _edges(r: ValueRun) -> tuple[float, float, float]:
    x0, _, x1, _ = r.bbox
    return x0, (x0 + x1) / 2, x1


# -- image tables -------------------------------------------------------------------------------------


def _thin_rules(ink, axis: int, thin: int) -> int:
    """Rules in a boolean ink array: rows (axis=1) or columns (axis=0) with ink over RULE_SPAN of the
    other side, where the rows (columns) `thin` pixels away have not (a rule, not a bar or a band)."""
    on = ink.mean(axis=axis) >= RULE_SPAN
    n = len(on)
    count, last = 0, -thin - 1
    for i in on.nonzero()[0]:
        if (i >= thin and on[i - thin]) or (i + thin < n and on[i + thin]):
            continue
        if i - last > thin:
            count += 1
        last = i
    return count


def drawn_like_a_table(ink, pixels_per_point: float) -> bool:
    """An image's ink (boolean, rows x columns) drawn like a ruled table: IMAGE_RULES thin rules across
    and as many down. A photo, a map or a chart has not (a bar chart's bars are thick)."""
    thin = max(1, round(RULE_THIN * pixels_per_point))
    return _thin_rules(ink, 1, thin) >= IMAGE_RULES and _thin_rules(ink, 0, thin) >= IMAGE_RULES


# -- classifying ----------------------------------------------------------------------------------------


def _centre(b: BBox) -> tuple[float, float]:
    return (b[0] + b[2]) / 2, (b[1] + b[3]) / 2


def _inside(b: BBox, region: BBox) -> bool:
    x, y = _centre(b)
    return region[0] <= x <= region[2] and region[1] <= y <= region[3]


def _overlaps(run: BBox, cell: BBox) -> bool:
    """At least OVERLAP_SHARE of the run lies in the cell (or its centre does)."""
    w = min(run[2], cell[2]) - max(run[0], cell[0])
    h = min(run[3], cell[3]) - max(run[1], cell[1])
    if w <= 0 or h <= 0:
        return False
    area = max(1e-6, (run[2] - run[0]) * (run[3] - run[1]))
    return w * h >= OVERLAP_SHARE * area or _inside(run, cell)


def _column(table: ExtractedTable, x: float) -> tuple[float, float, str] | None:
    return next((c for c in table.columns if c[0] <= x <= c[1]), None)


def _total_row(run: BBox, table: ExtractedTable, totals: list[BBox]) -> bool:
    """A total label of the table on the run's row, left of it, where a row's label is printed: in a
    column of numbers or names (no, sasaran, indicator) or the first one, or, the columns unknown, in the
    table's left half."""
    y = _centre(run)[1]
    for t in totals:
        if not (_inside(t, table.bbox) and t[2] <= run[0] + 1 and t[1] - 1 <= y <= t[3] + 1):
            continue
        if not table.columns:
            return t[0] <= (table.bbox[0] + table.bbox[2]) / 2
        col = _column(table, t[0] + 1)
        if col is not None and (col[2] in LABEL_ROLES or col is table.columns[0]):
            return True
    return False


def _in_words(run: ValueRun, x0: float, x1: float) -> bool:
    """A word of the cell beside the run (between x0 and x1, on its line or the one next to it): the
    number is part of a name or a formula ("Usia 7-12 tahun", "... x 100%", "Renstra / 2023-2026")."""
    h = _height(run.bbox)
    cy = _centre(run.bbox)[1]
    return any(x0 <= _centre(b)[0] <= x1 and abs(_centre(b)[1] - cy) <= CELL_LINES * h for b in run.beside)


class ReadCells:
    """The boxes of the cells read on a page (indicator values, budget amounts), found by row: a page holds
    hundreds of runs and of cells, and each run asks which cell it is."""

    def __init__(self, boxes: list[BBox], lines: list[BBox] = ()):
        self.boxes = list(boxes)
        self.lines = list(lines)  # the span of each budget line's amounts read
        self.rows: dict[int, list[int]] = {}
        for k, b in enumerate(self.boxes):
            for row in range(int(b[1] // READ_ROW), int(b[3] // READ_ROW) + 1):
                self.rows.setdefault(row, []).append(k)

    def hit(self, run: BBox) -> int | None:
        """The cell the run is the value of (`_overlaps`), or None."""
        row = self.rows.get(int(_centre(run)[1] // READ_ROW), ())
        return next((k for k in row if _overlaps(run, self.boxes[k])), None)

    def within(self, region: BBox) -> list[BBox]:
        return [b for b in self.boxes if _inside(b, region)]

    def on_budget_line(self, run: BBox) -> bool:
        """The run is on the row of a budget line read whole (its pagu and realisasi were taken, this one
        was not: a difference or a balance, which budget_lines has no field for)."""
        y = _centre(run)[1]
        return any(line[1] - 1 <= y <= line[3] + 1 for line in self.lines)


def classify(run: ValueRun, tables: list[ExtractedTable], read: "ReadCells | list[BBox]", totals: list[BBox], boxes: list[BBox] = ()) -> str:
    """"read", "skipped:<reason>" or "unread" for one value-like run of a table region (see the module's
    docstring). Only a table the page emitted can say a cell was knowingly skipped, and only one it read:
    a run in a ruled skeleton or an aligned block no reader found, or in a table whose header was not
    understood and that gave nothing, is unread. `boxes` are a diagram's boxes read (tree nodes): a
    number among the words of one is a label ("Indikator 3"), not a value."""
    read = read if isinstance(read, ReadCells) else ReadCells(read)
    if read.hit(run.bbox) is not None:
        return "read"
    table = next((t for t in tables if _inside(run.bbox, _table_box(t))), None)
    if table is None:  # a ruled skeleton, an aligned block or a diagram's box no table was read in
        if any(_inside(run.bbox, b) for b in boxes) and not _standalone(run):
            return "skipped:text"  # a diagram's label: "Indikator 3", "Sasaran 1"
        return _not_a_value(run) or "unread"
    if table.skipped:
        return f"skipped:{table.skipped}"  # a table left whole on purpose (its rows are places, no indicator)
    if not table.columns and not read.within(table.bbox):
        return _not_a_value(run) or "unread"  # a table whose header was not understood: dropped
    x, y = _centre(run.bbox)
    if table.header_bottom is not None and y <= table.header_bottom + HEADER_MARGIN:
        return "skipped:header"
    if _total_row(run.bbox, table, totals):
        return "skipped:total"
    col = _column(table, x)
    role = col[2] if col else None
    parsed = parse_cell(run.text)
    money = parsed.kind == "money"
    if read.on_budget_line(run.bbox) and (money or abs(parsed.value or 0) >= MIN_AMOUNT):
        return "skipped:money"  # another amount of a line read whole (a difference, a balance): no field of budget_lines
    if role == "value":
        return "skipped:money" if money else "unread"  # a value column's cells are read; money is the budget's
    if role == "no" or (role == "other" and _ROW_NUMBER.match(run.text) and _left_of_names(table, x)):
        return "skipped:row_number"
    if role == "money" or money:
        return "skipped:money"
    if _CODE.match(run.text) or _DOTTED_CODE.match(run.text):
        return "skipped:code"
    if role in TEXT_ROLES:
        return "skipped:text"
    if role == "other" and _in_words(run, col[0], col[1]):
        return "skipped:text"
    if not table.columns:  # a budget table (read, with no indicator header): its cells told by their place
        if _ROW_NUMBER.match(run.text) and all(x < b[0] for b in read.within(table.bbox)):
            return "skipped:row_number"  # a small number left of every amount read
        if _not_a_value(run):
            return _not_a_value(run)  # "1. Program Penunjang ...", "1.06.01"
    return "unread"  # a column of values the header did not name, or a cell outside every column


def _not_a_value(run: ValueRun) -> str | None:
    """Wherever it is, a program code or a number that is part of a name is no value missed."""
    if _DOTTED_CODE.match(run.text):
        return "skipped:code"
    return "skipped:text" if _named(run) else None


def _named(run: ValueRun) -> bool:
    """A number that is part of a name, not a value: printed right after a word of its line ("MISI 1",
    "Usia 7-12", "Tahun 2016", "x 100%"), or an item's number before its words ("1.1. Skor Pola ...").
    A value printed with its unit after it ("73 orang") is not: it is a value."""
    h = _height(run.bbox)
    before, after = run.before, run.after
    if before is not None and _same_line(before, run.bbox) and 0 <= run.bbox[0] - before[2] <= STANDALONE_GAP * h:
        return True
    return run.numbering and after is not None and _same_line(after, run.bbox) and 0 <= after[0] - run.bbox[2] <= 2 * STANDALONE_GAP * h


def _complete(line: ExtractedBudgetLine) -> bool:
    """A budget line read whole: a line missing its pagu or realisasi leaves any other amount of its row
    unread (the missing one may be it)."""
    return line.pagu is not None and line.realisasi is not None


def _table_box(table: ExtractedTable) -> BBox:
    """Where a table is: its box, widened to its columns (a continuation page's columns are the header
    page's, and may reach past the rules found on this page)."""
    x0, top, x1, bottom = table.bbox
    return (min([x0, *(c[0] for c in table.columns)]), top, max([x1, *(c[1] for c in table.columns)]), bottom)


def _left_of_names(table: ExtractedTable, x: float) -> bool:
    """x lies left of the table's indicator column (values are printed right of the names they belong to)."""
    names = [x0 for x0, _, role in table.columns if role == "indicator"]
    return bool(names) and x < min(names)


def page_coverage(survey: PageSurvey | None, result: PageResult) -> PageCoverage | None:
    """The coverage of one page read: its value-like runs inside table regions, each classified; None when
    the page holds no table (prose, a cover, a chart)."""
    if survey is None:
        return None
    if survey.ruled:
        kind = "ruled"
    elif survey.aligned or result.tables:
        kind = "aligned"
    elif survey.images:
        kind = "image"
    elif result.tree:
        kind = "diagram"
    else:
        return None
    reader = ",".join(sorted({t.extractor for t in result.tables})) or None
    if kind == "image":
        largest = max(survey.images, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))
        return PageCoverage(result.page, kind, 0, 0, {}, 0, reader, _rounded(largest))
    boxes = [n.bbox for n in result.tree]
    regions = [_table_box(t) for t in result.tables] + survey.regions + boxes
    read_cells = ReadCells([v.bbox for v in result.values] + [b for line in result.budget for b in line.value_boxes],
                           [bbox_union(line.value_boxes) for line in result.budget if line.value_boxes and _complete(line)])
    skipped: dict[str, int] = {}
    read: set[int] = set()  # the read cells hit: a cell holding several numbers is one cell
    unread: list[tuple[ValueRun, int]] = []  # with the region it lies in
    for run in survey.runs:
        where = next((k for k, r in enumerate(regions) if _inside(run.bbox, r)), None)
        if where is None:
            continue  # outside every table: a caption, a page number, a sentence
        verdict = classify(run, result.tables, read_cells, survey.totals, boxes)
        if verdict == "read":
            read.add(read_cells.hit(run.bbox))
        elif verdict == "unread":
            unread.append((run, where))
        else:
            reason = verdict.split(":", 1)[1]
            skipped[reason] = skipped.get(reason, 0) + 1
    cells = len(read) + sum(skipped.values()) + len(unread)
    return PageCoverage(result.page, kind, cells, len(read), dict(sorted(skipped.items())), len(unread), reader, largest_unread_block(unread))


def largest_unread_block(unread: list[tuple[ValueRun, int]]) -> BBox | None:
    """The box of the largest block of unread cells: cells of one region whose rows follow each other
    within UNREAD_ROW_GAP points, largest by cells."""
    best: list[ValueRun] = []
    for where in {w for _, w in unread}:
        runs = sorted((r for r, w in unread if w == where), key=lambda r: r.bbox[1])
        block: list[ValueRun] = []
        for r in runs:
            if block and r.bbox[1] - max(b.bbox[3] for b in block) > UNREAD_ROW_GAP:
                best = block if len(block) > len(best) else best
                block = []
            block.append(r)
        best = block if len(block) > len(best) else best
    return _rounded(bbox_union([r.bbox for r in best])) if best else None


def _rounded(b: BBox) -> BBox:
    return tuple(round(float(v), 1) for v in b)  # type: ignore[return-value]
