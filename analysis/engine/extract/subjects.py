"""Who does the speaking: the subject token of a reporting verb, found on the dependency parse.

After the patterns of quotation attribution studies (Pareti 2016, PARC 3.0; Newell, Cowlishaw &
Man 2018): the subject of the cue ("X said"/"said X"), the subject shared by a participle or a
conjoined verb ("Mocking …, X asked"), the agent of a passive ("rejected by X"), the head of a
relative clause ("X, who claimed"), "X was quoted as saying", the subject of "X was quick to
deny", and the issuer of a document ("X
issued a statement condemning …").
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from analysis.lexicons import load_lexicon

SHARED_SUBJECT_DEPS = frozenset({"advcl", "conj", "xcomp", "acl", "relcl"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
QUOTING = frozenset({"quote", "cite", "report"})
"""Verbs of "X was quoted/cited/reported as saying" (the one quoted is the speaker)."""
SUBJECT_REACH = 3
"""How many clause levels up a verb without a subject looks for the one it shares."""

Found = tuple[Token | None, bool]
"""(speaker head token, passive?) of a verbal cue."""


def subject_of(tok: Token) -> Found:
    """(speaker head token, passive?) for a verbal cue, following shared subjects upwards.

    Args:
        tok: the reporting verb.

    Returns:
        The head token of the speaker phrase (None when the parse names none) and whether the
        verb is a passive without an agent ("was denied").
    """
    cur = tok
    for _ in range(SUBJECT_REACH):
        found = _grammatical_speaker(cur) or _clause_speaker(cur)
        if found is not None:
            return found
        if cur.dep_ in SHARED_SUBJECT_DEPS and cur.head is not cur:
            cur = cur.head
            continue
        if cur.dep_ == "acomp" and cur.lemma_.lower() in implicative_adjectives():
            cur = cur.head  # "leaders were quick to condemn": the copula's subject speaks
            continue
        break
    # The parser found no subject: after a quotation the noun just before the verb speaks
    # ('…, the State Department said').
    if tok.i > 0:
        prev = tok.doc[tok.i - 1]
        if prev.pos_ in ("PROPN", "NOUN", "PRON") and prev.lower_ not in RELATIVE_PRONOUNS:
            return prev, False
    return None, False


def _grammatical_speaker(cur: Token) -> Found | None:
    """The verb's own subject, or the agent of a passive ("rejected by X"); None if neither."""
    subjects = [c for c in cur.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:
        # Two subjects means a misparse; the one nearest the verb is the speaker.
        before = [c for c in subjects if c.i < cur.i]
        subj = before[-1] if before else subjects[0]
        if subj.lower_ in RELATIVE_PRONOUNS and cur.dep_ == "relcl":
            return cur.head, False  # "Russia, which denied involvement"
        return subj, False
    agent = next((c for c in cur.children if c.dep_ == "agent"), None)
    if agent is not None:
        return next((c for c in agent.children if c.dep_ == "pobj"), None), False
    if any(c.dep_ == "nsubjpass" for c in cur.children):
        return None, True
    return None


def _clause_speaker(cur: Token) -> Found | None:
    """The speaker a verb without a subject takes from the clause it hangs in, else None."""
    if cur.dep_ == "relcl":
        return cur.head, False
    if cur.dep_ == "pcomp" and cur.head.lower_ == "as" and cur.head.head.lemma_ in QUOTING:
        # "X was quoted as saying", "Interfax quoted X as saying", "X was cited as saying":
        # the one quoted speaks
        quoted = cur.head.head
        who = [c for c in quoted.children if c.dep_ in ("nsubjpass", "dobj")]
        return (who[0] if who else None), False
    if cur.dep_ == "pcomp" and cur.head.lower_ == "by" and cur.head.head.pos_ in ("VERB", "AUX"):
        # "responded by saying", "began by warning": the verb's own subject speaks
        return subject_of(cur.head.head)
    if cur.dep_ != "acl":
        return None
    if cur.tag_ == "VBN":
        return None, True
    if cur.head.dep_ == "dobj" and cur.i > cur.head.i and cur.head.lemma_.lower() in documents():
        # "X issued a statement condemning …": who issues the statement speaks through it.
        issuer, _ = subject_of(cur.head.head) if cur.head.head is not cur.head else (None, False)
        if issuer is not None:
            return issuer, False
    if cur.i > cur.head.i:
        return cur.head, False  # misparsed '…," the NATO boss thundered'
    return None


@cache
def implicative_adjectives() -> frozenset[str]:
    """Adjectives whose infinitive happened ("was quick to deny", "the first to say"), after
    Karttunen 1971 (implicative predicates): ``irrealis.csv``, category ``implicative``."""
    lex = load_lexicon("irrealis")
    return frozenset(t for t, e in lex.items() if e.category == "implicative")


@cache
def documents() -> frozenset[str]:
    """Nouns someone speaks through ("issued a statement condemning"): reference_nouns.csv."""
    lex = load_lexicon("reference_nouns")
    return frozenset(t for t, e in lex.items() if e.category == "document")
