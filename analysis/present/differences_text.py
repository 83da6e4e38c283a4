"""Plain-language sentences about tested differences (for the Compare page and the report)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def _points(value: float) -> str:
    """0.42 → "42 points" (percentage points)."""
    return f"{abs(value) * 100:.0f} point{'s' if round(abs(value) * 100) != 1 else ''}"


def difference_sentence(row: Mapping[str, Any], tests: int) -> str:
    """One tested difference as a sentence a 15-year-old can follow (plain text, unescaped).

    Args:
        row: a row of :meth:`analysis.compare.Comparison.differences` (actor, group_a,
            group_b, a, b, effect, ci_low, ci_high, p_adjusted, significant).
        tests: how many differences were tested (the adjustment's m).
    """
    actor, ga, gb = row["actor"], row["group_a"], row["group_b"]
    a, b, effect = float(row["a"]), float(row["b"]), float(row["effect"])
    more, less = (ga, gb) if effect >= 0 else (gb, ga)
    share = f"({a:.0%} in {ga}, {b:.0%} in {gb})"
    interval = f"95% interval {row['ci_low'] * 100:+.0f} to {row['ci_high'] * 100:+.0f} points"
    p = float(row["p_adjusted"])
    if bool(row["significant"]):
        return (
            f"{more} reports {actor}'s statements with distancing verbs more often than {less} "
            f"{share}: a difference of {_points(effect)} ({interval}). "
            + ("" if tests <= 1 else f"After allowing for the {tests} comparisons made, ")
            + ("chance" if tests > 1 else "Chance")
            + f" alone would rarely give a difference this large (adjusted p = {p:.3f})."
        )
    return (
        f"{ga} and {gb} report {actor}'s statements with distancing verbs at rates that differ "
        f"by {_points(effect)} {share}, but with {int(row['articles_a'])} and "
        f"{int(row['articles_b'])} articles this could be chance (adjusted p = {p:.2f}; "
        f"{interval})."
    )


def thin_sentence(row: Mapping[str, Any]) -> str:
    """Why an actor in a group was not tested (plain text)."""
    return f"{row['actor']} in {row['group']}: too little data to test — {row['reason']}."
