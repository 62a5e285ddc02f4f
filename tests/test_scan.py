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
    assert len(read & labels) >= 0.7 * len(labels)  # the values as printed, on their pages (names aside: OCR's)
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


def _word(text: str, confidence: float = 0.99, unsure_at: tuple[int, ...] = ()) -> scan.OcrWord:
    letters = tuple(0.4 if k in unsure_at else 0.99 for k in range(len(text))) if unsure_at else ()
    return scan.OcrWord(text, (0, 0, 10, 10), 0.4 if unsure_at else confidence, letters=letters)


def test_a_misread_word_is_spelled_as_the_report_spells_it_where_it_is_read_sure():
    words = [*[_word("Provinsi") for _ in range(4)], *[_word("Kewenangan") for _ in range(3)], _word("tampung"), _word("tampung"), _word("tampung"),
             _word("pravinsi", unsure_at=(2,)), _word("kewenangen", unsure_at=(8,)), _word("tarmpung", unsure_at=(3,)),
             _word("rencana"), _word("rencana"), _word("bencana"), _word("bencana", 0.5),  # read sure twice: the report's word
             _word("provinsa", unsure_at=(1,)),  # the unsure letter is not where it differs: left as read
             _word("alokasi", 0.5), *[_word("lokasi") for _ in range(4)]]  # a table word is never respelled
    repairs = scan.vocabulary_repairs(words)
    assert repairs == {"pravinsi": "provinsi", "kewenangen": "kewenangan", "tarmpung": "tampung"}
    assert scan.repaired("Jaringan irigasi kewenangen PRAVINSI yang tarmpung", repairs) == "Jaringan irigasi kewenangan PROVINSI yang tampung"



def test_a_header_less_table_read_by_ocr_that_gives_nothing_is_a_warning():
    """A table's body run on from the page before, printed without a header, that continues no columns:
    its numbers are left unread, and the reviewer hears of it with the table's box."""
    from extractors.records import ExtractedTable, PageResult

    page = scan.ScannedPage(3, 595, 842, 0, 0.0, [], [scan.OcrWord(t, box, 0.99) for t, box in (
        ("Jumlah", (60, 105, 90, 112)), ("sungai", (100, 105, 130, 112)), ("12", (300, 105, 310, 112)), ("150", (350, 105, 365, 112)),
        ("7", (300, 125, 305, 132)), ("88", (350, 125, 360, 132)))])

    class _Page:
        scanned, page_number = page, 3
        in_area = staticmethod(lambda box: True)

    result = PageResult(3)
    result.tables = [ExtractedTable(3, "p3t1", (50, 100, 400, 140), "ocr+pdfplumber-lattice", None, [])]
    [warning] = scan.unread_table_warnings(_Page(), result)
    assert (warning.check, warning.page, warning.bbox) == ("ocr_table_not_read", 3, (50, 100, 400, 140))
    page.words.append(scan.OcrWord("Target", (300, 101, 330, 108), 0.99))  # a header not understood is coverage's (unread cells)
    assert scan.unread_table_warnings(_Page(), result) == []
    page.words[-1] = scan.OcrWord("Uraian", (100, 101, 130, 108), 0.99)  # a first line of words, no number: a header too
    assert scan.unread_table_warnings(_Page(), result) == []
    # the head of such a table is read on: numbers and no table word
    assert scan._head_names_values([scan.OcrWord(t, (0, 0, 1, 1), 0.99) for t in ("3", "Sungai", "150", "unit")])
    assert not scan._head_names_values([scan.OcrWord(t, (0, 0, 1, 1), 0.99) for t in ("Program", "Kegiatan", "Lokasi")])
    assert not scan._head_names_values([scan.OcrWord(t, (0, 0, 1, 1), 0.99) for t in ("Sasaran", "Indikator", "1")])  # a header: its words say


@pytest.fixture(scope="module")
def pasted_sample(tmp_path_factory):
    """A born-digital page: heading and a small table in its text layer, a table pasted below as a picture."""
    pytest.importorskip("rapidocr_onnxruntime")
    from pipeline.devtools.samples.scanned import PASTED_TRUTH_FILE, write_pasted_sample
    from pipeline.devtools.samples.truth import read_truth
    from pipeline.extract import extract_document

    path = write_pasted_sample(tmp_path_factory.mktemp("pasted"))
    return extract_document(path), read_truth(path.parent / PASTED_TRUTH_FILE)


