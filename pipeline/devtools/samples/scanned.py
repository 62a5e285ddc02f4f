"""A scanned copy of a generated report: its pages rendered to images as a scanner makes them (grey, noisy,
a little askew, a landscape page fed in sideways) and put in a PDF with no text layer. The truth is the
source report's, so the OCR path is measured on a scan whose every value is known.

    write_scanned_sample(out_dir) -> out_dir/bekasi_lkip_2025_scan.pdf and out_dir/scan_truth.csv
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


def write_scanned_sample(out_dir: Path) -> Path:
    """Write the scan and its truth file (TRUTH_COLUMNS) into `out_dir`; the scan's path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    data, truth = scanned_sample()
    path = out_dir / SCAN_NAME
    path.write_bytes(data)
    _write_csv(out_dir / SCAN_TRUTH_FILE, TRUTH_COLUMNS, truth)
    return path
