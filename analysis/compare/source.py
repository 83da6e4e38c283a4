"""Where a comparison's numbers come from: the protocol, and the in-memory implementation.

A :class:`ComparisonSource` answers with DataFrames — one row per article, totals per (actor,
group), the articles where an actor is marked — and hands out the few summaries and texts a view
shows. :class:`MemorySource` computes them from analyses held in memory (the command line on
corpus files, tests); :class:`analysis.library.query.Selection` computes them in SQL from the
library's count tables, so a comparison of 100,000 stored articles reads no analysis it does not
show. Both follow the same rules (names merged by the caller's map, an actor's type its most
frequent one), and tests check that they agree.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol

import pandas as pd

from analysis.blocks import block_of
from analysis.compare.counts import ACTOR_COUNT_FIELDS, ArticleCounts
from analysis.records import ACTOR_TYPES, MARKER_KINDS, STANCES, ArticleAnalysis

ARTICLE_COLUMNS = (
    "article_id", "group", "words", *MARKER_KINDS, *(f"stance_{s}" for s in STANCES),
)  # fmt: skip
TOTAL_COLUMNS = ("actor", "type", "group", "articles", *ACTOR_COUNT_FIELDS, *STANCES)
TONE_TOTAL_COLUMNS = ("actor", "group", "tone_negative", "tone_neutral", "tone_positive")


class ComparisonSource(Protocol):
    """What :class:`analysis.compare.Comparison` reads (see the module docstring)."""

    @property
    def names(self) -> Mapping[str, str]:
        """Stored name → the name it counts under."""

    @property
    def dropped(self) -> frozenset[str]:
        """Stored names left out of every actor table (marked "not an actor")."""

    def with_names(self, names: Mapping[str, str], dropped: Iterable[str] = ()) -> ComparisonSource:
        """The same articles with stored names merged by ``names`` (stored → counted as) and
        the ``dropped`` names left out."""

    def name_counts(self) -> pd.DataFrame:
        """The corpus's stored actor names: ``name``, ``type``, ``articles`` (the whole corpus
        the articles belong to, whatever the filter, so an actor resolves the same way in
        every comparison of it)."""

    def alias_rules(self) -> Sequence[Any]:
        """The alias table's rows that correct the resolution (oldest first)."""

    def articles(self) -> pd.DataFrame:
        """One row per article with at least :data:`ARTICLE_COLUMNS`."""

    def group_totals(self) -> pd.DataFrame:
        """Per group: articles, words, markers of each kind and ``stance_*`` counts."""

    def rate_units(self, max_units: int) -> pd.DataFrame:
        """group, unit, words and markers of each kind per bootstrap unit: each article of a
        group of at most ``max_units`` articles, else ``max_units`` hashed blocks of them."""

    def person_names(self) -> list[str]:
        """The stored names of people, before any merge."""

    def actor_totals(self, period: str | None = None) -> pd.DataFrame:
        """Per (actor, group): :data:`TOTAL_COLUMNS`, names merged; with ``period`` (``day``,
        ``week``, ``month``, ``year``) per (actor, group, period) and a ``period`` column."""

    def actor_articles(
        self, actor: str, group: str | None = None, limit: int | None = None
    ) -> pd.DataFrame:
        """One row per article mentioning ``actor``: article_id, group, date, words and the
        actor's counts (:data:`TOTAL_COLUMNS` after ``articles``), merged names added up; of
        ``group`` only and the first ``limit`` (by article) when given."""

    def actor_units(self, actors: Sequence[str], max_units: int) -> pd.DataFrame:
        """actor, group, unit, articles, distancing, attributions: per (actor, group) one unit
        per article with attributions of the actor, or ``max_units`` hashed blocks of them
        when there are more (the units a test of differences resamples)."""

    def units_kept(self, actors: Sequence[str], max_units: int) -> bool:
        """True when :meth:`actor_units` of ``actors`` is answered without reading again."""

    def actor_tones(self) -> pd.DataFrame:
        """Per (actor, group): :data:`TONE_TOTAL_COLUMNS`, mentions by tone, names merged
        (analyses without tone add nothing)."""

    def marked_articles(self, actor: str, per_group: int | None = None) -> pd.DataFrame:
        """(group, article_id) of the articles where ``actor`` has a marker, in article order
        (the first ``per_group`` of each group, when given)."""

    def titles(self, ids: Iterable[int]) -> dict[int, str | None]:
        """article id → title."""

    def summary(self, article_id: int) -> Mapping[str, Any]:
        """The analysis summary of one article."""

    def text(self, article_id: int) -> str:
        """The text of one article."""

    def analyses(self, ids: Sequence[int]) -> list[tuple[str | None, ArticleAnalysis]]:
        """(title, full analysis) of these articles, where the source keeps full analyses."""

    def sample_texts(self, per_group: int, seed: int = 0) -> pd.DataFrame:
        """group, article_id, text of at most ``per_group`` articles of each group (seeded)."""


