"""Pages as the extractors read them: pdfplumber pages whose chars and drawn shapes come from pdfium.

pdfplumber reads a page's objects with pdfminer, a PDF interpreter written in Python: nearly all the
time of a table read goes there. pdfium (the C++ reader in Chrome, through pypdfium2) gives the same
objects several times faster (`extract_text` and `find_tables` on every page of the real corpus: about
60 s over pdfminer, 16 s over pdfium). `PdfiumPage` turns them into the dicts pdfminer gives
pdfplumber, in the same coordinates and with the same line / rect / curve split, so everything above
it (`find_tables`, `extract_words`, `crop`) runs unchanged. A page pdfium cannot read falls back to
pdfminer.

Known differences from pdfminer: a char's right edge is its glyph's, not its advance (up to 0.6 pt in
italics); a zero-height rectangle is a rect, not a curve; pdfium breaks words at gaps without a space
glyph (kept from a fifth of the font size) and drops a space glyph overlapping the next one; a soft hyphen
prints as "-"; glyphs printed twice for fake bold are read once ("98.90", where pdfminer reads "9 8 . 90");
glyphs their clip path hides are not read (pdfminer reads them: a header repeated under the page's
visible one, clipped away, would parse as data).
"""

from __future__ import annotations

import ctypes
import logging
import math
from typing import Iterator

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as raw
from pdfplumber.page import Page

log = logging.getLogger(__name__)

Matrix = tuple[float, float, float, float, float, float]
_MAX_DEPTH = 8  # form XObjects nested deeper than this are not read (a malicious file can nest without end)


