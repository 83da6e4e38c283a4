"""Guard for the one private Streamlit flag ui/nav.py relies on (issue 9/10).

If an installed Streamlit renames PagesManager.uses_pages_directory or changes what it means,
these fail, before a first visitor to a shared link gets the legacy page layout.
"""

from __future__ import annotations

import inspect
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import script_runner
from streamlit.testing.v1 import AppTest

from ui import nav

ROOT = Path(__file__).resolve().parents[2]


def test_the_flag_exists_and_starts_unset_until_a_pages_manager_looks(flag: object) -> None:
    assert "uses_pages_directory" in PagesManager.__dict__
    PagesManager.uses_pages_directory = None
    PagesManager(str(ROOT / "app.py"), setup_watcher=False)
    assert PagesManager.uses_pages_directory is True  # our app has a pages/ folder
    assert nav.legacy_pages_mode()


def test_while_set_the_script_runner_runs_pages_on_their_own() -> None:
    source = inspect.getsource(script_runner)
    assert "if PagesManager.uses_pages_directory:" in source
    assert "_mpa_v1(" in source


def test_st_navigation_clears_it(flag: object) -> None:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not app.exception
    assert PagesManager.uses_pages_directory is False
    assert not nav.legacy_pages_mode()


def test_the_guard_clears_the_flag_and_reruns(flag: object) -> None:
    script = """
from streamlit.runtime.pages_manager import PagesManager
import streamlit as st
from ui.nav import use_app_navigation
runs = st.session_state.setdefault("runs", [])
runs.append(bool(PagesManager.uses_pages_directory))
if len(runs) == 1:
    PagesManager.uses_pages_directory = True  # as on a fresh server with a pages/ folder
use_app_navigation()
st.write(f"runs={runs}")
"""
    app = AppTest.from_string(script, default_timeout=60)
    app.run()
    assert not app.exception
    assert app.session_state["runs"] == [False, False]  # one rerun, with the flag cleared


def test_started_in_app_navigation_a_pages_manager_keeps_it(flag: object) -> None:
    PagesManager.uses_pages_directory = None
    nav.start_in_app_navigation()  # what ui/serve.py does before the server listens
    PagesManager(str(ROOT / "app.py"), setup_watcher=False)
    assert PagesManager.uses_pages_directory is False
    assert not nav.legacy_pages_mode()
