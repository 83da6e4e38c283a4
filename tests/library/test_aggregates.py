"""The count tables agree with the stored analyses (property test), filters and merges included."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.compare import ArticleCounts, Entry, MemorySource, merge_short_names
from analysis.library.query import ArticleFilter, Selection
from analysis.library.store import Library
from analysis.records import (
    ACTOR_TYPES,
    MARKER_KINDS,
    STANCES,
    ActorProfile,
    ArticleAnalysis,
    Marker,
)
from analysis.version import ENGINE_VERSION

NAMES = ["Putin", "Vladimir Putin", "Peskov", "Dmitry Peskov", "Boris Peskov", "NATO", "Kyiv"]
CATEGORIES = {"attribution": list(STANCES), "quote": ["direct"], "scare_quote": ["scare"],
              "doubt": ["hedge"], "loaded": ["derogatory"]}  # fmt: skip
OUTLETS = ["Wire", "Courier", None]
DATES = ["2022-01-03", "2022-02-16", "2022-02-28", "2022-03-01", None]

small = st.integers(0, 3)


@st.composite
def actors(draw: st.DrawFn) -> ActorProfile:
    return ActorProfile(
        id=draw(st.text("abc", min_size=1, max_size=3)),
        name=draw(st.sampled_from(NAMES)),
        type=draw(st.sampled_from(ACTOR_TYPES)),
        aliases=(),
        mentions=draw(st.integers(0, 5)),
        stance_counts={s: draw(small) for s in STANCES},
        quotes=draw(small),
        scare_quotes=draw(small),
        doubt=draw(small),
        loaded=draw(small),
        sentiment=None,
    )


@st.composite
def articles(draw: st.DrawFn) -> tuple[dict, ArticleAnalysis]:
    kinds = draw(st.lists(st.sampled_from(MARKER_KINDS), max_size=8))
    markers = tuple(
        Marker(k, draw(st.sampled_from(CATEGORIES[k])), "x", 0, 1, None, "why", "src", 0)
        for k in kinds
    )
    text = "article " + draw(st.text("abcdefgh ", min_size=1, max_size=20)).strip() + " end"
    analysis = ArticleAnalysis(
        text=text,
        title=None,
        words=draw(st.integers(1, 900)),
        engine_version=ENGINE_VERSION,
        actors=tuple(draw(st.lists(actors(), max_size=5))),
        markers=markers,
    )
    meta = {
        "outlet": draw(st.sampled_from(OUTLETS)),
        "date": draw(st.sampled_from(DATES)),
        "constructed": draw(st.booleans()),
    }
    return meta, analysis


def _sorted(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return frame.sort_values(keys, kind="stable").reset_index(drop=True)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    items=st.lists(articles(), min_size=1, max_size=12),
    outlets=st.one_of(st.none(), st.lists(st.sampled_from(["Wire", "Courier", ""]), max_size=2)),
    date_from=st.sampled_from([None, "2022-02-01"]),
    exclude=st.booleans(),
)
def test_count_tables_equal_the_counts_of_the_stored_analyses(
    items: list, outlets: list | None, date_from: str | None, exclude: bool
) -> None:
    flt = ArticleFilter(
        outlets=None if outlets is None else tuple(outlets),
        date_from=date_from,
        exclude_constructed=exclude,
    )
    with tempfile.TemporaryDirectory() as tmp, Library(Path(tmp) / "lib.sqlite3") as lib:
        for meta, analysis in items:
            lib.add(analysis.text, analysis=analysis, **meta)
        stored = lib.summaries()
        kept = [
            (a, s)
            for a, s in stored
            if (flt.outlets is None or (a.outlet or "") in flt.outlets)
            and (not date_from or (a.date is not None and a.date >= date_from))
            and not (exclude and a.constructed)
        ]
        selection = Selection(lib, flt)
        frame = selection.articles()
        assert frame["article_id"].tolist() == [a.id for a, _ in kept]
        # Per article: the counts compare computes from each stored summary.
        for row, (_, summary) in zip(frame.to_dict("records"), kept, strict=True):
            counts = ArticleCounts.of_summary(summary)
            assert row["words"] == counts.words
            assert {k: row[k] for k in MARKER_KINDS} == dict(counts.kinds)
            assert {s: row[f"stance_{s}"] for s in STANCES} == dict(counts.stances)
        # Per (actor, outlet), names merged as compare merges them: the same totals.
        entries = [Entry(a.outlet or "(no outlet)", "", s, a.title, a.id) for a, s in kept]
        memory = MemorySource(entries)
        assert selection.person_names() == memory.person_names()
        names = merge_short_names(memory.person_names())
        got = selection.with_names(names).actor_totals()
        want = memory.with_names(names).actor_totals()
        keys = ["actor", "group"]
        got_s, want_s = _sorted(got, keys).astype(str), _sorted(want, keys).astype(str)
        assert got_s.equals(want_s), f"{got_s.to_string()}\n{want_s.to_string()}"
        # One cell's first articles (the sentences behind a tone cell are read from them).
        for actor in sorted(set(want["actor"]))[:2]:
            for group in sorted(set(want["group"])):
                cells = [source.with_names(names).actor_articles(actor, group, 2)
                         for source in (selection, memory)]  # fmt: skip
                ids = [c[["article_id", "group"]].values.tolist() for c in cells]
                every = selection.with_names(names).actor_articles(actor)
                first = every[every["group"] == group].head(2)  # the lowest ids of the cell
                assert ids[0] == ids[1] == first[["article_id", "group"]].values.tolist()
        _check_cells_follow_the_rows(lib, flt, names)


def _totals(
    lib: Library, flt: ArticleFilter, names: dict, period: str | None = None
) -> pd.DataFrame:
    keys = ["actor", "group", *(["period"] if period else [])]
    got = Selection(lib, flt, names=names).actor_totals(period)
    return _sorted(got, keys).astype(str)


def _check_cells_follow_the_rows(lib: Library, flt: ArticleFilter, names: dict) -> None:
    """The per-day cells (actor_days) add up to what the article rows give — also per month,
    and after metadata edits and deletions (kept by triggers)."""
    # Every text contains "end": the keyword keeps all articles but forces the row path.
    rows_path = replace(flt, keyword="end")
    assert _totals(lib, flt, names).equals(_totals(lib, rows_path, names))
    assert _totals(lib, flt, names, "month").equals(_totals(lib, rows_path, names, "month"))
    ids = [a.id for a in lib.articles(with_text=False)]
    lib.update(ids[0], outlet="Courier", date="2022-02-28", constructed=False)
    lib.delete(ids[-1:])
    assert _totals(lib, flt, names).equals(_totals(lib, rows_path, names))
