"""Which actor names count as one across the articles compared."""

from __future__ import annotations

from collections.abc import Iterable


def merge_short_names(persons: Iterable[str]) -> dict[str, str]:
    """Short person names joined to the one full name ending with them.

    "Putin", used by some articles, joins "Vladimir Putin", used by others, when no other full
    name of the set ends with " Putin"; an ambiguous short name ("Johnson" with both "Boris
    Johnson" and "Dustin Johnson") stays apart.

    Args:
        persons: the names of people in the articles compared (any order, repeats allowed).

    Returns:
        short name → full name, for the names that merge.
    """
    names = set(persons)
    full = [n for n in names if len(n.split()) >= 2]
    out: dict[str, str] = {}
    for name in names:
        longer = [f for f in full if f != name and f.endswith(" " + name)]
        if len(longer) == 1:
            out[name] = longer[0]
    return out
