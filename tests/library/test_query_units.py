"""The units of the tests of differences are kept across outlet choices and equal a fresh read."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from analysis.library.query import ArticleFilter, Selection
from analysis.library.store import Library
from analysis.records import STANCES
from tests.library.scored_library import NAMES, add_article, analysis_of, fill


@pytest.fixture
def lib(tmp_path: Path):
    with Library(tmp_path / "lib.sqlite3") as library:
        yield fill(library)


FILTERS = [
    ArticleFilter(),
    ArticleFilter(outlets=("Wire", "Herald")),
    ArticleFilter(outlets=("Courier", "")),
    ArticleFilter(outlets=()),
    ArticleFilter(outlets=("Wire", "Courier"), date_from="2022-02-01", exclude_constructed=True),
    ArticleFilter(outlets=("Herald", "Courier"), keyword="Stoltenberg report"),
    ArticleFilter(outlets=("Wire", "Herald"), actor="Vladimir Putin"),
]


@pytest.mark.parametrize("max_units", [2, 200])
def test_units_equal_a_fresh_read_of_the_count_rows(lib: Library, max_units: int) -> None:
    actors = ["Jens Stoltenberg", "Vladimir Putin"]
    for flt in FILTERS:
        selection = Selection(lib, flt, names=NAMES)
        kept = selection.actor_units(actors, max_units)
        fresh = selection._read_units(actors, max_units, flt)  # the SQL, nothing kept
        order = ["actor", "group", "unit"]
        pd.testing.assert_frame_equal(
            kept.sort_values(order).reset_index(drop=True),
            fresh.sort_values(order).reset_index(drop=True),
            check_dtype=False,
        )
        if flt.outlets:
            assert set(kept["group"]) <= {o or "(no outlet)" for o in flt.outlets}
        totals = selection.group_totals().sort_values("group").reset_index(drop=True)
        read = selection._read_group_totals(flt).sort_values("group").reset_index(drop=True)
        pd.testing.assert_frame_equal(totals, read, check_dtype=False)
    # Blocks: a group of more articles than max_units pools them; every article is counted once.
    whole = Selection(lib, names=NAMES).actor_units(actors, max_units)
    per_actor = whole.groupby("actor")["articles"].sum()
    for actor in actors:
        rows = Selection(lib, names=NAMES).actor_articles(actor)
        with_attributions = rows[rows[list(STANCES)].sum(axis=1) > 0]
        assert per_actor[actor] == len(with_attributions)


def test_another_outlet_choice_reads_no_count_rows(lib: Library) -> None:
    actors = ["Jens Stoltenberg", "Vladimir Putin"]
    Selection(lib, ArticleFilter(outlets=("Wire", "Courier")), names=NAMES).actor_units(actors, 5)
    other = Selection(lib, ArticleFilter(outlets=("Herald", "")), names=NAMES)
    assert other.units_kept(actors, 5)
    assert not other.units_kept(actors, 6)  # other blocks: another read
    assert not other.units_kept([*actors, "Putin ally"], 5)
    statements: list[str] = []
    other._con.set_trace_callback(statements.append)
    units = other.actor_units(actors, 5)
    other._con.set_trace_callback(None)
    assert not [s for s in statements if "actor_counts" in s]
    assert set(units["group"]) == {"Herald", "(no outlet)"}
    # Another filter (not only the outlets) reads the rows again.
    dated = Selection(lib, ArticleFilter(date_from="2022-02-01"), names=NAMES)
    assert not dated.units_kept(actors, 5)
    dated._con.set_trace_callback(statements.append)
    dated.actor_units(actors, 5)
    dated._con.set_trace_callback(None)
    assert [s for s in statements if "actor_counts" in s]


def test_a_new_article_is_in_the_units_at_once(lib: Library) -> None:
    actors = ["Jens Stoltenberg"]
    flt = ArticleFilter(outlets=("Courier",))
    before = Selection(lib, flt).actor_units(actors, 200)
    assert Selection(lib, flt).units_kept(actors, 200)
    add_article(lib, 49)  # a Courier article with attributions of Stoltenberg
    assert not Selection(lib, flt).units_kept(actors, 200)  # a new revision: read again
    after = Selection(lib, flt).actor_units(actors, 200)
    assert after["articles"].sum() == before["articles"].sum() + 1
    fresh = Selection(lib, flt)._actor_units(actors, 200, flt)
    assert after["articles"].sum() == fresh["articles"].sum()


def test_a_comparison_of_other_outlets_is_tested_at_once_after_one_was(lib: Library) -> None:
    from analysis.compare import Comparison

    actors = ["Jens Stoltenberg", "Vladimir Putin"]
    first = Comparison(Selection(lib, ArticleFilter(outlets=("Wire", "Courier", "Herald"))))
    assert not first.tested(actors)
    first.differences(actors)
    assert first.tested(actors)
    # One outlet less (the page's filter change): the units are kept, the tests are instant.
    fewer = Comparison(Selection(lib, ArticleFilter(outlets=("Wire", "Herald"))))
    assert fewer.tested(actors)
    # A date range is other articles: not tested until computed.
    dated = Comparison(Selection(lib, ArticleFilter(date_from="2022-02-01")))
    assert not dated.tested(actors)


def test_the_articles_behind_a_cell_are_read_once_per_comparison(lib: Library) -> None:
    from analysis.compare import Comparison

    comparison = Comparison(Selection(lib, ArticleFilter(outlets=("Wire", "Courier"))))
    first = comparison.cell_analyses("Jens Stoltenberg", "Wire", limit=3)
    wire = Selection(lib, ArticleFilter(outlets=("Wire",))).actor_articles("Jens Stoltenberg")
    assert [a.text for _, a in first] == [
        lib.get(int(i)).text
        for i in wire["article_id"].head(3)  # the first three, by id
    ]
    assert all(title and title.startswith("Report ") for title, _ in first)
    statements: list[str] = []
    comparison.source._con.set_trace_callback(statements.append)  # type: ignore[attr-defined]
    again = comparison.cell_analyses("Jens Stoltenberg", "Wire", limit=3)
    comparison.source._con.set_trace_callback(None)  # type: ignore[attr-defined]
    assert not statements and [a.text for _, a in again] == [a.text for _, a in first]


@pytest.mark.parametrize("period", [None, "month"])
def test_actor_totals_kept_across_outlet_choices_equal_a_read_of_those_outlets(
    lib: Library, period: str | None
) -> None:
    from analysis.library.query import _main_types

    for flt in FILTERS:
        selection = Selection(lib, flt, names=NAMES)
        kept = selection.actor_totals(period)
        cells, kinds = selection._merged_totals(period, flt)  # read under the outlet list
        fresh = cells.assign(type=cells["actor"].map(_main_types(kinds)))[kept.columns]
        order = ["actor", "group", *(["period"] if period else [])]
        pd.testing.assert_frame_equal(
            kept.sort_values(order).reset_index(drop=True),
            fresh.sort_values(order).reset_index(drop=True),
            check_dtype=False,
        )
        assert "Putin" not in set(kept["actor"])  # merged into Vladimir Putin, counted once


def test_another_outlet_choice_reads_no_actor_rows_for_the_totals(lib: Library) -> None:
    Selection(lib, ArticleFilter(outlets=("Wire", "Courier")), names=NAMES).actor_totals()
    other = Selection(lib, ArticleFilter(outlets=("Herald",)), names=NAMES)
    statements: list[str] = []
    other._con.set_trace_callback(statements.append)
    totals = other.actor_totals()
    other._con.set_trace_callback(None)
    assert not [s for s in statements if "actor_days" in s or "actor_counts" in s]
    assert set(totals["group"]) == {"Herald"}
    # Another name merge is other totals, merged from the same per-day cell sums (kept).
    merged = Selection(lib, ArticleFilter(outlets=("Herald",)), names={})
    merged._con.set_trace_callback(statements.append)
    unmerged = merged.actor_totals()
    merged._con.set_trace_callback(None)
    assert "Putin" in set(unmerged["actor"]) and "Putin" not in set(totals["actor"])
    assert not [s for s in statements if "actor_days" in s or "actor_counts" in s]


# A filter keeping most articles is answered as every article minus the few it leaves out.
MOST = [
    ArticleFilter(ids=tuple(range(1, 44))),
    ArticleFilter(actor="Vladimir Putin"),
    ArticleFilter(actor="Jens Stoltenberg", date_from="2022-01-15"),
    ArticleFilter(outlets=("Wire", "Herald", ""), ids=tuple(range(3, 48))),
    # Most articles without an outlet left out: those groups, pooled over every article, are
    # small again and read afresh through the outlet "" ("(no outlet)").
    ArticleFilter(ids=tuple(i for i in range(1, 49) if i % 4 or i <= 12)),
]


def _read_directly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every selection read the rows of the articles kept, with nothing kept between."""
    from analysis.kept import Kept
    from analysis.library import query

    monkeypatch.setattr(Selection, "_left_out_if_fewer", lambda self, flt: None)
    for name in ("_UNITS", "_TOTALS", "_CELL_SUMS", "_GROUP_TOTALS", "_DISTINCT", "_WINDOWS"):
        monkeypatch.setattr(query, name, Kept(8))


