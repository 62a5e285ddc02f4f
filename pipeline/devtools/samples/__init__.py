"""Synthetic SAKIP report PDFs with exact ground truth.

The documents are drawn with the reportlab canvas and a small table helper that places every cell
at explicit coordinates, so the generator knows the page of every printed value. The truth rows are
recorded at the moment a value cell is drawn, from the very string that is drawn: there is no
second copy of the numbers that could drift away from the PDF.

Content (agency, indicator names, targets, budget lines) is typed from real reports: the LKIP 2025
of Dinas Sosial Kota Bekasi, the IKI 2023-2026 of Dinas Sosial Kabupaten Lampung Barat and the IKI
eselon III/IV of Dinas Sosial Kota Probolinggo. Values that those reports do not print (quarterly
realisasi, some baselines) are invented and internally consistent (capaian = realisasi/target*100).

    python -m pipeline.devtools.samples OUT_DIR
"""
from __future__ import annotations

import csv
import io
import random
import re
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

__all__ = ["write_samples", "write_bad_inputs", "write_corpus", "cell_value", "TRUTH_COLUMNS",
           "BUDGET_COLUMNS", "TREE_COLUMNS"]

TRUTH_COLUMNS = ("file", "kind", "jabatan", "sasaran", "indicator", "year", "measure", "period",
                 "value", "value_text", "unit", "page")
BUDGET_COLUMNS = ("file", "year", "code", "name", "pagu", "realisasi", "pct", "page")
TREE_COLUMNS = ("file", "node", "parent", "level", "jabatan", "sasaran", "indicator", "target", "page")
TRUTH_FILE, BUDGET_FILE, TREE_FILE = "sample_truth.csv", "sample_budget_truth.csv", "sample_tree_truth.csv"
SAMPLE_NAMES = ("bekasi_lkip_2025.pdf", "lampung_barat_iki_2023_2026.pdf",
                "probolinggo_iki_eselon_iii_iv.pdf", "dinsos_pohon_kinerja_2024.pdf")

FONT, BOLD, ITALIC = "Helvetica", "Helvetica-Bold", "Helvetica-Oblique"
SHY = "\u00ad"  # soft hyphen in content: where the author hyphenated a word ("Respon-" / "den")
PAD = 2.5       # cell padding, pt
GREY = 0.86


# ---------------------------------------------------------------- values as printed -> numbers

_NUM = re.compile(r"^(?P<num>\d[\d.,]*)\s*(?P<unit>.*)$")
_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+")


def _number(num: str) -> Decimal:
    """Indonesian-style number text to Decimal: ',' decimal, '.' thousands unless it can't be."""
    num = num.rstrip(".,")
    if "," in num and "." in num:
        num = num.replace(".", "").replace(",", ".")
    elif "," in num:
        num = num.replace(",", ".")
    elif _THOUSANDS.fullmatch(num):
        num = num.replace(".", "")
    return Decimal(num)  # "04.05" (a typo for 4,05 in the source) reads as 4.05


def _dec(d: Decimal) -> str:
    return format(d.normalize(), "f")


def cell_value(text: str) -> tuple[str, str]:
    """(value with '.' decimal or '' when not a number, unit printed in the cell) for a cell text."""
    t = " ".join(text.split())
    m = _NUM.match(t)
    if not m:  # "BB", "B Poin", "-"
        parts = t.split(maxsplit=1)
        return "", parts[1] if len(parts) == 2 else ""
    return _dec(_number(m["num"])), m["unit"].strip()