def test_a_table_pasted_as_a_picture_is_read_by_ocr_and_the_text_layer_as_before(pasted_sample):
    result, truth = pasted_sample
    doc = result.document
    assert (doc["status"], doc["doc_type"], doc["ocr_pages"]) == ("ok", "LKIP", 1)
    by_ocr = [v for v in result.values if v["extractor"].startswith("ocr+")]
    from_text = [v for v in result.values if not v["extractor"].startswith("ocr+")]
    text_names = {t.indicator for t in truth.itertuples() if t.indicator.startswith("Nilai")}
    assert {v["indicator_name"] for v in from_text} == text_names and len(from_text) == 3  # the text layer's table, from the text layer
    assert {(v["measure"], v["value_text"]) for v in from_text} == {("target", "72"), ("realisasi", "71,5"), ("capaian", "99,31")}
    picture = {(t.measure, t.value_text) for t in truth.itertuples() if t.indicator not in text_names}
    assert {(v["measure"], v["value_text"]) for v in by_ocr} == picture  # all nine of the picture's values
    top = min(v["bbox"][1] for v in by_ocr)
    assert all(v["page"] == 1 and v["bbox"][1] >= top and v["bbox"][3] > max(b["bbox"][3] for b in from_text) for v in by_ocr)  # below the text table, in the picture
    [page] = result.coverage
    assert page["kind"] == "ruled" and page["coverage"] == 1.0 and page["reader"] == "ocr+pdfplumber-lattice,pdfplumber-lattice"
    assert "table_is_an_image" not in {w["check"] for w in result.warnings}


def test_the_generated_scan_has_its_cells_counted(scanned_sample):
    """A page read by OCR has a page_coverage row: its value-like cells counted from the recognised words."""
    result, _ = scanned_sample
    rows = {c["page"]: c for c in result.coverage}
    assert set(rows) == {1, 2} and all(c["kind"] == "ruled" and c["value_cells"] >= 10 and c["read"] > 0 for c in rows.values())
    assert result.document["value_cells"] == sum(c["value_cells"] for c in rows.values())


def _printed_line(text: str, above: str | None = None, bold: bool = False) -> np.ndarray:
    """A line of print (22 px Vera, about 7 pt at 216 dpi) on white, with the line above it when `above`."""
    from pathlib import Path

    import reportlab
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(Path(reportlab.__file__).parent / "fonts" / ("VeraBd.ttf" if bold else "Vera.ttf")), 22)
    img = Image.new("L", (int(font.getlength(text)) + 8, 90), 255)
    draw = ImageDraw.Draw(img)
    draw.text((4, 60), text, font=font, fill=0, anchor="ls")
    if above:
        draw.text((4, 34), above, font=font, fill=0, anchor="ls")
    return np.array(img)


def test_small_print_is_cut_into_its_words_in_a_generous_box_and_under_the_line_above():
    """The detector's box of a line of small print is tall for its letters, and may take in the descenders
    of the line above: the blanks between words are cut all the same (read before as "PPKSyangterlayan"),
    and a number's digits ("100%", "11") are not."""
    text = "Persentase PPKS yang terlayani"
    alone = _printed_line(text)
    rows = np.flatnonzero((alone < 128).any(axis=1))
    assert len(scan._word_spans(alone[rows[0] - 12 : rows[-1] + 13])) == 4  # a box half again as tall as the print
    under = _printed_line(text, above="jgjpqy" * 8)
    assert len(scan._word_spans(under[rows[0] - 6 : rows[-1] + 4])) == 4  # the descenders above along its top
    for number in ("100%", "15,82%", "11"):
        line = _printed_line(number)
        r = np.flatnonzero((line < 128).any(axis=1))
        assert len(scan._word_spans(line[r[0] - 12 : r[-1] + 13])) == 1


def test_a_numeral_of_upright_strokes_is_read_from_its_image():
    """The recogniser reads a lone "III" as nothing or '"': three strokes of a capital's height are III
    (a period's numeral: "Triwulan III"); a "1", with its flag and foot, is not a stroke."""
    def boxed(text):  # as the detector boxes a line
        line = _printed_line(text, bold=True)
        r = np.flatnonzero((line < 128).any(axis=1))
        return line[r[0] - 8 : r[-1] + 9]

    line = boxed("Triwulan III")
    rows = scan._ink_rows(line < 128)
    spans = scan._word_spans(line)
    assert len(spans) == 2 and scan._strokes(line[:, spans[1][0] : spans[1][1]], rows) == 3
    assert scan._strokes(line[:, spans[0][0] : spans[0][1]], rows) == 0
    one = boxed("1")
    assert scan._strokes(one, scan._ink_rows(one < 128)) == 0 and scan._strokes(boxed("I"), scan._ink_rows(boxed("I") < 128)) == 1
