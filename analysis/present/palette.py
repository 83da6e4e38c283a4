"""Colours shared by the highlighted article and the charts (colour-blind safe).

The palette is Okabe & Ito (2008), "Color Universal Design", the usual choice for figures read by
people with any common form of colour-vision deficiency.
"""

from __future__ import annotations

STANCE_COLOURS: dict[str, str] = {
    "distancing": "#D55E00",
    "neutral": "#8c8c8c",
    "endorsing": "#009E73",
    "admission": "#CC79A7",
    "denial": "#0072B2",
    "emotive": "#E69F00",
}
"""Line/bar colour per attribution stance, in the order charts stack them."""

KIND_COLOURS: dict[str, str] = {
    "attribution": "#0072B2",
    "quote": "#555555",
    "scare_quote": "#E69F00",
    "doubt": "#D55E00",
    "loaded": "#CC79A7",
}
"""Bar colour per marker kind."""

KIND_BACKGROUNDS: dict[str, tuple[str, str]] = {
    "attribution": ("#cde7f6", "3px solid #0072B2"),
    "quote": ("transparent", "2px dotted #555555"),
    "scare_quote": ("#fde3a7", "3px double #b07400"),
    "doubt": ("#f9cdb5", "3px dashed #D55E00"),
    "loaded": ("#f3d3e6", "3px solid #CC79A7"),
}
"""(background, underline) per marker kind in the highlighted article: lightened palette colours,
and a distinct underline style each, so the legend does not rely on colour alone."""

POSITIVE = "#0072B2"
NEGATIVE = "#D55E00"

TONE_COLOURS: dict[str, str] = {
    "negative": "#D55E00",
    "neutral": "#8c8c8c",
    "positive": "#0072B2",
}
"""Bar colour per tone of the per-actor tone model (negative, neutral, positive)."""
