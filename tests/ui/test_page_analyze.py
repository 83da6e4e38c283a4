"""Analyze page logic with Streamlit's AppTest: widgets addressed by key, never by position."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis.present.text import shown_text
from ui.samples import samples, seed

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "pages" / "analyze.py")
TIMEOUT = 120  # the first run of a test session loads the spaCy model

OTHER = (
    "Belarus President Alexander Lukashenko claimed on Thursday that the exercises were purely "
    "defensive. European Union foreign policy chief Josep Borrell said the bloc was watching "
    "closely, and NATO confirmed that more troops had arrived. Lukashenko insisted that "
    'nobody was threatened. Borrell told reporters the alleged "drills" looked like a '
    "build-up."
)


@pytest.fixture
def at(db: Path) -> AppTest:
    """The Analyze page after its first run (the seed article analysed; own library file)."""
    app = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def article_html(app: AppTest) -> str:
    """The st.html block holding the highlighted article (the one with the legend)."""
    blocks = [h.value for h in app.html if "fl-main" in h.value]
    assert len(blocks) == 1
    return blocks[0]


def html_text(fragment: str) -> str:
    """What a browser shows of an HTML fragment: tags removed, entities decoded."""
    return html_lib.unescape(re.sub(r"<style>.*?</style>|<[^>]*>", "", fragment, flags=re.S))


def mark_kinds(fragment: str) -> set[str]:
    return set(re.findall(r'<mark data-kind="([a-z_]+)"[^>]*data-marker=', fragment))


def analyze_paste(app: AppTest, text: str, title: str = "") -> AppTest:
    app.radio(key="analyze.source").set_value("Paste text")
    app.text_area(key="analyze.text").set_value(text)
    app.text_input(key="analyze.title").set_value(title)
    app.button(key="analyze.run").click()
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def current_title(app: AppTest) -> str | None:
    results = app.session_state["analyze.results"]
    index = app.selectbox(key="analyze.current").value if len(results) > 1 else 0
    return results[index].title


def test_first_view_is_the_seed_article_analysed(at: AppTest) -> None:
    s = seed()
    assert current_title(at) == s.title
    # The box starts empty: pasting never mixes a student's article into the sample.
    assert at.text_area(key="analyze.text").value in ("", None)
    assert at.text_input(key="analyze.outlet").value in ("", None)
    assert "article" not in at.query_params  # the sample of a first visit has no address
    html = article_html(at)
    assert {"attribution", "quote", "scare_quote", "doubt"} <= mark_kinds(html)
    assert 'data-category="distancing"' in html
    charts = [c.key for c in at.get("plotly_chart")]
    assert charts == [f"analyze.chart.{k}" for k in ("stance", "markers", "tone", "sentiment")]
    assert at.dataframe[0].value["Actor"].str.contains("Stoltenberg").any()
    assert not at.error


def test_paste_and_analyze_shows_the_new_article(at: AppTest) -> None:
    analyze_paste(at, OTHER, title="Drills in Belarus")
    assert current_title(at) == "Drills in Belarus"
    html = article_html(at)
    assert "Lukashenko" in html
    assert "Stoltenberg" not in html
    assert 'data-category="distancing"' in html  # "claimed", "insisted"
    charts = [c.key for c in at.get("plotly_chart")]
    assert charts == [f"analyze.chart.{k}" for k in ("stance", "markers", "tone", "sentiment")]
    assert not at.error


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "empty"),
        ("   \n\t  ", "empty"),
        # (A 10 MB paste cannot happen any more: the box holds 100,000 characters, see
        # tests/ui/test_limits.py; the 10 MB limit itself is tested in tests/library.)
        (
            "Le président a déclaré mercredi que la situation à la frontière restait "
            "préoccupante, selon plusieurs sources diplomatiques. Les ministres de la défense "
            "se sont réunis à Bruxelles pour examiner de nouvelles options de dissuasion.",
            "English",
        ),
    ],
)
def test_bad_paste_shows_a_message_and_keeps_the_previous_result(
    at: AppTest, text: str, words: str
) -> None:
    before = article_html(at)
    analyze_paste(at, text)
    assert any(words in shown_text(e.value) for e in at.error), [e.value for e in at.error]
    assert any("previous result is still shown" in shown_text(i.value) for i in at.info)
    assert current_title(at) == seed().title
    assert article_html(at) == before


def test_markup_in_pasted_text_is_shown_literally(at: AppTest) -> None:
    evil = OTHER + ' <script>alert("x")</script> <img src=x onerror="alert(1)"> Borrell said.'
    analyze_paste(at, evil)
    html = article_html(at)
    assert "<script" not in html
    assert "<img" not in html
    shown = html_text(html)
    assert '<script>alert("x")</script> <img src=x onerror="alert(1)">' in shown


def test_upload_txt_and_pdf_analyses_both(
    at: AppTest, make_pdf: Callable[..., bytes], wrap: Callable[..., list[str]]
) -> None:
    at.radio(key="analyze.source").set_value("Upload files")
    at.run()
    pdf = make_pdf(wrap(OTHER))
    at.file_uploader(key="analyze.files").set_value(
        [
            ("seed.txt", seed().text.encode("utf-8"), "text/plain"),
            ("drills.pdf", pdf, "application/pdf"),
        ]
    )
    at.run()
    at.text_input(key="analyze.outlet_files").set_value("Class handout")
    at.text_input(key="analyze.outlet_file.1.drills.pdf").set_value("Minsk Daily")
    at.button(key="analyze.run").click()
    at.run()
    assert not at.exception
    results = at.session_state["analyze.results"]
    # The .txt's headline-like first line is its title; the PDF's first line is a sentence.
    assert [r.title for r in results] == [seed().text.splitlines()[0], "drills.pdf"]
    # Each file has its own outlet box; an empty one takes the shared outlet.
    assert [r.meta.get("outlet") for r in results] == ["Class handout", "Minsk Daily"]
    at.selectbox(key="analyze.current").set_value(1)
    at.run()
    assert "Lukashenko" in article_html(at)


def test_unreadable_upload_keeps_previous_result(
    at: AppTest, make_pdf: Callable[..., bytes]
) -> None:
    at.radio(key="analyze.source").set_value("Upload files")
    at.run()
    at.file_uploader(key="analyze.files").set_value(
        [
            ("scan.pdf", make_pdf(None), "application/pdf"),
            ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "text/plain"),
        ]
    )
    at.button(key="analyze.run").click()
    at.run()
    errors = " ".join(e.value for e in at.error)
    assert "no text layer" in errors
    assert "PNG image" in errors
    assert current_title(at) == seed().title


def test_upload_with_no_file_chosen(at: AppTest) -> None:
    at.radio(key="analyze.source").set_value("Upload files")
    at.run()
    at.button(key="analyze.run").click()
    at.run()
    assert any("Choose one or more files" in shown_text(e.value) for e in at.error)


def test_private_url_is_refused(at: AppTest) -> None:
    at.radio(key="analyze.source").set_value("Web address")
    at.run()
    at.text_input(key="analyze.url").set_value("http://127.0.0.1:8501/analyze")
    at.button(key="analyze.run").click()
    at.run()
    assert any("private or local network" in shown_text(e.value) for e in at.error)
    assert current_title(at) == seed().title


def test_sample_picker(at: AppTest) -> None:
    at.radio(key="analyze.source").set_value("Sample article")
    at.run()
    options = samples()
    pick = next(i for i, s in enumerate(options) if s.outlet == "Daily Clarion")
    at.selectbox(key="analyze.sample").set_value(pick)
    at.button(key="analyze.run").click()
    at.run()
    result = at.session_state["analyze.results"][0]
    assert result.title == options[pick].title
    assert result.meta["outlet"] == "Daily Clarion"
    assert 'data-category="emotive"' in article_html(at)


def test_kind_and_actor_filters(at: AppTest) -> None:
    at.pills(key="analyze.kinds").set_value(["doubt"])
    at.run()
    assert mark_kinds(article_html(at)) == {"doubt"}
    at.pills(key="analyze.kinds").set_value(["attribution", "quote"])
    name = next(
        a.name for a in at.session_state["analyze.results"][0].actors if "Blinken" in a.name
    )
    at.multiselect(key="analyze.actors").set_value([name])
    at.run()
    html = article_html(at)
    actors = set(re.findall(r'<mark [^>]*data-marker="\d+" data-actor="([^"]+)"', html))
    assert actors == {name}
    assert mark_kinds(html) == {"attribution", "quote"}


def test_evidence_for_a_chosen_actor(at: AppTest) -> None:
    result = at.session_state["analyze.results"][0]
    name = next(a.name for a in result.actors if "Stoltenberg" in a.name)
    at.selectbox(key="analyze.evidence_actor").set_value(name)
    at.run()
    evidence = [h.value for h in at.html if "fl-evidence" in h.value]
    assert len(evidence) == 1
    assert "claimed" in evidence[0]
    marks = re.findall(r'data-actor="([^"]+)"', evidence[0])
    assert marks
    assert set(marks) == {name}


def test_results_are_cached_by_text(at: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    import analysis.engine.pipeline

    calls: list[str] = []
    real = analysis.engine.pipeline.analyze

    def counting(text: str, **kw: object) -> object:
        calls.append(text)
        return real(text, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(analysis.engine.pipeline, "analyze", counting)
    first = OTHER + " A sentence only this caching test uses."
    second = OTHER + " Another sentence only this caching test uses."
    analyze_paste(at, first)
    analyze_paste(at, second)
    analyze_paste(at, first)
    assert calls.count(first) == 1
    assert calls.count(second) == 1
    assert "only this caching test" in article_html(at)


def test_app_navigation_reaches_the_analyze_page() -> None:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    app.run()
    assert not app.exception
    assert app.title[0].value == "Framing Lens"
    app.switch_page("pages/analyze.py")
    app.run()
    assert not app.exception
    assert app.title[0].value == "Analyze an article"
    assert mark_kinds(article_html(app))


def test_save_to_library(at: AppTest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from analysis.library.store import Library

    db = tmp_path / "library.sqlite3"
    monkeypatch.setenv("FRAMING_LENS_DB", str(db))
    at.button(key="analyze.save").click()
    at.run()
    assert any("Saved to the library" in shown_text(s.value) for s in at.success)
    with Library(db) as library:
        (article,) = library.articles()
        assert article.title == seed().title
        assert article.outlet == seed().outlet
    at.button(key="analyze.save").click()
    at.run()
    assert any("already in the library" in shown_text(i.value) for i in at.info)


def test_load_the_sample_fills_the_box_on_purpose(at: AppTest) -> None:
    at.button(key="analyze.load_sample").click()
    at.run()
    assert at.text_area(key="analyze.text").value == seed().text
    assert at.text_input(key="analyze.outlet").value == seed().outlet


def test_pasted_headline_becomes_the_title_and_outlet_stays_empty(at: AppTest, db: Path) -> None:
    analyze_paste(at, "Belarus drills alarm the alliance\n\n" + OTHER)
    result = at.session_state["analyze.results"][0]
    assert result.title == "Belarus drills alarm the alliance"
    assert "outlet" not in result.meta
    at.button(key="analyze.save").click()
    at.run()
    from analysis.library.store import Library

    with Library(db) as library:
        (article,) = library.articles()
    assert article.title == "Belarus drills alarm the alliance"
    assert article.outlet is None


def test_an_analysed_article_gets_an_address_that_opens_it_in_a_new_session(
    at: AppTest, db: Path
) -> None:
    analyze_paste(at, OTHER, title="Drills in Belarus")
    key = at.query_params["article"]
    key = key[0] if isinstance(key, list) else key
    assert len(key) == 16
    fresh = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    fresh.query_params["article"] = key
    fresh.run()
    assert not fresh.exception
    assert current_title(fresh) == "Drills in Belarus"
    assert "Lukashenko" in article_html(fresh)


def test_an_unknown_address_says_so_and_shows_the_sample(db: Path) -> None:
    app = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    app.query_params["article"] = "0123456789abcdef"
    app.run()
    assert any("does not have" in e.value for e in app.error)
    assert current_title(app) == seed().title


def test_neutral_rewrite_beside_the_original(at: AppTest) -> None:
    blocks = [h.value for h in at.html if "fl-rewrite" in h.value]
    original, neutral = blocks
    assert ">claimed</del>" in original
    assert ">said</ins>" in neutral
    assert html_text(neutral).count("claimed") == 0


def test_an_analysis_over_the_time_limit_says_so_and_keeps_the_result_shown(
    at: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = at.session_state["analyze.results"][0].title
    monkeypatch.setenv("FRAMING_LENS_TIME_LIMIT", "0")
    analyze_paste(at, OTHER + " A sentence only this test uses.")
    errors = [shown_text(e.value) for e in at.error]
    assert any("took longer than 0 seconds" in e for e in errors), errors
    assert any("previous result is still shown" in shown_text(i.value) for i in at.info)
    assert at.session_state["analyze.results"][0].title == shown
