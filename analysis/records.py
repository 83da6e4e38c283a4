"""Typed records of an analysis: markers, mentions, sentences, actor profiles, the article result.

Every record carries character offsets into the original article text, so any number shown
anywhere can be traced back to highlighted spans (DESIGN.md: "evidence for every number").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

import pandas as pd

from analysis.vocabulary import ACTOR_TYPES, MARKER_KINDS, STANCES

TONES = ("negative", "neutral", "positive")
"""The tones of the per-actor tone model (analysis.engine.tone), in score order."""
ToneEvidence = tuple[str, float, int, int]
"""(word, weight, start, end): a word that pushed a mention's tone, offsets in the article
(-1, -1 for a fact about where the mention stands, written in brackets)."""

SCHEMA = "framing-lens/analysis/3"
OLD_SCHEMAS = ("framing-lens/analysis/1", "framing-lens/analysis/2")
"""Schemas :meth:`ArticleAnalysis.from_dict` still reads (bundles and files written before)."""

__all__ = [
    "ACTOR_TYPES",
    "MARKER_KINDS",
    "SCHEMA",
    "STANCES",
    "TONES",
    "ActorProfile",
    "ArticleAnalysis",
    "Marker",
    "Mention",
    "Sentence",
]


@dataclass(frozen=True, slots=True)
class Marker:
    """One piece of evidence: a span of the article, what it is, whom it is about and why.

    ``text == article[start:end]`` always holds. ``actor`` is the display name of the actor the
    marker counts for (the speaker of a reporting verb or quote, the actor a doubt word, scare
    quote or loaded word is about), or None. The facts behind it are fields of their own:

    - ``speaker``: the speaker phrase as written ("the NATO boss", "he"), for reporting cues and
      quotes;
    - ``cue``: the lexicon term that fired ("claim", "according to", "so-called", "slam");
    - ``qualifies``: the phrase a doubt word qualifies;
    - ``valence``: the strongest VADER valence among a loaded word's cue words (Hutto & Gilbert
      2014), None when not rated;
    - ``rule``: the lexicon row behind the marker, ``"<lexicon>/<term>"`` (for instance
      ``"reporting_verbs/claim"``), so every marker names its rule;
    - ``reason``: a code from :data:`analysis.vocabulary.REASONS` saying why it got its
      category or actor ("doubt_word", "no_speaker", …).
    """

    kind: str
    category: str
    text: str
    start: int
    end: int
    actor: str | None
    explanation: str
    source: str
    sentence: int = -1
    speaker: str = ""
    cue: str = ""
    qualifies: str = ""
    valence: float | None = None
    rule: str = ""
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The marker as a plain JSON-ready dict."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that refers to an actor (a name, an alias, a demonym or a pronoun)."""

    actor: str
    text: str
    start: int
    end: int
    sentence: int
    how: str = "name"  # name | alias | demonym | pronoun | description | possessive
    tone: str = ""
    """How the sentence portrays the actor here: negative | neutral | positive ("" = not scored)."""
    tone_score: float | None = None
    """The probability of ``tone`` (0 … 1) from the tone model."""
    tone_scores: tuple[float, float, float] | None = None
    """The probabilities of the three :data:`TONES`, in that order (they sum to 1)."""
    tone_evidence: tuple[ToneEvidence, ...] = ()
    """The words that pushed ``tone``, strongest first (NB-LR weights, Wang & Manning 2012)."""

    def to_dict(self) -> dict[str, Any]:
        """The mention as a plain JSON-ready dict."""
        d = asdict(self)
        d["tone_scores"] = list(self.tone_scores) if self.tone_scores is not None else None
        d["tone_evidence"] = [list(e) for e in self.tone_evidence]
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Mention:
        """A mention from its JSON (schemas 1 and 2 have no tone: it stays unscored)."""
        scores = d.get("tone_scores")
        return cls(
            actor=d["actor"],
            text=d["text"],
            start=int(d["start"]),
            end=int(d["end"]),
            sentence=int(d["sentence"]),
            how=d.get("how", "name"),
            tone=d.get("tone", "") or "",
            tone_score=d.get("tone_score"),
            tone_scores=tuple(float(x) for x in scores) if scores else None,  # type: ignore[arg-type]
            tone_evidence=tuple(
                (str(w), float(x), int(a), int(b)) for w, x, a, b in d.get("tone_evidence", ())
            ),
        )


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the article with its VADER compound sentiment (-1 … 1)."""

    index: int
    start: int
    end: int
    sentiment: float


@dataclass(frozen=True, slots=True)
class ActorProfile:
    """How one actor is framed in one article (DESIGN.md "actor profile")."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: int
    stance_counts: Mapping[str, int]
    quotes: int
    scare_quotes: int
    doubt: int
    loaded: int
    sentiment: float | None
    words: int = 0
    tone_counts: Mapping[str, int] = field(default_factory=dict)
    """Mentions the tone model reads as negative / neutral / positive towards the actor."""
    net_tone: float | None = None
    """(positive − negative mentions) / scored mentions, −1 … 1; None when none was scored."""
    tone_sentences: tuple[int, ...] = ()
    """The sentences behind ``net_tone``: the clearest non-neutral mentions, strongest first."""

    @property
    def attributions(self) -> int:
        """Number of statements attributed to the actor, all stances."""
        return sum(self.stance_counts.values())

    @property
    def distancing_share(self) -> float | None:
        """Distancing attributions / all attributions, None when there are none."""
        total = self.attributions
        return self.stance_counts.get("distancing", 0) / total if total else None

    def per_1000(self, count: int) -> float:
        """A count as a rate per 1,000 words of the article."""
        return 1000.0 * count / self.words if self.words else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The profile in the CLI JSON shape (schema :data:`SCHEMA`)."""
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "mentions": self.mentions,
            "stance_counts": {s: int(self.stance_counts.get(s, 0)) for s in STANCES},
            "quotes": self.quotes,
            "scare_quotes": self.scare_quotes,
            "doubt": self.doubt,
            "loaded": self.loaded,
            "sentiment": self.sentiment,
            # {} when the analysis has no tone (made before schema 3, or no tone model)
            "tone_counts": {t: int(self.tone_counts.get(t, 0)) for t in TONES}
            if self.tone_counts
            else {},
            "net_tone": self.net_tone,
            "tone_sentences": list(self.tone_sentences),
        }


@dataclass(frozen=True)
class ArticleAnalysis:
    """The complete result of :func:`analysis.analyze` for one article."""

    text: str
    title: str | None
    words: int
    engine_version: str
    warnings: tuple[str, ...] = ()
    actors: tuple[ActorProfile, ...] = ()
    markers: tuple[Marker, ...] = ()
    mentions: tuple[Mention, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    language: str = "en"
    meta: Mapping[str, Any] = field(default_factory=dict)

    def actor(self, name: str) -> ActorProfile | None:
        """The profile whose name, id or alias equals ``name`` (case-insensitive), else None."""
        key = name.casefold()
        for a in self.actors:
            if key in (a.name.casefold(), a.id) or key in (x.casefold() for x in a.aliases):
                return a
        return None

    def markers_of(self, kind: str | None = None, actor: str | None = None) -> list[Marker]:
        """Markers filtered by kind and/or actor name."""
        return [
            m
            for m in self.markers
            if (kind is None or m.kind == kind) and (actor is None or m.actor == actor)
        ]

    # ---- DataFrames -------------------------------------------------------------------------
    def actors_frame(self) -> pd.DataFrame:
        """One row per actor: counts by stance, distancing share, rates per 1,000 words."""
        rows = []
        for a in self.actors:
            row: dict[str, Any] = {
                "actor": a.name,
                "id": a.id,
                "type": a.type,
                "aliases": "; ".join(a.aliases),
                "mentions": a.mentions,
            }
            for s in STANCES:
                row[s] = int(a.stance_counts.get(s, 0))
            row["attributions"] = a.attributions
            row["distancing_share"] = a.distancing_share
            row["quotes"] = a.quotes
            row["scare_quotes"] = a.scare_quotes
            row["doubt"] = a.doubt
            row["loaded"] = a.loaded
            row["sentiment"] = a.sentiment
            for t in TONES:
                row[f"tone_{t}"] = int(a.tone_counts.get(t, 0))
            row["net_tone"] = a.net_tone
            for col in ("mentions", "attributions", "quotes", "scare_quotes", "doubt", "loaded"):
                row[f"{col}_per_1000"] = round(a.per_1000(int(row[col])), 3)
            rows.append(row)
        cols = (
            ["actor", "id", "type", "aliases", "mentions", *STANCES, "attributions"]
            + ["distancing_share", "quotes", "scare_quotes", "doubt", "loaded", "sentiment"]
            + [f"tone_{t}" for t in TONES]
            + ["net_tone"]
            + [
                f"{c}_per_1000"
                for c in ("mentions", "attributions", "quotes", "scare_quotes", "doubt", "loaded")
            ]
        )
        return pd.DataFrame(rows, columns=cols)

    def markers_frame(self) -> pd.DataFrame:
        """One row per marker (the evidence), ordered by position."""
        cols = [f.name for f in fields(Marker)]
        return pd.DataFrame([m.to_dict() for m in self.markers], columns=cols)

    def sentences_frame(self) -> pd.DataFrame:
        """One row per sentence: offsets, sentiment, text and the actors mentioned in it."""
        by_sent: dict[int, list[str]] = {}
        for m in self.mentions:
            names = by_sent.setdefault(m.sentence, [])
            if m.actor not in names:
                names.append(m.actor)
        rows = [
            {
                "sentence": s.index,
                "start": s.start,
                "end": s.end,
                "sentiment": s.sentiment,
                "text": self.text[s.start : s.end],
                "actors": "; ".join(by_sent.get(s.index, [])),
            }
            for s in self.sentences
        ]
        return pd.DataFrame(
            rows, columns=["sentence", "start", "end", "sentiment", "text", "actors"]
        )

    # ---- JSON -----------------------------------------------------------------------------
    def to_dict(self, *, file: str | None = None, include_text: bool = False) -> dict[str, Any]:
        """The analysis in the documented JSON shape (schema :data:`SCHEMA`).

        Args:
            file: the file name to record (the CLI passes the path it read).
            include_text: add the article text, mentions and sentences, so that
                :meth:`from_dict` can rebuild the identical analysis (store, bundles).
        """
        d: dict[str, Any] = {
            "schema": SCHEMA,
            "engine_version": self.engine_version,
            "file": file,
            "title": self.title,
            "words": self.words,
            "language": self.language,
            "warnings": list(self.warnings),
            "actors": [a.to_dict() for a in self.actors],
            "markers": [m.to_dict() for m in self.markers],
        }
        if include_text:
            d["text"] = self.text
            d["meta"] = dict(self.meta)
            d["mentions"] = [m.to_dict() for m in self.mentions]
            d["sentences"] = [asdict(s) for s in self.sentences]
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], text: str | None = None) -> ArticleAnalysis:
        """Rebuild an analysis written by ``to_dict(include_text=True)``."""
        body = text if text is not None else d.get("text")
        if body is None:
            raise ValueError("from_dict needs the article text (to_dict(include_text=True))")
        words = int(d["words"])
        actors = tuple(
            ActorProfile(
                id=a["id"],
                name=a["name"],
                type=a["type"],
                aliases=tuple(a["aliases"]),
                mentions=int(a["mentions"]),
                stance_counts={s: int(a["stance_counts"].get(s, 0)) for s in STANCES},
                quotes=int(a["quotes"]),
                scare_quotes=int(a["scare_quotes"]),
                doubt=int(a["doubt"]),
                loaded=int(a["loaded"]),
                sentiment=a["sentiment"],
                words=words,
                # Schemas 1 and 2 had no tone: such profiles read as not scored.
                tone_counts={t: int(a["tone_counts"].get(t, 0)) for t in TONES}
                if a.get("tone_counts")
                else {},
                net_tone=a.get("net_tone"),
                tone_sentences=tuple(int(i) for i in a.get("tone_sentences", ())),
            )
            for a in d["actors"]
        )
        return cls(
            text=body,
            title=d.get("title"),
            words=words,
            engine_version=d["engine_version"],
            warnings=tuple(d.get("warnings", ())),
            actors=actors,
            markers=tuple(_marker_from_dict(m) for m in d["markers"]),
            mentions=tuple(Mention.from_dict(m) for m in d.get("mentions", ())),
            sentences=tuple(Sentence(**s) for s in d.get("sentences", ())),
            language=d.get("language", "en"),
            meta=dict(d.get("meta", {})),
        )


_MARKER_FIELDS = frozenset(f.name for f in fields(Marker))
_VALENCE = re.compile(r"VADER valence ([+-]?\d+(?:\.\d+)?)")
_CUE = re.compile(r"cue '([^']*)'")
_OLD_REASONS = {
    "after a doubt word": "doubt_word",
    "no speaker quoted": "no_speaker",
    "fragment of a speaker's words": "speaker_fragment",
}


def _marker_from_dict(d: Mapping[str, Any]) -> Marker:
    """A marker from its JSON; schema 1's free-text ``detail`` becomes the structured fields."""
    known = {k: v for k, v in d.items() if k in _MARKER_FIELDS}
    detail = str(d.get("detail") or "")
    if detail and "detail" in d:
        known.update(_fields_from_detail(str(d["kind"]), detail))
    return Marker(**known)


def _fields_from_detail(kind: str, detail: str) -> dict[str, Any]:
    """Schema 1 kept these facts as text: "speaker: X", "qualifies: Y", "cue 'x'; VADER …"."""
    if detail.startswith("speaker: "):
        speaker = detail.removeprefix("speaker: ")
        return {"speaker": "" if speaker == "unnamed" else speaker}
    if detail.startswith("qualifies: "):
        return {"qualifies": detail.removeprefix("qualifies: ")}
    if kind == "loaded":
        cue, valence = _CUE.search(detail), _VALENCE.search(detail)
        return {
            "cue": cue.group(1) if cue else "",
            "valence": float(valence.group(1)) if valence else None,
        }
    return {"reason": _OLD_REASONS.get(detail, "")}