class Entry:
    """One article of an in-memory comparison: its group and its analysis summary.

    ``summary`` is :meth:`ArticleAnalysis.to_dict` output (``words``, ``actors``, ``markers``;
    ``sentences`` too for the evidence view); ``date`` an ISO date (``YYYY-MM-DD``) or None.
    ``text`` and ``summary`` may be given as
    functions of no argument: they are then read on first use only. ``counts`` are the
    article's :class:`ArticleCounts` when already known, so the tables need no summary.
    """

    __slots__ = ("_counts", "_summary", "_text", "article_id", "date", "group", "title")

    def __init__(
        self,
        group: str,
        text: str | Callable[[], str],
        summary: Mapping[str, Any] | Callable[[], Mapping[str, Any]],
        title: str | None = None,
        article_id: int | None = None,
        counts: ArticleCounts | None = None,
        date: str | None = None,
    ) -> None:
        self.group = group
        self.date = date or None
        self.title = title
        self.article_id = article_id
        self._text = text
        self._summary = summary
        self._counts = counts

    @property
    def text(self) -> str:
        """The article text (read now if it was given as a function)."""
        if callable(self._text):
            self._text = self._text()
        return self._text

    @property
    def summary(self) -> Mapping[str, Any]:
        """The analysis summary (read now if it was given as a function)."""
        if callable(self._summary):
            self._summary = self._summary()
        return self._summary

    @property
    def counts(self) -> ArticleCounts:
        """The article's counts (from the summary unless given)."""
        if self._counts is None:
            self._counts = ArticleCounts.of_summary(self.summary)
        return self._counts

    @classmethod
    def from_analysis(
        cls, group: str, analysis: ArticleAnalysis, article_id: int | None = None
    ) -> Entry:
        """An entry from a full analysis (the command-line path)."""
        d = analysis.to_dict(include_text=True)
        d.pop("text", None)
        return cls(group, analysis.text, d, analysis.title, article_id)


def period_of(dates: pd.Series, period: str) -> pd.Series:
    """ISO dates → their period label, as the library computes it (None for no date).

    ``day`` the date, ``week`` the Monday starting its week, ``month`` ``YYYY-MM``, ``year``
    ``YYYY`` (:data:`analysis.library.query.PERIODS`)."""
    parsed = pd.to_datetime(dates, errors="coerce", format="%Y-%m-%d")
    if period == "day":
        out = parsed.dt.strftime("%Y-%m-%d")
    elif period == "week":
        out = (parsed - pd.to_timedelta(parsed.dt.day_of_week, unit="D")).dt.strftime("%Y-%m-%d")
    elif period == "month":
        out = parsed.dt.strftime("%Y-%m")
    elif period == "year":
        out = parsed.dt.strftime("%Y")
    else:
        raise ValueError(f"unknown period {period!r}; choose day, week, month or year")
    return out.astype(object).where(parsed.notna(), None)


def main_types(rows: pd.DataFrame) -> dict[str, str]:
    """Each actor's most frequent type by articles (ties: ACTOR_TYPES order, then the name).

    Args:
        rows: ``actor``, ``type`` and ``articles`` columns.
    """
    order = {t: i for i, t in enumerate(ACTOR_TYPES)}
    counts = rows.groupby(["actor", "type"], sort=False)["articles"].sum().reset_index()
    counts["rank"] = counts["type"].map(lambda t: order.get(t, len(order)))
    counts = counts.sort_values(
        ["actor", "articles", "rank", "type"], ascending=[True, False, True, True]
    )
    return dict(counts.drop_duplicates("actor")[["actor", "type"]].itertuples(index=False))


