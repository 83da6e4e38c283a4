"""The neutral rewrite exercise: the original and the rewritten article side by side."""

from __future__ import annotations

import streamlit as st

from analysis.present.neutral_rewrite import DEFAULT_STANCES, neutral_rewrite, rewrite_html
from analysis.records import ArticleAnalysis

WIDER = ("distancing", "endorsing", "admission", "emotive")
_CSS = (
    "<style>.fl-rewrite{white-space:pre-wrap;line-height:1.8;font-size:1.05rem;}"
    ".fl-rewrite del{background:#f9cdb5;color:#7a2100;text-decoration:line-through 2px;}"
    ".fl-rewrite ins{background:#cdeede;color:#004d33;text-decoration:underline 2px;}</style>"
)


def render_neutral_rewrite(result: ArticleAnalysis, key: str) -> None:
    """An expander with the neutral rewrite of ``result`` beside the original."""
    with st.expander("Neutral rewrite: the same article with neutral reporting words"):
        st.caption(
            "Distancing words become the neutral one ('claimed' → 'said', 'his claims' → 'his "
            "statements') and scare quotes lose their quote marks. Read both: what changes in "
            "how you see each side?"
        )
        wide = st.checkbox(
            "Also make endorsing, admitting and emotive reporting verbs neutral "
            "('confirmed', 'admitted', 'boasted' → 'said')",
            key=f"{key}.wide",
        )
        rewrite = neutral_rewrite(result, WIDER if wide else DEFAULT_STANCES)
        if not rewrite.changes:
            st.info("Nothing to change: this article has no distancing words or scare quotes.")
            return
        words = sum(1 for c in rewrite.changes if c.after)
        quotes = sum(1 for c in rewrite.changes if not c.after) // 2
        st.markdown(f"**{words} reporting words replaced, {quotes} scare quotes removed.**")
        original, neutral = rewrite_html(rewrite)
        left, right = st.columns(2, gap="large")
        with left, st.container(key=f"{key}.original"):
            st.markdown("##### Original")
            st.html(_CSS + original)
        with right, st.container(key=f"{key}.neutral"):
            st.markdown("##### Neutral rewrite")
            st.html(_CSS + neutral)
