"""The Compare page's tone view: net tone per actor × group, next to the distancing heat map."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from analysis.compare.comparison import Comparison
from analysis.present.tone_charts import TONE_SOURCE, tone_heatmap_figure
from ui.charts import show_chart

MIN_MENTIONS = 3
"""A cell with fewer mentions that have a tone is grey (too few to compare)."""


def render_tone_heatmap(comparison: Comparison, actors: Sequence[str]) -> None:
    """The tone heat map of ``actors`` (the distancing heat map's rows), how to read it, numbers."""
    grid = comparison.tone_frame(actors)
    show_chart(tone_heatmap_figure(grid, MIN_MENTIONS), key="compare.tone_heatmap",
               name=f"net tone by outlet {' '.join(comparison.groups[:4])}")  # fmt: skip
    st.markdown(
        "**How to read it:** each cell is the *net tone* of an outlet's sentences towards the "
        "actor: every mention is read as negative, neutral or positive (does the sentence make "
        "the actor look bad, neither, or good?), and the cell is (positive − negative) / all "
        "mentions, from −1 to +1. Hover a cell for the three counts. Grey cells have fewer than "
        f"{MIN_MENTIONS} mentions. The reading is automatic and right about two times in three, "
        "so compare outlets over many mentions, and read the sentences on the Analyze page. "
        f"Source: the {TONE_SOURCE}."
    )
    with st.expander("The tone numbers"):
        st.dataframe(grid, hide_index=True, key="compare.tone_table")
