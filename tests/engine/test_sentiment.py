"""VADER sentiment from the packaged lexicon, with no download."""

from __future__ import annotations

import nltk
import pytest

from analysis.engine import sentiment


def test_positive_neutral_negative() -> None:
    pos, neu, neg = sentiment.sentence_sentiments(
        [
            "The rescue was a wonderful success and everyone was happy.",
            "The committee meets on Tuesday.",
            "The brutal attack killed many people and left the town devastated.",
        ]
    )
    assert pos > 0.5
    assert neg < -0.5
    assert neu == pytest.approx(0.0, abs=0.05)


def test_one_float_per_text_and_empty_is_zero() -> None:
    scores = sentiment.sentence_sentiments(["", "   ", "Good."])
    assert len(scores) == 3
    assert scores[:2] == [0.0, 0.0]
    assert all(isinstance(s, float) and -1.0 <= s <= 1.0 for s in scores)
    assert sentiment.sentence_sentiments([]) == []


def test_word_valence_from_the_vader_lexicon() -> None:
    assert sentiment.word_valence("brutal") == pytest.approx(-3.1)
    assert sentiment.word_valence("Wonderful") > 2
    assert sentiment.word_valence("table") == 0.0


def test_analyzer_is_built_once() -> None:
    assert sentiment.analyzer() is sentiment.analyzer()


def test_no_download_is_attempted(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("nltk.download must never run")

    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(nltk.downloader, "download", refuse, raising=False)
    sentiment.analyzer.cache_clear()
    try:
        sia = sentiment.analyzer()
        assert len(sia.lexicon) > 7000
        assert sentiment.sentence_sentiments(["I love it."])[0] > 0
    finally:
        sentiment.analyzer.cache_clear()
