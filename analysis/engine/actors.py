"""Actors: the people, organisations, countries and groups of an article, with aliases merged.

Name candidates (:mod:`analysis.engine.names`) are assigned to actors: gazetteer forms to their
country or organisation (a demonym only when the country is also named), short person names to
the full name they end ("Stoltenberg" -> "Jens Stoltenberg") whatever label the model gave them, a
lone first name to the one person who has it. Then a few merges (place-prefixed organisations,
plural groups) and one filter (one-word "people" the text treats as places). The result is the
article's :class:`~analysis.engine.actor_index.ActorIndex`; pronouns and descriptions are added
to it afterwards by :mod:`analysis.engine.references`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from spacy.attrs import LOWER
from spacy.tokens import Span, Token

from analysis.engine.actor_index import ActorIndex, ActorInfo
from analysis.engine.article import ParsedArticle, tokens_where
from analysis.engine.assignment import Assignment
from analysis.engine.gazetteer import connectors, place, surface_key, titles
from analysis.engine.name_variants import name_key
from analysis.engine.names import ENTITY_LABELS, NameCandidate, credit_line, name_candidates
from analysis.engine.owned_orgs import display_of_owned, with_owners
from analysis.records import Mention

NAME_MODIFIER_DEPS = frozenset({"compound", "amod"})
LOCATIVE_PREPOSITIONS = frozenset({"in", "near", "inside", "outside", "across"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def find_actors(article: ParsedArticle) -> ActorIndex:
    """Find and merge the named actors of a parsed article.

    Args:
        article: the parsed article.

    Returns:
        An :class:`ActorIndex`: actors with display names and aliases, every named mention with
        offsets into the article, the actor at each mentioned token, subject and quoted
        mentions, and the titles seen before each person's name.
    """
    assigned = assign_names(name_candidates(article), article)
    assigned = with_owners(assigned, article)
    assigned = _merge_plural_groups(assigned)
    assigned = _without_places_tagged_as_people(assigned)
    names, actors = _actors_of(assigned)
    mentions, by_offset = _named_mentions(assigned, names, article)
    index = ActorIndex(actors, mentions, by_offset, {a.name: a.type for a in actors})
    missed = list(_missed_short_names(article, index))
    index.add((m for _tok, m in missed), ((m.start, m.actor) for _tok, m in missed))
    index.subject_starts = {a.name.start for a in assigned if _subject_like(a.name.span)}
    index.subject_starts.update(m.start for tok, m in missed if tok.dep_ in SUBJECT_DEPS)
    index.quoted_starts = {
        a.name.start for a in assigned if article.inside_double_quotes(a.name.span[0])
    }
    for a in assigned:
        if a.name.titles:
            index.titles.setdefault(names[a.key], set()).update(description_words(a.name))
    return index


HEAD_OF_GOVERNMENT = frozenset({"president", "premier", "chancellor", "prime", "king", "queen"})
"""Titles whose holder news writing also calls "the leader" ("the Russian leader")."""


def description_words(name: NameCandidate) -> set[str]:
    """Words a later description of the person may use: the titles before the name, the
    country word before them ("Russian President Vladimir Putin" -> "the Russian president"),
    and "leader" for a head of state or government (AP Stylebook, "titles": later references
    use a shortened title; "leader" is the general word for these offices)."""
    words = set(name.titles)
    if words & HEAD_OF_GOVERNMENT:
        words.add("leader")
    if name.country:
        doc = name.span.doc
        k = name.span.start - 1 - len(name.titles)
        if k >= 0 and doc[k].tag_ == "POS":
            k -= 1
        if k >= 0:
            words.add(doc[k].lower_)
    return words


def assign_names(cands: list[NameCandidate], article: ParsedArticle) -> list[Assignment]:
    """Each candidate's actor key: gazetteer actor, full person name, organisation or group."""
    # Countries named outright (not only through a demonym) support the demonym mapping.
    named = {c.place.canonical for c in cands if c.place and c.place.category != "demonym"}
    persons = _full_person_names(cands)
    suffixes = _surname_owners(persons)
    firsts = _first_name_owners(persons, suffixes)
    last_seen: dict[str, int] = {}
    out: list[Assignment] = []
    for c in cands:
        if c.place is not None:
            p = c.place
            if p.category == "demonym" and p.canonical not in named:
                out.append(Assignment(c, f"norp:{c.form}", "NORP"))
            else:
                out.append(Assignment(c, f"place:{p.canonical}", p.type))
            continue
        full = _full_name_of(c, persons, suffixes, firsts, last_seen)
        if full:
            last_seen[full] = c.start
            out.append(Assignment(c, f"person:{full}", "PERSON"))
        elif c.label == "PERSON":
            out.append(Assignment(c, f"person:{c.form}", "PERSON"))
        elif c.label == "ORG":
            out.append(Assignment(c, f"org:{surface_key(c.form).removeprefix('the ')}", "ORG"))
        elif c.label in ("NORP", "GPE"):
            out.append(Assignment(c, f"{c.label.lower()}:{c.form}", c.label))
    return out


