"""Showing a Plotly figure on a page: the one place every chart goes through (exports hook here)."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from ui.downloads import chart_downloads

PLOTLY_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "toImageButtonOptions": {"format": "png", "scale": 2},
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
}


def show_chart(fig: go.Figure, key: str, name: str | None = None, what: str | None = None) -> None:
    """Draw ``fig`` full width with our own styling (not Streamlit's theme), under a stable key.

    The exported files are named after ``name`` (whose chart: an article's title, the outlets;
    default the chart's title) and ``what`` it shows ("distancing by actor"):
    :func:`ui.downloads.chart_downloads`."""
    st.plotly_chart(fig, key=key, theme=None, config=PLOTLY_CONFIG, width="stretch")
    chart_downloads(fig, key, name, what)  # PNG/SVG/PDF/HTML, generated only when clicked
