"""The actors of one article and where they are mentioned: the lookup every extractor uses."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field

from analysis.records import Mention

PRONOUN_WINDOW = 3
"""Sentences back that a pronoun ("he", "it") may reach for the actor it stands for."""


@dataclass
class ActorInfo:
    """An actor found in the article (before profiling): display name, type, other names."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)


@dataclass
class ActorIndex:
    """Actors, their mentions in text order, and the actor at each mentioned token.

    ``by_offset`` maps the character offset of every token of a mention to its actor;
    ``subject_starts`` holds the starts of mentions in subject position, ``quoted_starts`` those
    inside quotation marks (both used for salience when resolving pronouns); ``titles`` the
    title words seen before each person's name ("foreign", "minister"), for descriptions.
    """

    actors: list[ActorInfo]
    mentions: list[Mention]
    by_offset: dict[int, str]
    kinds: dict[str, str]  # actor name -> type
    subject_starts: set[int] = field(default_factory=set)
    quoted_starts: set[int] = field(default_factory=set)
    titles: dict[str, set[str]] = field(default_factory=dict)  # person -> title words used

    def __post_init__(self) -> None:
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]

    def at(self, pos: int) -> str | None:
        """The actor of the mention holding the token that starts at character ``pos``."""
        return self.by_offset.get(pos)

    def add(self, mentions: Iterable[Mention], token_starts: Iterable[tuple[int, str]]) -> None:
        """Add mentions (kept in text order) and the token offsets they cover."""
        self.mentions.extend(mentions)
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self.by_offset.update(token_starts)

    def before(self, pos: int) -> int:
        """Index in :attr:`mentions` of the first mention starting at or after ``pos``."""
        return bisect_left(self._starts, pos)

    def last_before(self, pos: int, types: set[str], sentence: int) -> str | None:
        """The latest named actor of these types within the pronoun window before ``pos``.

        Salience: a recent subject beats a recent object (Lappin & Leass 1994).
        """
        fallback = None
        for k in range(self.before(pos) - 1, -1, -1):
            m = self.mentions[k]
            if sentence - m.sentence > PRONOUN_WINDOW:
                break
            if self.kinds.get(m.actor) in types and m.how != "pronoun":
                if m.start in self.subject_starts:
                    return m.actor
                fallback = fallback or m.actor
        return fallback
