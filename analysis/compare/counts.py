"""The per-article numbers a comparison adds up: :class:`ArticleCounts` with :class:`ActorCounts`.

Vocabulary: an actor's *profile* (:class:`analysis.records.ActorProfile`) is how one actor is
framed in one article; the *counts* here are the few numbers of an article that comparisons pool
over many articles; a group's *framing features* (:attr:`Comparison.framing_features`) are the
rates and shares the outlet map places groups by.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from analysis.records import MARKER_KINDS, STANCES, TONES

ACTOR_COUNT_FIELDS = ("mentions", "quotes", "scare_quotes", "doubt", "loaded")


@dataclass(frozen=True, slots=True)
class ActorCounts:
    """One actor's numbers in one article."""

    name: str
    type: str
    mentions: int
    quotes: int
    scare_quotes: int
    doubt: int
    loaded: int
    stances: Mapping[str, int]
    tones: tuple[int, int, int] | None = None
    """Mentions read as negative / neutral / positive by the tone model (None: no tone)."""

    @property
    def attributions(self) -> int:
        """Statements attributed to the actor, all stances."""
        return sum(self.stances.values())

    @property
    def marked(self) -> bool:
        """True when the article frames the actor at all (any count but mentions)."""
        return bool(
            self.attributions or self.quotes or self.scare_quotes or self.doubt or self.loaded
        )

    @classmethod
    def of_summary(cls, actor: Mapping[str, Any]) -> ActorCounts:
        """The counts of one actor of an analysis summary (``ActorProfile.to_dict()`` shape)."""
        stance_counts = actor.get("stance_counts", {})
        return cls(
            name=str(actor["name"]),
            type=str(actor.get("type", "")),
            **{f: int(actor.get(f, 0)) for f in ACTOR_COUNT_FIELDS},
            stances={s: int(stance_counts.get(s, 0)) for s in STANCES},
            tones=_tones(actor.get("tone_counts")),
        )


def _tones(counts: object) -> tuple[int, int, int] | None:
    """The three tone counts of a profile's ``tone_counts`` (None in schemas 1 and 2)."""
    if not isinstance(counts, Mapping) or not counts:
        return None
    n = [int(counts.get(t, 0)) for t in TONES]
    return (n[0], n[1], n[2])


@dataclass(frozen=True, slots=True)
class ArticleCounts:
    """An article's numbers: words, markers of each kind, attribution stances, its actors."""

    words: int
    kinds: Mapping[str, int]
    stances: Mapping[str, int]
    actors: tuple[ActorCounts, ...]

    @classmethod
    def of_summary(cls, summary: Mapping[str, Any]) -> ArticleCounts:
        """The counts of an analysis summary (``ArticleAnalysis.to_dict()`` shape)."""
        kinds = dict.fromkeys(MARKER_KINDS, 0)
        stances = dict.fromkeys(STANCES, 0)
        for m in summary.get("markers", ()):
            if m.get("kind") in kinds:
                kinds[m["kind"]] += 1
            if m.get("kind") == "attribution" and m.get("category") in stances:
                stances[m["category"]] += 1
        return cls(
            words=int(summary.get("words", 0)),
            kinds=kinds,
            stances=stances,
            actors=tuple(ActorCounts.of_summary(a) for a in summary.get("actors", ())),
        )
