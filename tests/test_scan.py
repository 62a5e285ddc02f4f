"""Scanned pages read through the born-digital stages: orientation and skew, rules from the image, the
per-page OCR decision, unsure digits as warnings, and the generated scan read end to end (two pages)."""

from __future__ import annotations

import numpy as np
import pytest

from extractors import scan
from extractors.records import ExtractedValue


def _lines_image(width: int = 900, height: int = 1200, rows: int = 20) -> np.ndarray:
    """A page of text-like lines (dashes of ink, words apart) on white, at ROUTE_SCALE."""
    img = np.full((height, width), 255, np.uint8)
    rng = np.random.default_rng(1)
    for k in range(rows):
        y = 100 + k * 50
        x = 80
        while x < width - 120:
            w = int(rng.integers(30, 90))
            img[y : y + 14, x : x + w] = 0
            x += w + 12
    return img


def test_a_page_turned_a_quarter_is_turned_back():
    page = _lines_image()
    turn, skew = scan.orientation(np.ascontiguousarray(np.rot90(page)))  # scanned sideways
    assert turn == 1 and abs(skew) <= scan.SKEW_STEP
    assert scan.orientation(page) == (0, 0.0)


@pytest.mark.parametrize("degrees", [1.5, -2.0])
def test_a_skewed_page_is_measured_to_a_quarter_degree(degrees):
    import cv2

    page = _lines_image()
    h, w = page.shape
    skewed = cv2.warpAffine(page, cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0), (w, h), borderValue=255)
    turn, skew = scan.orientation(skewed)
    assert turn == 0 and abs(skew + degrees) <= 0.25  # the correction undoes the skew


def _ruled(dashed: bool) -> np.ndarray:
    """A 3 x 3 ruled grid at SCALE (216 dpi): rules 3 px thick, in dashes when `dashed` (a faint scan), with a
    line of bold 'text' (a dark bar with letter gaps) inside one cell."""
    img = np.full((900, 1200), 255, np.uint8)
    xs, ys = (100, 500, 800, 1100), (100, 300, 500, 700)
    for y in ys:
        for x0 in range(xs[0], xs[-1], 40 if dashed else 1000):
            img[y : y + 3, x0 : min(xs[-1], x0 + (28 if dashed else 1000))] = 0
    for x in xs:
        img[ys[0] : ys[-1] + 3, x : x + 3] = 0
    for x0 in range(140, 460, 26):  # bold letters: strokes 22 px wide, 30 px tall, 4 px apart
        img[380:410, x0 : x0 + 22] = 0
    return img


@pytest.mark.parametrize("dashed", [False, True])
def test_rules_are_found_on_the_image_and_bold_text_is_not_a_rule(dashed):
    horizontal, vertical, clean = scan.ruling_lines(_ruled(dashed), scan.SCALE)
    assert len(horizontal) == 4 and len(vertical) == 4  # dashes joined into one rule each
    assert all(h[2] - h[0] > 950 for h in horizontal)
    assert not any(370 <= h[1] <= 420 for h in horizontal)  # the bold word stays text
    assert (clean[100:103, 110:1090] == 255).all() and (clean[380:410, 140:162] == 0).all()  # rules painted out, text kept
    (region,) = scan.table_regions(horizontal, vertical, scan.CROSS_TOL_PT * scan.SCALE)
    assert np.allclose(region, (100, 100, 1103, 703), atol=3)  # the frame, to within the rule's thickness


def test_underlines_are_not_a_table():
    img = np.full((900, 1200), 255, np.uint8)
    for y in (200, 400, 600):
        img[y : y + 3, 100:900] = 0
    horizontal, vertical, _ = scan.ruling_lines(img, scan.SCALE)
    assert len(horizontal) == 3 and not scan.table_regions(horizontal, vertical, scan.CROSS_TOL_PT * scan.SCALE)


def test_noise_score_tells_an_ocr_layer_that_read_well_from_garbage():
    good = "PIHAK KESATU be~anji akan mewujudkan target kinerja 1.1. Jumlah produksi (ton) : 768.495 Rp.30.903.396.770,-"
    garbage = "l;,' ~~ .:!i| J'' ,,i~ 1l|! ''' :;:; e~~a ~.~ |||"
    assert scan.noise_score(good) < scan.NOISE_MAX < scan.noise_score(garbage)


