"""Showing one analysis: the highlighted article, actor profiles with evidence, and the charts."""

from __future__ import annotations

import html
import logging
import sqlite3

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analysis.library.store import LibraryError, save_to_library
from analysis.present.charts import marker_chart, sentiment_chart, stance_chart
from analysis.present.highlight import highlight_html, legend_html, stylesheet
from analysis.records import MARKER_KINDS, STANCES, ArticleAnalysis, Marker
from analysis.vocabulary import KIND_LABELS
from ui.analysis_cache import text_digest
from ui.charts import show_chart
from ui.downloads import analysis_table_downloads, table_downloads
from ui.text import article_name, md, md_block, option
from ui.tone_view import render_tone_evidence

MAX_EVIDENCE_SENTENCES = 60

PROFILE_COLUMNS: dict[str, str] = {
    "actor": "Actor",
    "type": "Type",
    "mentions": "Mentions",
    **{s: s.capitalize() for s in STANCES},
    "distancing_share": "Distancing share",
    "quotes": "Quotes",
    "scare_quotes": "Scare quotes",
    "doubt": "Doubt",
    "loaded": "Loaded",
    "sentiment": "Sentiment",
    "tone_negative": "Negative tone",
    "tone_neutral": "Neutral tone",
    "tone_positive": "Positive tone",
    "net_tone": "Net tone",
    "mentions_per_1000": "Mentions /1,000 words",
    "attributions_per_1000": "Statements /1,000 words",
    "scare_quotes_per_1000": "Scare quotes /1,000 words",
    "doubt_per_1000": "Doubt /1,000 words",
    "loaded_per_1000": "Loaded /1,000 words",
}


def render_summary(result: ArticleAnalysis) -> None:
    """Title, outlet and headline numbers of the analysis, and its warnings."""
    outlet = result.meta.get("outlet") if result.meta else None
    heading = result.title or "Untitled article"
    st.subheader(md(heading + (f" — {outlet}" if outlet else "")), anchor=False)
    cols = st.columns(4)
    cols[0].metric("Words", f"{result.words:,}")
    cols[1].metric("Actors", len(result.actors))
    cols[2].metric("Markers", len(result.markers))
    distancing = sum(1 for m in result.markers if m.category == "distancing")
    cols[3].metric("Distancing verbs", distancing)
    for warning in result.warnings:
        st.warning(md_block(warning), icon=":material/info:")


def render_save(result: ArticleAnalysis) -> None:
    """A "Save to library" button: keeps the text and its analysis for the Library and Compare."""
    if not st.button("Save to library", key="analyze.save", icon=":material/bookmark_add:"):
        return
    meta = dict(result.meta or {})
    try:
        saved = save_to_library(result, outlet=meta.get("outlet"), url=meta.get("url"))
    except (LibraryError, OSError, sqlite3.Error) as exc:  # the reason may name server paths
        logging.getLogger("framing_lens.library").error("save to library failed: %s", exc)
        st.error("Could not save to the library (see the server log). The analysis is still shown.")
        return
    if saved.duplicate:
        st.info(f"This article is already in the library (article #{saved.id}).")
    else:
        st.success(f"Saved to the library as article #{saved.id}. Open the Library page to see it.")


def render_highlights(result: ArticleAnalysis) -> None:
    """Filters (kind, actor), the legend and the article with every marker highlighted."""
    kinds = st.pills(
        "Show markers of kind",
        MARKER_KINDS,
        selection_mode="multi",
        default=list(MARKER_KINDS),
        format_func=lambda k: KIND_LABELS[k],
        key="analyze.kinds",
        width="stretch",
        wrap=True,
    )
    actors = st.multiselect(
        "Only markers about",
        [a.name for a in result.actors],
        key="analyze.actors",
        placeholder="All actors",
        format_func=option,
    )
    body = highlight_html(result, kinds=set(kinds or ()), actors=set(actors) if actors else None)
    # A keyed container keeps the article in one place across reruns (tests and links find it).
    with st.container(key="analyze.article"):
        st.html(f'{stylesheet()}{legend_html(kinds)}<div class="fl-main">{body}</div>')


