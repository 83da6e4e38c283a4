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
from analysis.engine.speakers import speaker_of
from analysis.lexicons import LexiconEntry, lexicon_column, load_lexicon
from analysis.records import Marker

CLAUSE_DEPS = {"ccomp", "xcomp", "parataxis", "csubj"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")
SHARED_SUBJECT_DEPS = {"advcl", "conj", "xcomp", "acl", "relcl"}
FUTURE_OR_HYPOTHETICAL = {"will", "would", "could", "might", "may", "should", "shall", "'ll", "can"}
ADJECTIVAL_DEPS = {"amod", "compound"}
RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
PERSON_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "they"})
SUBORDINATE_DEPS = frozenset({"relcl", "advcl", "acl", "pcomp"})


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting cue found in a sentence, before it becomes a marker."""

    first: Token
    end: int  # character offset (in the article) just after the cue's last word
    entry: LexiconEntry
    lexicon: str  # reporting_verbs | reporting_nouns
    speaker: Token | None


def _has_clause(article: ParsedArticle, tok: Token) -> bool:
    """True when the cue introduces reported content: a clause, a quote or an attached quotation.

    A verb inside a quotation cannot lean on the quote marks around it ("… to consider
    establishing new battle groups," he said): it needs a clause of its own.
    """
    if any(c.dep_ in CLAUSE_DEPS for c in tok.children) or tok.dep_ == "parataxis":
        return True
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children) and any(
        c.dep_ == "nsubj" for c in tok.children
    ):
        return True  # "As Reuters reported, …": the rest of the sentence is what was reported
    if article.quoted(article.start(tok)):
        return False
    if not article.sentence_has_double_quotes(tok):
        return False
    if tok.dep_ in SUBORDINATE_DEPS:
        # "…, where she's been reporting from": a quote elsewhere in the sentence is not hers
        words = list(tok.subtree)
        return article.has_double_quote_between(article.start(words[0]), article.end(words[-1]))
    return True


def _negated_or_hypothetical(tok: Token) -> bool:
    """True for "did not say", "will claim", "could deny": no speech act took place."""
    for c in tok.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ == "aux" and c.lower_ in FUTURE_OR_HYPOTHETICAL:
            return True
    return False


Found = tuple[Token | None, bool]
"""(speaker head token, passive?) of a verbal cue."""


def _subject(tok: Token) -> Found:
    """(speaker head token, passive?) for a verbal cue, following shared subjects upwards."""
    cur = tok
    for _ in range(3):
        found = _grammatical_speaker(cur) or _clause_speaker(cur)
        if found is not None:
            return found
        if cur.dep_ in SHARED_SUBJECT_DEPS and cur.head is not cur:
            cur = cur.head
            continue
        break
    # The parser found no subject: after a quotation the noun just before the verb speaks
    # ('…, the State Department said').
    if tok.i > 0:
        prev = tok.doc[tok.i - 1]
        if prev.pos_ in ("PROPN", "NOUN", "PRON") and prev.lower_ not in RELATIVE_PRONOUNS:
            return prev, False
    return None, False


def _grammatical_speaker(cur: Token) -> Found | None:
    """The verb's own subject, or the agent of a passive ("rejected by X"); None if neither."""
    subjects = [c for c in cur.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:
        # Two subjects means a misparse; the one nearest the verb is the speaker.
        before = [c for c in subjects if c.i < cur.i]
        subj = before[-1] if before else subjects[0]
        if subj.lower_ in RELATIVE_PRONOUNS and cur.dep_ == "relcl":
            return cur.head, False  # "Russia, which denied involvement"
        return subj, False
    agent = next((c for c in cur.children if c.dep_ == "agent"), None)
    if agent is not None:
        return next((c for c in agent.children if c.dep_ == "pobj"), None), False
    if any(c.dep_ == "nsubjpass" for c in cur.children):
        return None, True
    return None


def _clause_speaker(cur: Token) -> Found | None:
    """The speaker a verb without a subject takes from the clause it hangs in, else None."""
    if cur.dep_ == "relcl":
        return cur.head, False
    if cur.dep_ == "pcomp" and cur.head.lower_ == "as" and cur.head.head.lemma_ == "quote":
        # "X was quoted as saying", "Interfax quoted X as saying": the one quoted speaks
        quoted = cur.head.head
        who = [c for c in quoted.children if c.dep_ in ("nsubjpass", "dobj")]
        return (who[0] if who else None), False
    if cur.dep_ != "acl":
        return None
    if cur.tag_ == "VBN":
        return None, True
    if cur.head.dep_ == "dobj" and cur.i > cur.head.i and cur.head.lemma_.lower() in _documents():
        # "X issued a statement condemning …": who issues the statement speaks through it.
        issuer, _ = _subject(cur.head.head) if cur.head.head is not cur.head else (None, False)
        if issuer is not None:
            return issuer, False
    if cur.i > cur.head.i:
        return cur.head, False  # misparsed '…," the NATO boss thundered'
    return None


@cache
def _documents() -> frozenset[str]:
    """Nouns someone speaks through ("issued a statement condemning"): reference_nouns.csv."""
    lex = load_lexicon("reference_nouns")
    return frozenset(t for t, e in lex.items() if e.category == "document")


def _own_speaker(article: ParsedArticle, tok: Token) -> bool:
    """True when the verb has a subject of its own that is an actor or a person pronoun.

    Evidence verbs (show, indicate, prove …) report speech only when someone does the showing
    (an actor, a person pronoun, a role such as "officials", a speech noun such as "reports");
    "…, indicating that snipers were there" or "photos showing troops" are the writer's
    inference or a thing's content.
    """
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if (subj is None or subj.lower_ in RELATIVE_PRONOUNS) and tok.dep_ in ("relcl", "conj"):
        subj, _ = _subject(tok)  # "Biden, who indicated that …", "… examined it and determined"
    if subj is None:
        return False
    if subj.lower_ in PERSON_SUBJECTS or speaker_of(article, subj) is not None:
        return True
    # "reports indicated", "officials showed": a speech noun or a person's role
    lemma = subj.lemma_.lower()
    return lemma in load_lexicon("reporting_nouns") or lemma in load_lexicon("titles")


def _source_of(tok: Token | None) -> Token | None:
    """The source behind "according to reports from X" / "a statement by X", else ``tok``."""
    if tok is None:
        return None
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by"):
            inner = next((g for g in c.children if g.dep_ == "pobj"), None)
            if inner is not None:
                return inner
    return tok


def _speaker_text(tok: Token | None) -> str:
    """The speaker phrase as written, up to its head ("the NATO boss"); long phrases: the head."""
    if tok is None:
        return ""
    left = min((t.i for t in tok.subtree if t.i <= tok.i), default=tok.i)
    words = tok.doc[left : tok.i + 1]
    return words.text if len(words) <= 8 else tok.text


def _verb_cues(tok: Token, verbs: dict[str, LexiconEntry]) -> tuple[LexiconEntry, Token] | None:
    """(lexicon entry, last token of the cue) when ``tok`` is a reporting verb, else None."""
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ADJECTIVAL_DEPS:
        return None
    lemma = tok.lemma_.lower()
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
        speaker=_speaker_text(cue.speaker),
        cue=cue.entry.term,
    )


def _cues_in(article: ParsedArticle, doc: Doc) -> Iterator[Cue]:
    """The reporting cues of one parsed piece, in text order."""
    lemmas, lowers = _cue_words()
    candidates = {t.i: t for t in tokens_where(doc, LEMMA, lemmas)}
    candidates.update((t.i, t) for t in tokens_where(doc, LOWER, lowers))
    for _, tok in sorted(candidates.items()):
        cue = _phrase_cue(article, tok)
        if cue is None:
            cue = _verb_cue(article, tok)
        if cue is None and tok.pos_ == "NOUN":
            cue = _noun_cue(article, tok)
        if cue is not None:
            yield cue


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
    if found is None or _negated_or_hypothetical(tok):
        return None
    entry, last = found
    subj, passive = _subject(tok)
    if not _verb_reports_speech(article, tok, entry, subj, passive):
        return None
    end = article.end(last) if last.i == tok.i + 1 else article.end(tok)
    return Cue(tok, end, entry, "reporting_verbs", subj)


def _verb_reports_speech(
    article: ParsedArticle, tok: Token, entry: LexiconEntry, subj: Token | None, passive: bool
) -> bool:
    """True when the verb is used as speech here, after the lexicon's ``requires`` column."""
    requires = _requires().get(entry.term.lower(), "")
    if requires == "speaker" and not _own_speaker(article, tok):
        return False  # "…, indicating that", "photos showing": the writer infers
    clause = _has_clause(article, tok)
    if requires in ("clause", "speaker") and not clause:
        # "Obama announced the sanctions": an object is enough when a named actor speaks.
        has_object = any(c.dep_ == "dobj" for c in tok.children)
        if not (has_object and subj is not None and speaker_of(article, subj)):
            return False
    # Without reported content, only a real speaker makes it speech:
    # "the war claimed lives" is not a claim.
    if not clause and not passive:
        return subj is not None and (
            subj.pos_ in ("PRON", "PROPN") or speaker_of(article, subj) is not None
        )
    return True


def _noun_cue(article: ParsedArticle, tok: Token) -> Cue | None:
    """A reporting noun with a speaker of its own ("X's claims", "a statement by X")."""
    nouns = load_lexicon("reporting_nouns")
    lemma = tok.lemma_.lower()
    if lemma not in nouns:
        return None
    if tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
        return None  # "according to reports from X" is one cue
    speaker = next((c for c in tok.children if c.dep_ == "poss"), None)
    if speaker is None:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                speaker = next((g for g in c.children if g.dep_ == "pobj"), None)
                break
    if speaker is None:
        # "Republican criticism", "Russian denials": a named modifier is the speaker.
        speaker = next(
            (c for c in tok.lefts if c.dep_ in ADJECTIVAL_DEPS and article.actor_at(c)), None
        )
    if speaker is None:
        return None  # a noun that only points back to speech already reported
    return Cue(tok, article.end(tok), nouns[lemma], "reporting_nouns", speaker)


@cache
def _cue_words() -> tuple[frozenset[str], frozenset[str]]:
    """(lemmas, lower-case words) that can start a reporting cue."""
    terms = [*load_lexicon("reporting_verbs"), *load_lexicon("reporting_nouns")]
    firsts = frozenset(t.split()[0] for t in terms)
    return firsts, firsts | {"according", "reportedly"}


@cache
def _requires() -> dict[str, str]:
    """term -> the ``requires`` column of the verb lexicon ('clause', 'speaker' or '')."""
    return lexicon_column("reporting_verbs", "requires")
