"""Comparing how groups of articles (usually outlets) frame the same actors.

Everything is aggregated from stored analysis summaries (actors, markers, sentence offsets), so a
comparison of thousands of articles runs no NLP. Numbers pool the articles of a group: the
distancing share of an actor in an outlet is (distancing attributions) / (all attributions of
that actor) over all its articles; a rate per 1,000 words is (markers) / (words) × 1,000.

Distinctive words use the log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi
& Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation for Identifying the
Content of Political Conflict", Political Analysis 16(4): 372–403 — each group against all the
others, so any number of groups can be compared.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator
from sklearn.decomposition import PCA
from sklearn.feature_extraction.text import CountVectorizer

from analysis.records import MARKER_KINDS, STANCES, ArticleAnalysis

SCHEMA = "framing-lens/compare/1"
MIN_ATTRIBUTIONS = 3
"""Fewer attributions than this in a cell are too few to compare a share honestly."""

# Words, not numbers: letters, with inner apostrophes or hyphens ("Kremlin's", "so-called").
TOKEN_PATTERN = r"(?u)\b[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))+\b"

PROFILE_EXPLANATIONS = {
    "kind": "markers of this kind per 1,000 words",
    "stance": "share of all attributions that have this stance",
}


PROFILE_COUNTS = ("mentions", "quotes", "scare_quotes", "doubt", "loaded")


def article_profile(summary: Mapping[str, Any]) -> dict[str, Any]:
    """The few numbers a comparison aggregates, from an analysis summary (small, fast to load).

    ``{"words", "kinds": {kind: n}, "stances": {stance: n}, "actors": [[name, type, mentions,
    quotes, scare_quotes, doubt, loaded, *stance counts]]}``.
    """
    markers = summary.get("markers", ())
    kinds = Counter(m["kind"] for m in markers)
    stances = Counter(m["category"] for m in markers if m["kind"] == "attribution")
    return {
        "words": int(summary.get("words", 0)),
        "kinds": {k: kinds.get(k, 0) for k in MARKER_KINDS},
        "stances": {s: stances.get(s, 0) for s in STANCES},
        "actors": [
            [a["name"], a.get("type", "")]
            + [int(a.get(c, 0)) for c in PROFILE_COUNTS]
            + [int(a.get("stance_counts", {}).get(s, 0)) for s in STANCES]
            for a in summary.get("actors", ())
        ],
    }


class LazySummary(Mapping[str, Any]):
    """A summary read only when first used (the side-by-side view needs a few, not thousands)."""

    def __init__(self, load: Callable[[], Mapping[str, Any]]) -> None:
        self._load = load
        self._data: Mapping[str, Any] | None = None

    def _get(self) -> Mapping[str, Any]:
        if self._data is None:
            self._data = self._load()
        return self._data

    def __getitem__(self, key: str) -> Any:
        return self._get()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())


@dataclass(frozen=True)
class Entry:
    """One article in a comparison: its group (outlet) and its stored analysis summary.

    ``summary`` is :meth:`ArticleAnalysis.to_dict` output (``words``, ``actors``, ``markers``;
    ``sentences`` too for the side-by-side view); it may be a :class:`LazySummary`. ``profile``
    is :func:`article_profile` of it when already known (the library stores it), so that the
    tables never need the full summary.
    """

    group: str
    text: str
    summary: Mapping[str, Any]
    title: str | None = None
    article_id: int | None = None
    profile: Mapping[str, Any] | None = None

    def compact(self) -> Mapping[str, Any]:
        """The article's :func:`article_profile`."""
        return self.profile if self.profile is not None else article_profile(self.summary)

    @classmethod
    def from_analysis(
        cls, group: str, analysis: ArticleAnalysis, article_id: int | None = None
    ) -> Entry:
        """An entry from a full analysis (the CLI path)."""
        d = analysis.to_dict(include_text=True)
        d.pop("text", None)
        return cls(group, analysis.text, d, analysis.title, article_id)


