"""Totals of a filter that keeps most articles, as the totals of all minus those left out.

Every count of the count tables adds up over articles, so the sums over the articles a
keyword or actor filter keeps equal the sums over every article passing its whole-article
conditions (read from the small per-day cells, or kept) minus the sums over the few articles
it leaves out (read through the article index). :class:`analysis.library.query.Selection`
takes this way when fewer articles are left out than kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from analysis.blocks import block_of

UNIT_KEYS = ["actor", "group", "unit"]


def sums_without(every: pd.DataFrame, out: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """``every`` minus ``out`` per ``keys`` (both: ``keys``, ``articles``, summed columns);
    rows left with no article are dropped. Ordered by ``keys`` (``every`` as it is when
    ``out`` is empty)."""
    if out.empty:
        return every
    values = [c for c in every.columns if c not in keys]
    out = out.copy()
    out[values] = -out[values]
    both = pd.concat([every, out], ignore_index=True)
    both = both.groupby(list(keys), dropna=False)[values].sum().reset_index()
    return both[both["articles"] > 0].reset_index(drop=True)


def units_without(
    every: pd.DataFrame,
    out: pd.DataFrame,
    max_units: int,
    actors: Sequence[str],
    read_again: Callable[[set[tuple[str, str]]], pd.DataFrame],
) -> pd.DataFrame:
    """The resampling units of the articles kept: ``every``'s units minus the per-article
    units ``out`` of the articles left out.

    Args:
        every: actor, group, unit, articles, distancing, attributions over every article.
        out: the same, one unit per article left out (unit = article id).
        max_units: a group of more articles than this pools them into hashed blocks
            (:mod:`analysis.blocks`).
        actors: the actors, in the order the units are listed.
        read_again: the units of some (actor, group) pairs under the filter, read afresh: a
            group pooled in blocks over every article but of at most ``max_units`` articles
            once the left-out ones are gone has one unit per article instead, which the
            blocks cannot give back.

    Returns:
        The units, by actor (in ``actors`` order), group and unit.
    """
    keys = UNIT_KEYS[:2]
    size = every.groupby(keys)["articles"].sum()
    pooled = size[size > max_units]
    small = size.sub(out.groupby(keys)["articles"].sum(), fill_value=0).reindex(pooled.index)
    # (A group with no article left has no unit: nothing to read.)
    redo = {(str(a), str(g)) for a, g in pooled.index[(small > 0) & (small <= max_units)]}
    out = out.copy()
    in_blocks = pd.MultiIndex.from_frame(out[keys]).isin(pooled.index)
    out.loc[in_blocks, "unit"] = block_of(out.loc[in_blocks, "unit"], max_units)
    units = sums_without(every, out, UNIT_KEYS)
    if redo:
        again = read_again(redo)
        again = again[pd.MultiIndex.from_frame(again[keys]).isin(list(redo))]
        units = units[~pd.MultiIndex.from_frame(units[keys]).isin(list(redo))]
        units = pd.concat([units, again], ignore_index=True)
    order = {a: i for i, a in enumerate(actors)}
    units = units.assign(_order=units["actor"].map(order))
    units = units.sort_values(["_order", "group", "unit"], kind="stable").drop(columns="_order")
    return units.reset_index(drop=True)
