"""Tested differences: the permutation test over articles, its interval, Benjamini–Hochberg."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analysis.compare.differences import (
    PERMUTE_MAX,
    benjamini_hochberg,
    difference_test,
    pairwise_differences,
)


def test_hand_computed_exact_permutation() -> None:
    # A: articles (distancing, attributions) (2, 2), (1, 2) -> 3/4; B: (0, 2), (0, 1) -> 0/3.
    # The six ways to put two of the four articles in A give differences ±0.75, ±0.4167 and
    # ±0.1667; two of six are at least as large as 0.75 in absolute value: p = 1/3.
    t = difference_test(([2, 1], [2, 2]), ([0, 0], [2, 1]))
    assert (t.a, t.b, t.effect) == (0.75, 0.0, 0.75)
    assert t.p_value == pytest.approx(1 / 3)
    assert t.method.startswith("exact")
    assert (t.articles_a, t.articles_b) == (2, 2)
    # Bootstrap interval: A resamples to 1/2, 3/4 or 1; B is always 0.
    assert 0.5 <= t.ci_low <= t.effect <= t.ci_high <= 1.0


def clustered_articles(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Articles whose attributions share one verb habit: each article distances all or none."""
    att = rng.integers(2, 9, size=n)
    dist = np.where(rng.random(n) < 0.3, att, 0)
    return dist, att


def test_same_articles_give_uniform_p_values() -> None:
    rng = np.random.default_rng(1)
    p_values, naive = [], []
    for rep in range(300):
        dist, att = clustered_articles(rng, 30)
        a, b = (dist[:15], att[:15]), (dist[15:], att[15:])
        p_values.append(difference_test(a, b, n_perm=499, n_boot=99, seed=rep).p_value)
        # The naive two-proportion z-test treats every attribution as independent.
        pa, pb = a[0].sum() / a[1].sum(), b[0].sum() / b[1].sum()
        pool = dist.sum() / att.sum()
        se = math.sqrt(pool * (1 - pool) * (1 / a[1].sum() + 1 / b[1].sum()))
        naive.append(math.erfc(abs(pa - pb) / se / math.sqrt(2)) if se else 1.0)
    p = np.array(p_values)
    assert stats.kstest(p, "uniform").pvalue > 0.01
    assert 0.02 <= np.mean(p < 0.05) <= 0.09
    # The data really are clustered: ignoring that rejects far too often.
    assert np.mean(np.array(naive) < 0.05) > 0.2


def test_large_groups_use_cluster_robust_test_that_agrees_with_permutation() -> None:
    rng = np.random.default_rng(2)
    dist, att = clustered_articles(rng, 2 * PERMUTE_MAX)
    dist[: PERMUTE_MAX // 2] = att[: PERMUTE_MAX // 2]  # group A distances more
    a, b = (dist[:PERMUTE_MAX], att[:PERMUTE_MAX]), (dist[PERMUTE_MAX:], att[PERMUTE_MAX:])
    big = difference_test(a, b)
    assert big.method.startswith("cluster-robust")
    assert big.p_value < 1e-6 and big.ci_low > 0
    small = difference_test((a[0][::4], a[1][::4]), (b[0][::4], b[1][::4]))
    assert small.method.startswith("permutation")
    assert small.effect == pytest.approx(
        a[0][::4].sum() / a[1][::4].sum() - b[0][::4].sum() / b[1][::4].sum()
    )


# Benjamini & Hochberg (1995), section 4: fifteen p-values of a clinical trial; at q = 0.05 the
# procedure rejects the four smallest. Adjusted values: min over j >= i of p_(j) * 15 / j.
BH_P = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240,
        0.4262, 0.5719, 0.6528, 0.7590, 1.0000]  # fmt: skip
BH_ADJUSTED = [0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.0638571, 0.0638571, 0.0645, 0.0765,
               0.486, 0.5811818, 0.714875, 0.7532308, 0.8132143, 1.0]  # fmt: skip


def test_benjamini_hochberg_known_table() -> None:
    adjusted = benjamini_hochberg(BH_P)
    assert adjusted == pytest.approx(BH_ADJUSTED, abs=1e-6)
    assert sum(p <= 0.05 for p in adjusted) == 4
    # Order of the input does not matter; NaN stays NaN and does not count.
    shuffled = [BH_P[i] for i in range(14, -1, -1)] + [float("nan")]
    again = benjamini_hochberg(shuffled)
    assert again[:15] == pytest.approx(BH_ADJUSTED[::-1], abs=1e-6)
    assert math.isnan(again[15])


def units_of(rows: list[tuple[str, int, int]]) -> pd.DataFrame:
    """One unit per article: (group, distancing, attributions)."""
    return pd.DataFrame(
        [{"actor": "Putin", "group": g, "unit": i, "articles": 1, "distancing": d,
          "attributions": n} for i, (g, d, n) in enumerate(rows)]
    )  # fmt: skip


def test_pairs_with_too_little_data_are_reported_not_tested() -> None:
    units = units_of([("A", 3, 3), ("A", 2, 2), ("A", 3, 3), ("B", 0, 3), ("B", 0, 2),
                      ("B", 0, 4), ("C", 1, 1)])  # fmt: skip
    tested, thin = pairwise_differences(units, ["Putin"], ["A", "B", "C"], n_perm=199)
    assert tested[["group_a", "group_b"]].values.tolist() == [["A", "B"]]
    row = tested.iloc[0]
    assert row["a"] == 1.0 and row["b"] == 0.0 and row["effect"] == 1.0
    # Exact: 20 ways to split six articles three and three; 2 are as extreme.
    assert row["p_value"] == pytest.approx(2 / 20)
    assert row["p_adjusted"] == row["p_value"]  # one test: nothing to adjust
    assert thin.to_dict("records") == [
        {"actor": "Putin", "group": "C", "articles": 1, "attributions": 1,
         "reason": "attributions in only 1 article (a test needs 3)"}
    ]  # fmt: skip


def test_blocks_of_a_large_group_count_their_articles() -> None:
    rng = np.random.default_rng(3)
    rows = [("A", int(d), int(n)) for d, n in zip(*clustered_articles(rng, 150), strict=True)]
    rows += [("B", 0, int(n)) for n in rng.integers(2, 9, size=150)]
    units = units_of(rows)
    # The same articles pooled into 40 blocks per group (as the library does above 1,000).
    units["unit"] = units.index % 40
    blocks = units.groupby(["actor", "group", "unit"], as_index=False).sum()
    tested, _ = pairwise_differences(blocks, ["Putin"], ["A", "B"])
    by_article, _ = pairwise_differences(units_of(rows), ["Putin"], ["A", "B"])
    assert tested.iloc[0]["articles_a"] == by_article.iloc[0]["articles_a"] == 150
    assert tested.iloc[0]["effect"] == pytest.approx(by_article.iloc[0]["effect"])
    assert tested.iloc[0]["method"].startswith("cluster-robust")
    assert tested.iloc[0]["p_adjusted"] < 1e-6 and by_article.iloc[0]["p_adjusted"] < 1e-6
