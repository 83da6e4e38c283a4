"""What the text says a name is: "Gazprom, the state gas company", "the social network Twitter",
"the Maidan, the central square", "a volunteer, Olesya Zhukovska".

The small language model often guesses the type of an unfamiliar name wrong (Twitter and the
Maidan as people, a volunteer's name as an organisation). News writing usually says what a
thing is the first time it names it, in an apposition ("X, the company") or a classifier noun
before the name ("gas giant X"), or in a copula ("X is a company"); these are the
lexico-syntactic patterns of Hearst (1992). The nouns and the kind each gives are data
(``lexicons/kind_nouns.csv``: ``organisation``, ``place`` or ``person``; the title words of
``titles.csv`` also mark a person).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from analysis.engine.gazetteer import titles
from analysis.lexicons import load_lexicon

KIND_LABELS = {"organisation": "ORG", "person": "PERSON", "place": "LOC"}
"""The entity label each kind gives (a place is no actor)."""
CLASSIFIER_DEPS = frozenset({"compound", "nmod", "appos"})


def stated_kind(span: Span) -> str | None:
    """The kind the text gives the name ``span`` (``organisation``, ``place``, ``person``), or
    None when it says nothing.

    Looks at an apposition on either side ("X, the company"; "the site, X"), a classifier noun
    just before the name ("gas giant X"), and a copula ("X is a company").
    """
    root = span.root
    candidates: list[Token] = []
    if root.dep_ == "appos" and root.head.i < span.start:
        candidates.append(root.head)
    candidates += [c for c in root.children if c.dep_ == "appos" and c.i >= span.end]
    if span.start > 0:
        before = span.doc[span.start - 1]
        if before.dep_ in CLASSIFIER_DEPS and span.start <= before.head.i < span.end:
            candidates.append(before)
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        candidates += [c for c in root.head.children if c.dep_ == "attr"]
    for tok in candidates:
        kind = _kind_of(tok)
        if kind:
            return kind
    return None


def _kind_of(tok: Token) -> str | None:
    """The kind a common noun names, else None (proper names name no kind)."""
    if tok.pos_ != "NOUN":
        return None
    lemma = tok.lemma_.lower()
    row = _kinds().get(lemma)
    if row is not None:
        return row
    return "person" if lemma in titles() else None


def organisation_word(word: str) -> bool:
    """True for a noun that names a kind of organisation ("party", "ministry", "company")."""
    return _kinds().get(word.lower()) == "organisation"


@cache
def _kinds() -> dict[str, str]:
    """Noun -> kind, from ``lexicons/kind_nouns.csv``."""
    return {t: e.category for t, e in load_lexicon("kind_nouns").items()}
