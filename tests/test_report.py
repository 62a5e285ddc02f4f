"""The reviewer's desk: validation.html, a page per document with crops and page views, the review queue,
findings.csv; the report of the published version (issue 18, item 6). PDFs are generated here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image

from pipeline.corrections import COLUMNS
from pipeline.devtools.samples import write_samples
from pipeline.devtools.samples.layout import Cell, Doc, H, Table
from pipeline.evidence import BOX_COLOUR, CROP_ABOVE_PT, CROP_LEFT_PT, CROP_SCALE
from pipeline.publish import results_to_frames, validate
from pipeline.report import doc_key, neutralised, render_report, write_desk
from pipeline.reportmark import PENDING, report_version
from pipeline.results import DocumentResult
from pipeline.run import run_pipeline
from pipeline.settings import Settings

# text a PDF may print that a browser would run, were it not escaped
HOSTILE = ("<script>document.title='pwned'</script>", "<img src=x onerror=\"document.title='pwned'\">", "javascript:document.title='pwned'")


def hostile_pdf(path: Path) -> Path:
    """A one-page LKIP whose indicator names are markup and a script link, with one number read by a guess
    ('1.576': thousands by Indonesian convention) and a name a spreadsheet would run as a formula."""
    d = Doc(path.name, "LKIP", footer="LKIP Dinas Sosial Kota Bekasi")
    d.new_page()
    d.text("LAPORAN KINERJA INSTANSI PEMERINTAH DINAS SOSIAL KOTA BEKASI TAHUN 2025", size=13, align="C", after=14)
    head = [[H("Indikator Kinerja"), H("Satuan"), H("Target 2025"), H("Realisasi 2025")]]
    rows = [[Cell(f"Persentase {h} penerima layanan {k}"), Cell("%", al="C"), Cell("80", al="C"), Cell("1.576" if k == 0 else "75", al="C")]
            for k, h in enumerate(HOSTILE)]
    rows.append([Cell('=HYPERLINK("http://x") Jumlah penerima'), Cell("Orang", al="C"), Cell("100", al="C"), Cell("90", al="C")])
    d.table(Table("hostile", [250, 60, 80, 80], head, rows, size=8), caption=("Tabel 3.1 Capaian Kinerja Tahun 2025",))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(d.save())
    return path


def settings_for(root: Path, **kw) -> Settings:
    """A run's folders under root, with a corrections file holding only its header (no corrections yet)."""
    root.mkdir(parents=True, exist_ok=True)
    if not (root / "corrections.csv").exists():
        (root / "corrections.csv").write_text(",".join(COLUMNS) + "\n")
    return Settings(raw_dir=root / "raw", curated_dir=root / "curated", reports_dir=root / "reports", workers=2,
                    corrections_file=root / "corrections.csv", **kw)


@pytest.fixture(scope="module")
def samples_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("desk")
    write_samples(root / "raw")
    settings = settings_for(root)
    summary = run_pipeline(settings)
    return root, settings, summary


def _doc_page(reports: Path, source_file: str) -> str:
    return (reports / "docs" / doc_key(source_file)).read_text()


def test_every_finding_has_its_crop_and_every_value_finding_its_line(samples_run):
    root, settings, summary = samples_run
    failures = pd.read_parquet(settings.curated_dir / "validation_failures.parquet")
    docs = pd.read_parquet(settings.curated_dir / "documents.parquet").set_index("source_file")
    index = (settings.reports_dir / "validation.html").read_text()
    assert f'content="{summary.run_id}"' in index and f"version {summary.run_id}" in index
    guesses = failures[failures["check"] == "number_needed_a_guess"]
    assert len(guesses) and guesses["bbox"].notna().all()  # the extractor's warnings carry the cell
    for name, rows in failures[failures["bbox"].notna()].groupby("source_file"):
        html = _doc_page(settings.reports_dir, name)
        assert f'href="docs/{doc_key(name)}"' in index
        crops = re.findall(r'<img class="crop" loading="lazy" src="\.\./img/([0-9a-f]{24}\.png)"', html)
        assert len(crops) == len(rows)  # one crop per finding with a cell
        assert all((settings.reports_dir / "img" / c).stat().st_size > 0 for c in crops)
        for f in rows[rows["table"] == "indicator_values"].itertuples():
            line = f"{docs.loc[name, 'sha256']},{f.page},{' '.join(f'{v:.2f}' for v in f.bbox)}"
            assert line in html  # the line to add names the file's bytes, the page and the cell
    html = _doc_page(settings.reports_dir, "bekasi_lkip_2025.pdf")
    assert re.search(r'<section id="page-3">', html) and 'class="box unread"' in html and 'class="box read"' in html


