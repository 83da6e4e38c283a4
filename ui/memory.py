"""Keeping Streamlit's garbage collection after every script run cheap.

Streamlit runs a full ``gc.collect(2)`` after each script run (``runner.postScriptGC``). With the
spaCy model, pandas and Plotly loaded that walks ~260,000 long-lived objects: ~0.1 s of CPU per
run, for every student opening a page. ``gc.freeze()`` (Python ≥ 3.7) moves the objects alive
now into a permanent generation that collections skip, so the collection after each run only
looks at what the run created. It is called once the model and lexicons are loaded (and once per
process by pages that never load the model).
"""

from __future__ import annotations

import gc

import streamlit as st


def freeze_long_lived() -> None:
    """Collect once, then exempt every object alive now from later collections."""
    gc.collect()
    gc.freeze()


@st.cache_resource(show_spinner=False)
def freeze_once() -> bool:
    """:func:`freeze_long_lived` once per server process (for pages without the model)."""
    freeze_long_lived()
    return True
