"""Pages read by pdfium give pdfplumber what pdfminer gives it: same chars, words, shapes and tables."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from extractors.pages import PdfiumPDF, PdfiumPage

ROWS = [("No", "Indikator Kinerja", "Target", "Realisasi"),
        ("1", "Persentase penduduk miskin", "15,82", "14,3"),
        ("2", "Jumlah PPKS tertangani", "1.576", "1.602")]


def _table_pdf(path, rotate: int = 0, pagesize=A4) -> None:
    """A ruled table (cells drawn as rectangles), a rounded box, a line and some prose."""
    c = Canvas(path if isinstance(path, io.BytesIO) else str(path), pagesize=pagesize)
    c.setPageRotation(rotate)
    c.setFont("Helvetica", 10)
    c.drawString(60, 780, "Tabel 3.1 Capaian Indikator Kinerja Tahun 2025")
    xs, y0, h = [60, 90, 330, 420, 510], 740, 24
    for i, row in enumerate(ROWS):
        y = y0 - i * h
        for j, text in enumerate(row):
            c.rect(xs[j], y, xs[j + 1] - xs[j], h)
            c.drawString(xs[j] + 4, y + 8, text)
    c.roundRect(60, 500, 200, 60, 10)
    c.line(60, 480, 400, 480)
    c.drawString(60, 460, "Realisasi tahun ini lebih tinggi dari target.")
    c.save()


def _both(path):
    return pdfplumber.open(path), PdfiumPDF.open(path)


@pytest.mark.parametrize("rotate", [0, 90])
def test_pdfium_pages_read_as_pdfminer_pages(tmp_path, rotate):
    path = tmp_path / "t.pdf"
    _table_pdf(path, rotate)
    miner, fast = _both(path)
    with miner, fast:
        a, b = miner.pages[0], fast.pages[0]
        assert isinstance(b, PdfiumPage) and (a.width, a.height) == (b.width, b.height)
        assert b.extract_text() == a.extract_text()
        assert [w["text"] for w in b.extract_words()] == [w["text"] for w in a.extract_words()]
        for wa, wb in zip(a.extract_words(), b.extract_words()):  # same place, within a point
            assert all(abs(wa[k] - wb[k]) < 1.0 for k in ("x0", "x1", "top", "bottom"))
        for kind in ("line", "rect", "curve"):
            assert len(b.objects.get(kind, [])) == len(a.objects.get(kind, [])), kind
        assert [t.extract() for t in b.find_tables()] == [t.extract() for t in a.find_tables()]
        if rotate == 0:  # a turned page reads turned, by either reader
            table = b.find_tables()[0].extract()
            assert table[1] == list(ROWS[1]) and table[2] == list(ROWS[2])


def test_a_page_pdfium_cannot_read_falls_back_to_pdfminer(tmp_path, monkeypatch):
    path = tmp_path / "t.pdf"
    _table_pdf(path)

    def broken(self):
        raise RuntimeError("odd page")

    monkeypatch.setattr(PdfiumPage, "_pdfium_objects", broken)
    with PdfiumPDF.open(path) as pdf:
        assert "Persentase penduduk miskin" in pdf.pages[0].extract_text()


def test_landscape_page_and_bytes_input(tmp_path):
    buf = io.BytesIO()
    _table_pdf(buf, pagesize=landscape(A4))
    with PdfiumPDF.open(io.BytesIO(buf.getvalue())) as pdf:
        page = pdf.pages[0]
        assert isinstance(page, PdfiumPage) and page.width > page.height
        assert page.find_tables()[0].extract()[2] == list(ROWS[2])


def test_turned_text_keeps_its_words(tmp_path):
    """Column headers printed bottom to top: pdfium's word breaks go between the words, not into them."""
    path = tmp_path / "v.pdf"
    c = Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    c.translate(300, 300)
    c.rotate(90)
    c.drawString(0, 0, "Realisasi")  # two strings on one line: pdfium breaks the words between them
    c.drawString(60, 0, "Anggaran")
    c.drawString(0, -20, "Target")
    c.drawString(45, -20, "Kinerja")
    c.save()
    miner, fast = _both(path)
    with miner, fast:
        assert [w["text"] for w in fast.pages[0].extract_words()] == [w["text"] for w in miner.pages[0].extract_words()]
