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

from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Token

from analysis.engine.actors import ActorIndex
from analysis.engine.parse import Chunk, tokens_where
from analysis.lexicons import LexiconEntry, lexicon_frame, load_lexicon
from analysis.records import Marker

CLAUSE_DEPS = {"ccomp", "xcomp", "parataxis", "csubj"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")
SHARED_SUBJECT_DEPS = {"advcl", "conj", "xcomp", "acl", "relcl"}
FUTURE_OR_HYPOTHETICAL = {"will", "would", "could", "might", "may", "should", "shall", "'ll", "can"}
QUOTE_CHARS = '"“”«»„'
ADJECTIVAL_DEPS = {"amod", "compound"}
RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
PERSON_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "they"})
SUBORDINATE_DEPS = frozenset({"relcl", "advcl", "acl", "pcomp"})


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting cue found in a sentence, before it becomes a marker."""

    start: int
    end: int
    entry: LexiconEntry
    speaker: str | None
    speaker_text: str


def _has_clause(tok: Token, inside_quote: bool = False) -> bool:
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
    if inside_quote:
        return False
    if not any(q in tok.sent.text for q in QUOTE_CHARS):
        return False
    if tok.dep_ in SUBORDINATE_DEPS:
        # "…, where she's been reporting from": a quote elsewhere in the sentence is not hers
        words = list(tok.subtree)
        lo, hi = words[0].idx, words[-1].idx + len(words[-1].text)
        return any(q in tok.doc.text[lo:hi] for q in QUOTE_CHARS)
    return True


def _negated_or_hypothetical(tok: Token) -> bool:
    """True for "did not say", "will claim", "could deny": no speech act took place."""
    for c in tok.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ == "aux" and c.lower_ in FUTURE_OR_HYPOTHETICAL:
            return True
    return False


def _subject(tok: Token) -> tuple[Token | None, bool]:
    """(speaker head token, passive?) for a verbal cue, following shared subjects upwards."""
    cur: Token | None = tok
    for _ in range(3):
        if cur is None:
            break
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
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            return pobj, False
        if any(c.dep_ == "nsubjpass" for c in cur.children):
            return None, True
        if cur.dep_ == "relcl":
            return cur.head, False
        if cur.dep_ == "pcomp" and cur.head.lower_ == "as" and cur.head.head.lemma_ == "quote":
            # "X was quoted as saying", "Interfax quoted X as saying": the one quoted speaks
            quoted = cur.head.head
            who = [c for c in quoted.children if c.dep_ in ("nsubjpass", "dobj")]
            return (who[0] if who else None), False
        if cur.dep_ == "acl" and cur.tag_ == "VBN":
            return None, True
        if (
            cur.dep_ == "acl"
            and cur.head.dep_ == "dobj"
            and cur.i > cur.head.i
            and cur.head.lemma_.lower() in _documents()
        ):
            # "X issued a statement condemning …": who issues the statement speaks through it.
            issuer, _ = _subject(cur.head.head) if cur.head.head is not cur.head else (None, False)
            if issuer is not None:
                return issuer, False
        if cur.dep_ == "acl" and cur.i > cur.head.i:
            return cur.head, False  # misparsed '…," the NATO boss thundered'
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


@cache
def _documents() -> frozenset[str]:
    """Nouns someone speaks through ("issued a statement condemning"): reference_nouns.csv."""
    lex = load_lexicon("reference_nouns")
    return frozenset(t for t, e in lex.items() if e.category == "document")


def _own_speaker(ci: int, tok: Token, actors: ActorIndex, chunks: list[Chunk]) -> bool:
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
    if subj.lower_ in PERSON_SUBJECTS or actors.speaker(ci, subj, chunks) is not None:
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


def find_attributions(
    chunks: list[Chunk], actors: ActorIndex, quoted: Sequence[tuple[int, int]] = ()
) -> list[Marker]:
    """Every reporting cue of the article with its speaker and stance.

    Args:
        chunks: the parsed article.
        actors: the actor index of the same article (speakers are resolved through it).
        quoted: (start, end) of quoted spans; a cue inside one needs a clause of its own to count
            ("I declare that …" does, "we will report back" does not).

    Returns:
        Markers of kind ``attribution``; ``category`` is the stance, ``actor`` the speaker's
        actor name (None for unnamed or unresolved speakers), ``detail`` the speaker phrase.
    """
    out: list[Marker] = []
    spans = sorted(quoted)
    starts = [a for a, _ in spans]

    def inside(pos: int) -> bool:
        k = bisect_right(starts, pos) - 1
        return k >= 0 and spans[k][0] <= pos < spans[k][1]

    for ci, ch in enumerate(chunks):
        for cue in _cues_in(ci, ch, chunks, actors, inside):
            text = ch.doc.text[cue.start - ch.offset : cue.end - ch.offset]
            sent_tok = ch.doc.char_span(
                cue.start - ch.offset, cue.end - ch.offset, alignment_mode="expand"
            )
            sentence = ch.sentence_of(sent_tok[0]) if sent_tok is not None else -1
            who = cue.speaker or "an unnamed or unclear speaker"
            out.append(
                Marker(
                    kind="attribution",
                    category=cue.entry.category,
                    text=text,
                    start=cue.start,
                    end=cue.end,
                    actor=cue.speaker,
                    explanation=f"{cue.entry.explanation} (Speaker: {who}.)",
                    source=cue.entry.source,
                    sentence=sentence,
                    detail=f"speaker: {cue.speaker_text}"
                    if cue.speaker_text
                    else "speaker: unnamed",
                )
            )
    return out


def _cues_in(
    ci: int, ch: Chunk, chunks: list[Chunk], actors: ActorIndex, inside: Callable[[int], bool]
) -> Iterator[Cue]:
    verbs = load_lexicon("reporting_verbs")
    nouns = load_lexicon("reporting_nouns")
    requires = _requires()
    doc = ch.doc
    lemmas, lowers = _cue_words()
    candidates = {t.i: t for t in tokens_where(doc, LEMMA, lemmas)}
    candidates.update((t.i, t) for t in tokens_where(doc, LOWER, lowers))
    for _, tok in sorted(candidates.items()):
        low = tok.lower_
        # "according to X", "in the words of X"
        if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            entry = nouns.get("according to")
            to = doc[tok.i + 1]
            pobj = _source_of(next((c for c in to.children if c.dep_ == "pobj"), None))
            if entry is not None:
                yield _cue(ci, ch, tok.idx, to.idx + len(to.text), entry, pobj, chunks, actors)
            continue
        if low in ("reportedly",) and low in nouns:
            yield _cue(ci, ch, tok.idx, tok.idx + len(tok.text), nouns[low], None, chunks, actors)
            continue
        found = _verb_cues(tok, verbs)
        if found is not None:
            entry, last = found
            if _negated_or_hypothetical(tok):
                continue
            subj, passive = _subject(tok)
            quoted = inside(ch.offset + tok.idx)
            if requires.get(entry.term) == "speaker" and not _own_speaker(ci, tok, actors, chunks):
                continue  # "…, indicating that", "photos showing": the writer infers
            if requires.get(entry.term) in ("clause", "speaker") and not _has_clause(tok, quoted):
                # "Obama announced the sanctions": an object is enough when a named actor speaks.
                has_object = any(c.dep_ == "dobj" for c in tok.children)
                if not (has_object and subj is not None and actors.speaker(ci, subj, chunks)):
                    continue
            # Without reported content, only a real speaker makes it speech:
            # "the war claimed lives" is not a claim.
            if not _has_clause(tok, quoted) and not passive:  # noqa: SIM102
                if subj is None or not (
                    subj.pos_ in ("PRON", "PROPN") or actors.speaker(ci, subj, chunks)
                ):
                    continue
            end = last.idx + len(last.text) if last.i == tok.i + 1 else tok.idx + len(tok.text)
            yield _cue(ci, ch, tok.idx, end, entry, subj, chunks, actors)
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in nouns:
            if tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
                continue  # "according to reports from X" is one cue
            speaker = next((c for c in tok.children if c.dep_ == "poss"), None)
            if speaker is None:
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                        speaker = next((g for g in c.children if g.dep_ == "pobj"), None)
                        break
            if speaker is None:
                # "Republican criticism", "Russian denials": a named modifier is the speaker.
                speaker = next(
                    (
                        c
                        for c in tok.lefts
                        if c.dep_ in ADJECTIVAL_DEPS and actors.actor_at(ci, c) is not None
                    ),
                    None,
                )
            if speaker is None:
                continue  # a noun that only points back to speech already reported
            entry = nouns[tok.lemma_.lower()]
            yield _cue(ci, ch, tok.idx, tok.idx + len(tok.text), entry, speaker, chunks, actors)


def _cue(
    ci: int,
    ch: Chunk,
    start: int,
    end: int,
    entry: LexiconEntry,
    speaker_tok: Token | None,
    chunks: list[Chunk],
    actors: ActorIndex,
) -> Cue:
    speaker = actors.speaker(ci, speaker_tok, chunks) if speaker_tok is not None else None
    return Cue(ch.offset + start, ch.offset + end, entry, speaker, _speaker_text(speaker_tok))


@cache
def _cue_words() -> tuple[frozenset[str], frozenset[str]]:
    """(lemmas, lower-case words) that can start a reporting cue."""
    terms = [*load_lexicon("reporting_verbs"), *load_lexicon("reporting_nouns")]
    firsts = frozenset(t.split()[0] for t in terms)
    return firsts, firsts | {"according", "reportedly"}


@cache
def _requires() -> dict[str, str]:
    """term -> the ``requires`` column of the verb lexicon ('clause', 'speaker' or '')."""
    frame = lexicon_frame("reporting_verbs")
    col = frame["requires"] if "requires" in frame.columns else [""] * len(frame)
    return {" ".join(t.split()).lower(): r.strip() for t, r in zip(frame["term"], col, strict=True)}