def test_a_crop_shows_the_cells_box_where_the_cell_is(samples_run):
    _, settings, _ = samples_run
    failures = pd.read_parquet(settings.curated_dir / "validation_failures.parquet")
    f = failures[failures["check"] == "number_needed_a_guess"].iloc[0]
    html = _doc_page(settings.reports_dir, f["source_file"])
    crop = re.search(rf'printed {re.escape(f["value"])}\).*?src="\.\./img/([0-9a-f]{{24}}\.png)"', html, re.S).group(1)
    image = Image.open(settings.reports_dir / "img" / crop).convert("RGB")
    x0, top, x1 = f["bbox"][0], f["bbox"][1], f["bbox"][2]
    left = max(0.0, x0 - CROP_LEFT_PT)  # the crop starts CROP_LEFT_PT left of the cell and CROP_ABOVE_PT above it
    y = (top - max(0.0, top - CROP_ABOVE_PT)) * CROP_SCALE
    x_mid = ((x0 + x1) / 2 - left) * CROP_SCALE
    edge = [image.getpixel((int(x_mid), int(y) + dy)) for dy in range(-3, 2)]
    assert BOX_COLOUR in edge  # the box is drawn on the cell's top edge
    assert image.getpixel((int((x0 - left) * CROP_SCALE) + 8, int(y) + 8)) != BOX_COLOUR  # inside it, the page


def test_images_are_content_addressed_and_written_once(samples_run, tmp_path):
    root, settings, _ = samples_run
    images = {p.name: p.stat().st_mtime_ns for p in (settings.reports_dir / "img").iterdir()}
    again = settings_for(root)  # the same tables, written again into the same folder: no image is drawn again
    from pipeline.report import write_report_of
    from pipeline.store import current_version

    write_report_of(current_version(again.curated_dir), "again", again.reports_dir, {p.name: p for p in (root / "raw").glob("*.pdf")})
    assert {p.name: p.stat().st_mtime_ns for p in (settings.reports_dir / "img").iterdir()} == images
    other = tmp_path / "reports"
    write_report_of(current_version(again.curated_dir), "again", other, {p.name: p for p in (root / "raw").glob("*.pdf")})
    assert sorted(p.name for p in (other / "img").iterdir()) == sorted(images)  # the same names for the same pictures
    assert report_version(other) == "again"


def test_every_image_drawn_is_one_a_page_links(samples_run):
    """The run starts drawing from the extraction's rows before the checks; what it draws is still exactly
    what the written pages show."""
    _, settings, _ = samples_run
    reports = settings.reports_dir
    pages = [*(reports / "docs").glob("*.html"), reports / "review_queue.html"]
    linked = {name for page in pages for name in re.findall(r'img/([0-9a-f]{24}\.png)', page.read_text())}
    drawn = {p.name for p in (reports / "img").iterdir()}
    assert linked and drawn == linked


