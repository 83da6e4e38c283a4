"""The article library: a SQLite file holding articles, their cached analyses and their counts.

One file, WAL journal (readers never block the writer), a busy timeout so that two processes
writing at once wait for each other instead of failing, and ``BEGIN IMMEDIATE`` for every write so
a transaction never has to upgrade a read lock (the one case where SQLite gives up without
waiting; see https://www.sqlite.org/wal.html and https://www.sqlite.org/lang_transaction.html).

Articles are identified by the SHA-256 of their (normalised) text: the same text is stored once.
Analyses are cached per (text hash, analysis key) — the key is the engine version plus a digest
of the lexicons (:func:`analysis.version.analysis_key`) — so a new engine version or an edited
lexicon re-analyses on demand while old results stay readable. Storing an analysis also fills
the count tables that Compare aggregates in SQL (:mod:`analysis.library.aggregates`). The
schema and its migrations are in :mod:`analysis.library.schema`; how an analysis is serialised
is in :mod:`analysis.library.serialise`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from analysis.library.aggregates import write_counts
from analysis.library.schema import (
    MIGRATIONS,
    SCHEMA_VERSION,
    SchemaError,
    migrate,
    schema_version,
    set_wal,
)
from analysis.library.serialise import (
    StoredAnalysis,
    join_analysis,
    key_of,
    split_analysis,
    stored_analysis,
)
from analysis.library.stored import note_damaged, stored_summary
from analysis.records import ArticleAnalysis
from analysis.records_schema import RecordError
from analysis.version import analysis_key

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "AddResult",
    "Article",
    "Library",
    "LibraryError",
    "default_path",
    "join_analysis",
    "normalise_text",
    "save_to_library",
    "split_analysis",
    "text_hash",
]

ENV_VAR = "FRAMING_LENS_DB"
APP_NAME = "framing-lens"
BUSY_TIMEOUT_MS = 30_000
EXPORT_COLUMNS = ("id", "title", "outlet", "date", "url", "constructed", "added", "sha256", "text")
EDITABLE = ("title", "outlet", "date", "url", "constructed")


def _ids_clause(keyword: str, column: str, ids: Iterable[int], params: list[Any]) -> str:
    """' WHERE|AND column IN (?, …)' for ``ids`` (appended to ``params``); matches none if empty."""
    id_list = [int(i) for i in ids]
    params += id_list
    if not id_list:
        return f" {keyword} 0"
    return f" {keyword} {column} IN ({','.join('?' * len(id_list))})"


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
    sha256: str = ""


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


def _with_iso_dates(records: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The records with ISO dates; ValueError listing each record whose date is not a date."""
    from analysis.library.corpus import parse_date  # the importer's rule, one place

    out: list[Mapping[str, Any]] = []
    problems: list[str] = []
    for i, rec in enumerate(records):
        try:
            out.append({**rec, "date": parse_date(rec.get("date"))})
        except ValueError as exc:
            problems.append(f"record {i + 1}: {exc}" if len(records) > 1 else str(exc))
    if problems:
        raise ValueError("; ".join(problems) + ". Nothing was stored.")
    return out


def _article_values(rec: Mapping[str, Any], text: str, sha: str) -> tuple[Any, ...]:
    """The INSERT values of one article record (see :meth:`Library.add`)."""
    return (
        _clean(rec.get("title")),
        _clean(rec.get("outlet")),
        _clean(rec.get("date")),
        _clean(rec.get("url")),
        text,
        sha,
        _clean(rec.get("added")) or _now(),
        int(bool(rec.get("constructed", False))),
    )


