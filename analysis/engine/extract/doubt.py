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

from analysis.engine.article import ParsedArticle
from analysis.engine.characterised import characterised_actor
from analysis.engine.explain import make_marker
from analysis.engine.speakers import speaker_of
from analysis.lexicons import LexiconEntry, load_lexicon
from analysis.records import Marker

# Verbal uses are attributions ("he alleged that"), handled in attribution.py.
_VERBAL_OK = {"hedge_adverb", "hedge_phrase"}


@cache
def _pattern() -> re.Pattern[str]:
    """One regular expression for every doubt term, longest first, spaces or hyphens alike."""
    terms = sorted(load_lexicon("doubt"), key=len, reverse=True)
    alts = "|".join(re.escape(t).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]") for t in terms)
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)


def _lookup(surface: str) -> LexiconEntry | None:
    """The doubt lexicon row of a match, whatever its spacing or hyphens ("so called")."""
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


def find_doubt(article: ParsedArticle) -> list[Marker]:
    """Doubt markers with the noun phrase they qualify and the actor of that phrase.

    Args:
        article: the parsed article with its actors (to name whom the doubted label is about).

    Returns:
        Markers of kind ``doubt``; ``qualifies`` holds the qualified phrase, ``cue`` the
        lexicon term.
    """
    pattern = _pattern()
    out: list[Marker] = []
    for doc in article.docs():
        for m in pattern.finditer(doc.text):
            entry = _lookup(m.group(0))
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if entry is None or span is None or not _casts_doubt(entry, span):
                continue
            out.append(_marker(article, entry, span, m.group(0), m.start()))
    return out


def _casts_doubt(entry: LexiconEntry, span: Span) -> bool:
    """False for verbal uses ("he alleged that": an attribution) and "supposed to"."""
    last = span[-1]
    doc = span.doc
    if (
        entry.category not in _VERBAL_OK
        and last.pos_ in ("VERB", "AUX")
        and last.dep_ not in ("amod", "compound", "acomp")
    ):
        return False
    # "supposed to" is obligation, not doubt
    return not (
        last.lower_ == "supposed" and last.i + 1 < len(doc) and doc[last.i + 1].lower_ == "to"
    )


def _marker(article: ParsedArticle, entry: LexiconEntry, span: Span, text: str, at: int) -> Marker:
    """The doubt marker of one match, with the phrase it qualifies and that phrase's actor."""
    head, phrase = _target(span)
    # The qualified phrase names its actor ("alleged *Russian* threat"); else the parse says
    # whom the qualified word characterises (the subject of "X allegedly shelled …").
    actor = _actor_in(article, phrase) or characterised_actor(article, head)
    target = phrase.text if phrase.text != span.text else ""
    start = article.chunk_of(span).offset + at
    return make_marker(
        "doubt",
        entry,
        f"doubt/{entry.term}",
        text,
        start,
        start + len(text),
        actor,
        article.sentence_of(span[0]),
        cue=entry.term,
        qualifies=target,
    )


def _actor_in(article: ParsedArticle, phrase: Span) -> str | None:
    """The actor named in the qualified phrase, or behind a possessive or pronoun in it."""
    for tok in phrase:
        hit = article.actor_at(tok)
        if hit:
            return hit
    for tok in phrase:
        if tok.dep_ == "poss" or tok.pos_ == "PRON":
            hit = speaker_of(article, tok)
            if hit:
                return hit
    return None
