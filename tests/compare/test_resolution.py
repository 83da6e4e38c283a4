"""Corpus-level actor resolution: each rule, ambiguity, order independence, the alias rows.

Hand-built name tables (name, type, articles): the rules read stored names and counts only, so
no model runs here.
"""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from analysis.compare import Comparison, Entry, MemorySource, resolve_actors
from analysis.library.aliases import Alias


def names(*rows: tuple[str, str, int]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["name", "type", "articles"])


def test_spelling_variants_and_middle_initials_are_one_actor() -> None:
    r = resolve_actors(
        names(
            ("Sergei Lavrov", "PERSON", 5),
            ("Sergey Lavrov", "PERSON", 2),
            ("Viktor Yanukovych", "PERSON", 4),
            ("Viktor Yanukovich", "PERSON", 1),
            ("Victor Yanukovych", "PERSON", 1),
            ("John Kerry", "PERSON", 3),
            ("John F. Kerry", "PERSON", 2),
        )
    )
    assert r.canonical("Sergey Lavrov") == "Sergei Lavrov"
    assert {r.canonical(n) for n in ("Viktor Yanukovich", "Victor Yanukovych")} == {
        "Viktor Yanukovych"
    }
    assert r.canonical("John F. Kerry") == "John Kerry"
    assert r.members["Viktor Yanukovych"] == (
        "Victor Yanukovych", "Viktor Yanukovich", "Viktor Yanukovych",
    )  # fmt: skip
    assert r.why["Sergey Lavrov"] == "variant"


def test_short_name_joins_the_one_full_name_ending_with_it() -> None:
    r = resolve_actors(
        names(("Kerry", "PERSON", 4), ("John Kerry", "PERSON", 3), ("John F. Kerry", "PERSON", 1))
    )
    assert r.canonical("Kerry") == "John Kerry"
    assert r.why["Kerry"] == "short"
    assert r.merged_into("John Kerry") == ["John F. Kerry", "Kerry"]


def test_short_name_joins_across_transliterations() -> None:
    r = resolve_actors(names(("Yanukovich", "PERSON", 2), ("Viktor Yanukovych", "PERSON", 3)))
    assert r.canonical("Yanukovich") == "Viktor Yanukovych"


def test_ambiguous_short_name_stays_its_own_actor() -> None:
    r = resolve_actors(
        names(
            ("Johnson", "PERSON", 5),
            ("Boris Johnson", "PERSON", 3),
            ("Dustin Johnson", "PERSON", 1),
        )
    )
    assert r.canonical("Johnson") == "Johnson"
    assert r.canonical("Boris Johnson") == "Boris Johnson"
    assert "Johnson" not in r.names


def test_a_short_name_of_no_person_is_not_merged() -> None:
    r = resolve_actors(names(("Kerry", "ORG", 2), ("John Kerry", "PERSON", 3)))
    assert r.canonical("Kerry") == "Kerry"


def test_capital_alias_and_demonym_link_to_the_country() -> None:
    r = resolve_actors(
        names(
            ("Russia", "GPE", 9),
            ("Kremlin", "GPE", 2),
            ("Moscow", "GPE", 1),
            ("Russians", "NORP", 2),
            ("Germans", "NORP", 1),
        )
    )
    assert r.canonical("Kremlin") == "Russia"
    assert r.canonical("Moscow") == "Russia"
    assert r.canonical("Russians") == "Russia"
    assert r.why["Russians"] == "demonym"
    # Germany is named nowhere in the corpus: the demonym stays a group, as in an article.
    assert r.canonical("Germans") == "Germans"


def test_same_name_in_another_case_or_with_the() -> None:
    r = resolve_actors(
        names(
            ("Foreign Ministry", "ORG", 4),
            ("the Foreign Ministry", "ORG", 1),
            ("FOREIGN MINISTRY", "ORG", 1),
        )
    )
    assert r.members["Foreign Ministry"] == (
        "FOREIGN MINISTRY",
        "Foreign Ministry",
        "the Foreign Ministry",
    )


def test_main_type_decides_and_rows_may_repeat() -> None:
    # "Kerry" is mostly a person (3 articles) though once tagged ORG: it still joins.
    r = resolve_actors(
        names(
            ("Kerry", "PERSON", 2),
            ("Kerry", "ORG", 1),
            ("Kerry", "PERSON", 1),
            ("John Kerry", "PERSON", 1),
        )
    )
    assert r.canonical("Kerry") == "John Kerry"


