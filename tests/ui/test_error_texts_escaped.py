"""Error texts on the Class and Library pages are shown as text, and a failed write loses nothing.

The library's exception text can hold untrusted text (a file name, a value from the file); it must
never render as Markdown (an image the browser would fetch). The failures are raised by patching
one library call, as a locked or damaged file would raise them.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

import ui.class_view
from analysis.library.store import Library
from tests.ui.library_rows import select_rows

ROOT = Path(__file__).resolve().parents[2]
CLASS = str(ROOT / "pages" / "class.py")
LIBRARY = str(ROOT / "pages" / "library.py")
TIMEOUT = 180
PAYLOAD = "![t](http://127.0.0.1:1/x)"
ESCAPED = "\\!\\[t\\]"


def run(app: AppTest) -> AppTest:
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def failing(*_: Any, **__: Any) -> Any:
    raise sqlite3.OperationalError(f"database is locked {PAYLOAD}")


def shown_once_escaped(messages: list[str]) -> str:
    """The one message holding the payload, checked to be escaped."""
    (message,) = [m for m in messages if "[t]" in m or ESCAPED in m]
    assert PAYLOAD not in message and ESCAPED in message, message
    return message


def test_an_unreadable_class_store_is_shown_as_text(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ui.class_view, "Library", failing)
    app = AppTest.from_file(CLASS, default_timeout=TIMEOUT)
    app.query_params["code"] = "ABC-123"
    run(app)
    message = shown_once_escaped([e.value for e in app.error])
    assert "Ask the teacher to check the server" in message


def test_a_library_error_while_picking_the_article_is_a_message(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Library(db) as library:
        library.add("Officials claimed that Russia moved troops. NATO said so.", title="T")
    app = run(AppTest.from_file(CLASS, default_timeout=TIMEOUT))
    app.radio(key="class.source").set_value("From the library")
    run(app)
    assert app.selectbox(key="class.library.0").value is not None
    monkeypatch.setattr(Library, "get", failing)
    app.button(key="class.start").click()
    run(app)  # no exception escapes to the page
    message = shown_once_escaped([e.value for e in app.error])
    assert "library cannot be read right now" in message
    assert "teacher" not in app.query_params  # nothing was started


def test_a_failed_save_says_so_and_keeps_the_edit_in_the_form(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = run(AppTest.from_file(LIBRARY, default_timeout=TIMEOUT))
    with Library(db) as library:
        before = list(library.export_rows())
    target = sorted(r["id"] for r in before)[1]
    select_rows(app, [target])
    app.text_input(key=f"library.edit.{target}.title").set_value("A new title")
    monkeypatch.setattr(Library, "update", failing)
    next(b for b in app.button if b.label == "Save changes").click()
    run(app)
    message = shown_once_escaped([e.value for e in app.error])
    assert "Not saved" in message
    assert app.text_input(key=f"library.edit.{target}.title").value == "A new title"
    with Library(db) as library:
        assert list(library.export_rows()) == before
