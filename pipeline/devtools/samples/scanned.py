"""A scanned copy of a generated report: its pages rendered to images as a scanner makes them (grey, noisy,
a little askew, a landscape page fed in sideways) and put in a PDF with no text layer. The truth is the
source report's, so the OCR path is measured on a scan whose every value is known.

    write_scanned_sample(out_dir) -> out_dir/bekasi_lkip_2025_scan.pdf and out_dir/scan_truth.csv
    write_pasted_sample(out_dir) -> out_dir/bekasi_lkip_2024_pasted.pdf and out_dir/pasted_truth.csv (a
        born-digital page with a table in its text layer and another pasted below it as a picture)
"""
from __future__ import annotations

import io
from pathlib import Path

from .corpora import _write_csv
from .documents import SAMPLE_NAMES, Opts, _lkip
from .truth import TRUTH_COLUMNS

SCAN_NAME = "bekasi_lkip_2025_scan.pdf"
SCAN_TRUTH_FILE = "scan_truth.csv"
DPI = 200  # a common office scanner setting for documents
NOISE_SIGMA = 14.0  # grey levels of sensor noise
SPECKS = 0.0008  # share of pixels turned to dark specks (dust)
# (source page, degrees the sheet sits askew, turned a quarter): a portrait table page fed in askew, and a
# landscape table page scanned sideways on a portrait sheet (read bottom to top), a little askew too
PAGES = ((6, 1.2, False), (5, -0.6, True))


