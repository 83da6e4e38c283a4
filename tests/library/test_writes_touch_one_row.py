"""Alias edits and class answers change only the rows they are meant to (issue 16: data loss).

Each test snapshots every row of every table of the real SQLite file before and after the write,
so a write that touched any other row (another alias, another student's answers, an article)
fails here.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from analysis.library.aliases import Alias, AliasTable
from analysis.library.classes import Answer, ClassActivities, ClassArticle, flags_from_markers
from analysis.library.store import Library
from analysis.records import Marker

TEXT = "Officials claimed that Russia moved troops. NATO said it was watching."
SKIP = {"meta"}  # the revision counter is meant to change on every write
Rows = dict[str, list[tuple[Any, ...]]]


def every_row(path: Path) -> Rows:
    """Every row of every ordinary table (FTS shadow tables and the revision counter aside)."""
    con = sqlite3.connect(path)
    names = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'articles_fts%' "
        "AND name NOT LIKE 'sqlite_%'")]  # fmt: skip
    out = {n: sorted(con.execute(f'SELECT * FROM "{n}"'), key=repr) for n in names if n not in SKIP}
    con.close()
    return out


def changed(before: Rows, after: Rows) -> dict[str, tuple[set[Any], set[Any]]]:
    """Per table: (rows gone, rows new)."""
    out = {}
    for name in before.keys() | after.keys():
        old, new = set(before.get(name, ())), set(after.get(name, ()))
        if old != new:
            out[name] = (old - new, new - old)
    return out


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library(tmp_path / "lib.sqlite3")
    lib.add(TEXT, title="One", outlet="Wire", date="2022-02-16")
    lib.add("Another article about the summit.", title="Two", outlet="Courier")
    AliasTable(lib).set([
        Alias("merge", "Vladimir Putin", "Putin"),
        Alias("rename", "NATO", "Nato alliance"),
        Alias("ignore", "Monday"),
    ])  # fmt: skip
    return lib


def alias_rows(path: Path) -> set[tuple[Any, ...]]:
    con = sqlite3.connect(path)
    rows = set(con.execute("SELECT action, name, target, note FROM actor_aliases"))
    con.close()
    return rows


def test_adding_an_alias_adds_one_row_and_changes_no_other(library: Library) -> None:
    before = every_row(library.path)
    AliasTable(library).set(Alias("merge", "Mr Stoltenberg", "Stoltenberg"))
    diff = changed(before, every_row(library.path))
    assert set(diff) == {"actor_aliases"}
    gone, new = diff["actor_aliases"]
    assert gone == set() and len(new) == 1
    assert ("merge", "Mr Stoltenberg", "Stoltenberg", "") in alias_rows(library.path)


def test_replacing_one_alias_changes_only_that_row(library: Library) -> None:
    before_aliases = alias_rows(library.path)
    before = every_row(library.path)
    AliasTable(library).set(Alias("rename", "NATO", "the alliance"))
    diff = changed(before, every_row(library.path))
    assert set(diff) == {"actor_aliases"}
    after_aliases = alias_rows(library.path)
    assert before_aliases - after_aliases == {("rename", "NATO", "Nato alliance", "")}
    assert after_aliases - before_aliases == {("rename", "NATO", "the alliance", "")}


def test_a_split_removes_its_merge_and_nothing_else(library: Library) -> None:
    before_aliases = alias_rows(library.path)
    before = every_row(library.path)
    AliasTable(library).set(
        Alias("split", "Vladimir Putin"), removing=[("merge", "Vladimir Putin")]
    )
    assert set(changed(before, every_row(library.path))) == {"actor_aliases"}
    after_aliases = alias_rows(library.path)
    assert before_aliases - after_aliases == {("merge", "Vladimir Putin", "Putin", "")}
    assert after_aliases - before_aliases == {("split", "Vladimir Putin", "", "")}


def test_removing_an_alias_removes_only_that_row(library: Library) -> None:
    before_aliases = alias_rows(library.path)
    before = every_row(library.path)
    assert AliasTable(library).remove("ignore", "Monday")
    assert set(changed(before, every_row(library.path))) == {"actor_aliases"}
    assert before_aliases - alias_rows(library.path) == {("ignore", "Monday", "", "")}
    assert alias_rows(library.path) <= before_aliases


def test_a_refused_alias_changes_no_row(library: Library) -> None:
    before = every_row(library.path)
    with pytest.raises(ValueError, match="name"):
        AliasTable(library).set([Alias("merge", "Kyiv", "Kiev"), Alias("merge", "", "x")])
    assert every_row(library.path) == before


def marker(word: str, category: str) -> Marker:
    start = TEXT.index(word)
    return Marker("attribution", category, word, start, start + len(word), "NATO", "why", "MOS")


def test_a_students_answers_change_no_other_students_rows(library: Library) -> None:
    classes = ClassActivities(library)
    flags = flags_from_markers([marker("claimed", "distancing"), marker("said", "neutral")])
    art = ClassArticle(0, "One", "Wire", TEXT, "0.2.0", flags)
    activity = classes.create("Drills", [art]).activity
    other = classes.create("Other class", [art]).activity
    classes.submit(activity, token="ada", student="Ada", answers=[Answer(0, 1, "agree", "why")])
    classes.submit(other, token="ada", student="Ada", answers=[Answer(0, 2, "agree", "")])
    classes.submit(activity, token="bo", student="Bo", answers=[Answer(0, 2, "disagree", "")])
    before = every_row(library.path)
    ada = {s.id for s in classes.submissions(activity.id) if s.student == "Ada"}
    # Ada sends again: her answers in this activity are replaced; Bo's, and hers in the other
    # activity, stay as they were.
    classes.submit(activity, token="ada", student="Ada", answers=[Answer(0, 2, "disagree", "")])
    diff = changed(before, every_row(library.path))
    assert set(diff) <= {"class_submissions", "class_answers", "class_added_flags"}
    for name, (gone, new) in diff.items():
        for row in gone | new:
            owner = (
                row[0]
                if name == "class_submissions"
                else row[1 if name == "class_added_flags" else 0]
            )
            assert owner in ada, (name, row)
