"""The Compare page's tone view: net tone per actor × group, next to the distancing heat map,
and the sentences behind one cell (an actor in one outlet) with the words that decided each."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analysis.compare.comparison import Comparison
from analysis.present.tone_charts import TONE_SOURCE, tone_heatmap_figure
from analysis.present.tone_evidence import TONE_MODEL_SOURCE, tone_sentences_html
from ui.charts import show_chart
from ui.lazy_expander import lazy_expander
from ui.numbers_table import numbers_table
from ui.text import md, option

MIN_MENTIONS = 3
"""A cell with fewer mentions that have a tone is grey (too few to compare)."""
CELL_ARTICLES = 30
"""How many of an outlet's articles about the actor are read for the sentences behind a cell."""
CELL_SENTENCES = 5


def tone_figure(comparison: Comparison, grid: pd.DataFrame) -> go.Figure:
    """The tone heat map of ``grid`` (:meth:`Comparison.tone_frame`)."""
    return tone_heatmap_figure(grid, MIN_MENTIONS, comparison.group_kind)


def render_tone_heatmap(comparison: Comparison, actors: Sequence[str]) -> None:
    """The tone heat map of ``actors`` (the distancing heat map's rows), how to read it, numbers."""
    grid = comparison.tone_frame(actors)
    kind = comparison.group_kind
    show_chart(tone_figure(comparison, grid), key="compare.tone_heatmap",
               name=f"net tone by {kind} {' '.join(comparison.groups[:4])}")  # fmt: skip
    st.markdown(
        "**How to read it:** each cell is the *net tone* of an outlet's sentences towards the "
        "actor: every mention is read as negative, neutral or positive (does the sentence make "
        "the actor look bad, neither, or good?), and the cell is (positive − negative) / all "
        "mentions, from −1 to +1. Hover a cell for the three counts. Grey cells have fewer than "
        f"{MIN_MENTIONS} mentions. The reading is automatic and right about two times in three, "
        "so compare outlets over many mentions, and read the sentences behind a cell below. "
        f"Source: the {TONE_SOURCE}."
    )
    numbers_table(grid, "compare.tone_table", "The tone numbers", hide_index=True)
    render_tone_sentences(comparison, actors)


def render_tone_sentences(comparison: Comparison, actors: Sequence[str]) -> None:
    """The clearest tone sentences of one actor in one outlet (a cell of the tone heat map)."""
    if not actors:
        return
    kind = comparison.group_kind
    box = lazy_expander(f"The sentences behind a cell: pick an actor and an {kind}",
                        "compare.tone_cell", icon=":material/format_quote:")  # fmt: skip
    if box is not None:
        with box:
            _tone_cell(comparison, actors, kind)


def _tone_cell(comparison: Comparison, actors: Sequence[str], kind: str) -> None:
    """The pickers of one cell and its sentences."""
    left, right = st.columns(2)
    # (persist_state: the cell stays picked while the expander is closed)
    actor = str(left.selectbox("Actor", actors, key="compare.tone_actor", format_func=option,
                               persist_state="page"))  # fmt: skip
    group = str(right.selectbox(kind.capitalize(), comparison.groups, key="compare.tone_group",
                                format_func=option, persist_state="page"))  # fmt: skip
    articles = comparison.cell_analyses(actor, group, CELL_ARTICLES)
    names = {actor, *comparison.resolution.merged_into(actor)}
    body = tone_sentences_html(articles, names, CELL_SENTENCES)
    if not body:
        st.caption(f"No mention of {md(actor)} in {md(group)} has a tone.")
        return
    with st.container(key="compare.tone_sentences"):
        st.html(body)
    st.caption(TONE_MODEL_SOURCE)
