"""Library and Compare pages in a real Chromium against a real `streamlit run` server.

What a researcher does: import a CSV of articles on /library, see the import confirmed, open
/compare and find the new outlet as a column of the heat map; export the library as CSV (a real
download) and find the imported article in it.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LOAD = 120_000  # ms: the first view may load the spaCy model and analyse the samples
OUTLET = "Browser Test Gazette"
ROWS = [
    ("Gazette one", "2022-02-18",
     "NATO chief Jens Stoltenberg claimed that Russia was still massing troops. Stoltenberg "
     "alleged that the build-up continued. Stoltenberg insisted that allies were ready."),
    ("Gazette two", "2022-02-19",
     "Kremlin spokesman Dmitry Peskov said troops were returning to base. Peskov told reporters "
     "that the drills were over."),
]  # fmt: skip


def corpus_csv(path: Path) -> Path:
    """A small corpus file with a malformed row in the middle."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["title", "outlet", "date", "text"])
        w.writerow([ROWS[0][0], OUTLET, ROWS[0][1], ROWS[0][2]])
        w.writerow(["Broken row", OUTLET, "sometime", "This row has a date nobody can read."])
        w.writerow([ROWS[1][0], OUTLET, ROWS[1][1], ROWS[1][2]])
    return path


def test_import_on_library_then_heat_map_on_compare(
    page: Any, app_server: str, tmp_path: Path
) -> None:
    page.goto(f"{app_server}/library")
    expect(page.get_by_role("heading", name="Library")).to_be_visible(timeout=LOAD)
    page.get_by_text("Import articles").click()  # open the expander
    page.locator(".st-key-library-upload input[type=file]").set_input_files(
        str(corpus_csv(tmp_path / "gazette.csv"))
    )
    expect(page.locator(".st-key-library-upload")).to_contain_text("gazette.csv")
    page.locator(".st-key-library-import button").click()
    expect(page.get_by_text("2 articles added")).to_be_visible(timeout=LOAD)
    expect(page.get_by_text("gazette.csv, line 3")).to_be_visible()

    page.goto(f"{app_server}/compare")
    heat = page.locator(".st-key-compare-heatmap .js-plotly-plot")
    expect(heat).to_be_visible(timeout=LOAD)
    expect(heat.locator(".xtick text", has_text=OUTLET)).to_have_count(1, timeout=LOAD)
    expect(heat.locator(".ytick text", has_text="Jens Stoltenberg")).to_have_count(1)
    # Cells carry their numbers: at least one share and the "n=" marks of thin cells.
    expect(heat.locator("text", has_text="n=").first).to_be_visible()
    expect(heat.locator("text", has_text="%").first).to_be_visible()


def test_export_library_as_csv_download(page: Any, app_server: str, tmp_path: Path) -> None:
    page.goto(f"{app_server}/library")
    button = page.locator(".st-key-library-export_csv button")
    expect(button).to_be_visible(timeout=LOAD)
    with page.expect_download(timeout=LOAD) as info:
        button.click()
    target = tmp_path / "export.csv"
    info.value.save_as(target)
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert rows[0].keys() >= {"id", "title", "outlet", "date", "url", "constructed", "text"}
    assert any(r["outlet"] == "Seed article" and r["constructed"] == "false" for r in rows)
    assert sum(r["constructed"] == "true" for r in rows) >= 6