def _scan_image(page, skew: float, turned: bool, rng):
    """One page as a scanner gives it: rendered grey at DPI, turned a quarter (counter-clockwise) when
    `turned`, rotated `skew` degrees, blurred a little, with noise and specks."""
    import numpy as np
    from PIL import Image, ImageFilter

    img = page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
    if turned:
        img = img.transpose(Image.Transpose.ROTATE_90)
    img = img.rotate(skew, resample=Image.Resampling.BILINEAR, fillcolor=255, expand=False)
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    pixels = np.asarray(img, dtype=np.float32) + rng.normal(0.0, NOISE_SIGMA, (img.height, img.width))
    pixels[rng.random(pixels.shape) < SPECKS] = 40
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def scanned_sample() -> tuple[bytes, list[dict]]:
    """The scan's PDF bytes and its value labels (pages numbered in the scan). Deterministic."""
    import numpy as np
    import pypdfium2 as pdfium
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    source = _lkip(SAMPLE_NAMES[0], Opts())
    pdf = pdfium.PdfDocument(source.save())
    rng = np.random.default_rng(16)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
    truth = []
    for k, (number, skew, turned) in enumerate(PAGES, start=1):
        image = _scan_image(pdf[number - 1], skew, turned, rng)
        out = io.BytesIO()
        image.save(out, format="JPEG", quality=75)  # scanners write JPEG: its artefacts are part of a scan
        c.drawImage(ImageReader(io.BytesIO(out.getvalue())), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
        truth += [{**row, "file": SCAN_NAME, "page": k} for row in source.truth if int(row["page"]) == number]
    c.save()
    pdf.close()
    return buf.getvalue(), truth


def _write_sample(out_dir: Path, name: str, truth_file: str, made: tuple[bytes, list[dict]]) -> Path:
    """Write a generated PDF and its truth file (TRUTH_COLUMNS) into `out_dir`; the PDF's path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    data, truth = made
    path = out_dir / name
    path.write_bytes(data)
    _write_csv(out_dir / truth_file, TRUTH_COLUMNS, truth)
    return path


def write_scanned_sample(out_dir: Path) -> Path:
    """Write the scan and its truth file into `out_dir`; the scan's path."""
    return _write_sample(out_dir, SCAN_NAME, SCAN_TRUTH_FILE, scanned_sample())


# -- a table pasted as a picture into a born-digital report -----------------------------------------
PASTED_NAME = "bekasi_lkip_2024_pasted.pdf"
PASTED_TRUTH_FILE = "pasted_truth.csv"
PASTED_YEAR = 2024
PASTED_DPI = 150  # a picture pasted into a word processor: a screenshot or an export at screen-ish resolution


def _pasted_rows(year: int):
    """(sasaran, indicator, target, realisasi, capaian) of the picture's table and of the text-layer table."""
    from .content import I_PPKS, I_PSKS, S_PPKS, S_PSKS

    picture = [(S_PPKS, I_PPKS, "15", "15,82", "105,47"), (S_PSKS, I_PSKS, "80", "82", "102,5"),
               (S_PPKS, "Persentase anak terlantar yang dijangkau", "12", "13,17", "109,75")]
    text = [("Meningkatnya akuntabilitas kinerja", "Nilai Akuntabilitas Kinerja Instansi Pemerintah", "72", "71,5", "99,31")]
    return picture, text


def _capaian_table(rows, year: int, name: str):
    from .layout import Cell, H, Table

    def value(text, indicator, sasaran, measure):
        return Cell(text, al="C", fit=True, rec=("value", {"indicator": indicator, "sasaran": sasaran, "measure": measure, "year": year, "period": ""}))

    head = [[H("No"), H("Sasaran"), H("Indikator Kinerja"), H(f"Target {year}"), H(f"Realisasi {year}"), H("Capaian (%)")]]
    body = [[Cell(str(k)), Cell(s), Cell(i), value(t, i, s, "target"), value(r, i, s, "realisasi"), value(p, i, s, "capaian")]
            for k, (s, i, t, r, p) in enumerate(rows, 1)]
    return Table(name, [24, 150, 170, 55, 60, 56], head, body, size=9, center=False, shade=False)


def _table_picture(rows, year: int):
    """The picture's table drawn on a page of its own (its truth recorded there), rendered at PASTED_DPI and
    cut to its ink: the image a report pastes, with the values it shows."""
    import numpy as np
    import pypdfium2 as pdfium

    from .layout import Doc

    d = Doc("picture.pdf", "LKIP", margins=(40, 40, 40, 40))
    d.new_page(header=False)
    d.table(_capaian_table(rows, year, "capaian (picture)"))
    pdf = pdfium.PdfDocument(d.save())
    try:
        img = pdf[0].render(scale=PASTED_DPI / 72, grayscale=True).to_pil().convert("L")
    finally:
        pdf.close()
    ink = np.flatnonzero((np.asarray(img) < 128).any(axis=1)), np.flatnonzero((np.asarray(img) < 128).any(axis=0))
    m = 8
    box = (int(ink[1][0]) - m, int(ink[0][0]) - m, int(ink[1][-1]) + m, int(ink[0][-1]) + m)
    return img.crop(box), d.truth


def pasted_table_sample() -> tuple[bytes, list[dict]]:
    """A one-page born-digital LKIP: its heading and a small capaian table in the text layer, then a caption
    in text and, below it, the capaian table of three indicators as a picture (no text over it). The value
    labels of both tables, on page 1. Deterministic."""
    from reportlab.lib.utils import ImageReader

    from .layout import Doc

    year = PASTED_YEAR
    picture_rows, text_rows = _pasted_rows(year)
    image, picture_truth = _table_picture(picture_rows, year)
    d = Doc(PASTED_NAME, "LKIP", margins=(40, 40, 50, 50), title=f"LKIP Dinas Sosial Kota Bekasi {year}")
    d.new_page(header=False)
    d.text("LAPORAN KINERJA INSTANSI PEMERINTAH (LKIP)", size=12, font="Helvetica-Bold", align="C")
    d.text(f"DINAS SOSIAL KOTA BEKASI TAHUN {year}", size=12, font="Helvetica-Bold", align="C")
    d.y -= 8
    d.para("Capaian kinerja Dinas Sosial disajikan pada tabel berikut, per sasaran strategis dan indikator kinerja utama.", size=9.5)
    d.table(_capaian_table(text_rows, year, "capaian (text layer)"), caption=(f"Tabel 3.1 Capaian Kinerja Tahun {year}",))
    d.text(f"Tabel 3.2 Capaian Kinerja Sasaran Rehabilitasi Sosial Tahun {year}", size=9.5, font="Helvetica-Bold", align="C")
    d.y -= 4
    w, h = image.width * 72 / PASTED_DPI, image.height * 72 / PASTED_DPI
    png = io.BytesIO()
    image.save(png, format="PNG")
    d.c.drawImage(ImageReader(io.BytesIO(png.getvalue())), d.ml, d.y - h, width=w, height=h)
    d.y -= h + 10
    truth = d.truth + [{**row, "file": PASTED_NAME, "page": 1} for row in picture_truth]
    return d.save(), truth


def write_pasted_sample(out_dir: Path) -> Path:
    """Write the born-digital report with a pasted table picture and its truth (pasted_truth.csv)."""
    return _write_sample(out_dir, PASTED_NAME, PASTED_TRUTH_FILE, pasted_table_sample())

