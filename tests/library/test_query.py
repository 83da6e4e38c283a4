"""The query API over the count tables: each filter, periods, one actor's articles, evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.library.query import ArticleFilter, Selection, fts_query
from analysis.library.store import Library
from analysis.records import STANCES, ActorProfile, ArticleAnalysis, Marker
from analysis.version import ENGINE_VERSION


def analysis_of(text: str, actors: dict[str, int]) -> ArticleAnalysis:
    """An analysis whose actors have the given numbers of distancing attributions."""
    profiles = tuple(
        ActorProfile(
            id=name.lower(), name=name, type="PERSON", aliases=(), mentions=1,
            stance_counts={s: n if s == "distancing" else 0 for s in STANCES},
            quotes=0, scare_quotes=0, doubt=0, loaded=0, sentiment=None,
        )
        for name, n in actors.items()
    )  # fmt: skip
    markers = tuple(
        Marker("attribution", "distancing", text[:1], 0, 1, name, "why", "src", 0)
        for name, n in actors.items()
        for _ in range(n)
    )
    return ArticleAnalysis(
        text=text, title=None, words=100, engine_version=ENGINE_VERSION, actors=profiles,
        markers=markers,
    )  # fmt: skip


ARTICLES = [
    ("Wire", "2022-01-10", False, "Stoltenberg claimed the build-up went on.",
     {"Jens Stoltenberg": 2}),
    ("Wire", "2022-02-03", False, "Putin said nothing new.", {"Vladimir Putin": 0, "NATO": 0}),
    ("Courier", "2022-02-20", False, "Putin claimed victory.", {"Putin": 3}),
    ("Courier", None, True, "A constructed sample about Stoltenberg.", {"Jens Stoltenberg": 1}),
]  # fmt: skip


@pytest.fixture
def lib(tmp_path: Path):
    with Library(tmp_path / "lib.sqlite3") as library:
        for outlet, date, constructed, text, actors in ARTICLES:
            library.add(
                text, title=text.split()[0], outlet=outlet, date=date, constructed=constructed,
                analysis=analysis_of(text, actors),
            )  # fmt: skip
        yield library


def ids_of(lib: Library, **kw: object) -> list[int]:
    return Selection(lib, ArticleFilter(**kw)).articles()["article_id"].tolist()  # type: ignore[arg-type]


def test_each_filter_keeps_the_right_articles(lib: Library) -> None:
    assert ids_of(lib) == [1, 2, 3, 4]
    assert ids_of(lib, outlets=("Courier",)) == [3, 4]
    assert ids_of(lib, date_from="2022-02-01", date_to="2022-02-20") == [2, 3]
    assert ids_of(lib, date_to="2022-12-31") == [1, 2, 3]  # undated articles drop out
    assert ids_of(lib, exclude_constructed=True) == [1, 2, 3]
    assert ids_of(lib, keyword="stoltenberg") == [1, 4]  # title or text, any case
    assert ids_of(lib, keyword="putin claim") == [3]  # every word, word beginnings
    assert ids_of(lib, keyword='"build-up') == [1]  # FTS5 syntax in a keyword is literal
    assert ids_of(lib, ids=(2, 4)) == [2, 4]
    assert ids_of(lib, ids=()) == []
    # The actor filter follows the name merge: "Putin" counts as "Vladimir Putin".
    merged = Selection(
        lib, ArticleFilter(actor="Vladimir Putin"), names={"Putin": "Vladimir Putin"}
    )
    assert merged.articles()["article_id"].tolist() == [2, 3]
    assert fts_query('a "b') == '"a"* AND """b"*'


def test_keyword_index_follows_edits_and_deletions(lib: Library) -> None:
    lib.update(2, title="Kremlin briefing")
    assert ids_of(lib, keyword="kremlin") == [2]
    lib.delete([1])
    assert ids_of(lib, keyword="stoltenberg") == [4]


def test_actor_totals_by_month_and_one_actors_articles(lib: Library) -> None:
    names = {"Putin": "Vladimir Putin"}
    sel = Selection(lib, names=names)
    totals = sel.actor_totals().set_index(["actor", "group"])
    assert totals.loc[("Vladimir Putin", "Courier"), "distancing"] == 3
    assert totals.loc[("Jens Stoltenberg", "Courier"), "articles"] == 1
    months = sel.actor_totals(period="month").set_index(["actor", "group", "period"])
    assert months.loc[("Jens Stoltenberg", "Wire", "2022-01"), "distancing"] == 2
    assert months.loc[("Vladimir Putin", "Courier", "2022-02"), "articles"] == 1
    undated = sel.actor_totals(period="month")
    assert undated[undated["group"] == "Courier"]["period"].isna().any()  # the undated sample
    per_article = sel.actor_articles("Vladimir Putin")
    assert per_article[["article_id", "group", "distancing"]].values.tolist() == [
        [2, "Wire", 0],
        [3, "Courier", 3],
    ]
    marked = sel.marked_articles("Jens Stoltenberg", per_group=1)
    assert marked.values.tolist() == [["Wire", 1], ["Courier", 4]]
    assert sel.titles([1, 3]) == {1: "Stoltenberg", 3: "Putin"}
    assert sel.missing_count() == 0
    lib.add("Not analysed yet.", outlet="Wire")
    assert Selection(lib, ArticleFilter(outlets=("Wire",))).missing_ids() == [5]


def test_merged_names_in_one_undated_article_count_it_once_per_period(tmp_path: Path) -> None:
    # Found by the property test: an undated article holding both names of one merged actor.
    with Library(tmp_path / "merge.sqlite3") as lib:
        lib.add("article a end", outlet="Wire", analysis=analysis_of(
            "article a end", {"Vladimir Putin": 1, "Putin": 1}))  # fmt: skip
        lib.add("article b end", outlet="Wire", date="2022-02-03", analysis=analysis_of(
            "article b end", {"Putin": 2}))  # fmt: skip
        names = {"Putin": "Vladimir Putin"}
        for flt in (ArticleFilter(), ArticleFilter(keyword="end")):  # cells, then rows
            months = Selection(lib, flt, names=names).actor_totals(period="month")
            got = months[["actor", "period", "articles", "distancing"]].values.tolist()
            assert sorted(got, key=str) == sorted(
                [["Vladimir Putin", None, 1, 2], ["Vladimir Putin", "2022-02", 1, 2]], key=str
            )