def test_canonical_is_the_most_used_full_name() -> None:
    r = resolve_actors(names(("Vladimir V. Putin", "PERSON", 7), ("Vladimir Putin", "PERSON", 2)))
    assert r.canonical("Vladimir Putin") == "Vladimir V. Putin"
    tie = resolve_actors(names(("Vladimir V. Putin", "PERSON", 2), ("Vladimir Putin", "PERSON", 2)))
    assert tie.canonical("Vladimir V. Putin") == "Vladimir Putin"  # fewer words on a tie


CORPUS = [
    ("Putin", "PERSON", 6), ("Vladimir Putin", "PERSON", 4), ("Vladimir V. Putin", "PERSON", 1),
    ("Kerry", "PERSON", 2), ("John Kerry", "PERSON", 2), ("Russia", "GPE", 8),
    ("Kremlin", "GPE", 3), ("Russian", "NORP", 1), ("Johnson", "PERSON", 1),
    ("Boris Johnson", "PERSON", 1), ("Dustin Johnson", "PERSON", 1),
]  # fmt: skip


def test_result_does_not_depend_on_the_order_of_rows() -> None:
    first = resolve_actors(names(*CORPUS))
    for order in itertools.islice(itertools.permutations(CORPUS), 0, 2000, 97):
        again = resolve_actors(names(*order))
        assert again.names == first.names
        assert again.members == first.members
    assert first.canonical("Putin") == "Vladimir Putin"
    assert first.canonical("Russian") == "Russia"


# ---- the alias table -----------------------------------------------------------------------------
def test_merge_joins_two_actors_under_the_target() -> None:
    r = resolve_actors(names(*CORPUS), [Alias("merge", "Johnson", "Boris Johnson")])
    assert r.canonical("Johnson") == "Boris Johnson"
    assert r.why["Johnson"] == "merge"
    # A merge of one name of a resolved actor takes the whole actor along.
    r = resolve_actors(names(*CORPUS), [Alias("merge", "Kerry", "Putin")])
    assert r.canonical("John Kerry") == "Vladimir Putin"


def test_merge_chains_end_at_the_last_target_in_any_row_order() -> None:
    rows = [Alias("merge", "Johnson", "Dustin Johnson"), Alias("merge", "Dustin Johnson", "Kerry")]
    for order in (rows, rows[::-1]):
        r = resolve_actors(names(*CORPUS), order)
        assert r.canonical("Johnson") == "John Kerry"
        assert r.canonical("Dustin Johnson") == "John Kerry"


def test_merge_into_a_name_no_article_uses() -> None:
    r = resolve_actors(names(*CORPUS), [Alias("merge", "Johnson", "Mr Johnson (unknown)")])
    assert r.canonical("Johnson") == "Mr Johnson (unknown)"


def test_split_keeps_a_name_out_of_every_automatic_rule() -> None:
    r = resolve_actors(names(*CORPUS), [Alias("split", "Putin")])
    assert r.canonical("Putin") == "Putin"
    assert r.canonical("Vladimir V. Putin") == "Vladimir Putin"
    r = resolve_actors(names(*CORPUS), [Alias("split", "Kremlin")])
    assert r.canonical("Kremlin") == "Kremlin"


def test_split_of_a_full_name_makes_a_short_name_unambiguous() -> None:
    base = resolve_actors(names(*CORPUS))
    assert base.canonical("Johnson") == "Johnson"
    r = resolve_actors(names(*CORPUS), [Alias("split", "Dustin Johnson")])
    assert r.canonical("Johnson") == "Boris Johnson"


def test_rename_shows_the_whole_actor_by_the_new_name() -> None:
    r = resolve_actors(names(*CORPUS), [Alias("rename", "Putin", "President Putin")])
    assert {r.canonical(n) for n in ("Putin", "Vladimir Putin", "Vladimir V. Putin")} == {
        "President Putin"
    }
    assert r.members["President Putin"] == ("Putin", "Vladimir Putin", "Vladimir V. Putin")
    later = resolve_actors(
        names(*CORPUS),
        [Alias("rename", "Putin", "A"), Alias("rename", "Vladimir Putin", "B")],
    )
    assert later.canonical("Putin") == "B"  # the later row wins


def test_ignore_drops_the_name_only() -> None:
    r = resolve_actors(
        names(*CORPUS, ("Warning Putin", "PERSON", 1)), [Alias("ignore", "Warning Putin")]
    )
    assert "Warning Putin" in r.dropped
    assert all("Warning Putin" not in m for m in r.members.values())
    assert r.canonical("Putin") == "Vladimir Putin"


