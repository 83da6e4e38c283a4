"""The Analyze page's tone views in a real Chromium: the per-actor tone chart and the evidence.

A teacher opens /analyze, sees how the sentences portray each actor, picks an actor and sees the
sentences with the words that decided the tone, each with its plain explanation and source.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.screenshots import screenshot_path
from tests.ui.test_browser_analyze import LOAD, open_analyze

pytestmark = pytest.mark.browser

SCREENSHOT = screenshot_path("analyze-tone.png")
CHART = ".st-key-analyze-chart-tone .js-plotly-plot"


def test_tone_chart_and_tone_evidence_are_shown(page: Any, app_server: str) -> None:
    open_analyze(page, app_server)
    page.wait_for_selector(f"{CHART} .main-svg", timeout=LOAD)
    chart = page.locator(CHART)
    expect(chart).to_contain_text("Tone towards each actor")
    # One bar per tone that occurs: the seed article has negative and neutral mentions at least.
    legend = chart.locator(".legendtext")
    expect(legend.first).to_be_visible()
    names = legend.all_text_contents()
    assert "negative" in names and "neutral" in names, names
    assert chart.locator(".trace.bars .point").count() >= 2
    expect(chart).to_contain_text("Jens Stoltenberg")
    # The evidence of the first actor: sentences with the words that pushed the tone.
    evidence = page.locator(".st-key-analyze-tone_evidence")
    expect(evidence).to_contain_text("The tone model reads this sentence as", timeout=LOAD)
    pushed = evidence.locator("mark.fl-tone-for")
    assert pushed.count() >= 1
    assert (pushed.first.get_attribute("title") or "").strip()
    expect(page.get_by_text("trained on NewsMTSC").first).to_be_visible()
    chart.scroll_into_view_if_needed()
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 50_000
