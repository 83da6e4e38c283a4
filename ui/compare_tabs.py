"""The Compare page's tabs: each draws one view of a :class:`analysis.compare.Comparison`.

The page script only opens the library, picks the articles (:mod:`ui.compare_filters`) and
calls the open tab's function; prose comes from ``ui/prose/compare/*.md`` (:mod:`ui.page_text`),
HTML from :mod:`ui.compare_view`. Widget keys are namespaced ``compare.*``.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analysis.compare.comparison import WORD_SAMPLE, Comparison
from analysis.present.compare_charts import (
    differences_figure,
    heatmap_figure,
    outlet_map_figure,
    rates_figure,
    similarity_figure,
    stance_mix_figure,
    terms_figure,
    timeline_figure,
)
from analysis.present.differences_text import difference_sentence, thin_sentence
from analysis.present.highlight import legend_html, stylesheet
from ui.charts import PLOTLY_CONFIG, show_chart
from ui.compare_tone import CELL_ARTICLES, render_tone_heatmap, tone_figure
from ui.compare_view import group_blocks, sentences_html, term_sentences_html
from ui.numbers_table import numbers_table
from ui.page_text import page_text
from ui.text import option

MIN_Z = 1.96
MAX_ACTORS = 300  # the actor menus list the most attributed ones
TOP_ACTORS = 15
"""Actors the heat map shows until the slider says otherwise."""
DRAFT_ABOVE = 2000
"""From this many articles the heat map shows its shares before the tests of differences."""
PERIODS = {"week": "Week", "month": "Month", "year": "Year", "date": "Date (each day)"}


def groups_label(comparison: Comparison, limit: int = 5) -> str:
    """'BBC, CNN, Reuters' (or 'BBC, CNN … and 7 more'), for naming exported files."""
    groups = comparison.groups
    head = ", ".join(groups[:limit])
    return head if len(groups) <= limit else f"{head} and {len(groups) - limit} more"


def significant_marks(comparison: Comparison, actors: list[str]) -> dict[tuple[str, str], str]:
    """(actor, group) → "*" for every cell in a significant tested difference."""
    tested, _ = comparison.differences(actors)
    sig = tested[tested["significant"]]
    marks = {(r.actor, r.group_a): "*" for r in sig.itertuples()}
    marks.update({(r.actor, r.group_b): "*" for r in sig.itertuples()})
    return marks


def precompute_heat_tab(comparison: Comparison, top: int = TOP_ACTORS) -> None:
    """Compute what :func:`heat_tab` first shows (the tables, the tests of differences, the
    tone map and its first cell's articles) and build its two figures once, without drawing:
    the server's start-up warm-up. (Plotly loads its template and the modules of every trace
    kind the template styles when a process builds its first figure: 0.1–0.2 s the first
    visitor would otherwise wait for.)"""
    comparison.warnings  # noqa: B018 (cached properties: read to compute them)
    comparison.article_count  # noqa: B018
    actors = comparison.top_actors(top)
    heat_figure(comparison, comparison.heatmap_frame(actors), significant_marks(comparison, actors))
    tone_figure(comparison, comparison.tone_frame(actors))
    if actors and comparison.groups:
        comparison.cell_analyses(actors[0], comparison.groups[0], CELL_ARTICLES)


def heat_figure(
    comparison: Comparison, grid: pd.DataFrame, marks: dict[tuple[str, str], str]
) -> go.Figure:
    """The distancing heat map of ``grid`` with ``marks`` on significant cells."""
    return heatmap_figure(grid, comparison.min_attributions, marks, comparison.group_kind)


def heat_tab(comparison: Comparison) -> int:
    """The heat map of distancing shares, significant cells starred; returns the actors shown."""
    top = st.slider("Actors shown", 3, 40, TOP_ACTORS, key="compare.top_actors")
    actors = comparison.top_actors(top)
    grid = comparison.heatmap_frame(actors)
    kind = comparison.group_kind
    slot = st.empty()
    if comparison.article_count >= DRAFT_ABOVE and not comparison.tested(actors):
        # The tests read every article of these actors (seconds over 100,000 articles): the
        # shares show at once, the stars of significant cells follow when the tests are done.
        with slot.container():
            st.plotly_chart(heat_figure(comparison, grid, {}), theme=None, config=PLOTLY_CONFIG,
                            width="stretch", key="compare.heatmap_untested")  # fmt: skip
            st.caption(f":material/hourglass_top: Testing the differences between {kind}s…")
    marks = significant_marks(comparison, actors)
    with slot.container():
        show_chart(heat_figure(comparison, grid, marks),
                   key="compare.heatmap",
                   name=f"distancing share by {kind} {groups_label(comparison)}")  # fmt: skip
    st.markdown(page_text("compare/heat", min_attributions=comparison.min_attributions))
    numbers_table(grid, "compare.heatmap_table", hide_index=True)
    render_tone_heatmap(comparison, actors)
    return top


def rates_tab(comparison: Comparison) -> None:
    """Markers per 1,000 words with bootstrap intervals."""
    table = comparison.marker_rates()
    show_chart(rates_figure(table), key="compare.rates",
               name=f"markers per 1000 words {groups_label(comparison)}")  # fmt: skip
    st.markdown(page_text("compare/rates"))
    numbers_table(table, "compare.rates_table", hide_index=True)


def words_tab(comparison: Comparison) -> None:
    """Distinctive words per outlet, names optional, each word's sentences."""
    no_names = st.toggle(
        "Leave out names", key="compare.words_no_names",
        help="Words of the actors' names (Putin, Kyiv) are not counted.",
    )  # fmt: skip
    terms = comparison.distinctive_terms(n=12, min_z=0.0, leave_out_names=no_names)
    show_chart(terms_figure(terms, MIN_Z), key="compare.terms",
               name=f"distinctive words {groups_label(comparison)}")  # fmt: skip
    st.markdown(page_text("compare/words"))
    if comparison.sampled_words:
        st.caption(
            f":material/info: Counted over a random sample of {WORD_SAMPLE:,} articles per "
            "outlet (the same sample every time)."
        )
    words = sorted({t["term"] for items in terms.values() for t in items if t["z"] >= MIN_Z})
    if words:
        word = st.selectbox(
            "Sentences with the word", words, key="compare.word", format_func=option
        )
        found = comparison.term_sentences(word, limit=3)
        rows = [(r.group, r.title, r.sentence, int(r.start), int(r.end))
                for r in found.itertuples()]  # fmt: skip
        st.html(term_sentences_html(rows))


