"""References, the simple kind: he/she and "the ministry"/"the president" back to a named actor.

Pronouns go to the most recent person in reach, a subject first: the recency baseline of
coreference (Hobbs 1978) with the syntax-based salience of Lappin & Leass (1994). For the subject of
"…," he said, a person only talked about inside another speaker's reported words is passed
over (the embedded-mention filter of quotation attribution: Elson & McKeown 2010; O'Keefe et
al. 2012). A person named inside a quotation, or inside the words a pronoun's own verb reports,
is not a candidate: in '"… to get Mr. Putin to solve it," he said' the "he" is the speaker, not
Putin.

Definite descriptions ("the ministry", "the foreign minister") go to the most recent actor whose
name or title holds that noun, the way news writing refers back to an organisation or official
after first naming them in full (AP Stylebook, "titles": full title on first reference,
shortened on later ones; Poesio & Vieira 1998 on definite descriptions that repeat a head noun).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.attrs import LOWER
from spacy.tokens import Token

from analysis.engine.actor_index import PRONOUN_WINDOW, ActorIndex, ActorInfo
from analysis.engine.article import ParsedArticle
from analysis.lexicons import load_lexicon
from analysis.records import Mention

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
# Parts of a verb that hold what it reports ("he said [that …]", "[…], he said").
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "csubj"})
DESCRIPTION_MODIFIERS = frozenset({"amod", "compound"})


def resolve_references(article: ParsedArticle) -> ActorIndex:
    """Add description and pronoun mentions to the article's actor index.

    Args:
        article: the parsed article with its named actors (``article.actors``, whose
            ``quoted_starts``, ``subject_starts`` and ``titles`` are used).

    Returns:
        The same index, with new mentions whose ``how`` is "description" or "pronoun" and the
        offsets of their tokens.
    """
    index = article.actors
    descriptions = list(_descriptions(article))
    index.add(
        (m for m, _ in descriptions), ((s, m.actor) for m, starts in descriptions for s in starts)
    )
    pronouns = list(_pronouns(article))
    index.add(pronouns, ((m.start, m.actor) for m in pronouns))
    return index


# ---- descriptions ------------------------------------------------------------------------------
def _description_words(index: ActorIndex) -> dict[str, set[str]]:
    """Actor name -> the words a description may use: an organisation's head noun, a person's
    titles."""
    out: dict[str, set[str]] = {}
    for actor in index.actors:
        if actor.type == "ORG":
            words = {_head_word(form) for form in (actor.name, *actor.aliases)}
        elif actor.type == "PERSON":
            words = set(index.titles.get(actor.name, ()))
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
    lex = load_lexicon("reference_nouns")
    return frozenset(t for t, e in lex.items() if e.category in ("institution", "role"))


def _head_word(name: str) -> str:
    """The noun an organisation's name is built on: "Interior Ministry", "Ministry of Defence"."""
    words = name.split(" (")[0].split()  # "Foreign Ministry (Russia)": the name before the owner
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    head = words[-1].lower() if words else ""
    return head if head.isalpha() and len(head) > 3 else ""


def _descriptions(article: ParsedArticle) -> Iterator[tuple[Mention, list[int]]]:
    """Link "the ministry", "the foreign minister" to the latest actor whose name or title fits.

    Yields each description mention with the offsets of its tokens.
    """
    index = article.actors
    words = _description_words(index)
    if not words:
        return
    vocabulary = frozenset(w for ws in words.values() for w in ws) & _heads()
    latest = _LatestMention(index.mentions)
    for tok in article.tokens_where(LOWER, vocabulary):
        if index.at(article.start(tok)) is not None or not _is_description_head(tok):
            continue
        left = list(tok.lefts)
        used = {tok.lower_, *(c.lower_ for c in left[1:])}
        fitting = [a for a, ws in words.items() if used <= ws]
        pos = article.start(tok)
        actor = latest.of(fitting, pos)
        if actor is None:
            continue
        first = left[0]
        start, end = article.start(first), pos + len(tok.text)
        text = article.text[start:end]
        sent = article.sentence_of(tok)
        if tok.dep_ in ("nsubj", "nsubjpass"):
            index.subject_starts.add(start)
        tokens = [article.start(t) for t in tok.doc[first.i : tok.i + 1]]
        yield Mention(actor, text, start, end, sent, "description"), tokens