# ---- applied in a comparison -----------------------------------------------------------------
def summary(*actors: tuple[str, int]) -> dict:
    """A summary with these actors, each with ``n`` neutral attributions."""
    markers = [
        {"kind": "attribution", "category": "neutral", "actor": a} for a, n in actors
        for _ in range(n)
    ]  # fmt: skip
    return {
        "words": 100,
        "markers": markers,
        "actors": [
            {"name": a, "type": "PERSON", "mentions": n, "quotes": 0, "scare_quotes": 0,
             "doubt": 0, "loaded": 0, "stance_counts": {"neutral": n}}
            for a, n in actors
        ],
    }  # fmt: skip


ENTRIES = [
    Entry("Wire", "", summary(("John Kerry", 3), ("Warning Putin", 1))),
    Entry("Wire", "", summary(("John F. Kerry", 2))),
    Entry("Tabloid", "", summary(("Kerry", 4), ("Ms Quill", 2))),
    Entry("Tabloid", "", summary(("Anna Quill", 3))),
]


def test_comparison_json_gives_canonical_and_merged_names() -> None:
    comparison = Comparison(ENTRIES, n_boot=20)
    actors = {a["name"]: a for a in comparison.to_dict()["actors"]}
    kerry = actors["John Kerry"]
    assert kerry["canonical_name"] == "John Kerry"
    assert {m["name"] for m in kerry["merged_names"]} == {"John F. Kerry", "Kerry"}
    assert kerry["by_group"]["Wire"]["attributions"] == 5
    assert kerry["by_group"]["Tabloid"]["attributions"] == 4
    assert "Kerry" not in actors and "John F. Kerry" not in actors


def test_alias_rows_apply_to_the_tables_without_new_analysis() -> None:
    aliases = [Alias("merge", "Ms Quill", "Anna Quill"), Alias("ignore", "Warning Putin")]
    comparison = Comparison(MemorySource(ENTRIES, aliases=aliases), n_boot=20)
    table = comparison.actor_table
    assert "Warning Putin" not in set(table["actor"])
    quill = table[table["actor"] == "Anna Quill"]
    assert quill["attributions"].tolist() == [5]
    assert quill["articles"].tolist() == [2]
    merged = {
        m["name"]
        for a in comparison.to_dict()["actors"]
        for m in a["merged_names"]
        if a["name"] == "Anna Quill"
    }
    assert merged == {"Ms Quill"}


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (Alias("fuse", "A", "B"), "unknown action"),
        (Alias("merge", "A"), "needs a target"),
        (Alias("merge", "A", "A"), "into itself"),
        (Alias("split", "  "), "empty"),
    ],
)
def test_unusable_alias_rows_are_refused_with_a_reason(rule: Alias, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        rule.check()


@pytest.mark.parametrize(
    "name",
    ["Vladimir V. Putin", "Sergey Lavrov", "Viktor Yanukovich", "Poroşenko", "J.",
     "Jean-Luc Picard", "John F. Kerry", "Petro O. Poroshenko", "Mary-Kate  O'Neill",
     "A. B. Smith", "Dmitry Peskov's"],
)  # fmt: skip
def test_person_key_is_the_engine_name_key(name: str) -> None:
    from analysis.compare.resolution import person_key
    from analysis.engine.name_variants import name_key

    assert person_key(name) == name_key(name)


def test_a_surname_typed_org_in_most_articles_still_joins_when_some_type_it_person() -> None:
    r = resolve_actors(
        names(("Lavrov", "ORG", 3), ("Lavrov", "PERSON", 1), ("Sergei Lavrov", "PERSON", 2))
    )
    assert r.canonical("Lavrov") == "Sergei Lavrov"


def test_a_place_typed_person_once_is_still_the_place() -> None:
    r = resolve_actors(names(("Kremlin", "GPE", 4), ("Kremlin", "PERSON", 1), ("Russia", "GPE", 2)))
    assert r.canonical("Kremlin") == "Russia"


def test_a_surname_no_article_calls_a_person_is_suggested_not_merged() -> None:
    rows = names(
        ("Lavrov", "ORG", 2),
        ("Sergei Lavrov", "PERSON", 2),
        ("Sergey Lavrov", "PERSON", 1),
        ("Gazprom", "ORG", 3),
        ("Kremlin", "ORG", 1),
        ("Johnson", "ORG", 1),
        ("Boris Johnson", "PERSON", 1),
        ("Dustin Johnson", "PERSON", 1),
    )
    r = resolve_actors(rows)
    assert r.canonical("Lavrov") == "Lavrov"
    assert r.suggestions == (("Lavrov", "Sergei Lavrov"),)  # not Johnson: two people
    accepted = resolve_actors(rows, [Alias("merge", *r.suggestions[0])])
    assert accepted.canonical("Lavrov") == "Sergei Lavrov" and accepted.suggestions == ()
    assert resolve_actors(rows, [Alias("split", "Lavrov")]).suggestions == ()
