"""Attribution: reporting verbs and nouns tied to their speaker, each with a stance.

The stance of a reporting cue follows journalism practice and the literature on epistemological
bias: "said" is the neutral default, "claimed" casts doubt, "admitted" implies guilt (Wikipedia
Manual of Style, "Words to watch: said"; Recasens, Danescu-Niculescu-Mizil & Jurafsky 2013, report
verbs and assertives; Hooper 1975). The speaker is found on the dependency parse, after the patterns
of quotation attribution studies (Pareti 2016, PARC 3.0; Newell, Cowlishaw & Man 2018): subject of
the cue ("X said"/"said X"), the subject shared by a participle or a conjoined verb ("Mocking …,
X asked"), the agent of a passive ("rejected by X"), the head of a relative clause ("X, who
claimed"), the possessor of a reporting noun ("X's claims") and "according to X".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from analysis.engine.article import ParsedArticle, tokens_where
from analysis.engine.explain import make_marker
from analysis.engine.extract.speech_nouns import noun_cue_speaker
from analysis.engine.extract.speech_sense import (
    light_phrase_reports_speech,
    question_put_to_subject,
    reports_speech,
)
from analysis.engine.extract.subjects import subject_of
from analysis.engine.speakers import speaker_of
from analysis.lexicons import LexiconEntry, load_lexicon
from analysis.records import Marker

ADJECTIVAL_DEPS = frozenset({"amod", "compound"})


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting cue found in a sentence, before it becomes a marker."""

    first: Token
    end: int  # character offset (in the article) just after the cue's last word
    entry: LexiconEntry
    lexicon: str  # reporting_verbs | reporting_nouns
    speaker: Token | None


def _source_of(tok: Token | None) -> Token | None:
    """The source behind "according to reports from X" / "a statement by X" / "a statement
    issued by X", else ``tok``."""
    if tok is None:
        return None
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by"):
            inner = next((g for g in c.children if g.dep_ == "pobj"), None)
            if inner is not None:
                return inner
        if c.dep_ == "acl" and c.tag_ == "VBN":
            by = next((g for g in c.children if g.dep_ == "agent"), None)
            inner = next((g for g in by.children if g.dep_ == "pobj"), None) if by else None
            if inner is not None:
                return inner
    return tok


def _speaker_text(article: ParsedArticle, tok: Token | None) -> str:
    """The speaker phrase as written (in the article's text), up to its head ("the NATO
    boss"); long phrases: the head."""
    if tok is None:
        return ""
    left = min((t.i for t in tok.subtree if t.i <= tok.i), default=tok.i)
    first = tok.doc[left] if tok.i - left < 8 else tok
    return article.text[article.start(first) : article.end(tok)]


def _verb_cues(tok: Token, verbs: dict[str, LexiconEntry]) -> tuple[LexiconEntry, Token] | None:
    """(lexicon entry, last token of the cue) when ``tok`` is a reporting verb, else None."""
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ADJECTIVAL_DEPS:
        return None
    lemma = tok.lemma_.lower()
    light = _light_verb_phrase(tok, lemma, verbs)
    if light is not None:
        return light
    for c in tok.children:
        if c.dep_ == "prt":
            phrasal = verbs.get(f"{lemma} {c.lower_}")
            if phrasal is not None:
                return phrasal, c
        if c.dep_ == "prep" and c.i == tok.i + 1:
            phrasal = verbs.get(f"{lemma} {c.lower_}")
            if phrasal is not None:
                return phrasal, c
    entry = verbs.get(lemma)
    return (entry, tok) if entry is not None else None


LIGHT_VERB_DEPS = frozenset({"dobj", "oprd", "acomp", "ccomp", "xcomp", "advmod"})
LIGHT_VERB_REACH = 3
"""Words after the verb a light-verb phrase may take ("made it clear", "building a case")."""


def _light_verb_phrase(
    tok: Token, lemma: str, verbs: dict[str, LexiconEntry]
) -> tuple[LexiconEntry, Token] | None:
    """ "made clear", "made it clear", "made the case", "building a case", "as X put it": a
    light verb whose object or complement carries the speech act (NomBank support verbs,
    Meyers et al. 2004), written right after the verb."""
    doc = tok.doc
    for c in tok.children:
        if c.dep_ not in LIGHT_VERB_DEPS or not tok.i < c.i <= tok.i + LIGHT_VERB_REACH:
            continue
        words = " ".join(t.lower_ for t in doc[tok.i + 1 : c.i + 1])
        entry = verbs.get(f"{lemma} {words}")
        if entry is not None:
            return entry, c
    return None


