"""Plotly figures of one analysis: stance and marker kinds per actor, sentiment along the text.

Pure functions ``ArticleAnalysis -> plotly.graph_objects.Figure``; the same figures are shown in
the app and exported as PNG/SVG/PDF. Large fonts and a colour-blind-safe palette (Okabe & Ito
2008) because the charts are projected in classrooms; every bar's hover text gives the count it
is drawn from, so each number traces back to highlighted markers.
"""

from __future__ import annotations

import html
import textwrap
from collections import Counter

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis.present.palette import KIND_COLOURS, NEGATIVE, POSITIVE, STANCE_COLOURS
from analysis.present.template import apply_template
from analysis.present.text import wrap_label
from analysis.records import MARKER_KINDS, ActorProfile, ArticleAnalysis, Sentence
from analysis.vocabulary import KIND_PLURALS as KIND_NAMES

MAX_ACTORS = 12
"""Charts show at most this many actors (the most mentioned); the title says if some are cut."""

FONT_SIZE = 18
TITLE_CHARS = 26
"""A chart title longer than this wraps (the page's chart column holds about this many)."""


def _layout(fig: go.Figure, title: str, height: int, *, narrow: bool = False) -> go.Figure:
    """Shared styling: large fonts, white background, title on top, legend under the plot;
    ``narrow`` for a chart the page draws in a column (about 400 px): a long title wraps."""
    if narrow:
        title = wrap_label(title, TITLE_CHARS, lines=4)
    extra = title.count("<br>")  # Plotly grows a top-anchored title upwards: pad each line
    apply_template(fig)
    fig.update_layout(
        title={
            "text": title,
            "font": {"size": FONT_SIZE + 3},
            "x": 0,
            "xanchor": "left",
            "xref": "container",
            "y": 1,
            "yanchor": "top",
            "yref": "container",
            "pad": {"t": 12 + 26 * extra, "l": 8},
        },
        font={"size": FONT_SIZE, "family": "Arial, Helvetica, sans-serif", "color": "#222222"},
        height=height,
        margin={"l": 10, "r": 20, "t": 60 + 30 * extra, "b": 150},
        legend={
            "orientation": "h",
            "yref": "container",
            "y": 0,
            "yanchor": "bottom",
            "xanchor": "left",
            "x": 0,
            "font": {"size": FONT_SIZE - 2},
            "traceorder": "normal",
        },
        hoverlabel={"font": {"size": FONT_SIZE - 2}},
        bargap=0.25,
    )
    return fig


def plain_title(fig: go.Figure) -> str:
    """A figure's title as one line of text (its wrapping ``<br>`` breaks read as spaces)."""
    return str(fig.layout.title.text or "").replace("<br>", " ")


def _empty(title: str, message: str) -> go.Figure:
    """A figure that says there is nothing to draw, instead of an empty axis."""
    fig = go.Figure()
    fig.add_annotation(
        text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
        font={"size": FONT_SIZE},
    )  # fmt: skip
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title, 260)


def _top_actors(analysis: ArticleAnalysis, names: list[str]) -> tuple[list[str], str]:
    """At most MAX_ACTORS of ``names`` by mentions, and a title suffix saying if some were cut."""
    mentions = {a.name: a.mentions for a in analysis.actors}
    ranked = sorted(names, key=lambda n: (-mentions.get(n, 0), n))
    if len(ranked) <= MAX_ACTORS:
        return ranked, ""
    return ranked[:MAX_ACTORS], f" (the {MAX_ACTORS} most mentioned of {len(ranked)})"


