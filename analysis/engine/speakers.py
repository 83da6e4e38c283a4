"""Which actor a speaker phrase refers to: "Russia", "Russian officials", "its spokesman", "it".

Speech is often attributed to a phrase that is not a name: a group named by its country
("Russian officials"), a possessed role ("Russia's foreign ministry"), a title with the person in
apposition ("Ukraine's foreign minister, Dmytro Kuleba") or the pronoun "it" for the last
organisation or country in subject position (Lappin & Leass 1994 salience).
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.engine.article import ParsedArticle
from analysis.engine.gazetteer import titles

THING_PRONOUNS = frozenset({"it", "its"})
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})


def speaker_of(article: ParsedArticle, token: Token) -> str | None:
    """The actor the phrase headed by ``token`` refers to, else None.

    Looks at the head itself, then a person named with a title ("foreign minister, X"), then
    a named speaker coordinated with it ("lawmakers and President Obama"), then the head's
    name-like modifiers ("Russian officials", "Russia's foreign ministry"), then
    its apposition; "it" goes to the last organisation or country mentioned as a subject.
    """
    hit = article.actor_at(token)
    if hit and article.actors.kinds.get(hit) != "PERSON":
        # "NATO's Supreme Allied Commander, Gen. Philip Breedlove, said": the person in
        # apposition speaks, not the office the model tagged as an organisation
        hit = _person_in_apposition(article, token) or hit
    if hit:
        return hit
    if token.lower_ in THING_PRONOUNS:
        pos = article.start(token)
        return article.actors.last_before(pos, {"ORG", "GPE"}, article.sentence_of(token))
    if token.lower_ in titles():
        hit = _titled_person(article, token)
        if hit:
            return hit
    return _named_conjunct(article, token) or _actor_of_children(article, token)


def _person_in_apposition(article: ParsedArticle, token: Token) -> str | None:
    """The person actor in apposition to ``token``, else None."""
    for child in token.children:
        hit = article.actor_at(child) if child.dep_ == "appos" else None
        if hit and article.actors.kinds.get(hit) == "PERSON":
            return hit
    return None


def _named_conjunct(article: ParsedArticle, token: Token) -> str | None:
    """ "U.S. lawmakers, and even President Obama himself, have questioned …": of joint
    speakers, the one named outright speaks for the group (the attribution guidelines keep
    joint speakers together; a name says more than a modifier of the unnamed part)."""
    for conj in token.conjuncts:
        hit = article.actor_at(conj)
        if not hit and conj.lower_ in titles():
            hit = _titled_person(article, conj)  # "and even President Obama himself"
        if hit:
            return hit
    return None


def _actor_of_children(article: ParsedArticle, token: Token) -> str | None:
    """The actor of a name-like modifier before the head, else of its apposition, else (for a
    role: "the foreign ministers of France, Germany and Poland") of its ``of`` phrase."""
    modifiers = [c for c in token.children if c.dep_ in MODIFIER_DEPS and c.i < token.i]
    appositions = [c for c in token.children if c.dep_ == "appos"]
    for child in (*modifiers, *appositions):
        hit = article.actor_at(child)
        if hit:
            return hit
    if _is_title(token):
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                named = [pobj, *pobj.conjuncts] if pobj is not None else []
                hit = next((h for h in map(article.actor_at, named) if h), None)
                if hit:
                    return hit
    return None


def _is_title(token: Token) -> bool:
    """True for a title or role word, singular or plural ("minister", "Ministers")."""
    low = token.lower_
    return bool({low, token.lemma_.lower(), low.removesuffix("s")} & titles())


def _titled_person(article: ParsedArticle, title: Token) -> str | None:
    """The person a title phrase names: in apposition ("minister, Dmytro Kuleba") or right
    after the phrase ("Ambassador to Ukraine [Geoffrey Pyatt]", where the parser sometimes
    leaves the name outside the title's phrase)."""
    kinds = article.actors.kinds
    # The parser may hang the name on a noun inside the phrase: "The head of Ukraine's security
    # service, Valentyn Nalyvaichenko, said"; any apposition inside it names the person.
    for child in title.subtree:
        hit = article.actor_at(child) if child.dep_ == "appos" else None
        if hit and kinds.get(hit) == "PERSON":
            return hit
    end = max(t.i for t in title.subtree)
    doc = title.doc
    if end + 1 < len(doc):
        hit = article.actor_at(doc[end + 1])
        if hit and kinds.get(hit) == "PERSON":
            return hit
    return None
