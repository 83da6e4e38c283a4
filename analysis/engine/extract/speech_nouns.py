"""Speech nouns as reporting cues: "Russia's denials", "accusations by Kyiv", "reports of shelling".

A reporting noun (``reporting_nouns.csv``) is a cue when it has a speaker of its own — a
possessor ("Russia's denials"), a ``by``/``from`` phrase ("a report from the OSCE", "criticism
from Republicans"), a named modifier ("Republican criticism"), an ``of`` phrase naming a person
or body ("the call of the movement's leaders") or the subject of a support verb ("X issued a
statement"; NomBank support verbs, Meyers et al. 2004) — or, for nouns whose row allows it,
when it carries reported content without a named speaker ("reports that …", "criticism of his
policy", "rumors swirled about …": an unnamed speaker). The row's ``requires`` column says which:
``speaker`` (only with a speaker: "call", "proposal"), ``source`` (only with a by/from phrase:
"word from a correspondent", not "took him at his word"), ``content`` (only with content:
"admission that …", not "admission to NATO") or empty (either).

A noun is no cue of its own where a verb carries the speech act ("A White House statement
*said*", "reports *say*") or where it only points back to speech ("in his comments"; the
attribution guidelines: a noun that only points back to a speech act is skipped).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from analysis.engine.article import ParsedArticle
from analysis.engine.extract.subjects import RELATIVE_PRONOUNS, subject_of
from analysis.lexicons import LexiconEntry, lexicon_column, load_lexicon

CONTENT_PREPOSITIONS = frozenset({"of", "about", "over", "on", "regarding", "concerning"})
SOURCE_PREPOSITIONS = frozenset({"by", "from"})
NAME_MODIFIER_DEPS = frozenset({"amod", "compound"})
PERSON_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "we", "us"})
# "criticism of Obama", "denial of entry": of these, "of" names the target, never the speaker.
_TARGET_OF = frozenset({"emotive", "denial", "admission"})


def noun_cue_speaker(
    article: ParsedArticle, tok: Token, entry: LexiconEntry, verb_cues: frozenset[int]
) -> tuple[bool, Token | None]:
    """(is a cue, head of its speaker phrase or None) for the reporting noun ``tok``.

    Args:
        article: the parsed article (actors, for named modifiers and ``of`` speakers).
        tok: a noun whose lemma is a ``reporting_nouns`` term.
        entry: its row.
        verb_cues: token indices (in ``tok.doc``) of the verbs found as cues.
    """
    if _carried_by_a_verb(tok, verb_cues) or _inside_according_to(tok) or _negated(tok):
        return False, None
    speaker = _speaker(article, tok, entry)
    content = _has_content(tok)
    if _points_back(tok, speaker) and not content:
        return False, None
    if _names_the_verbs_speech(tok, speaker, verb_cues):
        return False, None
    requires = lexicon_column("reporting_nouns", "requires").get(entry.term.lower(), "")
    if requires == "source":
        source = _source_phrase(tok)  # "word from X", not "took him at his word"
        return source is not None, source
    if requires == "speaker":
        return speaker is not None, speaker
    if requires == "content":
        return content, speaker
    return speaker is not None or content, speaker


def _negated(tok: Token) -> bool:
    """ "There was no immediate comment from the Kremlin": speech that did not happen (negated
    events are not factual, Saurí & Pustejovsky 2009, FactBank)."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _inside_according_to(tok: Token) -> bool:
    """ "according to reports from X" is one cue (the phrase's)."""
    return tok.head.lower_ == "to" and tok.head.head.lower_ == "according"


def _carried_by_a_verb(tok: Token, verb_cues: frozenset[int]) -> bool:
    """ "A White House statement said", "reports indicated", "a statement condemning …": the
    verb is the cue."""
    if tok.dep_ == "nsubj" and tok.head.i in verb_cues:
        return True
    return any(c.dep_ == "acl" and c.i in verb_cues for c in tok.children)


def _names_the_verbs_speech(tok: Token, speaker: Token | None, verb_cues: frozenset[int]) -> bool:
    """ "said in a statement that …", "accused Russia of it, an accusation Moscow denies": a
    noun that names the speech act of the reporting verb it hangs on is no second cue (the
    attribution guidelines: a noun that only points back to a speech act is skipped)."""
    if speaker is not None and speaker.pos_ != "PRON":
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ == "in":
        return tok.head.head.i in verb_cues
    return tok.dep_ in ("npadvmod", "appos") and tok.head.i in verb_cues


