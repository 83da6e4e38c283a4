"""The plain-language "How to read this" text, shared by its page and the Analyze page's panel."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import streamlit as st

TEXT_FILE = Path(__file__).with_name("prose") / "how_to_read.md"


@cache
def how_to_read_text() -> str:
    """The panel's Markdown (kept as a data file, read once)."""
    return TEXT_FILE.read_text(encoding="utf-8")


def render_how_to_read() -> None:
    """Write the panel's text into the current Streamlit container."""
    st.markdown(how_to_read_text())
