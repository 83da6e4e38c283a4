"""Fixtures of the page tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from streamlit.runtime.pages_manager import PagesManager


@pytest.fixture
def flag() -> Iterator[None]:
    """Streamlit's process-wide legacy-pages flag (ui/nav.py), restored after the test."""
    saved = PagesManager.__dict__.get("uses_pages_directory")
    yield
    PagesManager.uses_pages_directory = saved
