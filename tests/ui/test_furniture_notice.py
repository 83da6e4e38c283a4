"""The Analyze page says what page furniture was cut from a paste and can put it back."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "pages" / "analyze.py")
TIMEOUT = 120

ARTICLE = (
    "Belarus President Alexander Lukashenko claimed on Thursday that the exercises were purely "
    "defensive.\n\nReplay More Videos ...\n\nSign up for Daily Newsletters Manage Newsletters\n\n"
    "NATO confirmed that more troops had arrived. Lukashenko insisted that nobody was threatened."
)
CLEAN = (
    "Belarus President Alexander Lukashenko claimed on Thursday that the exercises were purely "
    "defensive.\n\nNATO confirmed that more troops had arrived. Lukashenko insisted that nobody "
    "was threatened."
)


@pytest.fixture
def at() -> AppTest:
    app = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def paste(app: AppTest, text: str) -> AppTest:
    app.radio(key="analyze.source").set_value("Paste text")
    app.text_area(key="analyze.text").set_value(text)
    app.button(key="analyze.run").click()
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def shown_text(app: AppTest) -> str:
    return app.session_state["analyze.results"][0].text


def test_the_seed_shows_no_notice(at: AppTest) -> None:
    assert not [i for i in at.info if "page furniture" in i.value]


def test_pasted_furniture_is_cut_listed_and_can_be_put_back_and_cut_again(at: AppTest) -> None:
    paste(at, ARTICLE)
    assert shown_text(at) == CLEAN
    notice = [i.value for i in at.info if "page furniture" in i.value]
    assert notice and "2 pieces of page furniture" in notice[0]
    (table,) = [d.value for d in at.dataframe if "Removed text" in d.value.columns]
    assert list(table["Removed text"]) == [
        "Replay More Videos ...",
        "Sign up for Daily Newsletters Manage Newsletters",
    ]
    assert set(table["What it is"]) == {"video or gallery text", "newsletter boxes"}

    at.button(key="analyze.furniture_undo").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert shown_text(at) == ARTICLE
    assert any("includes 2 pieces" in i.value for i in at.info)

    at.button(key="analyze.furniture_redo").click().run()
    assert shown_text(at) == CLEAN
    assert at.button(key="analyze.furniture_undo")


def test_a_paste_without_furniture_shows_no_notice(at: AppTest) -> None:
    paste(at, CLEAN)
    assert shown_text(at) == CLEAN
    assert not [i for i in at.info if "page furniture" in i.value]
