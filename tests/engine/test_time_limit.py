"""The time limit of one analysis: no limit changes nothing; a passed deadline stops it."""

from __future__ import annotations

import pytest

from analysis import analyze
from analysis.engine import AnalysisTimeout, Deadline

TEXT = (
    "NATO said more troops had arrived.\n\n"
    "Belarus claimed the drills were defensive.\n\n"
    "The ministry insisted nobody was threatened."
)


def test_no_limit_is_no_deadline() -> None:
    assert Deadline.after(None) is None


def test_a_generous_limit_gives_the_same_analysis() -> None:
    assert analyze(TEXT, time_limit=600) == analyze(TEXT)


def test_a_passed_deadline_stops_the_analysis_with_a_message_for_the_user() -> None:
    with pytest.raises(AnalysisTimeout, match=r"longer than 0 seconds .* shorter text"):
        analyze(TEXT, time_limit=0)


def test_the_deadline_is_checked_while_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parse checks after every piece, so a long text stops early, not after the whole parse."""
    from analysis.engine.model import load_model
    from analysis.engine.parse import parse

    checks: list[int] = []

    class Counting(Deadline):
        def check(self) -> None:
            checks.append(1)

    parse(TEXT, load_model(), deadline=Counting(0.0, 0.0))
    assert len(checks) == 3  # one per paragraph parsed


def test_the_deadline_is_checked_while_scoring_tone_once_per_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Tone scoring checks the clock before each sentence's mentions, not only after the parse."""
    from analysis.engine.mention_tone import score_mention_tones
    from analysis.engine.model import load_model
    from analysis.engine.parse import parse

    result = analyze(TEXT)
    sentences = [(s.start, s.end) for s in result.sentences]
    with_mentions = {m.sentence for m in result.mentions}
    assert len(with_mentions) >= 2  # the check count below says something
    checks: list[int] = []

    class Counting(Deadline):
        def check(self) -> None:
            checks.append(1)

    scored = score_mention_tones(TEXT, result.mentions, sentences, deadline=Counting(0.0, 0.0))
    assert len(checks) == len(with_mentions)
    assert scored == result.mentions  # checking changes no tone

    from analysis.engine import analyze_parsed

    parsed = parse(TEXT, load_model())
    passed = Deadline(at=0.0, seconds=5)  # time.monotonic() is past 0 on any running machine
    with pytest.raises(AnalysisTimeout, match="longer than 5 seconds"):
        analyze_parsed(parsed, deadline=passed)
