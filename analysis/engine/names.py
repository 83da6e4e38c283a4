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
        for ent in repaired_entities(ch.doc):
            covered.update(range(ent.start, ent.end))
            cand = _entity_candidate(article, ch, ent)
            if cand is not None:
                out.append(cand)
        out.extend(_gazetteer_candidates(article, ch, covered))
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
    label = ent.label_
    if label != "PERSON" and gazetteer is None and _looks_like_person(span):
        label = "PERSON"
    start, end = article.span_offsets(span)
    person_titles = _titles_before(span) if label == "PERSON" else ()
    return NameCandidate(
        span, start, end, label, article.sentence_of(span), gazetteer, person_titles
    )


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
        out.extend(_split_run_together_places(ent))
    return out


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
    # Titles are stripped only before a name; "Foreign Ministry" stays an organisation.
    while i < j - 1 and (doc[i].lower_ in title_words or doc[i].lower_ in ("the", "a", "an")):
        if ent.label_ != "PERSON" and doc[i].lower_ not in ("the", "a", "an"):
            break
        i += 1
    while j > i and (doc[j - 1].is_punct or surface_key(doc[j - 1].text) == ""):
        j -= 1
    if j <= i:
        return None
    span = doc[i:j]
    if not any(c.isalpha() for c in span.text):
        return None
    return span


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
