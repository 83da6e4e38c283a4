"""AppTest for the Home and "How to read this" page scripts."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


def test_home_page_runs_and_names_its_audiences() -> None:
    # Through app.py: the home page links to other pages, which only exist in the navigation.
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "Framing Lens"
    text = " ".join(m.value for m in at.markdown)
    for audience in ("Teachers and students", "Researchers", "Report writers"):
        assert audience in text


def test_how_to_read_page_lists_every_stance() -> None:
    at = AppTest.from_file(str(ROOT / "pages" / "how_to_read.py"), default_timeout=60).run()
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    for stance in ("neutral", "distancing", "endorsing", "admission", "denial", "emotive"):
        assert f"**{stance}**" in text
