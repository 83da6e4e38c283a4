"""Tested differences between groups: is an actor distanced more in outlet A than in outlet B?

The distancing share of an actor in a group pools its articles: (distancing attributions) /
(all attributions). Attributions within one article are not independent — one writer, one
story, often one verb repeated — so the *article* is the unit every test here resamples:

- **permutation test** (small groups, at most :data:`PERMUTE_MAX` articles together): the
  articles of A and B are shuffled between the two groups, keeping their sizes; the p-value is
  the share of shuffles whose difference is at least as large (in absolute value) as the one
  observed (Good 2005, *Permutation, Parametric and Bootstrap Tests of Hypotheses*). Up to
  :data:`EXACT_MAX` splits every split is enumerated (an exact test); otherwise ``n_perm``
  random shuffles, p = (1 + k) / (1 + n_perm) (Phipson & Smyth 2010);
- **interval**: percentile bootstrap over articles within each group (Efron & Tibshirani 1993);
- **large groups**: the same ratio with a cluster-robust (linearised) variance, articles as
  clusters (Cochran 1977, *Sampling Techniques*, §6.9 ratio estimators); with hundreds of
  articles the normal approximation is as good as the resampling and costs nothing.

p-values are adjusted for the number of pairs tested with :func:`benjamini_hochberg`
(Benjamini & Hochberg 1995), which keeps the expected share of false discoveries at ``q``.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import pandas as pd

PERMUTE_MAX = 200
"""Pairs with at most this many articles together are tested by permutation."""
EXACT_MAX = 5000
"""Up to this many ways of splitting the articles, every split is enumerated (exact test)."""
MIN_ARTICLES = 3
"""A group needs attributions of the actor in at least this many articles to be tested."""
MEASURE = "distancing_share"


@dataclass(frozen=True)
class DifferenceTest:
    """The test of one difference: share a − share b, its interval and p-value."""

    a: float
    b: float
    effect: float
    ci_low: float
    ci_high: float
    p_value: float
    method: str
    articles_a: int
    articles_b: int


def _share(d: np.ndarray, n: np.ndarray) -> float:
    total = n.sum()
    return float(d.sum() / total) if total else math.nan


def _permutation_p(
    d: np.ndarray, n: np.ndarray, n_a: int, n_perm: int, rng: np.random.Generator
) -> tuple[float, str]:
    """Two-sided permutation p-value of the pooled-share difference (first n_a = group A)."""
    size = len(d)
    observed = abs(_share(d[:n_a], n[:n_a]) - _share(d[n_a:], n[n_a:]))
    total_d, total_n = d.sum(), n.sum()
    if math.comb(size, n_a) <= EXACT_MAX:
        masks = np.zeros((math.comb(size, n_a), size), dtype=bool)
        for row, picked in enumerate(itertools.combinations(range(size), n_a)):
            masks[row, list(picked)] = True
        method = "exact permutation over articles"
    else:
        base = np.zeros(size, dtype=bool)
        base[:n_a] = True
        masks = rng.permuted(np.tile(base, (n_perm, 1)), axis=1)
        method = f"permutation over articles ({n_perm:,} shuffles)"
    sa_d, sa_n = masks @ d, masks @ n
    with np.errstate(divide="ignore", invalid="ignore"):
        diffs = np.abs(sa_d / sa_n - (total_d - sa_d) / (total_n - sa_n))
    # A tiny tolerance: equal differences computed in another order must count as "as large".
    hits = int(np.sum(np.nan_to_num(diffs, nan=0.0) >= observed - 1e-12))
    if method.startswith("exact"):
        return hits / len(masks), method
    return (1 + hits) / (1 + n_perm), method


def _bootstrap_ci(
    da: np.ndarray, na: np.ndarray, db: np.ndarray, nb: np.ndarray, n_boot: int, ci: float,
    rng: np.random.Generator,
) -> tuple[float, float]:  # fmt: skip
    """Percentile bootstrap interval of share A − share B, articles resampled within groups."""
    pa = rng.integers(0, len(da), size=(n_boot, len(da)))
    pb = rng.integers(0, len(db), size=(n_boot, len(db)))
    with np.errstate(divide="ignore", invalid="ignore"):
        diff = da[pa].sum(1) / na[pa].sum(1) - db[pb].sum(1) / nb[pb].sum(1)
    diff = diff[np.isfinite(diff)]
    lo, hi = 100 * (1 - ci) / 2, 100 * (1 + ci) / 2
    return float(np.percentile(diff, lo)), float(np.percentile(diff, hi))


def _ratio_variance(d: np.ndarray, n: np.ndarray) -> float:
    """Cluster-robust variance of Σd / Σn with articles as clusters (linearisation)."""
    k = len(d)
    if k < 2:  # one unit shows no variation: nothing is known about the spread
        return math.inf
    r = d.sum() / n.sum()
    resid = d - r * n
    return float(k / (k - 1) * np.sum(resid**2) / n.sum() ** 2)


Counts = tuple[Sequence[float], Sequence[float]] | tuple[np.ndarray, np.ndarray]
"""(distancing counts, attribution counts) per unit of one group."""


def difference_test(
    a: Counts,
    b: Counts,
    *,
    n_perm: int = 1999,
    n_boot: int = 1999,
    ci: float = 0.95,
    seed: int = 0,
    articles: tuple[int, int] | None = None,
) -> DifferenceTest:
    """Test share A − share B of per-article counts, the article as the unit.

    Args:
        a, b: (distancing counts, attribution counts) per article of each group; articles
            without attributions of the actor carry no information and should be left out.
        n_perm: random shuffles when the split cannot be enumerated.
        n_boot: bootstrap resamples of the interval.
        ci: the interval's coverage.
        seed: random seed (results are reproducible).
        articles: the articles behind ``a`` and ``b`` when they are blocks of articles, not
            single articles (default: one article per value). Pairs of more than
            :data:`PERMUTE_MAX` articles get the cluster-robust test, which blocks leave valid.

    Returns:
        A :class:`DifferenceTest`; ``effect`` is in share points (0.25 = 25 percentage points).
    """
    rng = np.random.default_rng(seed)
    da, na = np.asarray(a[0], float), np.asarray(a[1], float)
    db, nb = np.asarray(b[0], float), np.asarray(b[1], float)
    share_a, share_b = _share(da, na), _share(db, nb)
    effect = share_a - share_b
    n_a, n_b = articles or (len(da), len(db))
    if n_a + n_b <= PERMUTE_MAX:
        d, n = np.concatenate([da, db]), np.concatenate([na, nb])
        p, method = _permutation_p(d, n, len(da), n_perm, rng)
        low, high = _bootstrap_ci(da, na, db, nb, n_boot, ci, rng)
    else:
        se = math.sqrt(_ratio_variance(da, na) + _ratio_variance(db, nb))
        z = effect / se if se > 0 else (math.inf if effect else 0.0)
        p = math.erfc(abs(z) / math.sqrt(2))
        crit = _normal_quantile((1 + ci) / 2)
        low, high = effect - crit * se, effect + crit * se
        method = "cluster-robust z-test, articles as clusters"
    return DifferenceTest(share_a, share_b, effect, low, high, min(1.0, p), method, n_a, n_b)


@cache
def _normal_quantile(q: float) -> float:
    """The standard normal quantile (bisection on erf; no SciPy needed at run time)."""
    lo, hi = -10.0, 10.0
    for _ in range(80):
        mid = (lo + hi) / 2
        if 0.5 * math.erfc(-mid / math.sqrt(2)) < q:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def benjamini_hochberg(p_values: Sequence[float]) -> list[float]:
    """Benjamini–Hochberg adjusted p-values (the step-up false discovery rate procedure).

    A pair is a discovery at false discovery rate ``q`` when its adjusted p-value is ≤ ``q``
    (Benjamini & Hochberg 1995, "Controlling the False Discovery Rate", JRSS B 57: 289–300):
    sorted p-values p₍ᵢ₎ become min over j ≥ i of p₍ⱼ₎ · m / j, capped at 1.

    Args:
        p_values: raw p-values (any order; NaN stays NaN and does not count towards m).

    Returns:
        The adjusted p-values in the input order.
    """
    p = np.asarray(p_values, dtype=float)
    out = np.full(p.shape, np.nan)
    ok = np.flatnonzero(np.isfinite(p))
    m = len(ok)
    if not m:
        return out.tolist()
    order = ok[np.argsort(p[ok], kind="stable")]
    scaled = p[order] * m / np.arange(1, m + 1)
    adjusted = np.minimum(1.0, np.minimum.accumulate(scaled[::-1])[::-1])
    out[order] = adjusted
    return out.tolist()


DIFFERENCE_COLUMNS = [
    "actor", "group_a", "group_b", "measure", "a", "b", "effect", "ci_low", "ci_high",
    "p_value", "p_adjusted", "articles_a", "articles_b", "method", "significant",
]  # fmt: skip
THIN_COLUMNS = ["actor", "group", "articles", "attributions", "reason"]


def pairwise_differences(
    units: pd.DataFrame,
    actors: Sequence[str],
    groups: Sequence[str],
    *,
    min_articles: int = MIN_ARTICLES,
    min_attributions: int = 3,
    q: float = 0.05,
    seed: int = 0,
    n_perm: int = 1999,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every pair of groups with enough data, for every actor, tested and BH-adjusted.

    Args:
        units: the resampling units (``ComparisonSource.actor_units``): actor, group, unit,
            articles, distancing, attributions — one per article, or hashed blocks of a
            large group's articles (only the cluster-robust test, for pairs of more than
            :data:`PERMUTE_MAX` articles, then sees blocks).
        actors: the actors to test, in order.
        groups: the groups, in display order (pairs are (earlier, later)).
        min_articles: a group needs the actor's attributions in this many articles.
        min_attributions: ... and this many attributions in all.
        q: false discovery rate: ``significant`` is ``p_adjusted ≤ q``.
        seed: random seed (each pair gets its own stream, so results do not depend on order).
        n_perm: shuffles of a permutation test that cannot be enumerated.

    Returns:
        (tested pairs: :data:`DIFFERENCE_COLUMNS`; groups left out for too little data:
        :data:`THIN_COLUMNS`). The adjustment counts every pair tested (all actors).
    """
    rows: list[list[Any]] = []
    thin: list[tuple[str, str, int, int, str]] = []
    cells = units.groupby(["actor", "group"], sort=False).indices if len(units) else {}
    columns = (units["distancing"].to_numpy(float), units["attributions"].to_numpy(float),
               units["articles"].to_numpy(int))  # fmt: skip
    for k, actor in enumerate(actors):
        found = [(g, cells[(actor, g)]) for g in groups if (actor, g) in cells]
        usable, size = _usable_groups(actor, found, columns, min_articles, min_attributions, thin)
        pairs = itertools.combinations([g for g in groups if g in usable], 2)
        for i, (ga, gb) in enumerate(pairs):
            t = difference_test(usable[ga], usable[gb], seed=seed + 7919 * k + i, n_perm=n_perm,
                                articles=(size[ga], size[gb]))  # fmt: skip
            rows.append([actor, ga, gb, MEASURE, t.a, t.b, t.effect, t.ci_low, t.ci_high,
                         t.p_value, math.nan, t.articles_a, t.articles_b, t.method,
                         False])  # fmt: skip
    out = pd.DataFrame(rows, columns=DIFFERENCE_COLUMNS)
    if not out.empty:
        out["p_adjusted"] = benjamini_hochberg(out["p_value"].tolist())
        out["significant"] = out["p_adjusted"] <= q
    return out, pd.DataFrame(thin, columns=THIN_COLUMNS)


