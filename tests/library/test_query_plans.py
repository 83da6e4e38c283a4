"""Queries driven by a list of articles read those articles' count rows through the article
index, whatever else they read (SQLite has no statistics here to choose well by itself)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from analysis.library.query import ArticleFilter, Selection
from analysis.library.store import Library
from tests.library.scored_library import NAMES, fill


@pytest.fixture
def lib(tmp_path: Path):
    with Library(tmp_path / "lib.sqlite3") as library:
        yield fill(library)


def plans_of(selection: Selection, read: object) -> list[list[str]]:
    """The query plan of every statement ``read()`` runs on the selection's connection."""
    statements: list[str] = []
    selection._con.set_trace_callback(statements.append)
    read()  # type: ignore[operator]
    selection._con.set_trace_callback(None)
    return [
        [str(r[3]) for r in selection._con.execute(f"EXPLAIN QUERY PLAN {s}")]
        for s in statements
        if s.lstrip().upper().startswith(("SELECT", "WITH"))
    ]


@pytest.mark.parametrize(
    "flt",
    [
        ArticleFilter(actor="Jens Stoltenberg", outlets=("Wire", "Courier", "Herald", "")),
        # "Report 1…": the articles 2 and 11–20 (texts say "Report <i - 1>"), a short list.
        ArticleFilter(keyword="Report 1", outlets=("Wire", "Herald"), date_from="2022-01-01"),
        ArticleFilter(ids=(1, 2, 3, 5, 8), outlets=("Wire", "Courier")),
    ],
)
def test_no_query_scans_every_count_row_once_per_listed_article(
    lib: Library, flt: ArticleFilter
) -> None:
    selection = Selection(lib, flt, names=NAMES)
    actors = ["Jens Stoltenberg", "Vladimir Putin"]
    for read in (
        selection.actor_tones,
        selection.actor_totals,
        lambda: selection.actor_units(actors, 3),
        selection.person_names,
        selection.group_totals,
    ):
        for plan in plans_of(selection, read):
            for before, step in itertools.pairwise(plan):
                # A scan of the id list followed by a search of the count rows by key alone
                # reads every row of the table for each listed article.
                assert not (before.startswith("SCAN j") and step.endswith("(analysis_key=?)")), plan
