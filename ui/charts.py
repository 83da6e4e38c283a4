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


def show_chart(fig: go.Figure, key: str, name: str | None = None) -> None:
    """Draw ``fig`` full width with our own styling (not Streamlit's theme), under a stable key.

    ``name`` names the exported files after what the chart shows (e.g. "distancing by outlet
    BBC CNN Reuters"); default the chart's title."""
    st.plotly_chart(fig, key=key, theme=None, config=PLOTLY_CONFIG, width="stretch")
    chart_downloads(fig, key, name)  # PNG/SVG/PDF/HTML, generated only when clicked
