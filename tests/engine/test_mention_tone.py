"""Tone in every analysis: each mention's tone, the profiles' tone counts, the JSON fields."""

from __future__ import annotations

import json

import pytest

from analysis import analyze
from analysis.engine.mention_tone import score_mention_tones
from analysis.records import SCHEMA, TONES, ArticleAnalysis, Mention

TEXT = (
    "Russia praised Ukraine's restraint while condemning NATO. "
    "Critics accused the mayor of Springfield, Joe Quimby, of lying to voters and wasting "
    "millions. Fans cheered as Lionel Messi scored twice."
)


@pytest.fixture(scope="module")
def result() -> ArticleAnalysis:
    return analyze(TEXT)


def test_every_mention_has_a_tone_with_scores_and_evidence_in_the_text(
    result: ArticleAnalysis,
) -> None:
    assert result.mentions
    for m in result.mentions:
        assert m.tone in TONES
        assert m.tone_scores is not None and sum(m.tone_scores) == pytest.approx(1, abs=1e-3)
        assert m.tone_score == max(m.tone_scores)
        assert m.tone_scores[TONES.index(m.tone)] == m.tone_score
        for word, _weight, start, end in m.tone_evidence:
            if start >= 0:  # a word of the sentence, outside the mention, at article offsets
                assert TEXT[start:end] == word
                assert not (m.start <= start < m.end)


def test_tone_is_target_dependent_within_one_sentence(result: ArticleAnalysis) -> None:
    first = {m.actor: m for m in result.mentions if m.sentence == 0}
    assert first["NATO"].tone == "negative"
    assert first["NATO"].tone_evidence[0][0] == "condemning"
    assert first["Russia"].tone != "negative"
    messi = [m for m in result.mentions if m.actor == "Lionel Messi"]
    assert messi and messi[0].tone == "positive"


def test_profiles_count_tones_and_their_net_tone_follows_from_the_mentions(
    result: ArticleAnalysis,
) -> None:
    for a in result.actors:
        mine = [m for m in result.mentions if m.actor == a.name]
        counts = {t: sum(m.tone == t for m in mine) for t in TONES}
        assert dict(a.tone_counts) == counts
        assert a.net_tone == pytest.approx((counts["positive"] - counts["negative"]) / len(mine))
        clear = {m.sentence for m in mine if m.tone != "neutral"}
        assert set(a.tone_sentences) <= clear and len(a.tone_sentences) == min(len(clear), 5)


def test_json_has_the_tone_fields_and_round_trips(result: ArticleAnalysis) -> None:
    d = json.loads(json.dumps(result.to_dict(include_text=True)))
    assert d["schema"] == SCHEMA == "framing-lens/analysis/3"
    nato = next(a for a in d["actors"] if a["name"] == "NATO")
    assert set(nato["tone_counts"]) == set(TONES)
    assert nato["net_tone"] == -1.0 and nato["tone_sentences"] == [0]
    assert {"tone", "tone_score", "tone_scores", "tone_evidence"} <= set(d["mentions"][0])
    assert ArticleAnalysis.from_dict(d) == result


def test_an_analysis_of_schema_2_reads_as_without_tone(result: ArticleAnalysis) -> None:
    d = result.to_dict(include_text=True)
    d["schema"] = "framing-lens/analysis/2"
    for a in d["actors"]:
        for key in ("tone_counts", "net_tone", "tone_sentences"):
            del a[key]
    for m in d["mentions"]:
        for key in ("tone", "tone_score", "tone_scores", "tone_evidence"):
            del m[key]
    old = ArticleAnalysis.from_dict(d)
    assert all(m.tone == "" and m.tone_scores is None for m in old.mentions)
    assert all(not a.tone_counts and a.net_tone is None for a in old.actors)
    assert old.to_dict()["actors"][0]["tone_counts"] == {}
    assert old.markers == result.markers and old.text == result.text


def test_mentions_outside_their_sentence_stay_unscored() -> None:
    text = "NATO met. They left."
    mentions = [
        Mention("NATO", "NATO", 0, 4, 0),
        Mention("NATO", "They", 10, 14, 0),  # says sentence 0 but stands after it
        Mention("NATO", "NATO", 0, 4, 7),  # no such sentence
    ]
    scored = score_mention_tones(text, mentions, [(0, 9), (10, 20)])
    assert scored[0].tone in TONES
    assert [m.tone for m in scored[1:]] == ["", ""]
    assert scored[1:] == tuple(mentions[1:])
