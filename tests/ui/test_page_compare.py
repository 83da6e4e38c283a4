"""Compare page with AppTest: samples on first run, heat map, modes, side by side, escaping."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis.library.samples import sample_rows
from analysis.library.store import Library
from analysis.present.compare_charts import heat_labels
from analysis.present.report import EVIDENCE_PER_ARTICLE

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "pages" / "compare.py")
TIMEOUT = 240
MARKDOWN_PAYLOAD = "![t](http://127.0.0.1:1/x)"


def run(app: AppTest) -> AppTest:
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def chart(app: AppTest, key: str) -> dict:
    """The Plotly figure (as JSON) drawn under ``key``."""
    [element] = [c for c in app.get("plotly_chart") if c.proto.id and c.key == key] or [None]
    assert element is not None, f"no chart {key}"
    return json.loads(element.proto.spec)


def test_first_run_compares_the_samples(db: Path) -> None:
    app = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    outlets = sorted({r.outlet for r in sample_rows()})
    assert app.multiselect(key="compare.outlets").value == outlets
    heat = chart(app, "compare.heatmap")["data"][0]
    assert heat["type"] == "heatmap"
    assert heat["x"] == outlets
    assert "Jens Stoltenberg" in heat["y"]
    # The slants show: Moscow Courier distances Stoltenberg, the wire service never does.
    row = heat["z"][heat["y"].index("Jens Stoltenberg")]
    share = dict(zip(heat["x"], row, strict=True))
    assert share["Moscow Courier"] > 0.5
    assert share["Meridian Wire"] == 0.0
    texts = [t for r in heat["text"] for t in r]
    assert any(t.startswith("n=") for t in texts)  # thin cells print their count
    # Only the shipped samples: the constructed ones are compared, the toggle is off.
    assert app.toggle(key="compare.exclude_samples").value is False
    # The table behind the heat map is sent only once its expander is opened.
    assert not app.dataframe
    app.session_state["compare.heatmap_table.open"] = True
    run(app)
    [table] = [d for d in app.dataframe if "actor" in d.value.columns]
    assert sorted(set(table.value["actor"])) == sorted(heat["y"])
    # Tabs run lazily: only the open tab's charts are computed and drawn.
    assert not [c for c in app.get("plotly_chart") if c.key == "compare.rates"]
    for tab, keys in (
        ("Markers per 1,000 words", ["compare.rates"]),
        ("Distinctive words", ["compare.terms"]),
        ("Outlet map", ["compare.map", "compare.similarity"]),
    ):
        app.session_state["compare.tab"] = tab
        run(app)
        for key in keys:
            assert chart(app, key)["data"]
    with Library(db) as lib:
        assert lib.missing_count() == 0  # the samples were analysed and cached


def captions(app: AppTest) -> list[str]:
    return [c.value for c in app.caption]


def test_filters_timeline_and_differences_tabs(db: Path) -> None:
    app = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    # The filters (and the export options) are sent only once their expander is opened.
    assert not app.text_input and not app.date_input and not app.number_input
    app.session_state["compare.filters.open"] = True
    run(app)
    app.text_input(key="compare.keyword").set_value("Stoltenberg")
    run(app)
    heat = chart(app, "compare.heatmap")["data"][0]
    with Library(db) as lib:
        from analysis.library.query import ArticleFilter, Selection

        kept = Selection(lib, ArticleFilter(keyword="Stoltenberg")).articles()
    assert sorted(heat["x"]) == sorted(set(kept["outlet"]))
    assert any("articles in" in c.value and f"{len(kept)} articles" in c.value
               for c in app.caption)  # fmt: skip
    app.session_state["compare.tab"] = "Over time"
    run(app)
    assert chart(app, "compare.timeline")["data"]
    app.session_state["compare.tab"] = "Tested differences"
    run(app)
    # One or two articles per sample outlet: nothing can be tested, and the page says so.
    assert any("too little data" in i.value for i in app.info)
    app.session_state["compare.tab"] = "Who is distanced"
    # Closed again, the filters keep their values, and the page says which are on.
    app.session_state["compare.filters.open"] = False
    run(app)
    assert not app.text_input
    assert any(f"{len(kept)} articles" in c for c in captions(app))
    assert "Filters on: keyword “Stoltenberg”" in " ".join(captions(app))
    assert sorted(chart(app, "compare.heatmap")["data"][0]["x"]) == sorted(set(kept["outlet"]))
    app.session_state["compare.filters.open"] = True
    run(app)
    assert app.text_input(key="compare.keyword").value == "Stoltenberg"
    assert not any("Filters on" in c for c in captions(app))
    app.text_input(key="compare.keyword").set_value("zzzz-no-such-word")
    run(app)
    assert any("No article passes these filters" in i.value for i in app.info)


def test_a_date_range_stays_on_while_closed_and_a_keyword_is_shown_escaped(db: Path) -> None:
    from analysis.library.query import ArticleFilter, Selection

    app = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    app.session_state["compare.filters.open"] = True
    run(app)
    day = dt.date(2022, 2, 17)
    app.date_input(key="compare.dates").set_value((day, day))
    run(app)
    with Library(db) as lib:
        kept = Selection(lib, ArticleFilter(date_from="2022-02-17", date_to="2022-02-17"))
        n = len(kept.articles())
    assert 0 < n < len(sample_rows())
    assert any(c.startswith(f"{n} articles in") for c in captions(app)), captions(app)
    app.session_state["compare.filters.open"] = False
    run(app)
    assert not app.date_input
    assert "Filters on: dates 2022-02-17 to 2022-02-17." in " ".join(captions(app))
    assert any(c.startswith(f"{n} articles in") for c in captions(app)), captions(app)
    app.session_state["compare.filters.open"] = True
    run(app)
    assert tuple(app.date_input(key="compare.dates").value) == (day, day)
    # Untrusted text in the "Filters on" line is escaped (no image fetched from the address).
    app.text_input(key="compare.keyword").set_value(MARKDOWN_PAYLOAD)
    app.session_state["compare.filters.open"] = False
    run(app)
    [line] = [c for c in captions(app) if c.startswith(":material/filter_alt: Filters on")]
    assert MARKDOWN_PAYLOAD not in line and "\\!\\[t\\]" in line, line


def test_export_options_are_kept_while_closed(db: Path) -> None:
    app = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    assert not app.get("download_button") and not app.number_input
    app.session_state["compare.export.open"] = True
    run(app)
    assert len(app.get("download_button")) == 3  # report HTML and PDF, bundle
    assert app.number_input(key="compare.evidence_rows").value == EVIDENCE_PER_ARTICLE
    app.number_input(key="compare.evidence_rows").set_value(3)
    app.multiselect(key="compare.report_sections").set_value(["summary"])
    run(app)
    app.session_state["compare.export.open"] = False
    run(app)
    assert not app.number_input
    app.session_state["compare.export.open"] = True
    run(app)
    assert app.number_input(key="compare.evidence_rows").value == 3
    assert app.multiselect(key="compare.report_sections").value == ["summary"]


def test_fewer_than_two_outlets_asks_for_more(db: Path) -> None:
    app = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    app.multiselect(key="compare.outlets").set_value(["Meridian Wire"])
    run(app)
    assert any("at least two" in i.value for i in app.info)
    assert not app.get("plotly_chart")


def test_single_articles_mode_and_top_actor_slider(db: Path) -> None:
    app = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    with Library(db) as lib:
        a = lib.articles(outlets=["Meridian Wire"])[0]
        b = lib.articles(outlets=["Moscow Courier"])[0]
    app.radio(key="compare.mode").set_value("Single articles")
    run(app)
    app.multiselect(key="compare.articles").set_value([a.id, b.id])
    run(app)
    heat = chart(app, "compare.heatmap")["data"][0]
    assert len(heat["x"]) == 2
    # Long titles wrap on two lines (heat_labels), the whole title stays in the hover.
    assert sorted(heat["x"]) == sorted(heat_labels([f"#{x.id} {x.title}" for x in (a, b)]))
    app.slider(key="compare.top_actors").set_value(3)
    run(app)
    assert len(chart(app, "compare.heatmap")["data"][0]["y"]) == 3


def test_a_large_library_lists_the_articles_a_search_finds_and_keeps_those_picked(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import compare_filters

    monkeypatch.setattr(compare_filters, "ARTICLES_LISTED", 3)  # 11 samples: "large"
    app = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))  # (puts the samples in)
    with Library(db) as lib:
        a = lib.articles(outlets=["Meridian Wire"])[0]
        b = lib.articles(outlets=["Moscow Courier"])[0]
    app.radio(key="compare.mode").set_value("Single articles")
    run(app)
    assert len(app.multiselect(key="compare.articles").options) == 3  # not every article
    assert any("articles match; the first 3 are listed" in c.value for c in app.caption)
    app.text_input(key="compare.article_search").set_value("Meridian Wire")
    run(app)
    options = app.multiselect(key="compare.articles").options
    assert options and all("Meridian Wire" in o for o in options)
    app.multiselect(key="compare.articles").set_value([a.id])
    run(app)
    app.text_input(key="compare.article_search").set_value("Moscow Courier")
    run(app)
    options = app.multiselect(key="compare.articles").options
    assert options[0].startswith(f"#{a.id} ")  # picked before: still offered, still picked
    assert app.multiselect(key="compare.articles").value == [a.id]
    app.multiselect(key="compare.articles").set_value([a.id, b.id])
    run(app)
    assert len(chart(app, "compare.heatmap")["data"][0]["x"]) == 2


def test_side_by_side_shows_escaped_highlighted_sentences(db: Path) -> None:
    with Library(db) as lib:  # an outlet name and text that try to inject HTML
        from analysis.library.samples import seed_library

        seed_library(lib)
        lib.add(
            'NATO chief Jens Stoltenberg claimed that <img src=x onerror="alert(1)"> was fine. '
            "Stoltenberg insisted again.",
            title="<b>Bold</b> title",
            outlet="<script>Evil</script> Times",
        )
    app = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    app.session_state["compare.tab"] = "Side by side"
    run(app)
    # A real article now exists: the samples are left out by default; put them back.
    assert app.toggle(key="compare.exclude_samples").value is True
    app.toggle(key="compare.exclude_samples").set_value(False)
    run(app)
    app.selectbox(key="compare.actor").set_value("Jens Stoltenberg")
    app.slider(key="compare.per_group").set_value(2)
    run(app)
    blocks = [h.value for h in app.html if "fl-side" in h.value]
    assert len(blocks) == len(app.multiselect(key="compare.outlets").value)
    evil = next(b for b in blocks if "Evil" in b)
    assert "<script>" not in evil
    assert "&lt;script&gt;Evil&lt;/script&gt; Times" in evil
    assert "<img" not in evil
    assert "&lt;b&gt;Bold&lt;/b&gt; title" in evil
    assert 'data-category="distancing"' in evil
    wire = next(b for b in blocks if "<h4>Meridian Wire</h4>" in b)
    assert wire.count('class="fl-article"') <= 2
    assert 'data-actor="Jens Stoltenberg"' in wire
    assert chart(app, "compare.stance_mix")["data"]
    app.session_state["compare.tab"] = "Who is distanced"
    run(app)
    heat = chart(app, "compare.heatmap")["data"][0]
    # Escaped, then wrapped or cut (nine columns: one line each, see heat_layout.column_lines).
    assert any(x.startswith("&lt;script&gt;Evil&lt;/script&gt;") for x in heat["x"])
    assert all("<script>" not in x for x in heat["x"])
