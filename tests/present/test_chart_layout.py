"""Chart labels never overlap titles, cells or each other: measured in a real Chromium, on the
page's drawing (1280 px window) and on the kaleido SVG export (the PNG/PDF drawing)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from analysis.present.compare_charts import heatmap_figure, outlet_map_figure
from analysis.present.export import figure_bytes, static_export_available
from analysis.present.tone_charts import tone_heatmap_figure
from analysis.vocabulary import STANCES

pytestmark = pytest.mark.browser

OUTLETS = ["Business Insider", "The Washington Post", "CNN", "Al Jazeera English", "BBC News",
           "Reuters", "The Guardian", "Fox News", "NPR", "Deutsche Welle", "Sputnik International",
           "RT"]  # fmt: skip
ACTORS = ["Vladimir Putin", "Volodymyr Zelensky", "NATO", "Russia", "Ukraine", "Joe Biden"]

BOXES = """(sel) => Array.from(document.querySelectorAll(sel)).map(e => {
  const r = e.getBoundingClientRect(); return {x0: r.left, y0: r.top, x1: r.right, y1: r.bottom,
  text: e.textContent}; })"""


def grid() -> pd.DataFrame:
    rows = []
    for i, actor in enumerate(ACTORS):
        for j, outlet in enumerate(OUTLETS):
            n = (i * 7 + j * 3) % 9  # some cells with 1-2 attributions: "n=2" labels
            d = (i + j) % (n + 1)
            rows.append(
                {
                    "actor": actor,
                    "group": outlet,
                    **(dict.fromkeys(STANCES, 0) | {"distancing": d, "neutral": n - d}),
                    "attributions": n,
                    "mentions": n + 1,
                    "articles": 2,
                    "distancing_share": d / n if n else float("nan"),
                    "enough": n >= 3,
                }
            )
    return pd.DataFrame(rows)  # fmt: skip


def crowded_map() -> pd.DataFrame:
    xs = [0.0, 0.1, 0.15, 2.0, 2.05, -1.9, -1.85, 0.05, 1.0, -1.0, 3.0, -3.0]
    ys = [0.0, 0.05, -0.05, 1.0, 1.02, -1.0, -0.98, 0.1, 0.0, 0.5, -1.2, 1.1]
    return pd.DataFrame({"group": OUTLETS, "x": xs, "y": ys, "articles": [2] * 12})


def overlap(a: dict, b: dict, slack: float = 1.0) -> bool:
    return (min(a["x1"], b["x1"]) - max(a["x0"], b["x0"]) > slack
            and min(a["y1"], b["y1"]) - max(a["y0"], b["y0"]) > slack)  # fmt: skip


def draw(page: Any, fig: go.Figure, exported: bool) -> None:
    """The figure as the page draws it (plotly.js, full width of a 1280 px window), or as the
    kaleido SVG the PNG/PDF exports are made from."""
    page.set_viewport_size({"width": 1280, "height": 1000})
    if exported:
        svg = figure_bytes(fig, "svg").decode("utf-8")
        page.set_content(f"<html><body style='margin:0'>{svg}</body></html>")
    else:
        html = pio.to_html(fig, include_plotlyjs=True, full_html=True,
                           config={"responsive": True})  # fmt: skip
        page.set_content(html)
        page.wait_for_selector(".main-svg")


@pytest.mark.parametrize("exported", [False, True], ids=["page", "export"])
def test_heatmap_title_above_names_and_cell_labels_inside_cells(page: Any, exported: bool) -> None:
    if exported and not static_export_available():
        pytest.fail("kaleido needs Chrome/Chromium for static exports")
    draw(page, heatmap_figure(grid()), exported)
    title = page.evaluate(BOXES, ".gtitle")[0]
    ticks = page.evaluate(BOXES, ".xtick text")
    assert len(ticks) == len(OUTLETS)
    assert all(not overlap(title, t) for t in ticks), "title over outlet names"
    plot = page.evaluate(BOXES, ".heatmaplayer")[0]
    assert all(t["y1"] <= plot["y0"] + 1 for t in ticks), "outlet names over the cells"
    cells = page.evaluate(BOXES, ".heatmaplayer text, .textpoint text, g.text text")
    cell_w = (plot["x1"] - plot["x0"]) / len(OUTLETS)
    texts = [c for c in cells if c["text"]]
    assert any(c["text"].startswith("n=") for c in texts)
    assert all(c["x1"] - c["x0"] <= cell_w - 2 for c in texts), "a cell label spills out"
    svg = page.evaluate(BOXES, "svg.main-svg")[0]
    notes = page.evaluate(BOXES, ".annotation-text")
    assert notes and all(n["x1"] <= svg["x1"] for n in notes), "the legend note is cut off"


@pytest.mark.parametrize("exported", [False, True], ids=["page", "export"])
def test_outlet_map_labels_do_not_overlap_or_get_cut(page: Any, exported: bool) -> None:
    draw(page, outlet_map_figure(crowded_map(), [0.5, 0.2]), exported)
    labels = [b for b in page.evaluate(BOXES, ".scatterlayer .textpoint text") if b["text"]]
    assert len(labels) == len(OUTLETS)
    assert {b["text"] for b in labels} >= {"Business Insider", "Sputnik International"}
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            assert not overlap(a, b), f"{a['text']} overlaps {b['text']}"
    svg = page.evaluate(BOXES, "svg.main-svg")[0]
    assert all(svg["x0"] <= b["x0"] and b["x1"] <= svg["x1"] for b in labels), "label cut off"


def tone_grid() -> pd.DataFrame:
    """The same cells as tone counts: distancing read as negative mentions."""
    g = grid()
    return g.assign(
        scored=g["attributions"], tone_negative=g["distancing"], tone_positive=0,
        tone_neutral=g["attributions"] - g["distancing"],
        net_tone=[-d / n if n else float("nan") for d, n in zip(g["distancing"],
                                                               g["attributions"], strict=True)],
    )  # fmt: skip


HEAT_MAPS = {
    "distancing": lambda: heatmap_figure(grid()),
    "tone": lambda: tone_heatmap_figure(tone_grid()),
}


@pytest.mark.parametrize("exported", [False, True], ids=["page", "export"])
@pytest.mark.parametrize("chart", list(HEAT_MAPS))
def test_colour_bar_stands_clear_of_its_title_the_cells_and_the_names(
    page: Any, chart: str, exported: bool
) -> None:
    draw(page, HEAT_MAPS[chart](), exported)
    plot = page.evaluate(BOXES, ".heatmaplayer")[0]
    bar_title = page.evaluate(BOXES, ".cbtitle text")
    bar_ticks = [t for t in page.evaluate(BOXES, ".colorbar .ytick text, .colorbar text.ytick")
                 if t["text"]]  # fmt: skip
    if not bar_ticks:  # plotly.js names the colour bar's ticks by their axis
        bar_ticks = [t for t in page.evaluate(BOXES, ".colorbar text") if t["text"]
                     and t["text"] not in {b["text"] for b in bar_title}]  # fmt: skip
    assert bar_title and len(bar_ticks) >= 3
    for t in [*bar_ticks, *bar_title]:
        assert t["x0"] >= plot["x1"], f"colour bar label {t['text']!r} over the cells"
    for a in bar_ticks:
        assert not overlap(a, bar_title[0]), f"tick {a['text']!r} under the bar's title"
        assert all(not overlap(a, b) for b in bar_ticks if b is not a), "ticks overlap"
    names = page.evaluate(BOXES, ".xtick text")
    svg = page.evaluate(BOXES, "svg.main-svg")[0]
    rows = page.evaluate(BOXES, ".ytick text")
    assert all(n["x1"] <= svg["x1"] + 1 for n in names), "a column name is cut off"
    assert all(r["x0"] >= svg["x0"] - 1 for r in rows), "a row name is cut off"
    assert all(not overlap(n, t) for n in names for t in [*bar_ticks, *bar_title])
