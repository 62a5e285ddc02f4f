"""Coverage (issue 15): each table page's value-like cells, counted from the page without labels, and what
became of them. The classifier on hand-made pages; the instrument on generated documents whose coverage is
known (a table under a header no reader knows, one read half, one printed as an image, a page of prose) and
on the sample reports; the curated table, the warnings, the summary line and the bench."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from extractors.coverage import (
    PageSurvey,
    ValueRun,
    aligned_blocks,
    classify,
    drawn_like_a_table,
    page_coverage,
    value_like,
    value_runs,
)
from extractors.records import ExtractedBudgetLine, ExtractedTable, ExtractedValue, PageResult
from pipeline.devtools.bench.coverage import coverage_tables
from pipeline.devtools.samples.coverage import NAMES, write_coverage_fixtures
from pipeline.extract import extract_document
from pipeline.run import run_pipeline
from pipeline.settings import Settings
from pipeline.store import load_result, save_result
from schemas.tables import Documents, PageCoverage


# -- a hand-made page ------------------------------------------------------------------------------------
#   x:  40-60 No | 60-240 Indikator | 240-300 Satuan | 300-360 Target | 360-420 Realisasi | 420-480 (an unnamed column)
COLUMNS = [(40, 60, "no"), (60, 240, "indicator"), (240, 300, "unit"), (300, 360, "value"), (360, 420, "value"), (420, 480, "other")]
TABLE = ExtractedTable(3, "p3t1", (40, 100, 480, 300), "pdfplumber-lattice", 130.0, COLUMNS)


def run(text: str, x0: float, top: float, width: float = 20, before=None, after=None, numbering=False) -> ValueRun:
    return ValueRun(text, (x0, top, x0 + width, top + 8), before, after, numbering)


def value(x0: float, top: float) -> ExtractedValue:
    return ExtractedValue("Persentase PPKS", None, None, 2024, None, "target", 80.0, "80", "%", 3, (x0, top - 2, x0 + 60, top + 12), "pdfplumber-lattice", "p3t1")


def test_the_classifier_tells_read_skipped_and_unread_apart():
    read = [value(300, 150).bbox]
    totals = [(62, 250, 90, 258)]  # "Jumlah" in the indicator column of the row at 250
    cases = {
        "read": run("80", 320, 150),  # its box is a value's cell
        "skipped:header": run("2024", 320, 115),  # above the header's bottom
        "skipped:row_number": run("1", 45, 150, 8),  # under No
        "skipped:text": run("7-12", 150, 150, before=(120, 150, 146, 158)),  # "Usia 7-12 tahun", in the indicator column
        "unread": run("75", 380, 150),  # a realisasi cell nobody read: a miss
        "skipped:money": run("Rp 1.000.000", 370, 170, 45),  # money in a value column: the budget's, not a value
        "skipped:total": run("12.345", 320, 250),  # on the row whose first cell says Jumlah
    }
    for verdict, r in cases.items():
        assert classify(r, [TABLE], read, totals) == verdict, (verdict, r)
    # the unnamed column: a number among words is part of them, a bare one is a column of values not read
    assert classify(run("100%", 450, 200, before=(425, 200, 432, 208)), [TABLE], read, totals) == "skipped:text"
    assert classify(run("47%", 440, 180), [TABLE], read, totals) == "unread"
    assert classify(run("1.06.01", 430, 190), [TABLE], read, totals) == "skipped:code"


def test_a_table_whose_header_was_not_understood_is_unread_and_no_table_skips_anything():
    dropped = ExtractedTable(3, "p3t1", (40, 100, 480, 300), "pdfplumber-lattice", None, [])
    assert classify(run("2024", 320, 110), [dropped], [], []) == "unread"  # its header is not known to be one
    assert classify(run("672", 320, 150), [dropped], [], []) == "unread"
    assert classify(run("672", 320, 150), [], [], []) == "unread"  # an aligned block no reader found
    # but a number that is part of a name is no value, wherever it is
    assert classify(run("1", 45, 150, 8, before=(20, 150, 42, 158)), [dropped], [], []) == "skipped:text"  # "MISI 1"
    assert classify(run("1.1", 45, 150, 10, after=(58, 150, 62, 158), numbering=True), [], [], []) == "skipped:text"  # "1.1. Skor"
    assert classify(run("73", 320, 150, after=(342, 150, 348, 158)), [dropped], [], []) == "unread"  # "73 orang" is a value


def test_page_coverage_counts_cells_once_and_boxes_the_largest_unread_block():
    runs = [run("2024", 320, 115), run("2025", 380, 115)]  # header
    runs += [run(str(k + 1), 45, 150 + 20 * k, 8) for k in range(5)]  # row numbers
    runs += [run(f"{80 + k}", 320, 150 + 20 * k) for k in range(5)]  # targets, read
    runs += [run(f"{70 + k}", 380, 150 + 20 * k) for k in range(5)]  # realisasi, unread
    runs += [run("13", 302, 231, 6), run("6.924", 336, 231, 20)]  # more numbers in the one cell of the fifth row's target
    runs += [run("3", 20, 500)]  # outside every table region: a page number
    result = PageResult(3, values=[value(300, 150 + 20 * k) for k in range(5)], tables=[TABLE])
    cov = page_coverage(PageSurvey(3, ruled=True, runs=runs), result)
    assert (cov.kind, cov.read, cov.skipped, cov.unread) == ("ruled", 5, {"header": 2, "row_number": 5}, 5)
    assert cov.value_cells == 17 and cov.reader == "pdfplumber-lattice"
    assert cov.unread_bbox == (380, 150, 400, 238)
    budget = ExtractedBudgetLine(2024, "1.06.01", "Program", "program", 1e6, None, None, 3, "p3t1", value_boxes=[(360, 148, 420, 160)])
    assert page_coverage(PageSurvey(3, ruled=True, runs=runs), PageResult(3, tables=[TABLE], budget=[budget])).read == 1
    assert page_coverage(PageSurvey(3), PageResult(3)) is None  # no rules, no aligned numbers, no image: no table page
    image = page_coverage(PageSurvey(4, images=[(45, 80, 550, 250)]), PageResult(4))
    assert (image.kind, image.value_cells, image.unread_bbox) == ("image", 0, (45, 80, 550, 250))


# -- the page's text ---------------------------------------------------------------------------------------


def monospaced(text: str, char: float = 5.0, line: float = 12.0):
    """A char box for each index of `text`, set in a monospaced font from the top-left corner."""
    boxes, x, y = {}, 0.0, 0.0
    for i, c in enumerate(text):
        if c == "\n":
            x, y = 0.0, y + line
            continue
        boxes[i] = (x, y, x + char, y + 9)
        x += char
    return boxes.get


def test_value_runs_join_the_words_of_one_value():
    text = "Rp 15.061.828.880 dan 83, 60 lalu 19,55 % nilai B (60,05) Level 3\n1. Program 2.16.2.01\nTahun 2024 sebesar 7-12 tahun"
    runs, totals = value_runs(text, monospaced(text))
    assert [r.text for r in runs] == ["Rp 15.061.828.880", "83, 60", "19,55 %", "B (60,05)", "Level 3", "1", "2.16.2.01", "2024", "7-12"]
    one = runs[5]
    assert one.numbering and one.after is not None  # "1." before "Program"
    assert runs[7].before is not None  # "Tahun" before 2024
    assert totals == []
    t = "Jumlah 1.234 5.678\nJumlah penduduk miskin 12"
    _, totals = value_runs(t, monospaced(t))
    assert len(totals) == 1  # a total row's label; "Jumlah penduduk miskin" names an indicator


def test_what_looks_like_a_value():
    for text in ("1.576", "15,82", "19,55%", "Rp 1.000", "BB", "B (60,05)", "Level 3", "≥ 80", "80 s.d 85", "1.06.01"):
        assert value_like(text), text
    for text in ("Rp", "%", "Tahun", "75 80", "III", "-"):
        assert not value_like(text), text


def test_numbers_in_aligned_columns_make_a_block_and_numbers_in_sentences_do_not():
    rows = [run(v, x, 100 + 14 * k) for k in range(5) for v, x in ((str(k + 1), 40), (f"{60 + k},5", 300), (f"{70 + k}%", 380))]
    assert len(aligned_blocks(rows)) == 1
    sentences = [run(f"{k}", 50 + 37 * k, 100 + 14 * k, before=(30 + 37 * k, 100 + 14 * k, 48 + 37 * k, 108 + 14 * k)) for k in range(6)]
    assert aligned_blocks(sentences) == []  # one number a line, each right after a word


def test_an_image_drawn_like_a_table_is_told_from_a_chart():
    grid = np.zeros((300, 600), dtype=bool)
    grid[::50, :] = True
    grid[:, ::100] = True
    assert drawn_like_a_table(grid, 2.0)
    bars = np.zeros((300, 600), dtype=bool)
    for x in range(50, 600, 80):
        bars[100:, x : x + 30] = True  # thick bars
    bars[299, :] = True  # one axis
    assert not drawn_like_a_table(bars, 2.0)


# -- generated documents whose coverage is known -------------------------------------------------------


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory):
    """The coverage fixtures read without OCR (the table pasted as an image stays an image: with OCR it is
    read, `test_a_table_printed_as_an_image_is_read_by_ocr`), and a raw folder of them."""
    import extractors.ocr as ocr

    out = tmp_path_factory.mktemp("coverage")
    write_coverage_fixtures(out)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ocr, "_engine", lambda: None)
        results = {key: extract_document(out / name) for key, name in NAMES.items()}
    (out / NAMES["image"]).unlink()  # the pipeline's workers would read it by OCR (its own test)
    return results, out


def _checks(result) -> list[str]:
    return [w["check"] for w in result.warnings if w["table"] == "page_coverage"]


def test_a_table_under_an_unknown_header_is_unread_and_the_document_says_so(fixtures):
    result = fixtures[0]["unknown_header"]
    assert result.status == "ok" and not result.values
    [page] = result.coverage
    assert page["kind"] == "ruled" and page["value_cells"] >= 40 and page["coverage"] == 0
    assert sorted(_checks(result)) == ["document_unread", "page_coverage_low"]
    assert result.document["table_pages"] == 1 and result.document["value_cells_read"] == 0


def test_a_table_read_half_is_a_page_read_low(fixtures):
    result = fixtures[0]["half_read"]
    [page] = result.coverage
    assert 0.4 <= page["coverage"] <= 0.6 and page["read"] == len(result.values) == 16
    assert _checks(result) == ["page_coverage_low"]
    [low] = [w for w in result.warnings if w["check"] == "page_coverage_low"]
    assert "page 1: coverage 0.5" in low["message"] and "largest unread block at (" in low["message"]


def test_a_table_printed_as_an_image_is_an_image_page(fixtures):
    result = fixtures[0]["image"]
    [page] = result.coverage
    assert page["kind"] == "image" and page["page"] == 2 and page["value_cells"] == 0 and page["unread_bbox"]
    assert sorted(_checks(result)) == ["document_unread", "table_is_an_image"]


def test_a_table_printed_as_an_image_is_read_by_ocr(fixtures, tmp_path):
    """With the OCR package, the picture of a table under a text heading is OCR'd as its own area: its values
    come with extractor ocr, and its cells are counted from the words recognised."""
    pytest.importorskip("rapidocr_onnxruntime")
    write_coverage_fixtures(tmp_path)
    result = extract_document(tmp_path / NAMES["image"])
    [page] = result.coverage
    assert page["kind"] == "ruled" and page["page"] == 2 and page["value_cells"] >= 18 and page["coverage"] >= 0.9
    assert len(result.values) >= 15 and all(v["extractor"].startswith("ocr+") and v["page"] == 2 for v in result.values)
    assert result.document["ocr_pages"] == 1 and "table_is_an_image" not in _checks(result)


def test_a_page_of_prose_with_numbers_is_not_a_table_page(fixtures):
    result = fixtures[0]["prose"]
    assert result.coverage == [] and result.document["table_pages"] == 0 and _checks(result) == []


def test_the_sample_reports_are_mostly_read(sample_dir):
    results = [extract_document(p) for p in sorted(sample_dir.glob("*.pdf"))]
    pages = pd.DataFrame([c for r in results for c in r.coverage])
    assert (pages["read"] + pages["skipped"]).sum() / pages["value_cells"].sum() >= 0.9
    for r in results:
        on_table_pages = {c["page"] for c in r.coverage}
        assert {v["page"] for v in r.values} <= on_table_pages, r.document["source_file"]  # every value read is counted


# -- curated, cached, summarised, benched --------------------------------------------------------------


def test_coverage_is_curated_summarised_and_cached(fixtures, tmp_path):
    raw = fixtures[1]
    settings = Settings(raw_dir=raw, curated_dir=tmp_path / "curated", reports_dir=tmp_path / "reports", workers=2)
    summary = run_pipeline(settings)
    pages = pd.read_parquet(tmp_path / "curated" / "page_coverage.parquet")
    PageCoverage.validate(pages)
    docs = pd.read_parquet(tmp_path / "curated" / "documents.parquet").set_index("source_file")
    Documents.validate(docs.reset_index())
    assert docs.loc[NAMES["unknown_header"], "value_cells_read"] == 0 and docs.loc[NAMES["prose"], "table_pages"] == 0
    cells = int(pages["value_cells"].sum())
    line = summary.lines()[2]
    assert line.startswith("values written: 16 indicator values, 0 budget lines (coverage 0.") and f"of {cells} value-like cells)" in line
    manifest = json.loads((tmp_path / "curated" / "current" / "manifest.json").read_text())
    assert manifest["summary"]["value_cells"] == cells  # the no-change night says it too
    again = run_pipeline(settings)
    assert again.lines()[2] == line
    html = (tmp_path / "reports" / "validation.html").read_text()
    assert "value cells read" in html and "document_unread" in html

    result = fixtures[0]["half_read"]
    save_result(tmp_path / "cache", result, "v1")
    back = load_result(tmp_path / "cache", result.document["sha256"], "v1", result.document["source_file"])
    assert back.coverage == json.loads(json.dumps(result.coverage)) and back.document["value_cells"] == result.document["value_cells"]


def test_the_bench_tables_by_doc_type_and_worst_pages_first():
    documents = pd.DataFrame({"source_file": ["a.pdf", "b.pdf", "c.pdf"], "doc_type": ["LKIP", "LKIP", "IKI"], "value_cells": [30, 0, None]})
    pages = pd.DataFrame({
        "source_file": ["a.pdf", "a.pdf", "b.pdf"], "page": [1, 2, 3], "kind": ["ruled", "ruled", "image"],
        "value_cells": [20, 10, 0], "read": [10, 10, 0], "skipped": [5, 0, 0], "unread": [5, 0, 0],
        "coverage": [0.75, 1.0, None], "skipped_by_reason": ["header=5", None, None], "reader": ["pdfplumber-lattice"] * 2 + [None],
        "unread_bbox": [[1.0, 2.0, 3.0, 4.0], None, [5.0, 6.0, 7.0, 8.0]],
    })
    by_type, worst = coverage_tables(documents, pages)
    lkip = by_type.set_index("doc_type").loc["LKIP"]
    assert (lkip["documents"], lkip["table_pages"], lkip["value_cells"], lkip["coverage"]) == (2, 3, 30, 25 / 30)
    assert "IKI" not in set(by_type["doc_type"])  # not read page by page (a scan, a failure)
    assert list(zip(worst["file"], worst["page"])) == [("b.pdf", 3), ("a.pdf", 1), ("a.pdf", 2)]
    assert worst.loc[1, "unread_box"] == "(1, 2, 3, 4)"


def test_another_amount_of_a_budget_line_read_whole_is_money_and_of_a_line_read_half_unread():
    budget_table = ExtractedTable(5, "p5t1", (40, 100, 600, 300), "pdfplumber-lattice", None, [])
    survey = PageSurvey(5, ruled=True, runs=[run("2", 45, 150, 5), run("1.000.000", 300, 150, 40), run("900.000", 380, 150, 40),
                                             run("(100.000)", 460, 150, 40), run("90,00", 540, 150)])
    whole = ExtractedBudgetLine(2022, "5.1", "Belanja", "program", 1e6, 9e5, 90.0, 5, "p5t1",
                                value_boxes=[(295, 147, 345, 160), (375, 147, 425, 160), (535, 147, 565, 160)])
    cov = page_coverage(survey, PageResult(5, tables=[budget_table], budget=[whole]))
    assert (cov.read, cov.skipped, cov.unread) == (3, {"money": 1, "row_number": 1}, 0)  # the difference is no field of budget_lines
    half = ExtractedBudgetLine(2022, "5.1", "Belanja", "program", None, 9e5, 90.0, 5, "p5t1", value_boxes=[(375, 147, 425, 160), (535, 147, 565, 160)])
    cov = page_coverage(survey, PageResult(5, tables=[budget_table], budget=[half]))
    assert (cov.read, cov.unread) == (2, 2)  # its pagu missed: the amounts left on its row may be it


def test_a_number_grouped_in_thousands_is_no_code():
    other = ExtractedTable(3, "p3t1", (40, 100, 480, 300), "pdfplumber-lattice", 130.0, [(40, 240, "indicator"), (240, 480, "other")])
    assert classify(run("1.280", 300, 150), [other], [], []) == "unread"  # a target under a header not understood
    assert classify(run("1.06", 300, 150), [other], [], []) == "skipped:code"
    assert classify(run("2.16.2.01", 300, 150), [other], [], []) == "skipped:code"
