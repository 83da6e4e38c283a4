"""Make sure a page runs inside the app's own navigation (app.py), not Streamlit's legacy mode.

Why this exists: the repository must keep its ``pages/`` folder (one script per user task), and
Streamlit treats an app whose entry script sits next to a ``pages/`` folder as a legacy "v1"
multipage app until some run calls ``st.navigation``. The switch is a process-wide class flag,
``PagesManager.uses_pages_directory`` (private): it is ``None`` at start, the first
``PagesManager`` sets it to "a pages folder exists", ``st.navigation`` sets it to False, and while
it is True the script runner runs the requested page on its own (``_mpa_v1``). So on a fresh
server, the very first visitor who opens a shared link such as ``/compare`` gets that page
without our menu and in the narrow layout. Clearing the flag and rerunning sends the run through
app.py, which keeps the same page because our url paths equal the file names (same page hash).

The guard depends on that private flag meaning exactly this; ``tests/ui/test_nav.py`` fails when
an installed Streamlit changes it, and ``tests/ui/test_browser_nav.py`` opens a deep link as the
first request to a fresh server.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def legacy_pages_mode() -> bool:
    """True while Streamlit would run pages from ``pages/`` itself (no app navigation yet)."""
    return bool(getattr(PagesManager, "uses_pages_directory", False))


def use_app_navigation() -> None:
    """Call first in every page script: reruns through app.py if Streamlit ran the page directly."""
    if legacy_pages_mode():
        PagesManager.uses_pages_directory = False
        st.rerun()


def start_in_app_navigation() -> None:
    """Before the server starts (:mod:`ui.serve`): no run is ever sent to the legacy mode, so
    the first visitor's deep link runs through app.py at once (no extra rerun)."""
    PagesManager.uses_pages_directory = False
