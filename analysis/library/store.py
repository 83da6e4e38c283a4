"""The article library: a SQLite file holding articles and their cached analyses.

One file, WAL journal (readers never block the writer), a busy timeout so that two processes
writing at once wait for each other instead of failing, and ``BEGIN IMMEDIATE`` for every write so
a transaction never has to upgrade a read lock (the one case where SQLite gives up without
waiting; see https://www.sqlite.org/wal.html and https://www.sqlite.org/lang_transaction.html).

Articles are identified by the SHA-256 of their (normalised) text: the same text is stored once.
Analyses are cached per (text hash, engine version), so a new engine version re-analyses on demand
while old results stay readable. The schema is versioned with ``PRAGMA user_version`` and migrated
forward on open.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from analysis.records import ArticleAnalysis
from analysis.version import ENGINE_VERSION

ENV_VAR = "FRAMING_LENS_DB"
APP_NAME = "framing-lens"
BUSY_TIMEOUT_MS = 30_000
EXPORT_COLUMNS = ("id", "title", "outlet", "date", "url", "constructed", "added", "sha256", "text")
EDITABLE = ("title", "outlet", "date", "url", "constructed")

# Each entry upgrades the schema from version i to i + 1. Never edit a shipped entry: add one.
MIGRATIONS: tuple[str, ...] = (
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
    # 2 -> 3: a compact profile of each analysis (counts per kind, stance and actor), so the
    # Compare page reads ~1 KB per article instead of the full summary. Old rows get theirs
    # computed when first read.
    """
    ALTER TABLE analyses ADD COLUMN profile TEXT;
    """,
    # next: class activities (analysis/library/classes.py) and shared article links
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
)
SCHEMA_VERSION = len(MIGRATIONS)


def _ids_clause(keyword: str, column: str, ids: Iterable[int], params: list[Any]) -> str:
    """' WHERE|AND column IN (?, …)' for ``ids`` (appended to ``params``); matches none if empty."""
    id_list = [int(i) for i in ids]
    params += id_list
    if not id_list:
        return f" {keyword} 0"
    return f" {keyword} {column} IN ({','.join('?' * len(id_list))})"


def _set_wal(con: sqlite3.Connection, attempts: int = 50) -> None:
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


class LibraryError(RuntimeError):
    """A problem with the library file the user can act on (newer schema, not a database...)."""


@dataclass(frozen=True, slots=True)
class Article:
    """One stored article and its metadata."""

    id: int
    title: str | None
    outlet: str | None
    date: str | None
    url: str | None
    text: str
    sha256: str
    added: str
    constructed: bool = False

    @property
    def label(self) -> str:
        """A short human label: title (outlet), or the first words of the text."""
        head = self.title or (self.text[:60] + ("…" if len(self.text) > 60 else ""))
        return f"{head} ({self.outlet})" if self.outlet else head


@dataclass(frozen=True, slots=True)
class AddResult:
    """What happened to one article given to :meth:`Library.add`."""

    id: int
    duplicate: bool


def default_path() -> Path:
    """The library file: ``$FRAMING_LENS_DB`` if set, else one in the user data folder."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "library.sqlite3"