def render_profiles(result: ArticleAnalysis) -> None:
    """The actor profile table and, for the chosen actor, the sentences that are its evidence."""
    if not result.actors:
        st.info("No people, organisations or countries were recognised in this text.")
        return
    frame = result.actors_frame()
    # A share is undefined (blank, not "None") for actors with no reporting verbs; shown in %.
    frame["distancing_share"] = 100 * pd.to_numeric(frame["distancing_share"], errors="coerce")
    frame["sentiment"] = pd.to_numeric(frame["sentiment"], errors="coerce")
    frame["net_tone"] = pd.to_numeric(frame["net_tone"], errors="coerce")
    table = frame[[c for c in PROFILE_COLUMNS if c in frame.columns]].rename(
        columns=PROFILE_COLUMNS
    )
    st.dataframe(
        table,
        hide_index=True,
        key="analyze.profiles",
        column_config={
            "Distancing share": st.column_config.NumberColumn(
                format="%.0f%%", help="Distancing verbs / all reporting verbs of this actor"
            ),
            "Sentiment": st.column_config.NumberColumn(
                format="%+.2f", help="Average VADER sentiment of sentences mentioning the actor"
            ),
            "Net tone": st.column_config.NumberColumn(
                format="%+.2f",
                help="(positive − negative mentions) / all mentions, by the tone model",
            ),
        },
    )
    analysis_table_downloads(result)  # actors and markers as CSV / XLSX / JSON
    names = [a.name for a in result.actors]
    name = st.selectbox(
        "Show the evidence for", names, key="analyze.evidence_actor", format_func=option
    )
    if name:
        render_tone_evidence(result, name)
        render_evidence(result, name)


def render_evidence(result: ArticleAnalysis, name: str) -> None:
    """Every sentence holding a marker about ``name``, highlighted, with the reasons listed."""
    markers = result.markers_of(actor=name)
    if not markers:
        st.caption(f"No markers are about {md(name)}; the actor is only mentioned.")
        return
    by_sentence: dict[int, list[Marker]] = {}
    for m in markers:
        by_sentence.setdefault(m.sentence, []).append(m)
    spans = {s.index: (s.start, s.end) for s in result.sentences}
    parts = []
    for index in sorted(by_sentence)[:MAX_EVIDENCE_SENTENCES]:
        ms = by_sentence[index]
        span = spans.get(index) or (min(m.start for m in ms), max(m.end for m in ms))
        reasons = "".join(
            f"<li><b>{html.escape(m.kind.replace('_', ' '))}</b> ({html.escape(m.category)}): "
            f"“{html.escape(m.text[:80])}” — {html.escape(m.explanation)}</li>"
            for m in ms
        )
        parts.append(
            f'<div class="fl-evidence" style="margin-bottom:1rem">'
            f"{highlight_html(result, actors={name}, span=span)}"
            f'<ul style="margin:.2rem 0 0 1rem;font-size:.95rem">{reasons}</ul></div>'
        )
    more = len(by_sentence) - MAX_EVIDENCE_SENTENCES
    if more > 0:
        parts.append(f"<p>… and {more} more sentences.</p>")
    st.html(stylesheet() + "".join(parts))
    with st.expander(f"All {len(markers)} markers about {md(name)} as a table"):
        cols = ["kind", "category", "text", "explanation", "source", "sentence"]
        evidence = pd.DataFrame([m.to_dict() for m in markers])
        st.dataframe(evidence[cols], hide_index=True)
        table_downloads(evidence, key="analyze.evidence_table", name=f"markers about {name}",
                        file_stem=article_name(result), what=f"markers about {name}")  # fmt: skip


_CHARTS = {"stance": stance_chart, "markers": marker_chart, "sentiment": sentiment_chart}


@st.cache_resource(max_entries=96, show_spinner=False)
def _figure(name: str, digest: str, engine: str, title: str | None, shape: tuple[int, ...],
            _result: ArticleAnalysis) -> go.Figure:  # fmt: skip
    """One chart of an analysis, built once per server for every session showing it.

    Building a Plotly figure costs ~50 ms of validation; every new session opens the same sample,
    so its three figures are shared (never modified afterwards: showing and exporting only read
    them). The key stands for the analysis: text digest, engine version, title and counts.
    """
    return _CHARTS[name](_result)


def _chart(name: str, result: ArticleAnalysis) -> go.Figure:
    shape = (len(result.markers), len(result.actors), len(result.sentences), len(result.mentions))
    return _figure(
        name, text_digest(result.text), result.engine_version, result.title, shape, result
    )


def render_actor_charts(result: ArticleAnalysis) -> None:
    """Stance per actor and marker kinds per actor, each under a stable key (exports hook here)."""
    show_chart(_chart("stance", result), key="analyze.chart.stance",
               name=article_name(result), what="distancing by actor")  # fmt: skip
    show_chart(_chart("markers", result), key="analyze.chart.markers",
               name=article_name(result), what="markers by actor")  # fmt: skip


def render_sentiment_chart(result: ArticleAnalysis) -> None:
    """Sentiment along the article with actor mentions, under a stable key."""
    show_chart(_chart("sentiment", result), key="analyze.chart.sentiment",
               name=article_name(result), what="sentiment along the article")  # fmt: skip