@pytest.mark.parametrize("by", ["outlet", "date"])
@pytest.mark.parametrize("max_units", [2, 5, 200])
def test_a_filter_keeping_most_articles_gives_what_a_direct_read_gives(
    lib: Library, monkeypatch: pytest.MonkeyPatch, max_units: int, by: str
) -> None:
    actors = ["Jens Stoltenberg", "Vladimir Putin"]
    answers = []
    for direct in (False, True):
        if direct:
            _read_directly(monkeypatch)
        got = []
        for flt in MOST:
            selection = Selection(lib, flt, by=by, names=NAMES)
            assert (selection._left_out_if_fewer(flt) is None) == direct  # the way under test
            units = selection.actor_units(actors, max_units)
            got.append((
                selection.actor_totals().sort_values(["actor", "group"]),
                selection.actor_totals("month").sort_values(["actor", "group", "period"]),
                selection.actor_tones().sort_values(["actor", "group"]),
                units.sort_values(["actor", "group", "unit"]),
                pd.DataFrame({"name": selection.person_names()}),
                selection.group_totals().sort_values("group"),
            ))  # fmt: skip
        answers.append(got)
    for left_out, read in zip(*answers, strict=True):
        for a, b in zip(left_out, read, strict=True):
            assert not b.empty
            pd.testing.assert_frame_equal(
                a.reset_index(drop=True), b.reset_index(drop=True), check_dtype=False
            )


