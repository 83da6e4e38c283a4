"""Organisations and whose they are: "Putin's Finance Ministry" is the Finance Ministry of Russia.

A possessor before an organisation's name says whose it is ("Russia's Foreign Ministry",
"Yanukovych's Party of Regions"), and so does a place before it ("Russian Foreign Ministry",
"US State Department"). The organisation is its own actor; the possessor is only its owner (and
keeps its own mention). An organisation owned by a person belongs to that person's country when
the article names it ("Russian President Vladimir Putin"). Owned organisations are kept apart by
owner — "Russia's Foreign Ministry" and "Ukraine's Foreign Ministry" are two actors, which keeps
them apart across a corpus too — and a bare "the Foreign Ministry" joins the owned one mentioned
last before it (the way later references shorten a full name: AP Stylebook, "titles").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from analysis.engine.article import ParsedArticle
from analysis.engine.assignment import Assignment
from analysis.engine.gazetteer import place, surface_key

OWNER_MARK = "@"
"""Separates an organisation's name from its owner country in an actor key."""


def with_owners(assigned: Sequence[Assignment], article: ParsedArticle) -> list[Assignment]:
    """The assignments with every organisation keyed by its owner country, where known.

    Args:
        assigned: the article's assignments in text order.
        article: the parsed article (to find the owner's assignment by offset).

    Returns:
        The same assignments; organisation keys are ``org:<name>@<Country>`` for owned ones,
        and bare ones join the owned organisation of the same name mentioned last before them
        (or the only one).
    """
    at = {a.name.start: a for a in assigned}
    countries = _person_countries(assigned)
    qualified = [_owned(a, at, countries, article) for a in assigned]
    return _bare_join_owned(qualified)


def display_of_owned(key: str, forms: Counter[str]) -> str | None:
    """The name shown for an owned organisation: a written form that names the owner
    ("Russian Foreign Ministry"), else "Foreign Ministry (Russia)"; None for other keys."""
    kind, _, rest = key.partition(":")
    name, mark, country = rest.partition(OWNER_MARK)
    if kind != "org" or not mark:
        return None
    prefixed = [f for f in forms if surface_key(f).removeprefix("the ") != name]
    if prefixed:
        return _without_the(max(prefixed, key=lambda f: (forms[f], len(f))))
    best = max(forms.items(), key=lambda kv: (kv[1], len(kv[0])))[0]
    return f"{_without_the(best)} ({country})"


def _without_the(form: str) -> str:
    return re.sub(r"^(the|The)\s+", "", form)


def _person_countries(assigned: Sequence[Assignment]) -> dict[str, str]:
    """Person key -> the country named before their title somewhere in the article."""
    out: dict[str, str] = {}
    for a in assigned:
        if a.key.startswith("person:") and a.name.country:
            out.setdefault(a.key, a.name.country)
    return out


def _owned(
    a: Assignment,
    at: Mapping[int, Assignment],
    countries: Mapping[str, str],
    article: ParsedArticle,
) -> Assignment:
    """An organisation's assignment keyed by its owner country (possessor or place prefix)."""
    if a.type != "ORG" or not a.key.startswith("org:") or OWNER_MARK in a.key:
        return a
    name = a.key[4:]
    country = None
    if a.name.owner is not None:
        owner = at.get(article.start(a.name.owner))
        if owner is not None and owner.key.startswith("place:") and owner.type == "GPE":
            country = owner.key[6:]
        elif owner is not None:
            country = countries.get(owner.key)
    words = name.split()
    for k in range(1, len(words)):
        row = place(" ".join(words[:k]))
        if row is not None and row.type == "GPE" and row.category != "region":
            country, name = country or row.canonical, " ".join(words[k:])
            break
    if country is None:
        return a
    return Assignment(a.name, f"org:{name}{OWNER_MARK}{country}", a.type)


def _bare_join_owned(assigned: list[Assignment]) -> list[Assignment]:
    """Bare organisation names joined to the owned one of the same name: the one mentioned last
    before, else the only one in the article."""
    owned: dict[str, set[str]] = {}
    for a in assigned:
        if a.key.startswith("org:") and OWNER_MARK in a.key:
            owned.setdefault(a.key[4:].partition(OWNER_MARK)[0], set()).add(a.key)
    last: dict[str, str] = {}
    out = []
    for a in assigned:
        name = a.key[4:] if a.key.startswith("org:") else ""
        if name and OWNER_MARK in name:
            last[name.partition(OWNER_MARK)[0]] = a.key
        elif name in owned:
            keys = owned[name]
            target = last.get(name) or (next(iter(keys)) if len(keys) == 1 else None)
            if target is not None:
                a = Assignment(a.name, target, a.type)
        out.append(a)
    return out
