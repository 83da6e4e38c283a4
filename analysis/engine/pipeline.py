"""The pipeline: text -> spaCy parse -> actors -> attributions, quotes, doubt, loaded -> profiles"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from spacy.language import Language

from analysis.engine.actors import ActorInfo, find_actors
from analysis.engine.extract.attribution import find_attributions
from analysis.engine.extract.doubt import find_doubt
from analysis.engine.extract.loaded import find_loaded
from analysis.engine.extract.quotes import find_quotes, pair_quotes
from analysis.engine.model import load_model
from analysis.engine.parse import Chunk, parse
from analysis.engine.sentiment import sentence_sentiments
from analysis.records import STANCES, ActorProfile, ArticleAnalysis, Marker, Mention, Sentence
from analysis.version import ENGINE_VERSION

LONG_WORDS = 50_000
_WORDS = re.compile(r"\w+(?:[-'’]\w+)*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


def analyze(text: str, *, title: str | None = None, nlp: Language | None = None) -> ArticleAnalysis:
    """Analyse how one article frames the actors in it.

    The method combines named-entity recognition and dependency parsing (spaCy) with curated
    lexicons: reporting-verb stance (Wikipedia MOS "Words to watch"; Recasens et al. 2013),
    hedges (Hyland 2005), scare quotes, loaded language, and VADER sentiment (Hutto & Gilbert
    2014). See DESIGN.md for the vocabulary.

    Args:
        text: the article text (plain text; the first line is treated like any other line).
        title: an optional title to record with the result.
        nlp: a loaded spaCy pipeline; default :func:`analysis.engine.model.load_model`.

    Returns:
        An :class:`ArticleAnalysis`. Messy input never raises: problems are in ``warnings``.
    """
    if not isinstance(text, str):
        raise TypeError(f"analyze() needs str, got {type(text).__name__}")
    warnings: list[str] = []
    words = len(_WORDS.findall(text))
    if not text.strip():
        return ArticleAnalysis(
            text=text,
            title=title,
            words=0,
            engine_version=ENGINE_VERSION,
            warnings=("The text is empty. Paste or upload an article to analyse.",),
        )
    nlp = nlp or load_model()
    chunks = parse(text, nlp)
    return _analyze_parsed(text, title or headline(text), words, chunks, warnings)


def headline(text: str) -> str | None:
    """The first line when it looks like a headline (short, no closing full stop), else None."""
    first = text.lstrip().split("\n", 1)[0].strip()
    if first and len(first.split()) <= 25 and first[-1] not in ".,;:" and "\n" in text.strip():
        return first
    return None


def analyze_many(
    texts: Sequence[str], titles: Sequence[str | None] | None = None, nlp: Language | None = None
) -> list[ArticleAnalysis]:
    """Analyse several articles with one loaded model (see :func:`analyze`)."""
    nlp = nlp or load_model()
    titles = titles or [None] * len(texts)
    return [analyze(t, title=ti, nlp=nlp) for t, ti in zip(texts, titles, strict=True)]


def _analyze_parsed(
    text: str, title: str | None, words: int, chunks: list[Chunk], warnings: list[str]
) -> ArticleAnalysis:
    sentences = [
        (ch.offset + s.start_char, ch.offset + s.end_char) for ch in chunks for s in ch.doc.sents
    ]
    actors = find_actors(chunks)
    quoted = [(q.inner_start, q.inner_end) for q in pair_quotes(text)[0]]
    attributions = find_attributions(chunks, actors, quoted)
    doubt = find_doubt(chunks, actors)
    quotes, unbalanced = find_quotes(text, sentences, attributions, actors.mentions, doubt)
    attributions = _first_person_in_quotes(attributions, quotes)
    loaded: list[Marker] = []
    for ch in chunks:
        loaded.extend(find_loaded(ch.doc, offset=ch.offset, sentence_offset=ch.sent_offset))
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for mention in actors.mentions:
        by_sentence[mention.sentence].append(mention)
    loaded = [_with_actor(m, by_sentence[m.sentence]) for m in loaded]
    markers = sorted(
        [*attributions, *quotes, *doubt, *loaded], key=lambda m: (m.start, -m.end, m.kind)
    )
    scores = sentence_sentiments([text[a:b] for a, b in sentences])
    sent_records = tuple(
        Sentence(i, a, b, round(float(s), 4))
        for i, ((a, b), s) in enumerate(zip(sentences, scores, strict=True))
    )
    warnings.extend(_content_warnings(text, chunks, words, unbalanced, actors.mentions))
    profiles = _profiles(actors.actors, actors.mentions, markers, sent_records, words)
    return ArticleAnalysis(
        text=text,
        title=title,
        words=words,
        engine_version=ENGINE_VERSION,
        warnings=tuple(warnings),
        actors=profiles,
        markers=tuple(markers),
        mentions=tuple(actors.mentions),
        sentences=sent_records,
        language="en"
        if not any(w.startswith("This text does not look like English") for w in warnings)
        else "unknown",
    )


FIRST_PERSON = {"i", "we"}


def _first_person_in_quotes(cues: list[Marker], quotes: list[Marker]) -> list[Marker]:
    """'"I declare that …," Yanukovych said': the quoted speaker is the "I" of cues inside."""
    direct = [q for q in quotes if q.kind == "quote" and q.actor]
    if not direct:
        return cues
    out = []
    for c in cues:
        who = c.detail.removeprefix("speaker: ").lower()
        q = (
            next((q for q in direct if q.start <= c.start < q.end), None)
            if who in FIRST_PERSON
            else None
        )
        if c.actor is None and q is not None:
            explanation = c.explanation.replace(
                "(Speaker: an unnamed or unclear speaker.)", f"(Speaker: {q.actor}, quoted.)"
            )
            c = replace(c, actor=q.actor, explanation=explanation)
        out.append(c)
    return out


def _with_actor(m: Marker, same_sentence: list[Mention]) -> Marker:
    """Give a loaded-language marker the nearest actor mentioned in its sentence."""
    same = [x for x in same_sentence if not (x.start <= m.start < x.end)]
    if not same:
        return m
    best = min(same, key=lambda x: min(abs(x.start - m.end), abs(m.start - x.end)))
    return Marker(
        m.kind,
        m.category,
        m.text,
        m.start,
        m.end,
        best.actor,
        m.explanation,
        m.source,
        m.sentence,
        m.detail,
    )


def _content_warnings(
    text: str, chunks: list[Chunk], words: int, unbalanced: int, mentions: list[Mention]
) -> list[str]:
    out: list[str] = []
    # A sample of the first few thousand words is enough to tell the language.
    alpha = [t for ch in chunks[:400] for t in ch.doc if t.is_alpha][:5000]
    if alpha:
        share = sum(t.is_stop for t in alpha) / len(alpha)
        if len(alpha) >= 5 and share < 0.15:
            out.append(
                "This text does not look like English (few common English words). The tool only "
                "understands English news; results for other languages are not meaningful."
            )
    elif words == 0:
        out.append("The text has no words the tool can read (only symbols or numbers).")
    if unbalanced:
        out.append(
            f"Quote marks do not pair up in {unbalanced} paragraph(s); quotations there may be "
            "cut at the paragraph end. Check the highlighted quotes."
        )
    controls = len(_CONTROL.findall(text))
    if controls:
        out.append(
            f"The text contains {controls} unreadable or control character(s); it may come from a "
            "binary file or a broken conversion."
        )
    if not mentions:
        out.append(
            "No people, organisations or countries were found, so there are no actor profiles."
        )
    if words > LONG_WORDS:
        out.append(
            f"This is a very long text ({words:,} words). The analysis covers all of it, but it is "
            "slow; consider splitting it into articles."
        )
    return out


def _profiles(
    actors: list[ActorInfo],
    mentions: list[Mention],
    markers: list[Marker],
    sentences: tuple[Sentence, ...],
    words: int,
) -> tuple[ActorProfile, ...]:
    n_mentions = Counter(m.actor for m in mentions)
    sents: dict[str, set[int]] = defaultdict(set)
    for m in mentions:
        sents[m.actor].add(m.sentence)
    by_kind: dict[tuple[str, str], int] = Counter()
    stances: dict[str, Counter[str]] = defaultdict(Counter)
    for mk in markers:
        if mk.actor is None:
            continue
        by_kind[(mk.actor, mk.kind)] += 1
        if mk.kind == "attribution":
            stances[mk.actor][mk.category] += 1
    score = {s.index: s.sentiment for s in sentences}
    out = []
    for a in actors:
        ss = [score[i] for i in sents[a.name] if i in score]
        out.append(
            ActorProfile(
                id=_slug(a.name),
                name=a.name,
                type=a.type,
                aliases=tuple(a.aliases),
                mentions=n_mentions[a.name],
                stance_counts={s: stances[a.name][s] for s in STANCES},
                quotes=by_kind[(a.name, "quote")],
                scare_quotes=by_kind[(a.name, "scare_quote")],
                doubt=by_kind[(a.name, "doubt")],
                loaded=by_kind[(a.name, "loaded")],
                sentiment=round(sum(ss) / len(ss), 4) if ss else None,
                words=words,
            )
        )
    # Most-mentioned first: the actors a reader meets most.
    out.sort(key=lambda p: (-p.mentions, -p.attributions, p.name))
    return tuple(out)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "actor"
