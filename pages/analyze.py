"""Analyze: one article's framing — highlighted text, actor profiles with evidence, charts.

Opens with the seed article already analysed, so the first thing a new user sees is real output.
A failed input (empty, too big, unreadable, not English, unreachable URL) shows a message and the
previous result stays on screen.
"""

import streamlit as st

from analysis.records import ArticleAnalysis
from ui.analysis_cache import analyze_cached
from ui.article_view import (
    render_actor_charts,
    render_highlights,
    render_profiles,
    render_save,
    render_sentiment_chart,
    render_summary,
)
from ui.downloads import article_exports
from ui.furniture_notice import render_furniture_notice
from ui.how_to_read import render_how_to_read
from ui.inputs import render_inputs
from ui.nav import use_app_navigation
from ui.samples import seed
from ui.tone_view import render_tone_chart

RESULTS, MESSAGES = "analyze.results", "analyze.messages"
# Widgets whose options depend on the result shown: reset when a new result arrives.
RESULT_WIDGETS = ("analyze.kinds", "analyze.actors", "analyze.evidence_actor", "analyze.current")

use_app_navigation()

st.title("Analyze an article")

if RESULTS not in st.session_state:
    first = seed()
    st.session_state["analyze.text"] = first.text
    st.session_state["analyze.outlet"] = first.outlet
    with st.spinner("Analysing the sample article…"):
        st.session_state[RESULTS] = [
            analyze_cached(first.text, title=first.title, outlet=first.outlet)
        ]
    st.session_state[MESSAGES] = []

with st.expander("How to read this", icon=":material/help:"):
    render_how_to_read()

with st.expander(
    "Analyse your own article: paste text, upload files, a web address or a sample",
    icon=":material/edit_note:",
):
    submitted = render_inputs()

if submitted is not None:
    inputs, outlet = submitted
    messages: list[tuple[str, str]] = []
    fresh: list[ArticleAnalysis] = []
    for item in inputs:
        if not item.ok:
            messages.append(("error", item.error or "This input could not be read."))
            continue
        messages.extend(("warning", f"{item.source}: {w}") for w in item.warnings)
        # Files and pages without a title of their own are named by their file name or address.
        title = item.title or (item.source if item.source != "pasted text" else None)
        with st.spinner(f"Analysing {title or 'the text'}…"):
            url = item.source if item.source.startswith(("http://", "https://")) else None
            fresh.append(analyze_cached(item.text, title=title, outlet=outlet, url=url))
    if fresh:
        st.session_state[RESULTS] = fresh
        for key in RESULT_WIDGETS:
            st.session_state.pop(key, None)
    elif any(level == "error" for level, _ in messages):
        messages.append(("info", "Nothing new was analysed; the previous result is still shown."))
    st.session_state[MESSAGES] = messages

for level, text in st.session_state[MESSAGES]:
    getattr(st, level)(text)

results: list[ArticleAnalysis] = st.session_state[RESULTS]
index = 0
if len(results) > 1:
    index = st.selectbox(
        f"{len(results)} articles analysed — show",
        range(len(results)),
        format_func=lambda i: results[i].title or f"Article {i + 1}",
        key="analyze.current",
    )
result = results[index or 0]
render_furniture_notice(
    result, submitted, results_key=RESULTS, index=index or 0, reset_keys=RESULT_WIDGETS
)

render_summary(result)
render_save(result)
left, right = st.columns(2, gap="large")
with left:
    st.markdown("#### The article, highlighted")
    st.caption("Hover over (or tap) a highlighted word to see why it was flagged.")
    render_highlights(result)
with right:
    render_actor_charts(result)
    render_tone_chart(result)
st.markdown("#### Actor profiles")
render_profiles(result)
render_sentiment_chart(result)
article_exports(
    results, index or 0, results_key=RESULTS, messages_key=MESSAGES, reset_keys=RESULT_WIDGETS
)
