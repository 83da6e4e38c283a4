"""The Home and "How to read this" pages in a real Chromium against a real `streamlit run`."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LOAD = 90_000  # ms: the first page view of a session may load the spaCy model


def test_home_says_what_the_tool_is_and_leads_to_the_analysis(page: Any, app_server: str) -> None:
    page.goto(f"{app_server}/")
    expect(page.get_by_role("heading", name="Framing Lens")).to_be_visible(timeout=LOAD)
    for audience in ("Teachers and students", "Researchers", "Report writers"):
        expect(page.get_by_text(audience, exact=True)).to_be_visible()
    page.get_by_role(
        "link", name="Analyze an article — the sample article is already analysed"
    ).click()
    page.wait_for_url("**/analyze", timeout=LOAD)
    # The link leads to real output, not an empty box: the seed's highlights.
    expect(page.locator("mark[data-kind='attribution']").first).to_be_visible(timeout=LOAD)


def test_how_to_read_explains_every_stance_and_the_limits(page: Any, app_server: str) -> None:
    page.goto(f"{app_server}/how_to_read")
    expect(page.get_by_role("heading", name="How to read the analysis")).to_be_visible(timeout=LOAD)
    body = page.locator('[data-testid="stMain"]')
    for word in ("neutral", "distancing", "endorsing", "admission", "denial", "emotive"):
        expect(body.get_by_text(word, exact=True).first).to_be_visible()
    expect(body.get_by_text("Limits of automatic analysis.")).to_be_visible()
    # The menu stays the app's own navigation on a directly opened link.
    expect(page.get_by_role("link", name="Compare outlets")).to_be_visible()


def test_home_loads_the_chart_code_of_the_other_pages_while_idle(
    page: Any, app_server: str
) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(f"{app_server}/")
    expect(page.get_by_role("heading", name="Framing Lens")).to_be_visible(timeout=LOAD)
    page.wait_for_function("() => window.__flPrefetch === 'done'", timeout=LOAD)
    # Home draws no chart: Plotly's code was asked for in advance, from our own server.
    plotly = [u for u in requested if "/static/js/PlotlyChart." in u]
    assert plotly and all(u.startswith(app_server) for u in plotly)
    asked = len(requested)
    page.locator("[data-testid=stSidebarNav] a[href$='/compare']").click()
    page.wait_for_selector(".st-key-compare-heatmap .js-plotly-plot .main-svg", timeout=LOAD)
    assert not [u for u in requested[asked:] if "/static/js/PlotlyChart." in u]  # loaded once
