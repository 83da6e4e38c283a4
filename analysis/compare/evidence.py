"""The sentences behind a comparison's numbers: where each group frames an actor.

Evidence rows carry spans and markers, not HTML: :mod:`analysis.present` and ``ui`` render them.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from analysis.records import ArticleAnalysis


@dataclass(frozen=True)
class Evidence:
    """One sentence of one article where an actor is framed.

    ``analysis`` is the article's stored analysis (markers and sentences over its text), for a
    view to highlight ``start:end`` with ``names`` (every name the actor goes by).
    """

    group: str
    article_id: int
    title: str | None
    sentence: int
    start: int
    end: int
    markers: tuple[Mapping[str, Any], ...]
    names: tuple[str, ...]
    analysis: ArticleAnalysis

    @property
    def marker_labels(self) -> str:
        """``"attribution:distancing, doubt:hedge"`` for the markers in the sentence."""
        return ", ".join(f"{m['kind']}:{m['category']}" for m in self.markers)


def sentences_of(
    group: str,
    article_id: int,
    title: str | None,
    summary: Mapping[str, Any],
    text: str,
    names: Collection[str],
    limit: int,
) -> list[Evidence]:
    """Up to ``limit`` sentences of one article with markers about any of ``names``."""
    marks = [m for m in summary.get("markers", ()) if m.get("actor") in names]
    if not marks or limit <= 0:
        return []
    spans = {s["index"]: (s["start"], s["end"]) for s in summary.get("sentences", ())}
    analysis = ArticleAnalysis.from_dict(summary, text=text)
    out = []
    for sent in sorted({m["sentence"] for m in marks})[:limit]:
        in_sent = tuple(m for m in marks if m["sentence"] == sent)
        start, end = spans.get(
            sent, (min(m["start"] for m in in_sent), max(m["end"] for m in in_sent))
        )
        out.append(
            Evidence(
                group, article_id, title, sent, start, end, in_sent, tuple(sorted(names)), analysis
            )
        )
    return out
