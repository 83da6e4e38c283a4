"""Compare: how different outlets (or single articles) frame the same actors.

Everything is computed from the analyses stored in the library (no language model runs unless an
article has never been analysed), so a comparison over thousands of articles draws in seconds.
"""

import html

import streamlit as st

from analysis.present.compare_charts import (
    heatmap_figure,
    outlet_map_figure,
    rates_figure,
    similarity_figure,
    stance_mix_figure,
    terms_figure,
)
from analysis.present.highlight import legend_html, stylesheet
from ui.charts import show_chart
from ui.downloads import comparison_exports
from ui.library_access import analyse_with_progress, comparison_of, open_library
from ui.nav import use_app_navigation
from ui.text import md, option

MODES = ("Whole outlets", "Single articles")
MIN_Z = 1.96

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
    ids = [a.id for a in library.articles(outlets=chosen, with_text=False)] if chosen else []
    by, n_groups = "outlet", len(chosen)
else:
    labels = {a.id: f"#{a.id} {a.label}" for a in library.articles(with_text=False)}
    ids = st.multiselect(
        "Articles (two or more)",
        list(labels),
        format_func=lambda i: option(labels[i]),
        key="compare.articles",
    )
    by, n_groups = "article", len(ids)

if n_groups < 2:
    st.info(
        "Pick at least two outlets or articles to compare. Add articles on the Library page.",
        icon=":material/info:",
    )
    st.stop()

analyse_with_progress(library, ids, "Analysing articles not analysed yet")
comparison = comparison_of(library, ids, by)
library.close()
st.caption(
    f"{len(comparison.entries)} articles in {len(comparison.groups)} groups. Every number pools "
    "the articles of an outlet; hover over a cell or bar to see the counts behind it."
)
for warning in comparison.warnings:
    st.caption(f":material/warning: {md(warning)}")

heat, rates, words, side, mapping = st.tabs(
    ["Who is distanced", "Markers per 1,000 words", "Distinctive words", "Side by side",
     "Outlet map"]
)  # fmt: skip

with heat:
    top = st.slider("Actors shown", 3, 40, 15, key="compare.top_actors")
    grid = comparison.heatmap_frame(comparison.top_actors(top))
    figures = [
        ("Distancing share by actor and outlet", heatmap_figure(grid, comparison.min_attributions))
    ]
    show_chart(figures[-1][1], key="compare.heatmap")
    st.markdown(
        "**How to read it:** each cell is the *distancing share*: of all the statements an "
        "outlet attributes to this actor, how many it reports with a verb that casts doubt "
        "(*claimed, alleged, insisted*) instead of a neutral one (*said, told*). 0% means always "
        "neutral or endorsing; 100% means always distancing. Grey cells have fewer than "
        f"{comparison.min_attributions} attributions: too few to compare fairly. Source of the "
        'verb categories: Wikipedia Manual of Style, "Words to watch"; Recasens et al. (2013).'
    )
    with st.expander("The numbers"):
        st.dataframe(grid, hide_index=True, key="compare.heatmap_table")

with rates:
    table = comparison.marker_rates()
    figures.append(("Markers per 1,000 words", rates_figure(table)))
    show_chart(figures[-1][1], key="compare.rates")
    st.markdown(
        "**How to read it:** markers per 1,000 words let outlets with longer or shorter articles "
        "be compared. The black line on each bar is a 95% *bootstrap* interval: we re-drew the "
        "outlet's articles at random 1,000 times; a wide line means the outlet's articles differ "
        "a lot from one another (Efron & Tibshirani 1993). An outlet with one article has no "
        "interval."
    )
    with st.expander("The numbers"):
        st.dataframe(table, hide_index=True, key="compare.rates_table")

with words:
    terms = comparison.distinctive_terms(n=12, min_z=0.0)
    figures.append(("Distinctive words", terms_figure(terms, MIN_Z)))
    show_chart(figures[-1][1], key="compare.terms")
    st.markdown(
        "**How to read it:** words an outlet uses more often than all the other outlets "
        "together, ranked by a z-score (the weighted log-odds ratio with an informative prior, "
        'Monroe, Colaresi & Quinn 2008, "Fightin\' Words"). Above 1.96 (dark bars) the '
        "difference is larger than chance would usually give; lighter bars only lean that way."
    )

with side:
    actors = comparison.top_actors(None)
    if not actors:
        st.info("No actors were found in these articles.")
    else:
        actor = st.selectbox("Actor", actors, key="compare.actor", format_func=option)
        figures.append(
            (f"How each outlet reports {actor}", stance_mix_figure(comparison.actor_table, actor))
        )
        show_chart(figures[-1][1], key="compare.stance_mix")
        per = st.slider("Sentences per outlet", 1, 10, 4, key="compare.per_group")
        sentences = comparison.actor_sentences(actor, per_group=per)
        st.html(stylesheet() + legend_html())
        groups = comparison.groups
        for start in range(0, len(groups), 3):
            for col, group in zip(st.columns(3), groups[start : start + 3], strict=False):
                rows = sentences[sentences["group"] == group]
                parts = [f"<h4>{html.escape(group)}</h4>"]
                if rows.empty:
                    parts.append(f"<p><i>{html.escape(actor)} has no marked sentence here.</i></p>")
                for r in rows.itertuples():
                    parts.append(
                        f'<p style="margin:0 0 .2rem 0;color:#555">'
                        f"{html.escape(r.title or 'untitled')}</p>{r.html}"
                    )
                with col:
                    st.html('<div class="fl-side">' + "".join(parts) + "</div>")

with mapping:
    points, explained = comparison.outlet_map()
    figures.append(("Outlet map", outlet_map_figure(points, explained)))
    show_chart(figures[-1][1], key="compare.map")
    st.markdown(
        "**How to read it:** each outlet's *framing profile* is its rates of the five marker "
        "kinds and the shares of the six attribution stances. Outlets with similar profiles sit "
        "close together (principal component analysis of the standardised profiles)."
    )
    figures.append(("Similarity of framing profiles", similarity_figure(comparison.similarity())))
    show_chart(figures[-1][1], key="compare.similarity")
    with st.expander("The profiles"):
        st.dataframe(comparison.profiles.round(3), key="compare.profiles")

comparison_exports(comparison, figures, by=by, key="compare")
