"""The count tables: each stored analysis's numbers per article and per (article, actor).

When an analysis is stored, its counts go into ``article_counts`` (words, markers of each kind,
attribution stances) and ``actor_counts`` (per actor: mentions, quotes, scare quotes, doubt,
loaded words, attribution stances), next to the article's outlet, date and ``constructed`` flag
(copied, and kept in step by triggers, see :mod:`analysis.library.schema`). Compare, the
timeline and the tests of differences then aggregate in SQL (:mod:`analysis.library.query`)
instead of reading every analysis.

Actor names are stored as written in each article. Merging a short name with the full name
("Putin" → "Vladimir Putin") depends on which articles are compared, so it happens at query
time (see :meth:`analysis.library.query.Selection.actor_totals`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from analysis.records import MARKER_KINDS, STANCES, TONES

ARTICLE_COLUMNS: tuple[str, ...] = ("words", *MARKER_KINDS, *(f"stance_{s}" for s in STANCES))
"""The numbers of one ``article_counts`` row, in order."""

ACTOR_COLUMNS: tuple[str, ...] = ("mentions", "quotes", "scare_quotes", "doubt", "loaded", *STANCES)
"""The numbers of one ``actor_counts`` row, in order."""

TONE_COLUMNS: tuple[str, ...] = tuple(f"tone_{t}" for t in TONES)
"""The tone counts of an ``actor_counts`` / ``article_counts`` row: mentions the tone model
reads as negative / neutral / positive; NULL for analyses made before tone (schema 1 and 2)."""

ActorRow = tuple[str, str, tuple[int, ...]]
"""(name, type, numbers following :data:`ACTOR_COLUMNS`) of one actor of one article."""

ToneRow = tuple[int, int, int] | None
"""The three tone counts of one actor or article, None when the analysis has no tone."""

_LOOKUP = 500  # SQLite's default limit on host parameters is far above; this keeps queries short


@dataclass(frozen=True, slots=True)
class CountRows:
    """The count-table rows of one analysis: the article's numbers, and one entry per actor.

    ``article`` follows :data:`ARTICLE_COLUMNS`; each actor is (name, type, numbers following
    :data:`ACTOR_COLUMNS`).
    """

    article: tuple[int, ...]
    actors: tuple[ActorRow, ...]
    article_tones: ToneRow = None
    actor_tones: tuple[ToneRow, ...] = ()
    """One entry per actor, in the order of ``actors`` (empty: no tone at all)."""

    def tones_of(self, i: int) -> tuple[int | None, ...]:
        """The tone columns of actor ``i`` (NULLs when unscored)."""
        tones = self.actor_tones[i] if i < len(self.actor_tones) else None
        return tones if tones is not None else (None,) * len(TONES)

    @classmethod
    def of_summary(cls, summary: Mapping[str, Any]) -> CountRows:
        """The rows of an analysis summary (``ArticleAnalysis.to_dict()`` shape)."""
        markers = summary.get("markers", ())
        kinds = dict.fromkeys(MARKER_KINDS, 0)
        stances = dict.fromkeys(STANCES, 0)
        for m in markers:
            if m.get("kind") in kinds:
                kinds[m["kind"]] += 1
            if m.get("kind") == "attribution" and m.get("category") in stances:
                stances[m["category"]] += 1
        article = (int(summary.get("words", 0)), *kinds.values(), *stances.values())
        actors = summary.get("actors", ())
        rows = _actor_rows(actors)
        tones = _actor_tones(actors, [(name, kind) for name, kind, _ in rows])
        known = [t for t in tones if t is not None]
        total = tuple(sum(t[i] for t in known) for i in range(len(TONES))) if known else None
        return cls(article, rows, total, tones)  # type: ignore[arg-type]


def _actor_tones(
    actors: Iterable[Mapping[str, Any]], keys: Sequence[tuple[str, str]]
) -> tuple[ToneRow, ...]:
    """Tone counts per (name, type) row (added up like :func:`_actor_rows`), None without tone."""
    merged: dict[tuple[str, str], list[int]] = {}
    for a in actors:
        counts = a.get("tone_counts")
        if not isinstance(counts, Mapping) or not counts:
            continue
        key = (str(a["name"]), str(a.get("type", "")))
        numbers = [int(counts.get(t, 0)) for t in TONES]
        old = merged.get(key)
        merged[key] = [x + y for x, y in zip(old, numbers, strict=True)] if old else numbers
    out: list[ToneRow] = []
    for key in keys:
        t = merged.get(key)
        out.append((t[0], t[1], t[2]) if t else None)
    return tuple(out)


def _actor_rows(actors: Iterable[Mapping[str, Any]]) -> tuple[ActorRow, ...]:
    """One row per (name, type); two actors of one article with the same name are added up."""
    merged: dict[tuple[str, str], list[int]] = {}
    for a in actors:
        stance_counts = a.get("stance_counts", {})
        numbers = [int(a.get(c, 0)) for c in ACTOR_COLUMNS[:5]]
        numbers += [int(stance_counts.get(s, 0)) for s in STANCES]
        key = (str(a["name"]), str(a.get("type", "")))
        if key in merged:
            merged[key] = [x + y for x, y in zip(merged[key], numbers, strict=True)]
        else:
            merged[key] = numbers
    return tuple((name, kind, tuple(n)) for (name, kind), n in merged.items())


def name_ids(con: sqlite3.Connection, names: Iterable[str], cache: dict[str, int]) -> None:
    """Make sure every name has an id in ``actor_names``; ``cache`` gets name → id."""
    new = sorted({n for n in names if n not in cache})
    if not new:
        return
    con.executemany("INSERT OR IGNORE INTO actor_names (name) VALUES (?)", [(n,) for n in new])
    for i in range(0, len(new), _LOOKUP):
        part = new[i : i + _LOOKUP]
        marks = ",".join("?" * len(part))
        for name_id, name in con.execute(
            f"SELECT id, name FROM actor_names WHERE name IN ({marks})", part
        ):
            cache[name] = name_id


def _articles_by_hash(con: sqlite3.Connection, shas: Sequence[str]) -> dict[str, tuple]:
    """sha256 → (id, outlet or '', date, constructed) of the stored articles among ``shas``."""
    out: dict[str, tuple] = {}
    for i in range(0, len(shas), _LOOKUP):
        part = list(shas[i : i + _LOOKUP])
        marks = ",".join("?" * len(part))
        for sha, *rest in con.execute(
            "SELECT sha256, id, COALESCE(outlet, ''), date, constructed FROM articles "
            f"WHERE sha256 IN ({marks})",
            part,
        ):
            out[sha] = tuple(rest)
    return out


def write_counts(
    con: sqlite3.Connection,
    items: Sequence[tuple[str, str, CountRows | str]],
    cache: dict[str, int] | None = None,
) -> None:
    """Replace the count rows of analyses (inside the caller's write transaction).

    Args:
        con: the open library connection, in a write transaction.
        items: (sha256, analysis key, :class:`CountRows` or the summary JSON) per analysis;
            an analysis of a text that is not stored as an article is skipped.
        cache: name → id of ``actor_names`` to reuse between calls (filled as names are added).
    """
    cache = {} if cache is None else cache
    rows = [(sha, key, c if isinstance(c, CountRows) else CountRows.of_summary(json.loads(c)))
            for sha, key, c in items]  # fmt: skip
    articles = _articles_by_hash(con, [sha for sha, _, _ in rows])
    name_ids(con, (name for _, _, c in rows for name, _, _ in c.actors), cache)
    article_rows, actor_rows, stale = [], [], []
    for sha, key, counts in rows:
        if sha not in articles:
            continue
        article_id, outlet, date, constructed = articles[sha]
        meta = (article_id, key, outlet, date, constructed)
        stale.append((key, article_id))
        article_tones = counts.article_tones or (None,) * len(TONES)
        article_rows.append((*meta, *counts.article, *article_tones))
        words = counts.article[0]
        for i, (name, kind, numbers) in enumerate(counts.actors):
            actor_rows.append((*meta, cache[name], kind, words, *numbers, *counts.tones_of(i)))
    con.executemany("DELETE FROM actor_counts WHERE analysis_key = ? AND article_id = ?", stale)
    columns = ", ".join((*ARTICLE_COLUMNS, *TONE_COLUMNS))
    n = 5 + len(ARTICLE_COLUMNS) + len(TONE_COLUMNS)
    con.executemany(
        "INSERT OR REPLACE INTO article_counts (article_id, analysis_key, outlet, date, "
        f"constructed, {columns}) VALUES ({','.join('?' * n)})",
        article_rows,
    )
    columns = ", ".join((*ACTOR_COLUMNS, *TONE_COLUMNS))
    n = 8 + len(ACTOR_COLUMNS) + len(TONE_COLUMNS)
    con.executemany(
        "INSERT INTO actor_counts (article_id, analysis_key, outlet, date, constructed, name_id, "
        f"type, words, {columns}) VALUES ({','.join('?' * n)})",
        actor_rows,
    )
