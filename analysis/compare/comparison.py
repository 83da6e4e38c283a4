"""Comparing how groups of articles (usually outlets) frame the same actors.

Everything is aggregated from counts (:class:`~analysis.compare.source.ComparisonSource`): a
comparison of 100,000 stored articles runs no NLP and reads no analysis it does not show.
Numbers pool the articles of a group: the distancing share of an actor in an outlet is
(distancing attributions) / (all attributions of that actor) over all its articles; a rate per
1,000 words is (markers) / (words) × 1,000. Distinctive words: :mod:`analysis.compare.log_odds`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property, partial
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from analysis.compare.differences import MIN_ARTICLES, PERMUTE_MAX, pairwise_differences
from analysis.compare.evidence import Evidence, sentences_of
from analysis.compare.rates import MAX_BOOT_UNITS, marker_rates
from analysis.compare.resolution import RULES, ActorResolution, resolve_actors
from analysis.compare.source import ComparisonSource, Entry, MemorySource
from analysis.compare.timeline import timeline_frame
from analysis.kept import Kept
from analysis.records import MARKER_KINDS, STANCES, TONES, ArticleAnalysis

if TYPE_CHECKING:  # scikit-learn loads when words or the outlet map are first asked for
    from analysis.compare.log_odds import LogOddsComparer

SCHEMA = "framing-lens/compare/1"
MIN_ATTRIBUTIONS = 3
"""Fewer attributions than this in a cell are too few to compare a share honestly."""

WORD_SAMPLE = 150
"""Distinctive words are counted over at most this many articles per group (a seeded sample)."""

FEATURE_EXPLANATIONS = {
    "kind": "markers of this kind per 1,000 words",
    "stance": "share of all attributions that have this stance",
}
TONE_COLUMNS = ("tone_negative", "tone_neutral", "tone_positive")
CELLS_KEPT = 8
"""Tone-map cells whose articles' full analyses a comparison keeps (up to 30 each, a few MB):
:meth:`Comparison.cell_analyses`."""
TABLE_COLUMNS = [
    "actor", "type", "group", "mentions", "articles", *STANCES,
    "attributions", "distancing_share", "enough",
]  # fmt: skip


class Comparison:
    """A comparison of groups of articles; every table is computed once, on first use.

    Args:
        source: where the numbers come from — a
            :class:`~analysis.compare.source.ComparisonSource` (e.g. a library
            :class:`~analysis.library.query.Selection`), or a sequence of
            :class:`~analysis.compare.source.Entry` held in memory.
        min_attributions: cells with fewer attributions are marked as too few to compare.
        n_boot: bootstrap resamples for confidence intervals.
        seed: random seed of the bootstrap and of the word sample (results are reproducible).
        resolution: how stored actor names map to actors; default
            :func:`~analysis.compare.resolution.resolve_actors` over the source's corpus and
            alias table.
        group_kind: what a group is ("outlet", "article", "date"), named in warnings and titles.
    """

    def __init__(
        self,
        source: ComparisonSource | Sequence[Entry],
        *,
        min_attributions: int = MIN_ATTRIBUTIONS,
        n_boot: int = 1000,
        seed: int = 0,
        resolution: ActorResolution | None = None,
        group_kind: str = "outlet",
    ) -> None:
        self._resolution = resolution
        self.group_kind = group_kind
        self._raw_source: ComparisonSource = (
            MemorySource(source) if isinstance(source, Sequence) else source
        )
        self.min_attributions = min_attributions
        self.n_boot = n_boot
        self.seed = seed
        self._rates: dict[float, pd.DataFrame] = {}
        self._comparers: dict[bool, LogOddsComparer] = {}
        self._differences: dict[tuple[str, ...], tuple[pd.DataFrame, pd.DataFrame]] = {}
        # A comparison is shared by the sessions of the app (one thread each).
        self._cells: Kept[list[tuple[str | None, ArticleAnalysis]]] = Kept(CELLS_KEPT)

    # ---- names and sources ---------------------------------------------------------------------
    @cached_property
    def resolution(self) -> ActorResolution:
        """Corpus-level actor resolution: every stored name → its canonical actor, by the rules
        of :func:`~analysis.compare.resolution.resolve_actors` over the source's corpus, with
        its alias table applied."""
        if self._resolution is not None:
            return self._resolution
        return resolve_actors(self._raw_source.name_counts(), self._raw_source.alias_rules())

    @property
    def actor_names(self) -> dict[str, str]:
        """Stored name → the canonical name it counts under (names that change only)."""
        return dict(self.resolution.names)

    @cached_property
    def source(self) -> ComparisonSource:
        """The source with names resolved (merged, renamed, "not an actor" left out)."""
        return self._raw_source.with_names(self.resolution.names, self.resolution.dropped)

    def _names_of(self, actor: str) -> set[str]:
        """The actor's name and every stored name counted under it."""
        return {actor, *self.resolution.merged_into(actor)}

    # ---- basic frames -------------------------------------------------------------------------
    @cached_property
    def articles_frame(self) -> pd.DataFrame:
        """One row per article: article_id, group, words, markers of each kind, ``stance_*``
        counts (and whatever else the source gives, e.g. outlet and date)."""
        return self.source.articles()

    @cached_property
    def group_totals(self) -> pd.DataFrame:
        """Per group (index, in :attr:`groups` order): articles, words, markers of each kind,
        ``stance_*`` counts."""
        totals = self.source.group_totals().set_index("group")
        return totals.reindex(self.groups_of(totals.index))

    @staticmethod
    def groups_of(labels: Iterable[str]) -> list[str]:
        """Group labels in display order (case-insensitive)."""
        return sorted(set(labels), key=lambda g: (g.casefold(), g))

    @cached_property
    def groups(self) -> list[str]:
        """The group labels, sorted."""
        return list(self.group_totals.index)

    @property
    def article_count(self) -> int:
        """How many articles are compared."""
        return int(self.group_totals["articles"].sum())

    @cached_property
    def sizes(self) -> dict[str, int]:
        """Articles per group."""
        return {g: int(n) for g, n in self.group_totals["articles"].items()}

    @cached_property
    def entries(self) -> list[Entry]:
        """Every article as an :class:`Entry` whose text and summary load on first use
        (reports and bundles; the tables never need them)."""
        if isinstance(self._raw_source, MemorySource):
            return list(self._raw_source.entries)
        src = self.source
        titles = src.titles(self.articles_frame["article_id"])
        return [
            Entry(r.group, partial(src.text, r.article_id), partial(src.summary, r.article_id),
                  titles.get(r.article_id), int(r.article_id))
            for r in self.articles_frame.itertuples()
        ]  # fmt: skip

    @cached_property
    def warnings(self) -> list[str]:
        """Plain-language cautions about what this comparison can and cannot show."""
        out = []
        if len(self.groups) < 2:
            out.append("Pick at least two outlets (or articles) to compare.")
        single = [g for g in self.groups if self.sizes.get(g, 0) < 2]
        if single and self.group_kind != "article":  # one article per group is the point there
            out.append(
                "Only one article for " + ", ".join(single) + ": its confidence interval cannot "
                "show how much articles of that outlet vary."
            )
        return out

    # ---- actors ------------------------------------------------------------------------------
    @cached_property
    def actor_table(self) -> pd.DataFrame:
        """One row per (actor, group): pooled stance counts, distancing share, mentions, articles.

        ``distancing_share`` = distancing attributions / all attributions of the actor in the
        group (NaN when none); ``enough`` is False below ``min_attributions`` attributions.
        """
        agg = self.source.actor_totals()
        if agg.empty:
            return pd.DataFrame(columns=TABLE_COLUMNS)
        agg = agg.copy()
        for col in ("mentions", "articles", *STANCES):
            agg[col] = agg[col].astype("int64")
        agg["attributions"] = agg[list(STANCES)].sum(axis=1)
        agg["distancing_share"] = agg["distancing"] / agg["attributions"].where(
            agg["attributions"] > 0
        )
        agg["enough"] = agg["attributions"] >= self.min_attributions
        return agg[TABLE_COLUMNS].reset_index(drop=True)

    def top_actors(self, n: int | None = 15) -> list[str]:
        """Actors ordered by attributions, then mentions, over all groups (first ``n``)."""
        table = self.actor_table
        if table.empty:
            return []
        totals = table.groupby("actor")[["attributions", "mentions"]].sum()
        totals["groups"] = table[table["mentions"] > 0].groupby("actor")["group"].nunique()
        totals = totals.fillna(0).reset_index()
        # Most attributions first: a distancing share needs attributions to mean anything.
        totals = totals.sort_values(
            ["attributions", "groups", "mentions", "actor"],
            ascending=[False, False, False, True],
            kind="stable",
        )
        names = totals["actor"].tolist()
        return names if n is None else names[:n]

    def heatmap_frame(self, actors: Sequence[str] | None = None) -> pd.DataFrame:
        """The actor × group grid of the heat map (all cells, missing ones with 0 attributions)."""
        actors = list(actors) if actors is not None else self.top_actors()
        cols = ["actor", "group", *STANCES, "attributions", "mentions", "articles"]
        cols += ["distancing_share", "enough"]
        grid = pd.MultiIndex.from_product([actors, self.groups], names=["actor", "group"])
        table = self.actor_table.set_index(["actor", "group"])
        frame = table.reindex(grid).reset_index()
        for col in (*STANCES, "attributions", "mentions", "articles"):
            frame[col] = frame[col].fillna(0).astype("int64")
        frame["enough"] = frame["enough"].astype("boolean").fillna(False).astype(bool)
        frame["distancing_share"] = frame["distancing_share"].astype(float)
        return frame[cols]

    @cached_property
    def tone_table(self) -> pd.DataFrame:
        """Per (actor, group): mentions by tone, scored mentions, net tone (NaN when none).

        Net tone = (positive − negative mentions) / scored mentions, pooled over the group's
        articles (tone model of :mod:`analysis.engine.tone`, trained on NewsMTSC).
        """
        table = self.source.actor_tones().copy()
        for col in TONE_COLUMNS:
            table[col] = table[col].astype("int64") if not table.empty else pd.Series(dtype="int64")
        table["scored"] = table[list(TONE_COLUMNS)].sum(axis=1).astype("int64")
        net = (table["tone_positive"] - table["tone_negative"]) / table["scored"].where(
            table["scored"] > 0
        )
        table["net_tone"] = net.astype(float)
        return table[["actor", "group", *TONE_COLUMNS, "scored", "net_tone"]]

    def tone_frame(self, actors: Sequence[str] | None = None) -> pd.DataFrame:
        """The actor × group grid of the tone heat map (all cells; missing ones count 0)."""
        actors = list(actors) if actors is not None else self.top_actors()
        grid = pd.MultiIndex.from_product([actors, self.groups], names=["actor", "group"])
        frame = self.tone_table.set_index(["actor", "group"]).reindex(grid).reset_index()
        for col in (*TONE_COLUMNS, "scored"):
            frame[col] = frame[col].fillna(0).astype("int64")
        frame["net_tone"] = frame["net_tone"].astype(float)
        return frame

    # ---- rates -------------------------------------------------------------------------------
    def marker_rates(self, ci: float = 0.95) -> pd.DataFrame:
        """Markers of each kind per 1,000 words per group, with bootstrap confidence intervals
        (:func:`analysis.compare.rates.marker_rates`). Computed once per ``ci``."""
        if ci not in self._rates:
            self._rates[ci] = marker_rates(
                self.source.rate_units(MAX_BOOT_UNITS),
                self.sizes,
                self.groups,
                ci=ci,
                n_boot=self.n_boot,
                seed=self.seed,
            )
        return self._rates[ci].copy()

    # ---- words -------------------------------------------------------------------------------
    @cached_property
    def word_sample(self) -> pd.DataFrame:
        """group, article_id, text of the articles the distinctive words are counted over."""
        return self.source.sample_texts(WORD_SAMPLE, seed=self.seed)

    @cached_property
    def sampled_words(self) -> bool:
        """True when some group has more articles than :data:`WORD_SAMPLE` (words sampled)."""
        return any(n > WORD_SAMPLE for n in self.sizes.values())

    @cached_property
    def comparer(self) -> LogOddsComparer | None:
        """The fitted log-odds comparer over the article texts (None with fewer than 2 groups)."""
        return self.word_comparer(leave_out_names=False)

    def word_comparer(self, leave_out_names: bool = False) -> LogOddsComparer | None:
        """The log-odds comparer over the sampled texts, words normalised (one apostrophe, no
        possessive) and honorifics, reporting verbs and page chrome not counted
        (:func:`~analysis.compare.log_odds.content_stop_words`); ``leave_out_names`` drops
        the words of the actors' names too. Fitted once per choice."""
        if len(self.groups) < 2:
            return None
        if leave_out_names not in self._comparers:
            from analysis.compare.log_odds import LogOddsComparer, content_stop_words, name_words

            stop = set(content_stop_words())
            if leave_out_names:
                stop |= name_words(self.actor_table["actor"].unique())
            sample = self.word_sample
            self._comparers[leave_out_names] = LogOddsComparer(
                stop_words=sorted(stop), normalise=True
            ).fit(sample["text"].tolist(), sample["group"].tolist())
        return self._comparers[leave_out_names]

    def distinctive_terms(
        self, n: int = 15, min_z: float = 1.96, leave_out_names: bool = False
    ) -> dict[str, list[dict]]:
        """Each group's most distinctive words against the rest (see :class:`LogOddsComparer`
        and :meth:`word_comparer`)."""
        comparer = self.word_comparer(leave_out_names)
        if comparer is None:
            return {g: [] for g in self.groups}
        return {g: comparer.top_terms(g, n=n, min_z=min_z) for g in self.groups}

    def term_sentences(self, term: str, group: str | None = None, limit: int = 5) -> pd.DataFrame:
        """The sentences of the sampled articles that use ``term`` (as counted: any apostrophe,
        with or without a possessive): group, article_id, title, sentence, start, end (the
        word in the sentence). At most ``limit`` per group; ``group`` picks one group."""
        from analysis.compare.log_odds import sentences_with

        sample = self.word_sample
        if group is not None:
            sample = sample[sample["group"] == group]
        titles = self.source.titles(sample["article_id"].tolist())
        rows: list[tuple[Any, ...]] = []
        for g, part in sample.groupby("group", sort=False):
            found = 0
            for r in part.itertuples():
                for sentence, start, end in sentences_with(str(r.text), term):
                    if found >= limit:
                        break
                    rows.append((g, int(r.article_id), titles.get(r.article_id), sentence,
                                 start, end))  # fmt: skip
                    found += 1
        cols = ["group", "article_id", "title", "sentence", "start", "end"]
        return pd.DataFrame(rows, columns=cols)

    # ---- outlet map --------------------------------------------------------------------------
    @cached_property
    def framing_features(self) -> pd.DataFrame:
        """Each group's framing features: marker rates per 1,000 words and stance shares (the
        vector the outlet map and the similarity place groups by)."""
        sums = self.group_totals[["words", *MARKER_KINDS]].astype(float)
        stances = self.group_totals[[f"stance_{s}" for s in STANCES]].astype(float)
        out = pd.DataFrame(index=pd.Index(self.groups, name="group"))
        words = sums["words"].replace(0, np.nan)
        for k in MARKER_KINDS:
            out[f"{k} per 1,000 words"] = (1000.0 * sums[k] / words).fillna(0.0)
        total = stances.sum(axis=1).replace(0, np.nan)
        for s in STANCES:
            out[f"{s} share"] = (stances[f"stance_{s}"] / total).fillna(0.0)
        return out

    def _standardised(self) -> np.ndarray:
        """Framing features as z-scores per feature (constant features become 0)."""
        x = self.framing_features.to_numpy(dtype=float)
        sd = x.std(axis=0)
        return np.divide(x - x.mean(axis=0), sd, out=np.zeros_like(x), where=sd > 0)

    def similarity(self) -> pd.DataFrame:
        """Cosine similarity of the groups' standardised framing features (−1 … 1)."""
        x = self._standardised()
        norms = np.linalg.norm(x, axis=1, keepdims=True)
        unit = np.divide(x, norms, out=np.zeros_like(x), where=norms > 0)
        sim = unit @ unit.T
        np.fill_diagonal(sim, 1.0)
        return pd.DataFrame(sim, index=self.groups, columns=self.groups)

    def outlet_map(self) -> tuple[pd.DataFrame, list[float]]:
        """Groups placed in 2-D by PCA of their standardised framing features.

        Outlets that frame alike sit close together. Returns (frame of group, x, y, articles;
        the share of variance each axis explains).
        """
        x = self._standardised()
        n_comp = min(2, x.shape[0], x.shape[1])
        coords = np.zeros((x.shape[0], 2))
        explained = [0.0, 0.0]
        if n_comp >= 1 and x.shape[0] >= 2 and np.any(x):
            from sklearn.decomposition import PCA

            pca = PCA(n_components=n_comp, random_state=0).fit(x)
            coords[:, :n_comp] = pca.transform(x)
            explained[:n_comp] = [float(v) for v in pca.explained_variance_ratio_]
        sizes = self.sizes
        frame = pd.DataFrame(
            {
                "group": self.groups,
                "x": coords[:, 0],
                "y": coords[:, 1],
                "articles": [int(sizes.get(g, 0)) for g in self.groups],
            }
        )
        return frame, explained

    # ---- evidence ----------------------------------------------------------------------------
    def cell_analyses(
        self, actor: str, group: str, limit: int = 30
    ) -> list[tuple[str | None, ArticleAnalysis]]:
        """(title, full analysis) of the first ``limit`` articles of ``group`` mentioning
        ``actor``: what the sentences behind one heat-map cell are read from. Kept per cell
        (a comparison belongs to one library revision), so page reruns read nothing again."""
        key = (actor, group, limit)
        found = self._cells.get(key)
        if found is None:
            ids = self.source.actor_articles(actor, group, limit)["article_id"]
            found = self.source.analyses([int(i) for i in ids])
            self._cells.put(key, found)
        return list(found)

    def actor_evidence(self, actor: str, per_group: int = 5) -> list[Evidence]:
        """The sentences where each group frames ``actor`` (attributions, quotes, doubt...).

        Only the articles shown are read: the candidates come from the counts (articles where
        the actor has a marker), then each one's summary until ``per_group`` sentences are found.
        """
        names = self._names_of(actor)
        # Every marked article gives at least one sentence; twice as many leave room for any
        # whose summary disagrees with its counts.
        marked = self.source.marked_articles(actor, per_group=2 * per_group)
        titles = self.source.titles(marked["article_id"].tolist())
        out: list[Evidence] = []
        for g in self.groups:
            taken = 0
            for article_id in marked.loc[marked["group"] == g, "article_id"].tolist():
                if taken >= per_group:
                    break
                found = sentences_of(
                    g,
                    int(article_id),
                    titles.get(article_id),
                    self.source.summary(int(article_id)),
                    self.source.text(int(article_id)),
                    names,
                    per_group - taken,
                )
                out += found
                taken += len(found)
        return out

    def actor_sentences(self, actor: str, per_group: int = 5) -> pd.DataFrame:
        """:meth:`actor_evidence` as a table: group, article_id, title, sentence, start, end,
        the marker kinds and categories in it, and the sentence's text."""
        rows = [
            (e.group, e.article_id, e.title, e.sentence, e.start, e.end, e.marker_labels,
             e.analysis.text[e.start : e.end])
            for e in self.actor_evidence(actor, per_group)
        ]  # fmt: skip
        cols = ["group", "article_id", "title", "sentence", "start", "end", "markers", "text"]
        return pd.DataFrame(rows, columns=cols)

    # ---- over time and tested differences ---------------------------------------------------
    def timeline(self, over: str, actors: Sequence[str] | None = None) -> pd.DataFrame:
        """Each actor's distancing share per (period, group)
        (:func:`analysis.compare.timeline.timeline_frame`; ``over``: week, month, year, date)."""
        return timeline_frame(self.source, over, actors, self.min_attributions)

    def tested(self, actors: Sequence[str] | None = None, q: float = 0.05) -> bool:
        """True when :meth:`differences` of these actors reads no count row: computed already,
        or their resampling units kept from another comparison of the same articles (an outlet
        added or removed; the permutations then run on at most ``PERMUTE_MAX`` units per
        outlet, a few hundredths of a second)."""
        names = tuple(actors if actors is not None else self.top_actors())
        kept = (*names, str(q)) in self._differences
        return kept or self.source.units_kept(names, PERMUTE_MAX)

    def differences(
        self, actors: Sequence[str] | None = None, q: float = 0.05
    ) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Tested differences of the distancing share between every pair of groups, per actor.

        Articles are the resampled unit (attributions within an article are not independent)
        and p-values are Benjamini–Hochberg adjusted over all pairs tested
        (:func:`analysis.compare.differences.pairwise_differences`).

        Args:
            actors: the actors to test (default :meth:`top_actors`, 15).
            q: the false discovery rate a difference must stay under to be ``significant``.

        Returns:
            (tested pairs, groups left out for too little data, with the reason).
        """
        names = tuple(actors if actors is not None else self.top_actors())
        key = (*names, str(q))
        if key not in self._differences:
            units = self.source.actor_units(names, PERMUTE_MAX)
            self._differences[key] = pairwise_differences(
                units, names, self.groups, min_articles=MIN_ARTICLES,
                min_attributions=self.min_attributions, q=q, seed=self.seed,
            )  # fmt: skip
        tested, thin = self._differences[key]
        return tested.copy(), thin.copy()

    # ---- JSON --------------------------------------------------------------------------------
    def to_dict(
        self,
        top_actors: int | None = 50,
        top_terms: int = 15,
        min_z: float = 1.96,
        over: str | None = None,
        test_actors: int = 15,
    ) -> dict[str, Any]:
        """The comparison in the documented JSON shape (schema ``framing-lens/compare/1``).

        Args:
            top_actors: actors listed (None: all).
            top_terms: distinctive terms per group.
            min_z: z-score a term must reach.
            over: ``week``, ``month``, ``year`` or ``date``: add a ``timeline`` list.
            test_actors: the actors (most attributions) whose differences are tested.
        """
        from analysis.version import ENGINE_VERSION

        names = self.top_actors(top_actors)
        warnings = list(self.warnings)
        total_actors = len(self.top_actors(None))
        if top_actors is not None and total_actors > len(names):
            warnings.append(
                f"Only the {len(names)} actors with most attributions of {total_actors} are listed."
            )
        if self.sampled_words:
            warnings.append(
                f"Distinctive words are counted over a random sample of {WORD_SAMPLE} articles "
                "per group."
            )
        sizes = self.sizes
        return {
            "schema": SCHEMA,
            "engine_version": ENGINE_VERSION,
            "groups": list(self.groups),
            "articles": {g: int(sizes.get(g, 0)) for g in self.groups},
            "min_attributions": self.min_attributions,
            "actors": self._actors_json(names),
            "marker_rates": self._rates_json(),
            "distinctive_terms": {
                g: [{"term": t["term"], "z": t["z"], "count": t["count"]} for t in terms]
                for g, terms in self.distinctive_terms(n=top_terms, min_z=min_z).items()
            },
            "outlet_map": self._map_json(),
            "differences": self._differences_json(test_actors, warnings),
            **({"timeline": self._timeline_json(over, names)} if over else {}),
            "warnings": warnings,
        }

    def _differences_json(self, n: int, warnings: list[str]) -> list[dict[str, Any]]:
        """The ``differences`` list of :meth:`to_dict` (a warning names untested groups)."""
        tested, thin = self.differences(self.top_actors(n))
        if not thin.empty:
            warnings.append(
                f"{len(thin)} actor × group cell(s) have too little data for a test of "
                f"differences (fewer than {MIN_ARTICLES} articles or {self.min_attributions} "
                "attributions) and are left out of 'differences'."
            )
        keys = ["actor", "group_a", "group_b", "measure"]
        nums = ["a", "b", "effect", "ci_low", "ci_high", "p_value", "p_adjusted"]
        return [
            {**{k: r[k] for k in keys}, **{k: _num(r[k]) for k in nums},
             "articles_a": int(r["articles_a"]), "articles_b": int(r["articles_b"]),
             "method": r["method"], "significant": bool(r["significant"])}
            for r in tested.to_dict("records")
        ]  # fmt: skip

    def _timeline_json(self, over: str, names: list[str]) -> list[dict[str, Any]]:
        """The ``timeline`` list of :meth:`to_dict`."""
        frame = self.timeline(over, names)
        out = []
        for r in frame.to_dict("records"):
            row = {
                "period": str(r["period"]), "group": str(r["group"]), "actor": str(r["actor"]),
                "articles": int(r["articles"]), "attributions": int(r["attributions"]),
                "distancing_share": _num(r["distancing_share"]),
                "enough": bool(r["enough"]),
            }  # fmt: skip
            row.update({k: _num(v) for k, v in r.items() if str(k).startswith("tone")})
            out.append(row)
        return out

    def _actors_json(self, names: list[str]) -> list[dict[str, Any]]:
        """The ``actors`` list of :meth:`to_dict`."""
        table = self.actor_table.set_index(["actor", "group"])
        tones = self.tone_table.set_index(["actor", "group"])
        out = []
        for name in names:
            by_group: dict[str, Any] = {}
            rows = table.xs(name, level="actor")
            for g, r in rows.iterrows():
                share = r["distancing_share"]
                tone = tones.loc[(name, g)] if (name, g) in tones.index else None
                by_group[str(g)] = {
                    "stance_counts": {s: int(r[s]) for s in STANCES},
                    "attributions": int(r["attributions"]),
                    "distancing_share": None if pd.isna(share) else round(float(share), 4),
                    "enough": bool(r["enough"]),
                    "mentions": int(r["mentions"]),
                    "articles": int(r["articles"]),
                    # Mentions by tone (the tone model); {} when no analysis has tone.
                    "tone_counts": {t: int(tone[f"tone_{t}"]) for t in TONES}
                    if tone is not None
                    else {},
                }
            by_group = {g: by_group[g] for g in self.groups if g in by_group}
            merged = [
                {"name": n, "why": RULES[self.resolution.why.get(n, "merge")]}
                for n in self.resolution.merged_into(name)
            ]
            out.append({"name": name, "canonical_name": name, "merged_names": merged,
                        "type": str(rows["type"].iloc[0]), "by_group": by_group})  # fmt: skip
        return out

    def _rates_json(self) -> dict[str, Any]:
        rates = self.marker_rates()
        return {
            g: {
                r.kind: {
                    "rate": _num(r.rate),
                    "low": _num(r.low),
                    "high": _num(r.high),
                    "count": int(r.count),
                }
                for r in rates[rates["group"] == g].itertuples()
            }
            for g in self.groups
        }

    def _map_json(self) -> dict[str, Any]:
        frame, explained = self.outlet_map()
        return {
            "explained_variance": [round(v, 4) for v in explained],
            "points": {
                r.group: {"x": round(float(r.x), 4), "y": round(float(r.y), 4)}
                for r in frame.itertuples()
            },
        }


def _num(value: float) -> float | None:
    """A float rounded for JSON, None for NaN."""
    return None if value is None or not np.isfinite(value) else round(float(value), 4)


def compare_analyses(groups: Mapping[str, Iterable[ArticleAnalysis]], **options: Any) -> Comparison:
    """A :class:`Comparison` of analysed articles grouped by label (e.g. outlet)."""
    return Comparison(
        [Entry.from_analysis(g, a) for g, items in groups.items() for a in items], **options
    )
