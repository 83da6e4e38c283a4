"""Analyze: one article's framing — highlighted text, actor profiles with evidence, charts.

Opens with the seed article already analysed, so the first thing a new user sees is real output;
the input box starts empty ("Load the sample" fills it on purpose). Every analysed article gets
its own address, ``/analyze?article=<key>``, that survives a reload and can be shared.
A failed input (empty, too big, unreadable, not English, unreachable URL) shows a message and the
previous result stays on screen.
"""

import streamlit as st

from analysis.engine.time_limit import AnalysisTimeout
from analysis.library.links import article_key
from analysis.records import ArticleAnalysis
from ui.analysis_cache import analyze_cached
from ui.article_links import link_article, linked_article, requested_key, show_address
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
from ui.rewrite_view import render_neutral_rewrite
from ui.samples import seed
from ui.text import md, md_block, option
from ui.tone_view import render_tone_chart

RESULTS, MESSAGES = "analyze.results", "analyze.messages"
SEED, LINKED, SHOWN = "analyze.seed_result", "analyze.linked", "analyze.shown_key"
# Widgets whose options depend on the result shown: reset when a new result arrives.
RESULT_WIDGETS = ("analyze.kinds", "analyze.actors", "analyze.evidence_actor", "analyze.current")

use_app_navigation()

st.title("Analyze an article")

if RESULTS not in st.session_state:
    first = seed()
    with st.spinner("Analysing the sample article…"):
        st.session_state[SEED] = analyze_cached(first.text, title=first.title, outlet=first.outlet)
    st.session_state[RESULTS] = [st.session_state[SEED]]
    st.session_state[MESSAGES] = []
    st.session_state[LINKED] = set()


def article_address(result: ArticleAnalysis) -> str:
    """The key of ``result`` in its address (``/analyze?article=<key>``)."""
    meta = dict(result.meta or {})
    return article_key(result.text, result.title, meta.get("outlet"), meta.get("url"))


wanted = requested_key()
if wanted and wanted != st.session_state.get(SHOWN):  # a shared address was opened
    shared = linked_article(wanted)
    if shared is None:
        st.session_state[MESSAGES] = [
            ("error", "This address points to an article this server does not have (perhaps it "
                      "was analysed on another computer). The sample article is shown instead.")
        ]  # fmt: skip
        st.session_state[RESULTS] = [st.session_state[SEED]]
    else:
        with st.spinner("Analysing the linked article…"):
            opened = analyze_cached(
                shared.text, title=shared.title, outlet=shared.outlet, url=shared.url
            )
        st.session_state[RESULTS] = [opened]
        st.session_state[LINKED].add(article_address(opened))
        st.session_state[MESSAGES] = []
    for key in RESULT_WIDGETS:
        st.session_state.pop(key, None)

with st.expander("How to read this", icon=":material/help:"):
    render_how_to_read()

with st.expander(
    "Analyse your own article: paste text, upload files, a web address or a sample",
    icon=":material/edit_note:",
):
    submitted = render_inputs()

if submitted is not None:
    inputs, outlets = submitted
    messages: list[tuple[str, str]] = []
    fresh: list[ArticleAnalysis] = []
    for item, outlet in zip(inputs, outlets, strict=True):
        if not item.ok:
            messages.append(("error", item.error or "This input could not be read."))
            continue
        messages.extend(("warning", f"{item.source}: {w}") for w in item.warnings)
        # Files and pages without a title of their own are named by their file name or address.
        title = item.title or (item.source if item.source != "pasted text" else None)
        with st.spinner(f"Analysing {md(title, limit=80) if title else 'the text'}…"):
            url = item.source if item.source.startswith(("http://", "https://")) else None
            try:
                fresh.append(analyze_cached(item.text, title=title, outlet=outlet, url=url))
            except AnalysisTimeout as exc:  # the message says what to do; nothing else changes
                messages.append(("error", f"{title or 'The text'}: {exc}"))
    if fresh:
        st.session_state[RESULTS] = fresh
        for key in RESULT_WIDGETS:
            st.session_state.pop(key, None)
    elif any(level == "error" for level, _ in messages):
        messages.append(("info", "Nothing new was analysed; the previous result is still shown."))
    st.session_state[MESSAGES] = messages

for level, text in st.session_state[MESSAGES]:
    getattr(st, level)(md_block(text))  # messages name files, addresses, titles: shown as text

results: list[ArticleAnalysis] = st.session_state[RESULTS]
index = 0
if len(results) > 1:
    index = st.selectbox(
        f"{len(results)} articles analysed — show",
        range(len(results)),
        format_func=lambda i: option(results[i].title or f"Article {i + 1}"),
        key="analyze.current",
    )
result = results[index or 0]
render_furniture_notice(
    result, submitted, results_key=RESULTS, index=index or 0, reset_keys=RESULT_WIDGETS
)

# Every article but the sample of a first visit gets its own address (kept in the library file).
shown_key = None
if result is not st.session_state[SEED]:
    shown_key = article_address(result)
    if shown_key not in st.session_state[LINKED] and link_article(result) == shown_key:
        st.session_state[LINKED].add(shown_key)
    if shown_key not in st.session_state[LINKED]:
        shown_key = None  # the library could not keep it: no address that would not work
st.session_state[SHOWN] = shown_key
show_address(shown_key)

render_summary(result)
render_save(result)
left, right = st.columns(2, gap="large")
with left:
    st.markdown("#### The article, highlighted")
    st.caption(
        "Click or tap a highlighted word (or move to it with the Tab key) to see why it was "
        "flagged; hovering shows it too."
    )
    render_highlights(result)
with right:
    render_actor_charts(result)
    render_tone_chart(result)
st.markdown("#### Actor profiles")
render_profiles(result)
render_sentiment_chart(result)
render_neutral_rewrite(result, key="analyze.rewrite")
article_exports(
    results, index or 0, results_key=RESULTS, messages_key=MESSAGES, reset_keys=RESULT_WIDGETS
)
