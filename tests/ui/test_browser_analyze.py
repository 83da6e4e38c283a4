"""The Analyze page in a real Chromium against a real `streamlit run` server.

What a teacher does: open the shared /analyze link and see the seed's highlights; paste another
article and see new highlights and charts; paste markup and see it literally (nothing runs);
upload a .txt and a .pdf.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.screenshots import screenshot_path

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = screenshot_path("analyze.png")
LOAD = 90_000  # ms: the very first page view of a session loads the spaCy model
MAIN = ".st-key-analyze-article .fl-main"
MARKS = f"{MAIN} mark[data-marker]"

OTHER = (
    "Belarus President Alexander Lukashenko claimed on Thursday that the exercises were purely "
    "defensive. European Union foreign policy chief Josep Borrell said the bloc was watching "
    "closely, and NATO confirmed that more troops had arrived. Lukashenko insisted that nobody "
    'was threatened. Borrell told reporters the alleged "drills" looked like a build-up.'
)


def open_analyze(page: Any, app_server: str) -> None:
    """Open the shared link and wait for the highlighted article and the charts."""
    page.goto(f"{app_server}/analyze")
    page.wait_for_selector(MARKS, timeout=LOAD)
    wait_for_result(page, "Jens Stoltenberg claimed that Russia")
    page.wait_for_selector(".st-key-analyze-chart-stance .js-plotly-plot .main-svg")


def wait_for_result(page: Any, text: str) -> None:
    """Wait until the script run is over and the highlighted article contains ``text``.

    While a run is under way Streamlit keeps the previous elements on screen (marked stale) next
    to the new ones; once it is over only the new ones remain.
    """
    page.wait_for_function(
        """([sel, text]) => {
            const app = document.querySelector('[data-testid="stApp"]');
            return app && app.dataset.testScriptState === "notRunning"
                && [...document.querySelectorAll(sel)].some(e => e.innerText.includes(text));
        }""",
        arg=[MAIN, text],
        timeout=LOAD,
    )


def paste_and_analyze(page: Any, text: str, shows: str) -> None:
    """Open the input panel, replace the text, click Analyze, wait until ``shows`` is shown."""
    page.get_by_text("Analyse your own article").click()
    box = page.locator(".st-key-analyze-text textarea")
    box.fill(text)
    page.locator(".st-key-analyze-run button").click()
    wait_for_result(page, shows)


def test_shared_link_shows_the_seed_highlights_and_charts(page: Any, app_server: str) -> None:
    open_analyze(page, app_server)
    # The app's own navigation ran (not Streamlit's legacy pages/ mode), even on a fresh server.
    expect(page.get_by_test_id("stSidebarNav")).to_contain_text("Analyze an article")
    main = page.locator(MAIN)
    expect(main).to_contain_text("Jens Stoltenberg claimed that Russia")
    claimed = main.locator('mark[data-kind="attribution"][data-category="distancing"]')
    assert claimed.count() >= 3
    expect(claimed.first).to_have_text("claimed")
    title = claimed.first.get_attribute("title")
    assert title is not None
    assert "Source:" in title
    for kind in ("attribution", "quote", "scare_quote", "doubt"):
        assert main.locator(f'mark[data-kind="{kind}"]').count() >= 1, kind
    # Marks are visibly highlighted (the stylesheet survived Streamlit's HTML sanitiser).
    colour = page.eval_on_selector(
        f'{MAIN} mark[data-kind="scare_quote"]', "m => getComputedStyle(m).backgroundColor"
    )
    assert colour == "rgb(253, 227, 167)"
    expect(page.locator(".js-plotly-plot")).to_have_count(3)
    expect(page.locator(".st-key-analyze-chart-stance")).to_contain_text("distancing")

    # The README screenshot: what a new user sees first.
    page.set_viewport_size({"width": 1400, "height": 1250})
    page.locator(".st-key-analyze-chart-markers .js-plotly-plot .main-svg").first.wait_for()
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 50_000


def test_paste_another_article_shows_new_marks_and_a_chart(page: Any, app_server: str) -> None:
    open_analyze(page, app_server)
    paste_and_analyze(page, OTHER, shows="Lukashenko insisted that nobody")
    main = page.locator(MAIN)
    expect(main).not_to_contain_text("Stoltenberg")
    distancing = main.locator('mark[data-kind="attribution"][data-category="distancing"]')
    expect(distancing.first).to_be_visible()
    assert {distancing.nth(i).inner_text() for i in range(distancing.count())} >= {
        "claimed",
        "insisted",
    }
    stance = page.locator(".st-key-analyze-chart-stance")
    expect(stance.locator(".js-plotly-plot .main-svg").first).to_be_visible()
    expect(stance).to_contain_text("Lukashenko")


def test_pasted_markup_is_shown_literally_and_runs_nothing(page: Any, app_server: str) -> None:
    open_analyze(page, app_server)
    evil = (
        OTHER
        + ' <script>alert("script ran")</script> <img src=x onerror="window.__pwned=1;'
        + "alert('img ran')\"> <b>bold?</b> Borrell said."
    )
    paste_and_analyze(page, evil, shows='<script>alert("script ran")</script>')
    main = page.locator(MAIN)
    expect(main).to_contain_text("<img src=x onerror=")
    expect(main).to_contain_text("<b>bold?</b>")
    assert main.locator("script, img, b").count() == 0
    assert page.evaluate("() => window.__pwned") is None
    assert page.dialogs == []


def test_upload_a_txt_and_a_pdf(
    page: Any,
    app_server: str,
    make_pdf: Callable[..., bytes],
    wrap: Callable[..., list[str]],
    app_idle: Callable[..., None],
) -> None:
    pdf_text = (ROOT / "sample_articles" / "meridian-wire-nato-battlegroups.txt").read_text(
        encoding="utf-8"
    )
    pdf_lines = wrap(pdf_text)[:48]  # one page
    open_analyze(page, app_server)
    page.get_by_text("Analyse your own article").click()
    page.locator(".st-key-analyze-source").get_by_text("Upload files").click()
    page.locator(".st-key-analyze-files input[type=file]").set_input_files(
        [
            {"name": "drills.txt", "mimeType": "text/plain", "buffer": OTHER.encode()},
            {"name": "groups.pdf", "mimeType": "application/pdf", "buffer": make_pdf(pdf_lines)},
        ]
    )
    # The script has seen both files (it lists them), and is idle before we click.
    expect(page.locator(".st-key-analyze-files_ready")).to_contain_text("drills.txt, groups.pdf")
    app_idle(page)
    page.locator(".st-key-analyze-run button").click()

    chooser = page.locator(".st-key-analyze-current")
    wait_for_result(page, "Lukashenko insisted")
    expect(chooser).to_contain_text("2 articles analysed")
    chooser.get_by_role("combobox").click()
    page.get_by_role("option", name="groups.pdf").click()
    wait_for_result(page, " ".join(pdf_lines[1].split()[:4]))
    main = page.locator(MAIN)
    expect(main.locator('mark[data-kind="attribution"]').first).to_be_visible()


def test_paste_replaces_the_sample_and_gets_its_own_address(
    page: Any, browser: Any, app_server: str
) -> None:
    open_analyze(page, app_server)
    page.get_by_text("Analyse your own article").click()
    box = page.locator(".st-key-analyze-text textarea")
    expect(box).to_have_value("")  # the box starts empty: nothing to paste into by mistake
    box.fill("Drills in Belarus alarm the alliance\n\n" + OTHER)
    page.locator(".st-key-analyze-run button").click()
    wait_for_result(page, "Lukashenko insisted that nobody")
    main = page.locator(MAIN)
    expect(main).not_to_contain_text("Stoltenberg")
    heading = page.get_by_role("heading", name="Drills in Belarus alarm the alliance")
    expect(heading).to_be_visible()
    expect(heading).not_to_contain_text("Seed article")  # no outlet unless one is given
    page.wait_for_url("**/analyze?article=*")
    address = page.url

    # The address opened in a fresh browser context (another student, or after a restart of the
    # browser) shows the same article.
    other = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        fresh = other.new_page()
        fresh.goto(address)
        wait_for_result(fresh, "Lukashenko insisted that nobody")
        expect(fresh.locator(MAIN)).not_to_contain_text("Stoltenberg")
        expect(
            fresh.get_by_role("heading", name="Drills in Belarus alarm the alliance")
        ).to_be_visible()
        assert fresh.url == address
    finally:
        other.close()

    page.reload()  # a reload keeps the article too
    wait_for_result(page, "Lukashenko insisted that nobody")


PANEL = "el => { const s = getComputedStyle(el, '::after'); return [s.content, s.position]; }"


def test_explanation_opens_by_click_and_by_keyboard(page: Any, app_server: str) -> None:
    open_analyze(page, app_server)
    claimed = page.locator(f'{MAIN} mark[data-category="distancing"]').first
    content, position = claimed.evaluate(PANEL)
    assert content == "none"  # closed
    claimed.click()
    content, position = claimed.evaluate(PANEL)
    assert "Claimed" in content and "Source:" in content
    assert position == "fixed"  # the large panel at the foot of the screen
    size = claimed.evaluate("el => getComputedStyle(el, '::after').fontSize")
    assert float(size.removesuffix("px")) >= 20  # readable on a projector
    page.get_by_role("heading", name="Analyze an article").click()  # elsewhere: it closes
    assert claimed.evaluate(PANEL)[0] == "none"

    # Keyboard: Tab moves from one mark to the next and opens it; Enter keeps it open.
    first = page.locator(f'{MAIN} mark[data-marker="0"]')
    first.focus()
    assert "Alleged" in first.evaluate(PANEL)[0]
    page.keyboard.press("Tab")
    focused = page.evaluate_handle("() => document.activeElement")
    assert page.evaluate("el => el.tagName + ':' + el.dataset.marker", focused) == "MARK:1"
    page.keyboard.press("Enter")
    content = page.evaluate("el => getComputedStyle(el, '::after').content", focused)
    assert "Quote marks" in content  # the scare quote "threat"
    assert first.evaluate(PANEL)[0] == "none"
