"""Query parameters are validated against declared schemas before a page uses them."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

SCRIPT = """
import streamlit as st
from ui.query import query_value
st.write(f"code={query_value('code', default='none')!r}")
"""


def page_with(**params: str) -> AppTest:
    app = AppTest.from_string(SCRIPT, default_timeout=30)
    for k, v in params.items():
        app.query_params[k] = v
    return app.run()


def test_a_valid_code_is_used() -> None:
    app = page_with(code=" ABC-123 ")
    assert not app.exception
    assert app.markdown[0].value == "code='ABC-123'"
    assert not app.warning


@pytest.mark.parametrize("bad", ["<script>", "![x](http://127.0.0.1:8791/b)", "ab!", "x" * 40])
def test_an_invalid_code_is_ignored_with_a_warning(bad: str) -> None:
    app = page_with(code=bad)
    assert not app.exception
    assert app.markdown[0].value == "code='none'"
    assert "value was ignored" in app.warning[0].value
    assert bad not in app.warning[0].value  # the value itself is not echoed


def test_an_undeclared_parameter_cannot_be_read() -> None:
    from ui import query

    with pytest.raises(KeyError):
        query.SCHEMAS["anything"]
