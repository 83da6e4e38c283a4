"""Plotly figures of a comparison of outlets: heat map, rates with intervals, words, outlet map.

Pure functions from the tables of :class:`analysis.compare.comparison.Comparison` to
``plotly.graph_objects.Figure``. Same conventions as :mod:`analysis.present.charts`: large
fonts, the Okabe & Ito (2008) colour-blind-safe palette, and hover text that gives the counts
behind every number. Outlet and actor names come from users, so they are HTML-escaped before
Plotly (which understands a little HTML in labels) sees them.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis.present.charts import FONT_SIZE
from analysis.present.palette import KIND_COLOURS, STANCE_COLOURS
from analysis.records import MARKER_KINDS, STANCES
from analysis.vocabulary import KIND_PLURALS as KIND_NAMES

HEAT_SCALE = [[0.0, "#f4f8fb"], [0.5, "#f1b58a"], [1.0, "#D55E00"]]
"""Distancing share 0 (pale) → 1 (the palette's vermilion, the colour of distancing)."""
TOO_FEW_COLOUR = "#d9d9d9"


def _esc(value: Any) -> str:
    """A label safe for Plotly text (which renders a subset of HTML)."""
    return html.escape(str(value), quote=False)


def _short(label: str, width: int = 28) -> str:
    """A long label cut for an axis (the hover keeps the full one)."""
    return label if len(label) <= width else label[: width - 1] + "…"


def _labels(names: Sequence[str], width: int = 28) -> list[str]:
    """Escaped, shortened axis labels, kept unique (Plotly merges equal category labels)."""
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        label = _esc(_short(str(name), width))
        k = 2
        while label in seen:
            label = _esc(_short(str(name), width - 3)) + f" ({k})"
            k += 1
        seen.add(label)
        out.append(label)
    return out


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    """Shared styling: large fonts, white background, title top left, legend under the plot."""
    fig.update_layout(
        template="plotly_white",
        title={"text": title, "font": {"size": FONT_SIZE + 3}, "x": 0, "xanchor": "left",
               "xref": "container", "pad": {"l": 8}},
        font={"size": FONT_SIZE, "family": "Arial, Helvetica, sans-serif", "color": "#222222"},
        height=height,
        margin={"l": 10, "r": 20, "t": 70, "b": 60},
        legend={"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom",
                "x": 0, "xanchor": "left", "font": {"size": FONT_SIZE - 2}},
        hoverlabel={"font": {"size": FONT_SIZE - 2}},
    )  # fmt: skip
    return fig


def _empty(title: str, message: str) -> go.Figure:
    """A figure that says there is nothing to draw."""
    fig = go.Figure()
    fig.add_annotation(text=_esc(message), showarrow=False, x=0.5, y=0.5, xref="paper",
                       yref="paper", font={"size": FONT_SIZE})  # fmt: skip
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title, 260)


def heatmap_figure(grid: pd.DataFrame, min_attributions: int = 3) -> go.Figure:
    """Actor × outlet heat map of the distancing share, too-thin cells greyed and labelled.

    Args:
        grid: :meth:`Comparison.heatmap_frame` (actor, group, stance counts, attributions,
            mentions, articles, distancing_share, enough).
        min_attributions: the threshold the ``enough`` column used (named in the legend).

    Returns:
        A heat map: colour = distancing attributions / all attributions of that actor in that
        outlet; hover = the stance counts it comes from; cells with fewer than
        ``min_attributions`` attributions are grey and say "too few".
    """
    title = "Who is reported with distancing verbs (claimed, alleged…), by outlet"
    if grid.empty:
        return _empty(title, "No actor has attributions in the articles picked.")
    actors = list(dict.fromkeys(grid["actor"]))
    groups = list(dict.fromkeys(grid["group"]))
    cell = grid.set_index(["actor", "group"])
    z, text, hover = [], [], []
    for a in actors:
        z_row: list[float | None] = []
        t_row: list[str] = []
        h_row: list[str] = []
        for g in groups:
            r = cell.loc[(a, g)]
            n = int(r["attributions"])
            counts = ", ".join(f"{s} {int(r[s])}" for s in STANCES if int(r[s]))
            head = f"<b>{_esc(a)}</b> in <b>{_esc(g)}</b><br>"
            facts = (
                f"attributions: {n} ({counts or 'none'})<br>mentions: {int(r['mentions'])} "
                f"in {int(r['articles'])} article(s)"
            )
            if bool(r["enough"]):
                share = float(r["distancing_share"])
                z_row.append(share)
                t_row.append(f"{share:.0%}")
                h_row.append(f"{head}distancing share: {share:.0%}<br>{facts}")
            else:
                z_row.append(None)
                t_row.append("too few" if n == 0 else f"too few ({n})")
                h_row.append(
                    f"{head}too few to compare (fewer than {min_attributions} attributions)"
                    f"<br>{facts}"
                )
            if not bool(r["enough"]) and n == 0:
                t_row[-1] = "–"
        z.append(z_row)
        text.append(t_row)
        hover.append(h_row)
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=_labels(groups),
            y=_labels(actors),
            text=text,
            texttemplate="%{text}",
            textfont={"size": FONT_SIZE - 4},
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            colorscale=HEAT_SCALE,
            zmin=0,
            zmax=1,
            xgap=2,
            ygap=2,
            hoverongaps=True,
            colorbar={"title": {"text": "distancing<br>share"}, "tickformat": ".0%"},
        )
    )
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(side="top", showgrid=False, tickangle=-30)
    fig.update_layout(plot_bgcolor=TOO_FEW_COLOUR)
    fig = _layout(fig, title, max(320, 120 + 42 * len(actors)))
    fig.update_layout(margin={"t": 170})
    fig.add_annotation(
        text=f"grey = too few to compare (fewer than {min_attributions} attributions)",
        showarrow=False, x=0, y=-0.02, xref="paper", yref="paper", xanchor="left",
        yanchor="top", font={"size": FONT_SIZE - 5, "color": "#555555"},
    )  # fmt: skip
    return fig


