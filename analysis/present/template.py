"""The charts' Plotly template (``plotly_white``), set the way Plotly sets its default one."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

TEMPLATE = "plotly_white"


def apply_template(fig: go.Figure) -> go.Figure:
    """Give ``fig`` the :data:`TEMPLATE`, unvalidated, as Plotly gives a new figure its default
    template (``BaseFigure._initialize_layout_template``).

    Why: a template passed through ``update_layout(template=…)`` is validated again, which
    deep-copies every trace kind's style in it: about 8 ms a figure, most of the cost of
    building a heat map, paid on every page run for every chart. The template is Plotly's own,
    so there is nothing to validate; the figure's JSON is the same.
    """
    layout = fig.layout
    layout._validate = False  # (what Plotly itself does for the default template)
    try:
        layout.template = pio.templates[TEMPLATE]
    finally:
        layout._validate = fig._validate
    return fig