def test_a_group_left_with_few_articles_has_one_unit_per_article(lib: Library) -> None:
    # Pooled in blocks over every article, a group the filter cuts to max_units articles or
    # fewer has one unit per article, as a direct read gives.
    flt = ArticleFilter(ids=tuple(i for i in range(1, 49) if i % 4 != 2 or i < 20))  # (ids from 1)
    every = Selection(lib, names=NAMES).actor_units(["Vladimir Putin"], 8)
    pooled = every[every["group"] == "Courier"]
    assert len(pooled) < pooled["articles"].sum()  # in blocks over every article
    selection = Selection(lib, flt, names=NAMES)
    assert selection._left_out_if_fewer(flt)
    units = selection.actor_units(["Vladimir Putin"], 8)
    fresh = selection._read_units(["Vladimir Putin"], 8, flt)
    order = ["group", "unit"]
    pd.testing.assert_frame_equal(
        units.sort_values(order).reset_index(drop=True),
        fresh.sort_values(order).reset_index(drop=True),
        check_dtype=False,
    )
    courier = units[units["group"] == "Courier"]
    assert len(courier) == courier["articles"].sum()  # per article, not in blocks


def _answers(selection: Selection) -> list[pd.DataFrame]:
    """The tables a page reads from a selection, in a fixed order."""
    actors = ["Jens Stoltenberg", "Vladimir Putin"]
    return [
        selection.actor_totals().sort_values(["actor", "group"]).reset_index(drop=True),
        selection.actor_units(actors, 5).sort_values(["actor", "group", "unit"])
        .reset_index(drop=True),
        selection.group_totals().sort_values("group").reset_index(drop=True),
    ]  # fmt: skip


