"""A small library of scored articles (actors with stances and tones, four outlets, three
months, some constructed) shared by the query tests."""

from __future__ import annotations

from analysis.library.store import Library
from analysis.records import STANCES, ActorProfile, ArticleAnalysis, Marker
from analysis.version import ENGINE_VERSION

NAMES = {"Putin": "Vladimir Putin"}
"""The name merge the tests use: the short name counts as the full one."""
OUTLETS = ("Wire", "Courier", "Herald", "")
ACTORS = ("Jens Stoltenberg", "Putin", "Vladimir Putin")


def analysis_of(
    text: str, stances: dict[str, tuple[int, int]], *, title: str | None = None, tones: bool = True
) -> ArticleAnalysis:
    """An analysis whose actors have (distancing, neutral) attributions (and, with ``tones``,
    that many negative and neutral mentions and one positive)."""
    profiles = tuple(
        ActorProfile(
            id=name.lower(), name=name, type="PERSON", aliases=(), mentions=1,
            stance_counts={s: {"distancing": d, "neutral": n}.get(s, 0) for s in STANCES},
            quotes=0, scare_quotes=0, doubt=0, loaded=0, sentiment=None,
            tone_counts={"negative": d, "neutral": n, "positive": 1} if tones else {},
        )
        for name, (d, n) in stances.items()
    )  # fmt: skip
    markers = tuple(
        Marker("attribution", stance, text[:1], 0, 1, name, "why", "src", 0)
        for name, (d, n) in stances.items()
        for stance, k in (("distancing", d), ("neutral", n))
        for _ in range(k)
    )
    return ArticleAnalysis(
        text=text, title=title, words=100, engine_version=ENGINE_VERSION, actors=profiles,
        markers=markers,
    )  # fmt: skip


def add_article(library: Library, i: int) -> None:
    outlet = OUTLETS[i % len(OUTLETS)]
    stances = {a: ((i * (k + 2)) % 3, (i + k) % 2) for k, a in enumerate(ACTORS) if (i + k) % 4}
    text = f"Report {i} about Stoltenberg and Putin."
    # Every 13th article undated: no period in a timeline (a key of its own when subtracted).
    date = None if i % 13 == 7 else f"2022-0{1 + i % 3}-1{i % 10}"
    library.add(
        text, title=f"Report {i}", outlet=outlet or None, date=date,
        constructed=i % 5 == 0, analysis=analysis_of(text, stances),
    )  # fmt: skip


def fill(library: Library, articles: int = 48) -> Library:
    """``library`` with ``articles`` scored articles (ids 1…) added."""
    for i in range(articles):
        add_article(library, i)
    return library
