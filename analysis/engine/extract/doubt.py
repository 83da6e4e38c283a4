"""Doubt markers: hedges that cast doubt on a label or claim (alleged, so-called, purported …).

Hedges and epistemic qualifiers after Hyland 2005 and Recasens, Danescu-Niculescu-Mizil &
Jurafsky 2013; the style advice against "so-called", "alleged" and "purported" as doubt-casting
words is Wikipedia's Manual of Style, "Words to watch: expressions of doubt". Each marker carries
the noun phrase it qualifies and the actor named in that phrase (alleged *Russian* "threat" ->
Russia), else the subject of the verb an adverb qualifies ("X allegedly ...").
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from analysis.engine.actors import ActorIndex
from analysis.engine.parse import Chunk
from analysis.lexicons import LexiconEntry, load_lexicon
from analysis.records import Marker

# Verbal uses are attributions ("he alleged that"), handled in attribution.py.
_VERBAL_OK = {"hedge_adverb", "hedge_phrase"}


@cache
def _pattern() -> re.Pattern[str]:
    terms = sorted(load_lexicon("doubt"), key=len, reverse=True)
    alts = "|".join(re.escape(t).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]") for t in terms)
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)


def _lookup(surface: str) -> LexiconEntry | None:
    lex = load_lexicon("doubt")
    key = re.sub(r"[\s-]+", " ", surface.lower())
    return lex.get(surface.lower()) or lex.get(key) or lex.get(key.replace(" ", "-"))


def _target(span: Span) -> tuple[Token, Span]:
    """(head token, noun phrase) the doubt word qualifies."""
    last = span[-1]
    head = last.head if last.dep_ in ("amod", "advmod", "compound", "npadvmod", "acomp") else last
    if last.dep_ == "acomp":  # "the claims are baseless": the subject is the target
        head = next((c for c in last.head.children if c.dep_ in ("nsubj", "nsubjpass")), last.head)
    if head.pos_ in ("NOUN", "PROPN", "PRON"):
        left = min(t.i for t in head.subtree)
        right = head.i + 1
        if head.i > last.i:
            left = last.i + 1
        return head, head.doc[left:right]
    return head, head.doc[head.i : head.i + 1]


def find_doubt(chunks: list[Chunk], actors: ActorIndex) -> list[Marker]:
    """Doubt markers with the noun phrase they qualify and the actor of that phrase.

    Args:
        chunks: the parsed article.
        actors: the actor index (to name whom the doubted label is about).

    Returns:
        Markers of kind ``doubt``; ``detail`` holds the qualified phrase.
    """
    out: list[Marker] = []
    pattern = _pattern()
    for ci, ch in enumerate(chunks):
        doc = ch.doc
        for m in pattern.finditer(doc.text):
            entry = _lookup(m.group(0))
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if entry is None or span is None:
                continue
            first, last = span[0], span[-1]
            if (
                entry.category not in _VERBAL_OK
                and last.pos_ in ("VERB", "AUX")
                and last.dep_ not in ("amod", "compound", "acomp")
            ):
                continue
            if (
                last.lower_ == "supposed"
                and last.i + 1 < len(doc)
                and doc[last.i + 1].lower_ == "to"
            ):
                continue  # "supposed to" is obligation, not doubt
            head, phrase = _target(span)
            actor = _actor_in(ci, phrase, actors, chunks)
            if actor is None and head.pos_ in ("VERB", "AUX"):
                subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    actor = actors.speaker(ci, subj, chunks)
            target = phrase.text if phrase.text != span.text else ""
            about = f" It qualifies '{target}'." if target else ""
            out.append(
                Marker(
                    kind="doubt",
                    category=entry.category,
                    text=m.group(0),
                    start=ch.offset + m.start(),
                    end=ch.offset + m.end(),
                    actor=actor,
                    explanation=entry.explanation + about,
                    source=entry.source,
                    sentence=ch.sentence_of(first),
                    detail=f"qualifies: {target}" if target else "",
                )
            )
    return out


def _actor_in(ci: int, phrase: Span, actors: ActorIndex, chunks: list[Chunk]) -> str | None:
    for tok in phrase:
        hit = actors.actor_at(ci, tok)
        if hit:
            return hit
    for tok in phrase:
        if tok.dep_ == "poss" or tok.pos_ == "PRON":
            hit = actors.speaker(ci, tok, chunks)
            if hit:
                return hit
    return None
