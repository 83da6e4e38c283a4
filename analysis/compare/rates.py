"""Markers per 1,000 words per group, with bootstrap confidence intervals."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from analysis.records import MARKER_KINDS

MAX_BOOT_UNITS = 1000
"""Above this many articles a group's articles are pooled at random into this many blocks
before resampling (see :func:`marker_rates`)."""

RATE_COLUMNS = ["group", "kind", "count", "words", "articles", "rate", "low", "high"]


def marker_rates(
    units: pd.DataFrame,
    sizes: Mapping[str, int],
    groups: list[str],
    *,
    ci: float = 0.95,
    n_boot: int = 1000,
    seed: int = 0,
) -> pd.DataFrame:
    """Markers of each kind per 1,000 words per group, with percentile bootstrap intervals.

    The rate pools the group's articles (markers / words × 1,000). The interval resamples the
    group's *articles* with replacement ``n_boot`` times (Efron & Tibshirani 1993, percentile
    method), so it shows how much the rate depends on which articles were picked. A group of
    more than :data:`MAX_BOOT_UNITS` articles resamples that many blocks of its articles
    instead: the sums of blocks of about n/m articles each vary like the sums of n articles,
    while a resample costs m instead of n draws (a group of 50,000 articles takes milliseconds).

    Args:
        units: the resampling units (``ComparisonSource.rate_units``): ``group``, ``words``
            and a column per marker kind.
        sizes: articles per group.
        groups: the groups, in output order.
        ci: the interval's coverage.
        n_boot: resamples.
        seed: seed of the resampling (results are reproducible).

    Returns:
        :data:`RATE_COLUMNS`, one row per (group, kind); ``low`` and ``high`` are NaN for a
        group of one article (no interval can be drawn from it).
    """
    rng = np.random.default_rng(seed)
    lo_q, hi_q = 100 * (1 - ci) / 2, 100 * (1 + ci) / 2
    rows = []
    for g in groups:
        sub = units[units["group"] == g]
        counts = sub[list(MARKER_KINDS)].to_numpy(dtype=float)
        words = sub["words"].to_numpy(dtype=float)
        n, total_words = int(sizes.get(g, 0)), words.sum()
        # Each resample draws len(units) units with replacement (an n_boot × m index array).
        picks = rng.integers(0, len(words), size=(n_boot, len(words)))
        boot_words = words[picks].sum(axis=1)
        boot_counts = np.stack([counts[:, k][picks].sum(axis=1) for k in range(counts.shape[1])], 1)
        with np.errstate(divide="ignore", invalid="ignore"):
            boot = 1000.0 * boot_counts / boot_words[:, None]
        for k, kind in enumerate(MARKER_KINDS):
            count = int(counts[:, k].sum())
            col = boot[:, k][np.isfinite(boot[:, k])]
            # One article resampled is always itself: a zero-width interval would look precise
            # when nothing is known about how the outlet's articles vary.
            low, high = (
                (float(np.percentile(col, lo_q)), float(np.percentile(col, hi_q)))
                if col.size and n >= 2
                else (np.nan, np.nan)
            )
            rate = 1000.0 * count / total_words if total_words else np.nan
            rows.append((g, kind, count, int(total_words), n, rate, low, high))
    return pd.DataFrame(rows, columns=RATE_COLUMNS)
