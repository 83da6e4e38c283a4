"""Library edits in a real browser (issue 16): switch the article, save, no other row changes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from analysis.library.store import Library

pytestmark = pytest.mark.browser

LOAD = 90_000


def rows(db: Path) -> dict[int, dict[str, Any]]:
    with Library(db) as lib:
        return {r["id"]: r for r in lib.export_rows()}


def choose(page: Any, number: int, app_idle: Any) -> None:
    """Pick article #number in the edit selectbox (typing filters the options)."""
    box = page.locator(".st-key-library-edit_id").get_by_role("combobox")
    box.scroll_into_view_if_needed()
    box.click()
    box.fill(f"#{number} ")
    option = page.get_by_role("option", name=re.compile(rf"^#{number} "))
    expect(option).to_have_count(1, timeout=30_000)
    option.click()
    app_idle(page)


def test_switching_the_article_then_saving_changes_no_row(
    page: Any, app_server: str, app_server_dir: Path, app_idle: Any
) -> None:
    page.goto(f"{app_server}/library")
    expect(page.get_by_role("heading", name="Library")).to_be_visible(timeout=LOAD)
    app_idle(page, timeout=LOAD)
    db = app_server_dir / "library.sqlite"
    before = rows(db)
    third, fourth = sorted(before)[2:4]
    page.get_by_text("Edit an article's details").click()
    choose(page, third, app_idle)
    title = page.locator("[data-testid=stForm]").get_by_label("Title")
    expect(title).to_have_value(before[third]["title"] or "")
    choose(page, fourth, app_idle)
    # The rerun for the new choice has drawn #4's own text (shown below the form) before Save.
    expect(page.locator("[data-testid=stText]").last).to_contain_text(before[fourth]["text"][:60])
    app_idle(page)
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Saved.")).to_be_visible(timeout=LOAD)
    assert rows(db)[fourth]["title"] == before[fourth]["title"]
    assert rows(db) == before  # #4 kept its own title and date; nothing else moved either