class MemorySource:
    """A :class:`ComparisonSource` over entries in memory.

    Args:
        entries: the articles; an entry's ``article_id`` is its index unless it has one.
        names: stored name → the name it counts under.
        aliases: alias rows (:class:`analysis.library.aliases.Alias` or the same shape).
        dropped: stored names that are not actors.
    """

    def __init__(
        self,
        entries: Sequence[Entry],
        names: Mapping[str, str] | None = None,
        aliases: Sequence[Any] = (),
        dropped: Iterable[str] = (),
    ) -> None:
        self.entries = list(entries)
        self.names = dict(names or {})
        self.aliases = list(aliases)
        self.dropped = frozenset(dropped)
        ids = [e.article_id for e in self.entries]
        unique = None not in ids and len(set(ids)) == len(ids)
        self._ids = [int(i) for i in ids] if unique else list(range(len(self.entries)))  # type: ignore[arg-type]
        self._by_id = dict(zip(self._ids, self.entries, strict=True))

    def with_names(self, names: Mapping[str, str], dropped: Iterable[str] = ()) -> MemorySource:
        source = MemorySource([], names, self.aliases, dropped)
        source.entries, source._ids, source._by_id = self.entries, self._ids, self._by_id
        return source

    def name_counts(self) -> pd.DataFrame:
        rows = pd.DataFrame(
            [(a.name, a.type) for e in self.entries for a in e.counts.actors],
            columns=["name", "type"],
        )
        counts = rows.groupby(["name", "type"], sort=True).size()
        return counts.rename("articles").reset_index()

    def alias_rules(self) -> Sequence[Any]:
        return list(self.aliases)

    def articles(self) -> pd.DataFrame:
        rows = []
        for key, e in zip(self._ids, self.entries, strict=True):
            c = e.counts
            rows.append((key, e.group, c.words, *c.kinds.values(), *c.stances.values()))
        return pd.DataFrame(rows, columns=list(ARTICLE_COLUMNS))

    def group_totals(self) -> pd.DataFrame:
        frame = self.articles()
        cols = list(ARTICLE_COLUMNS[2:])
        totals = frame.groupby("group", sort=False)[cols].sum()
        totals.insert(0, "articles", frame.groupby("group", sort=False).size())
        return totals.reset_index()

    def rate_units(self, max_units: int) -> pd.DataFrame:
        frame = self.articles()
        sizes = frame.groupby("group")["article_id"].transform("size")
        hashed = block_of(frame["article_id"], max_units)
        frame["unit"] = frame["article_id"].where(sizes <= max_units, hashed)
        cols = ["words", *MARKER_KINDS]
        return frame.groupby(["group", "unit"], sort=False)[cols].sum().reset_index()

    def person_names(self) -> list[str]:
        names = {a.name for e in self.entries for a in e.counts.actors if a.type == "PERSON"}
        return sorted(names)

    def _actor_rows(self) -> pd.DataFrame:
        """One row per (article, stored name, type), with the merged name as ``actor``."""
        rows = [
            (key, e.group, e.date, e.counts.words, self.names.get(a.name, a.name), a.type,
             *(getattr(a, f) for f in ACTOR_COUNT_FIELDS), *a.stances.values())
            for key, e in zip(self._ids, self.entries, strict=True)
            for a in e.counts.actors
            if a.name not in self.dropped
        ]  # fmt: skip
        cols = ["article_id", "group", "date", "words", "actor", "type", *ACTOR_COUNT_FIELDS]
        return pd.DataFrame(rows, columns=[*cols, *STANCES])

    def actor_totals(self, period: str | None = None) -> pd.DataFrame:
        rows = self._actor_rows()
        out_cols = [*TOTAL_COLUMNS, *(["period"] if period else [])]
        if rows.empty:
            return pd.DataFrame(columns=out_cols)
        numbers = [*ACTOR_COUNT_FIELDS, *STANCES]
        keys = ["actor", "group"]
        if period:
            rows["period"] = period_of(rows["date"], period)
            keys.append("period")
        agg = rows.groupby(keys, sort=False, dropna=False)[numbers].sum()
        agg["articles"] = rows.groupby(keys, sort=False, dropna=False)["article_id"].nunique()
        agg = agg.reset_index()
        per_type = rows.groupby(["actor", "type"], sort=False)["article_id"].nunique()
        agg["type"] = agg["actor"].map(main_types(per_type.rename("articles").reset_index()))
        return agg[out_cols]

    def actor_articles(
        self, actor: str, group: str | None = None, limit: int | None = None
    ) -> pd.DataFrame:
        rows = self._actor_rows()
        numbers = [*ACTOR_COUNT_FIELDS, *STANCES]
        cols = ["article_id", "group", "date", "words", *numbers]
        if not rows.empty:
            rows = rows[rows["actor"] == actor]
            if group is not None:
                rows = rows[rows["group"] == group]
        if rows.empty:
            return pd.DataFrame(columns=cols)
        keys = ["article_id", "group", "date", "words"]
        agg = rows.groupby(keys, sort=True, dropna=False)[numbers].sum().reset_index()
        return agg[cols].head(limit) if limit is not None else agg[cols]

    def units_kept(self, actors: Sequence[str], max_units: int) -> bool:
        return False  # computed from the analyses in memory each time (small corpora)

    def actor_units(self, actors: Sequence[str], max_units: int) -> pd.DataFrame:
        cols = ["actor", "group", "unit", "articles", "distancing", "attributions"]
        rows = self._actor_rows()
        if rows.empty:
            return pd.DataFrame(columns=cols)
        rows = rows[rows["actor"].isin(list(actors))].copy()
        rows["attributions"] = rows[list(STANCES)].sum(axis=1)
        per = rows.groupby(["actor", "group", "article_id"], sort=True)[
            ["distancing", "attributions"]
        ].sum().reset_index()  # fmt: skip
        per = per[per["attributions"] > 0]
        size = per.groupby(["actor", "group"])["article_id"].transform("size")
        hashed = block_of(per["article_id"], max_units)
        per["unit"] = per["article_id"].where(size <= max_units, hashed)
        out = per.groupby(["actor", "group", "unit"], sort=True).agg(
            articles=("article_id", "size"), distancing=("distancing", "sum"),
            attributions=("attributions", "sum"),
        )  # fmt: skip
        return out.reset_index()[cols]

    def actor_tones(self) -> pd.DataFrame:
        rows = [
            (self.names.get(a.name, a.name), e.group, *a.tones)
            for e in self.entries
            for a in e.counts.actors
            if a.tones is not None
        ]
        frame = pd.DataFrame(rows, columns=list(TONE_TOTAL_COLUMNS))
        if frame.empty:
            return frame
        tones = frame.groupby(["actor", "group"], sort=False).sum().reset_index()
        # No row for a cell without a toned mention, as the library answers.
        return tones[tones[list(TONE_TOTAL_COLUMNS[2:])].sum(axis=1) > 0].reset_index(drop=True)

    def marked_articles(self, actor: str, per_group: int | None = None) -> pd.DataFrame:
        raw = ({actor} | {k for k, v in self.names.items() if v == actor}) - self.dropped
        taken: dict[str, int] = {}
        out = []
        for key, e in zip(self._ids, self.entries, strict=True):
            if per_group is not None and taken.get(e.group, 0) >= per_group:
                continue
            if any(a.name in raw and a.marked for a in e.counts.actors):
                out.append((e.group, key))
                taken[e.group] = taken.get(e.group, 0) + 1
        return pd.DataFrame(out, columns=["group", "article_id"])

    def titles(self, ids: Iterable[int]) -> dict[int, str | None]:
        return {int(i): self._by_id[int(i)].title for i in ids}

    def summary(self, article_id: int) -> Mapping[str, Any]:
        return self._by_id[article_id].summary

    def text(self, article_id: int) -> str:
        return self._by_id[article_id].text

    def analyses(self, ids: Sequence[int]) -> list[tuple[str | None, ArticleAnalysis]]:
        return []  # entries keep summaries only (no mentions with their tone evidence)

    def sample_texts(self, per_group: int, seed: int = 0) -> pd.DataFrame:
        rng = random.Random(seed)
        by_group: dict[str, list[int]] = {}
        for key, e in zip(self._ids, self.entries, strict=True):
            by_group.setdefault(e.group, []).append(key)
        picked: set[int] = set()
        for g in sorted(by_group):
            ids = by_group[g]
            picked.update(ids if len(ids) <= per_group else rng.sample(ids, per_group))
        rows = [
            (e.group, key, e.text)
            for key, e in zip(self._ids, self.entries, strict=True)
            if key in picked
        ]
        return pd.DataFrame(rows, columns=["group", "article_id", "text"])
