"""Exports in a real Chromium against a real `streamlit run` server, checked by the files.

A teacher clicks "Download chart → PNG" and gets a print-resolution image; clicks "Report (PDF)"
and "Report (HTML)" and gets files holding the article's actors; saves the analysis bundle,
analyses something else, opens the bundle and sees the saved article again. The HTML report is
then opened with the network cut off: its charts still draw.
"""

from __future__ import annotations

import html
import io
import re
import struct
from pathlib import Path
from typing import Any

import pypdf
import pytest
from playwright.sync_api import expect

from analysis.present.bundle import read_bundle

pytestmark = pytest.mark.browser

LOAD = 90_000  # ms: the first page view of a session loads the spaCy model
EXPORT = 60_000  # ms: the first PNG of a server process starts the kaleido browser
MAIN = ".st-key-analyze-article .fl-main"
STANCE = ".st-key-analyze-chart-stance"
SEED_ACTORS = ("Jens Stoltenberg", "Maria Zakharova", "Antony Blinken", "Belarus")
SCRIPT_SRC = re.compile(r"<script[^>]*\bsrc\s*=", re.IGNORECASE)
OTHER = (
    "Belarus President Alexander Lukashenko claimed on Thursday that the exercises were purely "
    "defensive. European Union foreign policy chief Josep Borrell said the bloc was watching."
)


def open_analyze(page: Any, app_server: str) -> None:
    """Open the Analyze page and wait for the seed article's charts."""
    page.goto(f"{app_server}/analyze")
    page.wait_for_selector(f"{STANCE} .js-plotly-plot .main-svg", timeout=LOAD)


def button(page: Any, key: str, label: str) -> Any:
    """The button labelled ``label`` inside the widget with CSS key class ``key``."""
    return page.locator(f".st-key-{key}").get_by_role("button", name=label)


def download(page: Any, button: Any, tmp_path: Path, timeout: int = EXPORT) -> Path:
    """Click a download button and return the saved file."""
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=timeout) as info:
        button.click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path


def test_chart_png_download_has_print_resolution(
    page: Any, app_server: str, tmp_path: Path
) -> None:
    open_analyze(page, app_server)
    page.locator(".st-key-analyze-chart-stance-download button").first.click()
    png = download(page, button(page, "analyze-chart-stance-download-png", "PNG (print)"), tmp_path)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width == 900 * 3  # the chart's 900 px layout width at 3x: 300 dpi over 9 inches
    assert height >= 3 * 200
    # Named after what it shows: the article, then the chart ("…-distancing-by-actor.png").
    assert png.name.endswith("-distancing-by-actor.png")
    article = png.name.removesuffix("-distancing-by-actor.png")
    assert article and not article.startswith("how-each-actor")
    assert re.fullmatch(r"[a-z0-9-]{1,60}", article)
    page.keyboard.press("Escape")
    page.locator(".st-key-analyze-actors_table-download button").first.click()
    csv = download(page, button(page, "analyze-actors_table-download-csv", "CSV"), tmp_path)
    assert csv.name == f"{article}-actors.csv"  # the table's own name, not always actors.csv
    assert "Jens Stoltenberg" in csv.read_text("utf-8")


def test_report_downloads_hold_the_article(page: Any, app_server: str, tmp_path: Path) -> None:
    open_analyze(page, app_server)
    pdf = download(page, button(page, "analyze-report-pdf", "Report (PDF)"), tmp_path)
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    assert len(reader.pages) >= 6
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for name in SEED_ACTORS:
        assert name in text
    assert "Method notes" in text
    assert pdf.name.endswith("-report.pdf")

    html_file = download(page, button(page, "analyze-report-html", "Report (HTML)"), tmp_path)
    page_html = html_file.read_text(encoding="utf-8")
    assert not SCRIPT_SRC.search(page_html)
    for name in SEED_ACTORS:
        assert name in page_html

    # Opened with every network request refused, the report's charts still draw.
    offline = page.context.browser.new_context()
    requested: list[str] = []

    def refuse(route: Any) -> None:
        requested.append(route.request.url)
        route.abort()

    offline.route(re.compile(r"^(https?|wss?)://"), refuse)
    view = offline.new_page()
    view.goto(html_file.as_uri())
    expect(view.locator(".js-plotly-plot .main-svg").first).to_be_visible()
    assert view.locator(".js-plotly-plot").count() == page_html.count("Plotly.newPlot(")
    expect(view.locator("#actors")).to_contain_text("Jens Stoltenberg")
    offline.close()
    assert requested == []


def test_bundle_saves_and_restores_the_view(page: Any, app_server: str, tmp_path: Path) -> None:
    open_analyze(page, app_server)
    bundle_file = download(page, button(page, "analyze-bundle", "Analysis bundle (.zip)"), tmp_path)
    saved = read_bundle(bundle_file)
    assert saved.analyses[0].actor("Jens Stoltenberg") is not None

    page.get_by_text("Analyse your own article").click()
    page.locator(".st-key-analyze-text textarea").fill(OTHER)
    page.locator(".st-key-analyze-run button").click()
    expect(page.locator(MAIN).first).to_contain_text("Lukashenko claimed", timeout=LOAD)

    uploader = page.locator(".st-key-analyze-bundle_upload input[type=file]")
    uploader.set_input_files(str(bundle_file))
    expect(page.locator(MAIN).first).to_contain_text(
        "Jens Stoltenberg claimed that Russia", timeout=LOAD
    )
    expect(page.get_by_text(f"Opened {bundle_file.name}")).to_be_visible()
    marks = page.locator(f'{MAIN} mark[data-kind="attribution"]')
    assert marks.count() == len(saved.analyses[0].markers_of(kind="attribution"))


def test_a_damaged_bundle_gets_a_message_and_the_view_stays(
    page: Any, app_server: str, tmp_path: Path
) -> None:
    open_analyze(page, app_server)
    bad = tmp_path / "broken.zip"
    bad.write_bytes(b"this is not a zip file")
    page.locator(".st-key-analyze-bundle_upload input[type=file]").set_input_files(str(bad))
    expect(page.get_by_text("broken.zip: this file is not a .zip analysis bundle")).to_be_visible(
        timeout=LOAD
    )
    expect(page.locator(MAIN).first).to_contain_text("Jens Stoltenberg claimed that Russia")


def test_compare_page_report_holds_every_outlet(page: Any, app_server: str, tmp_path: Path) -> None:
    page.goto(f"{app_server}/compare")
    page.wait_for_selector(".st-key-compare-heatmap .js-plotly-plot .main-svg", timeout=LOAD)
    page.get_by_text("Export: the report (HTML, PDF)").click()
    bundle_button = button(page, "compare-bundle", "Analysis bundle (.zip)")
    saved = read_bundle(download(page, bundle_button, tmp_path))
    assert saved.kind == "comparison"
    outlets = {lab["outlet"] for lab in saved.labels}
    assert len(outlets) >= 2
    report = download(page, button(page, "compare-report-html", "Report (HTML)"), tmp_path)
    text = report.read_text(encoding="utf-8")
    assert not SCRIPT_SRC.search(text)
    assert "Framing by outlet:" in text
    for outlet in outlets:
        assert html.escape(outlet) in text
    assert text.count("Plotly.newPlot(") >= 4  # the Compare page's charts
