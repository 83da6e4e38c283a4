"""The error boundary (ui/errors.py) with AppTest: a message with an id, the log, the restore."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from analysis.present.text import shown_text
from ui import article_view

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 120
CRASH = "Crash me"
TEXT = (
    "Belarus President Alexander Lukashenko claimed on Thursday that the exercises were purely "
    "defensive, and NATO said more troops had arrived."
)


class Captured(logging.Handler):
    """Collects the records of the error logger (which does not propagate to the root)."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def server_log() -> Any:
    handler = Captured()
    logger = logging.getLogger("framing_lens.errors")
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)


@pytest.fixture
def crashing_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    """render_summary raises for one title (a stand-in for any bug in a page)."""
    real = article_view.render_summary

    def render_summary(result: Any) -> None:
        if result.title == CRASH:
            raise RuntimeError("boom: /secret/path/of/the/server")
        real(result)

    monkeypatch.setattr(article_view, "render_summary", render_summary)


def _analyze_in_the_boundary() -> None:
    """The Analyze page run by ``run_page``, exactly as app.py runs every page."""
    import runpy
    from pathlib import Path

    from ui.errors import run_page

    class AnalyzePage:
        title = "Analyze an article"

        def run(self) -> None:
            root = Path(__import__("ui").__file__).resolve().parents[1]
            runpy.run_path(str(root / "pages" / "analyze.py"), run_name="__main__")

    run_page(AnalyzePage())


def analyze_page(db: Path) -> AppTest:
    # AppTest on app.py itself resets Streamlit's pages-folder flag on every run, which makes
    # each run a nav-guard rerun that drops button clicks; this runs the same boundary directly.
    app = AppTest.from_function(_analyze_in_the_boundary, default_timeout=TIMEOUT)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def page_text(app: AppTest) -> str:
    parts = [e.value for e in (*app.error, *app.warning, *app.markdown, *app.caption)]
    return "\n".join(str(p) for p in parts)


def test_an_exception_shows_an_error_id_logs_the_traceback_and_restores_the_page(
    db: Path, crashing_summary: None, server_log: Captured
) -> None:
    app = analyze_page(db)
    seed_title = app.session_state["analyze.results"][0].title
    app.radio(key="analyze.source").set_value("Paste text")
    app.text_area(key="analyze.text").set_value(TEXT)
    app.text_input(key="analyze.title").set_value(CRASH)
    app.button(key="analyze.run").click()
    app.run()
    assert not app.exception  # nothing reached Streamlit's own error display
    errors = [e.value for e in app.error]
    assert len(errors) == 1
    found = re.search(r"Something went wrong on this page \(error id ([0-9a-f]{6})\)", errors[0])
    assert found, errors
    assert "nothing you saved was lost" in errors[0]
    # The page is back to its last good state: the seed article, its summary drawn.
    assert app.session_state["analyze.results"][0].title == seed_title
    assert any(seed_title in shown_text(s.value) for s in app.subheader)
    # The details went to the server log under the same id, never to the page.
    records = [r for r in server_log.records if found.group(1) in r.getMessage()]
    assert len(records) == 1 and records[0].exc_info is not None
    assert "RuntimeError" in logging.Formatter().formatException(records[0].exc_info)
    assert "boom" not in page_text(app) and "/secret/path" not in page_text(app)
    # The next run is ordinary again: the message is gone.
    app.run()
    assert not app.error


def test_a_page_that_keeps_failing_starts_fresh_then_stops_retrying(
    db: Path, monkeypatch: pytest.MonkeyPatch, server_log: Captured
) -> None:
    app = analyze_page(db)

    def always(result: Any) -> None:
        raise RuntimeError("always broken")

    monkeypatch.setattr(article_view, "render_summary", always)
    app.run()
    assert not app.exception
    errors = [e.value for e in app.error]
    assert errors and "error id" in errors[-1]
    assert len(server_log.records) == 3  # restored, then fresh, then stopped: no endless loop


def test_widget_keys_are_known_to_the_boundary(db: Path) -> None:
    """Guard for the one Streamlit internal the boundary reads (widgets are reset, never set)."""
    app = analyze_page(db)
    script = """
import streamlit as st
from ui.errors import is_widget_key
st.text_input("x", key="probe.widget")
st.session_state["probe.data"] = 1
st.write(f"widget={is_widget_key('probe.widget')} data={is_widget_key('probe.data')}")
"""
    probe = AppTest.from_string(script, default_timeout=TIMEOUT).run()
    assert not probe.exception
    assert probe.markdown[0].value == "widget=True data=False"
    assert app is not None


def test_a_timeout_anywhere_on_a_page_shows_its_own_message_with_the_id(
    db: Path, monkeypatch: pytest.MonkeyPatch, server_log: Captured
) -> None:
    from analysis.engine import AnalysisTimeout

    app = analyze_page(db)
    real = article_view.render_summary

    def slow(result: Any) -> None:
        if result.title == CRASH:
            raise AnalysisTimeout("The analysis took longer than 1 seconds and was stopped.")
        real(result)

    monkeypatch.setattr(article_view, "render_summary", slow)
    app.radio(key="analyze.source").set_value("Paste text")
    app.text_area(key="analyze.text").set_value(TEXT)
    app.text_input(key="analyze.title").set_value(CRASH)
    app.button(key="analyze.run").click()
    app.run()
    assert not app.exception
    (error,) = [e.value for e in app.error]
    assert error.startswith("The analysis took longer than 1 seconds and was stopped.")
    assert re.search(r"error id [0-9a-f]{6}", error)
