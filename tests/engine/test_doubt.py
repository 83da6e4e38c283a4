"""Doubt markers: which words count, the phrase they qualify and whom it is about."""

from __future__ import annotations

import pytest

from analysis import analyze


def _doubt(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.qualifies, m.actor) for m in analyze(text).markers_of("doubt")]


def test_a_doubt_adjective_qualifies_its_noun_phrase_and_its_actor() -> None:
    got = _doubt("NATO warned Russia of the alleged Russian threat to Ukraine.")
    assert got == [("alleged", "Russian threat", "Russia")]
    # without the country named, "Russian" is a group of its own
    assert _doubt("NATO warned of the alleged Russian threat.")[0][2] == "Russian"


def test_hyphen_or_space_spellings_match_one_row() -> None:
    for text in ("The so-called referendum was held.", "The so called referendum was held."):
        markers = analyze(text).markers_of("doubt")
        assert len(markers) == 1 and markers[0].cue.replace("-", " ") == "so called"
        assert markers[0].rule == f"doubt/{markers[0].cue}"
        assert "referendum" in markers[0].qualifies
        assert "It qualifies 'referendum'." in markers[0].explanation


def test_an_adverb_is_about_the_subject_of_its_verb() -> None:
    got = _doubt("Russia allegedly moved troops to the border.")
    assert [(t, a) for t, _q, a in got] == [("allegedly", "Russia")]


@pytest.mark.parametrize(
    "text",
    [
        "Jens Stoltenberg alleged that troops were massing.",  # a reporting verb: attribution
        "Troops are supposed to leave by Friday.",  # obligation, not doubt
    ],
)
def test_verbal_uses_and_obligations_are_not_doubt(text: str) -> None:
    assert _doubt(text) == []


def test_every_doubt_marker_names_its_lexicon_row_and_source() -> None:
    result = analyze("The purported evidence of the self-proclaimed republic was doubtful.")
    assert result.markers_of("doubt")
    for m in result.markers_of("doubt"):
        assert m.rule.startswith("doubt/") and m.source and m.explanation
        assert result.text[m.start : m.end] == m.text
