"""Actors: the people, organisations, countries and groups of an article, with aliases merged.

spaCy's named entities are the candidates. Names are cleaned of titles and roles ("NATO chief",
"Spokesperson"), matched against a gazetteer of countries, capitals, demonyms and aliases
(``lexicons/places.csv``), and short names are merged into the full person name they end
("Stoltenberg" -> "Jens Stoltenberg") whatever label the model gave them. Personal pronouns are
resolved to the most recently mentioned person, the simple recency baseline of coreference
(Hobbs 1978; Lappin & Leass 1994 add syntax-based salience on top of it).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from analysis.engine.parse import Chunk, tokens_where
from analysis.engine.references import PRONOUN_WINDOW, inside_quote, resolve_references
from analysis.lexicons import _raw
from analysis.records import Mention

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC"}
THING_PRONOUNS = {"it", "its"}
GROUP_PRONOUNS = {"they", "their", "them"}
_BYLINE = re.compile(r"\s*(?:By|BY|by)\s+[A-Z]")
_CREDITS = re.compile(
    r"\s*[(\[]\s*(?:additional\s+)?(?:reporting|writing|editing)\s+by\s", re.IGNORECASE
)
MAX_CREDIT_WORDS = 40
NAME_MODIFIER_DEPS = frozenset({"compound", "amod"})
LOCATIVE_PREPOSITIONS = frozenset({"in", "near", "inside", "outside", "across"})
_APOS = re.compile(r"['’]s?$")


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer row: a surface form and the actor it names."""

    canonical: str
    category: str
    type: str


@cache
def _places() -> dict[str, Place]:
    import csv
    import io

    out: dict[str, Place] = {}
    for row in csv.DictReader(io.StringIO(_raw("places"))):
        out[row["term"].lower()] = Place(row["canonical"], row["category"], row["type"])
    return out


def _place(key: str) -> Place | None:
    """Gazetteer entry for a lower-cased surface form; plural demonyms too ("Russians")."""
    places = _places()
    hit = places.get(key)
    if hit is None and key.endswith("s"):
        singular = places.get(key[:-1])
        if singular is not None and singular.category == "demonym":
            return singular
    return hit


@cache
def _single_word_places() -> frozenset[str]:
    return frozenset(k for k in _places() if " " not in k)


@cache
def _titles() -> frozenset[str]:
    from analysis.lexicons import load_lexicon

    return frozenset(k for k, v in load_lexicon("titles").items() if v.category != "name_particle")


@cache
def _connectors() -> frozenset[str]:
    from analysis.lexicons import load_lexicon

    return frozenset(k for k, v in load_lexicon("titles").items() if v.category == "connector")


@cache
def _particles() -> frozenset[str]:
    from analysis.lexicons import load_lexicon

    return frozenset(k for k, v in load_lexicon("titles").items() if v.category == "name_particle")


@dataclass
class _Raw:
    chunk: int
    tokens: tuple[int, int]  # token start, end in the chunk's doc
    start: int
    end: int
    surface: str
    label: str
    sentence: int
    place: Place | None = None
    titles: tuple[str, ...] = ()  # title words before a person's name ("foreign", "minister")

    @property
    def form(self) -> str:
        """The name as written, without editorial brackets ("[President Viktor] Yanukovych")."""
        form = re.sub(r"/\S*$", "", self.surface)  # a photo credit: "Tim Brakemeier/EPA"
        return " ".join(form.replace("[", " ").replace("]", " ").split())


