"""Name candidates: the model's named entities, repaired and cleaned, plus missed gazetteer words.

spaCy's entities are the starting point (PERSON, ORG, GPE, NORP, LOC). They are repaired where the
small model predictably errs (a first name cut off, name particles such as "Le Drian", two
gazetteer names run together), cleaned of titles and roles ("NATO chief", "Spokesperson") and
possessives, and dropped where they are no actor in the article (bylines and credit lines,
datelines, regions, bare title words). Single gazetteer words the model missed ("Kremlin",
"Western") are added.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from analysis.engine.article import Chunk, ParsedArticle, tokens_where
from analysis.engine.gazetteer import (
    Place,
    connectors,
    particles,
    place,
    places,
    single_word_places,
    surface_key,
    titles,
)
from analysis.engine.kinds import KIND_LABELS, organisation_word, stated_kind
from analysis.lexicons import load_lexicon

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC"})
MAX_CREDIT_WORDS = 40
"""A byline or credit line is short: a longer line is reporting, even if it starts with "By"."""
_BYLINE = re.compile(r"\s*(?:By|BY|by)\s+[A-Z]")
_CREDITS = re.compile(
    r"\s*[(\[]\s*(?:additional\s+)?(?:reporting|writing|editing)\s+by\s", re.IGNORECASE
)
DATELINE_PUNCT = frozenset({",", "-", "—", "–"})


@dataclass
class NameCandidate:
    """A cleaned name in the text, before it is assigned to an actor."""

    span: Span
    start: int
    end: int
    label: str
    sentence: int
    place: Place | None = None
    titles: tuple[str, ...] = ()  # title words before a person's name ("foreign", "minister")
    owner: Token | None = None  # the possessor of an organisation ("Putin's Finance Ministry")
    country: str | None = None  # a person's country named before the title ("Russian President")

    @property
    def surface(self) -> str:
        """The name exactly as written."""
        return self.span.text

    @property
    def form(self) -> str:
        """The name as written, without editorial brackets ("[President Viktor] Yanukovych")."""
        form = re.sub(r"/\S*$", "", self.surface)  # a photo credit: "Tim Brakemeier/EPA"
        return " ".join(form.replace("[", " ").replace("]", " ").split())

    @property
    def single_token(self) -> Token | None:
        """The name's token when it is one word, else None."""
        return self.span[0] if len(self.span) == 1 else None


def name_candidates(article: ParsedArticle) -> list[NameCandidate]:
    """Every name candidate of the article in text order (credit lines left out).

    Args:
        article: the parsed article.

    Returns:
        Cleaned entity names and gazetteer words, with offsets, label and gazetteer row.
    """
    out: list[NameCandidate] = []
    for ch in article.chunks:
        if credit_line(ch.doc):
            continue
        covered: set[int] = set()
        named: set[int] = set()  # tokens of entities that can be actors
        for ent in repaired_entities(ch.doc):
            covered.update(range(ent.start, ent.end))
            if ent.label_ in ENTITY_LABELS:
                named.update(range(ent.start, ent.end))
            cand = _entity_candidate(article, ch, ent)
            if cand is not None:
                out.append(cand)
        out.extend(_gazetteer_candidates(article, ch, covered))
        out.extend(_first_name_candidates(article, ch, named))
    out.sort(key=lambda r: r.start)
    return out


def _entity_candidate(article: ParsedArticle, ch: Chunk, ent: Span) -> NameCandidate | None:
    """The candidate an entity gives, or None when it names no actor."""
    if ent.label_ not in ENTITY_LABELS or not any(t.text[:1].isupper() for t in ent):
        return None
    if ent.label_ == "PERSON" and not ent.text[:1].isupper():  # "pro-Russia" is no name
        return None
    if _dateline(ent):
        return None
    span = _clean(ent)
    if span is None:
        return None
    key = surface_key(span.text)
    gazetteer = place(key.removeprefix("the "))
    if (ent.label_ == "LOC" and gazetteer is None) or (
        gazetteer and gazetteer.category == "region"
    ):
        return None
    if gazetteer is None and key in titles():
        return None
    label = ent.label_ if gazetteer is not None else _label_said(span, ent.label_)
    if gazetteer is None and label == "LOC":
        return None  # "the Maidan, the central square": a place, no actor
    start, end = article.span_offsets(span)
    person = label == "PERSON"
    return NameCandidate(
        span,
        start,
        end,
        label,
        article.sentence_of(span),
        gazetteer,
        _titles_before(span) if person else (),
        owner=None if person else _possessor(span),
        country=_country_before(span) if person else None,
    )


