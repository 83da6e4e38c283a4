"""Comparison charts: each figure draws the numbers of the comparison tables, escaped labels."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.present.compare_charts import (
    heatmap_figure,
    outlet_map_figure,
    rates_figure,
    similarity_figure,
    stance_mix_figure,
    terms_figure,
)
from analysis.vocabulary import MARKER_KINDS, STANCES


def _grid() -> pd.DataFrame:
    rows = []
    for actor, group, distancing, neutral in [
        ("Jens Stoltenberg", "Moscow Courier", 4, 1),
        ("Jens Stoltenberg", "<b>Wire</b>", 0, 5),
        ("Russia", "Moscow Courier", 0, 1),
        ("Russia", "<b>Wire</b>", 1, 3),
    ]:
        counts = dict.fromkeys(STANCES, 0) | {"distancing": distancing, "neutral": neutral}
        n = distancing + neutral
        rows.append(
            {"actor": actor, "group": group, **counts, "attributions": n, "mentions": n + 2,
             "articles": 1, "distancing_share": distancing / n, "enough": n >= 3}
        )  # fmt: skip
    return pd.DataFrame(rows)


def test_heatmap_colours_the_share_and_greys_thin_cells() -> None:
    fig = heatmap_figure(_grid(), min_attributions=3)
    heat = next(t for t in fig.data if isinstance(t, go.Heatmap))
    z = np.array(heat.z, dtype=float)
    assert z.shape == (2, 2)
    assert z[0][0] == pytest.approx(0.8) and z[0][1] == pytest.approx(0.0)
    assert np.isnan(z[1][0])  # Russia × Moscow Courier: 1 attribution, too few
    # Thin cells print only their count, short enough for the cell; the hover says why.
    assert [list(row) for row in heat.text] == [["80%", "0%"], ["n=1", "25%"]]
    assert "too few to compare" in heat.customdata[1][0]
    assert "<b>Wire</b>" not in str(heat.x) and "&lt;b&gt;Wire&lt;/b&gt;" in str(heat.x)


def test_heatmap_marks_significant_cells() -> None:
    fig = heatmap_figure(_grid(), marks={("Jens Stoltenberg", "Moscow Courier"): "*"})
    heat = next(t for t in fig.data if isinstance(t, go.Heatmap))
    assert heat.text[0][0] == "80%*" and heat.text[0][1] == "0%"
    assert "differs significantly" in heat.customdata[0][0]
    assert "* = significant difference" in fig.layout.annotations[-1].text


def test_one_article_outlet_draws_no_zero_width_interval() -> None:
    rates = pd.DataFrame(
        [{"group": g, "kind": k, "count": 3, "words": 1000, "articles": n, "rate": 3.0,
          "low": low, "high": high}
         for g, n, low, high in [("A", 2, 1.0, 5.0), ("Solo", 1, float("nan"), float("nan"))]
         for k in MARKER_KINDS]
    )  # fmt: skip
    bar = next(t for t in rates_figure(rates).data if isinstance(t, go.Bar))
    assert bar.error_y.array[0] == 2.0 and np.isnan(bar.error_y.array[1])
    assert "no interval: one article" in bar.customdata[1]


def test_empty_grid_explains_itself() -> None:
    fig = heatmap_figure(_grid().iloc[0:0])
    assert "No actor has attributions" in fig.layout.annotations[0].text


def test_rates_have_one_panel_per_kind_with_intervals() -> None:
    rates = pd.DataFrame(
        [
            {
                "group": g,
                "kind": k,
                "count": 3,
                "words": 1000,
                "articles": 2,
                "rate": 3.0 + i,
                "low": 1.0,
                "high": 5.0 + i,
            }
            for i, g in enumerate(["A", "B"])
            for k in MARKER_KINDS
        ]
    )
    fig = rates_figure(rates)
    bars = [t for t in fig.data if isinstance(t, go.Bar)]
    assert len(bars) == len(MARKER_KINDS)
    assert list(bars[0].x) == ["A", "B"] and list(bars[0].y) == [3.0, 4.0]
    assert list(bars[0].error_y.array) == [2.0, 2.0]  # high - rate: the bootstrap interval


def test_terms_and_map_and_similarity_and_stance_mix() -> None:
    terms = {"A": [{"term": "regime", "z": 3.1, "count": 9}], "B": []}
    assert "regime" in str(terms_figure(terms).data[0].y)
    assert "No word stands out" in terms_figure({"A": [], "B": []}).layout.annotations[0].text
    points = pd.DataFrame(
        {"group": ["A", "B"], "x": [1.0, -1.0], "y": [0.5, -0.5], "articles": [2, 3]}
    )
    fig = outlet_map_figure(points, [0.6, 0.3])
    assert list(fig.data[0].x) == [1.0, -1.0]
    sim = pd.DataFrame([[1.0, 0.2], [0.2, 1.0]], index=["A", "B"], columns=["A", "B"])
    assert np.array(similarity_figure(sim).data[0].z).tolist() == [[1.0, 0.2], [0.2, 1.0]]
    table = _grid().assign(type="PERSON")
    mix = {t.name: list(t.y) for t in stance_mix_figure(table, "Jens Stoltenberg").data}
    assert mix["distancing"] == [4, 0] and mix["neutral"] == [1, 5]


def test_differences_and_timeline_figures_draw_their_numbers() -> None:
    from analysis.present.compare_charts import differences_figure, timeline_figure

    tested = pd.DataFrame([
        {"actor": "Putin", "group_a": "A", "group_b": "<b>B</b>", "a": 0.8, "b": 0.2,
         "effect": 0.6, "ci_low": 0.3, "ci_high": 0.9, "p_value": 0.01, "p_adjusted": 0.02,
         "articles_a": 5, "articles_b": 5, "method": "exact", "significant": True},
    ])  # fmt: skip
    fig = differences_figure(tested, "Putin")
    dot = fig.data[0]
    assert list(dot.x) == [0.6] and dot.y[0].startswith("★ ")
    assert "&lt;b&gt;B&lt;/b&gt;" in dot.y[0]
    assert list(dot.error_x.array) == pytest.approx([0.3]) and list(
        dot.error_x.arrayminus
    ) == pytest.approx([0.3])
    assert "No pair" in differences_figure(tested, "Obama").layout.annotations[0].text
    frame = pd.DataFrame([
        {"period": p, "group": g, "actor": "Putin", "articles": 1, "attributions": n,
         "distancing_share": s, "enough": n >= 3}
        for p, g, n, s in [("2014-08", "A", 4, 0.5), ("2014-09", "A", 1, 1.0),
                           ("2014-08", "B", 3, 0.0)]
    ])  # fmt: skip
    fig = timeline_figure(frame, ["Putin"])
    a, b = fig.data
    assert list(a.x) == ["2014-08", "2014-09"] and list(a.y) == [0.5, None]  # too few: no point
    assert list(b.y) == [0.0, None] and "no article" in b.customdata[1]
