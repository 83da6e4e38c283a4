"""The Compare page's tone heat map in a real Chromium: under the distancing heat map, one column
per outlet, and each cell's hover gives the counts it is drawn from."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

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
