"""Markers and their explanations, composed in one place from the lexicon row and the marker.

Every marker's explanation is the plain-language text of the lexicon row that fired (the
``explanation`` column, written for a 15-year-old) followed by whom it concerns, and its source is
the row's ``source`` column (DESIGN.md: "evidence for every number"). Extractors build markers
only through :func:`make_marker`; a later step that changes a marker's actor uses
:func:`with_actor`, which composes the explanation again instead of patching the text.
"""

from __future__ import annotations

from dataclasses import replace

from analysis.lexicons import LexiconEntry, load_lexicon
from analysis.records import Marker
from analysis.vocabulary import UNNAMED_SPEAKER

SPEAKER_KINDS = frozenset({"attribution", "quote"})
"""Kinds whose actor is a speaker: their explanation always names one, if only as unnamed."""


def explanation_for(
    kind: str, category: str, base: str, actor: str | None, qualifies: str = "", reason: str = ""
) -> str:
    """The explanation shown for a marker: the lexicon row's text plus whom it concerns."""
    if kind in SPEAKER_KINDS:
        who = actor or UNNAMED_SPEAKER
        if actor and reason == "quoted_first_person":
            who = f"{actor}, quoted"
        return f"{base} (Speaker: {who}.)"
    if kind == "scare_quote":
        role = "Speaker" if category == "partial_quote" else "About"
        return base + (f" ({role}: {actor}.)" if actor else "")
    if kind == "doubt" and qualifies:
        return f"{base} It qualifies '{qualifies}'."
    return base


def make_marker(
    kind: str,
    entry: LexiconEntry,
    rule: str,
    text: str,
    start: int,
    end: int,
    actor: str | None,
    sentence: int,
    *,
    category: str | None = None,
    speaker: str = "",
    cue: str = "",
    qualifies: str = "",
    valence: float | None = None,
    reason: str = "",
) -> Marker:
    """A marker whose category, explanation and source come from the lexicon row ``entry``.

    Args:
        kind: one of :data:`analysis.vocabulary.MARKER_KINDS`.
        entry: the lexicon row that fired; ``rule`` names it (``"<lexicon>/<term>"``).
        text, start, end: the marked span (``text == article[start:end]``).
        actor: the actor the marker counts for, or None.
        sentence: global sentence number.
        category: default the row's category.
        speaker, cue, qualifies, valence, reason: the facts behind the marker (see
            :class:`analysis.records.Marker`).
    """
    category = category or entry.category
    return Marker(
        kind=kind,
        category=category,
        text=text,
        start=start,
        end=end,
        actor=actor,
        explanation=explanation_for(kind, category, entry.explanation, actor, qualifies, reason),
        source=entry.source,
        sentence=sentence,
        speaker=speaker,
        cue=cue,
        qualifies=qualifies,
        valence=valence,
        rule=rule,
        reason=reason,
    )


def rule_entry(rule: str) -> LexiconEntry | None:
    """The lexicon row a marker's ``rule`` names (``"reporting_verbs/claim"``), else None."""
    lexicon, _, term = rule.partition("/")
    return load_lexicon(lexicon).get(term) if lexicon and term else None


def with_actor(marker: Marker, actor: str | None, reason: str = "") -> Marker:
    """The marker counted for another actor, its explanation composed again."""
    entry = rule_entry(marker.rule)
    base = entry.explanation if entry is not None else marker.explanation
    explanation = explanation_for(
        marker.kind, marker.category, base, actor, marker.qualifies, reason
    )
    return replace(marker, actor=actor, reason=reason, explanation=explanation)