def _points_back(tok: Token, speaker: Token | None) -> bool:
    """ "in his comments", "in a statement": the noun names speech reported elsewhere ("in a
    report from the OSCE" names its source, and counts)."""
    pointing = speaker is None or speaker.pos_ == "PRON"
    return pointing and tok.dep_ == "pobj" and tok.head.lower_ == "in"


def _speaker(article: ParsedArticle, tok: Token, entry: LexiconEntry) -> Token | None:
    """The head of the noun's own speaker phrase, else None."""
    for c in tok.children:
        if c.dep_ == "poss":
            return c
    source = _source_phrase(tok)
    if source is not None:
        return source
    named = next(
        (c for c in tok.lefts if c.dep_ in NAME_MODIFIER_DEPS and article.actor_at(c)), None
    )
    if named is not None:
        return named  # "Republican criticism", "Russian denials"
    if entry.category not in _TARGET_OF:
        of = _of_speaker(article, tok)
        if of is not None:
            return of
    return _support_verb_subject(tok)


def _source_phrase(tok: Token) -> Token | None:
    """The head of a by/from phrase of the noun ("a report from the OSCE"), else None.

    The parser often hangs the phrase on the verb whose object the noun is ("drew criticism
    from Germany", "received assurances from Moscow"); a from-phrase right after the object
    still names its source.
    """
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in SOURCE_PREPOSITIONS:
            inner = next((g for g in c.children if g.dep_ == "pobj"), None)
            if inner is not None:
                return inner
    if tok.dep_ == "dobj":
        after = max(t.i for t in tok.subtree) + 1
        for c in tok.head.children:
            if c.dep_ == "prep" and c.lower_ == "from" and c.i == after:
                return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _of_speaker(article: ParsedArticle, tok: Token) -> Token | None:
    """ "the call of the movement's leaders": an ``of`` phrase naming a person, role or body."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            inner = next((g for g in c.children if g.dep_ == "pobj"), None)
            if inner is None:
                return None
            lemma = inner.lemma_.lower()
            if article.actor_at(inner) or lemma in load_lexicon("titles"):
                return inner
            return inner if inner.lower_ in PERSON_PRONOUNS else None
    return None


def _support_verb_subject(tok: Token) -> Token | None:
    """The subject of a support verb the noun is the object of ("X issued a statement")."""
    verb = tok.head
    if tok.dep_ != "dobj" or verb is tok or not _supports(verb):
        return None
    subj, _ = subject_of(verb)
    return subj


def _supports(verb: Token) -> bool:
    """True for a support verb of ``lexicons/support_verbs.csv`` ("issue", "put out")."""
    verbs = load_lexicon("support_verbs")
    lemma = verb.lemma_.lower()
    if lemma in verbs:
        return True
    return any(c.dep_ == "prt" and f"{lemma} {c.lower_}" in verbs for c in verb.children)


def _has_content(tok: Token) -> bool:
    """True when the noun carries what was said: a clause ("reports that …", "statements they
    were not mistreated"), an of/about phrase ("criticism of his policy"), or, as the subject of
    another verb, that verb's clause or about phrase ("reports emerged that …", "rumors swirled
    about …")."""
    if any(_content_child(c) for c in tok.children):
        return True
    verb = tok.head
    if tok.dep_ == "nsubj" and verb is not tok and verb.lemma_.lower() not in _verbs():
        return any(
            c.dep_ == "ccomp" or (c.dep_ == "prep" and c.lower_ == "about") for c in verb.children
        )
    return False


def _content_child(c: Token) -> bool:
    """True for a child of a speech noun that holds what was said."""
    if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX"):
        return True
    if c.dep_ == "relcl" and not any(
        g.lower_ in RELATIVE_PRONOUNS or g.tag_ in ("WDT", "WP", "WRB") for g in c.children
    ):
        return True  # "statements [that] they weren't being mistreated", misparsed
    if c.dep_ == "prep" and c.lower_ in CONTENT_PREPOSITIONS:
        return any(g.dep_ in ("pobj", "pcomp") for g in c.children)
    return False


@cache
def _verbs() -> frozenset[str]:
    """Lemmas of the reporting verbs (first word of multi-word ones)."""
    return frozenset(t.split()[0] for t in load_lexicon("reporting_verbs"))
