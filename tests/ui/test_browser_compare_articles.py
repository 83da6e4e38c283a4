"""Compare's "Single articles" mode in a real Chromium at 1280 px: long article titles as the
heat map's columns wrap on two lines instead of being cut by the figure's edge, stay clear of
the title, and the hover keeps the whole title."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from analysis.library.store import Library
from tests.library.test_query import analysis_of
from tests.present.test_chart_layout import BOXES, overlap
from tests.screenshots import screenshot_path

pytestmark = pytest.mark.browser

LOAD = 120_000
TITLES = (
    "Quintana says the eastern expansion of the alliance threatens regional security badly",
    "Ortega urges allies to speed up deliveries of air defence systems before the winter",
    "Quintana and Ortega agree on a new package of sanctions against the northern banks",
)


def test_long_article_titles_wrap_and_stay_inside_the_heat_map(
    page: Any, app_server: str, app_server_dir: Path, app_idle: Any
) -> None:
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto(f"{app_server}/library")  # the first visit seeds the library
    expect(page.get_by_role("heading", name="Library")).to_be_visible(timeout=LOAD)
    with Library(app_server_dir / "library.sqlite") as lib:
        texts = [f"{t}. Zorba Quintana claimed it; Ximena Ortega alleged it." for t in TITLES]
        ids = [
            lib.add(text, title=t, outlet="Browser Articles", date="2024-07-01",
                    analysis=analysis_of(text, {"Zorba Quintana": 3 + i, "Ximena Ortega": 4})).id
            for i, (t, text) in enumerate(zip(TITLES, texts, strict=True))
        ]  # fmt: skip
    page.goto(f"{app_server}/compare")
    page.get_by_text("Single articles").click()
    app_idle(page, timeout=LOAD)
    picker = page.locator(".st-key-compare-articles input")
    for i in ids:
        picker.click()
        picker.fill(f"#{i} ")
        page.keyboard.press("Enter")
        app_idle(page, timeout=LOAD)
    page.keyboard.press("Escape")
    app_idle(page, timeout=LOAD)
    # The chart redraws as the picks change: wait for one plot with the three articles.
    page.wait_for_function(
        "() => { const p = document.querySelectorAll('.st-key-compare-heatmap .js-plotly-plot');"
        " return p.length === 1 && p[0].querySelectorAll('.xtick text').length === 3; }",
        timeout=LOAD,
    )
    heat = page.locator(".st-key-compare-heatmap .js-plotly-plot")
    expect(heat.locator(".ytick text", has_text="Zorba Quintana")).to_have_count(1)
    heat.screenshot(path=str(screenshot_path("compare-articles-heatmap.png")))
    page.screenshot(path=str(screenshot_path("compare-articles.png")), full_page=True)
    svg = heat.evaluate(f"(el) => ({BOXES})('.st-key-compare-heatmap svg.main-svg')")[0]
    title = heat.evaluate(f"(el) => ({BOXES})('.st-key-compare-heatmap .gtitle')")[0]
    names = heat.evaluate(f"(el) => ({BOXES})('.st-key-compare-heatmap .xtick text')")
    assert len(names) == len(TITLES)
    for n in names:
        assert n["x0"] >= svg["x0"] - 1 and n["x1"] <= svg["x1"] + 1, f"cut: {n['text']}"
        assert n["y0"] >= svg["y0"] - 1, f"cut at the top: {n['text']}"
        assert not overlap(n, title), f"{n['text']} under the title"
    shown = {n["text"] for n in names}
    # Two lines of the title each (plotly draws them as one text of two tspans), the id first.
    for i, t in zip(ids, TITLES, strict=True):
        label = next(s for s in shown if s.startswith(f"#{i} "))
        assert t.split()[0] in label and len(label) > 30
