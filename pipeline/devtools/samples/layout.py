"""Page layout and drawing: the reportlab canvas, a small table helper, and truth recording.

The documents are drawn with the reportlab canvas and a small table helper that places every cell
at explicit coordinates, so the generator knows the page of every printed value. The truth rows are
recorded at the moment a value cell is drawn, from the very string that is drawn: there is no
second copy of the numbers that could drift away from the PDF.
"""
from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from .formatting import _money, cell_value

FONT, BOLD, ITALIC = "Helvetica", "Helvetica-Bold", "Helvetica-Oblique"
SHY = "\u00ad"  # soft hyphen in content: where the author hyphenated a word ("Respon-" / "den")
PAD = 2.5       # cell padding, pt
GREY = 0.86


# ---------------------------------------------------------------- text wrapping

def _sw(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap. A word wider than the column is cut where it stops fitting, as a narrow
    Word table column does ("INDIKA" / "TOR"); a soft hyphen is a break that prints '-'."""
    def fits(s: str) -> bool:
        return _sw(s.replace(SHY, ""), font, size) <= width

    out: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in para.split():
            while word:
                cand = f"{line} {word}" if line else word
                if fits(cand):
                    line = cand
                    break
                parts = word.split(SHY)
                heads = [k for k in range(len(parts) - 1, 0, -1)
                         if fits((f"{line} " if line else "") + "".join(parts[:k]) + "-")]
                if heads:
                    k = heads[0]
                    out.append(((f"{line} " if line else "") + "".join(parts[:k]) + "-")
                               .replace(SHY, ""))
                    line, word = "", SHY.join(parts[k:])
                elif line:  # retry the word on a fresh line
                    out.append(line.replace(SHY, ""))
                    line = ""
                else:       # wider than the column on its own: cut where it stops fitting
                    w, k = word.replace(SHY, ""), 1
                    while k < len(w) and fits(w[:k + 1]):
                        k += 1
                    out.append(w[:k])
                    word = w[k:]
        out.append(line.replace(SHY, ""))
    return out


# ---------------------------------------------------------------- tables

@dataclass
class Cell:
    text: str = ""
    cs: int = 1                 # colspan
    rs: int = 1                 # rowspan
    al: str = "L"               # L, C, R
    bold: bool = False
    fit: bool = False           # one line, font shrunk to fit (value cells never wrap)
    top: bool = False           # top-aligned instead of vertically centred
    frac: tuple[str, str, str] | None = None   # numerator, denominator, tail ("X 100%")
    rec: tuple[str, dict] | None = None        # ("value" | "budget", truth fields)
    reads: str | None = None    # what a person reads where the print breaks it ("68,65-" over "69,15")


@dataclass
class Table:
    name: str
    widths: list[float]
    head: list[list[Cell]]
    body: list[list[Cell]]
    size: float = 7.5
    ruled: bool = True
    shade: bool = True
    repeat_head: bool = True
    center: bool = True
    head_size: float | None = None   # header font size when it differs from the body's


def H(text: str, cs: int = 1, rs: int = 1) -> Cell:
    return Cell(text, cs=cs, rs=rs, al="C", bold=True)


def numbering(labels, style: str) -> list[Cell]:
    """Column-numbering row under a header: '(1) (2) (3)' or '-1 -5 -6' (a converter's reading)."""
    fmt = {"paren": "({})", "minus": "-{}"}[style]
    return [Cell(fmt.format(x), al="C") for x in labels]


def _val(text: str, ctx: dict, measure: str, year: int, period: str = "") -> Cell:
    return Cell(text, al="C", fit=True,
                rec=("value", {**ctx, "measure": measure, "year": year, "period": period}))


def _place(rows: list[list[Cell]], ncols: int) -> tuple[list[tuple[int, int, Cell]], int]:
    """HTML-style placement: each cell goes to the next column not covered by a span above."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            if c + cell.cs > ncols:
                raise ValueError(f"table row {r} needs more than {ncols} columns")
            out.append((r, c, cell))
            taken.update((r + i, c + j) for i in range(cell.rs) for j in range(cell.cs))
            c += cell.cs
    nrows = max([len(rows)] + [r + cell.rs for r, _, cell in out])
    return out, nrows


@dataclass
class _Lay:
    font: str
    size: float
    lines: list[str]
    h: float


def _layout(cell: Cell, width: float, size: float, head: bool) -> _Lay:
    font = BOLD if (cell.bold or head) else FONT
    inner = width - 2 * PAD
    if cell.fit:
        w = _sw(cell.text, font, size)
        s = size if w <= inner else max(4.5, size * inner / w)
        return _Lay(font, s, [cell.text], s * 1.2 + 2 * PAD)
    lines = wrap(cell.text, font, size, inner) if cell.text else []
    h = len(lines) * size * 1.2
    if cell.frac:
        num, den, tail = cell.frac
        fw = inner - _sw(tail, font, size) - 6
        h += (len(wrap(num, font, size, fw)) + len(wrap(den, font, size, fw))) * size * 1.2 + 4
    return _Lay(font, size, lines, h + 2 * PAD)


def _heights(placed, nrows: int, widths: list[float], size: float, head: bool) -> list[float]:
    hs = [size * 1.2 + 2 * PAD] * nrows
    spans = []
    for r, c, cell in placed:
        need = _layout(cell, sum(widths[c:c + cell.cs]), size, head).h
        if cell.rs == 1:
            hs[r] = max(hs[r], need)
        else:
            spans.append((r, cell.rs, need))
    for r, rs, need in spans:  # a merged cell taller than its rows grows the last one
        have = sum(hs[r:r + rs])
        if need > have:
            hs[r + rs - 1] += need - have
    return hs


def _blocks(placed, nrows: int) -> list[tuple[int, int]]:
    """Row ranges that a page break must not cut (rows tied together by vertical merges)."""
    reach = [r + 1 for r in range(nrows)]
    for r, _, cell in placed:
        reach[r] = max(reach[r], r + cell.rs)
    out, r = [], 0
    while r < nrows:
        end, k = reach[r], r
        while k < end:
            end = max(end, reach[k])
            k += 1
        out.append((r, end))
        r = end
    return out


# ---------------------------------------------------------------- the document

class Doc:
    """A reportlab canvas with a cursor, a running header/footer, and truth recording."""

    def __init__(self, name: str, kind: str, *, header: str = "", footer: str = "",
                 margins: tuple[float, float, float, float] = (45, 45, 62, 55), title: str = ""):
        self.name, self.kind, self.header, self.footer = name, kind, header, footer
        self.ml, self.mr, self.mt, self.mb = margins
        self.buf = io.BytesIO()
        self.c = Canvas(self.buf, pagesize=A4, invariant=1, pageCompression=1)
        self.c.setTitle(title or name)
        self.c.setAuthor(kind)
        self.c.setCreator("Microsoft Word")
        self.page, self.landscape, self._open = 0, False, False
        self.w, self.h = A4
        self.y = 0.0
        self.truth: list[dict] = []
        self.budget: list[dict] = []
        self.log: list[tuple[str, int, int]] = []   # (table name, first page, last page)
        self.tree: list[dict] = []                   # boxes of a pohon kinerja

    @property
    def cw(self) -> float:
        return self.w - self.ml - self.mr

    # pages
    def new_page(self, landscape: bool = False, header: bool = True) -> None:
        if self._open:
            self._finish()
        self.landscape = landscape
        self.w, self.h = (A4[1], A4[0]) if landscape else A4
        self.c.setPageSize((self.w, self.h))
        self.page += 1
        self._open, self._decor = True, header
        self.y = self.h - self.mt
        if header and self.header:
            self.c.setFont(BOLD, 8.5)
            self.c.drawCentredString(self.w / 2, self.h - 34, self.header)
            self.c.setLineWidth(0.8)
            self.c.line(self.ml, self.h - 40, self.w - self.mr, self.h - 40)

    def _finish(self) -> None:
        if self._decor and self.footer:
            self.c.setFont(ITALIC, 7.5)
            self.c.drawString(self.ml, 30, self.footer)
            self.c.setFont(FONT, 9)
            self.c.drawRightString(self.w - self.mr, 30, str(self.page))
        self.c.showPage()
        self._open = False

    def ensure(self, h: float) -> None:
        if self.y - h < self.mb:
            self.new_page(self.landscape)

    def save(self) -> bytes:
        if self._open:
            self._finish()
        self.c.save()
        return self.buf.getvalue()

    # text
    def text(self, s: str, size: float = 10, font: str = FONT, align: str = "L",
             indent: float = 0, after: float = 2) -> None:
        lead = size * 1.35
        for ln in wrap(s, font, size, self.cw - indent):
            self.ensure(lead)
            self.c.setFont(font, size)
            base = self.y - size
            if align == "C":
                self.c.drawCentredString(self.w / 2, base, ln)
            else:
                self.c.drawString(self.ml + indent, base, ln)
            self.y -= lead
        self.y -= after

    def para(self, s: str, size: float = 10, after: float = 6) -> None:
        """Justified paragraph, the way the reports are typeset."""
        lead = size * 1.45
        lines = wrap(s, FONT, size, self.cw)
        for i, ln in enumerate(lines):
            self.ensure(lead)
            self.c.setFont(FONT, size)
            base, words = self.y - size, ln.split()
            if i < len(lines) - 1 and len(words) > 1:
                gap = (self.cw - sum(_sw(w, FONT, size) for w in words)) / (len(words) - 1)
                x = self.ml
                for w in words:
                    self.c.drawString(x, base, w)
                    x += _sw(w, FONT, size) + gap
            else:
                self.c.drawString(self.ml, base, ln)
            self.y -= lead
        self.y -= after

    def item(self, label: str, s: str, size: float = 10, indent: float = 0, hang: float = 18) -> None:
        lead = size * 1.4
        for i, ln in enumerate(wrap(s, FONT, size, self.cw - indent - hang)):
            self.ensure(lead)
            self.c.setFont(FONT, size)
            if i == 0:
                self.c.drawString(self.ml + indent, self.y - size, label)
            self.c.drawString(self.ml + indent + hang, self.y - size, ln)
            self.y -= lead

    def kv(self, label: str, s: str, size: float = 9.5, tab: float = 62) -> None:
        """'1. Jabatan : Kepala Dinas Sosial' with the value wrapped under itself."""
        self.item(label, ": " + s, size=size, hang=tab)

    # tables
    def table(self, t: Table, caption: tuple[str, ...] = (), source: str = "") -> None:
        ncols = len(t.widths)
        widths = list(t.widths)
        if sum(widths) > self.cw:  # a table pasted wider than the text block is shrunk to fit
            k = self.cw / sum(widths)
            widths = [w * k for w in widths]
        x0 = self.ml + ((self.cw - sum(widths)) / 2 if t.center else 0)
        xs = [x0 + sum(widths[:i]) for i in range(ncols)]
        head, nh = _place(t.head, ncols)
        body, nb = _place(t.body, ncols)
        hh = _heights(head, nh, widths, t.head_size or t.size, True)
        bh = _heights(body, nb, widths, t.size, False)
        blocks = _blocks(body, nb)
        cap_h = len(caption) * 13 + (4 if caption else 0)
        first = sum(bh[blocks[0][0]:blocks[0][1]]) if blocks else 0
        self.ensure(cap_h + sum(hh) + first)
        for line in caption:
            self.text(line, size=9.5, font=BOLD, align="C", after=0)
        if caption:
            self.y -= 4
        start = self.page
        self._cells(t, head, hh, widths, xs, 0, nh, True)
        for r0, r1 in blocks:
            if self.y - sum(bh[r0:r1]) < self.mb:
                self.new_page(self.landscape)
                if t.repeat_head:
                    self._cells(t, head, hh, widths, xs, 0, nh, True)
            self._cells(t, body, bh, widths, xs, r0, r1, False)
        self.log.append((t.name, start, self.page))
        if source:
            self.y -= 2
            self.text(source, size=7.5, font=ITALIC, after=0)
        self.y -= 10

    def _cells(self, t: Table, placed, hs, widths, xs, r0: int, r1: int, head: bool) -> None:
        c, top0 = self.c, self.y
        c.setLineWidth(0.5)
        for r, col, cell in placed:
            if not r0 <= r < r1:
                continue
            x, w = xs[col], sum(widths[col:col + cell.cs])
            top = top0 - sum(hs[r0:r])
            h = sum(hs[r:r + cell.rs])
            if t.ruled and head:
                c.setFillGray(GREY if t.shade else 1)
                c.rect(x, top - h, w, h, stroke=1, fill=1 if t.shade else 0)
                c.setFillGray(0)
            elif t.ruled:  # body rulings as line segments, as Word exports them
                c.lines([(x, top, x + w, top), (x, top - h, x + w, top - h),
                         (x, top, x, top - h), (x + w, top, x + w, top - h)])
            lay = _layout(cell, w, (t.head_size or t.size) if head else t.size, head)
            y = top - PAD - (0 if cell.top else (h - lay.h) / 2)
            c.setFont(lay.font, lay.size)
            for ln in lay.lines:
                y -= lay.size * 1.2
                lw = _sw(ln, lay.font, lay.size)
                lx = {"L": x + PAD, "C": x + (w - lw) / 2, "R": x + w - PAD - lw}[cell.al]
                c.drawString(lx, y + lay.size * 0.25, ln)
            if cell.frac:
                self._frac(cell.frac, x, w, y, lay)
            if cell.rec:
                self._record(cell)
        self.y = top0 - sum(hs[r0:r1])

    def _frac(self, frac, x: float, w: float, y: float, lay: _Lay) -> None:
        num, den, tail = frac
        s, c = lay.size, self.c
        fw = w - 2 * PAD - _sw(tail, lay.font, s) - 6
        for ln in wrap(num, lay.font, s, fw):
            y -= s * 1.2
            c.drawCentredString(x + PAD + fw / 2, y + s * 0.25, ln)
        y -= 2
        c.line(x + PAD, y, x + PAD + fw, y)
        c.drawString(x + PAD + fw + 6, y - s * 0.35, tail)
        for ln in wrap(den, lay.font, s, fw):
            y -= s * 1.2
            c.drawCentredString(x + PAD + fw / 2, y + s * 0.25, ln)

    def _record(self, cell: Cell) -> None:
        kind, data = cell.rec
        if kind == "value":
            read = cell.reads or " ".join(cell.text.split())
            value, unit = cell_value(read)  # unless the cell's truth says (a grade's score, a range)
            self.truth.append({"file": self.name, "kind": self.kind, "value": value, "unit": unit, **data,
                               "value_text": read, "page": self.page})
        else:
            self.budget.append({"file": self.name, "year": data["year"], "code": data["code"],
                                "name": data["name"], "pagu": _money(data["pagu"]),
                                "realisasi": _money(data["realisasi"]) if data["realisasi"] else "",
                                "pct": cell_value(data["pct"])[0], "page": self.page})


def landscape_cover(d: Doc, *lines: str) -> None:
    """A landscape first page with the report's title lines, centred and bold."""
    d.new_page(landscape=True)
    for line in lines:
        d.text(line, size=12, font="Helvetica-Bold", align="C")
    d.y -= 10