def _is_description_head(tok: Token) -> bool:
    """True for the head noun of "the ministry", "the foreign minister" (one thing, no "of")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.tag_ in ("NNS", "NNPS") or tok.dep_ in DESCRIPTION_MODIFIERS:
        return False  # "ministries" are many; "ministry officials" are not the ministry
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights):
        return False  # "the union of mineworkers" is another union
    left = list(tok.lefts)
    if not left or left[0].lower_ != "the" or left[0].dep_ != "det":
        return False
    return all(c.dep_ in DESCRIPTION_MODIFIERS for c in left[1:])


@dataclass
class _LatestMention:
    """The latest mention of any of some actors before a position, by binary search."""

    mentions: Sequence[Mention]

    def __post_init__(self) -> None:
        self._starts: dict[str, list[int]] = {}
        for m in self.mentions:
            self._starts.setdefault(m.actor, []).append(m.start)

    def of(self, actors: Collection[str], pos: int) -> str | None:
        best, best_start = None, -1
        for actor in actors:
            starts = self._starts.get(actor, [])
            k = bisect_left(starts, pos) - 1
            if k >= 0 and starts[k] > best_start:
                best, best_start = actor, starts[k]
        return best


# ---- pronouns ----------------------------------------------------------------------------------
@dataclass
class _People:
    """The person mentions a pronoun can refer to, with their starts for binary search."""

    mentions: list[Mention]

    def __post_init__(self) -> None:
        self.starts = [m.start for m in self.mentions]

    def between(self, a: int, b: int) -> set[int]:
        """Starts of the person mentions in [a, b)."""
        lo, hi = bisect_left(self.starts, a), bisect_left(self.starts, b)
        return set(self.starts[lo:hi])


def _pronouns(article: ParsedArticle) -> Iterator[Mention]:
    """Link he/she/his/her to the most salient person mentioned within a few sentences."""
    index = article.actors
    people = _People([m for m in index.mentions if index.kinds.get(m.actor) == "PERSON"])
    if not people.mentions:
        return
    genders = _genders(index.actors)
    verbs = _reporting_lemmas()
    embedded = _embedded_starts(article, people, verbs)
    for tok in article.tokens_where(LOWER, PERSON_PRONOUNS):
        if tok.pos_ not in ("PRON", "DET") or article.inside_double_quotes(tok):
            continue
        pos = article.start(tok)
        j = bisect_left(people.starts, pos) - 1
        if j < 0:
            continue
        sent = article.sentence_of(tok)
        wanted = "female" if tok.lower_ in FEMALE_PRONOUNS else "male"
        skip: tuple[Collection[int], ...] = (_reported_starts(article, tok, people, verbs),)
        if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in verbs:
            # "…," he said: the speaker is not somebody named inside a quotation or only
            # talked about by another person.
            skip = (*skip, index.quoted_starts, embedded)
        m = _salient_person(people.mentions, j, sent, index.subject_starts, genders, wanted, skip)
        if m is not None:
            yield Mention(
                m.actor, article.text[pos : pos + len(tok)], pos, pos + len(tok), sent, "pronoun"
            )


@cache
def _reporting_lemmas() -> frozenset[str]:
    """Lemmas of the reporting verbs (first word of multi-word ones)."""
    return frozenset(t.split()[0] for t in load_lexicon("reporting_verbs"))


def _embedded_starts(article: ParsedArticle, people: _People, verbs: frozenset[str]) -> set[int]:
    """Starts of person mentions inside what a person reports ("Blinken said [… Putin …]")."""
    index = article.actors
    out: set[int] = set()
    for doc in article.docs():
        for tok in doc:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in verbs:
                continue
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            speaker = index.at(article.start(subj)) if subj is not None else None
            person = subj is not None and (
                subj.lower_ in PERSON_PRONOUNS or index.kinds.get(speaker or "") == "PERSON"
            )
            if not person:
                continue  # "The Kremlin said Putin would respond": Putin may speak next
            for part in tok.children:
                if part.dep_ in ("ccomp", "xcomp"):
                    words = list(part.subtree)
                    out |= people.between(article.start(words[0]), article.end(words[-1]))
    return out


def _reported_starts(
    article: ParsedArticle, tok: Token, people: _People, verbs: frozenset[str]
) -> set[int]:
    """Starts of person mentions inside the words reported by the verb ``tok`` is subject of."""
    if tok.dep_ != "nsubj":
        return set()
    verb = tok.head
    parts = [c for c in verb.children if c.dep_ in CONTENT_DEPS]
    if verb.dep_ in CONTENT_DEPS and verb.head is not verb and verb.lemma_.lower() in verbs:
        parts.append(verb.head)  # '[…], he said' parsed with "said" under the content
    out: set[int] = set()
    for part in parts:
        idx = [t.i for t in part.subtree if not (verb.i == t.i or t in tok.subtree)]
        if part is verb.head:
            inner = {t.i for t in verb.subtree}
            idx = [i for i in idx if i not in inner]
        if idx:
            first, last = tok.doc[min(idx)], tok.doc[max(idx)]
            out |= people.between(article.start(first), article.end(last))
    return out


def _genders(actors: list[ActorInfo]) -> dict[str, str]:
    """Actor name -> 'female'/'male' when the first name is in ``lexicons/first_names.csv``."""
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
    skip: Sequence[Collection[int]] = (),
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
        if (wanted and known and known != wanted) or any(m.start in s for s in skip):
            continue
        latest = latest or m
        if m.start in subjects:
            return m
    return latest