def _assert_same(got: list[pd.DataFrame], truth: list[pd.DataFrame]) -> None:
    for a, b in zip(got, truth, strict=True):
        pd.testing.assert_frame_equal(a, b, check_dtype=False)


def test_a_selection_living_through_a_library_change_answers_for_the_new_library(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    flt = ArticleFilter(actor="Jens Stoltenberg")  # kept by 3 in 4 articles: the subtraction
    living = Selection(lib, flt, names=NAMES)
    assert living._left_out_if_fewer(flt)
    _answers(living)
    for i in range(60, 66):  # new articles, some without Stoltenberg (left out), some with
        add_article(lib, i)
    got, fresh = _answers(living), _answers(Selection(lib, flt, names=NAMES))
    _read_directly(monkeypatch)
    truth = _answers(Selection(lib, flt, names=NAMES))
    _assert_same(got, truth)
    _assert_same(fresh, truth)


def test_tones_of_articles_left_out_leave_no_zero_rows(tmp_path: Path) -> None:
    # Six articles of one outlet and day: the first analysed with tone, the others before tone.
    with Library(tmp_path / "tones.sqlite3") as library:
        for i in range(6):
            text = f"Stoltenberg spoke, report {i}."
            analysis = analysis_of(text, {"Jens Stoltenberg": (1, 1)})
            if i:
                analysis = replace(analysis, actors=tuple(
                    replace(a, tone_counts={}) for a in analysis.actors
                ))  # fmt: skip
            library.add(text, title=f"R{i}", outlet="Wire", date="2022-01-10", analysis=analysis)
        flt = ArticleFilter(ids=(2, 3, 4, 5, 6))  # leaves out the one article with tone
        selection = Selection(library, flt)
        assert selection._left_out_if_fewer(flt) == [1]
        assert selection.actor_tones().empty
        assert not Selection(library).actor_tones().empty  # the scored article has tones


def test_a_group_with_no_article_left_is_not_read_again(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    courier = {a.id for a in lib.articles(with_text=False) if a.outlet == "Courier"}
    flt = ArticleFilter(ids=tuple(i for i in range(1, 49) if i not in courier))
    Selection(lib, names=NAMES).actor_units(["Vladimir Putin"], 2)  # every article's, kept
    reads: list[ArticleFilter] = []
    read = Selection._read_units

    def counted(self: Selection, actors: list[str], max_units: int, f: ArticleFilter):
        reads.append(f)
        return read(self, actors, max_units, f)

    monkeypatch.setattr(Selection, "_read_units", counted)
    units = Selection(lib, flt, names=NAMES).actor_units(["Vladimir Putin"], 2)
    assert len(reads) == 1  # the articles left out, once: Courier, pooled, is simply gone
    assert "Courier" not in set(units["group"]) and not units.empty
    _read_directly(monkeypatch)
    direct = Selection(lib, flt, names=NAMES).actor_units(["Vladimir Putin"], 2)
    pd.testing.assert_frame_equal(units, direct, check_dtype=False)


def test_a_filter_typed_after_the_warm_up_reads_no_list_of_every_article(lib: Library) -> None:
    # The server's warm-up reads the ids of the default view's articles (every outlet listed)
    # once; a keyword or actor typed under the same outlets finds the articles it leaves out
    # among them.
    base = ArticleFilter(outlets=tuple(lib.outlets()))
    Selection(lib, base, names=NAMES).warm_windows()
    every = set(Selection(lib, base).articles()["article_id"])
    for flt in (replace(base, actor="Jens Stoltenberg"), replace(base, ids=tuple(range(1, 44)))):
        selection = Selection(lib, flt, names=NAMES)
        statements: list[str] = []
        selection._con.set_trace_callback(statements.append)
        left = selection._left_out_if_fewer(flt)
        selection.actor_totals()
        selection._con.set_trace_callback(None)
        assert left  # the subtraction
        assert not [s for s in statements if "FROM article_counts" in s]
        kept = set(Selection(lib, flt).articles()["article_id"])
        assert not set(left) & kept and set(left) | kept == every
