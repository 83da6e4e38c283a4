"""The element code every page prefetches exists in the installed Streamlit."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui.prefetch import ELEMENTS, chunk_files


def test_every_element_kind_has_its_chunk_in_the_installed_streamlit() -> None:
    files = chunk_files()
    folder = Path(st.__file__).parent / "static" / "static" / "js"
    # One chunk per kind: a Streamlit that renames them fails here, not silently on the page.
    assert sorted(f.split(".")[0] for f in files) == sorted(ELEMENTS)
    assert all((folder / f).is_file() for f in files)
