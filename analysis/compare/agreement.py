"""Agreement among coders: Krippendorff's alpha for nominal and interval data.

Krippendorff, K. (2011). "Computing Krippendorff's Alpha-Reliability." Annenberg School for
Communication, University of Pennsylvania (the coincidence-matrix method of its section C, which
also handles missing values). α = 1 − D_o / D_e: 1 is perfect agreement, 0 is what chance alone
gives, below 0 systematic disagreement. Krippendorff suggests relying on α ≥ 0.8 and drawing only
tentative conclusions for 0.667 ≤ α < 0.8.

In a class activity the units are the flags, the coders are the students and the values their
answers (agree / disagree); a student who skipped a flag is a missing value.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from itertools import permutations


def krippendorff_alpha(
    units: Iterable[Sequence[Hashable | None]] | Mapping[Hashable, Sequence[Hashable | None]],
    level: str = "nominal",
) -> float | None:
    """Krippendorff's α of reliability data.

    Args:
        units: one sequence of values per unit (the values the coders gave it; ``None`` for a
            coder who gave none), or a mapping from unit to such a sequence.
        level: ``nominal`` (categories) or ``interval`` (numbers; squared differences).

    Returns:
        α, or None when it is undefined: fewer than two pairable values, or every pairable
        value the same (no variation, so agreement cannot be told from chance).
    """
    if level not in ("nominal", "interval"):
        raise ValueError(f"level must be 'nominal' or 'interval', not {level!r}")
    rows = units.values() if isinstance(units, Mapping) else units
    # Coincidences: each ordered pair of values in a unit with m values counts 1 / (m - 1).
    coincidence: dict[tuple[Hashable, Hashable], float] = {}
    for row in rows:
        values = [v for v in row if v is not None]
        m = len(values)
        if m < 2:
            continue  # a unit coded once cannot be paired
        for a, b in permutations(values, 2):
            coincidence[(a, b)] = coincidence.get((a, b), 0.0) + 1.0 / (m - 1)
    totals: dict[Hashable, float] = {}
    for (a, _b), w in coincidence.items():
        totals[a] = totals.get(a, 0.0) + w
    n = sum(totals.values())
    if n < 2 or len(totals) < 2:
        return None

    def delta(a: Hashable, b: Hashable) -> float:
        if level == "nominal":
            return 0.0 if a == b else 1.0
        return (float(a) - float(b)) ** 2  # type: ignore[arg-type]

    observed = sum(w * delta(a, b) for (a, b), w in coincidence.items())
    expected = sum(totals[a] * totals[b] * delta(a, b) for a in totals for b in totals)
    if expected == 0:
        return None
    return 1.0 - (n - 1) * observed / expected


def alpha_meaning(alpha: float | None) -> str:
    """One sentence saying what an α value means for a class."""
    if alpha is None:
        return (
            "Agreement cannot be measured yet: it needs at least two students answering the "
            "same flags, and some variation in the answers."
        )
    if alpha >= 0.8:
        return (
            f"α = {alpha:.2f}: the students agree with each other far more than chance would "
            "give, so the class reads these flags alike."
        )
    if alpha >= 0.667:
        return (
            f"α = {alpha:.2f}: the students mostly agree with each other, but not enough to "
            "call it reliable (Krippendorff asks for 0.8)."
        )
    if alpha > 0:
        return (
            f"α = {alpha:.2f}: the students agree with each other only a little more than "
            "chance would give — a good sign there is something to discuss."
        )
    return (
        f"α = {alpha:.2f}: the students agree with each other no more than chance would give; "
        "they read these flags very differently."
    )
