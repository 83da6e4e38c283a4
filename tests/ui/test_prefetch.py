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


def _prefetch_scripts(code: str | None) -> list[str]:
    from streamlit.testing.v1 import AppTest

    root = Path(__file__).resolve().parents[2]
    app = AppTest.from_file(str(root / "app.py"), default_timeout=240)
    if code is not None:
        app.query_params["code"] = code
    app.switch_page("pages/how_to_read.py")  # a page with little else to draw
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return [h.proto.body for h in app.get("html") if "__flPrefetch" in h.proto.body]


def test_every_tab_but_a_students_asks_for_the_code(db: Path) -> None:
    [script] = _prefetch_scripts(None)
    assert "PlotlyChart." in script and "requestIdleCallback" in script
    assert _prefetch_scripts("ABC123") == []  # a student's tab shows the class page only
