"""One actor across a corpus: every stored actor name mapped to a canonical actor.

Each article names its actors its own way ("Kerry", "John F. Kerry", "Sergey Lavrov"); the
engine already merges the names *within* an article. This step merges them *across* the corpus,
from the stored names and their article counts only (no NLP runs), by these rules, in order:

1. **Spelling variants** of a person's name share a key
   (:func:`analysis.engine.name_variants.name_key`: Sergei/Sergey, -ych/-ich, Victor/Viktor,
   middle initials): "John F. Kerry" and "John Kerry" are one actor.
2. **Short names** join the one full name of the corpus that ends with them: "Kerry" joins
   "John Kerry" when no other full name of the corpus ends in "Kerry"; an ambiguous short name
   ("Johnson" with "Boris Johnson" and "Dustin Johnson") stays its own actor. A short name is a
   person's when most articles type it PERSON, or when some do (the model types a bare surname
   ORG in other articles); a name no article types PERSON never joins a person.
3. **Places**: a capital or another name of a country counts as the country ("Kremlin" →
   Russia), as in each article (:mod:`analysis.engine.gazetteer`); a demonym ("Russians") counts
   as the country only when the corpus also names the country, as the engine does per article.
4. **The same name** written with another case or a leading "the" ("the Foreign Ministry",
   "Foreign Ministry") is one actor.

The alias table (:mod:`analysis.library.aliases`) then corrects the rules: ``split`` names take
part in no rule, ``merge`` joins two actors, ``rename`` changes how an actor is shown,
``ignore`` drops a name. The result depends only on the set of names, their counts and the alias
rows, never on the order articles were stored in (names are sorted before any choice).

The canonical name of an actor is its most used full name (by articles; ties: fewer words, then
alphabetical), a country's gazetteer name, or the target of a merge.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

import pandas as pd

from analysis.engine.gazetteer import place, surface_key
from analysis.engine.name_variants import word_key
from analysis.records import ACTOR_TYPES

RULES = {
    "variant": "a spelling variant of the same name",
    "short": "a short name: the only full name in the corpus that ends with it",
    "place": "another name of the same place (gazetteer)",
    "demonym": "a demonym of a country the corpus names",
    "same": "the same name in another case or with 'the'",
    "merge": "merged in the alias table",
    "rename": "renamed in the alias table",
}
"""Why a name counts under its actor (the values of :attr:`ActorResolution.why`)."""


_SPLIT = re.compile(r"[\s\-]+")
_INITIAL = re.compile(r"^[^\W\d_]\.?$")


@lru_cache(maxsize=200_000)
def _word(word: str) -> str:
    """:func:`~analysis.engine.name_variants.word_key`, remembered: a corpus repeats its first
    names and surnames, and the variant rules are most of the resolution's time."""
    return word_key(word)


def person_key(name: str) -> str:
    """:func:`analysis.engine.name_variants.name_key` (the same key; a test checks it), word by
    word through :func:`_word`."""
    words = [w for w in _SPLIT.split(name) if w]
    if len(words) > 1:
        kept = [w for w in words[1:] if not _INITIAL.match(w)]
        words = [words[0], *kept] if kept else words
    return " ".join(_word(w) for w in words)