@dataclass
class ActorInfo:
    """An actor found in the article (before profiling)."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)


@dataclass
class ActorIndex:
    """Actors, their mentions, and a token -> actor lookup used by the other extractors."""

    actors: list[ActorInfo]
    mentions: list[Mention]
    by_token: dict[tuple[int, int], str]
    kinds: dict[str, str]  # actor name -> type
    subject_starts: set[int] = field(default_factory=set)  # mentions in subject position
    quoted_starts: set[int] = field(default_factory=set)  # mentions inside quotation marks

    def actor_at(self, chunk: int, token: Token) -> str | None:
        """The actor whose mention covers ``token`` (pronouns included), else None."""
        return self.by_token.get((chunk, token.i))

    def speaker(self, chunk: int, token: Token, chunks: list[Chunk]) -> str | None:
        """The actor a speaker phrase headed by ``token`` refers to, else None.

        Looks at the head itself, then its name-like modifiers ("Russian officials",
        "Russia's foreign ministry"), then resolves "it" to the last organisation or country
        mentioned as a subject.
        """
        hit = self.actor_at(chunk, token)
        if hit:
            return hit
        low = token.lower_
        if low in THING_PRONOUNS:
            return self._last_before(
                chunks[chunk].offset + token.idx,
                {"ORG", "GPE"},
                chunk_sent=chunks[chunk].sentence_of(token),
            )
        if low in _titles():
            # "Ukraine's foreign minister, Dmytro Kuleba": the person, not the country
            for child in token.children:
                hit = self.actor_at(chunk, child) if child.dep_ == "appos" else None
                if hit and self.kinds.get(hit) == "PERSON":
                    return hit
            hit = self._person_after(chunk, token)
            if hit:
                return hit
        for child in token.children:
            if child.dep_ in ("compound", "amod", "poss", "nmod") and child.i < token.i:
                hit = self.actor_at(chunk, child)
                if hit:
                    return hit
        for child in token.children:
            if child.dep_ == "appos":
                hit = self.actor_at(chunk, child)
                if hit:
                    return hit
        return None

    def _person_after(self, chunk: int, token: Token) -> str | None:
        """The person named right after a title phrase ("Ambassador to Ukraine [Geoffrey Pyatt]").

        The parser sometimes leaves the name outside the title's phrase; a name that follows
        the phrase directly is the titled person.
        """
        end = max(t.i for t in token.subtree)
        doc = token.doc
        if end + 1 < len(doc):
            hit = self.actor_at(chunk, doc[end + 1])
            if hit and self.kinds.get(hit) == "PERSON":
                return hit
        return None

    def _last_before(self, pos: int, types: set[str], chunk_sent: int) -> str | None:
        # Salience: a recent subject beats a recent object (Lappin & Leass 1994).
        fallback = None
        for m in reversed(self.mentions):
            if m.start >= pos:
                continue
            if chunk_sent - m.sentence > PRONOUN_WINDOW:
                break
            if self.kinds.get(m.actor) in types and m.how != "pronoun":
                if m.start in self.subject_starts:
                    return m.actor
                fallback = fallback or m.actor
        return fallback


def _entities(doc: Doc) -> list[Span]:
    """The model's entities, with three repairs: a first name left out ("Soraya" + "Sarhaddi
    Nelson"), name particles ("Jean-Yves Le" + "Drian") and two gazetteer names run together
    ("U.N. Russia")."""
    places = _places()
    particles = _particles()
    out: list[Span] = []
    taken = {t for e in doc.ents for t in range(e.start, e.end)}
    titles = _titles()
    absorbed: set[int] = set()  # starts of entities merged into the one before them
    for ent in doc.ents:
        prev = doc[ent.start - 1] if ent.start > 0 else None
        if (
            ent.label_ == "PERSON"
            and prev is not None
            and prev.pos_ == "PROPN"
            and prev.dep_ == "compound"
            and ent.start <= prev.head.i < ent.end
            and prev.is_title
            and prev.i not in taken
            and prev.lower_ not in titles
            and _surface_key(prev.text) not in places
        ):
            # The model cut the first name off: "NPR's Soraya [Sarhaddi Nelson]".
            ent = Span(doc, ent.start - 1, ent.end, label="PERSON")
        if ent.start in absorbed:
            continue
        if (
            ent.label_ == "PERSON"
            and ent[-1].lower_ in particles
            and ent.end < len(doc)
            and doc[ent.end].text[:1].isupper()
            and _surface_key(doc[ent.end].text) not in places
        ):
            if ent.end in taken:
                # the rest of the name tagged apart: "Ursula von der" + "Leyen" (GPE)
                nxt = next((e for e in doc.ents if e.start == ent.end), None)
                if nxt is None or len(nxt) != 1:
                    out.append(ent)
                    continue
                absorbed.add(nxt.start)
            out.append(Span(doc, ent.start, ent.end + 1, label="PERSON"))
            continue
        if ent.label_ != "PERSON" and len(ent) >= 2 and _surface_key(ent.text) not in places:
            cut = next(
                (
                    k
                    for k in range(1, len(ent))
                    if _surface_key(ent[:k].text) in places and _surface_key(ent[k:].text) in places
                ),
                None,
            )
            if cut is not None:
                for part in (ent[:cut], ent[cut:]):
                    place = places[_surface_key(part.text)]
                    out.append(Span(doc, part.start, part.end, label=place.type))
                continue
        out.append(ent)
    return out


def _name_used_alone(r: _Raw, chunks: list[Chunk]) -> bool:
    """True when a one-word name stands as a noun, not as a modifier ("Christian groups")."""
    if r.label not in ("PERSON", "ORG", "NORP", "GPE") or r.tokens[1] - r.tokens[0] != 1:
        return False
    return chunks[r.chunk].doc[r.tokens[0]].dep_ not in NAME_MODIFIER_DEPS


def _credit_line(doc: Doc) -> bool:
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
    from analysis.lexicons import load_lexicon

    if len(span) != 2 or not all(t.is_title and t.pos_ == "PROPN" for t in span):
        return False
    return span[0].lower_ in load_lexicon("first_names")


def _dateline(ent: Span) -> bool:
    """An upper-case place opening a line before a comma or dash: "BRUSSELS, Feb 16 -"."""
    doc = ent.doc
    nxt = doc[ent.end].text if ent.end < len(doc) else ""
    return bool(
        ent.text.isupper()
        and len(ent.text) > 3
        and ent[0].is_sent_start
        and nxt in (",", "-", "—", "–")
    )


def _clean(ent: Span) -> Span | None:
    """The entity without leading determiners/titles and trailing possessives or punctuation."""
    titles = _titles()
    i, j = ent.start, ent.end
    doc = ent.doc
    # Titles are stripped only before a name; "Foreign Ministry" stays an organisation.
    while i < j - 1 and (doc[i].lower_ in titles or doc[i].lower_ in ("the", "a", "an")):
        if ent.label_ != "PERSON" and doc[i].lower_ not in ("the", "a", "an"):
            break
        i += 1
    while j > i and (doc[j - 1].is_punct or _APOS.fullmatch(doc[j - 1].text)):
        j -= 1
    if j <= i:
        return None
    span = doc[i:j]
    text = span.text
    if not any(c.isalpha() for c in text):
        return None
    return span


def _surface_key(text: str) -> str:
    return " ".join(_APOS.sub("", text).split()).lower()


def find_actors(chunks: list[Chunk]) -> ActorIndex:
    """Find and merge the actors of a parsed article.

    Args:
        chunks: the parsed article (:func:`analysis.engine.parse.parse`).

    Returns:
        An :class:`ActorIndex`: actors with canonical names and aliases, every mention with
        offsets into the article, and a token lookup for the attribution and quote rules.
    """
    places = _places()
    raws: list[_Raw] = []
    covered: set[tuple[int, int]] = set()
    for ci, ch in enumerate(chunks):
        if _credit_line(ch.doc):
            continue
        for ent in _entities(ch.doc):
            covered.update((ci, t) for t in range(ent.start, ent.end))
            if ent.label_ not in ENTITY_LABELS or not any(t.text[:1].isupper() for t in ent):
                continue
            if ent.label_ == "PERSON" and not ent.text[:1].isupper():  # "pro-Russia" is no name
                continue
            if _dateline(ent):
                continue
            span = _clean(ent)
            if span is None:
                continue
            key = _surface_key(span.text)
            place = _place(key.removeprefix("the "))
            if (ent.label_ == "LOC" and place is None) or (place and place.category == "region"):
                continue
            if place is None and key in _titles():
                continue
            label = ent.label_
            if label != "PERSON" and place is None and _looks_like_person(span):
                label = "PERSON"
            raws.append(
                _Raw(
                    ci,
                    (span.start, span.end),
                    ch.offset + span.start_char,
                    ch.offset + span.end_char,
                    span.text,
                    label,
                    ch.sentence_of(span[0]),
                    place,
                    _titles_before(span) if label == "PERSON" else (),
                )
            )
        # Names the model missed: "Kremlin", "the West", "Western" as single gazetteer tokens.
        for tok in tokens_where(ch.doc, LOWER, _single_word_places()):
            if (
                (ci, tok.i) in covered
                or not tok.text[:1].isupper()
                or (tok.is_sent_start and tok.pos_ not in ("PROPN", "ADJ"))
            ):
                continue
            place = places.get(tok.lower_)
            if (
                place is not None
                and place.category != "region"
                and tok.pos_ in ("PROPN", "ADJ", "NOUN")
            ):
                raws.append(
                    _Raw(
                        ci,
                        (tok.i, tok.i + 1),
                        ch.offset + tok.idx,
                        ch.offset + tok.idx + len(tok.text),
                        tok.text,
                        "GPE" if place.type == "GPE" else "ORG",
                        ch.sentence_of(tok),
                        place,
                    )
                )
    raws.sort(key=lambda r: r.start)

    # Countries named outright (not only through a demonym) support the demonym mapping.
    named = {r.place.canonical for r in raws if r.place and r.place.category != "demonym"}

    persons: dict[str, str] = {}  # lower full name -> display full name
    for r in raws:
        if r.label == "PERSON" and r.place is None and len(r.form.split()) >= 2:
            persons.setdefault(r.form.lower(), r.form)
    suffixes: dict[str, list[str]] = {}
    for low, full in persons.items():
        parts = low.split()
        for k in range(1, len(parts)):
            suffixes.setdefault(" ".join(parts[k:]), []).append(full)

    # A lone first name stands for the one person of the article who has it, unless it is
    # also somebody's surname.
    firsts: dict[str, list[str]] = {}
    for low, full in persons.items():
        first = low.split()[0]
        if first not in suffixes and len(first) > 1 and not first.endswith("."):
            firsts.setdefault(first, []).append(full)

    assigned: list[tuple[_Raw, str, str]] = []  # raw, actor key, type
    last_seen: dict[str, int] = {}
    for r in raws:
        key_low = r.form.lower()
        if r.place is not None:
            p = r.place
            if p.category == "demonym" and p.canonical not in named:
                assigned.append((r, f"norp:{r.form}", "NORP"))
            else:
                assigned.append((r, f"place:{p.canonical}", p.type))
            continue
        if key_low in persons:
            full = persons[key_low]
        elif key_low in suffixes and r.label in ("PERSON", "ORG", "NORP", "GPE"):
            cands = suffixes[key_low]
            full = max(cands, key=lambda c: last_seen.get(c, -1)) if len(cands) > 1 else cands[0]
        elif len(firsts.get(key_low, ())) == 1 and _name_used_alone(r, chunks):
            full = firsts[key_low][0]  # "Soraya" after "Soraya Sarhaddi Nelson"
        else:
            full = ""
        if full:
            last_seen[full] = r.start
            assigned.append((r, f"person:{full}", "PERSON"))
        elif r.label == "PERSON":
            assigned.append((r, f"person:{r.form}", "PERSON"))
        elif r.label == "ORG":
            assigned.append((r, f"org:{_surface_key(r.form).removeprefix('the ')}", "ORG"))
        elif r.label in ("NORP", "GPE"):
            assigned.append((r, f"{r.label.lower()}:{r.form}", r.label))

    assigned = _merge_place_prefixed_orgs(assigned)
    assigned = _merge_plural_groups(assigned)
    assigned = _without_places_tagged_as_people(assigned, chunks)
    surfaces: dict[str, Counter[str]] = {}
    types: dict[str, str] = {}
    for r, key, typ in assigned:
        surfaces.setdefault(key, Counter())[r.form] += 1
        types[key] = typ

    def display(key: str) -> str:
        kind, _, rest = key.partition(":")
        if kind in ("person", "place"):
            return rest
        # Organisations: the most frequent surface form, longest on ties, without "The".
        best = max(surfaces[key].items(), key=lambda kv: (kv[1], len(kv[0])))[0]
        return re.sub(r"^(the|The)\s+", "", best)

    names = {key: display(key) for key in surfaces}
    # Two keys that display the same (e.g. a NORP and an ORG "Republicans") become one actor.
    actors: dict[str, ActorInfo] = {}
    for key in surfaces:
        name = names[key]
        info = actors.setdefault(name, ActorInfo(name, types[key]))
        for s in surfaces[key]:
            if s != name and s not in info.aliases:
                info.aliases.append(s)

    mentions: list[Mention] = []
    by_token: dict[tuple[int, int], str] = {}
    for r, key, _typ in assigned:
        name = names[key]
        how = (
            "demonym"
            if r.place is not None and r.place.category == "demonym"
            else ("name" if r.form == name else "alias")
        )
        mentions.append(Mention(name, r.surface, r.start, r.end, r.sentence, how))
        for t in range(*r.tokens):
            by_token[(r.chunk, t)] = name

    kinds = {a.name: a.type for a in actors.values()}
    missed = _missed_short_names(chunks, by_token, list(actors.values()))
    for ci, tok, mention in missed:
        mentions.append(mention)
        by_token[(ci, tok.i)] = mention.actor
    subjects = {
        r.start
        for r, _k, _t in assigned
        if _subject_like(chunks[r.chunk].doc[r.tokens[0] : r.tokens[1]])
    }
    subjects.update(m.start for _ci, tok, m in missed if tok.dep_ in ("nsubj", "nsubjpass"))
    quoted = {r.start for r, _k, _t in assigned if inside_quote(chunks[r.chunk].doc[r.tokens[0]])}
    titles: dict[str, set[str]] = {}
    for r, key, _typ in assigned:
        if r.titles:
            titles.setdefault(names[key], set()).update(r.titles)
    index = ActorIndex(list(actors.values()), mentions, by_token, kinds, subjects, quoted)
    resolve_references(chunks, index, titles)
    return index


def _missed_short_names(
    chunks: list[Chunk], by_token: dict[tuple[int, int], str], actors: list[ActorInfo]
) -> list[tuple[int, Token, Mention]]:
    """Surnames and first names of the article's people where the model saw no entity.

    "Soraya says" after "Soraya Sarhaddi Nelson" is her even when the model tags nothing; a
    short name two people share is left alone.
    """
    owners: dict[str, set[str]] = {}
    for a in actors:
        if a.type == "PERSON" and len(a.name.split()) >= 2:
            for word in (a.name.split()[0], a.name.split()[-1]):
                if word[:1].isupper() and len(word) > 2 and not word.endswith("."):
                    owners.setdefault(word.lower(), set()).add(a.name)
    short = {w: next(iter(names)) for w, names in owners.items() if len(names) == 1}
    short = {w: n for w, n in short.items() if _place(w) is None and w not in _titles()}
    out: list[tuple[int, Token, Mention]] = []
    if not short:
        return out
    for ci, ch in enumerate(chunks):
        if _credit_line(ch.doc):
            continue
        for tok in tokens_where(ch.doc, LOWER, frozenset(short)):
            if (ci, tok.i) in by_token or tok.pos_ != "PROPN" or not tok.is_title:
                continue
            if tok.dep_ in NAME_MODIFIER_DEPS:
                continue  # "A Marine veteran" is no Marine Le Pen
            if tok.ent_type_ and tok.ent_type_ not in ENTITY_LABELS:
                continue  # a date, a work of art ... that happens to share the word
            start, end = ch.offset + tok.idx, ch.offset + tok.idx + len(tok.text)
            sent = ch.sentence_of(tok)
            out.append((ci, tok, Mention(short[tok.lower_], tok.text, start, end, sent, "alias")))
    return out


def _titles_before(span: Span) -> tuple[str, ...]:
    """Title words just before a person's name, lower case ("German Foreign Minister X")."""
    titles = _titles() - _connectors()
    doc = span.doc
    out: list[str] = []
    k = span.start - 1
    while k >= 0 and doc[k].lower_ in titles and not doc[k].is_punct:
        out.append(doc[k].lower_)
        k -= 1
    return tuple(out)