def _fast(fn, restype, *argtypes):
    """A pdfium function taking and giving plain ints (handles, addresses): ctypes converts an int several
    times faster than pypdfium2's pointer types, and these run once per path segment or char."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(fn, ctypes.c_void_p).value)


_P, _I = ctypes.c_void_p, ctypes.c_int
_text_object_address = _fast(raw.FPDFText_GetTextObject, _P, _P, _I)
_char_box = _fast(raw.FPDFText_GetLooseCharBox, _I, _P, _I, _P)
_page_count_objects = _fast(raw.FPDFPage_CountObjects, _I, _P)
_page_get_object = _fast(raw.FPDFPage_GetObject, _P, _P, _I)
_form_count_objects = _fast(raw.FPDFFormObj_CountObjects, _I, _P)
_form_get_object = _fast(raw.FPDFFormObj_GetObject, _P, _P, ctypes.c_ulong)
_object_type = _fast(raw.FPDFPageObj_GetType, _I, _P)
_object_matrix = _fast(raw.FPDFPageObj_GetMatrix, _I, _P, _P)
_count_segments = _fast(raw.FPDFPath_CountSegments, _I, _P)
_get_segment = _fast(raw.FPDFPath_GetPathSegment, _P, _P, _I)
_segment_point = _fast(raw.FPDFPathSegment_GetPoint, _I, _P, _P, _P)
_segment_type = _fast(raw.FPDFPathSegment_GetType, _I, _P)
_segment_close = _fast(raw.FPDFPathSegment_GetClose, _I, _P)
_draw_mode = _fast(raw.FPDFPath_GetDrawMode, _I, _P, _P, _P)
_stroke_width = _fast(raw.FPDFPageObj_GetStrokeWidth, _I, _P, _P)
_object_bounds = _fast(raw.FPDFPageObj_GetBounds, _I, _P, _P, _P, _P, _P)
_clip_path = _fast(raw.FPDFPageObj_GetClipPath, _P, _P)
_clip_count_paths = _fast(raw.FPDFClipPath_CountPaths, _I, _P)
_clip_count_segments = _fast(raw.FPDFClipPath_CountPathSegments, _I, _P, _I)
_clip_segment = _fast(raw.FPDFClipPath_GetPathSegment, _P, _P, _I, _I)
CLIP_TOLERANCE = 1.0  # points: a glyph whose middle lies this far outside its clip path's box is not printed


def _address(handle) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def _mult(m1: Matrix, m0: Matrix) -> Matrix:
    """m1 applied first, then m0 (pdfminer's `mult_matrix`)."""
    a1, b1, c1, d1, e1, f1 = m1
    a0, b0, c0, d0, e0, f0 = m0
    return (a0 * a1 + c0 * b1, b0 * a1 + d0 * b1, a0 * c1 + c0 * d1, b0 * c1 + d0 * d1,
            a0 * e1 + c0 * f1 + e0, b0 * e1 + d0 * f1 + f0)


def _page_ctm(mediabox, rotate: int) -> Matrix:
    """User space to pdfminer's device space: the page turned as it is displayed (pdfminer's `process_page`)."""
    x0, y0, x1, y1 = (float(v) for v in mediabox)
    return {90: (0, -1, 1, 0, -y0, x1), 180: (-1, 0, 0, -1, x1, y1), 270: (0, 1, -1, 0, y1, -x0)}.get(rotate, (1, 0, 0, 1, -x0, -y0))


def _matrix(obj: int) -> Matrix:
    m = raw.FS_MATRIX()
    _object_matrix(obj, ctypes.addressof(m))
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def path_objects(page, images: list | None = None) -> Iterator[tuple[int, Matrix, Matrix]]:
    """Every path object of a pdfium page (raw handle), as its address, with the matrices from its space and
    from its container's (the page or a form) to the page's; form XObjects are opened, to _MAX_DEPTH.
    With `images`, the image objects met on the way are appended to it as (address, container's matrix):
    routing learns of them in the same walk."""
    def walk(count: int, get, parent: Matrix, depth: int):
        for k in range(count):
            obj = get(k)
            kind = _object_type(obj)
            if kind == raw.FPDF_PAGEOBJ_PATH:
                yield obj, _mult(_matrix(obj), parent), parent
            elif kind == raw.FPDF_PAGEOBJ_IMAGE and images is not None:
                images.append((obj, parent))
            elif kind == raw.FPDF_PAGEOBJ_FORM and depth < _MAX_DEPTH:
                yield from walk(_form_count_objects(obj), lambda j, o=obj: _form_get_object(o, j), _mult(_matrix(obj), parent), depth + 1)

    address = _address(page)
    yield from walk(_page_count_objects(address), lambda k: _page_get_object(address, k), (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), 0)


def extent(obj: int, parent: Matrix) -> tuple[float, float]:
    """Width and height on the page of a page object's bounding box (`parent`: its container's matrix)."""
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    _object_bounds(obj, *(ctypes.addressof(v) for v in (left, bottom, right, top)))
    a, b, c, d, _, _ = parent
    xs = [a * x + c * y for x in (left.value, right.value) for y in (bottom.value, top.value)]
    ys = [b * x + d * y for x in (left.value, right.value) for y in (bottom.value, top.value)]
    return max(xs) - min(xs), max(ys) - min(ys)


def bounds(obj: int, parent: Matrix) -> tuple[float, float, float, float]:
    """A page object's bounding box in page space (left, bottom, right, top; `parent`: its container's matrix)."""
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    _object_bounds(obj, *(ctypes.addressof(v) for v in (left, bottom, right, top)))
    a, b, c, d, e, f = parent
    xs = [a * x + c * y + e for x in (left.value, right.value) for y in (bottom.value, top.value)]
    ys = [b * x + d * y + f for x in (left.value, right.value) for y in (bottom.value, top.value)]
    return min(xs), min(ys), max(xs), max(ys)


def subpaths(obj: int, m: Matrix) -> list[tuple[str, list[tuple[float, float]]]]:
    """A path object's subpaths as pdfminer sees them: operators ("m", "l", "c", "h") and their end points
    (a curve's control points left out), in page space."""
    out: list[tuple[str, list[tuple[float, float]]]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    px, py = ctypes.addressof(x), ctypes.addressof(y)
    get_segment, get_point, get_type, get_close = _get_segment, _segment_point, _segment_type, _segment_close
    ma, mb, mc, md, me, mf = m
    moveto, bezierto = raw.FPDF_SEGMENT_MOVETO, raw.FPDF_SEGMENT_BEZIERTO
    ops, pts, bezier = "", [], 0
    for k in range(_count_segments(obj)):
        seg = get_segment(obj, k)
        get_point(seg, px, py)
        kind = get_type(seg)
        xv, yv = x.value, y.value
        pt = (ma * xv + mc * yv + me, mb * xv + md * yv + mf)
        if kind == moveto:
            if ops:
                out.append((ops, pts))
            ops, pts, bezier = "m", [pt], 0
        elif kind == bezierto:  # three segments per curve: two control points, then the end
            bezier += 1
            if bezier % 3 == 0:
                ops += "c"
                pts.append(pt)
        else:
            ops += "l"
            pts.append(pt)
        if ops and get_close(seg):
            ops += "h"
            pts.append(pts[0])
    if ops:
        out.append((ops, pts))
    return out


def _clip_box(tp, i: int, handle: int) -> tuple[float, float, float, float] | None:
    """The box (left, bottom, right, top; page space, grown by CLIP_TOLERANCE) a text object's clip path
    leaves visible, or None when nothing clips it. pdfium keeps a clip path only on an object that reaches
    outside it. Its paths intersect; each is bounded by its points' box (a clip is nearly always a
    rectangle). A clip given in a form's own space (its box and the object's char `i` do not meet) is not
    used: nothing is dropped on a guess."""
    clip = _clip_path(handle)
    n = _clip_count_paths(clip) if clip else 0
    if n <= 0:
        return None
    box = [-math.inf, -math.inf, math.inf, math.inf]
    x, y = ctypes.c_float(), ctypes.c_float()
    for k in range(n):
        xs, ys = [], []
        for s in range(_clip_count_segments(clip, k)):
            if _segment_point(_clip_segment(clip, k, s), ctypes.addressof(x), ctypes.addressof(y)):
                xs.append(x.value)
                ys.append(y.value)
        if xs:
            box = [max(box[0], min(xs)), max(box[1], min(ys)), min(box[2], max(xs)), min(box[3], max(ys))]
    if math.inf in box or -math.inf in box:
        return None
    box = [box[0] - CLIP_TOLERANCE, box[1] - CLIP_TOLERANCE, box[2] + CLIP_TOLERANCE, box[3] + CLIP_TOLERANCE]
    l, b, r, t = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if not _object_bounds(handle, *map(ctypes.addressof, (l, b, r, t))):
        return None
    rect = raw.FS_RECTF()
    if not raw.FPDFText_GetLooseCharBox(tp, i, rect):
        return None
    cx, cy = (rect.left + rect.right) / 2, (rect.bottom + rect.top) / 2
    if not (l.value - CLIP_TOLERANCE <= cx <= r.value + CLIP_TOLERANCE and b.value - CLIP_TOLERANCE <= cy <= t.value + CLIP_TOLERANCE):
        return None  # the object's box is in another space than its chars' (a form's): the clip's may be too
    return tuple(box)


class WordsKept(Page):
    """A pdfplumber page whose words are kept per settings: the steps of a table read ask for them again."""

    def extract_words(self, **kwargs) -> list[dict]:
        kept = self.__dict__.setdefault("_words", {})
        key = tuple(sorted(kwargs.items()))
        if key not in kept:
            kept[key] = super().extract_words(**kwargs)
        return kept[key]

    def close(self) -> None:
        super().close()
        self.__dict__.pop("_words", None)


class PdfiumPage(WordsKept):
    """A pdfplumber page whose `objects` are read by pdfium (chars, lines, rects, curves)."""

    def __init__(self, page: Page, doc: pdfium.PdfDocument):
        super().__init__(page.pdf, page.page_obj, page_number=page.page_number, initial_doctop=page.initial_doctop)
        self._doc = doc

    def parse_objects(self) -> dict[str, list[dict]]:
        try:
            return self._pdfium_objects()
        except Exception as exc:  # an odd page: pdfminer reads what pdfium could not
            log.debug("page %s: pdfium could not read it (%s); pdfminer reads it", self.page_number, exc)
            return super().parse_objects()

    def _pdfium_objects(self) -> dict[str, list[dict]]:
        page = self._doc[self.page_number - 1]
        try:
            ctm = _page_ctm(self.page_obj.mediabox, self.rotation)
            textpage = page.get_textpage()
            try:
                chars = self._chars(textpage.raw, ctm)
            finally:
                textpage.close()
            objects: dict[str, list[dict]] = {"char": chars} if chars else {}
            for obj, m, _ in path_objects(page.raw):
                for shape in self._paths(obj, _mult(m, ctm)):
                    objects.setdefault(shape["object_type"], []).append(shape)
            return objects
        finally:
            page.close()

    def _place(self, obj: dict, x0: float, y0: float, x1: float, y1: float) -> dict:
        """pdfminer device coordinates to pdfplumber's (as its `process_object` does)."""
        mb_x0, mb_top = self.mediabox[:2]
        top = self.height - y1 + mb_top
        obj.update(x0=x0 + mb_x0, y0=y0, x1=x1 + mb_x0, y1=y1, width=x1 - x0, height=y1 - y0, top=top,
                   bottom=self.height - y0 + mb_top, doctop=self.initial_doctop + top, page_number=self.page_number)
        return obj

    def _chars(self, tp, ctm: Matrix) -> list[dict]:
        """pdfium's chars as pdfminer's LTChar dicts. Written for speed: a page holds thousands."""
        n = raw.FPDFText_CountChars(tp)
        if n <= 0:
            return []
        units = (ctypes.c_ushort * (n + 1))()
        raw.FPDFText_GetText(tp, 0, n, units)
        rect = raw.FS_RECTF()
        get_box, tp_address, rect_address = _char_box, _address(tp), ctypes.addressof(rect)
        ca, cb, cc, cd, ce, cf = ctm
        height, (mb_x0, mb_top), doctop0, number = float(self.height), self.mediabox[:2], self.initial_doctop, self.page_number
        runs: dict[int, tuple] = {}  # per text object (its address): see `_run`
        out: list[dict] = []
        pending_break = False
        i = -1
        while i + 1 < n:
            i += 1
            code = units[i]
            if 0xD800 <= code < 0xDC00 and i + 1 < n:  # a character beyond the BMP comes as two UTF-16 units
                code, i = 0x10000 + ((code - 0xD800) << 10) + (units[i + 1] - 0xDC00), i + 1
            if code == 0xFFFE:  # pdfium's mark for a hyphen at the end of a line
                code = 0x2D
            if code in (0, 0x0A, 0x0D, 0xFFFF) or 0xD800 <= code < 0xE000:
                continue
            key = _text_object_address(tp_address, i)
            if not key:
                # pdfium's own word break (often a real space it re-made): placed once the next char is known
                pending_break = code == 0x20 and bool(out) and out[-1]["text"] != " "
                continue
            run = runs.get(key)
            if run is None:
                run = runs[key] = self._run(tp, i, key, ctm)
            fontname, size, horizontal, upright, matrix, clip = run
            get_box(tp_address, i, rect_address)
            left, right, bottom, top = rect.left, rect.right, rect.bottom, rect.top
            if clip is not None and not (clip[0] <= (left + right) / 2 <= clip[2] and clip[1] <= (bottom + top) / 2 <= clip[3]):
                continue  # clipped away: not on the page a reader sees
            if horizontal:  # pdfminer's box: from the font's descent below the baseline (pdfium's too), one font size high
                top = bottom + size
            xa, ya = ca * left + cc * bottom + ce, cb * left + cd * bottom + cf
            xb, yb = ca * right + cc * top + ce, cb * right + cd * top + cf
            x0, x1 = (xa, xb) if xa <= xb else (xb, xa)
            y0, y1 = (ya, yb) if ya <= yb else (yb, ya)
            t = height - y1 + mb_top
            char = {"object_type": "char", "page_number": number, "text": chr(code), "fontname": fontname,
                        "size": size, "upright": upright, "matrix": matrix, "x0": x0 + mb_x0, "x1": x1 + mb_x0,
                        "y0": y0, "y1": y1, "width": x1 - x0, "height": y1 - y0, "top": t,
                        "bottom": height - y0 + mb_top, "doctop": doctop0 + t}
            if pending_break and (space := _word_break(out[-1], char)):
                out.append(space)
            pending_break = False
            out.append(char)
        return out

    @staticmethod
    def _run(tp, i: int, address: int, ctm: Matrix) -> tuple:
        """What every char of one text object (at `address`) shares: font name, size on the page, whether it
        runs left to right along the page, pdfminer's `upright`, its matrix, and the box its clip path leaves
        visible."""
        m = raw.FS_MATRIX()
        raw.FPDFText_GetMatrix(tp, i, m)
        fontname, size = _font(raw.FPDFText_GetTextObject(tp, i))
        size_on_page = size * math.hypot(m.c, m.d)
        a, b, c, d, _, _ = _mult((m.a, m.b, m.c, m.d, m.e, m.f), ctm)
        horizontal = abs(m.b) < 1e-6 and abs(m.c) < 1e-6 and m.d > 0
        return fontname, size_on_page, horizontal, 0 < a * d and b * c <= 0, (a, b, c, d, 0.0, 0.0), _clip_box(tp, i, address)

    def _paths(self, obj, m: Matrix) -> list[dict]:
        """A path object's subpaths as pdfminer's LTLine / LTRect / LTCurve dicts (`PDFLayoutAnalyzer.paint_path`)."""
        fillmode, stroke = ctypes.c_int(), ctypes.c_int()
        if not _draw_mode(obj, ctypes.addressof(fillmode), ctypes.addressof(stroke)):
            return []
        width = ctypes.c_float()
        _stroke_width(obj, ctypes.addressof(width))
        style = {"linewidth": width.value, "stroke": bool(stroke.value), "fill": fillmode.value != 0,
                 "evenodd": fillmode.value == raw.FPDF_FILLMODE_ALTERNATE, "stroking_color": None,
                 "non_stroking_color": None, "dash": None}
        return [self._shape(ops, pts, style) for ops, pts in subpaths(obj, m) if ops[:1] == "m" and len(ops) > 1]

    def _shape(self, shape: str, pts: list[tuple[float, float]], style: dict) -> dict:
        if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
            shape, pts = shape[:-2] + "h", pts[:-2] + pts[-1:]
        kind = "curve"
        if shape in ("ml", "mlh"):
            kind, pts = "line", pts[:2]
        elif shape in ("mlllh", "mllll"):
            (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
            if pts[0] == pts[4] and ((x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)):
                kind = "rect"
                pts = [(min(x0, x2), min(y0, y2)), (max(x0, x2), min(y0, y2)), (max(x0, x2), max(y0, y2)), (min(x0, x2), max(y0, y2))]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        mb_x0, mb_top = self.mediabox[:2]
        obj = {"object_type": kind, **style, "pts": [(mb_x0 + px, mb_top + self.height - py) for px, py in pts]}
        return self._place(obj, min(xs), min(ys), max(xs), max(ys))


def _word_break(last: dict, new: dict) -> dict | None:
    """pdfium's word break between two chars as a space pdfplumber can place in the line: a zero-width
    char at the end of `last`, in the direction the text runs; None when the gap is under a fifth of the
    font size (pdfium breaks at gaps pdfplumber's word tolerance joins: "Outpu t")."""
    gap_min = 0.2 * (last["size"] or 0.0)
    if last["upright"]:
        if new["x0"] - last["x1"] >= gap_min:
            return {**last, "text": " ", "x0": last["x1"], "width": 0.0}
    elif new["top"] - last["bottom"] >= gap_min:  # top to bottom
        return {**last, "text": " ", "top": last["bottom"], "y1": last["y0"], "height": 0.0, "doctop": last["doctop"] + last["height"]}
    elif last["top"] - new["bottom"] >= gap_min:  # bottom to top
        return {**last, "text": " ", "bottom": last["top"], "y0": last["y1"], "height": 0.0}
    return None


def _font(text_obj) -> tuple[str, float]:
    """A text object's font name and font size."""
    size = ctypes.c_float()
    raw.FPDFTextObj_GetFontSize(text_obj, ctypes.byref(size))
    font = raw.FPDFTextObj_GetFont(text_obj)
    n = raw.FPDFFont_GetBaseFontName(font, None, 0) if font else 0  # the name's length, NUL included
    buf = ctypes.create_string_buffer(max(n, 1))
    if n > 1:
        raw.FPDFFont_GetBaseFontName(font, buf, n)
    return (buf.raw[: n - 1].decode("utf-8", "replace") if n > 1 else ""), size.value


class PdfiumPDF(pdfplumber.PDF):
    """`pdfplumber.PDF` whose pages read their objects with pdfium (with pdfminer when pdfium cannot open
    the file). pdfminer still opens the file and its page tree: its errors say what a broken or encrypted
    file is. Open it with `PdfiumPDF.open(path)`, as `pdfplumber.open`."""

    _pdfium: pdfium.PdfDocument | None = None

    @property
    def pages(self) -> list[Page]:
        if not hasattr(self, "_pages"):
            pages = super().pages
            try:
                self._pdfium = pdfium.PdfDocument(self.path or _contents(self.stream))
            except Exception as exc:
                log.debug("%s: pdfium cannot open it (%s); pdfminer reads its pages", self.path, exc)
            else:
                if len(self._pdfium) == len(pages):
                    self._pages = [PdfiumPage(p, self._pdfium) for p in pages]
                else:  # the two read the page tree differently (a broken file): a page must not be read for another
                    log.debug("%s: pdfium counts %d pages, pdfminer %d; pdfminer reads them", self.path, len(self._pdfium), len(pages))
        return self._pages

    def close(self) -> None:
        # pdfplumber's own close flushes its page list and then builds it again to close each page: the page
        # tree parsed (and pdfium opened) once more, and a tree that could not be read raising in `with`'s exit
        for page in getattr(self, "_pages", ()):
            page.close()
        self.flush_cache()
        if not self.stream_is_external:
            self.stream.close()
        if self._pdfium is not None:
            self._pdfium.close()
            self._pdfium = None


def _contents(stream) -> bytes:
    """A stream's bytes, for pdfium: it must not seek the stream pdfminer reads."""
    pos = stream.tell()
    stream.seek(0)
    data = stream.read()
    stream.seek(pos)
    return data