def _full_person_names(cands: list[NameCandidate]) -> dict[str, str]:
    """Name key of every full person name (two words or more) -> the name shown for it.

    Spelling variants share a key ("Sergei"/"Sergey Lavrov", "Vladimir V. Putin"/"Vladimir
    Putin": :func:`analysis.engine.name_variants.name_key`); the form written most often is
    shown, the first written on ties.
    """
    forms: dict[str, Counter[str]] = {}
    for c in cands:
        if c.label == "PERSON" and c.place is None and len(c.form.split()) >= 2:
            forms.setdefault(name_key(c.form), Counter())[c.form] += 1
    # The most written form; on ties the one without middle initials, then the first written
    # (Counter keeps first-seen order, and max() returns the first of equal keys).
    return {key: max(seen, key=lambda f: (seen[f], -len(f.split()))) for key, seen in forms.items()}


def _surname_owners(persons: dict[str, str]) -> dict[str, list[str]]:
    """Each trailing part of a full name, as a key ("stoltenberg", "le drian") -> the names
    ending so."""
    suffixes: dict[str, list[str]] = {}
    for key, full in persons.items():
        parts = key.split()
        for k in range(1, len(parts)):
            suffixes.setdefault(" ".join(parts[k:]), []).append(full)
    return suffixes


def _first_name_owners(
    persons: dict[str, str], suffixes: dict[str, list[str]]
) -> dict[str, list[str]]:
    """First name (as a key) -> the people who have it, unless it is also somebody's surname."""
    firsts: dict[str, list[str]] = {}
    for key, full in persons.items():
        first = key.split()[0]
        written = full.split()[0]
        if first not in suffixes and len(first) > 1 and not written.endswith("."):
            firsts.setdefault(first, []).append(full)
    return firsts


def _full_name_of(
    c: NameCandidate,
    persons: dict[str, str],
    suffixes: dict[str, list[str]],
    firsts: dict[str, list[str]],
    last_seen: dict[str, int],
) -> str:
    """The full person name a candidate stands for, or "" when it is not a known person."""
    key = name_key(c.form)
    if key in persons:
        return persons[key]
    if key in suffixes and c.label in ("PERSON", "ORG", "NORP", "GPE"):
        cands = suffixes[key]
        # Two people share the surname: the one mentioned last.
        return max(cands, key=lambda n: last_seen.get(n, -1)) if len(cands) > 1 else cands[0]
    if len(firsts.get(key, ())) == 1 and _name_used_alone(c):
        return firsts[key][0]  # "Soraya" after "Soraya Sarhaddi Nelson"
    return ""


def _name_used_alone(c: NameCandidate) -> bool:
    """True when a one-word name stands as a noun, not as a modifier ("Christian groups")."""
    tok = c.single_token
    if c.label not in ("PERSON", "ORG", "NORP", "GPE") or tok is None:
        return False
    return tok.dep_ not in NAME_MODIFIER_DEPS


def _actors_of(assigned: list[Assignment]) -> tuple[dict[str, str], list[ActorInfo]]:
    """(actor key -> display name, the actors with their aliases)."""
    surfaces: dict[str, Counter[str]] = {}
    types: dict[str, str] = {}
    for a in assigned:
        surfaces.setdefault(a.key, Counter())[a.name.form] += 1
        types[a.key] = a.type
    names = {key: _display_name(key, forms) for key, forms in surfaces.items()}
    # Two keys that display the same (e.g. a NORP and an ORG "Republicans") become one actor.
    actors: dict[str, ActorInfo] = {}
    for key, forms in surfaces.items():
        name = names[key]
        info = actors.setdefault(name, ActorInfo(name, types[key]))
        for form in forms:
            if form != name and form not in info.aliases:
                info.aliases.append(form)
    return names, list(actors.values())


def _display_name(key: str, forms: Counter[str]) -> str:
    """A person's full name, a place's canonical name, else the most frequent form."""
    kind, _, rest = key.partition(":")
    if kind in ("person", "place"):
        return rest
    owned = display_of_owned(key, forms)
    if owned is not None:
        return owned
    # Organisations: the most frequent surface form, longest on ties, without "The".
    best = max(forms.items(), key=lambda kv: (kv[1], len(kv[0])))[0]
    return re.sub(r"^(the|The)\s+", "", best)


