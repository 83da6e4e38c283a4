"""Property tests: any Unicode text is analysed without exceptions and every span is honest."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import analyze

# Text mixing random Unicode with the pieces our rules react to (names, quote marks, cues).
PIECES = st.sampled_from(
    [
        ' "',
        '" ',
        "“",
        "”",
        "‘",
        "’",
        "«",
        "»",
        " said ",
        " claimed ",
        " alleged ",
        " so-called ",
        "Jens Stoltenberg",
        " Russia",
        " he ",
        "\n",
        "\n\n",
        ". ",
        ", ",
        "according to ",
        "'s ",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=12), PIECES), max_size=40).map("".join)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_gives_consistent_spans(text: str) -> None:
    result = analyze(text)
    assert result.text == text
    for m in result.markers:
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.explanation and m.source
        assert m.actor is None or result.actor(m.actor) is not None
    for mention in result.mentions:
        assert text[mention.start : mention.end] == mention.text
    for s in result.sentences:
        assert 0 <= s.start <= s.end <= len(text)
        assert -1.0 <= s.sentiment <= 1.0
    # JSON round trip keeps everything.
    from analysis import ArticleAnalysis

    assert ArticleAnalysis.from_dict(result.to_dict(include_text=True)) == result
