"""In a real Chromium: a paste with page furniture shows the removal notice, and undo works."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.screenshots import screenshot_path
from tests.ui.test_browser_analyze import MAIN, open_analyze, paste_and_analyze, wait_for_result

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = screenshot_path("analyze-furniture.png")
NOTICE = ".st-key-analyze-furniture"

ARTICLE = (
    "Belarus President Alexander Lukashenko claimed on Thursday that the exercises were purely "
    "defensive.\n\nReplay More Videos ...\n\nEnlarge this image toggle caption Tim Brakemeier/"
    "EPA/Landov Tim Brakemeier/EPA/Landov\n\nNATO confirmed that more troops had arrived. "
    "Lukashenko insisted that nobody was threatened.\n\nSign up for Daily Newsletters Manage "
    "Newsletters\n\nCopyright © 2019 The Daily Example, LLC. Click here for reprint permission."
)


def test_removed_furniture_is_shown_and_can_be_put_back(page: Any, app_server: str) -> None:
    open_analyze(page, app_server)
    paste_and_analyze(page, ARTICLE, shows="Lukashenko insisted that nobody")
    main = page.locator(MAIN)
    expect(main).not_to_contain_text("Replay More Videos")
    expect(main).not_to_contain_text("LLC")
    notice = page.locator(NOTICE)
    expect(notice).to_contain_text("4 pieces of page furniture")
    notice.get_by_text("Show what was removed").click()
    expect(notice.locator('[data-testid="stDataFrame"]')).to_be_visible()
    notice.scroll_into_view_if_needed()
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=False)
    assert SCREENSHOT.stat().st_size > 20_000

    notice.get_by_role("button", name="Put it back").click()
    wait_for_result(page, "Replay More Videos")
    expect(page.locator(NOTICE)).to_contain_text("includes 4 pieces")
    page.locator(NOTICE).get_by_role("button", name="Remove it again").click()
    page.wait_for_function(
        """(sel) => [...document.querySelectorAll(sel)].every(
            e => !e.innerText.includes("Replay More Videos"))""",
        arg=MAIN,
    )
    expect(page.locator(NOTICE)).to_contain_text("4 pieces of page furniture")