class LogOddsComparer(BaseEstimator):
    """Distinctive terms of each group against the rest ("Fightin' Words").

    For a term *w*, group *i* and the rest *j*, with counts *y*, totals *n* and Dirichlet prior
    *α_w* (summing to *α₀*), Monroe, Colaresi & Quinn (2008, eqs. 16–22) estimate

        δ_w = log[(y_iw + α_w) / (n_i + α₀ − y_iw − α_w)]
              − log[(y_jw + α_w) / (n_j + α₀ − y_jw − α_w)]
        σ²(δ_w) ≈ 1 / (y_iw + α_w) + 1 / (y_jw + α_w),      z_w = δ_w / σ(δ_w).

    The informative prior takes *α_w* proportional to the term's count in all the texts
    compared (``prior_scale`` × count), which shrinks rare words towards "not distinctive".
    The default 0.1 gives the prior the weight of a tenth of the words compared: strong enough
    to keep one-off words from topping the list, weak enough that a few hundred-word articles
    per outlet still show their words.

    Args:
        prior_scale: multiplier of the corpus counts for the informative prior.
        alpha: if given, a flat (uninformative) prior of ``alpha`` for every term instead.
        stop_words: passed to :class:`~sklearn.feature_extraction.text.CountVectorizer`.
        min_df: ignore terms in fewer documents than this.
        ngram_range: word n-grams to count.
        token_pattern: what counts as a word (default: letters, inner ' and -).
    """

    def __init__(
        self,
        *,
        prior_scale: float = 0.1,
        alpha: float | None = None,
        stop_words: str | list[str] | None = "english",
        min_df: int = 1,
        ngram_range: tuple[int, int] = (1, 1),
        token_pattern: str = TOKEN_PATTERN,
    ) -> None:
        self.prior_scale = prior_scale
        self.alpha = alpha
        self.stop_words = stop_words
        self.min_df = min_df
        self.ngram_range = ngram_range
        self.token_pattern = token_pattern

    def fit(self, texts: Sequence[str], groups: Sequence[str]) -> LogOddsComparer:
        """Count terms per group and compute every group's log-odds and z-scores.

        Args:
            texts: one string per document.
            groups: the group label of each document (two or more distinct labels).

        Returns:
            self, with ``vectorizer_``, ``terms_`` (V), ``groups_`` (G), ``counts_`` (G × V),
            ``alpha_`` (V), ``delta_``, ``variance_`` and ``z_`` (G × V).
        """
        if len(texts) != len(groups):
            raise ValueError("texts and groups must have the same length")
        labels = np.asarray(list(groups), dtype=object)
        self.groups_ = np.array(sorted(set(labels.tolist()), key=str))
        if len(self.groups_) < 2:
            raise ValueError("need at least two groups to compare")
        self.vectorizer_ = CountVectorizer(
            stop_words=self.stop_words,
            min_df=self.min_df,
            ngram_range=self.ngram_range,
            token_pattern=self.token_pattern,
        )
        try:
            dtm = self.vectorizer_.fit_transform(texts)
        except ValueError:  # empty vocabulary: only stop words or numbers
            self.terms_ = np.array([], dtype=object)
            empty = np.zeros((len(self.groups_), 0))
            self.counts_, self.alpha_ = empty.copy(), np.zeros(0)
            self.delta_, self.variance_, self.z_ = empty.copy(), empty.copy(), empty.copy()
            return self
        self.terms_ = self.vectorizer_.get_feature_names_out()
        index = {g: k for k, g in enumerate(self.groups_.tolist())}
        rows = np.fromiter((index[g] for g in labels.tolist()), dtype=np.intp, count=len(labels))
        member = np.zeros((len(self.groups_), len(labels)))
        member[rows, np.arange(len(labels))] = 1.0
        self.counts_ = np.asarray((dtm.T @ member.T).T)  # G × V
        self.delta_, self.variance_, self.z_, self.alpha_ = self._log_odds(self.counts_)
        return self

    def _log_odds(self, counts: np.ndarray) -> tuple[np.ndarray, ...]:
        """(δ, σ², z, α) for every group against the rest, from a G × V count matrix."""
        y_all = counts.sum(axis=0)
        if self.alpha is not None:
            alpha = np.full(y_all.shape, float(self.alpha))
        else:
            alpha = self.prior_scale * y_all
        a0 = alpha.sum()
        n = counts.sum(axis=1, keepdims=True)
        y_i, n_i = counts, n
        y_j, n_j = y_all - counts, n.sum() - n
        with np.errstate(divide="ignore", invalid="ignore"):
            delta = np.log((y_i + alpha) / (n_i + a0 - y_i - alpha)) - np.log(
                (y_j + alpha) / (n_j + a0 - y_j - alpha)
            )
            variance = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha)
            z = delta / np.sqrt(variance)
        z = np.nan_to_num(z, nan=0.0, posinf=0.0, neginf=0.0)
        return delta, variance, z, alpha

    def top_terms(self, group: str, n: int = 15, min_z: float = 1.96) -> list[dict[str, Any]]:
        """The group's most distinctive terms: ``[{"term", "z", "count", "delta"}]``, z ≥ ``min_z``.

        z ≥ 1.96 means the term is more frequent in this group than in the rest, beyond what
        chance would give at the 5 % level (two-sided, normal approximation).
        """
        k = int(np.flatnonzero(self.groups_ == group)[0])
        z = self.z_[k]
        order = np.argsort(-z, kind="stable")
        out: list[dict[str, Any]] = []
        for v in order[: max(n * 4, n)]:
            if z[v] < min_z or len(out) >= n:
                break
            out.append(
                {
                    "term": str(self.terms_[v]),
                    "z": round(float(z[v]), 3),
                    "count": int(self.counts_[k, v]),
                    "delta": round(float(self.delta_[k, v]), 4),
                }
            )
        return out