def _money(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _dots(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _rp(n: int, style: str) -> str:
    """Money as the reports print it: 'Rp.15.061.828.880', 'Rp. 4.524.850.000', 'Rp 619.756.910'."""
    s = _dots(n)
    return {"dot": "Rp." + ("" if len(s) >= 14 else " ") + s, "space": "Rp " + s,
            "tight": "Rp" + s, "plain": s}[style]


def _pct(part: float, whole: float, decimals: int = 2) -> str:
    return f"{part / whole * 100:.{decimals}f}".replace(".", ",")


def _fmt_like(v: float, template: str) -> str:
    """Format v the way `template` is printed (separators, decimals, unit suffix)."""
    m = _NUM.match(template)
    if not m:
        return template
    num, tail = m["num"], template[m.end("num"):]
    if "," in num:
        sep, dec = ",", len(num.split(",")[-1])
    elif "." in num and not _THOUSANDS.fullmatch(num):
        sep, dec = ".", len(num.split(".")[-1])
    else:
        sep, dec = "", 0
    whole, _, frac = f"{v:,.{dec}f}".partition(".")
    out = whole.replace(",", "" if sep == "." else ".") + (sep + frac if dec else "")
    if num.startswith("0") and len(num.split(sep or ".")[0]) == 2 and len(whole) == 1:
        out = "0" + out  # keep the "04.05" slip
    return out + tail


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
            value, unit = cell_value(cell.text)
            self.truth.append({**data, "file": self.name, "kind": self.kind, "value": value,
                               "value_text": " ".join(cell.text.split()), "unit": unit,
                               "page": self.page})
        else:
            self.budget.append({"file": self.name, "year": data["year"], "code": data["code"],
                                "name": data["name"], "pagu": _money(data["pagu"]),
                                "realisasi": _money(data["realisasi"]) if data["realisasi"] else "",
                                "pct": cell_value(data["pct"])[0], "page": self.page})


# ---------------------------------------------------------------- options (samples vs corpus)

@dataclass
class Opts:
    """Everything a document varies on. rng=None draws the canonical sample exactly."""
    region: str = "Kota Bekasi"
    year: int = 2025
    rng: random.Random | None = None
    size: float = 7.5
    numbering: str = "minus"
    shade: bool = True
    landscape: bool = True
    borderless: str = "ppks"
    repeat_head: bool = True
    long_rows: int = 99
    jabatan: int = 99

    def v(self, text: str) -> str:
        """The value text, varied (same print style) in corpus mode."""
        m = _NUM.match(text)
        if self.rng is None or not m or (m["num"] == "100" and self.rng.random() < 0.7):
            return text
        x = float(_number(m["num"])) * self.rng.uniform(0.8, 1.2)
        return _fmt_like(round(x) if "," not in m["num"] and "." not in m["num"] else x, text)

    def vs(self, texts) -> tuple[str, ...]:
        if len(set(texts)) == 1:   # a constant target row stays constant
            return (self.v(texts[0]),) * len(texts)
        return tuple(self.v(t) for t in texts)

    def trc(self, t: str, r: str, cap: str) -> tuple[str, str, str]:
        """target, realisasi, capaian; capaian recomputed when the others were varied."""
        if self.rng is None:
            return t, r, cap
        t2, r2 = self.v(t), self.v(r)
        mt, mr, mc = _NUM.match(t2), _NUM.match(r2), _NUM.match(cap)
        if mt and mr and mc and float(_number(mt["num"])):
            cap = _fmt_like(float(_number(mr["num"])) / float(_number(mt["num"])) * 100, cap)
        return t2, r2, cap

    def pick(self, seq, kmin: int = 1) -> list:
        seq = list(seq)
        if self.rng is None or len(seq) <= kmin:
            return seq
        keep = sorted(self.rng.sample(range(len(seq)), self.rng.randint(kmin, len(seq))))
        return [seq[i] for i in keep]


# ---------------------------------------------------------------- LKIP content (seed 001)

# Tabel 2.1: sasaran RPD -> (no, indikator, satuan, kondisi awal, target y-1, y, y+1, kondisi akhir)
RPD = [
    ("Meningkatnya akuntabilitas dan profesionalisme pengelolaan dan layanan pemerintah", [
        ("1", "Indeks Kepuasan Masyarakat terhadap Layanan Publik", "Nilai",
         "83,33", "84,20", "85,15", "86,10", "86,1"),
        ("2", "Persentase Pengaduan Masyarakat yang Ditindaklanjuti", "%",
         "78,50", "85,00", "90,00", "95,00", "95")]),
    ("Meningkatnya Kualitas Manajemen dan Kinerja Pemerintah", [
        ("3", "Nilai Akuntabilitas Kinerja Instansi Pemerintah (AKIP)", "Nilai",
         "67,07", "72,05", "73,12", "74,10", "74,1")]),
    ("Meningkatnya Tenaga Kerja yang Adaptif dan Kesejahteraan Masyarakat Kota", [
        ("11", "Angka Kemiskinan", "%", "0,22", "04.05", "04.04", "04.03", "4,3"),
        ("12", "Persentase PPKS yang Tertangani", "%", "4,50", "5,00", "6,00", "7,00", "7")]),
    ("Meningkatnya upaya dan kesiapsiagaan dalam mengurangi risiko bencana", [
        ("19", "Indeks Risiko Bencana", "Nilai", "122", "108", "103", "98", "98"),
        ("20", "Persentase Korban Bencana yang Menerima Bantuan Sosial Selama Masa Tanggap Darurat",
         "%", "100", "100", "100", "100", "100")]),
]
S_AKIP = ("Meningkatnya nilai akuntabilitas Kinerja Instansi Pemerintah (AKIP) dan Indeks "
          "Kepuasan Masyarakat (IKM)")
S_PPKS_RPD = "Meningkatnya keberfungsian Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)"
S_PSKS_RPD = "Meningkatnya Potensi dan Sumber Kesejahteraan Sosial (PSKS)"
S_PPKS = "Meningkatnya Rehabilitasi Sosial bagi Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)"
S_PSKS = "Meningkatnya keberfungsian Potensi Sumber Kesejahteraan Sosial (PSKS)"
I_AKIP = "Nilai Akuntabilitas Kinerja Instansi Pemerintah (AKIP)"
I_IKM = "Nilai Indeks Kepuasan Masyarakat (IKM)"
I_psks_layan = "Persentase psks yang mendapatkan pelayanan kesejahteraan sosial"
I_PPKS = "Persentase PPKS yang mendapatkan pelayanan kesejahteraan sosial"
I_psks = "Persentase psks yang dibina"
I_PSKS = "Persentase PSKS yang dibina"

# Tabel 2.2 IKU 2024-2026 / Tabel 2.3 PK / Tabel 3.2 TW III: (no, sasaran, [(indikator, values)])
IKU_RPD = [("1", S_AKIP, [(I_AKIP, ("BB", "BB", "BB")), (I_IKM, ("80,5", "80,5", "80,5"))]),
           ("2", S_PPKS_RPD, [(I_psks_layan, ("5%", "6%", "7%"))]),
           ("3", S_PSKS_RPD, [(I_psks, ("100%", "100%", "100%"))])]
PK = [("1", S_AKIP.replace("akuntabilitas", "Akuntabilitasi"),
       [(I_AKIP, ("BB Nilai",)), (I_IKM, ("80,50 Nilai",))]),
      ("2", S_PPKS_RPD, [(I_psks_layan, ("6%",))]),
      ("3.", "Meningkatnya Keberfungsian Potensi dan Sumber Kesejahteraan Sosial (PSKS)",
       [(I_psks, ("100%",))])]
PK2 = [("1.", S_PPKS, [(I_PPKS, ("12%",))]), ("2.", S_PSKS, [(I_PSKS, ("100%",))])]
# anggaran attached to the Perjanjian Kinerja murni (pagu only)
PK_BUDGET = [("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 15061828880),
             ("Program Pemberdayaan Sosial", 4524850000), ("Program Rehabilitasi Sosial", 4402800000),
             ("Program Perlindungan Dan Jaminan Sosial", 4777649800),
             ("Program Penanganan Bencana", 2130000000),
             ("Program Pengelolaan Taman Makam Pahlawan", 989150000)]
TW3 = [("1", S_AKIP, [(I_AKIP, ("BB", "BB", "100")), (I_IKM, ("80,5", "92,86", "115"))]),
       ("2", S_PPKS_RPD, [(I_psks_layan, ("6%", "-", "-"))]),
       ("3", S_PSKS_RPD, [(I_psks, ("100%", "100%", "100"))])]
CAPAIAN = [("1", S_PPKS, [(I_PPKS, "%", ("12%", "15,82%", "132%"))]),
           ("2", S_PSKS, [(I_PSKS, "%", ("100%", "100%", "100%"))])]

# Tabel 2.4 Renstra 2025-2029: (sasaran or "" for tujuan-level indicators, indikator, 5 targets)
NSPK = "UU No 11 Tahun 2009 Tentang Kesejahteraan Sosial"
TUJUAN = "Penurunan Tingkat Kemiskinan dan Peningkatan Ketahanan Sosial Masyarakat"
RENSTRA = [("", "Persentase Masyarakat Miskin", ("4,01", "3,98", "3,90", "3,85", "3,80")),
           ("", "Persentase PPKS yang terlayani", ("12%", "7%", "8%", "9%", "10%")),
           ("", I_psks, ("100%",) * 5),
           (S_PPKS, I_PPKS, ("12%", "7%", "8%", "9%", "10%")),
           (S_PSKS, I_PSKS, ("100%",) * 5)]

# Tabel 3.4 (long, quarterly): (sub kegiatan, indikator, satuan, target, realisasi for the year)
SUBKEG = [
    ("Penyediaan Permakanan", "Jumlah Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia "
     "Terlantar, serta Gelandangan Pengemis yang Terpenuhi Kebutuhan Permakanan", "Orang", 1576, 1576),
    ("Penyediaan Sandang", "Jumlah Paket Sandang yang Disalurkan kepada PPKS di Luar Panti",
     "Paket", 400, 392),
    ("Penyediaan Alat Bantu", "Jumlah Penyandang Disabilitas Terlantar yang Mendapatkan Alat Bantu",
     "Orang", 672, 672),
    ("Pemberian Pelayanan Reunifikasi Keluarga", "Jumlah Anak Terlantar dan Lanjut Usia Terlantar "
     "yang Dikembalikan kepada Keluarga", "Orang", 120, 96),
    ("Pemberian Bimbingan Fisik, Mental, Spiritual, dan Sosial", "Jumlah PPKS yang Mendapatkan "
     "Bimbingan Fisik, Mental, Spiritual, dan Sosial", "Orang", 300, 276),
    ("Pemberian Bimbingan Sosial kepada Keluarga Penyandang Disabilitas Terlantar, Anak Terlantar, "
     "Lanjut Usia Terlantar, serta Gelandangan Pengemis dan Masyarakat",
     "Jumlah Keluarga yang Mendapatkan Bimbingan Sosial", "Keluarga", 1200, 1188),
    ("Fasilitasi Pembuatan Nomor Induk Kependudukan, Akta Kelahiran, Surat Nikah, dan Kartu "
     "Identitas Anak", "Jumlah PPKS yang Difasilitasi Dokumen Kependudukan", "Orang", 204, 163),
    ("Pemberian Akses ke Layanan Pendidikan dan Kesehatan Dasar", "Jumlah PPKS yang Mendapatkan "
     "Akses Layanan Pendidikan dan Kesehatan Dasar", "Orang", 150, 148),
    ("Pemberian Layanan Data dan Pengaduan", "Jumlah Pengaduan Masyarakat yang Ditindaklanjuti",
     "Laporan", 240, 236),
    ("Pemberian Layanan Kedaruratan", "Jumlah PPKS yang Mendapatkan Layanan Kedaruratan", "Orang",
     204, 204),
    ("Pemberian Pelayanan Penelusuran Keluarga", "Jumlah PPKS yang Dilakukan Penelusuran Keluarga",
     "Orang", 60, 54),
    ("Pemberian Layanan Rujukan", "Jumlah PPKS yang Mendapatkan Layanan Rujukan", "Orang", 400, 380),
    ("Fasilitasi Bantuan Sosial Kesejahteraan Keluarga", "Jumlah Keluarga Penerima Manfaat Bantuan "
     "Langsung Tunai", "Keluarga", 10928, 10149),
    ("Penyediaan Makanan", "Jumlah Korban Bencana yang Mendapatkan Permakanan Selama Masa Tanggap "
     "Darurat", "Jiwa", 8100, 8100),
    ("Penyediaan Sandang", "Jumlah Korban Bencana yang Mendapatkan Bantuan Sandang", "Jiwa",
     2500, 2210),
    ("Penyediaan Tempat Penampungan Pengungsi", "Jumlah Tempat Penampungan Pengungsi yang "
     "Disediakan", "Unit", 12, 10),
    ("Penanganan Khusus bagi Kelompok Rentan", "Jumlah Kelompok Rentan Korban Bencana yang "
     "Mendapatkan Penanganan Khusus", "Orang", 500, 445),
    ("Koordinasi, Sosialisasi dan Pelaksanaan Kampung Siaga Bencana", "Jumlah Kampung Siaga Bencana "
     "yang Dibentuk dan Dibina", "Kampung", 12, 12),
    ("Koordinasi, Sosialisasi dan Pelaksanaan Taruna Siaga Bencana", "Jumlah Taruna Siaga Bencana "
     "yang Mendapatkan Peningkatan Kapasitas", "Orang", 150, 150),
    ("Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat Kewenangan Kabupaten/Kota",
     "Jumlah Pekerja Sosial Masyarakat yang Meningkat Kapasitasnya", "Orang", 560, 560),
    ("Peningkatan Kemampuan Potensi Tenaga Kesejahteraan Sosial Kecamatan Kewenangan "
     "Kabupaten/Kota", "Jumlah Tenaga Kesejahteraan Sosial Kecamatan (TKSK) yang Meningkat "
     "Kapasitasnya", "Orang", 12, 12),
    ("Peningkatan Kemampuan Potensi Sumber Kesejahteraan Sosial Kelembagaan Masyarakat Kewenangan "
     "Kabupaten/Kota", "Jumlah Lembaga Kesejahteraan Sosial yang Dibina", "Lembaga", 85, 68),
]
QUARTER_SHARE = (0.21, 0.26, 0.24)   # the fourth quarter takes the rest

# Tabel 3.7 (narrow columns): (indikator, satuan, baseline y-1, target, realisasi, capaian)
NARROW = [(I_PPKS, "Persen", "12", "12", "15,82", "132"),
          (I_PSKS, "Persen", "100", "100", "100", "100"),
          ("Indeks Kepuasan Masyarakat (IKM) berdasarkan Survei terhadap Respon" + SHY + "den "
           "Penerima Layanan Dinas Sosial", "Nilai", "89,47", "80,5", "92,86", "115,35")]

# Tabel 3.14 (borderless): PPKS, target, realisasi, capaian
PPKS = [("Disabilitas", "672", "672", "100%"), ("Anak Terlantar", "400", "400", "100%"),
        ("Lanjut Usia Terlantar", "300", "300", "100%"),
        ("Gelandangan dan Pengemis diluar Panti", "204", "204", "100%"),
        ("Korban Bencana", "8.100", "8.100", "100%"),
        ("Masyarakat Miskin (BLT)", "10.928", "10.149", "93%")]

# Tabel 3.22: program code, name, pagu (perubahan), realisasi
PROGRAMS = [("1.06.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
             14171420836, 12762370465),
            ("1.06.02", "Program Pemberdayaan Sosial", 3341258639, 2427542487),
            ("1.06.04", "Program Rehabilitasi Sosial", 4645554625, 4005923311),
            ("1.06.05", "Program Perlindungan Dan Jaminan Sosial", 4572316800, 3717696432),
            ("1.06.06", "Program Penanganan Bencana", 1876244335, 1578973331),
            ("1.06.07", "Program Pengelolaan Taman Makam Pahlawan", 619756910, 588636686)]
# Tabel 3.23: code suffix after "1.06.01.01-", uraian, anggaran, realisasi
SUBKEG_BUDGET = [
    ("04", "PROGRAM REHABILITASI SOSIAL", 4645554625, 4005923311),
    ("04.2.01", "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut "
     "Usia Terlantar, serta Gelandangan Pengemis di Luar Panti Sosial", 4645554625, 4005923311),
    ("04.2.01.01", "Penyediaan Permakanan", 743400000, 607430000),
    ("04.2.01.02", "Penyediaan Sandang", 100000000, 98534022),
    ("04.2.01.03", "Penyediaan Alat Bantu", 629840000, 538668800),
    ("04.2.01.04", "Pemberian Pelayanan Reunifikasi Keluarga", 589000000, 406917797),
    ("04.2.01.05", "Pemberian Bimbingan Fisik, Mental, Spiritual, dan Sosial", 358380000, 266649866),
    ("04.2.01.06", "Pemberian Bimbingan Sosial kepada Keluarga Penyandang Disabilitas Terlantar, Anak "
     "Terlantar, Lanjut Usia Terlantar, serta Gelandangan Pengemis dan Masyarakat",
     1380000000, 1306664516),
    ("04.2.01.07", "Fasilitasi Pembuatan Nomor Induk Kependudukan, Akta Kelahiran, Surat Nikah, dan "
     "Kartu Identitas Anak", 32633625, 25965000),
    ("04.2.01.08", "Pemberian Akses ke Layanan Pendidikan dan Kesehatan Dasar", 50000000, 49476719),
    ("04.2.01.09", "Pemberian Layanan Data dan Pengaduan", 51081000, 50131000),
    ("04.2.01.10", "Pemberian Layanan Kedaruratan", 199190000, 170800000),
    ("04.2.01.11", "Pemberian Pelayanan Penelusuran Keluarga", 12030000, 10884000),
    ("04.2.01.12", "Pemberian Layanan Rujukan", 500000000, 473801591),
    ("05", "PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL", 4572316800, 3717696432),
    ("05.2.02", "Pengelolaan Data Fakir Miskin Cakupan Daerah Kabupaten/Kota", 4572316800, 3717696432),
    ("05.2.02.03", "Fasilitasi Bantuan Sosial Kesejahteraan Keluarga", 3248486800, 2727545020),
    ("06", "PROGRAM PENANGANAN BENCANA", 1876244335, 1578973331),
    ("06.2.01", "Perlindungan Sosial Korban Bencana Alam dan Sosial Kabupaten/Kota",
     1381879910, 1160398691),
    ("06.2.01.01", "Penyediaan Makanan", 588240000, 491669672),
    ("06.2.01.02", "Penyediaan Sandang", 250000000, 202960170),
    ("06.2.01.03", "Penyediaan Tempat Penampungan Pengungsi", 241253910, 191139598),
    ("06.2.01.04", "Penanganan Khusus bagi Kelompok Rentan", 150000000, 127939051),
    ("06.2.02", "Penyelenggaraan Pemberdayaan Masyarakat Terhadap Kesiapsiagaan Bencana "
     "Kabupaten/Kota", 494364425, 418574640),
    ("06.2.02.01", "Koordinasi, Sosialisasi dan Pelaksanaan Kampung Siaga Bencana",
     356572000, 296104635),
    ("06.2.02.02", "Koordinasi, Sosialisasi dan Pelaksanaan Taruna Siaga Bencana",
     137792425, 122470005),
]

TEXT = {
    "pengantar": "Berkat Rahmat Tuhan Yang Maha Esa, Laporan Kinerja Instansi Pemerintah (LKIP) {org} "
    "dapat diterbitkan. Dengan telah berakhirnya Tahun {y}, {org} telah menyelesaikan kegiatannya "
    "untuk tahun pertama dikaitkan dengan Rencana Pembangunan Jangka Menengah Daerah (RPJMD) {reg} "
    "Tahun {y}-{y4} yang telah digunakan sebagai acuan bagi pelaksanaan kegiatan {org}.",
    "latar": "Dinas Sosial memiliki peran penting dalam upaya meningkatkan taraf kesejahteraan "
    "masyarakat, terutamanya masyarakat yang memiliki kehidupan yang tidak layak secara kemanusiaan "
    "dan memiliki kriteria masalah sosial (pemerlu pelayanan kesejahteraan sosial). Upaya peningkatan "
    "taraf kesejahteraan sosial tersebut, dilaksanakan melalui rehabilitasi sosial, jaminan sosial, "
    "pemberdayaan sosial dan perlindungan sosial.",
    "latar2": "Dinas Sosial senantiasa berupaya meningkatkan taraf kesejahteraan Pemerlu Pelayanan "
    "Kesejahteraan Sosial, sehingga dapat berkontribusi dalam penurunan angka kemiskinan, serta "
    "pencapaian target RPJMD {y}-{y4}. Tahun {y} merupakan tahun awal pelaksanaan menggantikan "
    "Renstra {y0}-{y2} yang merupakan penjabaran operasional Dinas Sosial untuk mendukung sasaran "
    "RPD {y0}-{y2}.",
    "bab2": "Perencanaan kinerja {org} Tahun {y} merupakan penjabaran operasional dari Rencana "
    "Strategis (Renstra) {org} Tahun {y0}-{y2} yang disusun berdasarkan RPD {reg} Tahun {y0}-{y2} dan "
    "Renstra {org} Tahun {y}-{y4}, yang disusun selaras dengan RPJMD {reg} Tahun {y}-{y4}.",
    "rpd": "Rencana Strategis dapat dicapai dengan cara merumuskan tujuan dan sasaran. Tujuan "
    "merupakan penjabaran atau implementasi dari pernyataan misi, adapun tujuan strategis Dinas "
    "Sosial pada periode tahun {y0}-{y2} sebagai berikut:",
    "iku": "Berdasarkan rumusan tujuan dan sasaran strategis, ditentukan indikator sasaran dijadikan "
    "sebagai Indikator Kinerja Utama (IKU) Dinas Sosial Tahun {y0}-{y2} sebagai berikut:",
    "pk": "Perjanjian Kinerja adalah lembar/dokumen yang berisikan penugasan dari pimpinan instansi "
    "yang lebih tinggi kepada pimpinan instansi yang lebih rendah untuk melaksanakan program dan "
    "kegiatan yang disertai dengan indikator kinerja. Perjanjian kinerja ini merupakan tolak ukur "
    "evaluasi akuntabilitas kinerja pada akhir Tahun {y}.",
    "pk2": "Sasaran Strategis pada Renstra {org} tahun {y}-{y4} dilakukan perubahan dari Sasaran "
    "Strategis sebelumnya. Dari Sasaran Strategis tersebut, diturunkan kedalam perjanjian kinerja "
    "perubahan seperti diuraikan ditabel dibawah ini.",
    "renstra": "Dalam mendukung pencapaian visi dan misi pembangunan daerah, Dinas Sosial sebagai "
    "salah satu perangkat daerah harus melaksanakan amanat pada RPJMD dengan perumusan tujuan, dan "
    "sasaran yang sesuai dengan tugas pokok dan fungsi Dinas Sosial dengan penjabaran sebagai berikut:",
    "bab3": "Pengukuran kinerja pada periode RPD dilakukan sampai dengan triwulan III, karena pada "
    "triwulan IV pengukuran kinerja sudah berdasarkan Renstra dan RPJMD {y}-{y4}. Untuk mengetahui "
    "pencapaian sasaran diperoleh dengan cara membandingkan target dengan realisasi indikator sasaran "
    "melalui media formulir pengukuran kinerja.",
    "tw3": "Berdasarkan Tabel diatas, hampir semua indikator tercapai untuk target di Triwulan III, "
    "bahkan ada yang melebihi 100%, yaitu pada indikator Nilai SKM, dan ada Indikator yang belum ada "
    "realisasinya, hal ini pada triwulan III tidak ditetapkan target dan akan diakumulasikan di "
    "Triwulan IV.",
    "rpjmd": "Capaian kinerja yang telah dicapai {org} selama tahun {y}, berupa pencapaian sasaran "
    "strategis dan indikator kinerja yang telah ditetapkan dalam Renstra {org} tahun {y}-{y4} serta "
    "perjanjian kinerja {org} tahun {y} sebanyak 2 (dua) sasaran strategis dan 2 (dua) indikator "
    "kinerja.",
    "sub": "Capaian indikator kinerja sub kegiatan yang mendukung sasaran strategis diukur setiap "
    "triwulan. Realisasi per triwulan disajikan pada tabel berikut:",
    "narrow": "Perbandingan realisasi kinerja tahun {y0} dengan tahun {y} untuk indikator kinerja "
    "sasaran disajikan pada tabel berikut:",
    "ppks": "Jumlah realisasi PPKS pada sasaran Meningkatnya Rehabilitasi Sosial bagi Pemerlu "
    "Pelayanan Kesejahteraan Sosial (PPKS) Tahun {y} adalah sebagai berikut:",
    "anggaran": "Realisasi anggaran {org} Tahun {y} setelah APBD Perubahan disajikan per program dan "
    "per sub kegiatan sebagai berikut:",
    "penutup": "Laporan Kinerja Instansi Pemerintah {org} Tahun {y} ini merupakan wujud "
    "pertanggungjawaban atas pelaksanaan tugas dan fungsi serta penggunaan anggaran. Akhirnya laporan "
    "ini dapat tersaji menjadi sarana evaluasi yang konstruktif dan dapat memberi manfaat yang "
    "optimal bagi peningkatan manajemen kinerja yang lebih baik di masa mendatang.",
}


def _groups(o: Opts, groups):
    """Drop indicators (corpus mode) but keep every group non-empty."""
    out = []
    for g in o.pick(groups):
        *lead, items = g
        out.append((*lead, o.pick(items)))
    return out


def _lkip_tables(o: Opts) -> dict[str, Table]:
    y, sz, ns = o.year, o.size, o.numbering
    rpd_years = (y - 1, y, y + 1)
    t: dict[str, Table] = {}

    body = []
    for sasaran, inds in _groups(o, RPD):
        for k, (no, ind, sat, awal, *vals) in enumerate(inds):
            ctx = {"sasaran": sasaran, "indicator": ind}
            awal, *vals = o.vs((awal, *vals)) if o.rng else (awal, *vals)
            row = [Cell(sasaran, rs=len(inds))] if k == 0 else []
            row += [Cell(no, al="C"), Cell(ind), Cell(sat, al="C"),
                    _val(awal, ctx, "baseline", y - 4)]
            row += [_val(v, ctx, "target", yy) for v, yy in zip(vals, rpd_years)]
            body.append(row + [_val(vals[3], ctx, "target", rpd_years[-1])])
    t["rpd"] = Table("IKU/Renstra RPD targets (multi-row header, merged sasaran)",
                     [112, 14, 122, 36, 50, 40, 40, 40, 46],
                     [[H("SASARAN RANCANGAN RPD", rs=2), H("INDIKATOR KINERJA", cs=2, rs=2),
                       H("SATUAN", rs=2), H(f"KONDISI AWAL ({y - 4})", rs=2),
                       H("TARGET KINERJA", cs=3), H("KONDISI AKHIR", rs=2)],
                      [H(str(x)) for x in rpd_years]], body, size=sz, shade=o.shade)

    def grouped(groups, measures, years, periods):
        rows = []
        for no, sasaran, inds in _groups(o, groups):
            for k, (ind, *rest) in enumerate(inds):
                vals, sat = rest[-1], rest[0] if len(rest) == 2 else None
                ctx = {"sasaran": sasaran, "indicator": ind}
                if len(vals) == 3 and measures[1] == "realisasi":
                    vals = o.trc(*vals)
                elif o.rng:
                    vals = o.vs(vals)
                row = [Cell(no, rs=len(inds), al="C"), Cell(sasaran, rs=len(inds))] if k == 0 else []
                row += [Cell(ind)] + ([Cell(sat, al="C")] if sat else [])
                row += [_val(v, ctx, m, yy, p) for v, m, yy, p in zip(vals, measures, years, periods)]
                rows.append(row)
        return rows

    t["iku"] = Table("IKU 2024-2026 (numbering row, BB)", [24, 170, 170, 45, 45, 45],
                     [[H("NO.", rs=2), H("SASARAN", rs=2), H("INDIKATOR TUJUAN/SASARAN", rs=2),
                       H("TARGET KINERJA SASARAN PADA TAHUN", cs=3)],
                      [H(str(x)) for x in rpd_years], numbering((1, 5, 6, 7, 8, 9), ns)],
                     grouped(IKU_RPD, ("target",) * 3, rpd_years, ("",) * 3), size=sz,
                     shade=o.shade)
    t["pk"] = Table("Perjanjian Kinerja (single year, year from title)", [26, 190, 190, 70],
                    [[H("No"), H("Sasaran Strategis"), H("Indikator Kinerja"), H("Target")],
                     numbering((1, 2, 3, 4), "paren")],
                    grouped(PK, ("target",), (y,), ("",)), size=sz + 0.5, shade=o.shade)

    t["pk2"] = Table("Perjanjian Kinerja perubahan", [26, 190, 190, 70],
                     [[H("No"), H("Sasaran Strategis"), H("Indikator Kinerja"), H("Target")],
                      numbering((1, 2, 3, 4), "paren")],
                     grouped(PK2, ("target",), (y,), ("",)), size=sz + 0.5, shade=o.shade)
    scale = 1.0 if o.rng is None else o.rng.uniform(0.4, 1.8)
    rows = []
    for i, (name, p) in enumerate(PK_BUDGET, 1):
        p = round(p * scale)
        rec = ("budget", {"year": y, "code": "", "name": name, "pagu": _rp(p, "dot"),
                          "realisasi": "", "pct": ""})
        rows.append([Cell(f"{i}. {name}", rec=rec), Cell(_rp(p, "dot"), fit=True), Cell("APBD", al="C")])
    total = sum(round(p * scale) for _, p in PK_BUDGET)
    rows.append([Cell("Total", bold=True, rec=("budget", {"year": y, "code": "", "name": "Total",
                                                          "pagu": _rp(total, "dot"),
                                                          "realisasi": "", "pct": ""})),
                 Cell(_rp(total, "dot"), bold=True, fit=True), Cell("")])
    t["pk_budget"] = Table("Anggaran Perjanjian Kinerja (Rp)", [260, 100, 90],
                           [[H("Program"), H("Anggaran"), H("Ket (Sumber Dana)")]], rows,
                           size=sz + 0.5, shade=o.shade)

    rows = []
    for k, (sasaran, ind, vals) in enumerate(o.pick(RENSTRA)):
        ctx = {"sasaran": sasaran, "indicator": ind}
        vals = o.vs(vals) if o.rng else vals
        row = [Cell("1", rs=99, al="C"), Cell(NSPK, rs=99), Cell(TUJUAN, rs=99)] if k == 0 else []
        row += [Cell(sasaran), Cell(ind)]
        row += [_val(v, ctx, "target", y + i) for i, v in enumerate(vals)] + [Cell("")]
        rows.append(row)
    for c in rows[0][:3]:
        c.rs = len(rows)
    t["renstra"] = Table("Renstra 2025-2029 targets (landscape)", [24, 120, 120, 135, 150] + [36] * 5
                         + [40], [[H("NO", rs=2), H("NSPK DAN SASARAN RPJMD YANG RELEVAN", rs=2),
                                   H("TUJUAN", rs=2), H("SASARAN", rs=2), H("INDIKATOR", rs=2),
                                   H("TARGET TAHUN", cs=5), H("KET", rs=2)],
                                  [H(str(y + i)) for i in range(5)], numbering(range(1, 12), ns)],
                         rows, size=sz + (0.5 if o.landscape else -1), shade=o.shade)

    t["tw3"] = Table("Capaian TW III (period TW3)", [24, 150, 150, 48, 56, 70],
                     [[H("NO."), H("SASARAN"), H("INDIKATOR TUJUAN/SASARAN"), H("TARGET"),
                       H("REALISASI"), H(f"CAPAIAN KINERJA TW III {y} (%)")],
                      numbering((1, 5, 6, 7, 8, 9), ns)],
                     grouped(TW3, ("target", "realisasi", "capaian"), (y,) * 3, ("TW3",) * 3),
                     size=sz, shade=o.shade)
    t["annual"] = Table("Annual capaian (year in the header)", [24, 140, 140, 40, 50, 56, 50],
                        [[H("NO.", rs=2), H("SASARAN", rs=2), H("INDIKATOR SASARAN", rs=2),
                          H("SATUAN", rs=2), H(f"CAPAIAN KINERJA TAHUN {y}", cs=3)],
                         [H("TARGET"), H("REALISASI"), H("CAPAIAN")],
                         numbering((1, 2, 3, 4, 7, 8, 9), ns)],
                        grouped(CAPAIAN, ("target", "realisasi", "capaian"), (y,) * 3, ("",) * 3),
                        size=sz, shade=o.shade)

    rows = []
    subs = SUBKEG if o.rng is None else o.pick(SUBKEG, min(o.long_rows, len(SUBKEG)))
    for i, (sub, ind, sat, target, real) in enumerate(subs, 1):
        if o.rng:
            target = max(4, round(target * o.rng.uniform(0.6, 1.6)))
            real = min(target, round(target * o.rng.uniform(0.75, 1.0)))
        qs = [round(real * s) for s in QUARTER_SHARE]
        qs.append(real - sum(qs))
        ctx = {"indicator": ind}
        rows.append([Cell(str(i), al="C"), Cell(sub), Cell(ind), Cell(sat, al="C"),
                     _val(_dots(target), ctx, "target", y)]
                    + [_val(_dots(q), ctx, "realisasi", y, f"TW{k}") for k, q in enumerate(qs, 1)]
                    + [_val(_pct(real, target), ctx, "capaian", y)])
    t["long"] = Table("Quarterly realisasi, Triwulan I-IV (long, continues)",
                      [18, 110, 150, 38, 36, 30, 30, 30, 30, 42],
                      [[H("NO", rs=3), H("SUB KEGIATAN", rs=3), H("INDIKATOR KINERJA", rs=3),
                        H("SATUAN", rs=3), H(f"TARGET {y}", rs=3), H(f"REALISASI {y}", cs=4),
                        H("CAPAIAN (%)", rs=3)], [H("Triwulan", cs=4)],
                       [H("I"), H("II"), H("III"), H("IV")]], rows, size=sz,
                      repeat_head=o.repeat_head, shade=o.shade)

    rows = []
    for i, (ind, sat, base, tg, re_, cap) in enumerate(o.pick(NARROW), 1):
        ctx = {"indicator": ind.replace(SHY, "")}
        tg, re_, cap = o.trc(tg, re_, cap)
        rows.append([Cell(str(i), al="C"), Cell(ind), Cell(sat, al="C"),
                     _val(o.v(base), ctx, "baseline", y - 1), _val(tg, ctx, "target", y),
                     _val(re_, ctx, "realisasi", y), _val(cap, ctx, "capaian", y)])
    t["narrow"] = Table("Narrow columns splitting words (baseline)", [16, 38, 40, 44, 40, 40, 40],
                        [[H("NO"), H("INDIKATOR"), H("SATUAN"), H(f"BASELINE ({y - 1})"),
                          H(f"TARGET {y}"), H(f"REALISASI {y}"), H("CAPAIAN (%)")]],
                        rows, size=7, head_size=8.5, center=False, shade=o.shade)

    rows = []
    for i, (ppks, tg, re_, cap) in enumerate(o.pick(PPKS), 1):
        ctx = {"indicator": ppks}
        tg, re_, cap = o.trc(tg, re_, cap)
        rows.append([Cell(str(i), al="C"), Cell(ppks), _val(tg, ctx, "target", y),
                     _val(re_, ctx, "realisasi", y), _val(cap, ctx, "capaian", y), Cell("")])
    t["ppks"] = Table("Borderless (no ruling lines)", [28, 190, 64, 64, 60, 60],
                      [[H("NO"), H("PPKS"), H("TARGET"), H("REALISASI"), H("CAPAIAN"), H("KET")]],
                      rows, size=sz + 1)

    progs = [(c, n, round(p * scale), round(r * scale)) for c, n, p, r in PROGRAMS]
    tot_p, tot_r = sum(p for *_, p, _ in progs), sum(r for *_, r in progs)
    rows = []
    for i, (code, name, p, r) in enumerate(progs, 1):
        rec = ("budget", {"year": y, "code": code, "name": name, "pagu": _rp(p, "dot"),
                          "realisasi": _rp(r, "space"), "pct": _pct(r, p)})
        rows.append([Cell(str(i), al="C"), Cell(code, rec=rec), Cell(name),
                     Cell(_rp(p, "dot"), al="R", fit=True), Cell(_rp(r, "space"), al="R", fit=True),
                     Cell(_pct(r, p), al="C", fit=True)])
    rec = ("budget", {"year": y, "code": "", "name": "JUMLAH", "pagu": _rp(tot_p, "dot"),
                      "realisasi": _rp(tot_r, "tight"), "pct": _pct(tot_r, tot_p)})
    rows.append([Cell(""), Cell("", rec=rec), Cell("JUMLAH", bold=True, al="C"),
                 Cell(_rp(tot_p, "dot"), al="R", bold=True, fit=True),
                 Cell(_rp(tot_r, "tight"), al="R", bold=True, fit=True),
                 Cell(_pct(tot_r, tot_p), al="C", bold=True, fit=True)])
    t["budget"] = Table("Budget per program (Rp, codes)", [22, 44, 190, 82, 82, 40],
                        [[H("NO"), H("KODE"), H("PROGRAM"), H("PAGU"), H("REALISASI"), H("%")]],
                        rows, size=sz + 0.5, shade=o.shade)

    rows, tp, tr = [], 0, 0
    for suffix, name, p, r in SUBKEG_BUDGET:
        p, r = round(p * scale), round(r * scale)
        code, lvl = f"1.06.01.01-{suffix}", suffix.count(".")
        if lvl == 0:
            tp, tr = tp + p, tr + r
        rec = ("budget", {"year": y, "code": code, "name": name, "pagu": _dots(p),
                          "realisasi": _dots(r), "pct": _pct(r, p)})
        rows.append([Cell(code, rec=rec, bold=lvl == 0), Cell(name, bold=lvl == 0),
                     Cell(_dots(p), al="R", fit=True), Cell(_dots(r), al="R", fit=True),
                     Cell(_pct(r, p), al="C", fit=True)])
    rec = ("budget", {"year": y, "code": "", "name": "JUMLAH", "pagu": _dots(tp),
                      "realisasi": _dots(tr), "pct": _pct(tr, tp)})
    rows.append([Cell("JUMLAH", cs=2, al="C", bold=True, rec=rec),
                 Cell(_dots(tp), al="R", bold=True, fit=True),
                 Cell(_dots(tr), al="R", bold=True, fit=True),
                 Cell(_pct(tr, tp), al="C", bold=True, fit=True)])
    t["budget_sub"] = Table("Budget per sub kegiatan (codes 1.06.01.01-04.2.01)",
                            [88, 226, 66, 66, 36],
                            [[H("KODE"), H("URAIAN"), H("PAGU (Rp)"), H("REALISASI (Rp)"), H("%")]],
                            rows, size=sz - 0.5, shade=o.shade)
    if o.borderless != "ppks":  # corpus: another table goes borderless too
        t[o.borderless].ruled = False
    t["ppks"].ruled = False
    return t


def _lkip(name: str, o: Opts) -> Doc:
    y, reg = o.year, o.region
    org = f"Dinas Sosial {reg}"
    f = {"org": org, "reg": reg, "y": y, "y0": y - 1, "y2": y + 1, "y4": y + 4}
    T = {k: v.format(**f) for k, v in TEXT.items()}
    d = Doc(name, "LKIP", header=f"LAPORAN KINERJA INSTANSI PEMERINTAH {org.upper()} TAHUN {y}",
            footer=f"LKIP {org} Tahun {y}", title=f"LKIP {org} {y}")
    t = _lkip_tables(o)
    src = f"Sumber Data : Renstra Dinas Sosial Tahun {y - 1}-{y + 1}"

    d.new_page(header=False)                                    # cover
    d.c.setLineWidth(2)
    d.c.rect(40, 40, d.w - 80, d.h - 80)
    d.c.circle(d.w / 2, d.h - 200, 48)
    d.y = d.h - 300
    for s, size in (("LAPORAN KINERJA INSTANSI PEMERINTAH (LKIP)", 17), (f"TAHUN {y}", 17),
                    ("", 40), (org.upper(), 15)):
        d.text(s, size=size, font=BOLD, align="C", after=6)
    d.y = 150
    bekasi = reg == "Kota Bekasi"
    for s in ("JL. IR. H. JUANDA NO. 100 BEKASI, JAWA BARAT" if bekasi else reg.upper(),
              "TELEPON 021-88349600, FAX. 021-88349600, EMAIL : DINSOSKOTABEKASI@GMAIL.COM"
              if bekasi else "EMAIL : DINSOS@" + reg.replace(" ", "").upper() + ".GO.ID"):
        d.text(s, size=9, align="C")

    d.new_page()
    d.text("KATA PENGANTAR", size=12, font=BOLD, align="C", after=10)
    d.para(T["pengantar"])
    d.text("BAB I PENDAHULUAN", size=12, font=BOLD, align="C", after=8)
    d.text("1.1. Latar Belakang", size=10.5, font=BOLD, after=4)
    d.para(T["latar"])
    d.para(T["latar2"])

    d.new_page()
    d.text("BAB II PERENCANAAN KINERJA", size=12, font=BOLD, align="C", after=8)
    d.para(T["bab2"])
    d.text(f"2.1.1. Rencana Strategis Tahun {y - 1}-{y + 1}", size=10.5, font=BOLD, after=4)
    d.para(T["rpd"])
    d.table(t["rpd"], (f"Tabel 2.1 Tujuan dan Sasaran {org}", f"{y - 1}-{y + 1}"), src)
    d.text("2.1.2. Indikator Kinerja Utama", size=10.5, font=BOLD, after=4)
    d.para(T["iku"])
    d.table(t["iku"], (f"Tabel 2.2 Indikator Kinerja Utama Periode {y - 1}-{y + 1}",), src)
    d.text(f"2.1.3. Perjanjian Kinerja Tahun {y}", size=10.5, font=BOLD, after=4)
    d.para(T["pk"])
    d.table(t["pk"], ("Tabel 2.3", f"PERJANJIAN KINERJA TAHUN {y}", org.upper()),
            f"Sumber Data : Perjanjian Kinerja Murni {y}")
    d.table(t["pk_budget"], (), f"Sumber Data : Perjanjian Kinerja Murni {y}")
    d.text("2.2. Perencanaan Kinerja Periode RPJMD", size=10.5, font=BOLD, after=4)
    d.para(T["pk2"])
    d.table(t["pk2"], ("Tabel 2.4", f"Perjanjian Kinerja {org} Tahun {y}", "(Eselon II)"),
            f"Sumber Data : Perjanjian Kinerja Perubahan Eselon II {org}")

    d.new_page(landscape=o.landscape)
    d.text(f"2.2.1. Rencana Strategis {org} Tahun {y}-{y + 4}", size=10.5, font=BOLD, after=4)
    d.para(T["renstra"])
    d.table(t["renstra"], ("Tabel 2.5", f"Tujuan dan Sasaran Jangka Menengah {org}",
                           f"Tahun {y}-{y + 4}"),
            f"Sumber Data : Rancangan Akhir Renstra Dinas Sosial Tahun {y}-{y + 4}")

    d.new_page()
    d.text("BAB III AKUNTABILITAS KINERJA", size=12, font=BOLD, align="C", after=8)
    d.text("3.1.1 Periode RPD", size=10.5, font=BOLD, after=4)
    d.para(T["bab3"])
    d.table(t["tw3"], ("Tabel 3.2", f"Capaian Kinerja Sasaran Dinas Sosial Triwulan III Tahun {y}"),
            f"Sumber Data : Bagian Perencanaan {org}")
    d.para(T["tw3"])
    d.text("3.1.2 Periode RPJMD", size=10.5, font=BOLD, after=4)
    d.para(T["rpjmd"])
    d.table(t["annual"], (f"Tabel 3.3 Capaian Kinerja {org} Tahun {y}",),
            f"Sumber Data : Data Olahan Sub Bagian Perencanaan Dinas Sosial Tahun {y}")

    d.new_page()
    d.para(T["sub"])
    d.table(t["long"], (f"Tabel 3.4 Capaian Indikator Kinerja Sub Kegiatan Tahun {y}",),
            f"Sumber Data : Notulen Evaluasi Internal TW IV tahun {y}")

    d.new_page()
    d.para(T["narrow"])
    d.table(t["narrow"], (f"Tabel 3.5 Data Capaian Kinerja Tahun {y - 1} dan {y}",))
    d.para("Realisasi indikator Persentase PPKS yang mendapatkan pelayanan kesejahteraan sosial "
           "melebihi target yang ditetapkan, sedangkan indikator Persentase PSKS yang dibina "
           "tercapai sesuai target.")

    d.new_page()
    d.para(T["ppks"])
    d.table(t["ppks"], ("Tabel 3.6 Jumlah Realisasi PPKS pada Sasaran Meningkatnya Rehabilitasi",
                        f"Sosial bagi Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) Tahun {y}"),
            "Sumber : Bidang Rehabilitasi Sosial dan Bidang Perlindungan dan Jaminan Sosial")

    d.new_page()
    d.text("3.3 Realisasi Anggaran", size=10.5, font=BOLD, after=4)
    d.para(T["anggaran"])
    d.table(t["budget"], (f"Tabel 3.7 Pagu Dan Realisasi Anggaran {org}",
                          f"Setelah APBD-P Per Program Tahun {y}"))
    d.table(t["budget_sub"], (f"Tabel 3.8 Realisasi Anggaran per Sub Kegiatan Tahun {y}",))

    d.new_page()
    d.text("BAB IV PENUTUP", size=12, font=BOLD, align="C", after=8)
    d.para(T["penutup"])
    d.text(f"{reg.split(' ', 1)[1]}, Januari {y + 1}", size=10, align="L", indent=300, after=2)
    d.text(f"KEPALA {org.upper()}", size=9, font=BOLD, indent=300, after=40)
    d.text("ROBER TP. SIAGIAN, S.STP., M.Si." if reg == "Kota Bekasi" else "( ........................ )",
           size=10, font=BOLD, indent=300)
    return d


# ---------------------------------------------------------------- IKI Lampung Barat (seed 004)

# (jabatan, tugas, fungsi, printed-year shift, groups); a group is
# (no, sasaran, indikator, [(penjelasan, targets, sumber)]) or (no, sasaran, indikator, penjelasan, targets)
_K = "kebutuhan dasarnya diluar panti / Jumlah"
LAMPUNG = [
    ("Kepala Dinas Sosial", "Membantu Bupati dalam melaksanakan Urusan Pemerintahan di bidang sosial "
     "yang menjadi kewenangan daerah dan tugas pembantuan yang diberikan kepada kabupaten",
     ("perumusan kebijakan di bidang sosial;", "pelaksanaan kebijakan di bidang sosial;",
      "pelaksanaan, evaluasi dan pelaporan bidang sosial;"), 0,
     [("1", "Meningkatnya PMKS yang Berdaya", "Presentase Peningkatan PMKS yang Berdaya", [
         (f"Jumlah Penyandang disabilitas yang terpenuhi {_K} Penyandang disabilitas x 100%",
          ("19.55%", "39.10%", "58.65%", "78.20%"), "Renstra {r}"),
         (f"Jumlah Anak Terlantar yang terpenuhi {_K} Anak terlantar x 100%", ("100%",) * 4,
          "Renstra {r}"),
         (f"Jumlah Lanjut Usia Terlantar yang terpenuhi {_K} Lanjut Usia terlantar x 100%",
          ("100%",) * 4, "Renstra {r}"),
         (f"Jumlah Gelandangan Pengemis yang terpenuhi {_K} Gelandangan Pengemis x 100%",
          ("100%",) * 4, "Renstra {r}"),
         ("Jumlah Korban Bencana alam dan sosial yang terpenuhi kebutuhan dasarnya pada saat dan "
          "setelah tanggap darurat bencana/Jumlah Korban Bencana x100%", ("100%",) * 4,
          "Renstra {r}")])]),
    ("Sekretaris Dinas Sosial", "mengkoordinasikan dan menyelenggarakan kegiatan kesekretariatan, "
     "pengelolaan keuangan dan pelayanan administrasi pada seluruh unit organisasi di lingkungan "
     "dinas serta melaksanakan penyusunan program, evaluasi dan pelaporan",
     ("pelayanan administrasi; dan", "pelaksanaan monitoring, evaluasi dan pelaporan di lingkup "
      "Sekretariat dan lingkup Dinas."), 0,
     [("1", "Meningkatnya SAKIP Perangkat Daerah", "Nilai SAKIP Perangkat Daerah",
       "Hasil evaluasi SAKIP oleh Inspektorat Kabupaten", ("78.75%", "78.90%", "78.95%", "79.20%"))]),
    ("Kepala Sub Bagian Umum dan Perencanaan", "menyiapkan bahan dalam rangka membantu melaksanakan "
     "penjabaran kebijakan teknis di bidang sub bagian umum, kepegawaian dan perencanaan.",
     ("pengelolaan administrasi umum dan administrasi kepegawaian dan perencanaan;",), 0,
     [("1", "Tersusunnya dokumen perencanaan perangkat daerah", "Jumlah Dokumen Perencanaan "
       "Perangkat Daerah", "Banyaknya dokumen Perencanaan Perangkat Daerah yang disusun",
       ("4 dokumen",) * 4),
      ("2", "Tersedianya dokumen RKA SKPD dan Laporan Hasil Koordinasi Penyusunan dokumen RKA-SKPD",
       "Jumlah dokumen RKA SKPD dan Laporan Hasil Koordinasi Penyusunan dokumen RKA-SKPD",
       "Banyaknya dokumen RKA SKPD dan Laporan Hasil Koordinasi Penyusunan dokumen RKA-SKPD yang "
       "disusun", ("2 dokumen",) * 4),
      ("3", "Tersedianya Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD", "Jumlah "
       "Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD", "Banyaknya Laporan Capaian "
       "Kinerja dan Ikhtisar Realisasi Kinerja SKPD yang disusun", ("4 Laporan",) * 4),
      ("4", "Terlaksananya Evaluasi Kinerja Perangkat Daerah", "Jumlah Laporan Evaluasi Kinerja "
       "Perangkat Daerah", "Banyaknya Laporan Evaluasi Kinerja Perangkat Daerah yang disusun",
       ("10 Laporan",) * 4),
      ("5", "Terlaksananya Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi", "Jumlah "
       "Pegawai Berdasarkan Tugas dan Fungsi yang Mengikuti Pendidikan dan Pelatihan", "Banyaknya "
       "Pegawai Berdasarkan Tugas dan Fungsi yang Mengikuti Pendidikan dan Pelatihan",
       ("3 Orang",) * 4),
      ("6", "Tersedianya Kendaraan Dinas Operasional atau Lapangan", "Jumlah Unit Kendaraan Dinas "
       "Operasional atau Lapangan yang disediakan", "Banyaknya Unit Kendaraan Dinas Operasional "
       "atau Lapangan yang disediakan", ("4 Unit", "2 Unit", "2 Unit", "2 Unit")),
      ("7", "Tersedianya Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan Kendaraan Dinas "
       "Operasional atau Lapangan", "Jumlah Kendaraan Dinas Operasional atau Lapangan yang "
       "dipelihara dan dibayarkan pajak dan perizinannya", "Banyaknya Kendaraan Dinas Operasional "
       "atau Lapangan yang dipelihara dan dibayarkan pajak dan perizinannya",
       ("36 Unit", "40 Unit", "42 Unit", "44 Unit")),
      ("", "Terlaksananya Pemeliharaan / Rehabilitasi Gedung Kantor dan Bangunan Lainnya", "Jumlah "
       "Gedung Kantor dan Bangunan Lainnya yang di pelihara /direhabilitasi", "Banyaknya Gedung "
       "Kantor dan Bangunan Lainnya yang di pelihara /direhabilitasi", ("2 Unit",) * 4)]),
    ("Analis Keuangan Pusat dan Daerah Ahli Muda SubSubstansi Bagian Keuangan", "melaksanakan dan "
     "mengkoordinasikan rencana anggaran pendapatan dan belanja, melaksanakan kegiatan "
     "perbendaharaan, pembukuan dan verifikasi serta melaksanakan pelaporan atas realisasi "
     "pelaksanaan kegiatan keuangan Dinas.", ("pengelolaan administrasi keuangan;",), -5,
     [("1", "Tersedianya Gaji dan Tunjangan ASN", "Jumlah Orang yang menerima gaji dan tunjangan ASN",
       "Banyaknya Orang yang Menerima Gaji dan Tunjangan ASN",
       ("26 Orang", "27 Orang", "28 Orang", "29 Orang")),
      ("2", "Tersedianya Laporan Keuangan Akhir Tahun SKPD dan Laporan Hasil Koordinasi Penyusunan "
       "Laporan Keuangan Akhir Tahun SKPD", "Jumlah Laporan Keuangan Akhir Tahun SKPD dan Laporan "
       "Hasil Koordinasi Penyusunan Laporan Keuangan Akhir Tahun SKPD", "Banyaknya Laporan Keuangan "
       "Akhir Tahun SKPD yang disusun", ("1 Laporan",) * 4),
      ("3", "Tersedianya Dokumen Pelaporan dan Analisis Prognosis Realisasi Anggaran", "Jumlah "
       "Dokumen Pelaporan dan Analisis Prognosis Realisasi Anggaran", "Banyaknya Dokumen Pelaporan "
       "dan Analisis Prognosis Realisasi Anggaran", ("1 dokumen",) * 4)]),
    ("Kepala Bidang Perlindungan dan Jaminan Sosial", "Melaksanakan sebagian tugas Dinas Sosial dalam "
     "penyusunan, pelaksanaan kebijakan, dan pemberian bimbingan teknis, serta pemantauan dan "
     "evaluasi di Bidang Perlindungan dan Jaminan Sosial.",
     ("penyiapan bahan rumusan kebijakan teknis di Bidang Perlindungan dan Jaminan Sosial;",), 0,
     [("1", "Optimalnya pemberian bantuan bagi korban bencana", "Persentase pemberian bantuan bagi "
       "korban bencana yang disampaikan dalam waktu kurang dari 3 hari setelah laporan diterima",
       "Cukup Jelas", ("100%",) * 4),
      ("2", "Meningkatnya pemenuhan kebutuhan dasar untuk masyarakat miskin", "Persentase masyarakat "
       "miskin yang terpenuhi kebutuhan dasarnya", "Jumlah Masyarakat Miskin yang terpenuhi "
       "kebutuhan dasarnya/Jumlah Masyarakat miskin X 100", ("13,23%",) * 4)]),
    ("Penyuluh Sosial Ahli Muda SubSubstansi Perlindungan Sosial Korban Bencana Sosial",
     "melaksanakan perumusan dan pelaksanaan kebijakan, penyusunan norma, standar, prosedur dan "
     "kriteria, pemberian bimbingan teknis dan supervisi serta evaluasi dan pelaporan Seksi "
     "Perlindungan Sosial Korban Bencana Sosial",
     ("perencanaan dan pelaksanaan kegiatan di Bidang Perlindungan Sosial Korban Bencana Sosial;",),
     0,
     [("1", "Terpenuhinya Kebutuhan Permakanan Per Orang sesuai dengan standar gizi minimal "
       "kewenangan kabupaten/kota", "Jumlah orang yang mendapatkan Pemenuhan Kebutuhan Permakanan "
       "Sesuai dengan Standar Gizi Minimal kewenangan kabupaten/kota", "Banyaknya orang yang "
       "mendapatkan Pemenuhan Kebutuhan Permakanan Sesuai dengan Standar Gizi Minimal",
       ("20.000 Orang",) * 4),
      ("2", "Terlaksananya Pengentasan Keluarga Fakir Miskin Kabupaten/Kota", "Jumlah Keluarga yang "
       "mendapatkan pengentasan fakir miskin kabupaten/kota", "Banyaknya Keluarga yang mendapatkan "
       "pengentasan fakir miskin kabupaten/kota", ("118.908 Keluarga",) * 4)]),
    ("Kepala Bidang Rehabilitasi Sosial", "Menyelenggarakan perumusan dan pelaksanaan kebijakan di "
     "bidang rehabilitasi sosial sesuai dengan ketentuan peraturan perundang-undangan.",
     ("penyusunan rencana dan program kegiatan di Bidang Rehabilitasi Sosial;",), 0,
     [("1", "Meningkatnya Rehabilitasi Sosial dasar penyandang disabilitas", "Persentase Penyandang "
       "disabilitas yang direhabilitasi", "Jumlah Penyandang Disabilitas yang direhabilitasi/Jumlah "
       "Penyandang Disabilitas *100%", ("19,55%", "39,10%", "58,65%", "78,20%")),
      ("2", "Meningkatnya perlindungan dan jaminan sosial bagi masyarakat", "Persentase anak yatim "
       "dan kube miskin yang mendapatkan bantuan program perlindungan dan jaminan sosial",
       "Jumlah anak yatim dan kube miskin yang mendapatkan bantuan program perlindungan dan jaminan "
       "sosial/ Jumlah anak yatim dan kube miskinx 100", ("70.24%",) * 4)]),
    ("Kepala Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin", "Menyelenggarakan perumusan "
     "dan pelaksanaan kebijakan, di bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin sesuai "
     "dengan ketentuan perundang-undangan yang berlaku.",
     ("penyiapan bahan rumusan kebijakan teknis di Bidang Pemberdayaan Sosial dan Penanganan Fakir "
      "Miskin;",), 0,
     [("1", "Meningkatnya Pemberdayaan Sosial", "% PSKS yang Aktif", "jumlah psks yg aktif / jumlah "
       "psks x 100", ("33.51%",) * 4),
      ("2", "Meningkatnya kualitas layanan rujukan terpadu", "IKM", "PERATURAN MENTERI "
       "PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI REPUBLIK INDONESIA NOMOR 14 TAHUN 2017 "
       "TENTANG PEDOMAN PENYUSUNAN SURVEI KEPUASAN MASYARAKAT UNIT PENYELENGGARA PELAYANAN PUBLIK",
       ("B Poin",) * 4),
      ("3", "Meningkatnya data penerima program perlindungan dan jaminan sosial yang valid",
       "Persentase data penerima program perlindungan dan jaminan sosial yang valid", "Jumlah data "
       "penerima program perlindungan dan jaminan sosial yang diverifikasi dan validasi/Jumlah data "
       "penerima program perlindungan dan jaminan sosial X100", ("100%",) * 4),
      ("4", "Meningkatnya Pengelolaan Taman Makam Pahlawan", "% komponen utama taman makam pahlawan",
       "komponen utama yang tersedia/Jumlah komponen utama x 100%", ("78.57%",) * 4)]),
    ("Penggerak Swadaya Masyarakat Ahli Muda SubSubstansi Identifikasi dan Penguatan Kapasitas",
     "Melaksanakan perumusan dan melaksanakan kebijakan teknis, penyusunan norma, standar, prosedur, "
     "kriteria, pemberian bimbingan teknis, supervisi, serta evaluasi dan pelaporan Seksi "
     "Identifikasi dan Penguatan Kapasitas;",
     ("perencanaan dan pelaksanaan kegiatan di bidang Identifikasi dan Penguatan Kapasitas",), 0,
     [("1", "Terlaksananya Pendataan Fakir Miskin Cakupan Daerah Kabupaten/Kota", "Jumlah Fakir "
       "Miskin Cakupan Daerah Kabupaten/Kota yang di data", "Cukup Jelas", ("124.151 Orang",) * 4),
      ("2", "Terlaksananya Pemberian Layanan Data dan Pengaduan Kewenangan Kabupaten/Kota", "Jumlah "
       "Orang yang mendapatkan Layanan Data dan Pengaduan Kewenangan kabupaten/Kota", "Cukup Jelas",
       ("450 Orang", "500 Orang", "550 Orang", "650 Orang"))]),
]


def _iki_lampung(name: str, o: Opts) -> Doc:
    y0 = o.year
    reg = o.region
    d = Doc(name, "IKI", margins=(26, 26, 40, 40), title=f"IKI Dinas Sosial {reg} {y0}-{y0 + 3}")
    d.new_page(header=False)
    d.y = d.h - 90
    for s in ("INDIKATOR KINERJA INDIVIDU (IKI)", f"DINAS SOSIAL {reg.upper()}",
              f"TAHUN {y0}-{y0 + 3}"):
        d.text(s, size=13, font=BOLD, align="C", after=4)
    d.y -= 16
    for jab, tugas, fungsi, shift, groups in o.pick(LAMPUNG, min(o.jabatan, len(LAMPUNG))):
        years = [y0 + shift + i for i in range(4)]   # shift -5: the "2018-2021" header slip
        rows = []
        for g in o.pick(groups):
            no, sasaran, ind, subs = (*g[:3], g[3]) if len(g) == 4 else (*g[:3], [(g[3], g[4], "")])
            ctx = {"jabatan": jab, "sasaran": sasaran, "indicator": ind}
            for k, (penj, targets, sumber) in enumerate(subs):
                targets = o.vs(targets) if o.rng else targets
                row = [Cell(no, rs=len(subs), al="C", top=True), Cell(sasaran, rs=len(subs), top=True),
                       Cell(ind, rs=len(subs), top=True)] if k == 0 else []
                row += [Cell(penj)] + [_val(v, ctx, "target", yy) for v, yy in zip(targets, years)]
                rows.append(row + [Cell(sumber.format(r=f"{y0}-{y0 + 3}"), al="C")])
        t = Table(f"IKI {jab}", [16, 80, 86, 104, 58, 58, 58, 58, 42],
                  [[H("No", rs=2), H("Sasaran Kinerja", rs=2), H("Indikator Kinerja", rs=2),
                    H("Penjelasan/Alasan/Formulasi/ Perhitungan", rs=2), H("Target", cs=4),
                    H("Sumber Data", rs=2)], [H(str(x)) for x in years]], rows, size=7,
                  shade=o.shade)
        d.ensure(150)
        d.text("INDIKATOR KINERJA INDIVIDU (IKI)", size=10.5, font=BOLD, align="C", after=6)
        d.kv("1. Jabatan", jab)
        d.kv("2. Tugas", tugas)
        d.kv("3. Fungsi", "")
        for i, s in enumerate(fungsi):
            d.item(f"{'abcde'[i]}.", s, size=9.5, indent=62, hang=14)
        d.y -= 6
        d.table(t)
        d.y -= 8
    return d


# ---------------------------------------------------------------- IKI Probolinggo (seed 003)

FP = "Formulasi Pengitungan :"
PROBOLINGGO = [
    ("Sekretaris", "Mengoordinasikan perumusan program kerja dan keuangan, menyelenggarakan urusan "
     "administrasi umum, perkantoran dan kehumasan, kepegawaian serta analisis jabatan.",
     "Meningkatnya kapasitas kinerja pegawai, sistem administrasi pemerintahan, pelaporan kinerja "
     "dan keuangan", "Bidang Sekretariat",
     [("Persentase Peningkatan Kualitas Pelayanan Administrasi Perkantoran", FP,
       ("Jumlah Pegawai yang mendapat pelayanan administrasi kepegawaian tepat waktu",
        "Jumlah Pegawai yang mengajukan Pelayanan")),
      ("Persentase Peningkatan sarana dan prasarana Aparatur", FP,
       ("Jumlah Keg. Penyediaan dan Pemeliharaan Sarpras yang dilaksanakan",
        "Target Penyediaan dan Pemeliharaan Sarpras")),
      ("Persentase Peningkatan Disiplin Aparatur", FP,
       ("Jumlah Pegawai yang menerima Bimtek dan mengikuti upacara peringatan",
        "Jumlah pegawai Dinas Sosial Kota Probolinggo")),
      ("Persentase peningkatan kualitas laporan capaian kinerja dan keuangan SKPD", FP,
       ("Jumlah Laporan Kinerja dan Keuangan yang terselesaikan",
        "Jumlah Laporan Kinerja dan Keuangan yang harus diselesaikan"))]),
    ("KepalaSub. Bagian Tata Usaha", "Menyusun rencana program dan kegiatan serta pelaksanaan pada "
     "Subbagian Tata Usaha; Melaksanakan administrasi umum meliputi ketatausahaan, ketatalaksanaan, "
     "kepustakaan dan tata kearsipan.", "Meningkatnya administrasi penyelenggaraan pemerintahan SKPD",
     "Bidang Sekretariat",
     [("Jumlah Alat kantor/Alat Rumah Tangga/Alat studio dan Alat Komunikasi yang sudah dibeli",
       FP + "\nƒ(x) = Jumlah Alat kantor/Alat Rumah Tangga/Alat Studio/Alat Komunikasi yang sudah "
       "terbeli", None),
      ("Persentase Kegiatan Peringatan/Upacara/Hari-hari besar yang terlaksana", FP,
       ("Jumlah Kegiatan yang sudah terlaksana", "Jumlah Kegiatan yang seharusnya terlaksana")),
      ("Persentase kegiatan verivikasi barang yang terlaksana", FP,
       ("Jumlah kegiatan pemerikasaan barang yang sudah terlaksana",
        "Jumlah Kegiatan pemeriksanaan barang yang seharusnya terlaksana"))]),
    ("KepalaSub. Bagian Program dan Keuangan", "Menyusun Rencana Kerja Anggaran dan Dokumen "
     "Pelaksanaan Anggaran Dinas; Melaksanakan pengelolaan keuangan Dinas.",
     "Meningkatnya kualitas sistem pelaporan capaian kinerja dan keuangan SKPD.", "Bidang Sekretariat",
     [("Persentase Dokumen Perencanaan dan Dokumen laporan keuangan yang sudah disusun", FP,
       ("Jumlah Dokumen yang sudah disusun", "Jumlah Dokumen yang seharusnya disusun")),
      ("Presentase Kegiatan Bimtek yang sudah terlaksana", FP,
       ("Jumlah Kegiatan Bimtek yang sudah terlaksana", "Jumlah Kegiatan Bimtek yang seharusnya "
        "terlaksana")),
      ("Persentase warga penerima bantuan yang di monev", FP,
       ("Jumlah warga penerima bantuan yang sudah di monev", "Jumlah warga penerima bantuan yang "
        "seharusnya di monev"))]),
    ("Kepala Bidang Pelayanan dan Rehabilitasi Sosial", "Merencanakan, melaksanakan, "
     "mengoordinasikan dan mengendalikan kegiatan, perumusan, penyusunan, pelaksanaan pengawasan, "
     "evaluasi dan pelaporan dibidang pelayanan dan rehabilitasi sosial.",
     "Meningkatnya Kesejahteraan Penyandang Masalah Kesejahteraan Sosial (PMKS)",
     "Bidang Pelayanan dan Rehabilitasi Sosial",
     [("Persentase Penyandang Masalah Kesejahteraan Sosial (PMKS) yang mendapatkan rehabilitasi "
       "Sosial", "Penjelasan : Penyandang Masalah Kesejahteraan Sosial yang selanjutnya disebut PMKS "
       "adalah perseorangan, keluarga, kelompok, dan/atau masyarakat yang karena suatu hambatan, "
       "kesulitan, atau gangguan, tidak dapat melaksanakan fungsi sosialnya.\n" + FP,
       ("Jumlah Penyandang Masalah Kesejahteraan Sosial (PMKS) yang sudah mendapatkan Bantuan "
        "Rehabilitasi Sosial.", "Jumlah Penyandang Masalah Kesejahteraan Sosial (PMKS) yang terdata"))]),
    ("Kepala Seksi Pelayanan dan Rehabilitasi Sosial Anak dan Lanjut Usia.", "Menyusun rencana "
     "program dan kegiatan serta pelaksanaan pada Seksi Pelayanan dan Rehabilitasi Sosial Anak dan "
     "Lanjut Usia.", "Meningkatnya Kualitas Penanganan Anak dan Lanjut Usia Terlantar",
     "Bidang Pelayanan dan Rehabilitasi Sosial",
     [("Jumlah Lanjut Usia terlantar yang mendapat Rehabilitasi dan mengikuti kegiatan Komda Lansia",
       "Formulasi Penghitungan :\nƒ(x) = Jumlah lanjut usia yang mendapat Rehabilitasi dan mengikuti "
       "kegiatan Komda Lansia", None),
      ("Jumlah Klien yang pernah direhabilitasi di Shelter",
       FP + "\nƒ(x) = Jumlah Klien yang pernah direhabilitasi di Shelter", None)]),
]


def _iki_probolinggo(name: str, o: Opts) -> Doc:
    reg = o.region
    d = Doc(name, "IKI", margins=(40, 40, 50, 45), title=f"IKI Eselon III & IV Dinas Sosial {reg}")
    d.new_page(header=False)
    d.y = d.h - 180
    for s, size in (("INDIKATOR KINERJA", 22), ("INDIVIDU (IKI)", 22), ("ESELON III & IV", 18),
                    ("", 60), (f"PEMERINTAH {reg.upper()}", 13), ("DINAS SOSIAL", 13)):
        d.text(s, size=size, font=BOLD, align="C", after=6)
    for jab, tugas, kinerja, sumber, inds in o.pick(PROBOLINGGO, 2):
        d.new_page(header=False)
        d.text("INDIKATOR KINERJA INDIVIDU", size=11, font=BOLD, align="C", after=8)
        d.kv("1. JABATAN", jab, tab=70)
        d.kv("2. TUGAS", tugas, tab=70)
        d.y -= 8
        rows = []
        for k, (ind, penj, frac) in enumerate(inds):
            row = [Cell(kinerja, rs=len(inds), top=True)] if k == 0 else []
            rows.append(row + [Cell(ind, top=True), Cell(penj, top=True, frac=frac and (*frac, "X 100%")),
                               Cell(sumber, top=True)])
        d.table(Table(f"IKI {jab}", [110, 130, 190, 85],
                      [[H("KINERJA"), H("INDIKATOR KINERJA"), H("PENJELASAN/FORMULASI PENGHITUNGAN"),
                        H("SUMBER DATA")]], rows, size=8.5, shade=False))
    return d


# ---------------------------------------------------------------- pohon kinerja (seed 002)

# (sasaran, "IK : indicator", "Target : value" or None, jabatan or a "*crosscutting" note, children),
# levels from the ultimate outcome down to outputs, as the Dinas Sosial pohon kinerja 2024 prints them.
_PF, _PM, _PP = "Pekerja Sosial Ahli Muda", "Pekerja sosial ahli muda", "Pekerja sosial ahli pertama"
POHON = (
    "MENURUNNYA PEMERLU PELAYANAN KESEJAHTERAAN SOSIAL (PPKS)",
    "IK : JUMLAH PEMERLU PELAYANAN KESEJAHTERAAN SOSIAL (PPKS)", "TARGET : 200 ORANG (2026)",
    "KEPALA DINAS SOSIAL", [
        ("TERWUJUDNYA DATABASE PPKS TERPADU", "IK : Persentase PPKS dalam Data DTKS", "TARGET : 15%",
         "KEPALA BIDANG PENANGANAN FAKIR MISKIN", [
             ("TERSEDIANYA SATU DATABASE PPKS TERPADU",
              "IK : Persentase Data PPKS yang terdaftar dalam data DTKS", "Target : 15 %",
              "KEPALA BIDANG PENANGANAN FAKIR MISKIN", [
                  ("TERLAKSANANYA PENDATAAN FAKIR MISKIN CAKUPAN DAERAH KABUPATEN/KOTA",
                   "IK: Jumlah Fakir Miskin Cakupan Daerah Kabupaten/Kota yang Didata",
                   "Target : 20000 KK", _PF, [
                       ("TERSEDIANYA DATA PPKS", "IK : Jumlah laporan data BNBA PPKS",
                        "Target : 1 Laporan", _PP, []),
                       ("TERSEDIANYA BERITA ACARA MUSYAWARAH DESA/KEL TERKAIT VERIFIKASI DAN "
                        "VALIDASI DATA", "IK : Jumlah Berita Acara Verifikasi/Validasi Data",
                        "Target : 167 Berita Acara", _PP, [])])])]),
        ("TERPENUHINYA KEBUTUHAN MATERIAL PPKS", "IK : Persentase PPKS yang memperoleh bantuan sosial",
         "TARGET : 28%", "KEPALA BIDANG PERLINDUNGAN DAN JAMINAN SOSIAL SERTA KEPALA BIDANG "
         "PELAYANAN DAN REHABILITASI SOSIAL", [
             ("TERPENUHINYA KEBUTUHAN PANGAN PPKS", "IK : Persentase PPKS yang memperoleh bantuan pangan",
              "Target : 9%", "KEPALA BIDANG PELAYANAN DAN REHABILITASI SOSIAL", [
                  ("TERPENUHINYA KEBUTUHAN PERMAKANAN PER ORANG SESUAI DENGAN STANDAR GIZI MINIMAL",
                   "IK : Jumlah Orang yang Mendapatkan Pemenuhan Kebutuhan Permakanan Sesuai dengan "
                   "Standar Gizi Minimal Kewenangan Kabupaten/Kota", "Target : 170 Orang", _PM, [
                       ("TERSEDIANYA DATA PPKS PENERIMA BANTUAN PERMAKANAN",
                        "IK : Jumlah Laporan Data Calon Penerima Permakanan yang terverifikasi",
                        "Target : 1 Laporan", _PP, [])])]),
             ("TERPENUHINYA JAMINAN SOSIAL PPKS", "IK : Persentase PPKS yang memperoleh Jaminan Sosial",
              "Target : 13%", "KEPALA BIDANG PERLINDUNGAN DAN JAMINAN SOSIAL DAN KEPALA BIDANG "
              "PENANGANAN FAKIR MISKIN", [
                  ("TERLAKSANANYA PENGELOLAAN JAMINAN KESEHATAN MASYARAKAT",
                   "IK : Jumlah Dokumen Hasil Pengelolaan Jaminan Kesehatan Masyarakat", None,
                   "*CROSSCUTTING DENGAN DINAS KESEHATAN", [])])]),
        ("MENINGKATNYA KUALITAS SDM PPKS", "IK : Jumlah PPKS Keluar Dari DTKS Secara Mandiri",
         "TARGET : 2%", "KEPALA BIDANG PEMBERDAYAAN SOSIAL DAN KEPALA BIDANG PELAYANAN DAN "
         "REHABILITASI SOSIAL", [
             ("MENINGKATNYA KEMANDIRIAN PPKS", "IK : Jumlah PPKS Yang Keluar Program Bantuan Sosial",
              "Target : 2%", "KEPALA BIDANG PEMBERDAYAAN SOSIAL", [
                  ("TERLAKSANANYA PEMBINAAN TEKNIS SUMBER DAYA MANUSIA SUMBER KESEJAHTERAAN SOSIAL "
                   "DAERAH KABUPATEN/KOTA", "IK : Jumlah Sumber Daya Manusia Sumber Kesejahteraan "
                   "Sosial Daerah Kabupaten/Kota yang Mendapatkan Bimbingan Teknis", "Target : 18 Orang",
                   "Penyuluh Sosial Ahli Muda", [])]),
             ("MENINGKATNYA PELAYANAN REHABILITASI PPKS",
              "IK : Persentase PPKS Yang Mendapatkan Pelayanan Rehabilitasi", "Target : 13 %",
              "KEPALA BIDANG PELAYANAN DAN REHABILITASI SOSIAL DAN KEPALA BIDANG PERLINDUNGAN DAN "
              "JAMINAN SOSIAL", [
                  ("TERPENUHINYA KEBUTUHAN ALAT BANTU DISABILITAS", "IK : Jumlah Orang yang Mendapatkan "
                   "Alat Bantu dan Alat Bantu Peraga Sesuai kebutuhan Kewenangan Kabupaten/Kota",
                   "Target : 7 Orang", _PF, [
                       ("TERSEDIANYA DATA DISABILITAS PENERIMA ALAT BANTU YANG TELAH DIVERIFIKASI",
                        "IK: Jumlah Laporan Data Disabilitas Penerima Alat Bantu Yang Telah diVerifikasi",
                        "Target : 1 Laporan", "Pekerja Sosial Ahli Pertama", [])]),
                  ("TERLAKSANANYA PEMBERIAN LAYANAN KEDARURATAN",
                   "IK : Jumlah Orang yang Mendapatkan Pelayanan Kedaruratan Kewenangan Kabupaten/Kota",
                   "Target : 300 Orang", "Penyuluh Sosial Ahli Muda", [
                       ("TERSEDIANYA BUFFERSTOCK KEDARURATAN BAGI PPKS",
                        "IK : Jumlah laporan bufferstock yang telah disediakan", "Target : 2 Laporan",
                        "Penyusun pemberian Bantuan Teknis", [])])])])])


def _pohon(name: str, year: int = 2024) -> Doc:
    """A pohon kinerja on one A3 landscape page: boxes (the top one rounded) joined by elbow
    connector lines, each box a sasaran, "IK : ...", "Target : ..." and the position answering for it.
    Truth: one target row per box with a target, and one tree row per box."""
    d = Doc(name, "POHON_KINERJA", title=f"Pohon Kinerja Dinas Sosial {year}")
    d.new_page(header=False)
    d.w, d.h = 1190.55, 841.89  # A3 landscape: a tree is wide
    c = d.c
    c.setPageSize((d.w, d.h))
    c.setFont(BOLD, 14)
    c.drawCentredString(d.w / 2, d.h - 40, f"POHON KINERJA DINAS SOSIAL TAHUN {year}")
    size, lead, bw, margin = 6.5, 8.2, 150.0, 30.0
    nodes: list[dict] = []

    def walk(n, level: int, parent: dict | None, key: str) -> dict:
        sas, ik, target, jab, kids = n
        me = {"n": n, "level": level, "parent": parent, "key": key, "kids": []}
        nodes.append(me)
        me["kids"] = [walk(k, level + 1, me, f"{key}.{i + 1}") for i, k in enumerate(kids)]
        return me

    root = walk(POHON, 0, None, "1")
    leaves = [m for m in nodes if not m["kids"]]
    slot = (d.w - 2 * margin) / len(leaves)

    def place(m: dict) -> float:  # x centre: leaves side by side, a parent over its children
        if not m["kids"]:
            m["cx"] = margin + slot * (leaves.index(m) + 0.5)
        else:
            xs = [place(k) for k in m["kids"]]
            m["cx"] = (xs[0] + xs[-1]) / 2
        return m["cx"]

    place(root)
    for m in nodes:
        sas, ik, target, jab, _ = m["n"]
        m["lines"] = ([(ln, BOLD) for ln in wrap(sas, BOLD, size, bw - 8)] + [("", FONT)]
                      + [(ln, FONT) for ln in wrap(ik, FONT, size, bw - 8)]
                      + [(ln, FONT) for ln in (wrap(target, FONT, size, bw - 8) if target else [])]
                      + [(ln, ITALIC if jab.startswith("*") else BOLD) for ln in wrap(jab, BOLD, size, bw - 8)])
    levels = max(m["level"] for m in nodes) + 1
    heights = [max(len(m["lines"]) for m in nodes if m["level"] == lv) * lead + 8 for lv in range(levels)]
    gap, top = 34.0, d.h - 70
    tops = [top - sum(heights[:lv]) - gap * lv for lv in range(levels)]
    fills = ((0.99, 0.85, 0.6), (1, 0.95, 0.7), (0.8, 0.9, 1), (0.85, 0.95, 0.85), (0.95, 0.95, 0.95))
    for m in nodes:
        lv, x = m["level"], m["cx"] - bw / 2
        y_top, h = tops[lv], heights[lv]
        c.setFillColorRGB(*fills[lv % len(fills)])
        c.setLineWidth(0.8)
        if lv == 0:
            c.roundRect(x, y_top - h, bw, h, 6, stroke=1, fill=1)
        else:
            c.rect(x, y_top - h, bw, h, stroke=1, fill=1)
        c.setFillGray(0)
        y = y_top - 4
        for ln, font in m["lines"]:
            y -= lead
            c.setFont(font, size)
            c.drawString(x + 4, y + 1.5, ln)
        if m["kids"]:  # elbow connector: down from the parent, a bus, down to each child
            bus = y_top - h - gap / 2
            xs = [k["cx"] for k in m["kids"]]
            c.setLineWidth(0.6)
            c.lines([(m["cx"], y_top - h, m["cx"], bus), (min(xs + [m["cx"]]), bus, max(xs + [m["cx"]]), bus)]
                    + [(k, bus, k, tops[lv + 1]) for k in xs])
        sas, ik, target, jab, _ = m["n"]
        indicator = ik.split(":", 1)[1].strip()
        jabatan = "" if jab.startswith("*") else jab
        value_text = target.split(":", 1)[1].strip() if target else ""
        ty = re.search(r"\((\d{4})\)$", value_text)
        if ty:
            value_text = value_text[: ty.start()].strip()
        d.tree.append({"file": name, "node": m["key"], "parent": m["parent"]["key"] if m["parent"] else "",
                       "level": lv, "jabatan": jabatan, "sasaran": sas, "indicator": indicator,
                       "target": value_text, "page": d.page})
        if target:
            value, unit = cell_value(value_text)
            d.truth.append({"file": name, "kind": d.kind, "jabatan": jabatan, "sasaran": sas,
                            "indicator": indicator, "year": int(ty.group(1)) if ty else year,
                            "measure": "target", "period": "", "value": value,
                            "value_text": value_text, "unit": unit, "page": d.page})
    return d


# ---------------------------------------------------------------- writing

def _write_csv(path: Path, cols, rows) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in cols})


def _emit(out_dir: Path, docs: list[Doc]) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for d in docs:
        p = out_dir / d.name
        p.write_bytes(d.save())
        paths.append(p)
    _write_csv(out_dir / TRUTH_FILE, TRUTH_COLUMNS, [r for d in docs for r in d.truth])
    _write_csv(out_dir / BUDGET_FILE, BUDGET_COLUMNS, [r for d in docs for r in d.budget])
    _write_csv(out_dir / TREE_FILE, TREE_COLUMNS, [r for d in docs for r in d.tree])
    return paths


def _sample_docs() -> list[Doc]:
    return [_lkip(SAMPLE_NAMES[0], Opts()),
            _iki_lampung(SAMPLE_NAMES[1], Opts(region="Kabupaten Lampung Barat", year=2023)),
            _iki_probolinggo(SAMPLE_NAMES[2], Opts(region="Kota Probolinggo")),
            _pohon(SAMPLE_NAMES[3])]


def write_samples(out_dir: Path) -> list[Path]:
    """Write the sample PDFs and out_dir/sample_truth.csv; return the PDF paths. Deterministic
    (same bytes each run). Also writes out_dir/sample_budget_truth.csv (money is not in the truth)
    and out_dir/sample_tree_truth.csv (the boxes of the pohon kinerja and their parents)."""
    return _emit(Path(out_dir), _sample_docs())


def _scan_pdf() -> bytes:
    """Two pages that are only images of a rendered IKI table: no text layer at all."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader
    import reportlab
    fonts = Path(reportlab.__file__).parent / "fonts"
    font = ImageFont.truetype(str(fonts / "Vera.ttf"), 15)
    bold = ImageFont.truetype(str(fonts / "VeraBd.ttf"), 16)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
    for (jab, _, _, _, groups) in LAMPUNG[1:3]:
        img = Image.new("L", (1240, 1754), 255)
        g = ImageDraw.Draw(img)
        g.text((620, 120), "INDIKATOR KINERJA INDIVIDU (IKI)", font=bold, fill=0, anchor="mm")
        g.text((90, 180), f"Jabatan : {jab}", font=font, fill=0)
        xs, y = [80, 120, 400, 720, 840, 960, 1080, 1170], 240
        g.line((80, y, 1170, y), fill=0, width=2)
        for x, h in zip(xs, ("No", "Sasaran Kinerja", "Indikator Kinerja", "2023", "2024", "2025",
                             "2026")):
            g.text((x + 6, y + 8), h, font=bold, fill=0)
        y += 36
        for grp in groups:
            g.line((80, y, 1170, y), fill=0, width=1)
            cells = [grp[0], grp[1][:30], grp[2][:34], *grp[-1]]
            for x, s in zip(xs, cells):
                g.text((x + 6, y + 10), s, font=font, fill=0)
            y += 44
        g.line((80, y, 1170, y), fill=0, width=2)
        for x in xs:
            g.line((x, 240, x, y), fill=0, width=1)
        img = img.rotate(0.4, fillcolor=255)   # a scanner never feeds quite straight
        c.drawImage(ImageReader(img), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
    c.save()
    return buf.getvalue()


def write_bad_inputs(out_dir: Path) -> dict[str, Path]:
    """Bad inputs for tests: 'empty' (0 bytes), 'truncated' (a valid sample cut in half),
    'encrypted' (user password), 'not_pdf' (HTML named .pdf), 'scan' (image-only 2-page PDF)."""
    from pypdf import PdfReader, PdfWriter
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    valid = _iki_lampung("bad_source.pdf", Opts(region="Kabupaten Lampung Barat", year=2023)).save()
    paths = {k: out_dir / f"bad_{k}.pdf" for k in ("empty", "truncated", "encrypted", "not_pdf",
                                                   "scan")}
    paths["empty"].write_bytes(b"")
    paths["truncated"].write_bytes(valid[: len(valid) // 2])
    w = PdfWriter(clone_from=PdfReader(io.BytesIO(valid)))
    w.encrypt(user_password="rahasia", owner_password="pemilik", algorithm="RC4-128")
    with paths["encrypted"].open("wb") as fh:
        w.write(fh)
    paths["not_pdf"].write_text("<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>"
                                "<body><h1>Not Found</h1><p>The requested URL /esakip/dokumen/"
                                "lkip_2025.pdf was not found on this server.</p></body></html>\n",
                                encoding="utf-8")
    paths["scan"].write_bytes(_scan_pdf())
    return paths


REGIONS = ("Kota Bekasi", "Kota Depok", "Kabupaten Bogor", "Kabupaten Lampung Barat",
           "Kabupaten Tanggamus", "Kota Probolinggo", "Kabupaten Pesawaran", "Kota Bandar Lampung",
           "Kabupaten Garut", "Kota Malang", "Kabupaten Sleman", "Kota Semarang", "Kabupaten Bandung",
           "Kota Cimahi", "Kabupaten Sumedang")


def write_corpus(out_dir: Path, n: int, seed: int = 0) -> list[Path]:
    """n varied documents (for scale benchmarks) from the same families, with agency, years,
    numbers, row counts and layout options drawn from random.Random(seed); also writes
    out_dir/sample_truth.csv (and sample_budget_truth.csv) for them."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        family = rng.choices(("lkip", "iki", "ikiformula"), weights=(5, 4, 1))[0]
        region = rng.choice(REGIONS)
        o = Opts(region=region, rng=rng, size=rng.choice((7, 7.5, 8, 8.5)),
                 numbering=rng.choice(("paren", "minus")), shade=rng.random() < 0.7,
                 landscape=rng.random() < 0.6, repeat_head=rng.random() < 0.7,
                 borderless=rng.choice(("ppks", "ppks", "tw3", "annual", "narrow")),
                 long_rows=rng.randint(5, len(SUBKEG)), jabatan=rng.randint(3, len(LAMPUNG)))
        slug = region.split(" ", 1)[1].lower().replace(" ", "_")
        if family == "lkip":
            o.year = rng.randint(2019, 2025)
            docs.append(_lkip(f"c{i:04d}_{slug}_lkip_{o.year}.pdf", o))
        elif family == "iki":
            o.year = rng.randint(2019, 2024)
            docs.append(_iki_lampung(f"c{i:04d}_{slug}_iki_{o.year}_{o.year + 3}.pdf", o))
        else:
            docs.append(_iki_probolinggo(f"c{i:04d}_{slug}_iki_eselon_iii_iv.pdf", o))
    return _emit(Path(out_dir), docs)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m pipeline.devtools.samples OUT_DIR")
    for p in write_samples(Path(sys.argv[1])):
        print(p)