def rates_figure(rates: pd.DataFrame, kinds: Sequence[str] = MARKER_KINDS) -> go.Figure:
    """Per-outlet rates per 1,000 words of each marker kind, with bootstrap 95 % intervals.

    Args:
        rates: :meth:`Comparison.marker_rates` (group, kind, count, words, articles, rate, low,
            high).
        kinds: which marker kinds to draw, one panel each.
    """
    title = "Markers per 1,000 words, by outlet (bars: 95% bootstrap interval over articles)"
    if rates.empty:
        return _empty(title, "Nothing to compare yet.")
    kinds = [k for k in kinds if k in set(rates["kind"])]
    fig = make_subplots(
        rows=len(kinds), cols=1, shared_xaxes=True, vertical_spacing=0.04,
        subplot_titles=[_esc(KIND_NAMES.get(k, k)) for k in kinds],
    )  # fmt: skip
    for i, kind in enumerate(kinds, start=1):
        sub = rates[rates["kind"] == kind]
        rate = sub["rate"].to_numpy(dtype=float)
        low = np.nan_to_num(rate - sub["low"].to_numpy(dtype=float))
        high = np.nan_to_num(sub["high"].to_numpy(dtype=float) - rate)
        hover = [
            f"<b>{_esc(r.group)}</b><br>{_esc(KIND_NAMES.get(kind, kind))}: {r.rate:.1f} per "
            f"1,000 words<br>{int(r.count)} markers in {int(r.words):,} words, "
            f"{int(r.articles)} article(s)<br>95% interval: {r.low:.1f} – {r.high:.1f}"
            for r in sub.itertuples()
        ]
        fig.add_trace(
            go.Bar(
                x=_labels(sub["group"]),
                y=rate,
                marker_color=KIND_COLOURS.get(kind, "#555555"),
                error_y={"type": "data", "symmetric": False, "array": high, "arrayminus": low,
                         "color": "#222222", "thickness": 1.5},
                customdata=hover,
                hovertemplate="%{customdata}<extra></extra>",
                name=_esc(KIND_NAMES.get(kind, kind)),
                showlegend=False,
            ),
            row=i,
            col=1,
        )  # fmt: skip
    fig.update_annotations(font={"size": FONT_SIZE - 2}, xanchor="left", x=0)
    fig.update_xaxes(tickangle=-30)
    return _layout(fig, title, 140 + 190 * len(kinds))


