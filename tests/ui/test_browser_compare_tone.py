"""The Compare page's tone heat map in a real Chromium: under the distancing heat map, one column
per outlet, and each cell's hover gives the counts it is drawn from; under it, the sentences
behind one cell (an actor in one outlet) with the words that decided their tone."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.screenshots import screenshot_path

pytestmark = pytest.mark.browser

LOAD = 120_000  # ms: the first view may load the spaCy model and analyse the samples


def test_tone_heat_map_sits_under_the_distancing_map_with_counts_in_the_hover(
    page: Any, app_server: str
) -> None:
    page.goto(f"{app_server}/compare")
    heat = page.locator(".st-key-compare-heatmap .js-plotly-plot")
    tone = page.locator(".st-key-compare-tone_heatmap .js-plotly-plot")
    expect(tone).to_be_visible(timeout=LOAD)
    expect(tone).to_contain_text("Tone towards each actor, by outlet")
    assert heat.bounding_box()["y"] < tone.bounding_box()["y"]  # under the distancing map
    # The same outlets as the distancing map, in the same order.
    outlets = heat.locator(".xtick text").all_text_contents()
    assert outlets and tone.locator(".xtick text").all_text_contents() == outlets
    # Coloured cells carry their net tone as text; hovering one shows the three counts.
    tone.scroll_into_view_if_needed()
    plot = tone.locator(".nsewdrag").first
    box = plot.bounding_box()
    rows = len(tone.locator(".ytick text").all_text_contents())
    # The middle of the top-left cell (the first actor in the first outlet).
    page.mouse.move(
        box["x"] + box["width"] / (2 * len(outlets)), box["y"] + box["height"] / (2 * rows)
    )
    hover = tone.locator(".hoverlayer")
    expect(hover).to_contain_text("mentions", timeout=10_000)
    expect(hover).to_contain_text("negative")
    expect(page.get_by_text("Source: the tone model trained on NewsMTSC")).to_be_visible()


def choose(page: Any, key: str, option: str, app_idle: Any) -> None:
    """Pick ``option`` in the select box with widget key ``key`` (typed, then clicked)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box = page.locator(f".st-key-{key}")
    for attempt in range(3):  # a rerun may redraw the box while its menu opens
        app_idle(page)
        box.locator("input").first.click()
        box.locator("input").first.fill(option)
        try:
            # A sample outlet next to real ones reads "Moscow Courier (constructed)".
            page.get_by_role("option", name=re.compile("^" + re.escape(option))).first.click(
                timeout=10_000
            )
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise


def test_the_sentences_behind_a_tone_cell_show_the_deciding_words(
    page: Any, app_server: str, app_idle: Any
) -> None:
    page.goto(f"{app_server}/compare")
    expect(page.locator(".st-key-compare-tone_heatmap .js-plotly-plot")).to_be_visible(timeout=LOAD)
    # The pickers are drawn once their expander is opened.
    expect(page.locator(".st-key-compare-tone_actor")).to_have_count(0)
    page.get_by_text("The sentences behind a cell:").click()
    expect(page.locator(".st-key-compare-tone_actor")).to_be_visible(timeout=LOAD)
    choose(page, "compare-tone_actor", "Jens Stoltenberg", app_idle)
    # The first outlet whose articles mention him (other tests may have added outlets).
    app_idle(page)
    page.locator(".st-key-compare-tone_group input").first.click()
    # (the menu opens after the click: read its options once they are drawn)
    expect(page.get_by_role("option").first).to_be_visible(timeout=LOAD)
    outlets = page.get_by_role("option").all_text_contents()
    assert outlets
    page.keyboard.press("Escape")
    box = page.locator(".st-key-compare-tone_sentences")
    for outlet in outlets:
        choose(page, "compare-tone_group", outlet, app_idle)
        app_idle(page)
        if box.count():
            break
    expect(box).to_be_visible(timeout=LOAD)
    first = box.locator(".fl-tone-sentence").first
    expect(first).to_contain_text("The tone model reads this sentence as")
    expect(first).to_contain_text("towards Jens Stoltenberg")
    expect(first.locator("u b")).to_have_count(1)  # the mention, underlined
    expect(box.locator(".fl-tone-title").first).to_be_visible()  # the article it comes from
    # The words that decided it are highlighted, each with its weight in the tooltip.
    mark = box.locator("mark.fl-tone-for").first
    expect(mark).to_have_attribute("title", re.compile(r".+ [+]\d\.\d\d$"))
    box.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot_path("compare-tone-sentences.png")), full_page=True)