def find_attributions(article: ParsedArticle) -> list[Marker]:
    """Every reporting cue of the article with its speaker and stance.

    A cue inside a quotation needs a clause of its own to count ("I declare that …" does, "we
    will report back" does not).

    Args:
        article: the parsed article with its actors (speakers are resolved through them).

    Returns:
        Markers of kind ``attribution``; ``category`` is the stance, ``actor`` the speaker's
        actor name (None for unnamed or unresolved speakers), ``speaker`` the speaker phrase as
        written, ``cue`` the lexicon term and ``rule`` its lexicon row.
    """
    return [_marker(article, cue) for doc in article.docs() for cue in _cues_in(article, doc)]


def _marker(article: ParsedArticle, cue: Cue) -> Marker:
    """The attribution marker of one cue."""
    start = article.start(cue.first)
    actor = speaker_of(article, cue.speaker) if cue.speaker is not None else None
    return make_marker(
        "attribution",
        cue.entry,
        f"{cue.lexicon}/{cue.entry.term.lower()}",
        article.text[start : cue.end],
        start,
        cue.end,
        actor,
        article.sentence_of(cue.first),
        speaker=_speaker_text(article, cue.speaker),
        cue=cue.entry.term,
    )


def _cues_in(article: ParsedArticle, doc: Doc) -> Iterator[Cue]:
    """The reporting cues of one parsed piece, in text order (verbs before the nouns they carry:
    "A White House statement said" is one cue, the verb's)."""
    lemmas, lowers = _cue_words()
    candidates = {t.i: t for t in tokens_where(doc, LEMMA, lemmas)}
    candidates.update((t.i, t) for t in tokens_where(doc, LOWER, lowers))
    found: dict[int, Cue] = {}
    nouns = []
    for i, tok in sorted(candidates.items()):
        cue = _phrase_cue(article, tok) or _verb_cue(article, tok)
        if cue is not None:
            found[i] = cue
        elif tok.pos_ == "NOUN":
            nouns.append(tok)
    verbs = frozenset(found)
    for tok in nouns:
        cue = _noun_cue(article, tok, verbs)
        if cue is not None:
            found[tok.i] = cue
    yield from (found[i] for i in sorted(found))


def _phrase_cue(article: ParsedArticle, tok: Token) -> Cue | None:
    """ "according to X" (the source behind "according to reports from X") and "reportedly"."""
    nouns = load_lexicon("reporting_nouns")
    doc = tok.doc
    if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        entry = nouns.get("according to")
        to = doc[tok.i + 1]
        pobj = _source_of(next((c for c in to.children if c.dep_ == "pobj"), None))
        return Cue(tok, article.end(to), entry, "reporting_nouns", pobj) if entry else None
    if tok.lower_ == "reportedly" and "reportedly" in nouns:
        return Cue(tok, article.end(tok), nouns["reportedly"], "reporting_nouns", None)
    return None


def _verb_cue(article: ParsedArticle, tok: Token) -> Cue | None:
    """A reporting verb that reports speech here, with its subject as the speaker."""
    found = _verb_cues(tok, load_lexicon("reporting_verbs"))
    if found is None:
        return None
    entry, last = found
    end = article.end(last) if last.i > tok.i else article.end(tok)
    if question_put_to_subject(tok):
        return Cue(tok, end, entry, "reporting_verbs", None)  # whoever asked is not named
    subj, passive = subject_of(tok)
    if last.dep_ in LIGHT_VERB_DEPS and last.head.i == tok.i:
        if not light_phrase_reports_speech(article, tok, last, subj):
            return None
    elif not reports_speech(article, tok, entry, subj, passive):
        return None
    return Cue(tok, end, entry, "reporting_verbs", subj)


def _noun_cue(article: ParsedArticle, tok: Token, verb_cues: frozenset[int]) -> Cue | None:
    """A reporting noun with a speaker or reported content of its own (see ``speech_nouns``)."""
    nouns = load_lexicon("reporting_nouns")
    lemma = tok.lemma_.lower()
    entry = nouns.get(lemma)
    if entry is None:
        return None
    is_cue, speaker = noun_cue_speaker(article, tok, entry, verb_cues)
    if not is_cue:
        return None
    return Cue(tok, article.end(tok), entry, "reporting_nouns", speaker)


@cache
def _cue_words() -> tuple[frozenset[str], frozenset[str]]:
    """(lemmas, lower-case words) that can start a reporting cue."""
    terms = [*load_lexicon("reporting_verbs"), *load_lexicon("reporting_nouns")]
    firsts = frozenset(t.split()[0] for t in terms)
    return firsts, firsts | {"according", "reportedly"}
