"""The geometry of an actor × group heat map: margins from its labels, and its colour bar.

Plotly places a heat map's colour bar, slanted column names and title by itself, and at 1280 px
or in a 900 px export they collide: the bar's title runs into its top tick label ("share" over
"100%"), long column names run under the title, and row names are cut at the left edge. Here
every margin is computed from the longest label it has to hold (text width ≈ 0.58 × font size
per character in Arial, the average advance width), the colour bar stands right of the plot
(``x`` = 1, beyond the plot domain) and its title is written up its side, so the title and the
tick labels never share space.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go

from analysis.present.charts import FONT_SIZE

CHAR_WIDTH = 0.58
"""Average advance width of an Arial character, as a share of the font size."""
ROW_HEIGHT = 42
"""Height of a heat-map row in CSS px (room for the cell label and a gap)."""
TITLE_SPACE = 64
"""Room for the figure's title above the column names, in CSS px."""
NARROWEST = 780
"""The narrowest a heat map is drawn, in CSS px: the Compare page at 1280 px (exports are wider)."""
LINE_HEIGHT = 1.2
"""Height of a line of a label, as a share of the font size."""
BAR_THICKNESS = 16
BAR_PAD = 12
TICK_FONT = FONT_SIZE - 4
BAR_TITLE_FONT = FONT_SIZE - 2


def text_width(text: str, font: float) -> int:
    """Estimated width in CSS px of one line of ``text`` at ``font`` px (Arial)."""
    return math.ceil(CHAR_WIDTH * font * len(text))


def label_lines(label: str) -> list[str]:
    """The lines of a (possibly wrapped) label."""
    return label.split("<br>")


@dataclass(frozen=True)
class HeatGeometry:
    """Margins and height of a heat map, in CSS px."""

    left: int
    right: int
    top: int
    bottom: int
    plot_height: int

    @property
    def height(self) -> int:
        """The figure's height."""
        return self.top + self.plot_height + self.bottom


def colour_bar_width(tick_chars: int) -> int:
    """Room right of the plot for the colour bar: pad, bar, tick labels, the side title."""
    ticks = text_width("0" * tick_chars, TICK_FONT) + 6
    return BAR_PAD + BAR_THICKNESS + ticks + math.ceil(1.4 * BAR_TITLE_FONT) + 12


def heat_geometry(
    columns: Sequence[str],
    rows: Sequence[str],
    *,
    bar_title: str,
    tick_chars: int,
    note_lines: int = 1,
) -> HeatGeometry:
    """The margins a heat map needs for its labels (text as shown, with ``<br>`` lines).

    Args:
        columns: the column labels, drawn above the plot slanted at −45°.
        rows: the row labels, drawn left of the plot.
        bar_title: the colour bar's title (written up the bar's side).
        tick_chars: characters of the longest colour-bar tick label ("100%" = 4).
        note_lines: lines of the note under the plot.
    """
    col_lines = [line for c in columns for line in label_lines(c)] or [""]
    longest = max(text_width(line, TICK_FONT) for line in col_lines)
    stacked = max(len(label_lines(c)) for c in columns) if columns else 1
    slant = math.sin(math.pi / 4)
    names_height = math.ceil(slant * (longest + stacked * LINE_HEIGHT * TICK_FONT))
    row_lines = [line for r in rows for line in label_lines(r)] or [""]
    left = max(text_width(line, FONT_SIZE) for line in row_lines) + 16
    # The last column's name leans right, past the plot's edge: room for it or the bar.
    last = max((text_width(line, TICK_FONT) for line in label_lines(columns[-1])), default=0)
    overhang = math.ceil(slant * last) + 8 if columns else 0
    right = max(colour_bar_width(tick_chars), overhang)
    bar_title_length = text_width(bar_title, BAR_TITLE_FONT) + 24
    two_line_rows = any(len(label_lines(r)) > 1 for r in rows)
    row_height = ROW_HEIGHT + (14 if two_line_rows else 0)
    plot_height = max(len(rows) * row_height, bar_title_length, 120)
    bottom = 24 + math.ceil(note_lines * 1.4 * (FONT_SIZE - 5))
    return HeatGeometry(left, right, TITLE_SPACE + names_height + 8, bottom, plot_height)


def column_lines(columns: int, left: int, right: int) -> int:
    """How many lines a column name may take (2 or 1) without running into its neighbours:
    slanted at −45°, neighbouring names stand a column's width × sin 45° apart, and the plot
    is at least :data:`NARROWEST` px wide less the margins."""
    if not columns:
        return 2
    gap = (NARROWEST - left - right) / columns * math.sin(math.pi / 4)
    return 2 if gap >= 2 * LINE_HEIGHT * TICK_FONT else 1


def colour_bar(title: str, tickformat: str) -> dict[str, Any]:
    """A colour bar standing right of the plot (beyond its domain), its title up its side."""
    return {
        "title": {"text": title, "side": "right", "font": {"size": BAR_TITLE_FONT}},
        "tickformat": tickformat,
        "tickfont": {"size": TICK_FONT},
        "thickness": BAR_THICKNESS,
        "x": 1.0,
        "xref": "paper",
        "xanchor": "left",
        "xpad": BAR_PAD,
        "y": 0.5,
        "yref": "paper",
        "yanchor": "middle",
        "len": 1.0,
        "lenmode": "fraction",
        "outlinewidth": 0,
    }


def apply_heat_geometry(fig: go.Figure, geometry: HeatGeometry) -> None:
    """Set the margins and height; the title stays at the top, above the column names."""
    fig.update_layout(
        height=geometry.height,
        margin={"l": geometry.left, "r": geometry.right, "t": geometry.top,
                "b": geometry.bottom},
        title={"yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 14}},
    )  # fmt: skip
    # The computed margins hold every label; automargin stays on only as a safety net (it can
    # grow a margin, and the title is placed in the container, so it never moves onto names).
    fig.update_xaxes(side="top", tickangle=-45, automargin=True, tickfont={"size": TICK_FONT})
    fig.update_yaxes(automargin=True, tickfont={"size": FONT_SIZE})
