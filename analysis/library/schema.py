"""The library file's schema: every migration, in order, and the code that applies them.

The schema version is ``PRAGMA user_version``. Each entry of :data:`MIGRATIONS` upgrades the file
from version *i* to *i + 1* in one transaction. Never edit a shipped entry: add one (one per
change, so a newcomer can read the history of the file here). An entry is SQL, or a
:class:`Migration` whose SQL is followed by a Python step (for work SQL cannot do, such as
filling new tables from the stored JSON).

Versions:

1. articles and cached analyses;
2. ``constructed`` flag, analysis detail column, Library indexes, revision counter;
3. a compact JSON of each analysis's counts (superseded by 5);
4. ``analyses.engine_version`` renamed ``analysis_key``: the key includes a digest of the lexicon
   files (:func:`analysis.version.analysis_key`), so an edited lexicon re-analyses;
5. the per-article counts as indexed tables (``article_counts``, ``actor_counts``, actor names),
   kept in step with article metadata by triggers, filled for the analyses already stored; the
   JSON column of version 3 is dropped (its numbers now live in these tables). The tables copy
   outlet (``''`` for none: it is part of the clustered key), date and ``constructed`` from
   ``articles`` so that a filter and a group-by read one table in key order; ``actor_counts`` is
   ordered by actor, with a covering index in article order for filters that keep a list of
   articles (keyword, actor). ``actor_days``
   holds the sums of ``actor_counts`` per (actor, type, outlet, day, constructed), kept by
   triggers on ``actor_counts``: Compare's actor totals add up cells instead of article rows;
6. ``articles_fts``: a full-text index (FTS5) of titles and texts for keyword filters;
7. ``articles_filter``: an index covering outlet, date and ``constructed``;
8. class activities and shared article links (:mod:`analysis.library.classes`,
   :mod:`analysis.library.links`);
9. ``actor_aliases``: the researcher's corrections of the corpus-level actor resolution (merge,
   split, rename, ignore; :mod:`analysis.library.aliases`); an edit bumps the revision;
10. the full-text index follows text edits as well as title edits;
11. dropping or rewriting a stored analysis bumps the revision.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass

from analysis.records import MARKER_KINDS, STANCES

TONES: tuple[str, ...] = ("negative", "neutral", "positive")
"""Tone classes of the count tables (columns stay NULL until a tone model fills them)."""

ACTOR_NUMBERS: tuple[str, ...] = ("mentions", "quotes", "scare_quotes", "doubt", "loaded", *STANCES)
"""The per-actor numbers of ``actor_counts`` and ``actor_days``."""


@dataclass(frozen=True)
class Migration:
    """SQL, then a Python step run on the same connection inside the same transaction."""

    sql: str
    after: Callable[[sqlite3.Connection], None]


def _stance_columns(prefix: str = "") -> str:
    return ", ".join(f"{prefix}{s} INTEGER NOT NULL DEFAULT 0" for s in STANCES)


def _tone_columns() -> str:
    return ", ".join(f"tone_{t} INTEGER" for t in TONES)


_CELL_NUMBERS = ("words", *ACTOR_NUMBERS)


def _cell_triggers() -> str:
    """Triggers that keep ``actor_days`` the sum of ``actor_counts`` per cell."""
    key = "analysis_key, name_id, type, outlet, date, constructed"
    tones = [f"tone_{t}" for t in TONES]
    cols = ", ".join([*_CELL_NUMBERS, *tones])

    def values(row: str) -> str:
        return ", ".join(
            [f"{row}.analysis_key", f"{row}.name_id", f"{row}.type", f"{row}.outlet",
             f"COALESCE({row}.date, '')", f"{row}.constructed", "1",
             *(f"{row}.{c}" for c in (*_CELL_NUMBERS, *tones))]
        )  # fmt: skip

    add = ", ".join(
        ["articles = articles + 1", *(f"{c} = {c} + excluded.{c}" for c in _CELL_NUMBERS)]
        + [f"{t} = CASE WHEN excluded.{t} IS NULL THEN {t} ELSE COALESCE({t}, 0) + excluded.{t} END"
           for t in tones]
    )  # fmt: skip
    sub = ", ".join(
        ["articles = articles - 1", *(f"{c} = {c} - old.{c}" for c in _CELL_NUMBERS)]
        + [f"{t} = CASE WHEN old.{t} IS NULL THEN {t} ELSE {t} - old.{t} END" for t in tones]
    )
    where = (
        "analysis_key = old.analysis_key AND name_id = old.name_id AND type = old.type "
        "AND outlet = old.outlet AND date = COALESCE(old.date, '') "
        "AND constructed = old.constructed"
    )
    insert = (
        f"INSERT INTO actor_days ({key}, articles, {cols}) VALUES ({values('new')}) "
        f"ON CONFLICT ({key}) DO UPDATE SET {add};"
    )
    remove = (
        f"UPDATE actor_days SET {sub} WHERE {where}; "
        f"DELETE FROM actor_days WHERE {where} AND articles <= 0;"
    )
    return f"""
    CREATE TRIGGER actor_days_add AFTER INSERT ON actor_counts BEGIN {insert} END;
    CREATE TRIGGER actor_days_remove AFTER DELETE ON actor_counts BEGIN {remove} END;
    CREATE TRIGGER actor_days_move AFTER UPDATE ON actor_counts BEGIN {remove} {insert} END;
    """


def _fill_counts(con: sqlite3.Connection) -> None:
    """Counts rows for every analysis stored before version 5 (read from its summary JSON)."""
    from analysis.library.aggregates import write_counts

    rows = con.execute("SELECT sha256, analysis_key, data FROM analyses")
    while batch := rows.fetchmany(500):
        write_counts(con, [(sha, key, data) for sha, key, data in batch])


_COUNTS_TABLES = f"""
    ALTER TABLE analyses DROP COLUMN profile;
    CREATE TABLE actor_names (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
    CREATE TABLE article_counts (
        article_id INTEGER NOT NULL,
        analysis_key TEXT NOT NULL,
        outlet TEXT NOT NULL DEFAULT '', date TEXT, constructed INTEGER NOT NULL DEFAULT 0,
        words INTEGER NOT NULL,
        {", ".join(f"{k} INTEGER NOT NULL DEFAULT 0" for k in MARKER_KINDS)},
        {_stance_columns("stance_")},
        {_tone_columns()},
        PRIMARY KEY (analysis_key, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX article_counts_article ON article_counts(article_id);
    CREATE TABLE actor_counts (
        article_id INTEGER NOT NULL,
        analysis_key TEXT NOT NULL,
        name_id INTEGER NOT NULL,
        type TEXT NOT NULL,
        outlet TEXT NOT NULL DEFAULT '', date TEXT, constructed INTEGER NOT NULL DEFAULT 0,
        words INTEGER NOT NULL,
        mentions INTEGER NOT NULL, quotes INTEGER NOT NULL, scare_quotes INTEGER NOT NULL,
        doubt INTEGER NOT NULL, loaded INTEGER NOT NULL,
        {_stance_columns()},
        {_tone_columns()},
        PRIMARY KEY (analysis_key, name_id, type, outlet, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX actor_counts_article ON actor_counts(
        article_id, analysis_key, name_id, type, outlet, date, constructed, words,
        {", ".join(ACTOR_NUMBERS)}
    );
    CREATE TABLE actor_days (
        analysis_key TEXT NOT NULL, name_id INTEGER NOT NULL, type TEXT NOT NULL,
        outlet TEXT NOT NULL, date TEXT NOT NULL, constructed INTEGER NOT NULL,
        articles INTEGER NOT NULL, words INTEGER NOT NULL,
        {", ".join(f"{c} INTEGER NOT NULL" for c in ACTOR_NUMBERS)},
        {_tone_columns()},
        PRIMARY KEY (analysis_key, name_id, type, outlet, date, constructed)
    ) WITHOUT ROWID;
    {_cell_triggers()}
    CREATE TRIGGER counts_follow_metadata AFTER UPDATE OF outlet, date, constructed ON articles
    BEGIN
        UPDATE article_counts SET outlet = COALESCE(new.outlet, ''), date = new.date,
            constructed = new.constructed WHERE article_id = new.id;
        UPDATE actor_counts SET outlet = COALESCE(new.outlet, ''), date = new.date,
            constructed = new.constructed WHERE article_id = new.id;
    END;
    CREATE TRIGGER counts_follow_article_delete AFTER DELETE ON articles BEGIN
        DELETE FROM article_counts WHERE article_id = old.id;
        DELETE FROM actor_counts WHERE article_id = old.id;
    END;
    CREATE TRIGGER counts_follow_analysis_delete AFTER DELETE ON analyses BEGIN
        DELETE FROM article_counts WHERE analysis_key = old.analysis_key
            AND article_id IN (SELECT id FROM articles WHERE sha256 = old.sha256);
        DELETE FROM actor_counts WHERE analysis_key = old.analysis_key
            AND article_id IN (SELECT id FROM articles WHERE sha256 = old.sha256);
    END;
"""

MIGRATIONS: tuple[str | Migration, ...] = (
    # 0 -> 1: articles and cached analyses.
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        title TEXT, outlet TEXT, date TEXT, url TEXT,
        text TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        added TEXT NOT NULL
    );
    CREATE TABLE analyses (
        sha256 TEXT NOT NULL,
        engine_version TEXT NOT NULL,
        data TEXT NOT NULL,
        created TEXT NOT NULL,
        PRIMARY KEY (sha256, engine_version)
    );
    """,
    # 1 -> 2: the `constructed` flag, the full analysis detail (mentions, sentences) kept apart
    # from the summary the Compare page reads, indexes for the Library filters, and a revision
    # counter that tells caches the library changed.
    """
    ALTER TABLE articles ADD COLUMN constructed INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE analyses ADD COLUMN detail TEXT;
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE INDEX articles_date ON articles(date);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    INSERT INTO meta VALUES ('revision', '0');
    CREATE TRIGGER articles_ins AFTER INSERT ON articles BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'; END;
    CREATE TRIGGER articles_upd AFTER UPDATE ON articles BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'; END;
    CREATE TRIGGER articles_del AFTER DELETE ON articles BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'; END;
    CREATE TRIGGER analyses_ins AFTER INSERT ON analyses BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'; END;
    """,
    # 2 -> 3: a compact JSON of each analysis's counts (replaced by the tables of version 5).
    """
    ALTER TABLE analyses ADD COLUMN profile TEXT;
    """,
    # 3 -> 4: the cache key includes the lexicon digest (analysis.version.analysis_key). Rows
    # keep their old key (the bare engine version): still readable, never served as current.
    """
    ALTER TABLE analyses RENAME COLUMN engine_version TO analysis_key;
    """,
    # 4 -> 5: the per-article counts as indexed tables, filled for the analyses already stored.
    Migration(_COUNTS_TABLES, _fill_counts),
    # 5 -> 6: a full-text index of titles and texts (SQLite FTS5, external content: the text is
    # stored once, in articles), so a keyword filter reads the index, not every text.
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='id', tokenize='unicode61'
    );
    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
    CREATE TRIGGER articles_fts_add AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TRIGGER articles_fts_remove AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
    END;
    CREATE TRIGGER articles_fts_retitle AFTER UPDATE OF title ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    """,
    # 6 -> 7: an index covering the whole-article filters (outlet, date, constructed), so that
    # counting the articles of a filter never reads the article rows (they hold the texts).
    """
    CREATE INDEX articles_filter ON articles(outlet, date, constructed);
    """,
    # 7 -> 8: class activities (analysis/library/classes.py) and shared article links
    # (analysis/library/links.py). Self-contained: it only adds tables, so it can follow any
    # other migration. Each activity keeps its own copy of the articles and flags students saw,
    # so editing the library or a new engine version never changes a running activity.
    """
    CREATE TABLE shared_articles (
        key TEXT PRIMARY KEY,
        text TEXT NOT NULL, title TEXT, outlet TEXT, url TEXT,
        created TEXT NOT NULL
    );
    CREATE TABLE class_activities (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        teacher_hash TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        created TEXT NOT NULL
    );
    CREATE TABLE class_articles (
        activity_id INTEGER NOT NULL REFERENCES class_activities(id),
        position INTEGER NOT NULL,
        title TEXT, outlet TEXT,
        text TEXT NOT NULL,
        engine_version TEXT NOT NULL,
        flags TEXT NOT NULL,
        PRIMARY KEY (activity_id, position)
    );
    CREATE TABLE class_submissions (
        id INTEGER PRIMARY KEY,
        activity_id INTEGER NOT NULL REFERENCES class_activities(id),
        token TEXT NOT NULL,
        student TEXT,
        submitted TEXT NOT NULL,
        UNIQUE (activity_id, token)
    );
    CREATE TABLE class_answers (
        submission_id INTEGER NOT NULL REFERENCES class_submissions(id),
        position INTEGER NOT NULL,
        flag INTEGER NOT NULL,
        answer TEXT NOT NULL CHECK (answer IN ('agree', 'disagree')),
        reason TEXT,
        PRIMARY KEY (submission_id, position, flag)
    );
    CREATE TABLE class_added_flags (
        id INTEGER PRIMARY KEY,
        submission_id INTEGER NOT NULL REFERENCES class_submissions(id),
        position INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        reason TEXT
    );
    """,
    # 8 -> 9: the alias table. Rows name stored actor names, so they apply at query time to
    # every analysis (no re-analysis); editing one bumps the revision that cache keys read.
    """
    CREATE TABLE actor_aliases (
        id INTEGER PRIMARY KEY,
        action TEXT NOT NULL CHECK (action IN ('merge', 'split', 'rename', 'ignore')),
        name TEXT NOT NULL,
        target TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        UNIQUE (action, name)
    );
    CREATE TRIGGER actor_aliases_ins AFTER INSERT ON actor_aliases BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'; END;
    CREATE TRIGGER actor_aliases_upd AFTER UPDATE ON actor_aliases BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'; END;
    CREATE TRIGGER actor_aliases_del AFTER DELETE ON actor_aliases BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'; END;
    """,
    # 9 -> 10: the full-text index follows text updates too (version 6 watched only the title,
    # so a changed text kept its old words in the index); rebuilt once for files already stale.
    """
    DROP TRIGGER articles_fts_retitle;
    CREATE TRIGGER articles_fts_follow_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
    """,
    # 10 -> 11: dropping or rewriting a stored analysis changes the revision too (version 2
    # counted only new analyses), so a cached comparison never shows numbers of analyses gone.
    """
    CREATE TRIGGER analyses_upd AFTER UPDATE ON analyses BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'; END;
    CREATE TRIGGER analyses_del AFTER DELETE ON analyses BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'; END;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class SchemaError(RuntimeError):
    """The file was written by a newer Framing Lens (its schema is ahead of this code)."""


def statements(script: str) -> list[str]:
    """Split a migration script into statements (``sqlite3.complete_statement`` aware)."""
    out: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                out.append(current.strip())
            current = ""
    if current.strip():
        out.append(current.strip())
    return out


def schema_version(con: sqlite3.Connection) -> int:
    """The schema version of the open file (``PRAGMA user_version``)."""
    return int(con.execute("PRAGMA user_version").fetchone()[0])


def apply_migration(con: sqlite3.Connection, migration: str | Migration) -> None:
    """Run one migration (SQL, then its Python step) on ``con``; the caller owns the transaction."""
    sql = migration.sql if isinstance(migration, Migration) else migration
    for statement in statements(sql):
        con.execute(statement)
    if isinstance(migration, Migration):
        migration.after(con)


def migrate(con: sqlite3.Connection) -> None:
    """Bring the schema up to :data:`SCHEMA_VERSION`, one migration per transaction.

    ``con`` must be in autocommit mode (``isolation_level=None``). Each step takes the write
    lock first (``BEGIN IMMEDIATE``) and re-reads the version inside it, so two processes
    opening an old file at once migrate it once.

    Raises:
        SchemaError: the file's schema is newer than this code knows.
    """
    if schema_version(con) > SCHEMA_VERSION:
        raise SchemaError(
            f"written by a newer Framing Lens (schema {schema_version(con)} > {SCHEMA_VERSION})"
        )
    while schema_version(con) < SCHEMA_VERSION:
        con.execute("BEGIN IMMEDIATE")
        try:
            version = schema_version(con)
            if version < SCHEMA_VERSION:
                apply_migration(con, MIGRATIONS[version])
                con.execute(f"PRAGMA user_version = {version + 1}")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
    # A connection that read the file while another process was creating it can keep the
    # empty schema it saw ("PRAGMA user_version" does not check it), and its first statement
    # on a table then fails with "no such table". Reading the schema table checks the schema's
    # version and loads the current one.
    con.execute("SELECT count(*) FROM sqlite_master").fetchone()


def set_wal(con: sqlite3.Connection, attempts: int = 50) -> None:
    """Switch the file to WAL mode, retrying while another process does the same.

    Changing the journal mode of a brand-new file can fail with "database is locked" without
    waiting for the busy timeout when two processes open it at the same moment (SQLite's busy
    handler is not called for that lock), so the switch is retried with a short back-off.
    """
    for attempt in range(attempts):
        try:
            con.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.01 * (attempt + 1))