@dataclass
class Comparison:
    """A comparison of groups of articles; every table is computed once, on first use.

    Args:
        entries: the articles with their group labels (two or more groups for most views).
        min_attributions: cells with fewer attributions are marked as too few to compare.
        n_boot: bootstrap resamples for confidence intervals.
        seed: random seed of the bootstrap (results are reproducible).
    """

    entries: Sequence[Entry]
    min_attributions: int = MIN_ATTRIBUTIONS
    n_boot: int = 1000
    seed: int = 0
    _comparer: LogOddsComparer | None = field(default=None, init=False, repr=False)
    _rates: dict[float, pd.DataFrame] = field(default_factory=dict, init=False, repr=False)

    # ---- basic frames -------------------------------------------------------------------------
    @cached_property
    def groups(self) -> list[str]:
        """The group labels, sorted."""
        return sorted({e.group for e in self.entries}, key=lambda g: (g.casefold(), g))

    @cached_property
    def _raw_profiles(self) -> list[Mapping[str, Any]]:
        """Each entry's compact profile, computed once."""
        return [e.compact() for e in self.entries]

    @cached_property
    def actor_names(self) -> dict[str, str]:
        """Corpus-wide name merging: a short person name ("Putin") used by some articles joins
        the one full name ending with it ("Vladimir Putin") used by others."""
        persons = {a[0] for p in self._raw_profiles for a in p["actors"] if a[1] == "PERSON"}
        full = [n for n in persons if len(n.split()) >= 2]
        out: dict[str, str] = {}
        for name in persons:
            longer = [f for f in full if f != name and f.endswith(" " + name)]
            if len(longer) == 1:
                out[name] = longer[0]
        return out

    def _names_of(self, actor: str) -> set[str]:
        """The actor's name and every short name merged into it."""
        return {actor} | {k for k, v in self.actor_names.items() if v == actor}

    @cached_property
    def _profiles(self) -> list[Mapping[str, Any]]:
        """Each entry's compact profile with corpus-wide actor names."""
        names = self.actor_names
        if not names:
            return self._raw_profiles
        return [
            {**p, "actors": [[names.get(a[0], a[0]), *a[1:]] for a in p["actors"]]}
            for p in self._raw_profiles
        ]

    @cached_property
    def articles_frame(self) -> pd.DataFrame:
        """One row per article: group, id, title, words, markers of each kind, stance counts."""
        rows = []
        for i, (e, p) in enumerate(zip(self.entries, self._profiles, strict=True)):
            kinds, stances = p["kinds"], p["stances"]
            row: dict[str, Any] = {
                "entry": i,
                "group": e.group,
                "article_id": e.article_id,
                "title": e.title,
                "words": int(p["words"]),
            }
            row.update({k: int(kinds.get(k, 0)) for k in MARKER_KINDS})
            row.update({f"stance_{s}": int(stances.get(s, 0)) for s in STANCES})
            rows.append(row)
        cols = ["entry", "group", "article_id", "title", "words", *MARKER_KINDS]
        cols += [f"stance_{s}" for s in STANCES]
        return pd.DataFrame(rows, columns=cols)

    @cached_property
    def actor_rows(self) -> pd.DataFrame:
        """One row per (article, actor) from the stored profiles."""
        rows = [
            (i, e.group, *actor)
            for i, (e, p) in enumerate(zip(self.entries, self._profiles, strict=True))
            for actor in p["actors"]
        ]
        cols = ["entry", "group", "actor", "type", *PROFILE_COUNTS, *STANCES]
        return pd.DataFrame(rows, columns=cols)

    @cached_property
    def warnings(self) -> list[str]:
        """Plain-language cautions about what this comparison can and cannot show."""
        out = []
        if len(self.groups) < 2:
            out.append("Pick at least two outlets (or articles) to compare.")
        sizes = self.articles_frame.groupby("group").size()
        single = [g for g in self.groups if sizes.get(g, 0) < 2]
        if single:
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
        rows = self.actor_rows
        cols = ["actor", "type", "group", "mentions", "articles", *STANCES]
        cols += ["attributions", "distancing_share", "enough"]
        if rows.empty:
            return pd.DataFrame(columns=cols)
        agg = rows.groupby(["actor", "group"], sort=False)[["mentions", *STANCES]].sum()
        agg["articles"] = rows.groupby(["actor", "group"], sort=False)["entry"].nunique()
        agg = agg.reset_index()
        types = rows.groupby("actor")["type"].agg(lambda s: s.value_counts().index[0])
        agg["type"] = agg["actor"].map(types)
        agg["attributions"] = agg[list(STANCES)].sum(axis=1)
        share = agg["distancing"] / agg["attributions"].where(agg["attributions"] > 0)
        agg["distancing_share"] = share
        agg["enough"] = agg["attributions"] >= self.min_attributions
        return agg[cols]

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
        table = self.actor_table.set_index(["actor", "group"])
        rows = []
        for a in actors:
            for g in self.groups:
                if (a, g) in table.index:
                    r = table.loc[(a, g)]
                    rows.append(
                        {
                            "actor": a,
                            "group": g,
                            **{s: int(r[s]) for s in STANCES},
                            "attributions": int(r["attributions"]),
                            "mentions": int(r["mentions"]),
                            "articles": int(r["articles"]),
                            "distancing_share": r["distancing_share"],
                            "enough": bool(r["enough"]),
                        }
                    )
                else:
                    rows.append(
                        {
                            "actor": a,
                            "group": g,
                            **dict.fromkeys(STANCES, 0),
                            "attributions": 0,
                            "mentions": 0,
                            "articles": 0,
                            "distancing_share": np.nan,
                            "enough": False,
                        }
                    )
        return pd.DataFrame(rows)

    # ---- rates -------------------------------------------------------------------------------
    def marker_rates(self, ci: float = 0.95) -> pd.DataFrame:
        """Markers of each kind per 1,000 words per group, with bootstrap confidence intervals.

        The rate pools the group's articles (markers / words × 1,000). The interval resamples
        the group's *articles* with replacement ``n_boot`` times (Efron & Tibshirani 1993,
        percentile method), so it shows how much the rate depends on which articles were picked.
        Computed once per ``ci`` (the page redraws it on every rerun).
        """
        if ci not in self._rates:
            self._rates[ci] = self._marker_rates(ci)
        return self._rates[ci].copy()

    def _marker_rates(self, ci: float) -> pd.DataFrame:
        """The uncached computation of :meth:`marker_rates`."""
        frame = self.articles_frame
        rng = np.random.default_rng(self.seed)
        lo_q, hi_q = 100 * (1 - ci) / 2, 100 * (1 + ci) / 2
        rows = []
        for g in self.groups:
            sub = frame[frame["group"] == g]
            counts = sub[list(MARKER_KINDS)].to_numpy(dtype=float)
            words = sub["words"].to_numpy(dtype=float)
            n = len(sub)
            total_words = words.sum()
            # Resampling articles = multinomial weights per article; one matrix product per group.
            weights = rng.multinomial(n, np.full(n, 1.0 / n), size=self.n_boot).astype(float)
            boot_words = weights @ words
            with np.errstate(divide="ignore", invalid="ignore"):
                boot = 1000.0 * (weights @ counts) / boot_words[:, None]
            for k, kind in enumerate(MARKER_KINDS):
                count = int(counts[:, k].sum())
                rate = 1000.0 * count / total_words if total_words else np.nan
                col = boot[:, k][np.isfinite(boot[:, k])]
                low, high = (
                    (float(np.percentile(col, lo_q)), float(np.percentile(col, hi_q)))
                    if col.size
                    else (np.nan, np.nan)
                )
                rows.append(
                    {
                        "group": g,
                        "kind": kind,
                        "count": count,
                        "words": int(total_words),
                        "articles": n,
                        "rate": rate,
                        "low": low,
                        "high": high,
                    }
                )
        return pd.DataFrame(
            rows, columns=["group", "kind", "count", "words", "articles", "rate", "low", "high"]
        )

    # ---- words -------------------------------------------------------------------------------
    @property
    def comparer(self) -> LogOddsComparer | None:
        """The fitted log-odds comparer over the article texts (None with fewer than 2 groups)."""
        if self._comparer is None and len(self.groups) >= 2:
            self._comparer = LogOddsComparer().fit(
                [e.text for e in self.entries], [e.group for e in self.entries]
            )
        return self._comparer

    def distinctive_terms(self, n: int = 15, min_z: float = 1.96) -> dict[str, list[dict]]:
        """Each group's most distinctive words against the rest (see :class:`LogOddsComparer`)."""
        comparer = self.comparer
        if comparer is None:
            return {g: [] for g in self.groups}
        return {g: comparer.top_terms(g, n=n, min_z=min_z) for g in self.groups}

    # ---- outlet map --------------------------------------------------------------------------
    @cached_property
    def profiles(self) -> pd.DataFrame:
        """Framing profile per group: marker rates per 1,000 words and stance shares."""
        frame = self.articles_frame
        sums = frame.groupby("group")[["words", *MARKER_KINDS]].sum().reindex(self.groups)
        stance_cols = [f"stance_{s}" for s in STANCES]
        stances = frame.groupby("group")[stance_cols].sum().reindex(self.groups)
        out = pd.DataFrame(index=pd.Index(self.groups, name="group"))
        words = sums["words"].replace(0, np.nan)
        for k in MARKER_KINDS:
            out[f"{k} per 1,000 words"] = (1000.0 * sums[k] / words).fillna(0.0)
        total = stances.sum(axis=1).replace(0, np.nan)
        for s in STANCES:
            out[f"{s} share"] = (stances[f"stance_{s}"] / total).fillna(0.0)
        return out

    def _standardised(self) -> np.ndarray:
        """Profiles as z-scores per feature (constant features become 0)."""
        x = self.profiles.to_numpy(dtype=float)
        sd = x.std(axis=0)
        return np.divide(x - x.mean(axis=0), sd, out=np.zeros_like(x), where=sd > 0)

    def similarity(self) -> pd.DataFrame:
        """Cosine similarity of the groups' standardised framing profiles (−1 … 1)."""
        x = self._standardised()
        norms = np.linalg.norm(x, axis=1, keepdims=True)
        unit = np.divide(x, norms, out=np.zeros_like(x), where=norms > 0)
        sim = unit @ unit.T
        np.fill_diagonal(sim, 1.0)
        return pd.DataFrame(sim, index=self.groups, columns=self.groups)

    def outlet_map(self) -> tuple[pd.DataFrame, list[float]]:
        """Groups placed in 2-D by PCA of their standardised profiles; (frame, explained share).

        Outlets that frame alike sit close together. The frame has group, x, y, articles and
        the two profile features that weigh most on each axis.
        """
        x = self._standardised()
        n_comp = min(2, x.shape[0], x.shape[1])
        coords = np.zeros((x.shape[0], 2))
        explained = [0.0, 0.0]
        if n_comp >= 1 and x.shape[0] >= 2 and np.any(x):
            pca = PCA(n_components=n_comp, random_state=0).fit(x)
            coords[:, :n_comp] = pca.transform(x)
            explained[:n_comp] = [float(v) for v in pca.explained_variance_ratio_]
        sizes = self.articles_frame.groupby("group").size()
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
    def actor_sentences(self, actor: str, per_group: int = 5) -> pd.DataFrame:
        """The sentences where each group frames ``actor`` (attributions, quotes, doubt...).

        Returns:
            group, article_id, title, sentence index, start, end, the marker kinds/categories
            in it, and ``html`` (the sentence highlighted for that actor, escaped).
        """
        from analysis.present.highlight import highlight_html

        rows = []
        for g in self.groups:
            taken = 0
            for e in self.entries:
                if e.group != g or taken >= per_group or actor not in self._marked(e):
                    continue
                names = self._names_of(actor)
                marks = [m for m in e.summary.get("markers", ()) if m.get("actor") in names]
                if not marks:
                    continue
                spans = {s["index"]: (s["start"], s["end"]) for s in e.summary.get("sentences", ())}
                analysis = None
                for sent in sorted({m["sentence"] for m in marks}):
                    if taken >= per_group:
                        break
                    in_sent = [m for m in marks if m["sentence"] == sent]
                    start, end = spans.get(
                        sent, (min(m["start"] for m in in_sent), max(m["end"] for m in in_sent))
                    )
                    if analysis is None:
                        analysis = ArticleAnalysis.from_dict(e.summary, text=e.text)
                    rows.append(
                        {
                            "group": g,
                            "article_id": e.article_id,
                            "title": e.title,
                            "sentence": sent,
                            "start": start,
                            "end": end,
                            "markers": ", ".join(f"{m['kind']}:{m['category']}" for m in in_sent),
                            "html": highlight_html(
                                analysis, actors=sorted(names), span=(start, end)
                            ),
                        }
                    )
                    taken += 1
        cols = ["group", "article_id", "title", "sentence", "start", "end", "markers", "html"]
        return pd.DataFrame(rows, columns=cols)

    @cached_property
    def _marked_actors(self) -> dict[int, set[str]]:
        """Per entry (by id()), the actors with at least one marker, from the profiles."""
        out: dict[int, set[str]] = {}
        for e, p in zip(self.entries, self._profiles, strict=True):
            out[id(e)] = {a[0] for a in p["actors"] if any(a[3:])}  # any count but mentions
        return out

    def _marked(self, entry: Entry) -> set[str]:
        """Actors with markers in this entry (so only those summaries are read)."""
        return self._marked_actors.get(id(entry), set())

    # ---- JSON --------------------------------------------------------------------------------
    def to_dict(
        self, top_actors: int | None = 50, top_terms: int = 15, min_z: float = 1.96
    ) -> dict[str, Any]:
        """The comparison in the documented JSON shape (schema ``framing-lens/compare/1``)."""
        from analysis.version import ENGINE_VERSION

        names = self.top_actors(top_actors)
        table = self.actor_table.set_index(["actor", "group"])
        actors = []
        for name in names:
            by_group: dict[str, Any] = {}
            for g in self.groups:
                if (name, g) not in table.index:
                    continue
                r = table.loc[(name, g)]
                share = r["distancing_share"]
                by_group[g] = {
                    "stance_counts": {s: int(r[s]) for s in STANCES},
                    "attributions": int(r["attributions"]),
                    "distancing_share": None if pd.isna(share) else round(float(share), 4),
                    "enough": bool(r["enough"]),
                    "mentions": int(r["mentions"]),
                    "articles": int(r["articles"]),
                }
            types = self.actor_table[self.actor_table["actor"] == name]["type"]
            actors.append({"name": name, "type": str(types.iloc[0]), "by_group": by_group})
        rates = self.marker_rates()
        sizes = self.articles_frame.groupby("group").size()
        warnings = list(self.warnings)
        total_actors = len(self.top_actors(None))
        if top_actors is not None and total_actors > len(names):
            warnings.append(
                f"Only the {len(names)} actors with most attributions of {total_actors} are listed."
            )
        frame, explained = self.outlet_map()
        return {
            "schema": SCHEMA,
            "engine_version": ENGINE_VERSION,
            "groups": list(self.groups),
            "articles": {g: int(sizes.get(g, 0)) for g in self.groups},
            "min_attributions": self.min_attributions,
            "actors": actors,
            "marker_rates": {
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
            },
            "distinctive_terms": {
                g: [{"term": t["term"], "z": t["z"], "count": t["count"]} for t in terms]
                for g, terms in self.distinctive_terms(n=top_terms, min_z=min_z).items()
            },
            "outlet_map": {
                "explained_variance": [round(v, 4) for v in explained],
                "points": {
                    r.group: {"x": round(float(r.x), 4), "y": round(float(r.y), 4)}
                    for r in frame.itertuples()
                },
            },
            "warnings": warnings,
        }


