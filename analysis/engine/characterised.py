"""Whom a loaded or doubt word is about: the actor the word characterises, read off the parse.

"Moscow's blatant aggression in Ukraine" characterises Moscow (the possessor), not Ukraine (the
place or target); "Russian aggression" Russia (a modifier); "aggression by Russia" Russia (the
agent); "Russia is the aggressor" and "Putin's moves are reckless" the subject of the predicate;
"reckless Russia" the noun the word modifies; "Russia slammed the plan" the subject of the verb.
"renewed aggression against Ukraine" names no aggressor, so it is about nobody: a target
("against", "in", "on", "toward") is never the one characterised. This follows the
opinion-target and opinion-holder relations of Kim & Hovy (2006) and the dependency-path
patterns of Qiu, Liu, Bu & Chen (2011, "double propagation"), kept to the few relations
that name the characterised actor.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.engine.article import ParsedArticle
from analysis.engine.speakers import speaker_of

NOUN_POS = frozenset({"NOUN", "PROPN", "PRON"})
RELATIVE_TAGS = frozenset({"WDT", "WP"})
MODIFIER_DEPS = frozenset({"amod", "advmod", "npadvmod", "nummod"})
AGENT_PREPOSITIONS = frozenset({"by", "from"})
"""An agent phrase names the doer ("attacks by Russian forces"); "of" is left out: it names
the target as often ("the shelling of Donetsk", "the annexation of Crimea")."""
PREDICATE_DEPS = frozenset({"attr", "acomp", "oprd"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
MAX_HOPS = 3
"""How many modifier-to-head steps a word climbs to the noun it characterises."""


def characterised_actor(article: ParsedArticle, word: Token) -> str | None:
    """The actor the word ``word`` characterises, or None when the parse names nobody.

    Args:
        article: the parsed article with its actors.
        word: the loaded or doubt word (its head token for a multi-word cue).

    Returns:
        The actor's display name: the word's own actor ("the regime" as a mention), else its
        possessor, named modifier or by/from agent; for an adjective, the noun it modifies or
        the subject it is said of; for a verb or adverb, the verb's subject (or passive agent).
    """
    tok = word
    for _ in range(MAX_HOPS):
        if tok.dep_ in MODIFIER_DEPS and tok.head is not tok:
            # "brutal crackdown", "deliberately sabotaged", "the bloodied protesters": a
            # modifier characterises what it modifies (whatever tag the model gave it)
            tok = tok.head
            continue
        if tok.pos_ in NOUN_POS:
            return _actor_of_noun(article, tok)
        if tok.pos_ == "VERB":
            return _actor_of_verb(article, tok)
        if tok.dep_ in PREDICATE_DEPS:
            return _subject_actor(article, tok.head)  # "Putin's moves are reckless"
        return None
    return None


def _actor_of_noun(article: ParsedArticle, noun: Token) -> str | None:
    """The actor a noun phrase characterises: the noun itself, its possessor, a named modifier,
    a by/of agent, the actor it stands in apposition to, or the subject it is predicated of."""
    hit = speaker_of(article, noun)  # the noun itself, "it", a possessor or named modifier
    if hit:
        return hit
    for c in noun.rights:
        if c.dep_ in ("prep", "agent") and c.lower_ in AGENT_PREPOSITIONS:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            hit = speaker_of(article, pobj) if pobj is not None else None
            if hit:
                return hit  # "attacks by Russian forces", "threats from Moscow"
    if noun.dep_ == "appos":
        return article.actor_at(noun.head)
    if noun.dep_ in PREDICATE_DEPS:
        return _subject_actor(article, noun.head)  # "Russia is the aggressor"
    return None


def _actor_of_verb(article: ParsedArticle, verb: Token) -> str | None:
    """The doer of a loaded verb: its subject, or the agent of a passive ("crushed by X")."""
    for c in verb.children:
        if c.dep_ == "agent":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            return _actor_of_noun(article, pobj) if pobj is not None else None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
        subj = verb.head  # "the troops that crushed the protest"
    return _actor_of_noun(article, subj) if subj is not None else None


def _subject_actor(article: ParsedArticle, predicate: Token) -> str | None:
    """The actor of the subject a predicate is said of ("Putin's moves are reckless")."""
    subj = next((c for c in predicate.children if c.dep_ in SUBJECT_DEPS), None)
    return _actor_of_noun(article, subj) if subj is not None else None
