"""Picking rows of the Library page's table in AppTest (the table's own row selection)."""

from __future__ import annotations

from typing import Any

from streamlit.testing.v1 import AppTest

from analysis.library.query import ArticleFilter
from ui.library_table import table_key


def select_rows(
    app: AppTest, ids: list[int], flt: ArticleFilter | None = None, page: int = 1, size: int = 50
) -> None:
    """Tick the rows of these article ids in the shown table page (as a click in it does)."""
    shown = app.dataframe[0].value["id"].tolist()
    rows = [shown.index(i) for i in ids]
    key = table_key(flt or ArticleFilter(), page, size)
    app.session_state[key] = {"selection": {"rows": rows, "columns": [], "cells": []}}
    app.run()
    assert not app.exception, [e.value for e in app.exception]


def delete_confirm(app: Any) -> Any:
    """The 'Yes, delete the selected articles' checkbox (its key names the selection)."""
    (box,) = [c for c in app.checkbox if str(c.key or "").startswith("library.delete_confirm.")]
    return box
