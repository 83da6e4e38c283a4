"""Compare: how different outlets (or single articles) frame the same actors, over time too.

Everything is computed from the count tables of the library (no language model runs unless an
article has never been analysed), so a comparison over 100,000 articles draws in seconds. Only
the open tab is computed; evidence sentences are read for what is shown. The tabs live in
:mod:`ui.compare_tabs`, the choice of articles and the filters in :mod:`ui.compare_filters`.
"""

import streamlit as st

from analysis.present.report import default_comparison_figures
from ui import compare_tabs as tabs
from ui.compare_filters import compare_choice
from ui.downloads import comparison_exports
from ui.library_access import analyse_with_progress, comparison_of, missing_of, open_library
from ui.nav import use_app_navigation
from ui.text import md

ACTORS_NOTE = (
    ":material/group: One actor, one row: spelling variants and short names are merged across "
    "the library. Correct it on the Library page, under *Actors across the library*."
)

use_app_navigation()
st.title("Compare outlets")
library = open_library()
choice = compare_choice(library)
if choice.groups < 2:
    st.info(
        "Pick at least two outlets or articles to compare. Add articles on the Library page.",
        icon=":material/info:",
    )
    st.stop()

missing = missing_of(library, choice.filter)
if missing:
    analyse_with_progress(library, missing, "Analysing articles not analysed yet")
comparison = comparison_of(library, choice.filter, choice.by)
library.close()
if comparison.article_count == 0:
    st.info("No article passes these filters.", icon=":material/filter_alt_off:")
    st.stop()
st.caption(
    f"{comparison.article_count:,} articles in {len(comparison.groups)} groups. Every number "
    "pools the articles of an outlet; hover over a cell or bar to see the counts behind it."
)
for warning in comparison.warnings:
    st.caption(f":material/warning: {md(warning)}")
st.caption(ACTORS_NOTE)

# Tabs run lazily (on_change="rerun"): only the open one is computed and drawn.
heat, diffs, time, rates, words, side, mapping = st.tabs(
    ["Who is distanced", "Tested differences", "Over time", "Markers per 1,000 words",
     "Distinctive words", "Side by side", "Outlet map"], key="compare.tab", on_change="rerun",
)  # fmt: skip
top = st.session_state.get("compare.top_actors", tabs.TOP_ACTORS)
for tab, draw in (
    (heat, lambda: tabs.heat_tab(comparison)),
    (diffs, lambda: tabs.differences_tab(comparison, top)),
    (time, lambda: tabs.timeline_tab(comparison)),
    (rates, lambda: tabs.rates_tab(comparison)),
    (words, lambda: tabs.words_tab(comparison)),
    (side, lambda: tabs.side_tab(comparison)),
    (mapping, lambda: tabs.map_tab(comparison)),
):
    if tab.open:
        with tab:
            draw()

# Every chart goes into the report, whichever tab is open (drawn only on a click).
comparison_exports(
    comparison,
    lambda: default_comparison_figures(comparison, top_actors=top),
    by=choice.by,
    key="compare",
)