def _label_said(span: Span, label: str) -> str:
    """The label the text gives the name (apposition, classifier, copula: "Gazprom, the gas
    company"), else a person for "first name + surname", else the model's label."""
    kind = stated_kind(span)
    if kind is not None:
        return KIND_LABELS[kind]
    if label != "PERSON" and (_looks_like_person(span) or _speaks_as_a_person(span)):
        return "PERSON"
    return label


def _gazetteer_candidates(
    article: ParsedArticle, ch: Chunk, covered: set[int]
) -> Iterator[NameCandidate]:
    """Names the model missed: "Kremlin", "the West", "Western" as single gazetteer tokens."""
    known = places()
    for tok in tokens_where(ch.doc, LOWER, single_word_places()):
        if (
            tok.i in covered
            or not tok.text[:1].isupper()
            or (tok.is_sent_start and tok.pos_ not in ("PROPN", "ADJ"))
        ):
            continue
        row = known.get(tok.lower_)
        if row is None or row.category == "region" or tok.pos_ not in ("PROPN", "ADJ", "NOUN"):
            continue
        start = article.start(tok)
        label = "GPE" if row.type == "GPE" else "ORG"
        span = ch.doc[tok.i : tok.i + 1]
        yield NameCandidate(
            span, start, start + len(tok.text), label, article.sentence_of(tok), row
        )


def _first_name_candidates(
    article: ParsedArticle, ch: Chunk, covered: set[int]
) -> Iterator[NameCandidate]:
    """People the model missed: a known first name and a surname, both proper nouns in
    title case, outside any actor entity ("Petro Poroshenko vowed …", or "Samantha Power"
    tagged as a work of art). The small model misses
    unfamiliar names; a first name from ``first_names.csv`` followed by one capitalised proper
    noun is the commonest shape of a person's name in news (the same evidence
    ``_looks_like_person`` uses to relabel an entity)."""
    doc = ch.doc
    for tok in tokens_where(doc, LOWER, _first_name_words()):
        i = tok.i
        if i + 1 >= len(doc) or i in covered or i + 1 in covered:
            continue
        span = doc[i : i + 2]
        after = doc[i + 2] if i + 2 < len(doc) else None
        if not _looks_like_person(span) or (after is not None and after.pos_ == "PROPN"):
            continue
        if i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].lower_ not in titles():
            continue  # inside a longer name the model left untagged
        if place(span[1].lower_) is not None:
            continue
        start, end = article.span_offsets(span)
        yield NameCandidate(
            span, start, end, "PERSON", article.sentence_of(span), None, _titles_before(span)
        )


@cache
def _first_name_words() -> frozenset[str]:
    """The first names of ``first_names.csv``, as one set (built once, not once per line)."""
    return frozenset(load_lexicon("first_names"))


def repaired_entities(doc: Doc) -> list[Span]:
    """The model's entities with three repairs: a first name left out ("Soraya" + "Sarhaddi
    Nelson"), name particles ("Jean-Yves Le" + "Drian") and two gazetteer names run together
    ("U.N. Russia")."""
    taken = {t for e in doc.ents for t in range(e.start, e.end)}
    starts = {e.start: e for e in doc.ents}
    out: list[Span] = []
    absorbed: set[int] = set()  # starts of entities merged into the one before them
    for ent in doc.ents:
        ent = _with_first_name(ent, taken)
        if ent.start in absorbed:
            continue
        if _ends_in_particle(ent):
            nxt = starts.get(ent.end) if ent.end in taken else None
            if ent.end in taken and (nxt is None or len(nxt) != 1):
                out.append(ent)
                continue
            if nxt is not None:
                absorbed.add(nxt.start)  # the rest of the name tagged apart: "von der" + "Leyen"
            out.append(Span(doc, ent.start, ent.end + 1, label="PERSON"))
            continue
        for piece in _split_at_possessive(ent):
            out.extend(_split_run_together_places(piece))
    return out