def side_tab(comparison: Comparison) -> None:
    """One actor side by side: stance mix and each outlet's sentences."""
    actors = comparison.top_actors(MAX_ACTORS)
    if not actors:
        st.info("No actors were found in these articles.")
        return
    actor = st.selectbox("Actor", actors, key="compare.actor", format_func=option)
    show_chart(stance_mix_figure(comparison.actor_table, actor), key="compare.stance_mix",
               name=f"how {actor} is reported {groups_label(comparison)}")  # fmt: skip
    per = st.slider("Sentences per outlet", 1, 10, 4, key="compare.per_group")
    evidence = comparison.actor_evidence(actor, per_group=per)
    st.html(stylesheet() + legend_html())
    groups = comparison.groups
    blocks = group_blocks(evidence, groups, actor)
    for start in range(0, len(groups), 3):
        for col, block in zip(st.columns(3), blocks[start : start + 3], strict=False):
            with col:
                st.html(block)


def map_tab(comparison: Comparison) -> None:
    """The outlet map and the similarity of framing profiles."""
    points, explained = comparison.outlet_map()
    show_chart(outlet_map_figure(points, explained), key="compare.map",
               name=f"outlet map {groups_label(comparison)}")  # fmt: skip
    st.markdown(page_text("compare/map"))
    show_chart(similarity_figure(comparison.similarity()), key="compare.similarity",
               name=f"similarity of framing {groups_label(comparison)}")  # fmt: skip
    numbers_table(comparison.framing_features.round(3), "compare.features", "The framing features")


def timeline_tab(comparison: Comparison) -> None:
    """Each actor's distancing share per period, one line per outlet."""
    left, right = st.columns([1, 3])
    over = left.selectbox("Period", list(PERIODS), index=1, format_func=lambda k: PERIODS[k],
                      key="compare.period")  # fmt: skip
    over = str(over or "month")
    actors = comparison.top_actors(MAX_ACTORS)
    picked = right.multiselect(
        "Actors", actors, default=actors[:3], key="compare.time_actors", format_func=option
    )
    frame = comparison.timeline(over, picked)
    show_chart(timeline_figure(frame, picked), key="compare.timeline",
               name=f"distancing share by {over} {groups_label(comparison)}")  # fmt: skip
    st.markdown(page_text("compare/timeline", min_attributions=comparison.min_attributions))
    numbers_table(frame, "compare.timeline_table", hide_index=True)


def differences_tab(comparison: Comparison, top: int) -> None:
    """Tested differences of the heat map's actors: chart per actor and sentences."""
    tested, thin = comparison.differences(comparison.top_actors(top))
    if tested.empty:
        st.info("No actor has attributions in at least three articles of two outlets: there is "
                "too little data for a test of differences.", icon=":material/info:")  # fmt: skip
    else:
        names = list(dict.fromkeys(tested.sort_values("p_adjusted")["actor"]))
        actor = st.selectbox("Actor", names, key="compare.diff_actor", format_func=option)
        show_chart(differences_figure(tested, actor), key="compare.differences",
                   name=f"tested differences {actor} {groups_label(comparison)}")  # fmt: skip
        mine = tested[tested["actor"] == actor].sort_values("p_adjusted")
        st.html(sentences_html([difference_sentence(r, len(tested))
                                for r in mine.to_dict("records")]))  # fmt: skip
        n_sig = int(tested["significant"].sum())
        st.caption(f"{n_sig} of {len(tested)} tested differences are significant after the "
                   "Benjamini–Hochberg adjustment.")  # fmt: skip
    st.markdown(page_text("compare/differences"))
    if not thin.empty:
        with st.expander(f"Too little data to test ({len(thin)})"):
            st.html(sentences_html([thin_sentence(r) for r in thin.to_dict("records")]))
    numbers_table(tested.reset_index(drop=True), "compare.differences_table", hide_index=True)