def stance_chart(analysis: ArticleAnalysis) -> go.Figure:
    """Stacked bars: how each actor's statements are reported (distancing, neutral, endorsing …).

    The stances follow journalism style guides ("said" is neutral, "claimed" casts doubt,
    "confirmed" endorses: Wikipedia Manual of Style, "Words to watch"; Recasens et al. 2013).

    Args:
        analysis: the result of :func:`analysis.analyze`.

    Returns:
        A horizontal stacked bar chart, one bar per actor with at least one attribution; hover
        text gives the count and share of each stance.
    """
    title = "How each actor's statements are reported"
    speakers = [a.name for a in analysis.actors if a.attributions]
    if not speakers:
        return _empty(title, "No statements attributed to an actor were found.")
    names, cut = _top_actors(analysis, speakers)
    names = names[::-1]  # plotly draws the first category at the bottom
    profiles = {a.name: a for a in analysis.actors}
    fig = go.Figure()
    for stance, colour in STANCE_COLOURS.items():
        counts = [int(profiles[n].stance_counts.get(stance, 0)) for n in names]
        if not any(counts):
            continue
        totals = [profiles[n].attributions for n in names]
        fig.add_bar(
            name=stance,
            y=names,
            x=counts,
            orientation="h",
            marker={"color": colour, "line": {"color": "white", "width": 1}},
            text=[c or "" for c in counts],
            textposition="inside",
            insidetextanchor="middle",
            textfont={"size": FONT_SIZE, "color": "white"},
            customdata=[[t, 100 * c / t if t else 0] for c, t in zip(counts, totals, strict=True)],
            hovertemplate=(
                "<b>%{y}</b><br>" + stance + ": %{x} of %{customdata[0]} statements "
                "(%{customdata[1]:.0f}%)<extra></extra>"
            ),
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title_text="Statements", dtick=1 if _max_total(
        profiles, names) <= 12 else None)  # fmt: skip
    fig.update_yaxes(title_text=None, automargin=True)
    return _layout(fig, title + cut, 230 + 44 * len(names), narrow=True)


def _max_total(profiles: dict[str, ActorProfile], names: list[str]) -> int:
    """Largest attribution count among ``names`` (for tick spacing)."""
    return max((profiles[n].attributions for n in names), default=0)


def marker_chart(analysis: ArticleAnalysis) -> go.Figure:
    """Stacked bars: the markers about each actor, by kind (quotes, scare quotes, doubt, loaded …).

    Args:
        analysis: the result of :func:`analysis.analyze`.

    Returns:
        A horizontal stacked bar chart counting markers per actor and kind; hover text adds the
        rate per 1,000 words so articles of different length compare.
    """
    title = "Markers about each actor, by kind"
    counts = Counter((m.actor, m.kind) for m in analysis.markers if m.actor)
    if not counts:
        return _empty(title, "No markers linked to an actor were found.")
    names, cut = _top_actors(analysis, sorted({a for a, _ in counts}))
    names = names[::-1]
    words = max(analysis.words, 1)
    fig = go.Figure()
    for kind in MARKER_KINDS:
        xs = [counts.get((n, kind), 0) for n in names]
        if not any(xs):
            continue
        fig.add_bar(
            name=KIND_NAMES[kind],
            y=names,
            x=xs,
            orientation="h",
            marker={"color": KIND_COLOURS[kind], "line": {"color": "white", "width": 1}},
            text=[x or "" for x in xs],
            textposition="inside",
            insidetextanchor="middle",
            textfont={"size": FONT_SIZE, "color": "white"},
            customdata=[[1000 * x / words] for x in xs],
            hovertemplate=(
                "<b>%{y}</b><br>" + KIND_NAMES[kind] + ": %{x} "
                "(%{customdata[0]:.1f} per 1,000 words)<extra></extra>"
            ),
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title_text="Markers")
    fig.update_yaxes(title_text=None, automargin=True)
    return _layout(fig, title + cut, 230 + 44 * len(names), narrow=True)


def _wrap(text: str, width: int = 60, lines: int = 4) -> str:
    """Sentence text for a hover box: wrapped, shortened, with <br> line breaks."""
    short = textwrap.shorten(" ".join(text.split()), width=width * lines, placeholder=" …")
    return "<br>".join(html.escape(line) for line in textwrap.wrap(short, width=width))


