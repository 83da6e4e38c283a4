"""A small hand-built analysis for the export, report and bundle tests (no spaCy needed).

Offsets are computed from the text, so ``marker.text == text[start:end]`` holds by construction.
The text carries HTML and a spreadsheet formula on purpose: exports must keep both inert.
"""

from __future__ import annotations

from analysis.records import STANCES, ActorProfile, ArticleAnalysis, Marker, Mention, Sentence

TEXT = (
    'NATO chief Jens Stoltenberg claimed that the Russian "threat" is growing. '
    "Russia's spokeswoman Maria Zakharova said the reports were an invention. "
    "Belarus confirmed the troops will leave. <script>alert(1)</script>\n"
    '=HYPERLINK("http://example.invalid")'
)


def _span(needle: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of ``needle`` in TEXT."""
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return start, start + len(needle)


def _marker(kind: str, category: str, needle: str, actor: str | None, why: str) -> Marker:
    start, end = _span(needle)
    return Marker(
        kind=kind,
        category=category,
        text=TEXT[start:end],
        start=start,
        end=end,
        actor=actor,
        explanation=why,
        source="Wikipedia Manual of Style: Words to watch",
        sentence=0 if start < TEXT.index("Russia's") else 1,
        cue=needle.lower(),
    )


def _stances(**counts: int) -> dict[str, int]:
    """A full stance-count mapping, as the engine makes them."""
    return {s: counts.get(s, 0) for s in STANCES}


def sample_analysis(title: str | None = "NATO & Russia <b>test</b>") -> ArticleAnalysis:
    """An analysis with three actors, five markers, sentences and mentions."""
    words = len(TEXT.split())
    s1 = TEXT.index("Russia's")
    s2 = TEXT.index("Belarus")
    markers = (
        _marker(
            "attribution", "distancing", "claimed", "Jens Stoltenberg", "'Claimed' casts doubt."
        ),
        _marker(
            "scare_quote", "scare", '"threat"', "Russia", "Quotes keep the word at a distance."
        ),
        _marker("attribution", "neutral", "said", "Maria Zakharova", "'Said' is neutral."),
        _marker(
            "attribution", "endorsing", "confirmed", "Belarus", "'Confirmed' presents it as true."
        ),
        _marker("loaded", "negative", "invention", "Maria Zakharova", "A strong, emotive word."),
    )
    actors = (
        ActorProfile(
            "jens-stoltenberg", "Jens Stoltenberg", "PERSON", ("Stoltenberg",), 1,
            _stances(distancing=1), 0, 0, 0, 0, 0.1, words,
        ),
        ActorProfile(
            "russia", "Russia", "GPE", ("Russian",), 2, _stances(), 0, 1, 0, 0, -0.2, words
        ),
        ActorProfile(
            "maria-zakharova", "Maria Zakharova", "PERSON", ("Zakharova",), 1,
            _stances(neutral=1), 0, 0, 0, 1, -0.4, words,
        ),
        ActorProfile(
            "belarus", "Belarus", "GPE", (), 1, _stances(endorsing=1), 0, 0, 0, 0, 0.0, words
        ),
    )  # fmt: skip
    mentions = (
        Mention("Jens Stoltenberg", "Jens Stoltenberg", *_span("Jens Stoltenberg"), 0),
        Mention("Russia", "Russian", *_span("Russian"), 0, "demonym"),
        Mention("Russia", "Russia", *_span("Russia", 1), 1),
        Mention("Maria Zakharova", "Maria Zakharova", *_span("Maria Zakharova"), 1),
        Mention("Belarus", "Belarus", *_span("Belarus"), 2),
    )
    sentences = (
        Sentence(0, 0, s1 - 1, 0.1),
        Sentence(1, s1, s2 - 1, -0.4),
        Sentence(2, s2, len(TEXT), 0.0),
    )
    return ArticleAnalysis(
        text=TEXT,
        title=title,
        words=words,
        engine_version="test",
        warnings=("A test warning <i>escaped</i>.",),
        actors=actors,
        markers=tuple(sorted(markers, key=lambda m: m.start)),
        mentions=mentions,
        sentences=sentences,
        meta={"source": "hand-made", "outlet": "Test Wire"},
    )
