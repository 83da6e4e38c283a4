"""Framing over time: each actor's distancing share per group and period (week, month …)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.compare.source import ComparisonSource
from analysis.records import STANCES

PERIOD_NAMES = ("day", "week", "month", "year")
"""``day`` is the article's own date column; ``week`` starts on Monday."""
TIMELINE_COLUMNS = [
    "period", "group", "actor", "articles", "attributions", "distancing_share", "enough",
]  # fmt: skip


def period_name(over: str) -> str:
    """The period of ``--over`` (``date`` is the date column itself, i.e. ``day``)."""
    name = "day" if over == "date" else over
    if name not in PERIOD_NAMES:
        raise ValueError(f"cannot group by {over!r}; choose week, month, year or date")
    return name


def timeline_frame(
    source: ComparisonSource,
    over: str,
    actors: Sequence[str] | None = None,
    min_attributions: int = 3,
) -> pd.DataFrame:
    """One row per (period, group, actor): articles, attributions and the distancing share.

    The share pools the period's articles of the group, like every cell of the heat map;
    ``enough`` is False below ``min_attributions`` attributions (the share is then too thin to
    draw a point from). Undated articles have no period and are left out. Extra numeric columns
    the source gives (e.g. tone counts, ``tone_*``) are kept.

    Args:
        source: a comparison source with names merged.
        over: ``week``, ``month``, ``year`` or ``date`` (``day``).
        actors: keep these actors only (default all).
        min_attributions: see ``enough``.
    """
    totals = source.actor_totals(period=period_name(over))
    extra = [c for c in totals.columns if str(c).startswith("tone")]
    if totals.empty:
        return pd.DataFrame(columns=[*TIMELINE_COLUMNS, *extra])
    frame = totals[totals["period"].notna()].copy()
    if actors is not None:
        frame = frame[frame["actor"].isin(list(actors))]
    frame["attributions"] = frame[list(STANCES)].sum(axis=1).astype("int64")
    frame["articles"] = frame["articles"].astype("int64")
    frame["distancing_share"] = frame["distancing"] / frame["attributions"].where(
        frame["attributions"] > 0
    )
    frame["enough"] = frame["attributions"] >= min_attributions
    frame = frame.sort_values(["actor", "group", "period"], kind="stable")
    return frame[[*TIMELINE_COLUMNS, *extra]].reset_index(drop=True)