def test_an_image_a_crash_cut_short_is_drawn_again(samples_run, tmp_path):
    """Images are not flushed one by one: one found on disk without a PNG's end is drawn again, the others
    are left as they are."""
    from pipeline.evidence import drawn
    from pipeline.report import write_report_of
    from pipeline.store import current_version

    root, settings, _ = samples_run
    sources = {p.name: p for p in (root / "raw").glob("*.pdf")}
    reports = tmp_path / "reports"
    write_report_of(current_version(settings.curated_dir), "v", reports, sources)
    images = sorted((reports / "img").iterdir())
    cut, emptied = images[0], images[1]
    whole = cut.read_bytes()
    cut.write_bytes(whole[: len(whole) // 2])
    emptied.write_bytes(b"")
    before = {p.name: p.stat().st_mtime_ns for p in images[2:]}
    assert not drawn(cut) and not drawn(emptied) and drawn(images[2])
    write_report_of(current_version(settings.curated_dir), "v", reports, sources)
    assert cut.read_bytes() == whole and drawn(emptied)
    assert {p.name: p.stat().st_mtime_ns for p in images[2:]} == before


def test_crops_cut_from_one_rendering_of_their_band_show_what_each_region_rendered_alone_shows(tmp_path):
    """Several cells of one page (neighbours, and one far below): each crop is its own region of the page
    with its box, as rendering that region alone shows it (but for antialiasing on the crop's outer pixels,
    where a lone rendering's clip edge falls)."""
    import numpy as np
    import pdfplumber
    import pypdfium2 as pdfium
    from PIL import ImageDraw

    from pipeline.evidence import BOX_WIDTH_PX, Wanted, bands, crop_region, render_document

    pdf = hostile_pdf(tmp_path / "cells.pdf")
    with pdfplumber.open(pdf) as doc:
        words = doc.pages[0].extract_words()
    cells = [w for w in words if w["text"] in ("80", "75", "90")] + [w for w in words if w["text"] == "LKIP"][-1:]  # the footer: far below
    boxes = [tuple(round(float(w[k]), 2) for k in ("x0", "top", "x1", "bottom")) for w in cells]
    rendered = render_document(pdf, "c" * 64, Wanted(crops={(1, b) for b in boxes}), tmp_path / "img")
    page = pdfium.PdfDocument(str(pdf))[0]
    width, height = page.get_size()
    view = render_document(pdf, "c" * 64, Wanted(pages={1}), tmp_path / "img").pages[1]
    regions = [crop_region(view, b) for b in boxes]
    assert 2 <= len(bands(regions)) < len(boxes)  # the table's cells share a band, the footer has its own
    for box, region in zip(boxes, regions):
        left, upper, right, lower = region
        alone = page.render(scale=CROP_SCALE, crop=(left, height - lower, width - right, upper), grayscale=True).to_pil()
        alone = alone.point([min(v, 254) for v in range(256)]).convert("RGB")
        s = CROP_SCALE
        ImageDraw.Draw(alone).rectangle([(box[0] - left) * s - 2, (box[1] - upper) * s - 2, (box[2] - left) * s + 2, (box[3] - upper) * s + 2],
                                        outline=BOX_COLOUR, width=BOX_WIDTH_PX)
        crop = Image.open(tmp_path / "img" / rendered.crops[(1, box)]).convert("RGB")
        assert crop.size == alone.size
        a, b = np.asarray(crop).astype(int), np.asarray(alone).astype(int)
        assert np.array_equal(a[1:-1, 1:-1], b[1:-1, 1:-1])


def test_a_cell_box_off_its_page_gets_no_crop_and_the_rest_are_drawn(tmp_path):
    from pipeline.evidence import Wanted, render_document

    pdf = hostile_pdf(tmp_path / "off.pdf")
    off, on = (100.0, 5000.0, 140.0, 5012.0), (100.0, 200.0, 140.0, 212.0)
    rendered = render_document(pdf, "o" * 64, Wanted(pages={1}, crops={(1, off), (1, on)}), tmp_path / "img")
    assert rendered.error is None and list(rendered.crops) == [(1, on)] and 1 in rendered.pages
    assert len(list((tmp_path / "img").iterdir())) == 2


def test_bands_join_regions_close_enough_to_render_once():
    from pipeline.evidence import BAND_GAP_PT, bands

    regions = [(0, 300, 400, 372), (100, 100, 500, 172), (0, 172 + BAND_GAP_PT, 300, 260), (0, 600, 200, 640)]
    assert bands(regions) == [((0, 100, 500, 372), [1, 2, 0]), ((0, 600, 200, 640), [3])]


def test_the_document_page_escapes_pdf_text_and_neutralises_findings_csv(tmp_path):
    settings = settings_for(tmp_path)
    hostile_pdf(settings.raw_dir / "hostile.pdf")
    run_pipeline(settings)
    html = _doc_page(settings.reports_dir, "hostile.pdf")
    for h in HOSTILE[:2]:
        assert h not in html
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in html
    assert 'href="javascript' not in html and "<script>" not in html
    assert 'script-src \'self\'' in html  # and the browser would run no inline script anyway
    findings = pd.read_csv(settings.reports_dir / "findings.csv", keep_default_na=False)
    assert findings["line_to_add"].str.len().gt(64).all()
    hostile_values = pd.DataFrame({"name_a": ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tx", "plain"]})
    assert hostile_values["name_a"].map(neutralised).tolist() == ["'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)", "'\tx", "plain"]
    queue = pd.read_csv(settings.reports_dir / "review_queue.csv", keep_default_na=False)
    for column in queue.columns:  # no cell of any CSV the report writes starts a formula
        assert not queue[column].astype(str).str.match(r"^[=+\-@\t\r]").any()
    for column in findings.columns:
        assert not findings[column].astype(str).str.match(r"^[=+\-@\t\r]").any()


def test_the_index_lists_documents_and_their_checks_filterably():
    docs = pd.DataFrame([
        {"source_file": f, "sha256": c * 64, "doc_type": t, "agency": None, "region": None, "year_from": 2024, "year_to": 2024,
         "pages": 9, "status": "ok", "error": None} for f, c, t in (("b.pdf", "b", "IKI"), ("a.pdf", "a", "LKIP"))
    ])
    failure = {"table": "indicator_values", "column": None, "message": "m (x)", "bbox": None}
    failures = pd.DataFrame([
        {**failure, "source_file": "a.pdf", "page": 7, "check": "one_unit_per_indicator", "value": "printed-a7", "severity": "warning"},
        {**failure, "source_file": "b.pdf", "page": 2, "check": "year_known", "value": "printed-b2", "severity": "error"},
        {**failure, "source_file": "a.pdf", "page": 3, "check": "one_unit_per_indicator", "value": "printed-a3", "severity": "warning"},
        {**failure, "source_file": None, "page": None, "check": "whole_table", "value": "t", "severity": "error"},
    ]).astype({"page": "Int64"})
    html = render_report(docs, pd.DataFrame(columns=["source_file"]), failures, version="v1")
    a, b = html.index(">a.pdf</a>"), html.index(">b.pdf</a>")
    assert a < b  # by source_file
    row_a = html[html.rindex("<tr", 0, a): html.index("</tr>", a)]
    assert 'data-doctype="LKIP" data-check="one_unit_per_indicator" data-severity="warning"' in row_a
    assert "one_unit_per_indicator</a> (2)" in row_a and "<td>0</td><td>0</td><td>2</td>" in row_a  # values, errors, warnings
    assert "whole_table" in html[html.index("Findings about no one document"):]
    assert '<option>year_known</option>' in html and '<option>IKI</option>' in html


def test_a_no_change_night_writes_the_report_into_a_new_folder_naming_its_version(samples_run, tmp_path):
    root, settings, first = samples_run
    fresh = Settings(**{**settings.__dict__, "reports_dir": tmp_path / "new-reports"})
    summary = run_pipeline(fresh)
    assert summary.unchanged == 4 and summary.new == 0
    manifest = json.loads((settings.curated_dir / "current" / "manifest.json").read_text())
    assert manifest["run_id"] == summary.run_id and manifest["tables_of"] == first.run_id
    assert report_version(fresh.reports_dir) == first.run_id  # the version whose tables it shows
    assert len(list((fresh.reports_dir / "docs").iterdir())) == 4
    for f in ("review_queue.csv", "findings.csv"):  # written again from the version's own tables and queue: the same
        assert (fresh.reports_dir / f).read_bytes() == (settings.reports_dir / f).read_bytes()


def test_a_report_cut_short_never_leaves_the_old_report_beside_new_data(tmp_path):
    settings = settings_for(tmp_path)
    hostile_pdf(settings.raw_dir / "hostile.pdf")
    first = run_pipeline(settings)
    hostile_pdf(settings.raw_dir / "second.pdf")
    (settings.reports_dir / "docs").rename(tmp_path / "docs-moved")
    (settings.reports_dir / "docs").write_text("a file where the report's folder goes: writing the report fails")
    with pytest.raises(OSError):
        run_pipeline(settings)
    manifest = json.loads((settings.curated_dir / "current" / "manifest.json").read_text())
    assert manifest["run_id"] != first.run_id and "second.pdf" in manifest["documents"]  # the new data is published
    assert report_version(settings.reports_dir) == PENDING + manifest["run_id"]  # the old report is gone, not shown
    assert not (settings.reports_dir / "review_queue.csv").exists()
    (settings.reports_dir / "docs").unlink()
    again = run_pipeline(settings)  # nothing new: the report of the current tables is written
    assert again.new == 0 and report_version(settings.reports_dir) == manifest["run_id"]
    assert "second.pdf" in (settings.reports_dir / "validation.html").read_text()


def test_the_review_queue_shows_where_both_names_are_printed(samples_run):
    _, settings, _ = samples_run
    queue = pd.read_csv(settings.reports_dir / "review_queue.csv")
    html = (settings.reports_dir / "review_queue.html").read_text()
    assert len(queue) >= 1  # the samples hold a pair in the review band (PPKS in DTKS, one name adding "terdaftar")
    crops = re.findall(r'src="img/([0-9a-f]{24}\.png)" alt="where name (A|B) is printed"', html)
    assert len(crops) == 2 * len(queue) and all((settings.reports_dir / "img" / c).stat().st_size > 0 for c, _ in crops)


def test_write_desk_with_no_documents_writes_an_empty_report(tmp_path):
    frames = validate(results_to_frames([]))
    path = write_desk(frames, pd.DataFrame(), "v0", tmp_path, {})
    assert report_version(tmp_path) == "v0" and "0 documents" in path.read_text()


def test_a_document_that_failed_gets_its_page_with_its_reason(tmp_path):
    from pipeline.results import document_row

    res = DocumentResult(document_row(Path("broken.pdf"), "c" * 64, None, None, "failed", "not a PDF: <b>bad</b> header"))
    frames = validate(results_to_frames([res]))
    write_desk(frames, pd.DataFrame(), "v1", tmp_path, {})
    html = _doc_page(tmp_path, "broken.pdf")
    assert "not a PDF: &lt;b&gt;bad&lt;/b&gt; header" in html and "No page was read as a table." in html


def test_boxes_land_on_their_text_when_the_mediabox_is_not_at_the_origin(tmp_path):
    """A real report's MediaBox starts at (-8.4, 8.4): pdfplumber's top is the MediaBox's height less y, pdfium
    shows the CropBox from its corner. A word's box from pdfplumber must land on pdfium's own box of it."""
    import pdfplumber
    import pypdfium2 as pdfium

    from pipeline.evidence import Wanted, render_document

    doc = pdfium.PdfDocument(str(hostile_pdf(tmp_path / "plain.pdf")))
    page = doc[0]
    w, h = page.get_size()
    page.set_mediabox(-8.4, 8.4, w - 8.4, h + 8.4)
    page.set_cropbox(20, 30, w - 30, h - 10)  # and a CropBox smaller than the page
    moved = tmp_path / "moved.pdf"
    doc.save(str(moved))
    with pdfplumber.open(moved) as pdf:
        word = next(x for x in pdf.pages[0].extract_words() if x["text"] == "Realisasi")
    view = render_document(moved, "m" * 64, Wanted(pages={1}), tmp_path).pages[1]
    shown = pdfium.PdfDocument(str(moved))[0]
    text = shown.get_textpage()
    i = text.get_text_range().index("Realisasi")
    left, _, _, top = text.get_charbox(i)
    cl, _, _, ct = shown.get_cropbox()
    placed = view.place((word["x0"], word["top"], word["x1"], word["bottom"]))
    assert placed["left"] == pytest.approx(100 * (left - cl) / view.width, abs=0.3)  # within a fraction of a point
    assert placed["top"] == pytest.approx(100 * (ct - top) / view.height, abs=0.5)
