"""The alias table in a real SQLite library: migration, edits, revision, CSV, applied by queries."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from analysis.compare import Comparison
from analysis.library.aliases import Alias, AliasTable, aliases_csv, read_aliases_csv
from analysis.library.query import ArticleFilter, Selection
from analysis.library.schema import MIGRATIONS, SCHEMA_VERSION, apply_migration, migrate
from analysis.library.store import Library
from tests.library.test_query import analysis_of

ARTICLES = [
    ("Wire", "Kerry claimed the talks failed.", {"John Kerry": 2, "Ms Quill": 1}),
    ("Wire", "Kerry said more.", {"John F. Kerry": 1, "Replay More Videos": 1}),
    ("Courier", "Kerry claimed again.", {"Kerry": 3, "Anna Quill": 2}),
]


@pytest.fixture
def lib(tmp_path: Path):
    with Library(tmp_path / "lib.sqlite3") as library:
        for outlet, text, actors in ARTICLES:
            library.add(text, outlet=outlet, analysis=analysis_of(text, actors))
        yield library


def test_an_old_library_file_gets_the_table(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("BEGIN")
    for i, step in enumerate(MIGRATIONS[:8]):  # a file of version 8, before the alias table
        apply_migration(con, step)
        con.execute(f"PRAGMA user_version = {i + 1}")
    con.execute("COMMIT")
    assert "actor_aliases" not in {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    con.close()
    with Library(path) as library:
        assert library.schema_version() == SCHEMA_VERSION
        assert AliasTable(library).rules() == []


def test_migration_is_the_next_version_on_a_fresh_connection(tmp_path: Path) -> None:
    con = sqlite3.connect(tmp_path / "x.sqlite3", isolation_level=None)
    migrate(con)
    cols = [r[1] for r in con.execute("PRAGMA table_info(actor_aliases)")]
    assert cols == ["id", "action", "name", "target", "note", "created"]
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("INSERT INTO actor_aliases (action, name, created) VALUES ('fuse', 'x', 'now')")


def test_edits_are_stored_replaced_removed_and_bump_the_revision(lib: Library) -> None:
    table = AliasTable(lib)
    before = lib.revision()
    table.set(Alias("merge", "Ms Quill", "Anna Quill"))
    assert lib.revision() > before
    table.set([Alias("split", "Kerry"), Alias("merge", " Ms  Quill ", "Anna  Quill", "same")])
    assert table.rules() == [
        Alias("split", "Kerry"), Alias("merge", "Ms Quill", "Anna Quill", "same"),
    ]  # fmt: skip
    revision = lib.revision()
    assert table.remove("split", "Kerry") is True
    assert table.remove("split", "Kerry") is False
    assert lib.revision() > revision
    with pytest.raises(ValueError, match="needs a target"):
        table.set([Alias("ignore", "X"), Alias("rename", "Y")])
    assert [r.name for r in table.rules()] == ["Ms Quill"]  # nothing of the refused batch


def test_csv_round_trip_keeps_every_row(lib: Library) -> None:
    rows = [
        Alias("merge", 'Sergey "the fox" Lavrov', "Sergei Lavrov", "quoted, with comma"),
        Alias("rename", "Poroşenko", "Petro Poroshenko"),
        Alias("ignore", "Replay More Videos"),
        Alias("split", "Johnson", note="golf, not politics"),
    ]
    table = AliasTable(lib)
    table.replace(rows)
    text = table.to_csv()
    assert text.splitlines()[0] == "action,name,target,note"
    back, errors = read_aliases_csv(text)
    assert errors == [] and back == rows
    assert aliases_csv(back) == text
    table.replace([])
    assert table.rules() == []
    assert table.replace(back) == 4 and table.rules() == rows


def test_csv_refused_lines_are_reported_and_the_rest_kept() -> None:
    text = "name,action,target\nKerry,split,\nA,fuse,B\n,merge,X\nQ,merge,\nB,ignore,\n"
    rows, errors = read_aliases_csv(text)
    assert rows == [Alias("split", "Kerry"), Alias("ignore", "B")]
    assert [e.split(":")[0] for e in errors] == ["line 3", "line 4", "line 5"]
    assert read_aliases_csv("who,what\nx,y\n")[0] == []
    assert "header" in read_aliases_csv("who,what\nx,y\n")[1][0]


def test_the_library_table_applies_to_every_comparison(lib: Library) -> None:
    first = Comparison(Selection(lib), n_boot=20)
    names = set(first.actor_table["actor"])
    assert {"John Kerry", "Ms Quill", "Anna Quill", "Replay More Videos"} <= names
    assert "Kerry" not in names and "John F. Kerry" not in names  # resolved without aliases
    AliasTable(lib).set(
        [
            Alias("merge", "Ms Quill", "Anna Quill"),
            Alias("ignore", "Replay More Videos"),
            Alias("rename", "Kerry", "Secretary Kerry"),
        ]
    )
    again = Comparison(Selection(lib), n_boot=20)
    table = again.actor_table.set_index(["actor", "group"])
    assert "Replay More Videos" not in set(again.actor_table["actor"])
    assert table.loc[("Anna Quill", "Wire"), "attributions"] == 1
    assert table.loc[("Anna Quill", "Courier"), "attributions"] == 2
    assert table.loc[("Secretary Kerry", "Wire"), "attributions"] == 3
    assert table.loc[("Secretary Kerry", "Wire"), "articles"] == 2
    kerry = next(a for a in again.to_dict()["actors"] if a["name"] == "Secretary Kerry")
    assert {m["name"] for m in kerry["merged_names"]} == {"John Kerry", "John F. Kerry", "Kerry"}
    # An actor filter follows the resolved names too.
    quill = Selection(lib, ArticleFilter(actor="Anna Quill"), names=again.actor_names)
    assert len(quill.articles()) == 2


def test_resolution_reads_the_whole_library_whatever_the_filter(lib: Library) -> None:
    # Only the Courier is compared, but "Kerry" still resolves against the Wire's full names.
    courier = Comparison(Selection(lib, ArticleFilter(outlets=("Courier",))), n_boot=20)
    assert set(courier.actor_table["actor"]) >= {"John Kerry"}
    assert "Kerry" not in set(courier.actor_table["actor"])


def test_a_split_drops_the_merge_in_the_same_write(lib: Library) -> None:
    table = AliasTable(lib)
    table.set(Alias("merge", "Kerry", "John Kerry"))
    table.set(Alias("split", "Kerry"), removing=[("merge", "Kerry")])
    assert [(r.action, r.name) for r in table.rules()] == [("split", "Kerry")]


def test_a_failed_replace_leaves_the_old_corrections(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from analysis.library import aliases as aliases_module

    table = AliasTable(lib)
    table.set(Alias("merge", "Kerry", "John Kerry"))

    def broken(con: sqlite3.Connection, rows: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(aliases_module, "_insert", broken)
    with pytest.raises(sqlite3.OperationalError):
        table.replace([Alias("ignore", "Replay More Videos")])
    monkeypatch.undo()
    assert [(r.action, r.name) for r in table.rules()] == [("merge", "Kerry")]