class Library:
    """The article library in one SQLite file (see the module docstring).

    Args:
        path: the database file; default :func:`default_path`. Its folder is created.

    Each ``Library`` holds one connection; every process (and every thread) should open its own.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._names: dict[str, int] = {}  # actor name -> id in actor_names, filled as written
        try:
            self._con = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
            )
            self._con.row_factory = sqlite3.Row
            self._con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            set_wal(self._con)
            self._con.execute("PRAGMA synchronous = NORMAL")
            migrate(self._con)
        except SchemaError as exc:
            raise LibraryError(f"{self.path} was {exc}; update the app to open it.") from exc
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

    @property
    def connection(self) -> sqlite3.Connection:
        """The open connection, for the read queries of :mod:`analysis.library.query`."""
        return self._con

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
        return schema_version(self._con)

    def integrity_check(self) -> list[str]:
        """``PRAGMA integrity_check`` of the file: ``["ok"]`` when it is sound."""
        return [str(r[0]) for r in self._con.execute("PRAGMA integrity_check")]

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
        """Store many articles in one transaction; see :meth:`add` for the record keys.

        Dates are normalised to ``YYYY-MM-DD`` as the importer does
        (:func:`analysis.library.corpus.parse_date`). Raises ValueError naming every record
        whose date is not one, and then stores nothing.
        """
        records = _with_iso_dates(records)
        results: list[AddResult] = []
        ready: list[StoredAnalysis] = []
        with self._write() as con:
            for i, rec in enumerate(records):
                text = normalise_text(str(rec["text"]))
                sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
                cur = con.execute(
                    "INSERT INTO articles (title, outlet, date, url, text, sha256, added, "
                    "constructed) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING",
                    _article_values(rec, text, sha),
                )
                if cur.rowcount:
                    results.append(AddResult(int(cur.lastrowid or 0), False, sha))
                else:
                    row = con.execute("SELECT id FROM articles WHERE sha256 = ?", (sha,)).fetchone()
                    results.append(AddResult(int(row[0]), True, sha))
                analysis = analyses[i] if analyses else None
                # Offsets in the analysis refer to its own text: cache it only for that exact text.
                if analysis is not None and analysis.text == text:
                    ready.append(stored_analysis(sha, analysis))
            self._insert_analyses(con, ready)
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
        if "date" in changes:
            changes["date"] = _with_iso_dates([changes])[0]["date"]
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
        """Delete articles, their cached analyses and counts; returns how many articles went."""
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
    def _insert_analyses(self, con: sqlite3.Connection, items: Sequence[StoredAnalysis]) -> None:
        """Write analyses and their count rows inside the caller's transaction."""
        if not items:
            return
        now = _now()
        con.executemany(
            "INSERT OR REPLACE INTO analyses (sha256, analysis_key, data, detail, created) "
            "VALUES (?, ?, ?, ?, ?)",
            [(s.sha256, s.key, s.data, s.detail, now) for s in items],
        )
        write_counts(con, [(s.sha256, s.key, s.counts) for s in items], self._names)

    def put_analyses(self, items: Iterable[StoredAnalysis]) -> int:
        """Cache ready-serialised analyses (:func:`~analysis.library.serialise.stored_analysis`)
        in one transaction; returns how many."""
        batch = list(items)
        with self._write() as con:
            self._insert_analyses(con, batch)
        return len(batch)

    def put_analysis(self, analysis: ArticleAnalysis) -> bool:
        """Cache the analysis of a stored article (keyed by its text hash and analysis key).

        Returns False (nothing cached) when the analysed text is not exactly the stored form
        (e.g. it had Windows line ends): its character offsets would not fit the stored text.
        """
        if analysis.text != normalise_text(analysis.text):
            return False
        self.put_analyses([stored_analysis(text_hash(analysis.text), analysis)])
        return True

    def analysis(
        self,
        article_id: int,
        *,
        key: str | None = None,
        analyze: Callable[..., ArticleAnalysis] | None = None,
    ) -> ArticleAnalysis | None:
        """The cached analysis of an article, analysing (and caching) it when missing.

        Args:
            article_id: the article.
            key: the analysis key wanted (default :func:`analysis.version.analysis_key`); an
                analysis stored under another key does not count.
            analyze: the analyser to run when there is no cached result; default
                :func:`analysis.analyze`. A result whose key is not ``key`` is not cached.

        Returns:
            The analysis (with the article's title), or None if the article does not exist.
        """
        key = key or analysis_key()
        article = self.get(article_id)
        if article is None:
            return None
        row = self._con.execute(
            "SELECT data, detail FROM analyses WHERE sha256 = ? AND analysis_key = ?",
            (article.sha256, key),
        ).fetchone()
        if row:
            try:
                stored = join_analysis(row["data"], row["detail"], article.text, article_id)
                return replace(stored, title=article.title)
            except RecordError as exc:  # damaged cache: noted, then analysed again below
                note_damaged(self.path, article_id, str(exc))
        if analyze is None:
            from analysis.engine.pipeline import analyze as run_analysis
        else:
            run_analysis = analyze
        result = run_analysis(article.text, title=article.title)
        if key_of(result) == key:
            self.put_analysis(result)
        return result

    def _missing_sql(self, columns: str) -> str:
        return (
            f"SELECT {columns} FROM articles a LEFT JOIN analyses n "
            "ON n.sha256 = a.sha256 AND n.analysis_key = ? WHERE n.sha256 IS NULL"
        )

    def missing_analyses(
        self, key: str | None = None, ids: Iterable[int] | None = None
    ) -> list[tuple[int, str, str]]:
        """(id, sha256, text) of articles with no analysis under this key (default current)."""
        return list(self.iter_missing(key, ids))

    def iter_missing(
        self, key: str | None = None, ids: Iterable[int] | None = None, batch: int = 256
    ) -> Iterator[tuple[int, str, str]]:
        """Like :meth:`missing_analyses`, read in id order a batch at a time (flat memory)."""
        params: list[Any] = [key or analysis_key()]
        sql = self._missing_sql("a.id, a.sha256, a.text")
        if ids is not None:
            sql += _ids_clause("AND", "a.id", ids, params)
        last = 0
        while True:
            rows = self._con.execute(
                sql + " AND a.id > ? ORDER BY a.id LIMIT ?", [*params, last, batch]
            ).fetchall()
            yield from ((r[0], r[1], r[2]) for r in rows)
            if len(rows) < batch:
                return
            last = rows[-1][0]

    def missing_count(self, key: str | None = None, ids: Iterable[int] | None = None) -> int:
        """How many articles have no analysis under this key (default current)."""
        params: list[Any] = [key or analysis_key()]
        sql = self._missing_sql("count(*)")
        if ids is not None:
            sql += _ids_clause("AND", "a.id", ids, params)
        return int(self._con.execute(sql, params).fetchone()[0])

    def analysed(self, shas: Sequence[str], key: str | None = None) -> set[str]:
        """The hashes among ``shas`` that have an analysis under this key (default current)."""
        key = key or analysis_key()
        out: set[str] = set()
        for i in range(0, len(shas), 500):
            part = list(shas[i : i + 500])
            marks = ",".join("?" * len(part))
            out.update(
                r[0]
                for r in self._con.execute(
                    f"SELECT sha256 FROM analyses WHERE analysis_key = ? AND sha256 IN ({marks})",
                    [key, *part],
                )
            )
        return out

    def _cached(self, columns: str, ids: Iterable[int] | None, key: str | None) -> sqlite3.Cursor:
        """Rows of ``a.*`` plus ``columns`` of the analyses cached under this key."""
        sql = (
            f"SELECT a.*, {columns} FROM articles a JOIN analyses n "
            "ON n.sha256 = a.sha256 AND n.analysis_key = ?"
        )
        params: list[Any] = [key or analysis_key()]
        if ids is not None:
            sql += _ids_clause("WHERE", "a.id", ids, params)
        return self._con.execute(sql + " ORDER BY a.id", params)

    def summaries(
        self, ids: Iterable[int] | None = None, key: str | None = None
    ) -> list[tuple[Article, dict[str, Any]]]:
        """Articles with their cached analysis summary (actors, markers), no NLP run.

        Articles without a cached analysis under this key are left out (see
        :meth:`missing_analyses`).
        """
        out = []
        for r in self._cached("n.data", ids, key):
            summary = stored_summary(r["data"], self.path, r["id"])  # None: damaged, skipped
            if summary is not None:
                out.append((_row_article(r), summary))
        return out

    def summary(self, article_id: int, key: str | None = None) -> dict[str, Any] | None:
        """The cached analysis summary of one article (no text), or None."""
        row = self._con.execute(
            "SELECT n.data FROM articles a JOIN analyses n ON n.sha256 = a.sha256 "
            "AND n.analysis_key = ? WHERE a.id = ?",
            (key or analysis_key(), article_id),
        ).fetchone()
        return stored_summary(row[0], self.path, article_id) if row else None

    def analyses(
        self, ids: Iterable[int] | None = None, key: str | None = None
    ) -> list[tuple[Article, ArticleAnalysis]]:
        """Articles with their full cached analyses rebuilt (left out when not cached)."""
        out = []
        for r in self._cached("n.data, n.detail", ids, key):
            article = _row_article(r)
            try:
                analysis = join_analysis(r["data"], r["detail"], article.text, article.id)
            except RecordError as exc:  # damaged: noted and skipped
                note_damaged(self.path, article.id, str(exc))
                continue
            out.append((article, replace(analysis, title=article.title)))
        return out

    def drop_analyses(self, article_ids: Iterable[int]) -> None:
        """Forget the cached analyses of these articles (damaged ones), so they are made again."""
        ids = [int(i) for i in article_ids]
        if ids:
            with self._write() as con:
                con.execute(
                    "DELETE FROM analyses WHERE sha256 IN (SELECT sha256 FROM articles WHERE id "
                    f"IN ({','.join('?' * len(ids))}))",
                    ids,
                )

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
