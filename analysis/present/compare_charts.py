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
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis.present.charts import FONT_SIZE
from analysis.present.heat_layout import (
    HeatGeometry,
    apply_heat_geometry,
    colour_bar,
    column_lines,
    heat_geometry,
    label_lines,
)
from analysis.present.palette import KIND_COLOURS, STANCE_COLOURS
from analysis.present.template import apply_template
from analysis.present.text import wrap_label
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


def _unique_labels(
    names: Sequence[Any], first: Callable[[str], str], again: Callable[[str, int], str]
) -> list[str]:
    """Each name's label by ``first``; a label already taken is made by ``again(name, 2)``,
    ``again(name, 3)`` … until it is unique (Plotly merges equal category labels)."""
    out: list[str] = []
    seen: set[str] = set()
    for name in map(str, names):
        label, k = first(name), 2
        while label in seen:
            label, k = again(name, k), k + 1
        seen.add(label)
        out.append(label)
    return out


def _labels(names: Sequence[str], width: int = 28) -> list[str]:
    """Escaped, shortened axis labels, kept unique."""
    return _unique_labels(
        names,
        lambda n: _esc(_short(n, width)),
        lambda n, k: _esc(_short(n, width - 3)) + f" ({k})",
    )


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    """Shared styling: large fonts, white background, title top left, legend under the plot."""
    apply_template(fig)
    fig.update_layout(
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


def _cell_font(columns: int, geometry: HeatGeometry, width: int = 900) -> int:
    """A cell-text size that keeps "100%*" inside a cell of a figure ``width`` px wide."""
    cell = (width - geometry.left - geometry.right) / max(1, columns)
    return int(max(9, min(FONT_SIZE - 4, (cell - 6) / 3.2)))


def _cell_text(share: float, n: int, enough: bool, mark: str) -> str:
    """What a heat-map cell prints: the share (and a mark), "n=2" when too few, "–" for none."""
    if enough:
        return f"{share:.0%}{mark}"
    return "–" if n == 0 else f"n={n}"


def heat_labels(names: Sequence[str], width: int = 24, lines: int = 2) -> list[str]:
    """Heat-map axis labels: escaped, long ones (article titles) wrapped on ``lines`` lines of
    ``width`` characters and then cut with "…" (the hover keeps the whole name), kept unique."""

    def first(name: str) -> str:
        return "<br>".join(_esc(line) for line in label_lines(wrap_label(name, width, lines)))

    def again(name: str, k: int) -> str:
        lines_of = label_lines(wrap_label(name, width, lines))
        head = "".join(_esc(line) + "<br>" for line in lines_of[:-1])
        return head + _esc(_short(lines_of[-1], width - 4)) + f" ({k})"

    return _unique_labels(names, first, again)


def heat_map(
    z: Sequence[Sequence[float | None]],
    columns: Sequence[str],
    rows: Sequence[str],
    *,
    title: str,
    scale: Any,
    zrange: tuple[float, float],
    bar: tuple[str, str],
    note: str,
    text: Sequence[Sequence[Any]] | None = None,
    hover: Sequence[Sequence[str]] | None = None,
) -> go.Figure:
    """An actor × group heat map laid out by :mod:`analysis.present.heat_layout`: margins from
    the longest labels, the colour bar right of the plot with its title up its side.

    Args:
        z: colour values, row by row (None = no value, drawn in the "too few" grey).
        columns, rows: the names (unescaped; labels are made by :func:`heat_labels`).
        title: the figure's title.
        scale, zrange: the colour scale and its (min, max).
        bar: (colour-bar title, tick format).
        note: the explanation under the plot (``<br>`` between lines).
        text, hover: cell labels and hover texts, row by row.
    """
    x, y = heat_labels(columns), heat_labels(rows, 30)
    ticks = max(len(f"{v:{bar[1]}}") for v in zrange)  # d3 and Python agree here
    geometry = heat_geometry(x, y, bar_title=bar[0], tick_chars=ticks,
                             note_lines=note.count("<br>") + 1)  # fmt: skip
    if column_lines(len(x), geometry.left, geometry.right) < 2:  # narrow columns: one line
        x = heat_labels(columns, lines=1)
        geometry = heat_geometry(x, y, bar_title=bar[0], tick_chars=ticks,
                                 note_lines=note.count("<br>") + 1)  # fmt: skip
    trace: dict[str, Any] = {"z": z, "x": x, "y": y, "colorscale": scale, "zmin": zrange[0],
                             "zmax": zrange[1], "xgap": 2, "ygap": 2, "hoverongaps": True,
                             "colorbar": colour_bar(bar[0], bar[1])}  # fmt: skip
    if text is not None:
        trace |= {"text": text, "texttemplate": "%{text}",
                  "textfont": {"size": _cell_font(len(x), geometry)}}  # fmt: skip
    if hover is not None:
        trace |= {"customdata": hover, "hovertemplate": "%{customdata}<extra></extra>"}
    fig = go.Figure(go.Heatmap(**trace))
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(showgrid=False)
    fig.update_layout(plot_bgcolor=TOO_FEW_COLOUR)
    fig = _layout(fig, title, geometry.height)
    apply_heat_geometry(fig, geometry)
    fig.add_annotation(
        text=note, showarrow=False, x=0, y=0, yshift=-6, xref="paper", yref="paper",
        xanchor="left", yanchor="top", align="left",
        font={"size": FONT_SIZE - 5, "color": "#555555"},
    )  # fmt: skip
    return fig


def heatmap_figure(
    grid: pd.DataFrame,
    min_attributions: int = 3,
    marks: Mapping[tuple[str, str], str] | None = None,
    group_kind: str = "outlet",
) -> go.Figure:
    """Actor × outlet heat map of the distancing share, too-thin cells greyed and labelled.

    Args:
        grid: :meth:`Comparison.heatmap_frame` (actor, group, stance counts, attributions,
            mentions, articles, distancing_share, enough).
        min_attributions: the threshold the ``enough`` column used (named in the legend).
        marks: (actor, group) → a mark printed after the share and explained in the hover,
            e.g. ``"*"`` for cells in a significant tested difference.
        group_kind: what a column is ("outlet", "article"), named in the title.

    Returns:
        A heat map: colour = distancing attributions / all attributions of that actor in that
        outlet; hover = the stance counts it comes from; cells with fewer than
        ``min_attributions`` attributions are grey and print only their count ("n=2"), so the
        label fits the cell. The title sits above the slanted outlet names and the colour bar
        right of the plot, each in a margin computed from the labels (:func:`heat_map`).
    """
    marks = marks or {}
    title = f"Who is reported with distancing verbs (claimed, alleged…), by {group_kind}"
    if grid.empty:
        return _empty(title, "No actor has attributions in the articles picked.")
    actors = list(dict.fromkeys(grid["actor"]))
    groups = list(dict.fromkeys(grid["group"]))
    z, text, hover = _heat_cells(grid, actors, groups, min_attributions, marks)
    mark_note = "; * = significant difference" if marks else ""
    note = f"grey = too few to compare (n = attributions, under {min_attributions}){mark_note}"
    return heat_map(
        z, groups, actors, title=title, scale=HEAT_SCALE, zrange=(0, 1),
        bar=("distancing share", ".0%"), note=note, text=text, hover=hover,
    )  # fmt: skip


def _heat_cells(
    grid: pd.DataFrame,
    actors: list[str],
    groups: list[str],
    min_attributions: int,
    marks: Mapping[tuple[str, str], str],
) -> tuple[list[list[float | None]], list[list[str]], list[list[str]]]:
    """The distancing heat map's colour values, cell labels and hover texts, row by row."""

    def describe(a: str, g: str, r: Mapping[str, Any]) -> tuple[float | None, str, str]:
        n = int(r["attributions"])
        counts = ", ".join(f"{s} {int(r[s])}" for s in STANCES if int(r[s]))
        head = f"<b>{_esc(a)}</b> in <b>{_esc(g)}</b><br>"
        facts = (
            f"attributions: {n} ({counts or 'none'})<br>mentions: {int(r['mentions'])} "
            f"in {int(r['articles'])} article(s)"
        )
        enough, mark = bool(r["enough"]), marks.get((a, g), "")
        label = _cell_text(float(r["distancing_share"]), n, enough, mark)
        if not enough:
            too_few = f"too few to compare (fewer than {min_attributions} attributions)"
            return None, label, f"{head}{too_few}<br>{facts}"
        share = float(r["distancing_share"])
        note = "<br>* differs significantly from another outlet" if mark else ""
        return share, label, f"{head}distancing share: {share:.0%}{note}<br>{facts}"

    return cell_grid(grid, actors, groups, describe)


def cell_grid(
    grid: pd.DataFrame,
    actors: list[str],
    groups: list[str],
    describe: Callable[[str, str, Mapping[str, Any]], tuple[float | None, str, str]],
) -> tuple[list[list[float | None]], list[list[str]], list[list[str]]]:
    """(z, text, hover) rows of an actor × group heat map, one ``describe`` call per cell
    (with the cell's row of ``grid`` as a mapping: a pandas row per cell costs more than the
    rest of the figure)."""
    cell = {(r["actor"], r["group"]): r for r in grid.to_dict("records")}
    z, text, hover = [], [], []
    for a in actors:
        described = [describe(a, g, cell[(a, g)]) for g in groups]
        z.append([d[0] for d in described])
        text.append([d[1] for d in described])
        hover.append([d[2] for d in described])
    return z, text, hover


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
        # NaN (one article: no interval) stays NaN, so no zero-width bar is drawn for it.
        low = rate - sub["low"].to_numpy(dtype=float)
        high = sub["high"].to_numpy(dtype=float) - rate
        hover = [
            f"<b>{_esc(r.group)}</b><br>{_esc(KIND_NAMES.get(kind, kind))}: {r.rate:.1f} per "
            f"1,000 words<br>{int(r.count)} markers in {int(r.words):,} words, "
            f"{int(r.articles)} article(s)<br>" + _interval_text(r.low, r.high)
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


def _interval_text(low: float, high: float) -> str:
    """The hover line of a rate's interval, or why there is none."""
    if pd.isna(low) or pd.isna(high):
        return "no interval: one article cannot show how the outlet's articles vary"
    return f"95% interval: {low:.1f} – {high:.1f}"


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


MAP_WIDTH, MAP_HEIGHT = 900, 560
"""The outlet map's size in CSS px (also its export size), for placing labels."""
_POSITIONS = (
    ("top center", 0.0, -1.0), ("bottom center", 0.0, 1.0), ("middle right", 1.0, 0.0),
    ("middle left", -1.0, 0.0), ("top right", 1.0, -1.0), ("top left", -1.0, -1.0),
    ("bottom right", 1.0, 1.0), ("bottom left", -1.0, 1.0),
)  # fmt: skip


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """Area shared by two boxes (x0, y0, x1, y1)."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return max(0.0, w) * max(0.0, h)


def _label_box(px: float, py: float, pos: tuple[str, float, float], w: float, h: float,
               r: float) -> tuple[float, float, float, float]:  # fmt: skip
    """The pixel box of a label put at ``pos`` next to a marker of radius ``r`` at (px, py)."""
    _, dx, dy = pos
    cx = px + dx * (r + 3 + w / 2)
    cy = py + dy * (r + 3 + h / 2)
    return (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def label_positions(
    x: Sequence[float], y: Sequence[float], labels: Sequence[str], radius: Sequence[float],
    *, width: float, height: float, font: float,
) -> list[str]:  # fmt: skip
    """A Plotly ``textposition`` per point so that labels overlap neither each other nor the
    markers and stay inside the plot (greedy: each label takes the first free place around
    its marker, else the least crowded one). ``x``, ``y`` are in pixels of a plot area of
    ``width`` × ``height``, y downwards."""
    markers = [(px - r, py - r, px + r, py + r) for px, py, r in zip(x, y, radius, strict=True)]
    placed: list[tuple[float, float, float, float]] = []
    out = []
    for k, (px, py, label, r) in enumerate(zip(x, y, labels, radius, strict=True)):
        w, h = 0.58 * font * len(label), 1.25 * font
        best, best_cost = _POSITIONS[0], float("inf")
        for pos in _POSITIONS:
            box = _label_box(px, py, pos, w, h, r)
            cost = sum(_overlap(box, o) for o in placed)
            cost += sum(_overlap(box, m) for j, m in enumerate(markers) if j != k)
            outside = max(0.0, -box[0]) + max(0.0, box[2] - width)
            outside += max(0.0, -box[1]) + max(0.0, box[3] - height)
            cost += outside * h * 4
            if cost < best_cost:
                best, best_cost = pos, cost
            if cost == 0:
                break
        placed.append(_label_box(px, py, best, w, h, r))
        out.append(best[0])
    return out


def _padded(values: np.ndarray, share: float) -> list[float]:
    """An axis range around ``values`` with ``share`` of the span added on each side."""
    lo, hi = float(values.min()), float(values.max())
    span = hi - lo or 1.0
    return [lo - share * span, hi + share * span]


def outlet_map_figure(points: pd.DataFrame, explained: Sequence[float]) -> go.Figure:
    """Outlets placed by the similarity of their framing profiles (PCA of standardised rates).

    Labels are placed around their markers so that they overlap neither each other nor the
    markers (:func:`label_positions`), and the axes leave room for them: no name is cut off.

    Args:
        points: :meth:`Comparison.outlet_map` frame (group, x, y, articles).
        explained: share of the differences each axis shows.
    """
    title = "Outlet map: outlets that frame alike sit close together"
    if len(points) < 2:
        return _empty(title, "Pick at least two outlets to draw a map.")
    size = (14 + 20 * np.sqrt(points["articles"] / max(1, points["articles"].max()))).to_numpy()
    labels = _labels(points["group"], 24)
    font = FONT_SIZE - 4
    longest = max(len(html.unescape(lab)) for lab in labels) * 0.58 * font
    plot_w, plot_h = MAP_WIDTH - 110, MAP_HEIGHT - 190
    # Room for a label on either side: the longest label's share of the plot width.
    x_pad = min(0.6, (longest + 30) / plot_w)
    xr = _padded(points["x"].to_numpy(float), x_pad)
    yr = _padded(points["y"].to_numpy(float), 0.18)
    px = (points["x"].to_numpy(float) - xr[0]) / (xr[1] - xr[0]) * plot_w
    py = (yr[1] - points["y"].to_numpy(float)) / (yr[1] - yr[0]) * plot_h
    positions = label_positions(
        px, py, [html.unescape(lab) for lab in labels], size / 2,
        width=plot_w, height=plot_h, font=font,
    )  # fmt: skip
    fig = go.Figure(
        go.Scatter(
            x=points["x"],
            y=points["y"],
            mode="markers+text",
            text=labels,
            textposition=positions,
            textfont={"size": font},
            cliponaxis=False,
            marker={"size": size, "color": "#0072B2", "opacity": 0.8},
            customdata=[
                f"<b>{_esc(r.group)}</b><br>{int(r.articles)} article(s)"
                for r in points.itertuples()
            ],
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
    ex = [*explained, 0.0, 0.0]
    fig.update_xaxes(title=f"axis 1 ({ex[0]:.0%} of the differences)", zeroline=False, range=xr)
    fig.update_yaxes(title=f"axis 2 ({ex[1]:.0%})", zeroline=False, range=yr)
    fig = _layout(fig, title, MAP_HEIGHT)
    fig.update_layout(margin={"l": 80, "r": 30, "t": 80, "b": 110})
    return fig


def similarity_figure(sim: pd.DataFrame) -> go.Figure:
    """Cosine similarity of the outlets' standardised framing profiles as a heat map."""
    title = "How similar the outlets' framing profiles are (1 = same, −1 = opposite)"
    if sim.shape[0] < 2:
        return _empty(title, "Pick at least two outlets.")
    hover = [
        [f"{_esc(a)} ↔ {_esc(b)}: {sim.loc[a, b]:.2f}" for b in sim.columns] for a in sim.index
    ]
    scale = [[0, "#D55E00"], [0.5, "#f7f7f7"], [1, "#0072B2"]]
    return heat_map(
        sim.to_numpy().tolist(), list(sim.columns), list(sim.index), title=title, scale=scale,
        zrange=(-1, 1), bar=("cosine similarity", "+.1f"),
        note="1 = the same framing profile, 0 = unrelated, −1 = opposite",
        text=[[f"{v:+.2f}" for v in row] for row in sim.to_numpy()], hover=hover,
    )  # fmt: skip


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


GROUP_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
                 "#F0E442"]  # fmt: skip
"""Okabe & Ito (2008): one colour per outlet line (repeated with other dashes past eight)."""
_DASHES = ["solid", "dash", "dot", "dashdot"]


def timeline_figure(frame: pd.DataFrame, actors: Sequence[str]) -> go.Figure:
    """A line chart per actor of the distancing share per period, one line per outlet.

    Args:
        frame: :meth:`Comparison.timeline` (period, group, actor, articles, attributions,
            distancing_share, enough).
        actors: the actors to draw, one panel each, in this order.

    Periods with too few attributions draw no point (the line breaks there), so a share from
    one or two statements never looks like a trend; the hover gives the counts.
    """
    title = "Distancing share over time, by outlet"
    frame = frame[frame["actor"].isin(list(actors))]
    actors = [a for a in actors if a in set(frame["actor"])]
    if frame.empty or not actors:
        return _empty(title, "No dated article has attributions of these actors.")
    periods = sorted(set(frame["period"]))
    groups = _groups_of(frame)
    fig = make_subplots(
        rows=len(actors), cols=1, shared_xaxes=True, vertical_spacing=0.12 / max(1, len(actors)),
        subplot_titles=[_esc(a) for a in actors],
    )  # fmt: skip
    for i, actor in enumerate(actors, start=1):
        sub = frame[frame["actor"] == actor].set_index(["group", "period"])
        for k, g in enumerate(groups):
            ys, hover = [], []
            for per in periods:
                if (g, per) in sub.index:
                    r = sub.loc[(g, per)]
                    n, share = int(r["attributions"]), r["distancing_share"]
                    ok = bool(r["enough"])
                    ys.append(float(share) if ok else None)
                    what = f"{float(share):.0%}" if ok else f"too few ({n} attributions)"
                    hover.append(f"<b>{_esc(g)}</b>, {_esc(per)}: {what}<br>{n} attributions in "
                                 f"{int(r['articles'])} article(s)")  # fmt: skip
                else:
                    ys.append(None)
                    hover.append(f"<b>{_esc(g)}</b>, {_esc(per)}: no article")
            fig.add_trace(
                go.Scatter(
                    x=periods, y=ys, mode="lines+markers", name=_esc(_short(g, 30)),
                    legendgroup=g, showlegend=i == 1, connectgaps=False,
                    line={"color": GROUP_COLOURS[k % 8], "dash": _DASHES[k // 8 % 4]},
                    customdata=hover, hovertemplate="%{customdata}<extra></extra>",
                ),
                row=i, col=1,
            )  # fmt: skip
        fig.update_yaxes(range=[-0.05, 1.05], tickformat=".0%", row=i, col=1)
    fig.update_xaxes(type="category")
    fig.update_annotations(font={"size": FONT_SIZE - 2}, xanchor="left", x=0)
    fig = _layout(fig, title, 160 + 230 * len(actors))
    fig.update_layout(margin={"b": 110})
    return fig


def _groups_of(frame: pd.DataFrame) -> list[str]:
    """The groups of a frame in display order (case-insensitive)."""
    return sorted(set(frame["group"]), key=lambda g: (str(g).casefold(), str(g)))


def differences_figure(tested: pd.DataFrame, actor: str) -> go.Figure:
    """Each tested pair's difference of one actor's distancing share, with its 95 % interval.

    Args:
        tested: :meth:`Comparison.differences` (first frame).
        actor: whose pairs to draw.

    Significant pairs (Benjamini–Hochberg adjusted) are drawn dark and marked ★; pairs with
    too little data are not drawn at all (the page lists them in words instead).
    """
    title = f"Distancing share of {_esc(_short(actor, 30))}: outlet A − outlet B"
    sub = tested[tested["actor"] == actor]
    if sub.empty:
        return _empty(title, "No pair of outlets has enough data for a test.")
    labels = _labels(
        [f"{a} − {b}" for a, b in zip(sub["group_a"], sub["group_b"], strict=True)], 44
    )
    sig = sub["significant"].astype(bool).tolist()
    hover = [
        f"<b>{_esc(r.group_a)}</b> {r.a:.0%} − <b>{_esc(r.group_b)}</b> {r.b:.0%} = "
        f"{r.effect * 100:+.0f} points<br>95% interval {r.ci_low * 100:+.0f} to "
        f"{r.ci_high * 100:+.0f}<br>adjusted p = {r.p_adjusted:.3f} ({_esc(r.method)})<br>"
        f"{int(r.articles_a)} and {int(r.articles_b)} articles"
        for r in sub.itertuples()
    ]
    eff = sub["effect"].to_numpy(float)
    fig = go.Figure(
        go.Scatter(
            x=eff, y=[f"{'★ ' if s else ''}{lab}" for s, lab in zip(sig, labels, strict=True)],
            mode="markers",
            marker={"size": 12, "color": ["#D55E00" if s else "#999999" for s in sig],
                    "symbol": ["diamond" if s else "circle" for s in sig]},
            error_x={"type": "data", "symmetric": False,
                     "array": sub["ci_high"].to_numpy(float) - eff,
                     "arrayminus": eff - sub["ci_low"].to_numpy(float), "color": "#444444"},
            customdata=hover, hovertemplate="%{customdata}<extra></extra>", showlegend=False,
        )
    )  # fmt: skip
    fig.add_vline(x=0, line={"color": "#555555", "dash": "dot"})
    fig.update_xaxes(range=[-1.05, 1.05], tickformat="+.0%", title="difference (A − B)")
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig = _layout(fig, title, max(300, 150 + 36 * len(sub)))
    fig.add_annotation(
        text="★ = significant (Benjamini–Hochberg, false discovery rate 5%)",
        showarrow=False, x=0, y=0, xref="paper", yref="paper", xanchor="left", yanchor="top",
        yshift=-62, font={"size": FONT_SIZE - 5, "color": "#555555"},
    )  # fmt: skip
    fig.update_layout(margin={"b": 100})
    return fig
