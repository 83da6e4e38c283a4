"""The Analyze page's tone views: the per-actor tone chart and one actor's tone evidence."""

from __future__ import annotations

import streamlit as st

from analysis.present.tone_charts import tone_chart
from analysis.present.tone_evidence import (
    TONE_EXPLANATION,
    TONE_MODEL_SOURCE,
    tone_evidence_html,
)
from analysis.records import ArticleAnalysis
from ui.charts import show_chart
from ui.text import article_name, md


def render_tone_chart(result: ArticleAnalysis) -> None:
    """Tone mentions per actor, under a stable key (exports hook here), and how to read it."""
    show_chart(tone_chart(result), key="analyze.chart.tone", name=article_name(result),
               what="tone by actor")  # fmt: skip
    st.caption(f"{TONE_EXPLANATION} {TONE_MODEL_SOURCE}")


def render_tone_evidence(result: ArticleAnalysis, name: str) -> None:
    """The sentences behind ``name``'s tone, with the words that decided each one."""
    body = tone_evidence_html(result, name)
    profile = result.actor(name)
    shown = md(name)  # actor names come from the article: untrusted
    if not body or profile is None:
        st.caption(f"No mention of {shown} has a tone (an analysis made before engine 0.5.0).")
        return
    counts = profile.tone_counts
    net = profile.net_tone
    st.markdown(
        f"**Tone towards {shown}:** {counts.get('negative', 0)} negative, "
        f"{counts.get('neutral', 0)} neutral, {counts.get('positive', 0)} positive mentions; "
        f"net tone {net:+.2f} (positive minus negative, divided by all mentions)."
        if net is not None
        else f"**Tone towards {shown}:** no mention was scored."
    )
    with st.container(key="analyze.tone_evidence"):
        st.html(body)
    st.caption(TONE_MODEL_SOURCE)
    st.markdown(f"**Markers about {shown}** (reporting verbs, quotes, doubt and loaded words):")
