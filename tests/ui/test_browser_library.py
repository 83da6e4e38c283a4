"""The Library page in a real browser: rows picked in the table, edited, deleted all at once."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from analysis.library.store import Library
from tests.library.test_query import analysis_of
from tests.screenshots import screenshot_path

pytestmark = pytest.mark.browser

LOAD = 90_000
HEADER = 35  # the table's header row and each row (px), as st.dataframe draws them
ROW = 35


def rows(db: Path) -> dict[int, dict[str, Any]]:
    with Library(db) as lib:
        return {r["id"]: r for r in lib.export_rows()}


def tick(page: Any, row: int, app_idle: Any) -> None:
    """Click the selection box of a table row (the grid is a canvas: by position)."""
    grid = page.locator("[data-testid=stDataFrame]").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 18, box["y"] + HEADER + ROW * row + ROW / 2)
    app_idle(page)


def open_library(page: Any, app_server: str, app_idle: Any) -> None:
    page.goto(f"{app_server}/library")
    expect(page.get_by_role("heading", name="Library")).to_be_visible(timeout=LOAD)
    app_idle(page, timeout=LOAD)


def test_switching_the_selected_row_then_saving_changes_no_row(
    page: Any, app_server: str, app_server_dir: Path, app_idle: Any
) -> None:
    open_library(page, app_server, app_idle)
    db = app_server_dir / "library.sqlite"
    before = rows(db)
    third, fourth = sorted(before)[2:4]
    tick(page, 2, app_idle)
    title = page.locator("[data-testid=stForm]").get_by_label("Title")
    expect(title).to_have_value(before[third]["title"] or "")
    tick(page, 2, app_idle)  # untick #3: the form goes
    expect(page.locator("[data-testid=stForm]")).to_have_count(0)
    tick(page, 3, app_idle)  # tick #4
    expect(title).to_have_value(before[fourth]["title"] or "")
    expect(page.locator("[data-testid=stText]").last).to_contain_text(before[fourth]["text"][:60])
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Saved.")).to_be_visible(timeout=LOAD)
    assert rows(db) == before  # #4 kept its own title and date; nothing else moved either


def test_select_a_row_edit_it_then_delete_all_matching(
    page: Any, app_server: str, app_server_dir: Path, app_idle: Any
) -> None:
    db = app_server_dir / "library.sqlite"
    open_library(page, app_server, app_idle)  # the first visit seeds the samples
    with Library(db) as lib:
        lib.add_many(
            [{"text": f"Officials said on day {i} that the Zanzibarian talks would resume.",
              "title": f"Zanzibarian talks {i}", "outlet": "Browser Bulk", "date": f"2024-05-0{i}"}
             for i in range(1, 4)]
        )  # fmt: skip
    before = rows(db)
    mine = sorted(k for k, r in before.items() if r["outlet"] == "Browser Bulk")
    open_library(page, app_server, app_idle)  # again, with the three new articles
    search = page.get_by_label("Search title, outlet and text")
    search.fill("Zanzibarian")
    search.press("Enter")
    app_idle(page)
    expect(page.get_by_text("3 of")).to_be_visible()
    tick(page, 1, app_idle)
    page.locator("[data-testid=stDataFrame]").first.screenshot(
        path=str(screenshot_path("library-table.png"))
    )
    form = page.locator("[data-testid=stForm]")
    expect(form.get_by_label("Title")).to_have_value("Zanzibarian talks 2")
    form.get_by_label("Outlet").fill("Edited Outlet")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Saved.")).to_be_visible(timeout=LOAD)
    after = rows(db)
    assert after[mine[1]]["outlet"] == "Edited Outlet"
    assert {k: v for k, v in after.items() if k != mine[1]} == {
        k: v for k, v in before.items() if k != mine[1]
    }
    page.screenshot(path=str(screenshot_path("library-selected.png")), full_page=True)
    page.get_by_text("Delete all matching articles").click()
    delete = page.get_by_role("button", name="Delete 3 article(s)")
    expect(delete).to_be_disabled()
    page.get_by_text("Yes, delete all 3 matching article(s)").click()
    app_idle(page)
    expect(delete).to_be_enabled()
    page.screenshot(path=str(screenshot_path("library-delete-all.png")), full_page=True)
    delete.click()
    expect(page.get_by_text("Deleted 3 article(s).")).to_be_visible(timeout=LOAD)
    assert rows(db) == {k: v for k, v in after.items() if k not in mine}


def test_samples_out_and_an_actor_filter_then_delete_all_matching(
    page: Any, app_server: str, app_server_dir: Path, app_idle: Any
) -> None:
    db = app_server_dir / "library.sqlite"
    open_library(page, app_server, app_idle)  # the first visit seeds the samples
    with Library(db) as lib:
        for i, constructed in enumerate((False, True, False)):
            text = f"Yola Pemberton claimed on day {i} that the talks had failed."
            lib.add(text, title=f"Pemberton talks {i}", outlet="Browser Filter",
                    date=f"2024-06-0{i + 1}", constructed=constructed,
                    analysis=analysis_of(text, {"Yola Pemberton": 1} if i < 2 else {}))  # fmt: skip
    before = rows(db)
    open_library(page, app_server, app_idle)
    actor = page.get_by_role("textbox", name="Actor mentioned")
    actor.fill("Yola Pemberton")
    actor.press("Enter")
    app_idle(page)
    expect(page.get_by_text(re.compile(r"^2 of [\d,]+ articles match"))).to_be_visible(
        timeout=LOAD
    )  # real and constructed
    page.get_by_text("Leave out the constructed samples").click()
    app_idle(page)
    expect(page.get_by_text(re.compile(r"^1 of [\d,]+ articles match"))).to_be_visible(timeout=LOAD)
    page.get_by_text("Delete all matching articles").click()
    page.get_by_text("Yes, delete all 1 matching article(s)").click()
    app_idle(page)
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.screenshot(path=str(screenshot_path("library-filters.png")), full_page=True)
    page.get_by_role("button", name="Delete 1 article(s)").click()
    expect(page.get_by_text("Deleted 1 article(s).")).to_be_visible(timeout=LOAD)
    gone = [k for k, r in before.items() if r["title"] == "Pemberton talks 0"]
    assert rows(db) == {k: v for k, v in before.items() if k not in gone}
