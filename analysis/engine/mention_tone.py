"""The tone of each actor mention: how its sentence portrays the actor there.

Every mention is scored by the per-actor tone model (:mod:`analysis.engine.tone`, NB-LR after
Wang & Manning 2012, trained on NewsMTSC, Hamborg & Donnay 2021) on the sentence it stands in,
one sentence's mentions at a time, so the analysis time limit
(:mod:`analysis.engine.time_limit`) is checked between sentences. Each scored mention keeps the
words that pushed its tone, with article offsets, so the page can highlight them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from analysis.engine.time_limit import Deadline
from analysis.engine.tone import ToneClassifier, ToneResult, load_tone_model
from analysis.engine.tone.features import SentenceFeatures
from analysis.records import TONES, Mention, ToneEvidence

EVIDENCE_WORDS = 6
"""How many evidence words each mention keeps (strongest first)."""


def score_mention_tones(
    text: str,
    mentions: Sequence[Mention],
    sentences: Sequence[tuple[int, int]],
    model: ToneClassifier | None = None,
    deadline: Deadline | None = None,
) -> tuple[Mention, ...]:
    """The mentions with their tone, tone scores and evidence words filled in.

    Args:
        text: the article text.
        mentions: the article's actor mentions (``sentence`` indexes ``sentences``).
        sentences: (start, end) character offsets of each sentence in ``text``.
        model: a fitted tone model; default :func:`analysis.engine.tone.load_tone_model`.
        deadline: checked before each sentence's mentions are scored (raises
            :class:`~analysis.engine.time_limit.AnalysisTimeout` once passed).

    Returns:
        The mentions in the same order; a mention whose span covers no word of its sentence
        stays unscored (``tone == ""``).
    """
    clf: ToneClassifier | None = model
    out = list(mentions)
    by_sentence: dict[int, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        by_sentence[m.sentence].append(i)
    for batch in by_sentence.values():
        if deadline is not None:
            deadline.check()
        sentence: SentenceFeatures | None = None  # made once, for the batch's first example
        for i in batch:
            job = _example(text, mentions[i], sentences)
            if job is None:
                continue
            clf = clf or load_tone_model()
            offset, (sentence_text, start, end) = job
            sentence = sentence or clf.sentence_features(sentence_text)
            try:
                row = (sentence.tokens, sentence.features(start, end))
            except ValueError:  # the span holds only punctuation: nothing to score
                continue
            out[i] = _with_tone(out[i], clf.explain_features(row, EVIDENCE_WORDS), offset)
    return tuple(out)


def _with_tone(m: Mention, r: ToneResult, offset: int) -> Mention:
    """``m`` with the tone, scores and evidence of ``r`` (evidence at article offsets)."""
    evidence: tuple[ToneEvidence, ...] = tuple(
        (word, round(w, 4), a + offset if a >= 0 else -1, b + offset if b >= 0 else -1)
        for (word, w), (a, b, _) in zip(r.evidence, r.spans, strict=True)
    )
    scores = (
        round(r.scores["negative"], 4),
        round(r.scores["neutral"], 4),
        round(r.scores["positive"], 4),
    )
    return replace(
        m,
        tone=r.tone,
        tone_score=scores[TONES.index(r.tone)],
        tone_scores=scores,
        tone_evidence=evidence,
    )


def _example(
    text: str, m: Mention, sentences: Sequence[tuple[int, int]]
) -> tuple[int, tuple[str, int, int]] | None:
    """(sentence offset, (sentence, start, end)) of a mention; None when it cannot be scored."""
    if not 0 <= m.sentence < len(sentences):
        return None
    a, b = sentences[m.sentence]
    start, end = max(m.start, a) - a, min(m.end, b) - a
    sentence = text[a:b]
    if start >= end:
        return None
    return a, (sentence, start, end)
