"""Actor profiles: how each actor is framed in one article (DESIGN.md, "actor profile").

A profile counts, per actor, the mentions, the statements attributed by stance, direct quotes,
scare quotes, doubt and loaded words counted for the actor, the mean VADER sentiment (Hutto
& Gilbert 2014) of the sentences that mention it, and the tone of its mentions (the per-actor tone
model, :mod:`analysis.engine.tone`): counts per tone, a net tone, and the sentences behind it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from analysis.engine.actor_index import ActorIndex
from analysis.records import TONES, ActorProfile, Marker, Mention, Sentence
from analysis.vocabulary import STANCES

TONE_SENTENCES = 5
"""How many evidence sentences a profile's net tone keeps."""


def build_profiles(
    actors: ActorIndex,
    markers: Sequence[Marker],
    sentences: Sequence[Sentence],
    words: int,
    mentions: Sequence[Mention] | None = None,
) -> tuple[ActorProfile, ...]:
    """One profile per actor, the most mentioned first.

    Args:
        actors: the article's actor index (mentions included).
        markers: every marker of the article.
        sentences: the sentences with their sentiment.
        words: the article's word count (for rates per 1,000 words).
        mentions: the mentions with their tone (default: the index's, unscored).

    Returns:
        Profiles ordered by mentions, then attributions, then name.
    """
    n_mentions = Counter(m.actor for m in actors.mentions)
    sentences_of: dict[str, set[int]] = defaultdict(set)
    for m in actors.mentions:
        sentences_of[m.actor].add(m.sentence)
    by_kind, stances = _marker_counts(markers)
    score = {s.index: s.sentiment for s in sentences}
    toned: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions if mentions is not None else actors.mentions:
        if m.tone:
            toned[m.actor].append(m)
    out = []
    for a in actors.actors:
        tone_counts, net_tone, tone_sentences = tone_summary(toned[a.name])
        ss = [score[i] for i in sentences_of[a.name] if i in score]
        out.append(
            ActorProfile(
                id=actor_id(a.name),
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
                tone_counts=tone_counts,
                net_tone=net_tone,
                tone_sentences=tone_sentences,
            )
        )
    # Most-mentioned first: the actors a reader meets most.
    out.sort(key=lambda p: (-p.mentions, -p.attributions, p.name))
    return tuple(out)


def actor_id(name: str) -> str:
    """The actor's id: its name as a lower-case slug ("jens-stoltenberg")."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "actor"


def tone_summary(
    mentions: Sequence[Mention],
) -> tuple[dict[str, int], float | None, tuple[int, ...]]:
    """(tone counts, net tone, evidence sentences) of one actor's scored mentions.

    The net tone is (positive − negative) / scored mentions, from −1 (every mention negative) to
    +1; the evidence sentences are those of the most confident non-neutral mentions.
    """
    counts = Counter(m.tone for m in mentions)
    clear = sorted(
        (m for m in mentions if m.tone != "neutral"),
        key=lambda m: (-(m.tone_score or 0.0), m.start),
    )
    sentences: list[int] = []
    for m in clear:
        if m.sentence not in sentences and len(sentences) < TONE_SENTENCES:
            sentences.append(m.sentence)
    n = len(mentions)
    net = round((counts["positive"] - counts["negative"]) / n, 4) if n else None
    return {t: counts[t] for t in TONES}, net, tuple(sentences)


def _marker_counts(
    markers: Sequence[Marker],
) -> tuple[Counter[tuple[str, str]], dict[str, Counter[str]]]:
    """Markers per (actor, kind), and attribution stances per actor."""
    by_kind: Counter[tuple[str, str]] = Counter()
    stances: dict[str, Counter[str]] = defaultdict(Counter)
    for mk in markers:
        if mk.actor is None:
            continue
        by_kind[(mk.actor, mk.kind)] += 1
        if mk.kind == "attribution":
            stances[mk.actor][mk.category] += 1
    return by_kind, stances
