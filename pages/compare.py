"""Compare: how different outlets (or single articles) frame the same actors.

Everything is computed from the count tables of the library (no language model runs unless an
article has never been analysed), so a comparison over 100,000 articles draws in seconds. Only
the open tab is computed; evidence sentences are read for what is shown.
"""

import streamlit as st

from analysis.compare.comparison import WORD_SAMPLE
from analysis.library.query import ArticleFilter
from analysis.present.compare_charts import (
    heatmap_figure,
    outlet_map_figure,
    rates_figure,
    similarity_figure,
    stance_mix_figure,
    terms_figure,
)
from analysis.present.highlight import legend_html, stylesheet
from analysis.present.report import default_comparison_figures
from ui.charts import show_chart
from ui.compare_view import group_blocks
from ui.downloads import comparison_exports
from ui.library_access import (
    analyse_with_progress,
    comparison_of,
    ids_filter,
    missing_of,
    open_library,
)
from ui.nav import use_app_navigation
from ui.text import md, option

MODES = ("Whole outlets", "Single articles")
MIN_Z = 1.96
MAX_ACTORS = 300  # the actor menu of the side-by-side view lists the most attributed ones

use_app_navigation()
st.title("Compare outlets")
library = open_library()

mode = st.radio("Compare", MODES, horizontal=True, key="compare.mode")
if mode == MODES[0]:
    outlets = library.outlets()
    chosen = st.multiselect(
        "Outlets (two or more)", outlets, default=outlets, key="compare.outlets",
        format_func=option,
    )  # fmt: skip
    flt = ArticleFilter(outlets=tuple(chosen))
    by, n_groups = "outlet", len(chosen)
else:
    labels = {a.id: f"#{a.id} {a.label}" for a in library.articles(with_text=False)}
    ids = st.multiselect(
        "Articles (two or more)",
        list(labels),
        format_func=lambda i: option(labels[i]),
        key="compare.articles",
    )
    flt, by, n_groups = ids_filter(ids), "article", len(ids)

if n_groups < 2:
    st.info(
        "Pick at least two outlets or articles to compare. Add articles on the Library page.",
        icon=":material/info:",
    )
    st.stop()

missing = missing_of(library, flt)
if missing:
    analyse_with_progress(library, missing, "Analysing articles not analysed yet")
comparison = comparison_of(library, flt, by)
library.close()
st.caption(
    f"{comparison.article_count} articles in {len(comparison.groups)} groups. Every number "
    "pools the articles of an outlet; hover over a cell or bar to see the counts behind it."
)
for warning in comparison.warnings:
    st.caption(f":material/warning: {md(warning)}")

# Tabs run lazily (on_change="rerun"): only the open one is computed and drawn.
heat, rates, words, side, mapping = st.tabs(
    ["Who is distanced", "Markers per 1,000 words", "Distinctive words", "Side by side",
     "Outlet map"], key="compare.tab", on_change="rerun",
)  # fmt: skip
top = st.session_state.get("compare.top_actors", 15)

if heat.open:
    with heat:
        top = st.slider("Actors shown", 3, 40, 15, key="compare.top_actors")
        grid = comparison.heatmap_frame(comparison.top_actors(top))
        show_chart(heatmap_figure(grid, comparison.min_attributions), key="compare.heatmap")
        st.markdown(
            "**How to read it:** each cell is the *distancing share*: of all the statements an "
            "outlet attributes to this actor, how many it reports with a verb that casts doubt "
            "(*claimed, alleged, insisted*) instead of a neutral one (*said, told*). 0% means "
            "always neutral or endorsing; 100% means always distancing. Grey cells have fewer "
            f"than {comparison.min_attributions} attributions: too few to compare fairly. Source "
            'of the verb categories: Wikipedia Manual of Style, "Words to watch"; Recasens et al. '
            "(2013)."
        )
        with st.expander("The numbers"):
            st.dataframe(grid, hide_index=True, key="compare.heatmap_table")

if rates.open:
    with rates:
        table = comparison.marker_rates()
        show_chart(rates_figure(table), key="compare.rates")
        st.markdown(
            "**How to read it:** markers per 1,000 words let outlets with longer or shorter "
            "articles be compared. The black line on each bar is a 95% *bootstrap* interval: we "
            "re-drew the outlet's articles at random 1,000 times; a wide line means the outlet's "
            "articles differ a lot from one another (Efron & Tibshirani 1993). An outlet with one "
            "article has no interval."
        )
        with st.expander("The numbers"):
            st.dataframe(table, hide_index=True, key="compare.rates_table")

if words.open:
    with words:
        terms = comparison.distinctive_terms(n=12, min_z=0.0)
        show_chart(terms_figure(terms, MIN_Z), key="compare.terms")
        st.markdown(
            "**How to read it:** words an outlet uses more often than all the other outlets "
            "together, ranked by a z-score (the weighted log-odds ratio with an informative "
            'prior, Monroe, Colaresi & Quinn 2008, "Fightin\' Words"). Above 1.96 (dark bars) '
            "the difference is larger than chance would usually give; lighter bars only lean "
            "that way."
        )
        if comparison.sampled_words:
            st.caption(
                f":material/info: Counted over a random sample of {WORD_SAMPLE:,} articles per "
                "outlet (the same sample every time)."
            )

if side.open:
    with side:
        actors = comparison.top_actors(MAX_ACTORS)
        if not actors:
            st.info("No actors were found in these articles.")
        else:
            actor = st.selectbox("Actor", actors, key="compare.actor", format_func=option)
            show_chart(stance_mix_figure(comparison.actor_table, actor), key="compare.stance_mix")
            per = st.slider("Sentences per outlet", 1, 10, 4, key="compare.per_group")
            evidence = comparison.actor_evidence(actor, per_group=per)
            st.html(stylesheet() + legend_html())
            groups = comparison.groups
            blocks = group_blocks(evidence, groups, actor)
            for start in range(0, len(groups), 3):
                row = blocks[start : start + 3]
                for col, block in zip(st.columns(3), row, strict=False):
                    with col:
                        st.html(block)

if mapping.open:
    with mapping:
        points, explained = comparison.outlet_map()
        show_chart(outlet_map_figure(points, explained), key="compare.map")
        st.markdown(
            "**How to read it:** each outlet's *framing features* are its rates of the five "
            "marker kinds and the shares of the six attribution stances. Outlets with similar "
            "features sit close together (principal component analysis of the standardised "
            "features)."
        )
        show_chart(similarity_figure(comparison.similarity()), key="compare.similarity")
        with st.expander("The framing features"):
            st.dataframe(comparison.framing_features.round(3), key="compare.features")

# Every chart goes into the report, whichever tab is open (drawn only on a click).
comparison_exports(
    comparison,
    lambda: default_comparison_figures(comparison, top_actors=top),
    by=by,
    key="compare",
)
