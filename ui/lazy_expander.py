"""An expander whose content reaches the browser only while it is open.

Why: a closed Streamlit expander still sends its content, and the browser draws it hidden. On a
page's first visit every kind of element in it (a date input, a table, a download button) first
loads its code, one request each, before the page's chart code is even asked for (a browser
opens a few connections to one server at a time): the Compare page drew its heat map 0.6-0.8 s
later with its filters, export options and tone-sentence pickers sent closed
(``benchmarks/compare_scale.py``). With ``on_change="rerun"`` the expander reports when it is
opened and the page reruns with its content (:func:`streamlit.expander`, ``.open``). Widgets in
it whose values must outlive a closed expander say ``persist_state="page"``; their values are
then read from ``st.session_state`` while it is closed.
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator


def lazy_expander(label: str, key: str, **kw: Any) -> DeltaGenerator | None:
    """A closed-by-default expander (``kw`` as for :func:`streamlit.expander`), keyed
    ``{key}.open``: the expander to fill when it is open, None when closed (fill nothing)."""
    box = st.expander(label, key=f"{key}.open", on_change="rerun", **kw)
    return box if box.open else None
