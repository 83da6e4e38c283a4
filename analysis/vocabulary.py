"""The product's vocabulary: marker kinds, stances, actor types and their plain-language labels.

One place for the words every layer shows (highlighted article, charts, reports, pages), after
the vocabulary of ``DESIGN.md`` and the annotation guidelines (``eval/attribution-dev``). Stances
of reporting verbs follow journalism style guides and the literature on epistemological bias
(Wikipedia Manual of Style, "Words to watch"; Recasens, Danescu-Niculescu-Mizil & Jurafsky 2013).
"""

from __future__ import annotations

MARKER_KINDS: tuple[str, ...] = ("attribution", "quote", "scare_quote", "doubt", "loaded")
"""What a marker can be, in the order legends and charts list them."""

STANCES: tuple[str, ...] = ("neutral", "distancing", "endorsing", "admission", "denial", "emotive")
"""The stance of a reporting cue (the categories of ``attribution`` markers)."""

ACTOR_TYPES: tuple[str, ...] = ("PERSON", "ORG", "GPE", "NORP")
"""Person, organisation, country or city (geo-political entity), group (nationality, party)."""

SCARE_CATEGORIES: tuple[str, ...] = ("scare", "partial_quote")
"""Categories of ``scare_quote`` markers: the outlet's own distance, or a fragment of a speaker."""

MENTION_HOWS: tuple[str, ...] = ("name", "alias", "demonym", "pronoun", "description")
"""How a mention refers to its actor."""

KIND_LABELS: dict[str, str] = {
    "attribution": "reporting verb",
    "quote": "direct quote",
    "scare_quote": "scare quote",
    "doubt": "doubt word",
    "loaded": "loaded word",
}
"""One marker of each kind, in plain words (legends, evidence tables)."""

KIND_PLURALS: dict[str, str] = {
    "attribution": "reporting verbs",
    "quote": "direct quotes",
    "scare_quote": "scare quotes",
    "doubt": "doubt words",
    "loaded": "loaded words",
}
"""Counts of each kind, in plain words (chart axes and report sentences)."""

STANCE_LABELS: dict[str, str] = {
    "neutral": "neutral (said, told)",
    "distancing": "distancing (claimed, alleged)",
    "endorsing": "endorsing (confirmed, revealed)",
    "admission": "admission (admitted, conceded)",
    "denial": "denial (denied, rejected)",
    "emotive": "emotive (mocked, slammed)",
}
"""Each stance with two typical verbs, so a reader knows what it means without a glossary."""

ACTOR_TYPE_LABELS: dict[str, str] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "country or city",
    "NORP": "group",
}

UNNAMED_SPEAKER = "an unnamed or unclear speaker"
"""How an explanation names the speaker of a cue whose speaker is not one of the actors."""

REASONS: dict[str, str] = {
    "": "",
    "doubt_word": "after a doubt word",
    "no_speaker": "no speaker quoted",
    "speaker_fragment": "fragment of a speaker's words",
    "quoted_first_person": "the 'I' or 'we' of a quotation",
    "continued_quote": "continues the previous quotation",
}
"""Why a marker got its category or actor (``Marker.reason``), in plain words."""
