"""Plotly figures of the per-actor tone: tone mentions per actor, and net tone per actor × outlet.

The tone of a mention is how its sentence portrays that actor (the tone model of
:mod:`analysis.engine.tone`, NB-LR after Wang & Manning 2012, trained on NewsMTSC, Hamborg &
Donnay 2021). Every bar and cell says in its hover how many mentions it is drawn from.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from analysis.present.charts import FONT_SIZE, _empty, _layout, _top_actors
from analysis.present.compare_charts import _esc, cell_grid, heat_map
from analysis.present.palette import TONE_COLOURS
from analysis.records import TONES, ArticleAnalysis

TONE_SOURCE = "tone model trained on NewsMTSC (Hamborg & Donnay 2021)"
TONE_SCALE = [
    [0.0, TONE_COLOURS["negative"]],
    [0.5, "#f7f7f7"],
    [1.0, TONE_COLOURS["positive"]],
]
"""Net tone −1 (the palette's vermilion) → 0 (pale) → +1 (blue)."""


def tone_chart(analysis: ArticleAnalysis) -> go.Figure:
    """Stacked bars: how many of each actor's mentions read negative, neutral or positive.

    Args:
        analysis: the result of :func:`analysis.analyze` (schema 3: mentions carry a tone).

    Returns:
        A horizontal stacked bar chart, one bar per actor with a scored mention, the net tone
        in the hover: (positive − negative) / mentions.
    """
    title = "Tone towards each actor"
    scored = [a.name for a in analysis.actors if sum(a.tone_counts.values())]
    if not scored:
        return _empty(title, "No actor mention has a tone (an older analysis, or no actors).")
    names, cut = _top_actors(analysis, scored)
    names = names[::-1]
    profiles = {a.name: a for a in analysis.actors}
    fig = go.Figure()
    for tone in TONES:
        counts = [int(profiles[n].tone_counts.get(tone, 0)) for n in names]
        totals = [sum(profiles[n].tone_counts.values()) for n in names]
        nets = [profiles[n].net_tone or 0.0 for n in names]
        fig.add_bar(
            name=tone,
            y=[_esc(n) for n in names],  # Plotly renders a subset of HTML in labels
            x=counts,
            orientation="h",
            marker={"color": TONE_COLOURS[tone], "line": {"color": "white", "width": 1}},
            text=[c or "" for c in counts],
            textposition="inside",
            insidetextanchor="middle",
            textfont={"size": FONT_SIZE, "color": "white"},
            customdata=list(zip(totals, nets, strict=True)),
            hovertemplate=(
                "<b>%{y}</b><br>" + tone + ": %{x} of %{customdata[0]} mentions"
                "<br>net tone %{customdata[1]:+.2f}<extra></extra>"
            ),
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title_text="Mentions (count)")
    fig.update_yaxes(title_text=None, automargin=True)
    fig = _layout(fig, title, 230 + 44 * len(names))
    if cut:  # the column is narrow: the cut note is a subtitle, not part of the title
        fig.update_layout(
            title_subtitle={"text": f"the {len(names)} most mentioned of {len(scored)}"},
            margin={"t": 80},
        )
    return fig


def tone_heatmap_figure(
    grid: pd.DataFrame, min_mentions: int = 3, group_kind: str = "outlet"
) -> go.Figure:
    """Actor × outlet heat map of the net tone, too-thin cells grey, counts in the hover.

    Args:
        grid: :meth:`analysis.compare.Comparison.tone_frame` (actor, group, tone_negative,
            tone_neutral, tone_positive, scored, net_tone), actors in the order to draw.
        min_mentions: cells with fewer scored mentions are grey ("too few").
        group_kind: what a column is ("outlet", "article"), named in the title.

    Returns:
        A heat map: colour = (positive − negative mentions) / scored mentions, −1 … +1; the
        hover gives the three counts it comes from.
    """
    title = f"Tone towards each actor, by {group_kind}"
    if grid.empty or not int(grid["scored"].sum()):
        return _empty(title, "No tone counts yet: analyses made before engine 0.5.0 have none.")
    actors = list(dict.fromkeys(grid["actor"]))
    groups = list(dict.fromkeys(grid["group"]))
    z, text, hover = cell_grid(grid, actors, groups, partial(_tone_cell, min_mentions=min_mentions))
    note = (
        f"−1 = every mention negative, +1 = every mention positive<br>grey = fewer than "
        f"{min_mentions} mentions with a tone"
    )
    return heat_map(
        z, groups, actors, title=title, scale=TONE_SCALE, zrange=(-1, 1),
        bar=("net tone", "+.1f"), note=note, text=text, hover=hover,
    )  # fmt: skip


def _tone_cell(
    a: str, g: str, r: Mapping[str, Any], min_mentions: int
) -> tuple[float | None, str, str]:
    """Colour value, label and hover of one tone cell (grey below ``min_mentions``)."""
    n = int(r["scored"])
    counts = ", ".join(f"{t} {int(r[f'tone_{t}'])}" for t in TONES)
    head = f"<b>{_esc(a)}</b> in <b>{_esc(g)}</b><br>"
    if n >= min_mentions:
        net = float(r["net_tone"])
        return net, f"{net:+.2f}", f"{head}net tone: {net:+.2f}<br>mentions: {n} ({counts})"
    too_few = f"too few to compare (fewer than {min_mentions} mentions with a tone)"
    return None, "–" if n == 0 else f"n={n}", f"{head}{too_few}<br>mentions: {n} ({counts})"
