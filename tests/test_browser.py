"""The report in a real browser: headless Chromium (Debian's `chromium`, driven by playwright) loads
validation.html, follows a link to a document page, sees the crop of a finding load, filters, and runs nothing a
PDF printed (`<script>`, `onerror=`, `javascript:` text inside a generated PDF)."""

from __future__ import annotations

import shutil

import pytest
from test_report import HOSTILE, hostile_pdf, settings_for

from pipeline.run import run_pipeline

CHROMIUM = shutil.which("chromium")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (requirements.lock has it)")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH (Debian's chromium package; .ci/run installs it)")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    settings = settings_for(tmp_path_factory.mktemp("browser"))
    hostile_pdf(settings.raw_dir / "hostile.pdf")
    run_pipeline(settings)
    return settings.reports_dir


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


def test_from_the_report_to_the_crop_of_a_finding_and_nothing_from_the_pdf_runs(report, browser):
    page = browser.new_page()
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((report / "validation.html").as_uri())
    assert page.title().startswith("validation report")
    page.click("text=hostile.pdf")  # the document's page
    page.wait_for_load_state("load")
    assert page.url.endswith(".html") and "/docs/" in page.url
    crop = page.locator("img.crop").first
    crop.scroll_into_view_if_needed()  # lazy-loaded: it loads when it comes into view
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=crop.element_handle(), timeout=10_000)
    assert crop.evaluate("img => img.naturalWidth") > 0
    crop.click()  # the whole page, the values read outlined
    assert page.url.endswith("#page-1") and page.locator("#page-1 .box.read").count() >= 6

    for h in HOSTILE:  # the PDF's text is shown as text, and does nothing
        assert page.get_by_text(h.split(" ")[0] if h.startswith("javascript") else h, exact=False).count() >= 1
    assert page.title() != "pwned" and not dialogs and not errors
    assert page.locator("script:not([src])").count() == 0 and page.locator("[onerror]").count() == 0
    assert page.evaluate("[...document.querySelectorAll('a[href]')].filter(a => a.href.startsWith('javascript')).length") == 0
    page.locator("a.box.read").first.click()  # a box links to its row of the table, not anywhere a PDF said
    assert "#v" in page.url and page.title() != "pwned"


def test_the_filters_hide_what_is_not_chosen(report, browser):
    page = browser.new_page()
    page.goto((report / "validation.html").as_uri())
    rows = page.locator("tr[data-row]")
    assert rows.count() == 1 and rows.first.is_visible()
    page.select_option('select[data-filter="check"]', "number_needed_a_guess")
    assert rows.first.is_visible()
    page.select_option('select[data-filter="doctype"]', index=0)
    page.select_option('select[data-filter="severity"]', "error")  # the document has warnings only
    assert not rows.first.is_visible()