def _split_at_possessive(ent: Span) -> list[Span]:
    """An organisation tagged together with its possessor ("Yanukovych's Party of Regions"),
    split in two: the possessor is a name of its own, the organisation another. A name with a
    possessive inside ("Luhansk People's Republic") stays whole: the part after it must name
    a kind of organisation (``kind_nouns.csv``: party, ministry …)."""
    if ent.label_ != "ORG":
        return [ent]
    for k in range(1, len(ent) - 1):
        rest = ent[k + 1 :]
        if (
            ent[k].tag_ == "POS"
            and rest[0].text[:1].isupper()
            and any(organisation_word(t.text) for t in rest)
        ):
            owner = ent[:k]
            label = _label_of_possessor(owner)
            return [
                Span(ent.doc, owner.start, owner.end, label=label),
                Span(ent.doc, ent.start + k + 1, ent.end, label="ORG"),
            ]
    return [ent]


def _label_of_possessor(owner: Span) -> str:
    """The label of the name before an organisation's possessive: a place, else a person."""
    row = places().get(surface_key(owner.text))
    return row.type if row is not None else "PERSON"


def _possessor(span: Span) -> Token | None:
    """The name that owns an organisation ("Putin's Finance Ministry" -> Putin), else None."""
    root = span.root
    return next(
        (c for c in root.children if c.dep_ == "poss" and c.i < span.start and c.pos_ == "PROPN"),
        None,
    )


def _country_before(span: Span) -> str | None:
    """The country named before a person's title ("Russian President X", "Ukraine's
    president X"), else None."""
    doc = span.doc
    k = span.start - 1
    title_words = titles()
    while k >= 0 and doc[k].lower_ in title_words:
        k -= 1
    if k >= 0 and doc[k].tag_ == "POS":
        k -= 1
    if k < 0:
        return None
    row = place(surface_key(doc[k].text))
    if row is None or row.type != "GPE" or row.category == "region":
        return None
    return row.canonical


def _with_first_name(ent: Span, taken: set[int]) -> Span:
    """The PERSON entity with a cut-off first name put back: "NPR's Soraya [Sarhaddi Nelson]"."""
    doc = ent.doc
    prev = doc[ent.start - 1] if ent.start > 0 else None
    if (
        ent.label_ == "PERSON"
        and prev is not None
        and prev.pos_ == "PROPN"
        and prev.dep_ == "compound"
        and ent.start <= prev.head.i < ent.end
        and prev.is_title
        and prev.i not in taken
        and prev.lower_ not in titles()
        and surface_key(prev.text) not in places()
    ):
        return Span(doc, ent.start - 1, ent.end, label="PERSON")
    return ent


def _ends_in_particle(ent: Span) -> bool:
    """True for a person name cut after a particle whose surname follows ("Jean-Yves Le")."""
    doc = ent.doc
    return (
        ent.label_ == "PERSON"
        and ent[-1].lower_ in particles()
        and ent.end < len(doc)
        and doc[ent.end].text[:1].isupper()
        and surface_key(doc[ent.end].text) not in places()
    )


def _split_run_together_places(ent: Span) -> list[Span]:
    """Two gazetteer names the model tagged as one entity ("U.N. Russia"), split in two."""
    known = places()
    if ent.label_ == "PERSON" or len(ent) < 2 or surface_key(ent.text) in known:
        return [ent]
    for k in range(1, len(ent)):
        left, right = ent[:k], ent[k:]
        if surface_key(left.text) in known and surface_key(right.text) in known:
            return [
                Span(ent.doc, p.start, p.end, label=known[surface_key(p.text)].type)
                for p in (left, right)
            ]
    return [ent]


def credit_line(doc: Doc) -> bool:
    """A byline or credit line ("By Jane Doe", "Jane Doe and John Roe", "(Reporting by …;
    Editing by …)"): its names wrote the article, they are not in it. "By Monday, X said …"
    has a verb and is no byline."""
    line = doc.text
    if len(line.split()) > MAX_CREDIT_WORDS:
        return False
    if _CREDITS.match(line):
        return True
    if any(t.pos_ in ("VERB", "AUX") for t in doc):
        return False
    if _BYLINE.match(line):
        return any(e.label_ == "PERSON" for e in doc.ents)
    # a line of names only: "Olga Rudenko, Charles McPhedran and Jabeen Bhatti"
    names_only = all(t.ent_type_ == "PERSON" or t.is_punct or t.lower_ in ("and", "&") for t in doc)
    return names_only and sum(e.label_ == "PERSON" for e in doc.ents) >= 2


def _looks_like_person(span: Span) -> bool:
    """A two-word name opening with a known first name ("Olaf Scholz" tagged ORG); longer
    ones are often institutions ("George Washington University")."""
    if len(span) != 2 or not all(t.is_title and t.pos_ == "PROPN" for t in span):
        return False
    return span[0].lower_ in load_lexicon("first_names")


