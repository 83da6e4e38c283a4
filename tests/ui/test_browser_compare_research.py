"""A researcher's comparison in a real Chromium against a real `streamlit run` server.

Import a CSV of dated articles from two outlets across three months on /library; on /compare
the constructed samples are left out (the toggle is on once real articles exist), the heat map
stars a significant difference, the Over time tab draws one line per outlet per month, the
Tested differences tab says it in words, and the comparison report (PDF) holds the chosen
sections in tens of pages at most. Screenshots go to the run's folder (tests/screenshots.py).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path
from typing import Any

import pypdf
import pytest
from playwright.sync_api import expect

from tests.screenshots import screenshot_dir

pytestmark = pytest.mark.browser

LOAD = 180_000  # ms: import and analysis of the articles, first page view loads spaCy
SHOTS = screenshot_dir()
HAWK, WIRE = "Monthly Hawk", "Monthly Wire"
MONTHS = ["2014-08-05", "2014-08-19", "2014-09-09", "2014-09-23", "2014-10-14"]
HEAT = ".st-key-compare-heatmap .js-plotly-plot"


def corpus_csv(path: Path) -> Path:
    """Five articles per outlet, one outlet always distancing NATO's chief, the other never."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["title", "outlet", "date", "text"])
        for i, date in enumerate(MONTHS):
            w.writerow(
                [
                    f"Hawk story {i}",
                    HAWK,
                    date,
                    f"NATO chief Jens Stoltenberg claimed that Russia was massing troops near "
                    f"the border. Stoltenberg alleged that the build-up continued for {i + 2} "
                    "weeks. Stoltenberg insisted that allies were ready.",
                ]
            )
            w.writerow([f"Wire story {i}", WIRE, date,
                        f"NATO chief Jens Stoltenberg said that Russia was massing troops near "
                        f"the border. Stoltenberg told reporters that the build-up went on for "
                        f"{i + 2} weeks. Stoltenberg said that allies were ready."])  # fmt: skip
    return path


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_research_comparison_timeline_differences_and_report(
    page: Any, app_server: str, tmp_path: Path
) -> None:
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto(f"{app_server}/library")
    expect(page.get_by_role("heading", name="Library")).to_be_visible(timeout=LOAD)
    page.get_by_text("Import articles").click()
    page.locator(".st-key-library-upload input[type=file]").set_input_files(
        str(corpus_csv(tmp_path / "monthly.csv"))
    )
    expect(page.locator(".st-key-library-upload")).to_contain_text("monthly.csv")
    page.locator(".st-key-library-import button").click()
    expect(page.get_by_text("10 articles added")).to_be_visible(timeout=LOAD)

    page.goto(f"{app_server}/compare")
    heat = page.locator(HEAT)
    expect(heat).to_be_visible(timeout=LOAD)
    # Samples out by default: no constructed outlet is a column, the imported ones are.
    expect(page.locator(".st-key-compare-exclude_samples input")).to_be_checked()
    ticks = heat.locator(".xtick text")
    expect(ticks.filter(has_text=HAWK)).to_have_count(1, timeout=LOAD)
    expect(ticks.filter(has_text=WIRE)).to_have_count(1)
    expect(ticks.filter(has_text="(constructed)")).to_have_count(0)
    # The significant difference is starred in both cells of the pair.
    expect(heat.locator("text", has_text="100%*")).to_have_count(1)
    expect(heat.locator("text", has_text="0%*").first).to_be_visible()
    shot(page, "compare-heatmap")

    page.get_by_role("tab", name="Over time").click()
    timeline = page.locator(".st-key-compare-timeline .js-plotly-plot")
    expect(timeline).to_be_visible(timeout=LOAD)
    for month in ("2014-08", "2014-09", "2014-10"):
        expect(timeline.locator(".xaxislayer-above text", has_text=month).first).to_be_visible()
    expect(timeline.locator(".legendtext", has_text=HAWK)).to_have_count(1)
    shot(page, "compare-timeline")

    page.get_by_role("tab", name="Tested differences").click()
    page.locator(".st-key-compare-diff_actor").click()
    page.get_by_role("option", name="Jens Stoltenberg").click()
    sentence = page.locator(".fl-differences li").first
    expect(sentence).to_contain_text(
        f"{HAWK} reports Jens Stoltenberg's statements with distancing verbs more often than "
        f"{WIRE} (100% in {HAWK}, 0% in {WIRE})", timeout=LOAD,
    )  # fmt: skip
    expect(page.locator(".st-key-compare-differences .js-plotly-plot")).to_be_visible()
    shot(page, "compare-differences")

    page.get_by_text("Export: the report (HTML, PDF)").click()
    pdf_button = page.locator(".st-key-compare-report-pdf").get_by_role("button")
    pdf_button.scroll_into_view_if_needed()
    with page.expect_download(timeout=LOAD) as info:
        pdf_button.click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    assert target.name.startswith("framing-by-outlet") and target.name.endswith("-report.pdf")
    reader = pypdf.PdfReader(io.BytesIO(target.read_bytes()))
    # NFKC undoes the printed ligatures ("ﬀ" in "differences").
    text = unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in reader.pages))
    text = " ".join(text.split())
    for heading in ("Summary", "Charts", "Actors", "Tested differences", "Evidence",
                    "Method notes"):  # fmt: skip
        assert re.search(rf"\b{heading}\b", text), heading
    assert "Highlighted article text" not in text  # not chosen by default
    assert 3 <= len(reader.pages) <= 40

    # Words kept by two articles per outlet ("3 weeks" in the text, or "story 3" in the title
    # and "weeks" in the text), kept when the filters are closed.
    caption = page.get_by_text(re.compile(r"^\d+ articles in \d+ groups"))
    page.get_by_role("tab", name="Who is distanced").click()
    page.get_by_text("Filters: dates, keyword, actor").click()
    keyword = page.get_by_role("textbox", name="Keyword or topic")
    keyword.fill("3 weeks")
    keyword.press("Enter")
    expect(caption).to_contain_text("4 articles in 2 groups", timeout=LOAD)
    page.get_by_text("Filters: dates, keyword, actor").click()
    expect(keyword).to_have_count(0, timeout=LOAD)
    expect(page.get_by_text("Filters on: keyword “3 weeks”.")).to_be_visible(timeout=LOAD)
    expect(caption).to_contain_text("4 articles in 2 groups")
    expect(heat.locator(".xtick text")).to_have_count(2, timeout=LOAD)
    shot(page, "compare-filters-closed")
    page.get_by_text("Filters: dates, keyword, actor").click()
    expect(keyword).to_have_value("3 weeks", timeout=LOAD)