def _num(value: float) -> float | None:
    """A float rounded for JSON, None for NaN."""
    return None if value is None or not np.isfinite(value) else round(float(value), 4)


def compare_analyses(groups: Mapping[str, Iterable[ArticleAnalysis]], **options: Any) -> Comparison:
    """A :class:`Comparison` of analysed articles grouped by label (e.g. outlet)."""
    return Comparison(
        [Entry.from_analysis(g, a) for g, items in groups.items() for a in items], **options
    )


def group_label(article: Any, by: str = "outlet") -> str:
    """The group an article belongs to: its outlet (or another metadata field), or itself.

    Args:
        article: anything with ``id``, ``title``, ``outlet``, ``date`` attributes (a stored
            :class:`~analysis.library.store.Article`).
        by: ``outlet``, ``date`` or ``article`` (each article its own group).
    """
    if by == "article":
        # The id first: unique even when a chart cuts long labels short.
        return f"#{article.id} {article.title or 'untitled'}"
    value = getattr(article, by, None)
    return str(value) if value else f"(no {by})"


def entries_from_library(
    pairs: Iterable[tuple[Any, Mapping[str, Any]]],
    by: str = "outlet",
    load: Callable[[int], Mapping[str, Any]] | None = None,
) -> list[Entry]:
    """Entries from stored articles, grouped ``by`` a field.

    Args:
        pairs: (article, summary) from :meth:`Library.summaries`, or (article, profile) from
            :meth:`Library.profiles` together with ``load``.
        by: ``outlet``, ``date`` or ``article``.
        load: given an article id, its full summary; when set, ``pairs`` hold profiles and
            each entry's summary is read only if a view needs it.
    """
    if load is None:
        return [Entry(group_label(a, by), a.text, s, a.title, a.id) for a, s in pairs]
    return [
        Entry(group_label(a, by), a.text, LazySummary(partial(load, a.id)), a.title, a.id, p)
        for a, p in pairs
    ]