def _usable_groups(
    actor: str,
    found: Sequence[tuple[str, np.ndarray]],
    columns: tuple[np.ndarray, np.ndarray, np.ndarray],
    min_articles: int,
    min_attributions: int,
    thin: list[tuple[str, str, int, int, str]],
) -> tuple[dict[str, tuple[np.ndarray, np.ndarray]], dict[str, int]]:
    """The groups with enough data on ``actor``: (group → its units' (distancing,
    attributions), group → articles); the others are added to ``thin`` with the reason."""
    dist, att, arts = columns
    usable: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    size: dict[str, int] = {}
    for g, at in found:
        n_art, n_att = int(arts[at].sum()), int(att[at].sum())
        if n_art >= min_articles and n_att >= min_attributions:
            usable[g] = (dist[at], att[at])
            size[g] = n_art
        else:
            reason = _thin_reason(n_art, n_att, min_articles, min_attributions)
            thin.append((actor, g, n_art, n_att, reason))
    return usable, size


def _thin_reason(n_art: int, n_att: int, min_articles: int, min_attributions: int) -> str:
    """Why a group is not tested, in plain words."""
    if n_art < min_articles:
        return (f"attributions in only {n_art} article{'s' if n_art != 1 else ''} "
                f"(a test needs {min_articles})")  # fmt: skip
    return f"only {n_att} attributions (a test needs {min_attributions})"