def _named_mentions(
    assigned: list[Assignment], names: dict[str, str], article: ParsedArticle
) -> tuple[list[Mention], dict[int, str]]:
    """Every named mention and the actor at each of its tokens (by character offset)."""
    mentions: list[Mention] = []
    by_offset: dict[int, str] = {}
    for a in assigned:
        name = names[a.key]
        c = a.name
        demonym = c.place is not None and c.place.category == "demonym"
        how = "demonym" if demonym else ("name" if c.form == name else "alias")
        mentions.append(
            Mention(name, article.text[c.start : c.end], c.start, c.end, c.sentence, how)
        )
        for tok in c.span:
            by_offset[article.start(tok)] = name
    return mentions, by_offset


def _missed_short_names(
    article: ParsedArticle, index: ActorIndex
) -> Iterable[tuple[Token, Mention]]:
    """Surnames and first names of the article's people where the model saw no entity.

    "Soraya says" after "Soraya Sarhaddi Nelson" is her even when the model tags nothing; a
    short name two people share is left alone.
    """
    short = _short_names(index.actors)
    if not short:
        return
    for ch in article.chunks:
        if credit_line(ch.doc):
            continue
        for tok in tokens_where(ch.doc, LOWER, frozenset(short)):
            start = article.start(tok)
            if start in index.by_offset or not _name_like(tok) or not tok.is_title:
                continue
            if tok.dep_ in NAME_MODIFIER_DEPS:
                continue  # "A Marine veteran" is no Marine Le Pen
            if tok.ent_type_ and tok.ent_type_ not in ENTITY_LABELS:
                continue  # a date, a work of art ... that happens to share the word
            sent = article.sentence_of(tok)
            end = start + len(tok.text)
            yield (
                tok,
                Mention(short[tok.lower_], article.text[start:end], start, end, sent, "alias"),
            )


def _name_like(tok: Token) -> bool:
    """True for a proper noun, or for a capitalised word the tagger took for a common noun
    where it is a subject ("Yanukovych, speaking at a news conference, said"): taggers mistake
    unfamiliar surnames at the start of a sentence for nouns, and a subject that is also the
    surname of a person the article named is that person."""
    return tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.dep_ in SUBJECT_DEPS)


def _short_names(actors: list[ActorInfo]) -> dict[str, str]:
    """First names and surnames that belong to exactly one person of the article."""
    owners: dict[str, set[str]] = {}
    for a in actors:
        parts = a.name.split()
        if a.type == "PERSON" and len(parts) >= 2:
            for word in (parts[0], parts[-1]):
                if word[:1].isupper() and len(word) > 2 and not word.endswith("."):
                    owners.setdefault(word.lower(), set()).add(a.name)
    short = {w: next(iter(names)) for w, names in owners.items() if len(names) == 1}
    return {w: n for w, n in short.items() if place(w) is None and w not in titles()}


def _merge_plural_groups(assigned: list[Assignment]) -> list[Assignment]:
    """ "Republicans" and "Republican", "Germans" and "German" in one article are one group."""
    keys = {a.key for a in assigned if a.type == "NORP"}
    return [
        Assignment(a.name, a.key[:-1], a.type)
        if a.type == "NORP" and a.key.endswith("s") and a.key[:-1] in keys
        else a
        for a in assigned
    ]


def _without_places_tagged_as_people(assigned: list[Assignment]) -> list[Assignment]:
    """Drop one-word "people" the text itself treats as places or things.

    The model tags unknown town and square names as people ("fighting in Avdiivka", "the
    Maidan", "the mayor of Kharkiv"). A one-word name that is not part of a full person name,
    and at least half of whose mentions come after "the", as the object of in/near/inside/
    outside/across or of an office ("mayor of"), or in capitals ("ET"), is no person. "on" and
    "at" are left out: "pressure on Putin", "aimed at Putin".
    """
    seen: Counter[str] = Counter()
    placelike: Counter[str] = Counter()
    for a in assigned:
        if a.type != "PERSON" or " " in a.key.partition(":")[2]:
            continue
        seen[a.key] += 1
        tok = a.name.single_token
        if tok is not None and _used_as_place(tok):
            placelike[a.key] += 1
    # One "pressure on Obama" among twenty mentions does not make Obama a place.
    dropped = {k for k, n in placelike.items() if 2 * n >= seen[k]}
    return [a for a in assigned if a.key not in dropped]


def _used_as_place(tok: Token) -> bool:
    """True when a one-word name is used the way places are ("in Avdiivka", "the Maidan")."""
    det = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    located = tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPOSITIONS
    # "the mayor of Kharkiv", "governor of Donetsk": the office is held over a place
    office = (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and tok.head.head.lower_ in titles() - connectors()
    )
    return det or located or office or (tok.is_upper and len(tok) > 1)


def _subject_like(span: Span) -> bool:
    """True when the mention is a subject or modifies one ("Russian troops are ...")."""
    for tok in span:
        if tok.dep_ in SUBJECT_DEPS:
            return True
        if tok.dep_ in ("amod", "compound", "poss") and tok.head.dep_ in SUBJECT_DEPS:
            return True
    return False
