"""The stored articles passing a filter, as the Library page lists them: counted, paged, deleted.

Everything is one SQL query over the article table's indexes (outlet, date, constructed) and the
full-text index (keywords), so that counting, showing one page of rows and deleting every
matching article stay fast with tens of thousands of articles: no text is read, and only one
page of rows leaves the database. Unlike :class:`~analysis.library.query.Selection`, articles
without an analysis are listed too (the page shows the whole library).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pandas as pd

from analysis.library.query import ArticleFilter, Selection, fts_query
from analysis.library.store import Library

LISTING_COLUMNS = ("id", "title", "outlet", "date", "url", "constructed", "added")
DELETE_BATCH = 5_000


@dataclass(frozen=True)
class Listing:
    """The articles of ``library`` passing ``filter``.

    Args:
        library: the open library.
        filter: which articles; ``keyword`` matches words (or word beginnings) of the title or
            the text through the full-text index, or a part of the outlet's name; ``actor``
            keeps the articles whose current analysis mentions that actor (read as the
            Compare page reads it: :meth:`Selection.actor_articles`, so not-yet-analysed
            articles drop out while it is set).
        names, dropped: the actor name merge the actor condition uses (stored name → the
            name it counts under, and names that are not actors), as in :class:`Selection`.
    """

    library: Library
    filter: ArticleFilter = field(default_factory=ArticleFilter)
    names: Mapping[str, str] = field(default_factory=dict)
    dropped: frozenset[str] = frozenset()

    def _where(self) -> tuple[str, list[Any]]:
        """(WHERE clause, parameters) of the filter over the ``articles`` table."""
        flt = self.filter
        where: list[str] = []
        params: list[Any] = []
        if flt.keyword and flt.keyword.split():
            escaped = flt.keyword.strip().replace("\\", "\\\\").replace("%", "\\%")
            where.append(
                "(id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) "
                "OR outlet LIKE ? ESCAPE '\\')"
            )
            params += [fts_query(flt.keyword), "%" + escaped.replace("_", "\\_") + "%"]
        if flt.outlets is not None:
            named = [o for o in flt.outlets if o]
            parts = [f"outlet IN ({','.join('?' * len(named))})"] if named else []
            params += named
            if len(named) < len(flt.outlets):
                parts.append("outlet IS NULL")
            where.append("(" + " OR ".join(parts) + ")" if parts else "0")
        if flt.date_from:
            where.append("date >= ?")
            params.append(flt.date_from)
        if flt.date_to:
            where.append("date <= ?")
            params.append(flt.date_to)
        if flt.exclude_constructed:
            where.append("constructed = 0")
        if flt.ids is not None:
            where.append("id IN (SELECT value FROM json_each(?))")
            params.append("[" + ",".join(str(int(i)) for i in flt.ids) + "]")
        if flt.actor:
            where.append("id IN (SELECT value FROM json_each(?))")
            params.append(self._actor_ids)
        return (" WHERE " + " AND ".join(where)) if where else "", params

    @cached_property
    def _actor_ids(self) -> str:
        """Ids (a JSON array) of the articles mentioning the filter's actor (merged names
        included); found once per listing, which counts, pages and deletes with them."""
        selection = Selection(self.library, ArticleFilter(), names=self.names,
                              dropped=self.dropped)  # fmt: skip
        try:
            found = selection.actor_articles(str(self.filter.actor))["article_id"]
            return json.dumps([int(i) for i in found])
        finally:
            selection.close()

    def count(self) -> int:
        """How many articles pass the filter."""
        where, params = self._where()
        con = self.library.connection
        return int(con.execute(f"SELECT count(*) FROM articles{where}", params).fetchone()[0])

    def page(self, number: int, size: int) -> pd.DataFrame:
        """Rows ``number`` (from 0) of ``size`` articles, oldest first: :data:`LISTING_COLUMNS`."""
        where, params = self._where()
        sql = (
            f"SELECT {', '.join(LISTING_COLUMNS)} FROM articles{where} ORDER BY id LIMIT ? OFFSET ?"
        )
        rows = self.library.connection.execute(sql, [*params, size, max(0, number) * size])
        frame = pd.DataFrame(rows.fetchall(), columns=list(LISTING_COLUMNS))
        frame["constructed"] = frame["constructed"].astype(bool)
        return frame

    def ids(self) -> list[int]:
        """The ids of every article passing the filter (ids only: small even for many)."""
        where, params = self._where()
        con = self.library.connection
        return [
            int(r[0]) for r in con.execute(f"SELECT id FROM articles{where} ORDER BY id", params)
        ]

    def delete_all(self) -> int:
        """Delete every article passing the filter, with its analyses; returns how many.

        In batches of :data:`DELETE_BATCH` ids (one transaction each), within SQLite's limit of
        parameters per statement."""
        ids = self.ids()
        return sum(
            self.library.delete(ids[i : i + DELETE_BATCH]) for i in range(0, len(ids), DELETE_BATCH)
        )
