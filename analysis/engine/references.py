"""Coreference, the simple kind: he/she and "the ministry"/"the president" back to a named actor.

Pronouns go to the most recent person in reach, a subject first: the recency baseline of
coreference (Hobbs 1978) with the syntax-based salience of Lappin & Leass (1994). For the subject of
"…," he said, a person only talked about inside another speaker's reported words is passed
over (the embedded-mention filter of quotation attribution: Elson & McKeown 2010; O'Keefe et
al. 2012). A person named
inside a quotation, or inside the words a pronoun's own verb reports, is not a candidate: in
'"… to get Mr. Putin to solve it," he said' the "he" is the speaker, not Putin.

Definite descriptions ("the ministry", "the foreign minister") go to the most recent actor whose
name or title holds that noun, the way news writing refers back to an organisation or official
after first naming them in full (AP Stylebook, "titles": full title on first reference,
shortened on later ones; Poesio & Vieira 1998 on definite descriptions that repeat a head noun).
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache
from typing import TYPE_CHECKING

from spacy.attrs import LOWER
from spacy.tokens import Token

from analysis.engine.parse import Chunk, tokens_where
from analysis.records import Mention

if TYPE_CHECKING:
    from analysis.engine.actors import ActorIndex, ActorInfo

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
PRONOUN_WINDOW = 3  # sentences back that a pronoun may reach
# Parts of a verb that hold what it reports ("he said [that …]", "[…], he said").
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "csubj"})
DESCRIPTION_MODIFIERS = frozenset({"amod", "compound"})


def resolve_references(chunks: list[Chunk], index: ActorIndex, titles: dict[str, set[str]]) -> None:
    """Add description and pronoun mentions to ``index`` in place.

    Args:
        chunks: the parsed article.
        index: the actor index with its named mentions; ``index.quoted_starts`` holds the
            starts of mentions inside quotation marks.
        titles: person actor name -> the title words seen before the name ("minister",
            "foreign"), for descriptions such as "the foreign minister".

    Returns:
        None. New mentions have ``how`` "description" or "pronoun"; their tokens are added
        to ``index.by_token``.
    """
    _resolve_descriptions(chunks, index, titles)
    _resolve_pronouns(chunks, index)
    index.mentions.sort(key=lambda m: m.start)


def _description_words(index: ActorIndex, titles: dict[str, set[str]]) -> dict[str, set[str]]:
    """Actor name -> the words a description may use: an organisation's head noun, a person's
    titles."""
    out: dict[str, set[str]] = {}
    for actor in index.actors:
        if actor.type == "ORG":
            words = {_head_word(form) for form in (actor.name, *actor.aliases)}
        elif actor.type == "PERSON":
            words = set(titles.get(actor.name, ()))
        else:
            continue
        if words & _heads():
            out[actor.name] = words - {""}
    return out


@cache
def _heads() -> frozenset[str]:
    """Nouns a description can be built on: institutions and roles (lexicons/reference_nouns.csv).

    "the news" is no description of Fox News, nor "the state" of a Secretary of State.
    """
    from analysis.lexicons import load_lexicon

    lex = load_lexicon("reference_nouns")
    return frozenset(t for t, e in lex.items() if e.category in ("institution", "role"))


def _head_word(name: str) -> str:
    """The noun an organisation's name is built on: "Interior Ministry", "Ministry of Defence"."""
    words = name.split()
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    head = words[-1].lower() if words else ""
    return head if head.isalpha() and len(head) > 3 else ""


def _resolve_descriptions(
    chunks: list[Chunk], index: ActorIndex, titles: dict[str, set[str]]
) -> None:
    """Link "the ministry", "the foreign minister" to the latest actor whose name or title fits."""
    words = _description_words(index, titles)
    if not words:
        return
    vocabulary = frozenset(w for ws in words.values() for w in ws) & _heads()
    named = sorted(index.mentions, key=lambda m: m.start)
    starts = [m.start for m in named]
    added: list[Mention] = []
    for ci, ch in enumerate(chunks):
        for tok in tokens_where(ch.doc, LOWER, vocabulary):
            if (ci, tok.i) in index.by_token or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if tok.tag_ in ("NNS", "NNPS") or tok.dep_ in DESCRIPTION_MODIFIERS:
                continue  # "ministries" are many; "ministry officials" are not the ministry
            if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights):
                continue  # "the union of mineworkers" is another union
            left = list(tok.lefts)
            if not left or left[0].lower_ != "the" or left[0].dep_ != "det":
                continue
            modifiers = {c.lower_ for c in left[1:]}
            if any(c.dep_ not in DESCRIPTION_MODIFIERS for c in left[1:]):
                continue
            pos = ch.offset + tok.idx
            actor = _latest_fitting(named, starts, pos, {tok.lower_, *modifiers}, words)
            if actor is None:
                continue
            first = left[0]
            start = ch.offset + first.idx
            end = pos + len(tok.text)
            text = ch.doc.text[first.idx : tok.idx + len(tok.text)]
            added.append(Mention(actor, text, start, end, ch.sentence_of(tok), "description"))
            for t in range(first.i, tok.i + 1):
                index.by_token[(ci, t)] = actor
            if tok.dep_ in ("nsubj", "nsubjpass"):
                index.subject_starts.add(start)
    index.mentions.extend(added)


def _latest_fitting(
    named: list[Mention], starts: list[int], pos: int, used: set[str], words: dict[str, set[str]]
) -> str | None:
    """The actor of the latest mention before ``pos`` whose words include all of ``used``."""
    for k in range(bisect_left(starts, pos) - 1, -1, -1):
        actor = named[k].actor
        if actor in words and used <= words[actor]:
            return actor
    return None


