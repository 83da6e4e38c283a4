"""Charts: bars count what the markers say, titles and axes are labelled, fonts are large."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import plotly.graph_objects as go
import pytest

from analysis.present.charts import (
    FONT_SIZE,
    MAX_ACTORS,
    marker_chart,
    plain_title,
    sentiment_chart,
    stance_chart,
)
from analysis.records import ActorProfile, ArticleAnalysis, Marker, Mention, Sentence

ROOT = Path(__file__).resolve().parents[2]


def profile(name: str, mentions: int, **stances: int) -> ActorProfile:
    return ActorProfile(
        id=name.lower(),
        name=name,
        type="PERSON",
        aliases=(),
        mentions=mentions,
        stance_counts=stances,
        quotes=0,
        scare_quotes=0,
        doubt=0,
        loaded=0,
        sentiment=None,
        words=200,
    )


def mk(kind: str, category: str, actor: str | None, sentence: int = 0) -> Marker:
    return Marker(kind, category, "x", 0, 1, actor, "why", "source", sentence)


def small() -> ArticleAnalysis:
    text = "A said. B claimed it. A noted. B was slammed."
    sentences = (
        Sentence(0, 0, 7, 0.0),
        Sentence(1, 8, 21, -0.4),
        Sentence(2, 22, 30, 0.5),
        Sentence(3, 31, 45, -0.8),
    )
    return ArticleAnalysis(
        text=text,
        title="t",
        words=200,
        engine_version="test",
        actors=(
            profile("Alice", 3, neutral=1, endorsing=1),
            profile("Bob", 2, distancing=1),
            profile("Nobody", 1),
        ),
        markers=(
            mk("attribution", "neutral", "Alice", 0),
            mk("attribution", "distancing", "Bob", 1),
            mk("attribution", "endorsing", "Alice", 2),
            mk("loaded", "label", "Bob", 3),
            mk("loaded", "label", "Bob", 3),
            mk("doubt", "hedge", None, 1),
        ),
        mentions=(
            Mention("Alice", "A", 0, 1, 0),
            Mention("Bob", "B", 8, 9, 1),
            Mention("Alice", "A", 22, 23, 2),
            Mention("Bob", "B", 31, 32, 3),
            Mention("Bob", "B", 31, 32, 3),
        ),
        sentences=sentences,
    )


def bars(fig: go.Figure) -> dict[str, dict[str, int]]:
    """{trace name: {actor: count}} of a horizontal bar chart."""
    return {t.name: dict(zip(t.y, t.x, strict=True)) for t in fig.data}


def test_stance_chart_stacks_each_actors_statements_by_stance() -> None:
    fig = stance_chart(small())
    assert fig.layout.barmode == "stack"
    got = bars(fig)
    assert got["neutral"] == {"Alice": 1, "Bob": 0}
    assert got["endorsing"] == {"Alice": 1, "Bob": 0}
    assert got["distancing"] == {"Alice": 0, "Bob": 1}
    assert "denial" not in got  # stances nobody has are left out of the legend
    assert "Nobody" not in fig.data[0].y  # no statements, no bar
    assert fig.layout.xaxis.title.text == "Statements"
    assert "statements" in fig.data[0].hovertemplate


def test_stance_colours_are_fixed_per_stance() -> None:
    fig = stance_chart(small())
    colours = {t.name: t.marker.color for t in fig.data}
    assert colours["distancing"] == "#D55E00"
    assert colours["endorsing"] == "#009E73"


def test_marker_chart_counts_markers_per_actor_and_kind() -> None:
    fig = marker_chart(small())
    got = bars(fig)
    assert got["reporting verbs"] == {"Alice": 2, "Bob": 1}
    assert got["loaded words"] == {"Alice": 0, "Bob": 2}
    assert "doubt words" not in got  # the only doubt marker has no actor
    assert "per 1,000 words" in fig.data[0].hovertemplate
    # rate per 1,000 words in the hover data: 2 loaded words in 200 words = 10 per 1,000
    loaded = next(t for t in fig.data if t.name == "loaded words")
    assert dict(zip(loaded.y, [c[0] for c in loaded.customdata], strict=True))["Bob"] == 10.0


def test_sentiment_chart_has_one_bar_per_sentence_and_actor_mentions() -> None:
    fig = sentiment_chart(small())
    bar = fig.data[0]
    assert list(bar.x) == [1, 2, 3, 4]
    assert list(bar.y) == [0.0, -0.4, 0.5, -0.8]
    dots = {t.y[0]: (list(t.x), [c[1] for c in t.customdata]) for t in fig.data[1:]}
    assert dots["Alice"] == ([1, 3], [1, 1])
    assert dots["Bob"] == ([2, 4], [1, 2])  # two mentions in sentence 4
    assert fig.layout.yaxis.title.text.startswith("Sentiment")
    assert fig.layout.xaxis2.title.text == "Sentence number"


def test_hover_text_of_untrusted_sentences_is_escaped() -> None:
    a = small()
    evil = "<b onmouseover=x>Hi</b> said A."
    a2 = ArticleAnalysis(
        text=evil,
        title=None,
        words=4,
        engine_version="t",
        sentences=(Sentence(0, 0, len(evil), 0.1),),
        actors=a.actors,
    )
    hover = sentiment_chart(a2).data[0].customdata[0]
    assert "<b onmouseover" not in hover
    assert "&lt;b onmouseover=x&gt;" in hover


def test_charts_are_readable_when_projected() -> None:
    for fig in (stance_chart(small()), marker_chart(small()), sentiment_chart(small())):
        assert fig.layout.font.size >= 18
        assert fig.layout.title.font.size > FONT_SIZE
        assert fig.layout.title.text


def test_empty_analysis_gives_a_message_not_an_empty_axis() -> None:
    empty = ArticleAnalysis(text="", title=None, words=0, engine_version="t")
    for fig in (stance_chart(empty), marker_chart(empty), sentiment_chart(empty)):
        assert len(fig.data) == 0
        assert fig.layout.annotations[0].text


def test_many_actors_are_cut_to_the_most_mentioned() -> None:
    actors = tuple(profile(f"Actor {i:02d}", 100 - i, neutral=1) for i in range(20))
    a = ArticleAnalysis(text="x", title=None, words=100, engine_version="t", actors=actors)
    fig = stance_chart(a)
    shown = set(fig.data[0].y)
    assert len(shown) == MAX_ACTORS
    assert "Actor 00" in shown
    assert "Actor 19" not in shown
    assert f"{MAX_ACTORS} most mentioned of 20" in plain_title(fig)


@pytest.mark.parametrize("chart", [stance_chart, marker_chart, sentiment_chart])
def test_real_seed_analysis_charts(chart: Callable[[ArticleAnalysis], go.Figure]) -> None:
    from analysis import analyze

    seed = (ROOT / "sample_articles" / "nato-eastern-flank.txt").read_text(encoding="utf-8")
    result = analyze(seed)
    fig = chart(result)
    assert len(fig.data) >= 1
    if chart is stance_chart:
        got = bars(fig)
        stoltenberg = next(a for a in result.actors if "Stoltenberg" in a.name)
        total = sum(counts.get(stoltenberg.name, 0) for counts in got.values())
        assert total == stoltenberg.attributions
        assert got["distancing"][stoltenberg.name] == stoltenberg.stance_counts["distancing"]