def terms_figure(
    terms: Mapping[str, Sequence[Mapping[str, Any]]], min_z: float = 1.96
) -> go.Figure:
    """Each outlet's most distinctive words as horizontal bars of their z-score.

    Args:
        terms: group → ``[{"term", "z", "count"}]`` from :meth:`Comparison.distinctive_terms`.
        min_z: z-scores at or above it are drawn dark (clearly distinctive), below it light.
    """
    title = "Words each outlet uses more than the others (log-odds z-score, Monroe et al. 2008)"
    groups = [g for g in terms if terms[g]]
    if not groups:
        return _empty(title, "No word stands out: the outlets use the same words.")
    cols = min(3, len(groups))
    rows = math.ceil(len(groups) / cols)
    fig = make_subplots(
        rows=rows, cols=cols, subplot_titles=[_esc(_short(g, 34)) for g in groups],
        horizontal_spacing=0.12, vertical_spacing=0.5 / rows,
    )  # fmt: skip
    for i, g in enumerate(groups):
        items = list(terms[g])[::-1]
        fig.add_trace(
            go.Bar(
                x=[t["z"] for t in items],
                y=[_esc(t["term"]) for t in items],
                orientation="h",
                marker_color=["#0072B2" if t["z"] >= min_z else "#9ecae1" for t in items],
                customdata=[
                    f"<b>{_esc(t['term'])}</b> in {_esc(g)}: z = {t['z']:.2f}, used {t['count']}×"
                    for t in items
                ],
                hovertemplate="%{customdata}<extra></extra>",
                showlegend=False,
            ),
            row=i // cols + 1,
            col=i % cols + 1,
        )
    fig.update_annotations(font={"size": FONT_SIZE - 2})
    fig.update_yaxes(tickfont={"size": FONT_SIZE - 4})
    fig = _layout(fig, title, 120 + rows * 330)
    fig.add_annotation(
        text=f"dark bars: z ≥ {min_z:g} (clearly more frequent than in the other outlets)",
        showarrow=False, x=0, y=-0.06 / rows, xref="paper", yref="paper", xanchor="left",
        yanchor="top", font={"size": FONT_SIZE - 5, "color": "#555555"},
    )  # fmt: skip
    return fig


def outlet_map_figure(points: pd.DataFrame, explained: Sequence[float]) -> go.Figure:
    """Outlets placed by the similarity of their framing profiles (PCA of standardised rates).

    Args:
        points: :meth:`Comparison.outlet_map` frame (group, x, y, articles).
        explained: share of the differences each axis shows.
    """
    title = "Outlet map: outlets that frame alike sit close together"
    if len(points) < 2:
        return _empty(title, "Pick at least two outlets to draw a map.")
    size = 14 + 20 * np.sqrt(points["articles"] / max(1, points["articles"].max()))
    fig = go.Figure(
        go.Scatter(
            x=points["x"],
            y=points["y"],
            mode="markers+text",
            text=_labels(points["group"]),
            textposition="top center",
            marker={"size": size, "color": "#0072B2", "opacity": 0.8},
            customdata=[
                f"<b>{_esc(r.group)}</b><br>{int(r.articles)} article(s)"
                for r in points.itertuples()
            ],
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
    ex = [*explained, 0.0, 0.0]
    fig.update_xaxes(title=f"axis 1 ({ex[0]:.0%} of the differences)", zeroline=False)
    fig.update_yaxes(title=f"axis 2 ({ex[1]:.0%})", zeroline=False)
    return _layout(fig, title, 520)


def similarity_figure(sim: pd.DataFrame) -> go.Figure:
    """Cosine similarity of the outlets' standardised framing profiles as a heat map."""
    title = "How similar the outlets' framing profiles are (1 = same, −1 = opposite)"
    if sim.shape[0] < 2:
        return _empty(title, "Pick at least two outlets.")
    labels = _labels(sim.index)
    hover = [
        [f"{_esc(a)} ↔ {_esc(b)}: {sim.loc[a, b]:.2f}" for b in sim.columns] for a in sim.index
    ]
    fig = go.Figure(
        go.Heatmap(
            z=sim.to_numpy(),
            x=labels,
            y=labels,
            zmin=-1,
            zmax=1,
            colorscale=[[0, "#D55E00"], [0.5, "#f7f7f7"], [1, "#0072B2"]],
            text=np.round(sim.to_numpy(), 2),
            texttemplate="%{text}",
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(tickangle=-30)
    return _layout(fig, title, max(360, 140 + 40 * sim.shape[0]))


def stance_mix_figure(table: pd.DataFrame, actor: str) -> go.Figure:
    """Stacked bars: how one actor's statements are reported in each outlet (counts by stance)."""
    title = f"How {_esc(actor)}'s statements are reported, by outlet"
    sub = table[table["actor"] == actor]
    if sub.empty or int(sub["attributions"].sum()) == 0:
        return _empty(title, "No attributions of this actor in the articles picked.")
    fig = go.Figure()
    for s in STANCES:
        fig.add_trace(
            go.Bar(
                x=_labels(sub["group"]),
                y=sub[s],
                name=s,
                marker_color=STANCE_COLOURS.get(s, "#555555"),
                customdata=[
                    f"{_esc(g)}: {int(v)} {s}" for g, v in zip(sub["group"], sub[s], strict=True)
                ],
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(tickangle=-30)
    fig.update_yaxes(title="attributions")
    fig = _layout(fig, title, 460)
    fig.update_layout(margin={"b": 150})
    return fig