PERSON_PRONOUNS = frozenset({"he", "she", "his", "her", "him"})
THING_PRONOUNS = frozenset({"it", "its"})


def _speaks_as_a_person(span: Span) -> bool:
    """ "Lavrov said he would meet Kerry": a one-word name (no acronym, no organisation word)
    that is the subject of a reporting verb whose clause then refers back to it as "he" or
    "she", and never as "it", is a person's surname the small model took for an organisation
    ("Gazprom said it would cut supplies" stays one)."""
    if len(span) != 1:
        return False
    tok = span[0]
    if not tok.is_title or tok.pos_ != "PROPN" or tok.dep_ != "nsubj":
        return False
    if organisation_word(tok.text) or tok.head.lemma_.lower() not in _reporting_lemmas():
        return False
    after = [t for t in tok.head.subtree if t.i > tok.i]
    # the pronoun must be the subject of what was said ("Lavrov said he would"), not an object
    # the speaker talks about ("Reuters quoted him as saying")
    said_by = {
        t.lower_ for t in after if t.dep_ in ("nsubj", "nsubjpass") and t.head is not tok.head
    }
    return bool(said_by & PERSON_PRONOUNS) and not {t.lower_ for t in after} & THING_PRONOUNS


@cache
def _reporting_lemmas() -> frozenset[str]:
    """One-word reporting verbs (``reporting_verbs.csv``)."""
    return frozenset(t for t in load_lexicon("reporting_verbs") if " " not in t)


def _dateline(ent: Span) -> bool:
    """An upper-case place opening a line before a comma or dash: "BRUSSELS, Feb 16 -"."""
    doc = ent.doc
    nxt = doc[ent.end].text if ent.end < len(doc) else ""
    return bool(
        ent.text.isupper() and len(ent.text) > 3 and ent[0].is_sent_start and nxt in DATELINE_PUNCT
    )


def _clean(ent: Span) -> Span | None:
    """The entity without leading determiners/titles and trailing possessives or punctuation."""
    title_words = titles()
    i, j = ent.start, ent.end
    doc = ent.doc
    # Titles are stripped only before a name; "Foreign Ministry" stays an organisation. Before a
    # person's name, so are the words captions and headings put there ("Will Obama …").
    while i < j - 1 and (doc[i].lower_ in title_words or doc[i].lower_ in ("the", "a", "an")):
        if ent.label_ != "PERSON" and doc[i].lower_ not in ("the", "a", "an"):
            break
        i += 1
    while i < j - 1 and ent.label_ == "PERSON" and _heading_word(doc[i]):
        i += 1  # "Will Obama hit ISIS?", "Neither Obama nor …", "Warning Putin"
        while i < j - 1 and doc[i].lower_ in title_words:
            i += 1
    while j > i and (doc[j - 1].is_punct or surface_key(doc[j - 1].text) == ""):
        j -= 1
    if j <= i:
        return None
    span = doc[i:j]
    if not any(c.isalpha() for c in span.text):
        return None
    return span


def _heading_word(tok: Token) -> bool:
    """True for a word a caption or heading puts before a name, which is no part of it: a
    function word ("Will", "Neither": spaCy's English stop list) or a reporting word
    ("Warning"), unless it is a known first name."""
    from spacy.lang.en.stop_words import STOP_WORDS

    low = tok.lower_
    if low in load_lexicon("first_names") or tok.is_upper or place(low) is not None:
        return False
    return low in STOP_WORDS or low in _reporting_words()


@cache
def _reporting_words() -> frozenset[str]:
    """Reporting verbs and nouns (one-word terms) and their -ing forms: no part of a name."""
    terms = [*load_lexicon("reporting_verbs"), *load_lexicon("reporting_nouns")]
    words = {t for t in terms if " " not in t}
    return frozenset(words | {w[:-1] + "ing" if w.endswith("e") else w + "ing" for w in words})


def _titles_before(span: Span) -> tuple[str, ...]:
    """Title words just before a person's name, lower case ("German Foreign Minister X")."""
    title_words = titles() - connectors()
    doc = span.doc
    out: list[str] = []
    k = span.start - 1
    while k >= 0 and doc[k].lower_ in title_words and not doc[k].is_punct:
        out.append(doc[k].lower_)
        k -= 1
    return tuple(out)
