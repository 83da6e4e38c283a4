"""The full-text index follows an article's text as well as its title (schema version 10)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from analysis.library.listing import Listing
from analysis.library.query import ArticleFilter
from analysis.library.schema import MIGRATIONS, SCHEMA_VERSION, apply_migration
from analysis.library.store import Library


def found(library: Library, keyword: str) -> list[int]:
    """Ids of the articles a keyword search lists."""
    return Listing(library, ArticleFilter(keyword=keyword)).ids()


def test_a_changed_text_changes_what_a_keyword_finds(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite3") as library:
        kept = library.add("Ministers met in Brussels on Monday.", title="Talks").id
        changed = library.add("The harbour froze over in January.", title="Winter").id
        assert found(library, "harbour") == [changed]
        con = sqlite3.connect(library.path)  # a text update, as a repair of the text would do
        with con:
            con.execute("UPDATE articles SET text = ? WHERE id = ?",
                        ("The glacier melted early in March.", changed))  # fmt: skip
        con.close()
        assert found(library, "harbour") == []
        assert found(library, "glacier") == [changed]
        assert found(library, "Brussels") == [kept]
        assert found(library, "Winter") == [changed]  # the title is still indexed


def test_an_old_file_with_a_stale_index_is_rebuilt_on_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("BEGIN")
    for i, step in enumerate(MIGRATIONS[:9]):  # a version-9 file: the trigger watched the title
        apply_migration(con, step)
        con.execute(f"PRAGMA user_version = {i + 1}")
    con.execute("COMMIT")
    con.execute("INSERT INTO articles (title, text, sha256, added) VALUES "
                "('Winter', 'The harbour froze.', 'x', '2024-01-01')")  # fmt: skip
    con.execute("UPDATE articles SET text = 'The glacier melted.' WHERE sha256 = 'x'")
    stale = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'harbour'"
    assert con.execute(stale).fetchone()[0] == 1  # the old trigger left the old words
    con.close()
    with Library(path) as library:
        assert library.schema_version() == SCHEMA_VERSION
        assert found(library, "glacier") == [1]
        assert found(library, "harbour") == []
