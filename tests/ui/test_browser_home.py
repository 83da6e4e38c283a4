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