def _resolve_pronouns(chunks: list[Chunk], index: ActorIndex) -> None:
    """Link he/she/his/her to the most salient person mentioned within a few sentences."""
    named = sorted(index.mentions, key=lambda m: m.start)
    people = [m for m in named if index.kinds.get(m.actor) == "PERSON"]
    if not people:
        return
    added: list[Mention] = []
    genders = _genders(index.actors)
    verbs = _reporting_lemmas()
    embedded = _embedded_starts(chunks, index, people, verbs)
    j = -1
    for ci, ch in enumerate(chunks):
        for tok in tokens_where(ch.doc, LOWER, PERSON_PRONOUNS):
            if tok.pos_ not in ("PRON", "DET") or inside_quote(tok):
                continue
            pos = ch.offset + tok.idx
            while j + 1 < len(people) and people[j + 1].start < pos:
                j += 1
            if j < 0:
                continue
            sent = ch.sentence_of(tok)
            wanted = "female" if tok.lower_ in FEMALE_PRONOUNS else "male"
            skip = _reported_starts(tok, ch, people, verbs)
            if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in verbs:
                # "…," he said: the speaker is not somebody named inside a quotation or only
                # talked about by another person.
                skip = skip | index.quoted_starts | embedded
            m = _salient_person(people, j, sent, index.subject_starts, genders, wanted, skip)
            if m is None:
                continue
            added.append(Mention(m.actor, tok.text, pos, pos + len(tok.text), sent, "pronoun"))
            index.by_token[(ci, tok.i)] = m.actor
    index.mentions.extend(added)


@cache
def _reporting_lemmas() -> frozenset[str]:
    """Lemmas of the reporting verbs (first word of multi-word ones)."""
    from analysis.lexicons import load_lexicon

    return frozenset(t.split()[0] for t in load_lexicon("reporting_verbs"))


def _embedded_starts(
    chunks: list[Chunk], index: ActorIndex, people: list[Mention], verbs: frozenset[str]
) -> set[int]:
    """Starts of person mentions inside what a person reports ("Blinken said [… Putin …]")."""
    ranges: list[tuple[int, int]] = []
    for ci, ch in enumerate(chunks):
        for tok in ch.doc:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in verbs:
                continue
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            speaker = index.by_token.get((ci, subj.i)) if subj is not None else None
            person = subj is not None and (
                subj.lower_ in PERSON_PRONOUNS or index.kinds.get(speaker or "") == "PERSON"
            )
            if not person:
                continue  # "The Kremlin said Putin would respond": Putin may speak next
            for part in tok.children:
                if part.dep_ in ("ccomp", "xcomp"):
                    words = list(part.subtree)
                    a, b = words[0], words[-1]
                    ranges.append((ch.offset + a.idx, ch.offset + b.idx + len(b.text)))
    return {m.start for m in people for a, b in ranges if a <= m.start < b}


def _reported_starts(
    tok: Token, ch: Chunk, people: list[Mention], verbs: frozenset[str]
) -> set[int]:
    """Starts of person mentions inside the words reported by the verb ``tok`` is subject of."""
    if tok.dep_ != "nsubj":
        return set()
    verb = tok.head
    parts = [c for c in verb.children if c.dep_ in CONTENT_DEPS]
    if verb.dep_ in CONTENT_DEPS and verb.head is not verb and verb.lemma_.lower() in verbs:
        parts.append(verb.head)  # '[…], he said' parsed with "said" under the content
    ranges = []
    for part in parts:
        idx = [t.i for t in part.subtree if not (verb.i == t.i or t in tok.subtree)]
        if part is verb.head:
            inner = {t.i for t in verb.subtree}
            idx = [i for i in idx if i not in inner]
        if idx:
            first, last = ch.doc[min(idx)], ch.doc[max(idx)]
            ranges.append((ch.offset + first.idx, ch.offset + last.idx + len(last.text)))
    return {m.start for m in people for a, b in ranges if a <= m.start < b}


def _genders(actors: list[ActorInfo]) -> dict[str, str]:
    """Actor name -> 'female'/'male' when the first name is in ``lexicons/first_names.csv``."""
    from analysis.lexicons import load_lexicon

    names = load_lexicon("first_names")
    out: dict[str, str] = {}
    for a in actors:
        parts = a.name.split()
        if a.type == "PERSON" and len(parts) >= 2 and parts[0].lower() in names:
            out[a.name] = names[parts[0].lower()].category
    return out


def _salient_person(
    people: list[Mention],
    j: int,
    sent: int,
    subjects: set[int],
    genders: dict[str, str] | None = None,
    wanted: str | None = None,
    skip: set[int] | frozenset[int] = frozenset(),
) -> Mention | None:
    """The person a pronoun most likely means: the latest subject in reach, else the latest one.

    A person whose first name is known to be of the other gender is passed over ("she" after
    "Maria Zakharova spoke to Antony Blinken" is Zakharova), and so is every mention in ``skip``.
    """
    latest = None
    for k in range(j, -1, -1):
        m = people[k]
        if sent - m.sentence > PRONOUN_WINDOW:
            break
        known = (genders or {}).get(m.actor)
        if (wanted and known and known != wanted) or m.start in skip:
            continue
        latest = latest or m
        if m.start in subjects:
            return m
    return latest


def inside_quote(tok: Token) -> bool:
    """True when an odd number of double quote marks precede ``tok`` in its sentence."""
    sent = tok.sent
    before = tok.doc.text[sent.start_char : tok.idx]
    straight = before.count('"')
    curly = before.count("“") - before.count("”")
    return straight % 2 == 1 or curly > 0
