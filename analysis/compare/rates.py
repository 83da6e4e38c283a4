"""Markers per 1,000 words per group, with bootstrap confidence intervals."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.records import MARKER_KINDS

MAX_BOOT_UNITS = 2000
"""Above this many articles a group's articles are pooled at random into this many blocks
before resampling (see :func:`marker_rates`)."""

RATE_COLUMNS = ["group", "kind", "count", "words", "articles", "rate", "low", "high"]


def _units(
    counts: np.ndarray, words: np.ndarray, rng: np.random.Generator, cap: int
) -> tuple[np.ndarray, np.ndarray]:
    """The resampling units: the articles, or ``cap`` random blocks of them when more.

    Adding up randomly chosen articles keeps the variance of a resampled total (``cap`` block
    sums of about n/cap articles each vary like n articles) while the resampling costs
    ``cap`` instead of n per draw: a group of 50,000 articles takes milliseconds.
    """
    n = len(words)
    if n <= cap:
        return counts, words
    blocks = rng.permutation(n) % cap
    pooled = np.zeros((cap, counts.shape[1]))
    np.add.at(pooled, blocks, counts)
    return pooled, np.bincount(blocks, weights=words, minlength=cap)


def marker_rates(
    articles: pd.DataFrame,
    groups: list[str],
    *,
    ci: float = 0.95,
    n_boot: int = 1000,
    seed: int = 0,
    max_units: int = MAX_BOOT_UNITS,
) -> pd.DataFrame:
    """Markers of each kind per 1,000 words per group, with percentile bootstrap intervals.

    The rate pools the group's articles (markers / words × 1,000). The interval resamples the
    group's *articles* with replacement ``n_boot`` times (Efron & Tibshirani 1993, percentile
    method), so it shows how much the rate depends on which articles were picked; groups larger
    than ``max_units`` resample random blocks of articles (see :func:`_units`).

    Args:
        articles: one row per article with ``group``, ``words`` and a column per marker kind.
        groups: the groups, in output order.
        ci: the interval's coverage.
        n_boot: resamples.
        seed: seed of the resampling (results are reproducible).
        max_units: see above.

    Returns:
        :data:`RATE_COLUMNS`, one row per (group, kind).
    """
    rng = np.random.default_rng(seed)
    lo_q, hi_q = 100 * (1 - ci) / 2, 100 * (1 + ci) / 2
    rows = []
    for g in groups:
        sub = articles[articles["group"] == g]
        counts = sub[list(MARKER_KINDS)].to_numpy(dtype=float)
        words = sub["words"].to_numpy(dtype=float)
        n, total_words = len(sub), words.sum()
        units, unit_words = _units(counts, words, rng, max_units)
        m = len(unit_words)
        # Resampling units = multinomial weights per unit; one matrix product per group.
        weights = rng.multinomial(m, np.full(m, 1.0 / m), size=n_boot).astype(float)
        with np.errstate(divide="ignore", invalid="ignore"):
            boot = 1000.0 * (weights @ units) / (weights @ unit_words)[:, None]
        for k, kind in enumerate(MARKER_KINDS):
            count = int(counts[:, k].sum())
            col = boot[:, k][np.isfinite(boot[:, k])]
            low, high = (
                (float(np.percentile(col, lo_q)), float(np.percentile(col, hi_q)))
                if col.size
                else (np.nan, np.nan)
            )
            rate = 1000.0 * count / total_words if total_words else np.nan
            rows.append((g, kind, count, int(total_words), n, rate, low, high))
    return pd.DataFrame(rows, columns=RATE_COLUMNS)
