"""Heat-map geometry: margins computed from the longest labels, the colour bar beyond the plot
with its title up its side, long article titles wrapped, and a real kaleido export."""

from __future__ import annotations

import struct
from typing import Any

import pandas as pd
import pytest

from analysis.present.compare_charts import heat_labels, heatmap_figure, similarity_figure
from analysis.present.export import figure_bytes, static_export_available
from analysis.present.heat_layout import (
    CHAR_WIDTH,
    TICK_FONT,
    colour_bar_width,
    text_width,
)
from analysis.present.text import wrap_label
from analysis.present.tone_charts import tone_heatmap_figure
from tests.present.test_chart_layout import OUTLETS, grid, tone_grid

TITLES = [
    "Russia says NATO expansion to the east threatens its security and vows a response",
    "Zelensky urges allies to speed up deliveries of air defence systems before winter",
    "Short title",
]


@pytest.mark.parametrize("build", [lambda: heatmap_figure(grid()),
                                   lambda: tone_heatmap_figure(tone_grid())],
                         ids=["distancing", "tone"])  # fmt: skip
def test_colour_bar_beyond_the_plot_with_its_title_on_its_side(build: Any) -> None:
    fig = build()
    bar = fig.data[0].colorbar
    assert bar.x >= 1 and bar.xanchor == "left" and bar.xref == "paper"
    assert bar.title.side == "right"  # up the side: never above the top tick label
    assert fig.layout.margin.r >= colour_bar_width(4)
    names = fig.layout.xaxis.ticktext or fig.data[0].x
    longest = max(len(n) for n in names)
    # The slanted names (−45°) fit between the title's space and the plot.
    assert fig.layout.margin.t >= 64 + 0.7 * CHAR_WIDTH * TICK_FONT * longest
    assert fig.layout.margin.l >= text_width("Volodymyr Zelensky", 18)
    assert fig.layout.height == fig.layout.margin.t + fig.layout.margin.b + max(6 * 42, 120)


def test_margins_grow_with_the_longest_label() -> None:
    short = heatmap_figure(
        grid().assign(
            group=grid()["group"].str[:3] + grid()["group"].str[-2:],
            actor=grid()["actor"].str[:4] + grid()["actor"].str[-1],
        )
    )
    long = heatmap_figure(grid())
    assert short.layout.margin.t < long.layout.margin.t
    assert short.layout.margin.l < long.layout.margin.l


def test_long_titles_wrap_on_two_lines_and_keep_the_whole_title_in_the_hover() -> None:
    labels = heat_labels([f"#{i} {t}" for i, t in enumerate(TITLES)])
    first = labels[0].split("<br>")
    assert len(first) == 2 and all(len(line) <= 24 for line in first)
    assert first[1].endswith("…")
    assert labels[2] == "#2 Short title"
    assert wrap_label("a " * 5) == "a a a a a"
    g = grid()
    names = dict(zip(OUTLETS[:3], [f"#{i} {t}" for i, t in enumerate(TITLES)], strict=True))
    g = g[g["group"].isin(names)].assign(group=lambda f: f["group"].map(names))
    fig = heatmap_figure(g)
    assert list(fig.data[0].x) == labels
    assert any(TITLES[0] in h for row in fig.data[0].customdata for h in row)


def test_labels_are_escaped_after_wrapping() -> None:
    (label,) = heat_labels(["<b>Outlet & Co</b> with a very long name indeed, truly"])
    assert "<b>" not in label and "&amp;" in label and "&lt;b&gt;" in label


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_exports_at_1280_px_carry_the_computed_size() -> None:
    if not static_export_available():
        pytest.fail("kaleido needs Chrome/Chromium for static exports")
    sim = pd.DataFrame(0.5, index=TITLES, columns=TITLES)
    for fig in (heatmap_figure(grid()), tone_heatmap_figure(tone_grid()), similarity_figure(sim)):
        png = figure_bytes(fig, "png", width=1280, scale=1)
        assert _png_size(png) == (1280, fig.layout.height)
        svg = figure_bytes(fig, "svg").decode("utf-8")
        assert svg.startswith("<svg") and "cbtitle" in svg
        pdf = figure_bytes(fig, "pdf")
        assert pdf.startswith(b"%PDF") and b"%%EOF" in pdf[-64:]


def test_names_of_many_narrow_columns_take_one_line_and_never_touch() -> None:
    from analysis.present.heat_layout import LINE_HEIGHT, NARROWEST

    titles = [f"#{i} {TITLES[i % 2]}" for i in range(10)]  # ten articles compared
    g = grid()
    names = dict(zip(OUTLETS[:3], titles[:3], strict=True))
    few = heatmap_figure(g[g["group"].isin(names)].assign(group=lambda f: f["group"].map(names)))
    assert all(len(x.split("<br>")) == 2 for x in few.data[0].x)  # room for two lines
    rows = [g.assign(group=t) for t in titles]
    many = heatmap_figure(pd.concat(rows, ignore_index=True))
    labels = list(many.data[0].x)
    assert len(labels) == 10 and all("<br>" not in x for x in labels)
    margin = many.layout.margin
    gap = (NARROWEST - margin.l - margin.r) / len(labels) * 0.7071
    assert gap >= LINE_HEIGHT * TICK_FONT  # one line between two neighbours' baselines
