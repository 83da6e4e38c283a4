"""Known names: countries, capitals, demonyms and aliases (``places.csv``) and title words
(``titles.csv``), read once from the lexicons."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from analysis.lexicons import lexicon_frame, load_lexicon

_APOS = re.compile(r"['’]s?$")


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer row: a surface form and the actor it names."""

    canonical: str
    category: str  # country | capital | demonym | alias | region ...
    type: str  # GPE | ORG | NORP


@cache
def places() -> dict[str, Place]:
    """Lower-cased surface form -> gazetteer row."""
    frame = lexicon_frame("places")
    return {
        t.lower(): Place(c, cat, typ)
        for t, c, cat, typ in zip(
            frame["term"], frame["canonical"], frame["category"], frame["type"], strict=True
        )
    }


def place(key: str) -> Place | None:
    """Gazetteer entry for a lower-cased surface form; plural demonyms too ("Russians")."""
    known = places()
    hit = known.get(key)
    if hit is None and key.endswith("s"):
        singular = known.get(key[:-1])
        if singular is not None and singular.category == "demonym":
            return singular
    return hit


@cache
def single_word_places() -> frozenset[str]:
    """Gazetteer forms of one word ("kremlin", "western"), found even where NER saw nothing."""
    return frozenset(k for k in places() if " " not in k)


@cache
def titles() -> frozenset[str]:
    """Title and role words stripped before a name ("minister", "chief", "spokesperson")."""
    return frozenset(k for k, v in load_lexicon("titles").items() if v.category != "name_particle")


@cache
def connectors() -> frozenset[str]:
    """Words inside a title that are not titles themselves ("of", "for")."""
    return frozenset(k for k, v in load_lexicon("titles").items() if v.category == "connector")


@cache
def particles() -> frozenset[str]:
    """Name particles that continue a name ("von", "der", "Le")."""
    return frozenset(k for k, v in load_lexicon("titles").items() if v.category == "name_particle")


def surface_key(text: str) -> str:
    """A name as compared: lower case, single spaces, no trailing possessive."""
    return " ".join(_APOS.sub("", text).split()).lower()
