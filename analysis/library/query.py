"""Queries over the count tables: a filter of the library's articles, aggregated in SQL.

:class:`ArticleFilter` says which articles (date range, outlets, keyword in title or text,
actor, constructed samples out); :class:`Selection` answers with pandas DataFrames: one row per
article (:meth:`Selection.articles`), per (actor, group[, period]) (:meth:`Selection.actor_totals`),
per article of one actor (:meth:`Selection.actor_articles`), and it fetches the few summaries
and texts a view shows. Nothing here reads every analysis: the numbers come from
``article_counts`` and ``actor_counts`` (:mod:`analysis.library.aggregates`).

Actor names are merged at query time: ``names`` maps a stored name to the name it counts under
(e.g. ``{"Putin": "Vladimir Putin"}``, from :func:`analysis.compare.resolve_actors` over
:meth:`Selection.name_counts` and the library's alias table, :meth:`Selection.alias_rules`), so
an alias edit applies without rewriting stored rows; ``dropped`` names are left out.
"""

from __future__ import annotations

import json
import random
import sqlite3
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.blocks import block_sql
from analysis.kept import Kept
from analysis.library.aggregates import ACTOR_COLUMNS
from analysis.library.aliases import Alias, AliasTable
from analysis.library.left_out import sums_without, units_without
from analysis.library.store import Library
from analysis.records import ACTOR_TYPES, MARKER_KINDS, STANCES, TONES, ArticleAnalysis
from analysis.version import analysis_key

GROUPINGS = ("outlet", "date", "article")
NO_OUTLET = "(no outlet)"
"""The group of the articles without an outlet."""
SHORT_LIST = 20_000
"""Up to this many articles, an id list drives a query through the article-ordered index."""
PERIODS = {
    "day": "NULLIF(c.date, '')",
    "week": "date(NULLIF(c.date, ''), '-6 days', 'weekday 1')",  # the Monday starting the week
    "month": "substr(NULLIF(c.date, ''), 1, 7)",
    "year": "substr(NULLIF(c.date, ''), 1, 4)",
}
ARTICLE_FRAME_COLUMNS = (
    "article_id", "group", "outlet", "date", "constructed", "words",
    *MARKER_KINDS, *(f"stance_{s}" for s in STANCES),
)  # fmt: skip
ACTOR_TOTAL_COLUMNS = ("actor", "type", "group", "articles", *ACTOR_COLUMNS)
UNIT_COLUMNS = ("actor", "group", "unit", "articles", "distancing", "attributions")
UNITS_KEPT = 256
"""Per-actor unit tables kept across selections (each at most a few thousand rows)."""
_UNITS: Kept[pd.DataFrame] = Kept(UNITS_KEPT)
PER_ARTICLE = 2**62
"""A ``max_units`` no group reaches: one unit per article."""
TOTALS_KEPT = 8
"""Actor-total tables (every outlet of one filter) kept across selections: each holds a row per
actor and outlet, so few are kept."""
_TOTALS: Kept[tuple[pd.DataFrame, pd.DataFrame]] = Kept(TOTALS_KEPT)
CELL_SUMS_KEPT, CELL_ROWS_KEPT = 16, 50_000
"""Sums of the per-day cells kept across selections: how many, and the most rows of one."""
_CELL_SUMS: Kept[pd.DataFrame] = Kept(CELL_SUMS_KEPT)
GROUP_TOTALS_KEPT = 16
"""Group totals of whole-article filters (a row per group) kept: the base of the subtraction."""
_GROUP_TOTALS: Kept[pd.DataFrame] = Kept(GROUP_TOTALS_KEPT)
DISTINCT_KEPT = 256
"""Exact article counts of a merged actor over every article of a whole-article filter kept:
the base of the subtraction (a row per group and period)."""
_DISTINCT: Kept[tuple[pd.DataFrame, pd.DataFrame]] = Kept(DISTINCT_KEPT)
WINDOWS_KEPT = 8
"""Id lists of whole-article filters kept (8 bytes an article: 0.8 MB per 100,000)."""
_WINDOWS: Kept[np.ndarray] = Kept(WINDOWS_KEPT)
_MISSING = object()
_MARKED = " + ".join(f"c.{c}" for c in ACTOR_COLUMNS[1:])  # every count but mentions