def test_header_words_misread_by_one_letter_are_spelled_right():
    assert [scan.header_word(w) for w in ("Realisasl", "Capalan", "Alokas!", "REALISASI", "Sumber")] == [
        "Realisasi", "Capaian", "Alokasi", "REALISASI", "Sumber"]
    assert scan.header_word("1.000,5") == "1.000,5" and scan.header_word("Dinas") == "Dinas"  # numbers and short words alone


def test_unsure_digits_are_warnings_with_the_box():
    page = scan.ScannedPage(1, 595, 842, 0, 0.0, [], [
        scan.OcrWord("73%", (100, 100, 120, 110), 0.99, "73%"),
        scan.OcrWord("6,7%", (100, 200, 120, 210), 0.55, "6,7%"),
        scan.OcrWord("38", (100, 300, 120, 310), 0.97, "88"),
    ])
    values = [ExtractedValue("x", None, None, 2024, None, "target", None, text, None, 1, box, "ocr+pdfplumber-lattice", "p1t1")
              for text, box in (("73%", (95, 95, 125, 115)), ("6,7%", (95, 195, 125, 215)), ("38", (95, 295, 125, 315)))]
    warnings = _warnings(page, values)
    assert [(w.check, w.bbox) for w in warnings] == [("ocr_low_confidence", (95, 195, 125, 215)), ("ocr_digits_ambiguous", (95, 295, 125, 315))]


def _warnings(scanned, values):
    class _Page:  # what ocr_warnings reads of an OcrPage
        pass

    page = _Page()
    page.scanned = scanned
    return scan.ocr_warnings(page, values)


@pytest.fixture(scope="module")
def scanned_sample(tmp_path_factory):
    """The generated scan (a portrait table page 1.2 degrees askew, a landscape one fed in sideways), read."""
    pytest.importorskip("rapidocr_onnxruntime")
    from pipeline.devtools.samples.scanned import write_scanned_sample
    from pipeline.devtools.samples.truth import read_truth
    from pipeline.extract import extract_document

    path = write_scanned_sample(tmp_path_factory.mktemp("scan"))
    return extract_document(path), read_truth(path.parent / "scan_truth.csv")


def test_the_generated_scan_is_read_through_the_table_stages(scanned_sample):
    result, truth = scanned_sample
    doc = result.document
    assert (doc["ocr_pages"], doc["doc_type"]) == (2, "LKIP")
    # ok; partial only where a page's recognition ran into its time limit (a machine loaded by other work)
    assert doc["status"] == "ok" or all("OCR stopped after" in e for e in doc["error"].split("; page "))
    assert result.values and all(v["extractor"].startswith("ocr+") for v in result.values)
    assert {v["page"] for v in result.values} == {1, 2}  # the skewed page and the turned one
    for v in result.values:
        x0, top, x1, bottom = v["bbox"]
        assert 0 <= x0 < x1 <= (595 if v["page"] == 1 else 842) and 0 <= top < bottom  # boxes in the page's upright frame
    read = {(v["page"], v["measure"], v["year"], v["value_text"]) for v in result.values}
    labels = {(int(t.page), t.measure, int(t.year), t.value_text) for t in truth.itertuples()}
    assert len(read & labels) >= 0.6 * len(labels)  # the values as printed, on their pages (names aside: OCR's)
    assert len(read & labels) >= 0.8 * len(read)


def test_without_the_ocr_package_a_scan_is_not_read(tmp_path, monkeypatch):
    import extractors.ocr as ocr
    from pipeline.devtools.samples.scanned import write_scanned_sample
    from pipeline.extract import extract_document

    monkeypatch.setattr(ocr, "_engine", lambda: None)
    doc = extract_document(write_scanned_sample(tmp_path)).document
    assert doc["status"] == "needs_ocr" and "needs OCR" in doc["error"]


def test_the_routing_survey_tells_a_scanned_page_from_a_born_digital_one(tmp_path):
    """Pages are decided for OCR on the routing survey's image share: a born-digital page is not loaded
    again to look for a page-sized image, a scanned page is looked at."""
    from pipeline.devtools.samples.scanned import write_scanned_sample
    from pipeline.devtools.samples.unseen import decorated_page
    from pipeline.devtools.samples.corpora import _emit
    from extractors.routing import survey_document

    scanned = write_scanned_sample(tmp_path / "scan")
    born_digital = _emit(tmp_path / "digital", [decorated_page()])[0]
    scanned_pages, digital_pages = survey_document(str(scanned))[2], survey_document(str(born_digital))[2]
    assert scanned_pages and all(s.image_share >= scan.PAGE_IMAGE_SHARE for s in scanned_pages.values())
    assert digital_pages and all(s.image_share == 0 for s in digital_pages.values())
