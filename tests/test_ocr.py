"""A scan's metadata read by OCR of its cover; the pipeline without the OCR package is as before (a scan's
tables: tests/test_scan.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import extractors.ocr as ocr
from extractors.document import describe_document
from pipeline.extract import extract_document

COVER = [
    ("PEMERINTAH KABUPATEN SUKAMAJU", 34),
    ("LAPORAN KINERJA INSTANSI PEMERINTAH", 40),
    ("DINAS KETAHANAN PANGAN KABUPATEN SUKAMAJU", 30),
    ("TAHUN 2023", 30),
]


def _scan(path: Path, blank_first: bool = False, pagesize=None, top: int = 250) -> Path:
    """A cover drawn into an image, and only the image put in the PDF: no text layer, as a scanner makes it;
    after a blank scanned page if `blank_first`; on an A4 page unless `pagesize` (points) says otherwise;
    its first line's middle `top` pixels down the 1754 px high image."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    fonts = Path(__import__("reportlab").__file__).parent / "fonts"
    img = Image.new("L", (1240, 1754), 255)
    g = ImageDraw.Draw(img)
    for k, (line, size) in enumerate(COVER):
        g.text((620, top + 110 * k), line, font=ImageFont.truetype(str(fonts / "VeraBd.ttf"), size), fill=0, anchor="mm")
    img = img.rotate(0.3, fillcolor=255)
    size = pagesize or A4
    c = canvas.Canvas(str(path), pagesize=size)
    if blank_first:
        c.drawImage(ImageReader(Image.new("L", (1240, 1754), 250)), 0, 0, width=size[0], height=size[1])
        c.showPage()
    c.drawImage(ImageReader(img), 0, 0, width=size[0], height=size[1])
    c.showPage()
    c.save()
    return path


def test_scan_metadata_from_the_cover(tmp_path):
    """A scanned cover is read: its metadata by OCR of the cover, its page routed on the image (no table)."""
    pytest.importorskip("rapidocr_onnxruntime")
    result = extract_document(_scan(tmp_path / "cover.pdf"))
    doc = result.document
    assert (doc["status"], doc["ocr_pages"], result.values) == ("ok", 1, [])
    assert (doc["doc_type"], doc["agency"], doc["region"]) == ("LKIP", "Dinas Ketahanan Pangan", "Kabupaten Sukamaju")
    assert (doc["year_from"], doc["year_to"]) == (2023, 2023)


def test_words_run_together_are_cut_apart(tmp_path):
    pytest.importorskip("rapidocr_onnxruntime")
    texts = ocr.cover_text(_scan(tmp_path / "cover.pdf"), pages=1)
    assert "DINAS KETAHANAN PANGAN KABUPATEN SUKAMAJU" in texts[0].splitlines()


def test_a_blank_page_is_not_given_to_the_detector(tmp_path, monkeypatch):
    pytest.importorskip("rapidocr_onnxruntime")
    engine = ocr._engine()
    detected = []
    monkeypatch.setattr(engine, "text_det", lambda img, _det=engine.text_det: detected.append(img.shape) or _det(img))
    texts = ocr.cover_text(_scan(tmp_path / "cover.pdf", blank_first=True), pages=2)
    assert texts[0] == "" and "TAHUN 2023" in texts[1]
    assert len(detected) == 2  # the cover's two bands (842 px high at 72 dpi) only


@pytest.mark.parametrize("top", [820, 880, 900, 960])
def test_lines_across_the_detectors_bands_are_read_once_and_whole(tmp_path, top):
    """The detector reads a page in overlapping bands (the seam of an A4 page's two is 432 px down at 72 dpi,
    900 px here): a line lying across it is found whole in one band and not again, cut, in the other."""
    pytest.importorskip("rapidocr_onnxruntime")
    from rapidfuzz import fuzz

    lines = ocr.cover_text(_scan(tmp_path / "cover.pdf", top=top), pages=1)[0].splitlines()
    assert len(lines) == len(COVER)
    for read, (printed, _) in zip(lines, COVER):  # OCR's own noise aside ("KI NERJA", "PEMERiNTAH")
        assert fuzz.ratio(read.replace(" ", "").upper(), printed.replace(" ", "")) >= 90


def test_a_large_page_is_shrunk_for_the_detector(tmp_path, monkeypatch):
    """The detector's memory grows with the image: a poster-sized scan is given to it at most DET_MAX_SIDE a side."""
    pytest.importorskip("rapidocr_onnxruntime")
    engine = ocr._engine()
    detected = []
    monkeypatch.setattr(engine, "text_det", lambda img, _det=engine.text_det: detected.append(img.shape) or _det(img))
    texts = ocr.cover_text(_scan(tmp_path / "poster.pdf", pagesize=(1684, 2382)), pages=1)  # A1
    assert all(max(shape[:2]) <= ocr.DET_MAX_SIDE for shape in detected)
    assert "DINAS KETAHANAN PANGAN KABUPATEN SUKAMAJU" in texts[0].splitlines()


def test_without_the_ocr_package_a_scan_is_as_before(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "_engine", lambda: None)
    assert ocr.cover_text(tmp_path / "missing.pdf") is None
    doc = extract_document(_scan(tmp_path / "cover.pdf")).document
    assert doc["status"] == "needs_ocr"
    assert doc["agency"] is None and "OCR" not in doc["error"].split("needs OCR")[1]


def test_ocr_like_cover_text():
    """Lines as the OCR gives them: a letter-spaced word read letter by letter, a label on the line of its value,
    the agency's region on the next line."""
    info = describe_document(["PERJANJIAN KINERJA\nT A H U N 2024\nJabatan : KEPALA BADAN KEPEGAWAIAN\nKOTA TANJUNGSARI"])
    assert (info.doc_type, info.agency, info.region, info.year_to) == ("PK", "Badan Kepegawaian", "Kota Tanjungsari", 2024)