def _merge_place_prefixed_orgs(
    assigned: list[tuple[_Raw, str, str]],
) -> list[tuple[_Raw, str, str]]:
    """ "US State Department" and "State Department" in one article are one organisation."""
    orgs = {key[4:] for _r, key, typ in assigned if typ == "ORG" and key.startswith("org:")}
    rename: dict[str, str] = {}
    for org in orgs:
        words = org.split()
        for k in range(1, len(words)):
            prefix, rest = " ".join(words[:k]), " ".join(words[k:])
            if rest in orgs and _place(prefix) is not None:
                rename[f"org:{rest}"] = f"org:{org}"
    return [(r, rename.get(key, key), typ) for r, key, typ in assigned]


def _without_places_tagged_as_people(
    assigned: list[tuple[_Raw, str, str]], chunks: list[Chunk]
) -> list[tuple[_Raw, str, str]]:
    """Drop one-word "people" the text itself treats as places or things.

    The model tags unknown town and square names as people ("fighting in Avdiivka", "the
    Maidan", "the mayor of Kharkiv"). A one-word name that is not part of a full person name,
    and at least half of whose mentions come after "the", as the object of in/near/inside/
    outside/across or of an office ("mayor of"), or in capitals ("ET"), is no person. "on" and
    "at" are left out: "pressure on Putin", "aimed at Putin".
    """
    seen: Counter[str] = Counter()
    placelike: Counter[str] = Counter()
    for r, key, typ in assigned:
        if typ != "PERSON" or " " in key.partition(":")[2]:
            continue
        seen[key] += 1
        if r.tokens[1] - r.tokens[0] != 1:
            continue
        tok = chunks[r.chunk].doc[r.tokens[0]]
        det = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        located = tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPOSITIONS
        # "the mayor of Kharkiv", "governor of Donetsk": the office is held over a place
        office = (
            tok.dep_ == "pobj"
            and tok.head.lower_ == "of"
            and tok.head.head.lower_ in _titles() - _connectors()
        )
        if det or located or office or (tok.is_upper and len(tok) > 1):
            placelike[key] += 1
    # One "pressure on Obama" among twenty mentions does not make Obama a place.
    dropped = {k for k, n in placelike.items() if 2 * n >= seen[k]}
    return [a for a in assigned if a[1] not in dropped]


def _merge_plural_groups(
    assigned: list[tuple[_Raw, str, str]],
) -> list[tuple[_Raw, str, str]]:
    """ "Republicans" and "Republican", "Germans" and "German" in one article are one group."""
    keys = {key for _r, key, typ in assigned if typ == "NORP"}
    return [
        (r, key[:-1] if typ == "NORP" and key.endswith("s") and key[:-1] in keys else key, typ)
        for r, key, typ in assigned
    ]


def _subject_like(span: Span) -> bool:
    """True when the mention is a subject or modifies one ("Russian troops are ...")."""
    for tok in span:
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return True
        if tok.dep_ in ("amod", "compound", "poss") and tok.head.dep_ in ("nsubj", "nsubjpass"):
            return True
    return False
