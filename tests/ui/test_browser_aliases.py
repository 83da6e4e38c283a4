"""The alias table in a real Chromium: merge two actors on the Library page, see Compare merge
their rows of the heat map (no article is analysed again)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.screenshots import screenshot_path

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = screenshot_path("library-aliases.png")
LOAD = 120_000
OUTLET = "Alias Test Herald"
TITLES = ("Herald on Pennyworth one", "Herald on Pennyworth two")
TEXTS = (
    "Ambrose Pennyworth said the port would reopen. Ambrose Pennyworth claimed the ships were "
    "ready. Ambrose Pennyworth insisted that the crews were paid.",
    "Bram Pennyworth said the port would stay shut. Bram Pennyworth claimed the ships were not "
    "ready. Bram Pennyworth alleged that the crews were unpaid.",
)


def corpus(path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["title", "outlet", "date", "text"])
        for title, text in zip(TITLES, TEXTS, strict=True):
            w.writerow([title, OUTLET, "2022-03-01", text])
    return path


def pick(page: Any, key: str, option: str) -> None:
    """Choose ``option`` in the Streamlit select box with widget key ``key``.

    A rerun of the script can redraw the box while its menu opens (the menu then closes):
    typing is tried again, up to three times, each waiting for the option to appear.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box = page.locator(f".st-key-{key}")
    expect(box).to_be_visible()
    for attempt in range(3):
        box.locator("input").first.click()
        box.locator("input").first.fill(option)
        try:
            page.get_by_role("option", name=option, exact=True).click(timeout=10_000)
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise


def heat_map_of_the_two_articles(page: Any, app_server: str, app_idle: Any) -> Any:
    page.goto(f"{app_server}/compare")
    expect(page.get_by_role("heading", name="Compare outlets")).to_be_visible(timeout=LOAD)
    page.get_by_text("Single articles").click()
    app_idle(page)
    for title in TITLES:
        box = page.locator(".st-key-compare-articles")
        box.locator("input").first.click()
        box.locator("input").first.fill(title)
        page.get_by_role("option", name=title).first.click()
        app_idle(page)
    heat = page.locator(".st-key-compare-heatmap .js-plotly-plot")
    expect(heat).to_be_visible(timeout=LOAD)
    return heat


def test_merge_on_the_library_page_merges_the_compare_rows(
    page: Any, app_server: str, app_idle: Any, tmp_path: Path
) -> None:
    page.goto(f"{app_server}/library")
    expect(page.get_by_role("heading", name="Library")).to_be_visible(timeout=LOAD)
    page.get_by_text("Import articles").click()
    page.locator(".st-key-library-upload input[type=file]").set_input_files(
        str(corpus(tmp_path / "herald.csv"))
    )
    expect(page.locator(".st-key-library-upload")).to_contain_text("herald.csv")
    page.locator(".st-key-library-import button").click()
    expect(page.get_by_text("2 articles added")).to_be_visible(timeout=LOAD)

    heat = heat_map_of_the_two_articles(page, app_server, app_idle)
    expect(heat.locator(".ytick text", has_text="Ambrose Pennyworth")).to_have_count(
        1, timeout=LOAD
    )
    expect(heat.locator(".ytick text", has_text="Bram Pennyworth")).to_have_count(1)

    page.goto(f"{app_server}/library")
    expect(page.get_by_role("heading", name="Library")).to_be_visible(timeout=LOAD)
    app_idle(page)
    page.get_by_text("Actors across the library").click()
    pick(page, "library-alias-merge_from", "Bram Pennyworth")
    app_idle(page)
    pick(page, "library-alias-merge_into", "Ambrose Pennyworth")
    app_idle(page)
    page.locator(".st-key-library-alias-merge button").click()
    done = page.get_by_text("Merged Bram Pennyworth into Ambrose Pennyworth.")
    expect(done).to_be_visible(timeout=LOAD)
    done.scroll_into_view_if_needed()
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))

    heat = heat_map_of_the_two_articles(page, app_server, app_idle)
    expect(heat.locator(".ytick text", has_text="Ambrose Pennyworth")).to_have_count(
        1, timeout=LOAD
    )
    expect(heat.locator(".ytick text", has_text="Bram Pennyworth")).to_have_count(0)
    page.keyboard.press("Escape")  # close the article menu before the picture
    page.screenshot(path=str(SCREENSHOT.with_name("compare-merged.png")))
