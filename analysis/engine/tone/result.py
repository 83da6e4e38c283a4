"""The typed record of one tone prediction: the tone, its three scores, and the words behind it."""

from __future__ import annotations

from dataclasses import dataclass

TONES = ("negative", "neutral", "positive")


@dataclass(frozen=True, slots=True)
class ToneResult:
    """How one sentence portrays one target mention.

    Attributes:
        tone: "negative", "neutral" or "positive" (the highest score).
        scores: probability of each tone (they sum to 1).
        evidence: (word, weight) pairs, strongest first: how much each word pushed the
            prediction towards ``tone`` (log-odds; > 0 for it, < 0 against it). Words about the
            mention's own position are given in brackets, e.g. "[mention starts the sentence]".
        spans: (start, end, weight) character offsets in the scored text of each evidence word,
            in the same order (-1, -1 for the bracketed position evidence).
    """

    tone: str
    scores: dict[str, float]
    evidence: tuple[tuple[str, float], ...]
    spans: tuple[tuple[int, int, float], ...] = ()

    def to_dict(self) -> dict[str, object]:
        """The JSON line of the ``tone`` CLI: tone, scores, evidence as [word, weight] lists."""
        return {
            "tone": self.tone,
            "scores": {k: round(v, 4) for k, v in self.scores.items()},
            "evidence": [[w, round(x, 4)] for w, x in self.evidence],
        }