def fts_query(keyword: str) -> str:
    """An FTS5 query: every word of ``keyword`` (or a word starting with it) must occur.

    Each word is quoted (FTS5 syntax characters in it lose their meaning) and marked as a
    prefix, so "Stolt" finds "Stoltenberg" and "Kremlin's" finds "Kremlin's"."""
    words = [w.replace('"', '""') for w in keyword.split()]
    return " AND ".join(f'"{w}"*' for w in words)


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles to compare; every field left at its default keeps all.

    Args:
        date_from, date_to: inclusive ISO dates (``YYYY-MM-DD``); undated articles drop out.
        outlets: keep these outlets only ("" for articles without one).
        keyword: words that must all occur in the title or the text, as words or word
            beginnings, case-insensitive (the full-text index, :func:`fts_query`).
        actor: keep articles that mention this actor (a name after merging, see the module).
        exclude_constructed: leave out the constructed teaching samples.
        ids: keep these article ids only.
    """

    date_from: str | None = None
    date_to: str | None = None
    outlets: tuple[str, ...] | None = None
    keyword: str | None = None
    actor: str | None = None
    exclude_constructed: bool = False
    ids: tuple[int, ...] | None = None

    def without_actor(self) -> ArticleFilter:
        """The same filter with no actor condition."""
        return replace(self, actor=None)


@dataclass
class Selection:
    """The articles of a library that pass a filter, grouped ``by`` outlet, date or article.

    Args:
        library: the open library (the selection reads through its connection).
        filter: which articles.
        by: the group of an article: ``outlet``, ``date`` or ``article`` (each its own group).
        names: stored actor name → the name it counts under (see the module docstring).
        key: the analysis key whose results are read; default the current one.
        dropped: stored actor names left out of the actor tables ("not an actor").

    Only articles with an analysis under ``key`` take part (see :meth:`missing_count`).
    """

    library: Library
    filter: ArticleFilter = field(default_factory=ArticleFilter)
    by: str = "outlet"
    names: Mapping[str, str] = field(default_factory=dict)
    key: str = field(default_factory=analysis_key)
    dropped: frozenset[str] = frozenset()
    _ids: dict[tuple, Any] = field(default_factory=dict, init=False, repr=False)
    _ids_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    _local: threading.local = field(default_factory=threading.local, init=False, repr=False)
    path: Path = field(init=False)

    def __post_init__(self) -> None:
        if self.by not in GROUPINGS:
            raise ValueError(f"cannot group by {self.by!r}; choose one of {', '.join(GROUPINGS)}")
        self.path = self.library.path

    @property
    def _con(self) -> sqlite3.Connection:
        """This thread's own connection to the library file (opened on first use).

        A selection may be cached and used again by later page runs, each in its own thread;
        SQLite connections must not cross threads, so each thread opens its own.
        """
        return self._local_library().connection

    def _local_library(self) -> Library:
        """This thread's own :class:`Library` on the file (see :attr:`_con`)."""
        library = getattr(self._local, "library", None)
        if library is None:
            library = self._local.library = Library(self.path)
        return library

    def _revision(self) -> int:
        """The library's revision now (every cache key holds it)."""
        return self._local_library().revision()

    def with_names(self, names: Mapping[str, str], dropped: Iterable[str] = ()) -> Selection:
        """The same selection with another name merge (and ``dropped`` names left out)."""
        return Selection(
            self.library, self.filter, self.by, dict(names), self.key, frozenset(dropped)
        )

    def name_counts(self) -> pd.DataFrame:
        """Every stored actor name of the library under the key: name, type, articles.

        The whole library, whatever the filter: an actor resolves the same way in every
        comparison (:func:`analysis.compare.resolve_actors`). Read from the per-day cells.
        """
        sql = (
            "SELECT n.name, d.type, d.articles FROM (SELECT name_id, type, SUM(articles) AS "
            "articles FROM actor_days WHERE analysis_key = ? GROUP BY name_id, type) d "
            "JOIN actor_names n ON n.id = d.name_id"
        )
        rows = self._con.execute(sql, (self.key,)).fetchall()
        return pd.DataFrame(rows, columns=["name", "type", "articles"])

    def alias_rules(self) -> list[Alias]:
        """The library's alias table (:class:`analysis.library.aliases.AliasTable`)."""
        return AliasTable(self._local_library()).rules()

    # ---- the WHERE clause ----------------------------------------------------------------------
    def _group_sql(self) -> str:
        if self.by == "outlet":
            return f"CASE WHEN c.outlet = '' THEN '{NO_OUTLET}' ELSE c.outlet END"
        if self.by == "date":
            return "COALESCE(NULLIF(c.date, ''), '(no date)')"
        return (
            "'#' || c.article_id || ' ' || COALESCE((SELECT title FROM articles "
            "WHERE id = c.article_id), 'untitled')"
        )

    def _cells(self, flt: ArticleFilter) -> bool:
        """True when the per-day cells (``actor_days``) answer for ``flt``: whole-article
        conditions only (a keyword, id list or actor condition needs the article rows)."""
        return self.by != "article" and not self._has_ids(flt)

    def _raw_names(self, actor: str) -> list[str]:
        """The stored names that count as ``actor``."""
        raw = {actor} | {raw for raw, merged in self.names.items() if merged == actor}
        return sorted(raw - self.dropped) or [""]

    def _has_ids(self, flt: ArticleFilter) -> bool:
        """True when ``flt`` keeps only some article ids (keyword, id list, actor)."""
        return bool((flt.keyword and flt.keyword.split()) or flt.ids is not None or flt.actor)

    def _from(self, table: str, flt: ArticleFilter | None = None) -> tuple[str, list[Any]]:
        """(FROM clause, parameters) of ``table`` aliased ``c``, driven by the article id list
        when the filter has one, so that only those articles' rows are read (through the
        article-ordered index) instead of every row checked against the list."""
        flt = flt or self.filter
        if not self._has_ids(flt):
            return f"{table} c", []
        # Named: without statistics, SQLite may otherwise scan every count row of the key once
        # per listed article (when the query also reads a column the index lacks, the tones).
        index = " INDEXED BY actor_counts_article" if table == "actor_counts" else ""
        return (
            f"json_each(?) AS j CROSS JOIN {table} AS c{index} ON c.article_id = j.value",
            [self._matching_ids(flt)],
        )

    def _where(
        self, flt: ArticleFilter | None = None, *, driven: bool = False
    ) -> tuple[str, list[Any]]:
        """(WHERE clause, parameters) over a count table aliased ``c`` (``driven``: the id
        condition is already in the FROM clause of :meth:`_from`)."""
        flt = flt or self.filter
        where, params = ["c.analysis_key = ?"], [self.key]
        if flt.outlets is not None:
            outlets = list(flt.outlets)
            where.append(f"c.outlet IN ({','.join('?' * len(outlets))})" if outlets else "0")
            params += outlets
        if flt.date_from:
            where.append("c.date >= ?")
            params.append(flt.date_from)
        if flt.date_to:  # actor_days writes '' for no date
            where.append("c.date <= ? AND c.date != ''")
            params.append(flt.date_to)
        if flt.exclude_constructed:
            where.append("c.constructed = 0")
        if self._has_ids(flt) and not driven:
            # Checked against the shorter list: the articles kept, or those left out.
            left = self._left_out_if_fewer(flt)
            op = "IN" if left is None else "NOT IN"
            where.append(f"c.article_id {op} (SELECT value FROM json_each(?))")
            params.append(self._matching_ids(flt) if left is None else json.dumps(left))
        return " AND ".join(where), params

    def _matching_ids(self, flt: ArticleFilter) -> str:
        """The ids (a JSON array) of the articles passing the keyword, id and actor conditions
        (the queries of a page share the list)."""
        what = ("passing list", flt.keyword, flt.ids, flt.actor)
        return str(self._ids_of(what, lambda: json.dumps(sorted(self._passing_ids(flt)))))

    def _ids_of(self, what: tuple[Any, ...], find: Callable[[], Any]) -> Any:
        """``find()``, once per selection, ``what`` and library revision: keyed by the revision
        read before finding, so an id list never outlives the articles it was read from
        (entries of older revisions are dropped). A selection is shared by the sessions'
        threads: the dictionary is only touched under a lock."""
        key = (self._revision(), *what)
        with self._ids_lock:
            found = self._ids.get(key, _MISSING)
        if found is _MISSING:
            found = find()
            with self._ids_lock:
                for old in [k for k in self._ids if k[0] != key[0]]:
                    del self._ids[old]
                self._ids[key] = found
        return found

    def _passing_ids(self, flt: ArticleFilter) -> frozenset[int]:
        """The ids of the articles passing the keyword, id and actor conditions."""
        what = ("passing", flt.keyword, flt.ids, flt.actor)
        return frozenset(self._ids_of(what, lambda: self._read_passing_ids(flt)))

    def _read_passing_ids(self, flt: ArticleFilter) -> frozenset[int]:
        """:meth:`_passing_ids`, read."""
        # Each condition reads its own index (the full-text index, the actor-ordered count
        # rows), never the article rows: those hold the texts and are large.
        parts: list[set[int]] = []
        if flt.keyword and flt.keyword.split():
            sql = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
            parts.append({r[0] for r in self._tuples(sql, (fts_query(flt.keyword),))})
        if flt.ids is not None:
            parts.append({int(i) for i in flt.ids})
        if flt.actor:
            raw = self._raw_names(flt.actor)
            sql = (
                "SELECT DISTINCT x.article_id FROM actor_counts x JOIN actor_names n "
                "ON n.id = x.name_id WHERE x.analysis_key = ? AND n.name IN "
                f"({','.join('?' * len(raw))})"
            )
            parts.append({r[0] for r in self._tuples(sql, [self.key, *raw])})
        return frozenset(set.intersection(*parts) if parts else set())

    def _id_total(self, flt: ArticleFilter) -> int:
        """How many articles the keyword, id and actor conditions of ``flt`` keep."""
        return len(self._passing_ids(flt))

    def _left_out_if_fewer(self, flt: ArticleFilter) -> list[int] | None:
        """The ids of the articles that pass the whole-article conditions of ``flt`` (outlets,
        dates, constructed) but not its keyword, id and actor conditions — when they are fewer
        than those kept; else None.

        Counts add up over articles, so a filter keeping most articles is answered as the
        whole-article cells minus the rows of the few left out (:meth:`_summed`).
        """
        what = ("left", self._whole(flt), flt.keyword, flt.ids, flt.actor)
        found = self._ids_of(what, lambda: self._find_left_out(flt))
        return None if found is None else list(found)

    def _find_left_out(self, flt: ArticleFilter) -> tuple[int, ...] | None:
        """:meth:`_left_out_if_fewer`, read (None when the kept are fewer)."""
        whole = self._whole(flt)
        passing = self._passing_ids(flt)
        window = _WINDOWS.get(self._window_key(whole))
        if window is None:
            where, params = self._where(whole)
            count = f"SELECT COUNT(*) FROM article_counts c WHERE {where}"
            if 2 * len(passing) <= self._con.execute(count, params).fetchone()[0]:
                return None  # (a cheap count first: most filters keep few articles)
            window = self._window_ids(whole)
        if 2 * len(passing) <= len(window):
            return None
        kept = np.fromiter(passing, dtype=np.int64, count=len(passing))
        left = window[~np.isin(window, kept, assume_unique=True)].tolist()
        # Compared with the articles kept among these, not all that pass over the library.
        return tuple(left) if len(left) < len(window) - len(left) else None

    def warm_windows(self) -> None:
        """Read the id lists that a keyword or actor typed under this filter's outlets, dates
        and constructed condition finds its left-out articles among (this filter's; every
        outlet's, which the kept totals and units use): the server's warm-up, so that the
        first typed filter does not wait for them."""
        self._window_ids(self._whole(self.filter))
        if self.by == "outlet":
            self._window_ids(self._whole(replace(self.filter, outlets=None)))

    def _window_ids(self, whole: ArticleFilter) -> np.ndarray:
        """The ids of the articles passing the whole-article filter ``whole``, kept per library
        revision (:data:`_WINDOWS`): every keyword or actor typed under the same conditions
        finds the articles it leaves out among these."""
        key = self._window_key(whole)
        found = _WINDOWS.get(key)
        if found is None:
            where, params = self._where(whole)
            sql = f"SELECT c.article_id FROM article_counts c WHERE {where}"
            found = np.fromiter((i for (i,) in self._tuples(sql, params)), dtype=np.int64)
            found.flags.writeable = False  # (shared by every session)
            _WINDOWS.put(key, found)
        return found

    def _tuples(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """The rows of ``sql`` as plain tuples: tens of thousands of rows come a third faster
        than as the connection's ``sqlite3.Row`` objects."""
        cursor = self._con.cursor()
        cursor.row_factory = None
        return cursor.execute(sql, params).fetchall()

    def _window_key(self, whole: ArticleFilter) -> tuple[Any, ...]:
        """The :data:`_WINDOWS` key of a whole-article filter."""
        return (str(self.path), self._revision(), self.key, whole)

    @staticmethod
    def _whole(flt: ArticleFilter) -> ArticleFilter:
        """``flt`` without its keyword, id and actor conditions (whole-article ones only)."""
        return replace(flt, keyword=None, ids=None, actor=None)

    def close(self) -> None:
        """Close this thread's connection (others close when their thread ends)."""
        library = getattr(self._local, "library", None)
        if library is not None:
            library.close()
            self._local.library = None

    # ---- frames ------------------------------------------------------------------------------
    def articles(self) -> pd.DataFrame:
        """One row per article: :data:`ARTICLE_FRAME_COLUMNS` (counts of markers and stances).

        ``outlet`` is None for articles without one; ``constructed`` is a bool. Ordered by id.
        Titles are not read here (they sit with the texts): see :meth:`titles`.
        """
        where, params = self._where()
        numbers = ", ".join(f"c.{c}" for c in ARTICLE_FRAME_COLUMNS[5:])
        sql = (
            f"SELECT c.article_id, {self._group_sql()} AS grp, c.outlet, c.date, "
            f"c.constructed, {numbers} FROM article_counts c WHERE {where} ORDER BY c.article_id"
        )
        frame = pd.DataFrame(
            self._con.execute(sql, params).fetchall(), columns=list(ARTICLE_FRAME_COLUMNS)
        )
        frame["outlet"] = frame["outlet"].replace("", None)
        frame["constructed"] = frame["constructed"].astype(bool)
        for col in ARTICLE_FRAME_COLUMNS[5:]:
            frame[col] = frame[col].astype("int64")
        return frame

    def group_totals(self) -> pd.DataFrame:
        """Per group: articles, words, markers of each kind and ``stance_*`` counts, summed.

        A keyword or actor filter that leaves out fewer articles than it keeps is answered as
        the totals of every article (kept, :data:`_GROUP_TOTALS`) minus those left out.
        """
        flt = self.filter
        whole = self._whole(flt)
        left = self._left_out_if_fewer(flt) if self._has_ids(flt) else []
        if left is None or self.by == "article":  # (each article its own group: no totals kept)
            return self._read_group_totals(flt)
        every = self._kept_group_totals(whole)
        if not left:
            return every
        out = self._read_group_totals(replace(whole, ids=tuple(left)))
        return sums_without(every, out, ["group"])

    def _kept_group_totals(self, whole: ArticleFilter) -> pd.DataFrame:
        """:meth:`group_totals` under a whole-article filter, kept; grouped by outlet, kept for
        every outlet and cut to the chosen ones (an outlet's totals do not depend on others)."""
        base = replace(whole, outlets=None) if self.by == "outlet" else whole
        key = (str(self.path), self._revision(), self.key, base, self.by)
        every = _GROUP_TOTALS.get(key)
        if every is None:
            every = self._read_group_totals(base)
            _GROUP_TOTALS.put(key, every)
        if base.outlets == whole.outlets:
            return every.copy()
        groups = {o or NO_OUTLET for o in whole.outlets or ()}
        return every[every["group"].isin(groups)].reset_index(drop=True)

    def _read_group_totals(self, flt: ArticleFilter) -> pd.DataFrame:
        """:meth:`group_totals` read from the article rows under ``flt``."""
        where, params = self._where(flt)
        cols = ARTICLE_FRAME_COLUMNS[5:]
        sums = ", ".join(f"SUM(c.{c})" for c in cols)
        sql = (
            f"SELECT {self._group_sql()} AS grp, COUNT(*), {sums} FROM article_counts c "
            f"WHERE {where} GROUP BY grp"
        )
        return pd.DataFrame(
            self._con.execute(sql, params).fetchall(), columns=["group", "articles", *cols]
        )

    def rate_units(self, max_units: int) -> pd.DataFrame:
        """group, unit, words and markers of each kind per resampling unit of the bootstrap.

        A group of at most ``max_units`` articles has one unit per article; a larger one pools
        its articles into ``max_units`` blocks by a multiplicative hash of the id (Knuth), which
        scatters consecutive ids, so each block is a spread-out handful of the group's articles.
        """
        where, params = self._where()
        kinds = ", ".join(f"SUM(c.{k})" for k in MARKER_KINDS)
        grp = self._group_sql()
        sql = (
            f"WITH g AS (SELECT {grp} AS grp, COUNT(*) AS n FROM article_counts c WHERE {where} "
            f"GROUP BY grp) SELECT {grp} AS grp, CASE WHEN g.n <= ? THEN c.article_id ELSE "
            f"{block_sql('c.article_id')} END AS unit, SUM(c.words), {kinds} "
            f"FROM article_counts c JOIN g ON g.grp = {grp} WHERE {where} GROUP BY grp, unit"
        )
        rows = self._con.execute(sql, [*params, max_units, max_units, *params]).fetchall()
        return pd.DataFrame(rows, columns=["group", "unit", "words", *MARKER_KINDS])

    def person_names(self) -> list[str]:
        """The stored names of people (type PERSON) in the selection, before any merge."""
        rows = self._summed({"name_id": "c.name_id"}, {}, self.filter.without_actor(),
                            "c.type = 'PERSON'")  # fmt: skip
        return sorted(self._names_of(rows["name_id"]).values())

    def _names_of(self, ids: Iterable[int]) -> dict[int, str]:
        """actor_names id → name for ``ids``."""
        out: dict[int, str] = {}
        id_list = sorted(set(ids))
        for i in range(0, len(id_list), 500):
            part = id_list[i : i + 500]
            marks = ",".join("?" * len(part))
            out.update(
                self._con.execute(f"SELECT id, name FROM actor_names WHERE id IN ({marks})", part)
            )
        return out

    def actor_totals(self, period: str | None = None) -> pd.DataFrame:
        """Per (actor, group[, period]): articles and summed counts, names merged.

        Grouped by outlet (and not by period), an outlet's totals do not depend on which other
        outlets are compared: they are computed for every outlet once per library revision,
        filter (the outlet list aside) and name merge, and kept (:data:`_TOTALS`), so adding
        or removing an outlet reads no count row again.

        Args:
            period: None, or ``day``, ``week`` (the Monday it starts), ``month`` (``YYYY-MM``),
                ``year``: then a ``period`` column splits each cell (undated articles: None).

        Returns:
            :data:`ACTOR_TOTAL_COLUMNS` (+ ``period``): ``articles`` counts the articles
            mentioning the actor; ``type`` is the actor's most frequent type in the selection
            (ties in :data:`analysis.records.ACTOR_TYPES` order).
        """
        out_cols = [*ACTOR_TOTAL_COLUMNS, *(["period"] if period else [])]
        if self.by == "outlet" and period is None:  # (per-period tables are large: not kept)
            cells, kinds = self._kept_totals()
            if self.filter.outlets is not None:
                groups = {o or NO_OUTLET for o in self.filter.outlets}
                cells = cells[cells["group"].isin(groups)]
                kinds = kinds[kinds["group"].isin(groups)]
        else:
            cells, kinds = self._merged_totals(period, self.filter)
        if cells.empty:
            return pd.DataFrame(columns=out_cols)
        cells = cells.assign(type=cells["actor"].map(_main_types(kinds)))
        return cells[out_cols].reset_index(drop=True)

    def _kept_totals(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """:meth:`_merged_totals` of every outlet under this filter (kept, see
        :meth:`actor_totals`)."""
        every = replace(self.filter, outlets=None)
        merge = (tuple(sorted(self.names.items())), tuple(sorted(self.dropped)))
        key = (str(self.path), self._revision(), self.key, every, merge)
        found = _TOTALS.get(key)
        if found is None:
            found = self._merged_totals(None, every)
            _TOTALS.put(key, found)
        return found

    def _merged_totals(
        self, period: str | None, flt: ArticleFilter
    ) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(cells: actor, group, period, articles and the summed counts; kinds: actor, type,
        group, articles) from the count rows under ``flt``, names merged."""
        keys = {"name_id": "c.name_id", "type": "c.type", "group": self._group_sql(),
                "period": PERIODS[period] if period else "NULL"}  # fmt: skip
        raw = self._summed(keys, {c: f"SUM(c.{c})" for c in ACTOR_COLUMNS}, flt)
        names = self._names_of(raw["name_id"])
        raw["name"] = raw["name_id"].map(names)
        if self.dropped:
            raw = raw[~raw["name"].isin(self.dropped)].copy()
        raw["actor"] = raw["name"].map(lambda n: self.names.get(n, n))
        return self._merge_rows(raw, period, flt)

    def actor_tones(self) -> pd.DataFrame:
        """Per (actor, group): mentions by tone (``tone_negative`` …), names merged.

        Rows of analyses made before tone (NULL tone columns) add nothing.
        """
        tone_cols = [f"tone_{t}" for t in TONES]
        raw = self._summed(
            {"name_id": "c.name_id", "group": self._group_sql()},
            {f"tone_{t}": f"SUM(COALESCE(c.tone_{t}, 0))" for t in TONES},
            self.filter,
            "c.tone_neutral IS NOT NULL",
        )
        if raw.empty:
            return pd.DataFrame(columns=["actor", "group", *tone_cols])
        names = self._names_of(raw["name_id"])
        raw["actor"] = raw["name_id"].map(names).map(lambda n: self.names.get(n, n))
        tones = raw.groupby(["actor", "group"], sort=False)[tone_cols].sum().reset_index()
        # A cell whose scored articles were all left out (the subtraction) has only zeros:
        # no row, as when it is read directly.
        return tones[tones[tone_cols].sum(axis=1) > 0].reset_index(drop=True)

    def _summed(
        self, keys: Mapping[str, str], sums: Mapping[str, str], flt: ArticleFilter, cond: str = ""
    ) -> pd.DataFrame:
        """Count rows under ``flt`` (and the SQL condition ``cond``) summed per ``keys``:
        columns ``keys`` (name → SQL over ``c``), ``articles``, then ``sums`` (name → SQL).

        Whole-article conditions (outlet, dates, constructed) add up the per-day cells; a
        keyword, id list or actor condition reads the count rows of the articles it keeps, or,
        when it leaves out fewer than it keeps, the cells minus the rows of those left out
        (every count, ``articles`` among them, adds up over articles).
        """
        if self._cells(flt):
            return self._cell_sums(keys, sums, flt, cond)
        whole = self._whole(flt)
        left = self._left_out_if_fewer(flt) if self._cells(whole) else None
        if left is None:
            return self._summed_from("actor_counts", keys, sums, flt, cond)
        every = self._cell_sums(keys, sums, whole, cond)
        if not left:
            return every
        out = self._summed_from("actor_counts", keys, sums, replace(whole, ids=tuple(left)), cond)
        return sums_without(every, out, list(keys))

    def _cell_sums(
        self, keys: Mapping[str, str], sums: Mapping[str, str], flt: ArticleFilter, cond: str
    ) -> pd.DataFrame:
        """:meth:`_summed` from the per-day cells, kept (:data:`_CELL_SUMS`) when small: the
        same sums answer every keyword or actor filter kept by most articles."""
        key = (str(self.path), self._revision(), self.key, flt,
               tuple(keys.items()), tuple(sums.items()), cond)  # fmt: skip
        found = _CELL_SUMS.get(key)
        if found is None:
            found = self._summed_from("actor_days", keys, sums, flt, cond)
            if len(found) <= CELL_ROWS_KEPT:
                _CELL_SUMS.put(key, found)
        return found.copy()

    def _summed_from(
        self, table: str, keys: Mapping[str, str], sums: Mapping[str, str],
        flt: ArticleFilter, cond: str,
    ) -> pd.DataFrame:  # fmt: skip
        """:meth:`_summed` read from one table: ``actor_days`` (the cells) or ``actor_counts``
        (driven by the article id list of ``flt``, see :meth:`_from`)."""
        cells = table == "actor_days"
        source, params = ("actor_days c", list[Any]()) if cells else self._from(table, flt)
        where, more = self._where(flt, driven=True)
        articles = "SUM(c.articles)" if cells else "COUNT(*)"
        named = ", ".join(f"k{i}" for i in range(len(keys)))
        sql = (
            f"SELECT {', '.join(f'{v} AS k{i}' for i, v in enumerate(keys.values()))}, "
            f"{', '.join([articles, *sums.values()])} FROM {source} "
            f"WHERE {where}{f' AND {cond}' if cond else ''} GROUP BY {named}"
        )
        rows = self._con.execute(sql, params + more).fetchall()
        return pd.DataFrame(rows, columns=[*keys, "articles", *sums])

    def _merge_rows(
        self, raw: pd.DataFrame, period: str | None, flt: ArticleFilter
    ) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Add up rows of one actor (merged names, several types); articles counted once.

        Returns (cells per actor, group and period; articles per actor, type and group, from
        which the actor's main type in any set of groups is read)."""
        keys = ["actor", "group", "period"]
        agg = raw.groupby(keys, sort=False, dropna=False)[["articles", *ACTOR_COLUMNS]].sum()
        agg = agg.reset_index()
        kinds = raw.groupby(["actor", "type", "group"], sort=False)["articles"].sum()
        kinds = kinds.reset_index()
        parts = raw.groupby(["actor"], sort=False)[["name_id", "type"]].nunique()
        split = parts[(parts["name_id"] > 1) | (parts["type"] > 1)].index.tolist()
        if split:  # an article can hold two of the merged names: count it once
            exact, exact_kinds = self._distinct_articles(raw[raw["actor"].isin(split)], period, flt)
            # Undated articles have no period: one key value for both sides of the merge.
            for frame in (agg, exact):
                frame["period"] = frame["period"].astype(object).where(frame["period"].notna(), "")
            agg = agg.merge(exact, on=keys, how="left")
            agg["period"] = agg["period"].replace("", None)
            agg["articles"] = agg["exact"].fillna(agg["articles"]).astype("int64")
            agg = agg.drop(columns="exact")
            kinds = pd.concat([kinds[~kinds["actor"].isin(split)], exact_kinds], ignore_index=True)
        return agg, kinds

    def _distinct_articles(
        self, rows: pd.DataFrame, period: str | None, flt: ArticleFilter
    ) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Exact article counts of actors with several rows (merged names, several types):
        (actor, group, period, exact) and (actor, type, group, articles).

        The number of articles holding any of an actor's names adds up over articles too: a
        filter that leaves out fewer articles than it keeps gets those of every article
        (kept, :data:`_DISTINCT`) minus those of the articles left out."""
        whole = self._whole(flt)
        if not self._cells(whole):
            return self._read_distinct(rows, period, flt)
        actors = sorted(set(rows["actor"]))
        if flt == whole:  # (kept: the base of a keyword or actor typed next)
            return self._every_distinct(actors, period, whole)
        left = self._left_out_if_fewer(flt)
        if left is None:
            return self._read_distinct(rows, period, flt)
        every = self._every_distinct(actors, period, whole)
        if not left:
            return every
        # Every stored name of the actors, as in the base (a name absent from the articles
        # kept may be in those left out).
        out = replace(whole, ids=tuple(left))
        exact, per_type = self._read_distinct(self._name_rows(actors), period, out)
        keys = ["actor", "group", "period"]
        kept = sums_without(
            every[0].rename(columns={"exact": "articles"}),
            exact.rename(columns={"exact": "articles"}),
            keys,
        ).rename(columns={"articles": "exact"})
        return kept, sums_without(every[1], per_type, ["actor", "type", "group"])

    def _every_distinct(
        self, actors: Sequence[str], period: str | None, whole: ArticleFilter
    ) -> tuple[pd.DataFrame, pd.DataFrame]:
        """:meth:`_read_distinct` of ``actors`` (every stored name of each) under the
        whole-article filter ``whole``, kept per actor (:data:`_DISTINCT`), library revision
        and names; copies (the caller rewrites the periods)."""
        base = (str(self.path), self._revision(), self.key, whole, period, self.by)
        keys = {a: (*base, a, tuple(self._raw_names(a))) for a in actors}
        found = {a: part for a, k in keys.items() if (part := _DISTINCT.get(k)) is not None}
        missing = [a for a in actors if a not in found]
        if missing:
            exact, per_type = self._read_distinct(self._name_rows(missing), period, whole)
            for a in missing:
                found[a] = (exact[exact["actor"] == a], per_type[per_type["actor"] == a])
                _DISTINCT.put(keys[a], found[a])
        return (
            pd.concat([found[a][0] for a in actors], ignore_index=True),
            pd.concat([found[a][1] for a in actors], ignore_index=True),
        )

    def _name_rows(self, actors: Sequence[str]) -> pd.DataFrame:
        """name_id, actor: every stored name counted as one of ``actors`` (as the totals map
        names: through ``names``)."""
        wanted = set(actors)
        candidates = {raw for a in actors for raw in self._raw_names(a)}
        names = {n: a for n in candidates if (a := self.names.get(n, n)) in wanted}
        sql = f"SELECT id, name FROM actor_names WHERE name IN ({','.join('?' * len(names))})"
        rows = self._tuples(sql, list(names))
        return pd.DataFrame([(i, names[n]) for i, n in rows], columns=["name_id", "actor"])

    def _read_distinct(
        self, rows: pd.DataFrame, period: str | None, flt: ArticleFilter
    ) -> tuple[pd.DataFrame, pd.DataFrame]:
        """:meth:`_distinct_articles`, read from the count rows under ``flt``."""
        rows_of, params = self._actor_rows_of(flt)
        ids = sorted(set(rows["name_id"].tolist()))
        per = f", {PERIODS[period]}" if period else ", NULL"
        sql = (
            f"SELECT c.name_id, c.type, c.article_id, {self._group_sql()} AS grp{per} AS period "
            f"FROM {rows_of} AND c.name_id IN ({','.join('?' * len(ids))})"
        )
        frame = pd.DataFrame(
            self._con.execute(sql, [*params, *ids]).fetchall(),
            columns=["name_id", "type", "article_id", "group", "period"],
        )
        actor_of = dict(zip(rows["name_id"], rows["actor"], strict=False))
        frame["actor"] = frame["name_id"].map(actor_of)
        exact = frame.groupby(["actor", "group", "period"], dropna=False)["article_id"].nunique()
        per_type = frame.groupby(["actor", "type", "group"])["article_id"].nunique()
        return exact.rename("exact").reset_index(), per_type.rename("articles").reset_index()

    def _actor_rows_of(self, flt: ArticleFilter) -> tuple[str, list[Any]]:
        """(``actor_counts c … WHERE …``, parameters) of the count rows under ``flt``, to be
        narrowed to some actors: a short list of articles drives the read (through the
        article-ordered index), otherwise the actor-ordered rows do."""
        if self._has_ids(flt) and self._id_total(flt) <= SHORT_LIST:
            source, params = self._from("actor_counts", flt)
            where, more = self._where(flt, driven=True)
        else:
            source, params = "actor_counts c", []
            where, more = self._where(flt)
        return f"{source} WHERE {where}", params + more

    def actor_articles(
        self, actor: str, group: str | None = None, limit: int | None = None
    ) -> pd.DataFrame:
        """One row per article mentioning ``actor`` (merged names added up within an article).

        Args:
            actor: the actor (a name after merging).
            group: only the articles of this group, when given.
            limit: only the first articles (by id), when given.

        Returns:
            article_id, group, date, words and :data:`analysis.library.aggregates.ACTOR_COLUMNS`
            — the unit a test of differences resamples (attributions within one article are
            not independent).
        """
        where, params = self._where()
        raw = self._raw_names(actor)
        if group is not None:
            where += f" AND {self._group_sql()} = ?"
            params.append(group)
        sums = ", ".join(f"SUM(c.{c})" for c in ACTOR_COLUMNS)
        sql = (
            f"SELECT c.article_id, {self._group_sql()} AS grp, NULLIF(c.date, ''), c.words, {sums} "
            f"FROM actor_counts c JOIN actor_names n ON n.id = c.name_id WHERE {where} "
            f"AND n.name IN ({','.join('?' * len(raw))}) GROUP BY c.article_id "
            f"ORDER BY c.article_id{' LIMIT ?' if limit is not None else ''}"
        )
        more = [int(limit)] if limit is not None else []
        return pd.DataFrame(
            self._con.execute(sql, [*params, *raw, *more]).fetchall(),
            columns=["article_id", "group", "date", "words", *ACTOR_COLUMNS],
        )

    def actor_units(self, actors: Sequence[str], max_units: int) -> pd.DataFrame:
        """The resampling units of a test of differences, for several actors in one pass.

        Per (actor, group): the articles where the actor has attributions (merged names added
        up within an article); a group of at most ``max_units`` such articles gives one unit
        per article, a larger one ``max_units`` hashed blocks of them (block sums of clusters
        are clusters: the cluster-robust variance is unchanged, the rows a thousandth).

        Grouped by outlet, an outlet's units do not depend on which other outlets are
        compared: they are computed for every outlet once per library revision and filter
        (the outlet list aside) and kept (:data:`_UNITS`), so adding or removing an outlet
        reads no count row again.

        Returns:
            actor, group, unit, articles (in the unit), distancing, attributions.
        """
        if self.by != "outlet":
            return self._actor_units(actors, max_units, self.filter)
        frame = self._kept_units(actors, max_units, replace(self.filter, outlets=None))
        if frame.empty:
            return pd.DataFrame(columns=UNIT_COLUMNS)
        if self.filter.outlets is not None:
            groups = {o or NO_OUTLET for o in self.filter.outlets}
            frame = frame[frame["group"].isin(groups)]
        return frame.reset_index(drop=True)

    def units_kept(self, actors: Sequence[str], max_units: int) -> bool:
        """True when :meth:`actor_units` of ``actors`` reads no count row (all kept already)."""
        if self.by != "outlet":
            return False
        every = replace(self.filter, outlets=None)
        return all(k in _UNITS for k in self._unit_keys(actors, max_units, every).values())

    def _unit_keys(
        self, actors: Sequence[str], max_units: int, flt: ArticleFilter
    ) -> dict[str, tuple[Any, ...]]:
        """actor → the :data:`_UNITS` key of its units under ``flt`` (every outlet)."""
        base = (str(self.path), self._revision(), self.key, flt, max_units,
                tuple(self._raw_names(flt.actor)) if flt.actor else ())  # fmt: skip
        return {a: (*base, a, tuple(self._raw_names(a))) for a in actors}

    def _kept_units(
        self, actors: Sequence[str], max_units: int, flt: ArticleFilter
    ) -> pd.DataFrame:
        """:meth:`actor_units` of every outlet under ``flt``, kept (:data:`_UNITS`)."""
        wanted = self._unit_keys(actors, max_units, flt)
        found = {a: part for a, k in wanted.items() if (part := _UNITS.get(k)) is not None}
        missing = [a for a in actors if a not in found]
        if missing:
            fresh = self._actor_units(missing, max_units, flt)
            for a, part in fresh.groupby("actor", sort=False):
                found[str(a)] = part
            for a in missing:
                _UNITS.put(wanted[a], found.setdefault(a, fresh.iloc[:0]))
        if not actors:
            return pd.DataFrame(columns=UNIT_COLUMNS)
        return pd.concat([found[a] for a in actors], ignore_index=True)

    def _actor_units(
        self, actors: Sequence[str], max_units: int, flt: ArticleFilter
    ) -> pd.DataFrame:
        """:meth:`actor_units` under ``flt``: read from the count rows, or, grouped by outlet
        when ``flt`` leaves out fewer articles than it keeps, the units of every article
        (kept) minus those of the articles left out (:func:`units_without`)."""
        left = self._left_out_if_fewer(flt) if self.by == "outlet" and self._has_ids(flt) else None
        if left is None:
            return self._read_units(actors, max_units, flt)
        whole = self._whole(flt)
        every = self._kept_units(actors, max_units, whole)
        if not left:
            return every
        out = self._read_units(actors, PER_ARTICLE, replace(whole, ids=tuple(left)))

        def read_again(pairs: set[tuple[str, str]]) -> pd.DataFrame:
            """Units of these (actor, group) pairs under ``flt``, read through their outlets."""
            outlets = tuple(sorted({"" if g == NO_OUTLET else g for _, g in pairs}))
            again = {actor for actor, _ in pairs}
            redo = [actor for actor in actors if actor in again]
            return self._read_units(redo, max_units, replace(flt, outlets=outlets))

        return units_without(every, out, max_units, actors, read_again)

    def _read_units(
        self, actors: Sequence[str], max_units: int, flt: ArticleFilter
    ) -> pd.DataFrame:
        """:meth:`actor_units` read from the count rows under ``flt``."""
        names = {raw: k for k, a in enumerate(actors) for raw in self._raw_names(a)}
        ids = dict(self._con.execute(
            f"SELECT name, id FROM actor_names WHERE name IN ({','.join('?' * len(names))})",
            list(names),
        ).fetchall()) if names else {}  # fmt: skip
        if not ids:
            return pd.DataFrame(columns=list(UNIT_COLUMNS))
        case = " ".join(f"WHEN {int(i)} THEN {names[n]}" for n, i in ids.items())
        rows_of, params = self._actor_rows_of(flt)
        att = " + ".join(f"c.{st}" for st in STANCES)
        per_article = (
            f"SELECT CASE c.name_id {case} END AS actor, {self._group_sql()} AS grp, "
            f"c.article_id AS art, 1, SUM(c.distancing) AS d, SUM({att}) AS n FROM {rows_of} "
            f"AND c.name_id IN ({','.join('?' * len(ids))}) "
            "GROUP BY actor, grp, art HAVING n > 0"
        )
        if max_units >= PER_ARTICLE:  # no group is pooled: the per-article sums are the units
            return self._per_article_units(case, rows_of, params, list(ids.values()), actors)
        # MATERIALIZED: the per-article sums are read twice (group sizes, units); computing
        # them once halves the time.
        sql = (
            f"WITH a AS MATERIALIZED ({per_article}), "
            "g AS (SELECT actor, grp, COUNT(*) AS k FROM a GROUP BY actor, grp) "
            f"SELECT a.actor, a.grp, CASE WHEN g.k <= ? THEN a.art ELSE {block_sql('a.art')} "
            "END AS unit, COUNT(*), SUM(a.d), SUM(a.n) FROM a "
            "JOIN g ON g.actor = a.actor AND g.grp = a.grp GROUP BY a.actor, a.grp, unit"
        )
        rows = self._con.execute(sql, [*params, *ids.values(), max_units, max_units]).fetchall()
        return self._units_frame(rows, actors)

    def _per_article_units(
        self, case: str, rows_of: str, params: list[Any], ids: list[int], actors: Sequence[str]
    ) -> pd.DataFrame:
        """:meth:`_read_units` with one unit per article: the count rows with attributions
        read as they are and added up per (actor, group, article) here (the names merged
        into one actor), which takes half the time of SQLite's sorted grouping."""
        att = " + ".join(f"c.{st}" for st in STANCES)
        sql = (
            f"SELECT CASE c.name_id {case} END, {self._group_sql()}, c.article_id, "
            f"c.distancing, {att} FROM {rows_of} AND c.name_id IN ({','.join('?' * len(ids))}) "
            f"AND {att} > 0"  # (a row without attributions adds nothing: distancing is one)
        )
        keys, sums = list(UNIT_COLUMNS[:3]), ["distancing", "attributions"]
        frame = pd.DataFrame(self._tuples(sql, [*params, *ids]), columns=[*keys, *sums])
        frame = frame.groupby(keys, sort=False, as_index=False)[sums].sum()
        frame.insert(3, "articles", 1)
        frame["actor"] = frame["actor"].map(dict(enumerate(actors)))
        return frame

    @staticmethod
    def _units_frame(rows: list[Any], actors: Sequence[str]) -> pd.DataFrame:
        """:data:`UNIT_COLUMNS` from rows whose actor is its index in ``actors``."""
        frame = pd.DataFrame(rows, columns=list(UNIT_COLUMNS))
        frame["actor"] = frame["actor"].map(dict(enumerate(actors)))
        return frame

    # ---- what a view shows -------------------------------------------------------------------
    def marked_articles(self, actor: str, per_group: int | None = None) -> pd.DataFrame:
        """(group, article_id) of the articles where ``actor`` has a marker, by id; the first
        ``per_group`` of each group only, when given."""
        where, params = self._where()
        raw = self._raw_names(actor)
        sql = (
            f"SELECT DISTINCT {self._group_sql()} AS grp, c.article_id FROM actor_counts c "
            f"JOIN actor_names n ON n.id = c.name_id WHERE {where} "
            f"AND n.name IN ({','.join('?' * len(raw))}) AND ({_MARKED}) > 0"
        )
        params += raw
        if per_group is not None:
            sql = (
                "SELECT grp, article_id FROM (SELECT grp, article_id, ROW_NUMBER() OVER "
                f"(PARTITION BY grp ORDER BY article_id) AS k FROM ({sql})) WHERE k <= ?"
            )
            params.append(per_group)
        frame = pd.DataFrame(
            self._con.execute(sql + " ORDER BY article_id", params).fetchall(),
            columns=["group", "article_id"],
        )
        return frame

    def summary(self, article_id: int) -> dict[str, Any]:
        """The stored analysis summary of one article (actors, markers, sentences)."""
        row = self._con.execute(
            "SELECT n.data FROM articles a JOIN analyses n ON n.sha256 = a.sha256 "
            "AND n.analysis_key = ? WHERE a.id = ?",
            (self.key, article_id),
        ).fetchone()
        return json.loads(row[0]) if row else {}

    def titles(self, ids: Iterable[int]) -> dict[int, str | None]:
        """article id → title for ``ids``."""
        out: dict[int, str | None] = {}
        id_list = sorted({int(i) for i in ids})
        for i in range(0, len(id_list), 500):
            part = id_list[i : i + 500]
            marks = ",".join("?" * len(part))
            sql = f"SELECT id, title FROM articles WHERE id IN ({marks})"
            out.update(self._con.execute(sql, part))
        return out

    def analyses(self, ids: Sequence[int]) -> list[tuple[str | None, ArticleAnalysis]]:
        """(title, full stored analysis) of these articles under the key, in id order."""
        library = self._local_library()
        return [(a.title, result) for a, result in library.analyses(ids, self.key)]

    def text(self, article_id: int) -> str:
        """The text of one article ("" if it is gone)."""
        row = self._con.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        return str(row[0]) if row else ""

    def sample_texts(self, per_group: int, seed: int = 0) -> pd.DataFrame:
        """group, article_id, text of at most ``per_group`` random articles of each group.

        The draw is seeded, so the same selection gives the same sample.
        """
        frame = self.articles()[["article_id", "group"]]
        rng = random.Random(seed)
        picked: list[int] = []
        for _, ids in frame.groupby("group", sort=True)["article_id"]:
            values = ids.tolist()
            picked += values if len(values) <= per_group else sorted(rng.sample(values, per_group))
        texts = dict(self._texts(picked))
        out = frame[frame["article_id"].isin(picked)].copy()
        out["text"] = out["article_id"].map(texts)
        return out.reset_index(drop=True)

    def _texts(self, ids: Sequence[int]) -> Iterable[tuple[int, str]]:
        for i in range(0, len(ids), 500):
            part = list(ids[i : i + 500])
            marks = ",".join("?" * len(part))
            yield from self._con.execute(
                f"SELECT id, text FROM articles WHERE id IN ({marks})", part
            )

    def _missing(self, columns: str) -> tuple[str, list[Any]]:
        """SQL over the articles passing the filter (actor aside) with no analysis under key."""
        flt = self.filter
        # Stored analyses and their count rows are written in one transaction: an article
        # without count rows under the key has no analysis under it. The articles_filter index
        # covers the outlet, date and constructed conditions (no text pages are read).
        sql = (
            f"SELECT {columns} FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_counts c "
            "WHERE c.analysis_key = ? AND c.article_id = a.id)"
        )
        params: list[Any] = [self.key]
        if flt.outlets is not None:
            named = [o for o in flt.outlets if o]
            parts = [f"a.outlet IN ({','.join('?' * len(named))})"] if named else []
            params += named
            if len(named) < len(flt.outlets):
                parts.append("a.outlet IS NULL")
            sql += " AND (" + (" OR ".join(parts) or "0") + ")"
        for cond, value in (("a.date >= ?", flt.date_from), ("a.date <= ?", flt.date_to)):
            if value:
                sql += f" AND {cond}"
                params.append(value)
        if flt.exclude_constructed:
            sql += " AND a.constructed = 0"
        if flt.keyword and flt.keyword.split():
            sql += " AND a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
            params.append(fts_query(flt.keyword))
        if flt.ids is not None:
            ids = [int(i) for i in flt.ids]
            sql += f" AND a.id IN ({','.join('?' * len(ids))})" if ids else " AND 0"
            params += ids
        return sql, params

    def missing_count(self) -> int:
        """Articles passing the filter (actor aside) with no analysis under the key yet; they
        take no part until analysed."""
        return int(self._con.execute(*self._missing("count(*)")).fetchone()[0])

    def missing_ids(self) -> list[int]:
        """Ids of the articles counted by :meth:`missing_count`, in id order."""
        sql, params = self._missing("a.id")
        return [r[0] for r in self._con.execute(sql + " ORDER BY a.id", params)]


def _main_types(raw: pd.DataFrame) -> dict[str, str]:
    """Each actor's most frequent type by articles (ties: ACTOR_TYPES order, then name)."""
    order = {t: i for i, t in enumerate(ACTOR_TYPES)}
    counts = raw.groupby(["actor", "type"], sort=False)["articles"].sum().reset_index()
    counts["rank"] = counts["type"].map(lambda t: order.get(t, len(order)))
    counts = counts.sort_values(
        ["actor", "articles", "rank", "type"], ascending=[True, False, True, True]
    )
    return dict(counts.drop_duplicates("actor")[["actor", "type"]].itertuples(index=False))


@dataclass(frozen=True)
class LibrarySpan:
    """What the Compare page's filters offer: the dated range and whether real articles exist."""

    first_date: str | None
    last_date: str | None
    real_articles: int
    constructed: int


def library_span(library: Library) -> LibrarySpan:
    """The first and last article date, and the numbers of real and constructed articles
    (read from the outlet/date/constructed index, not the article rows)."""
    row = library.connection.execute(
        "SELECT MIN(NULLIF(date, '')), MAX(NULLIF(date, '')), "
        "COALESCE(SUM(constructed = 0), 0), COALESCE(SUM(constructed = 1), 0) FROM articles"
    ).fetchone()
    return LibrarySpan(row[0], row[1], int(row[2]), int(row[3]))