class AliasRule(Protocol):
    """A row of the alias table (:class:`analysis.library.aliases.Alias` has this shape)."""

    @property
    def action(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def target(self) -> str: ...


@dataclass(frozen=True)
class ActorResolution:
    """Stored actor names → canonical actors (see the module docstring).

    Attributes:
        names: stored name → the canonical name it counts under (only names that change).
        dropped: stored names that are not actors (``ignore`` rows).
        members: canonical name → every stored name counted under it (sorted).
        why: stored name → the key of :data:`RULES` that moved it (only names that change).
        suggestions: (stored name, actor) pairs no rule merges but a researcher may: a one-word
            name no article types PERSON that is the surname of exactly one person ("Lavrov",
            typed ORG by the model, and "Sergei Lavrov"). Shown for a one-click ``merge``.
    """

    names: Mapping[str, str] = field(default_factory=dict)
    dropped: frozenset[str] = frozenset()
    members: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    why: Mapping[str, str] = field(default_factory=dict)
    suggestions: tuple[tuple[str, str], ...] = ()

    def canonical(self, name: str) -> str:
        """The name ``name`` counts under."""
        return self.names.get(name, name)

    def merged_into(self, actor: str) -> list[str]:
        """The stored names counted under ``actor`` other than ``actor`` itself."""
        return [n for n in self.members.get(actor, (actor,)) if n != actor]


class _Groups:
    """Union-find over stored names; each group remembers its canonical name."""

    def __init__(self, names: Iterable[str]) -> None:
        self.parent = {n: n for n in names}
        self.label: dict[str, str] = {}

    def find(self, n: str) -> str:
        root = n
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[n] != root:
            self.parent[n], n = root, self.parent[n]
        return root

    def join(self, a: str, b: str) -> None:
        """Join ``a``'s group into ``b``'s (``b``'s root stays the root)."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb


def name_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Per stored name: its main type (most articles; ties in ACTOR_TYPES order) and articles.

    Args:
        rows: ``name``, ``type``, ``articles`` (one row per name and type, or more).
    """
    if rows.empty:
        return pd.DataFrame(columns=["name", "type", "articles"])
    order = {t: i for i, t in enumerate(ACTOR_TYPES)}
    per = rows.groupby(["name", "type"], sort=False)["articles"].sum().reset_index()
    per["rank"] = per["type"].map(lambda t: order.get(t, len(order)))
    per = per.sort_values(["name", "articles", "rank"], ascending=[True, False, True])
    main = per.drop_duplicates("name").set_index("name")["type"]
    total = per.groupby("name")["articles"].sum()
    return pd.DataFrame({"name": total.index, "type": main.reindex(total.index).to_numpy(),
                         "articles": total.to_numpy()})  # fmt: skip


def resolve_actors(rows: pd.DataFrame, aliases: Iterable[AliasRule] = ()) -> ActorResolution:
    """Map every stored actor name of a corpus to its canonical actor.

    Args:
        rows: the corpus's stored names: ``name``, ``type``, ``articles`` (articles holding the
            name with that type); one row per (name, type) or more, any order.
        aliases: the alias table's rows, oldest first (a later rename wins).

    Returns:
        The :class:`ActorResolution`.
    """
    table = name_table(rows)
    # A bare surname is often typed ORG by the model in some articles: it counts as a person's
    # short name when any article types it PERSON.
    ever_person = set(rows.loc[rows["type"] == "PERSON", "name"].tolist()) if len(rows) else set()
    stored = table["name"].tolist()  # plain lists: iterating pandas string arrays is slow
    articles = dict(zip(stored, table["articles"].astype(int).tolist(), strict=True))
    types = dict(zip(stored, table["type"].tolist(), strict=True))
    rules = [a for a in aliases if a.name]
    kept_apart = {a.name for a in rules if a.action in ("split", "ignore")}
    dropped = frozenset(a.name for a in rules if a.action == "ignore")
    names = sorted(articles)
    groups = _Groups(names)
    why: dict[str, str] = {}
    auto = [n for n in names if n not in kept_apart]
    people = [
        n for n in auto
        if types[n] == "PERSON"
        or (n in ever_person and " " not in n and place(surface_key(n)) is None)
    ]  # fmt: skip
    surnames = _merge_people(people, articles, groups, why)
    is_person = set(people)
    others = [n for n in auto if n not in is_person]
    _merge_places(others, groups, why)
    _merge_same(others, articles, groups, why)
    _apply_merges(rules, groups, why)
    display = _apply_renames(rules, groups, why)
    members: dict[str, list[str]] = {}
    mapping: dict[str, str] = {}
    for n in names:
        if n in dropped:
            continue
        root = groups.find(n)
        shown = display.get(root) or groups.label.get(root, root)
        members.setdefault(shown, []).append(n)
        if shown != n:
            mapping[n] = shown
    suggested = [
        (n, mapping.get(full, full))
        for n, full in _surname_suggestions(others, surnames)
        if n not in mapping and n not in kept_apart and mapping.get(full, full) != n
    ]
    return ActorResolution(
        names=mapping,
        dropped=dropped,
        members={k: tuple(sorted(v)) for k, v in members.items()},
        why={n: why.get(n, "merge") for n in mapping},
        suggestions=tuple(sorted(suggested)),
    )


def _surname_suggestions(
    others: list[str], surnames: Mapping[str, str]
) -> Iterable[tuple[str, str]]:
    """(one-word non-person name, the one full name it is the surname of), not places."""
    for n in others:
        if " " in n or len(n) < 3 or not n[:1].isupper() or place(surface_key(n)) is not None:
            continue
        full = surnames.get(person_key(n))
        if full is not None:
            yield n, full


def _best(candidates: Iterable[str], articles: Mapping[str, int]) -> str:
    """The name an actor is shown by: most articles, then fewer words, then alphabetical."""
    return min(candidates, key=lambda n: (-articles.get(n, 0), len(n.split()), n))


def _merge_people(
    people: list[str], articles: Mapping[str, int], groups: _Groups, why: dict[str, str]
) -> dict[str, str]:
    """Rules 1 and 2: spelling variants share a key; a short name joins its one full name.

    Returns surname key → the one full name ending with it (surnames of one person only)."""
    by_key: dict[str, list[str]] = {}
    for n in people:
        by_key.setdefault(person_key(n), []).append(n)
    heads = _merge_variants(by_key, articles, groups, why)
    surnames: dict[str, set[str]] = {}
    for key in by_key:
        words = key.split()
        if len(words) >= 2:
            surnames.setdefault(words[-1], set()).add(key)
    for key, forms in by_key.items():
        if " " in key or len(key) < 3:
            continue
        full = surnames.get(key, set())
        if len(full) == 1:  # ambiguous short names stay apart
            target = heads[next(iter(full))]
            for n in forms:
                groups.join(n, target)
                why[n] = "short"
    return {w: heads[next(iter(keys))] for w, keys in surnames.items() if len(keys) == 1}


def _merge_variants(
    by_key: Mapping[str, list[str]],
    articles: Mapping[str, int],
    groups: _Groups,
    why: dict[str, str],
) -> dict[str, str]:
    """Rule 1: the names of one key join its head (the name shown); returns key → head."""
    heads: dict[str, str] = {}
    for key, forms in by_key.items():
        head = _best(forms, articles)
        heads[key] = head
        groups.label[head] = head
        for n in forms:
            if n != head:
                groups.join(n, head)
                why[n] = "variant"
    return heads


def _merge_places(others: list[str], groups: _Groups, why: dict[str, str]) -> None:
    """Rule 3: other names of a place count as its canonical name; demonyms only when the
    corpus names the country."""
    found = {n: place(surface_key(n)) for n in others}
    named = {p.canonical for p in found.values() if p is not None and p.category != "demonym"}
    present = set(others)
    for n, p in found.items():
        if p is None or p.canonical == n:
            continue
        if p.category == "demonym" and p.canonical not in named:
            continue
        if p.canonical not in present:
            groups.parent.setdefault(p.canonical, p.canonical)
        groups.label[groups.find(p.canonical)] = p.canonical
        groups.join(n, p.canonical)
        why[n] = "demonym" if p.category == "demonym" else "place"


def _merge_same(
    others: list[str], articles: Mapping[str, int], groups: _Groups, why: dict[str, str]
) -> None:
    """Rule 4: names equal but for case and a leading "the" are one actor."""
    by_fold: dict[str, list[str]] = {}
    for n in others:
        by_fold.setdefault(surface_key(n).removeprefix("the "), []).append(n)
    for forms in by_fold.values():
        if len(forms) < 2:
            continue
        head = _best(forms, articles)
        target = groups.find(head)
        groups.label.setdefault(target, head)
        for n in forms:
            if groups.find(n) != target:
                groups.join(n, head)
                why.setdefault(n, "same")


def _apply_merges(rules: list[AliasRule], groups: _Groups, why: dict[str, str]) -> None:
    """``merge`` rows: the source's actor joins the target's (a target no article names is
    shown by its own name)."""
    merges = [a for a in rules if a.action == "merge" and a.name in groups.parent]
    for a in merges:
        if a.target not in groups.parent:
            groups.parent[a.target] = a.target
            groups.label[a.target] = a.target
    for a in merges:
        target = groups.find(a.target)
        label = groups.label.get(target, target)
        if groups.find(a.name) == target:
            continue
        why[a.name] = "merge"
        groups.join(a.name, a.target)
        groups.label[groups.find(a.target)] = label


def _apply_renames(rules: list[AliasRule], groups: _Groups, why: dict[str, str]) -> dict[str, str]:
    """``rename`` rows: group root → the name it is shown by (a later row wins)."""
    shown: dict[str, str] = {}
    for a in rules:
        if a.action == "rename" and a.name in groups.parent:
            shown[groups.find(a.name)] = a.target
    for n in list(groups.parent):
        if groups.find(n) in shown:
            why.setdefault(n, "rename")
    return shown