def sentiment_chart(analysis: ArticleAnalysis) -> go.Figure:
    """Sentiment of each sentence along the article, with where each actor is mentioned.

    Sentence sentiment is VADER's compound score (Hutto & Gilbert 2014): -1 very negative,
    0 neutral, +1 very positive.

    Args:
        analysis: the result of :func:`analysis.analyze`.

    Returns:
        Two stacked panels sharing the x axis (sentence number): bars of sentiment on top, a dot
        per actor mention below; hover shows the sentence.
    """
    title = "Sentiment along the article, and who is mentioned where"
    if not analysis.sentences:
        return _empty(title, "The article has no sentences to plot.")
    sentences = sorted(analysis.sentences, key=lambda s: s.index)
    position = {s.index: k + 1 for k, s in enumerate(sentences)}
    mentioned = sorted({m.actor for m in analysis.mentions if m.sentence in position})
    names, cut = _top_actors(analysis, mentioned)
    names = names[::-1]
    rows = 2 if names else 1
    top, bottom = 300, 36 * len(names) + 20  # pixels: one readable row per actor
    fig = make_subplots(
        rows=rows,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=40 / (top + bottom),
        row_heights=[float(top), float(bottom)] if rows == 2 else [1.0],
    )
    _add_sentiment_bars(fig, analysis, sentences, position)
    if names:
        _add_mention_rows(fig, analysis, names, position)
    fig.update_xaxes(title_text="Sentence number", row=rows, col=1)
    height = top + (bottom + 40 if names else 0) + 60 + 80
    fig = _layout(fig, title + cut, height)
    fig.update_layout(margin={"b": 80})  # no legend under this chart
    return fig


def _add_sentiment_bars(
    fig: go.Figure, analysis: ArticleAnalysis, sentences: list[Sentence], position: dict[int, int]
) -> None:
    """The top panel: one bar per sentence, its VADER compound score, the sentence on hover."""
    xs = [position[s.index] for s in sentences]
    ys = [s.sentiment for s in sentences]
    hover = [_wrap(analysis.text[s.start : s.end]) for s in sentences]
    fig.add_bar(
        x=xs,
        y=ys,
        name="sentence sentiment",
        marker={"color": [POSITIVE if y >= 0 else NEGATIVE for y in ys]},
        customdata=hover,
        hovertemplate="Sentence %{x}: sentiment %{y:+.2f}<br>%{customdata}<extra></extra>",
        showlegend=False,
        row=1,
        col=1,
    )
    fig.update_yaxes(
        title_text="Sentiment (−1 … +1)", range=[-1.05, 1.05], zeroline=True,
        zerolinecolor="#444444", row=1, col=1,
    )  # fmt: skip


def _add_mention_rows(
    fig: go.Figure, analysis: ArticleAnalysis, names: list[str], position: dict[int, int]
) -> None:
    """The bottom panel: a row per actor, a dot (sized by count) where it is mentioned."""
    per_actor: dict[str, Counter[int]] = {n: Counter() for n in names}
    for m in analysis.mentions:
        if m.actor in per_actor and m.sentence in position:
            per_actor[m.actor][position[m.sentence]] += 1
    for n in names:
        pts = sorted(per_actor[n].items())
        fig.add_scatter(
            x=[p for p, _ in pts],
            y=[n] * len(pts),
            mode="markers",
            marker={"size": [10 + 4 * min(c, 4) for _, c in pts], "color": "#0072B2"},
            customdata=[[html.escape(n), c] for _, c in pts],
            hovertemplate=(
                "<b>%{customdata[0]}</b>: %{customdata[1]} mention(s) in sentence "
                "%{x}<extra></extra>"
            ),
            showlegend=False,
            row=2,
            col=1,
        )
    fig.update_yaxes(title_text=None, automargin=True, row=2, col=1)
