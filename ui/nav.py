"""Make sure a page runs inside the app's own navigation (app.py), not Streamlit's legacy mode.

Streamlit treats an app whose entry script sits next to a ``pages/`` folder as a "v1" multipage
app until some run calls ``st.navigation``. So on a fresh server, the very first visitor who opens
a shared link such as ``/analyze`` would get the page run on its own: wrong menu, narrow layout.
Clearing that process-wide flag and rerunning sends the run through app.py, which keeps the same
page because our url paths equal the file names (both give the same page hash).
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def use_app_navigation() -> None:
    """Call first in every page script: reruns through app.py if Streamlit ran the page directly."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