def normalise_text(text: str) -> str:
    """Text as stored and hashed: Unix line ends, no surrounding white space."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def text_hash(text: str) -> str:
    """SHA-256 (hex) of the normalised text: the article's identity in the library."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def _now() -> str:
    """The current UTC time as ISO 8601 with seconds."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _clean(value: Any) -> str | None:
    """Metadata as stored: trimmed text, empty becomes NULL."""
    if value is None:
        return None
    s = str(value).strip()
    return s or None


def _row_article(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"],
        title=row["title"],
        outlet=row["outlet"],
        date=row["date"],
        url=row["url"],
        text=row["text"],
        sha256=row["sha256"],
        added=row["added"],
        constructed=bool(row["constructed"]),
    )


def split_analysis(analysis: ArticleAnalysis) -> tuple[str, str]:
    """(summary JSON, detail JSON) of an analysis, without the article text.

    The summary is ``to_dict(include_text=False)`` (actors, markers, warnings) plus the sentence
    offsets: all the Compare page needs. The detail holds mentions and meta so that
    :func:`join_analysis` rebuilds the identical analysis.
    """
    full = analysis.to_dict(include_text=True)
    full.pop("text", None)
    detail = {k: full.pop(k) for k in ("mentions", "meta") if k in full}
    return json.dumps(full, ensure_ascii=False), json.dumps(detail, ensure_ascii=False)


def profile_json(data: str) -> str:
    """The compact counts (:func:`analysis.compare.article_profile`) of a summary JSON."""
    from analysis.compare.comparison import article_profile

    return json.dumps(article_profile(json.loads(data)), ensure_ascii=False)


def join_analysis(data: str, detail: str | None, text: str) -> ArticleAnalysis:
    """The analysis rebuilt from its stored JSON parts and the article text."""
    d = json.loads(data)
    if detail:
        d.update(json.loads(detail))
    return ArticleAnalysis.from_dict(d, text=text)


class Library:
    """The article library in one SQLite file (see the module docstring).

    Args:
        path: the database file; default :func:`default_path`. Its folder is created.

    Each ``Library`` holds one connection; every process (and every thread) should open its own.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._con = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
            )
            self._con.row_factory = sqlite3.Row
            self._con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _set_wal(self._con)
            self._con.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise LibraryError(f"{self.path} is not a usable Framing Lens library: {exc}") from exc

    # ---- plumbing -----------------------------------------------------------------------------
    def close(self) -> None:
        """Close the connection."""
        self._con.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction taking the write lock up front (waits up to the busy timeout)."""
        self._con.execute("BEGIN IMMEDIATE")
        try:
            yield self._con
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        self._con.execute("COMMIT")

    def schema_version(self) -> int:
        """The schema version of the file (``PRAGMA user_version``)."""
        return int(self._con.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        """Bring the schema up to :data:`SCHEMA_VERSION`, one migration per transaction."""
        if self.schema_version() > SCHEMA_VERSION:
            raise LibraryError(
                f"{self.path} was written by a newer Framing Lens (schema "
                f"{self.schema_version()} > {SCHEMA_VERSION}); update the app to open it."
            )
        while self.schema_version() < SCHEMA_VERSION:
            with self._write() as con:
                # Re-read inside the lock: another process may have migrated meanwhile.
                version = int(con.execute("PRAGMA user_version").fetchone()[0])
                if version >= SCHEMA_VERSION:
                    break
                for statement in _statements(MIGRATIONS[version]):
                    con.execute(statement)
                con.execute(f"PRAGMA user_version = {version + 1}")

    def revision(self) -> int:
        """A number that grows with every change to articles or analyses (for cache keys)."""
        row = self._con.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
        return int(row[0]) if row else 0

    def get_meta(self, key: str) -> str | None:
        """A value from the library's key/value table."""
        row = self._con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        """Store a value in the library's key/value table."""
        with self._write() as con:
            con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # ---- articles -----------------------------------------------------------------------------
    def add(
        self,
        text: str,
        *,
        title: str | None = None,
        outlet: str | None = None,
        date: str | None = None,
        url: str | None = None,
        constructed: bool = False,
        added: str | None = None,
        analysis: ArticleAnalysis | None = None,
    ) -> AddResult:
        """Store one article (and optionally its analysis); a duplicate text is not stored again.

        Args:
            text: the article text (normalised: Unix line ends, trimmed).
            title, outlet, date, url: metadata; empty strings are stored as missing.
            constructed: True for teaching examples written by us, not real reporting.
            added: when it was added (ISO 8601); default now. Imports of an export keep it.
            analysis: a ready analysis of this text to cache (e.g. from the Analyze page).

        Returns:
            :class:`AddResult` with the article id and whether the text was already stored
            (then the stored metadata is left as it was).
        """
        return self.add_many(
            [
                {
                    "text": text,
                    "title": title,
                    "outlet": outlet,
                    "date": date,
                    "url": url,
                    "constructed": constructed,
                    "added": added,
                }
            ],
            analyses=[analysis],
        )[0]

    def add_many(
        self,
        records: Sequence[Mapping[str, Any]],
        analyses: Sequence[ArticleAnalysis | None] | None = None,
    ) -> list[AddResult]:
        """Store many articles in one transaction; see :meth:`add` for the record keys."""
        results: list[AddResult] = []
        with self._write() as con:
            for i, rec in enumerate(records):
                text = normalise_text(str(rec["text"]))
                sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
                cur = con.execute(
                    "INSERT INTO articles (title, outlet, date, url, text, sha256, added, "
                    "constructed) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING",
                    (
                        _clean(rec.get("title")),
                        _clean(rec.get("outlet")),
                        _clean(rec.get("date")),
                        _clean(rec.get("url")),
                        text,
                        sha,
                        _clean(rec.get("added")) or _now(),
                        int(bool(rec.get("constructed", False))),
                    ),
                )
                if cur.rowcount:
                    results.append(AddResult(int(cur.lastrowid or 0), False))
                else:
                    row = con.execute("SELECT id FROM articles WHERE sha256 = ?", (sha,)).fetchone()
                    results.append(AddResult(int(row[0]), True))
                analysis = analyses[i] if analyses else None
                # Offsets in the analysis refer to its own text: cache it only for that exact text.
                if analysis is not None and analysis.text == text:
                    self._put_analysis(con, sha, analysis)
        return results

    def get(self, article_id: int) -> Article | None:
        """The article with this id, or None."""
        row = self._con.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return _row_article(row) if row else None

    def find(self, text: str) -> Article | None:
        """The stored article with this text (by hash), or None."""
        row = self._con.execute(
            "SELECT * FROM articles WHERE sha256 = ?", (text_hash(text),)
        ).fetchone()
        return _row_article(row) if row else None

    def articles(
        self,
        *,
        search: str | None = None,
        outlets: Iterable[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        ids: Iterable[int] | None = None,
        with_text: bool = True,
    ) -> list[Article]:
        """Articles matching every given filter, oldest first.

        Args:
            search: words that must all occur in the title, outlet or text (case-insensitive).
            outlets: keep these outlets only (use "" for articles without an outlet).
            date_from, date_to: inclusive ISO dates (``YYYY-MM-DD``); undated articles drop out.
            ids: keep these article ids only.
            with_text: False leaves ``text`` empty (fast listing of a large library).
        """
        where: list[str] = []
        params: list[Any] = []
        for word in (search or "").split():
            like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            where.append(
                "(title LIKE ? ESCAPE '\\' OR outlet LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\')"
            )
            params += [like, like, like]
        if outlets is not None:
            wanted = list(outlets)
            named = [o for o in wanted if o]
            parts = []
            if named:
                parts.append(f"outlet IN ({','.join('?' * len(named))})")
                params += named
            if len(named) < len(wanted):
                parts.append("outlet IS NULL")
            where.append("(" + " OR ".join(parts) + ")" if parts else "0")
        if date_from:
            where.append("date >= ?")
            params.append(date_from)
        if date_to:
            where.append("date <= ?")
            params.append(date_to)
        if ids is not None:
            id_list = [int(i) for i in ids]
            where.append(f"id IN ({','.join('?' * len(id_list))})" if id_list else "0")
            params += id_list
        cols = "*" if with_text else "id, title, outlet, date, url, '' AS text, sha256, added, "
        if not with_text:
            cols += "constructed"
        sql = f"SELECT {cols} FROM articles"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id"
        return [_row_article(r) for r in self._con.execute(sql, params)]

    def count(self) -> int:
        """Number of stored articles."""
        return int(self._con.execute("SELECT count(*) FROM articles").fetchone()[0])

    def outlets(self) -> list[str]:
        """Distinct outlet names, sorted (articles without an outlet are not listed)."""
        rows = self._con.execute(
            "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet"
        )
        return [r[0] for r in rows]

    def update(self, article_id: int, **changes: Any) -> Article:
        """Edit an article's metadata (title, outlet, date, url, constructed); returns it.

        The text cannot be edited: it is the article's identity. Add the new text instead.
        """
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise ValueError(f"cannot edit {sorted(unknown)}; editable: {', '.join(EDITABLE)}")
        if changes:
            sets = ", ".join(f"{k} = ?" for k in changes)
            values = [int(bool(v)) if k == "constructed" else _clean(v) for k, v in changes.items()]
            with self._write() as con:
                con.execute(f"UPDATE articles SET {sets} WHERE id = ?", [*values, article_id])
        article = self.get(article_id)
        if article is None:
            raise KeyError(article_id)
        return article

    def delete(self, article_ids: Iterable[int]) -> int:
        """Delete articles and their cached analyses; returns how many articles went."""
        ids = [int(i) for i in article_ids]
        if not ids:
            return 0
        marks = ",".join("?" * len(ids))
        with self._write() as con:
            con.execute(
                f"DELETE FROM analyses WHERE sha256 IN (SELECT sha256 FROM articles "
                f"WHERE id IN ({marks}))",
                ids,
            )
            return con.execute(f"DELETE FROM articles WHERE id IN ({marks})", ids).rowcount

    # ---- analyses -----------------------------------------------------------------------------
    @staticmethod
    def _put_analysis(con: sqlite3.Connection, sha: str, analysis: ArticleAnalysis) -> None:
        data, detail = split_analysis(analysis)
        con.execute(
            "INSERT OR REPLACE INTO analyses (sha256, engine_version, data, detail, profile, "
            "created) VALUES (?, ?, ?, ?, ?, ?)",
            (sha, analysis.engine_version, data, detail, profile_json(data), _now()),
        )

    def put_analyses(self, items: Iterable[tuple[str, str, str, str]]) -> None:
        """Cache ready-serialised analyses: (sha256, engine_version, summary JSON, detail JSON)."""
        rows = [(sha, v, data, detail, profile_json(data)) for sha, v, data, detail in items]
        with self._write() as con:
            con.executemany(
                "INSERT OR REPLACE INTO analyses (sha256, engine_version, data, detail, profile, "
                f"created) VALUES (?, ?, ?, ?, ?, '{_now()}')",
                rows,
            )

    def put_analysis(self, analysis: ArticleAnalysis) -> bool:
        """Cache the analysis of a stored article (keyed by its text hash and engine version).

        Returns False (nothing cached) when the analysed text is not exactly the stored form
        (e.g. it had Windows line ends): its character offsets would not fit the stored text.
        """
        if analysis.text != normalise_text(analysis.text):
            return False
        with self._write() as con:
            self._put_analysis(con, text_hash(analysis.text), analysis)
        return True

    def analysis(
        self,
        article_id: int,
        *,
        engine_version: str = ENGINE_VERSION,
        analyze: Callable[..., ArticleAnalysis] | None = None,
    ) -> ArticleAnalysis | None:
        """The cached analysis of an article, analysing (and caching) it when missing.

        Args:
            article_id: the article.
            engine_version: the version wanted; an analysis by another version does not count.
            analyze: the analyser to run when there is no cached result; default
                :func:`analysis.analyze`. Results by another engine version are not cached.

        Returns:
            The analysis (with the article's title), or None if the article does not exist.
        """
        article = self.get(article_id)
        if article is None:
            return None
        row = self._con.execute(
            "SELECT data, detail FROM analyses WHERE sha256 = ? AND engine_version = ?",
            (article.sha256, engine_version),
        ).fetchone()
        if row:
            return replace(
                join_analysis(row["data"], row["detail"], article.text), title=article.title
            )
        if analyze is None:
            from analysis.engine.pipeline import analyze as run_analysis
        else:
            run_analysis = analyze
        result = run_analysis(article.text, title=article.title)
        if result.engine_version == engine_version:
            self.put_analysis(result)
        return result

    def missing_analyses(
        self, engine_version: str = ENGINE_VERSION, ids: Iterable[int] | None = None
    ) -> list[tuple[int, str, str]]:
        """(id, sha256, text) of articles with no analysis by this engine version."""
        sql = (
            "SELECT a.id, a.sha256, a.text FROM articles a LEFT JOIN analyses n "
            "ON n.sha256 = a.sha256 AND n.engine_version = ? WHERE n.sha256 IS NULL"
        )
        params: list[Any] = [engine_version]
        if ids is not None:
            sql += _ids_clause("AND", "a.id", ids, params)
        return [(r[0], r[1], r[2]) for r in self._con.execute(sql + " ORDER BY a.id", params)]

    def missing_count(self, engine_version: str = ENGINE_VERSION) -> int:
        """How many articles have no analysis by this engine version."""
        row = self._con.execute(
            "SELECT count(*) FROM articles a LEFT JOIN analyses n ON n.sha256 = a.sha256 "
            "AND n.engine_version = ? WHERE n.sha256 IS NULL",
            (engine_version,),
        ).fetchone()
        return int(row[0])

    def _cached(
        self, columns: str, ids: Iterable[int] | None, engine_version: str
    ) -> sqlite3.Cursor:
        """Rows of ``a.*`` plus ``columns`` of the analyses cached for this engine version."""
        sql = (
            f"SELECT a.*, {columns} FROM articles a JOIN analyses n "
            "ON n.sha256 = a.sha256 AND n.engine_version = ?"
        )
        params: list[Any] = [engine_version]
        if ids is not None:
            sql += _ids_clause("WHERE", "a.id", ids, params)
        return self._con.execute(sql + " ORDER BY a.id", params)

    def summaries(
        self, ids: Iterable[int] | None = None, engine_version: str = ENGINE_VERSION
    ) -> list[tuple[Article, dict[str, Any]]]:
        """Articles with their cached analysis summary (actors, markers), no NLP run.

        Articles without a cached analysis by this engine version are left out (see
        :meth:`missing_analyses`).
        """
        return [
            (_row_article(r), json.loads(r["data"]))
            for r in self._cached("n.data", ids, engine_version)
        ]

    def profiles(
        self, ids: Iterable[int] | None = None, engine_version: str = ENGINE_VERSION
    ) -> list[tuple[Article, dict[str, Any]]]:
        """Articles with the compact profile of their cached analysis (see :meth:`summaries`)."""
        columns = "n.profile, CASE WHEN n.profile IS NULL THEN n.data END AS data"
        out = []
        for r in self._cached(columns, ids, engine_version):
            profile = r["profile"] or profile_json(r["data"])
            out.append((_row_article(r), json.loads(profile)))
        return out

    def summary(
        self, article_id: int, engine_version: str = ENGINE_VERSION
    ) -> dict[str, Any] | None:
        """The cached analysis summary of one article (no text), or None."""
        row = self._con.execute(
            "SELECT n.data FROM articles a JOIN analyses n ON n.sha256 = a.sha256 "
            "AND n.engine_version = ? WHERE a.id = ?",
            (engine_version, article_id),
        ).fetchone()
        return json.loads(row[0]) if row else None

    def analyses(
        self, ids: Iterable[int] | None = None, engine_version: str = ENGINE_VERSION
    ) -> list[tuple[Article, ArticleAnalysis]]:
        """Articles with their full cached analyses rebuilt (left out when not cached)."""
        out = []
        for r in self._cached("n.data, n.detail", ids, engine_version):
            article = _row_article(r)
            analysis = join_analysis(r["data"], r["detail"], article.text)
            out.append((article, replace(analysis, title=article.title)))
        return out

    # ---- export -------------------------------------------------------------------------------
    def export_rows(self) -> Iterator[dict[str, Any]]:
        """Every article as a plain dict with the :data:`EXPORT_COLUMNS` keys."""
        for article in self.articles():
            d = asdict(article)
            yield {k: d[k] for k in EXPORT_COLUMNS}

    def export_jsonl(self, out: IO[str]) -> int:
        """Write the library as JSON Lines (one article per line); returns the article count."""
        n = 0
        for row in self.export_rows():
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
        return n

    def export_csv(self, out: IO[str]) -> int:
        """Write the library as CSV (header ``EXPORT_COLUMNS``); returns the article count.

        Missing values are empty cells, ``constructed`` is ``true``/``false``; importing the file
        again gives the same articles and metadata.
        """
        writer = csv.DictWriter(out, fieldnames=list(EXPORT_COLUMNS), lineterminator="\n")
        writer.writeheader()
        n = 0
        for row in self.export_rows():
            row = {k: ("" if v is None else v) for k, v in row.items()}
            row["constructed"] = "true" if row["constructed"] else "false"
            writer.writerow(row)
            n += 1
        return n

    def export_text(self, fmt: str) -> str:
        """The whole library as a CSV or JSONL string (``fmt`` is ``csv`` or ``jsonl``)."""
        buf = io.StringIO()
        if fmt == "csv":
            self.export_csv(buf)
        elif fmt == "jsonl":
            self.export_jsonl(buf)
        else:
            raise ValueError(f"unknown export format {fmt!r} (csv or jsonl)")
        return buf.getvalue()


def _statements(script: str) -> list[str]:
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


def save_to_library(
    analysis: ArticleAnalysis,
    *,
    title: str | None = None,
    outlet: str | None = None,
    date: str | None = None,
    url: str | None = None,
    path: str | os.PathLike[str] | None = None,
) -> AddResult:
    """Save an analysed article (from the Analyze page) and its analysis to the library.

    Args:
        analysis: the result of :func:`analysis.analyze`; its text is stored, its result cached.
        title: default ``analysis.title``.
        outlet, date, url: metadata (date as ``YYYY-MM-DD``).
        path: the library file; default :func:`default_path`.

    Returns:
        :class:`AddResult` (``duplicate`` is True when the same text was already in the library;
        then only the analysis cache is refreshed).
    """
    with Library(path) as lib:
        result = lib.add(
            analysis.text,
            title=title if title is not None else analysis.title,
            outlet=outlet,
            date=date,
            url=url,
            analysis=analysis,
        )
        if result.duplicate:
            lib.put_analysis(analysis)
        return result
