"""Loaded-language markers: the right words, exact spans, offsets into the original article."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from analysis.engine.extract.loaded import loaded_markers as find_loaded
from analysis.engine.model import load_model
from analysis.lexicons import load_lexicon


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def _cues(markers: list) -> list[str]:
    """The lexicon cue of each marker, as recorded in its ``cue`` field."""
    return [m.cue.lower() for m in markers]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The regime launched a brutal crackdown on protesters.",
            ["regime", "brutal", "crackdown"],
        ),
        ("Critics slammed the outrageous decision.", ["slammed", "outrageous"]),
        (
            "Officials called the attacks a massacre carried out by terrorists.",
            ["massacre", "terrorists"],
        ),
        (
            "The far-right group spread propaganda and hysteria.",
            ["far-right", "propaganda", "hysteria"],
        ),
        ("He described the witch hunt as a disgrace.", ["witch hunt", "disgrace"]),
        ("The sanctions regime was extended for six months.", []),
        ("Police said the hate crime was under investigation.", []),
        ("The counter-terrorist operation and anti-extremism laws continued.", []),
    ],
)
def test_expected_cues(nlp: Language, sentence: str, expected: list[str]) -> None:
    markers = find_loaded(nlp(sentence))
    assert _cues(markers) == expected


def test_marker_fields_come_from_the_lexicon(nlp: Language) -> None:
    text = "It was a brutal attack by a puppet government."
    markers = find_loaded(nlp(text))
    lex = load_lexicon("loaded")
    assert [m.kind for m in markers] == ["loaded", "loaded"]
    for m in markers:
        entry = lex[m.cue.lower()]
        assert m.rule == f"loaded/{m.cue.lower()}"
        assert m.category == entry.category
        assert m.explanation == entry.explanation
        assert m.source == entry.source
        assert m.actor is None
        assert m.text == text[m.start : m.end]
    assert markers[0].valence == -3.1  # brutal: Hutto & Gilbert's rating


def test_marker_covers_the_phrase_the_cue_colours(nlp: Language) -> None:
    text = "Residents described a brutal attack and a total disaster. The guards were very cruel."
    texts = [m.text for m in find_loaded(nlp(text))]
    assert texts == ["brutal attack", "total disaster", "very cruel"]
    # Two cues side by side keep a marker each.
    assert [m.text for m in find_loaded(nlp("It was an utter disaster."))] == ["utter", "disaster"]


def test_spans_match_text_on_a_longer_article(nlp: Language) -> None:
    text = (
        "Moscow accused the West of aggression.\n\n"
        "The ministry called the claims “absurd propaganda”, adding that the so-called "
        "experts were puppets of a corrupt elite. Protesters were savagely beaten."
    )
    markers = find_loaded(nlp(text))
    assert len(markers) >= 5
    for m in markers:
        assert text[m.start : m.end] == m.text
    assert [m.start for m in markers] == sorted(m.start for m in markers)
    assert {m.sentence for m in markers} <= {0, 1, 2}


def test_offset_and_sentence_offset_shift_every_marker(nlp: Language) -> None:
    chunk = "A quiet day. Then the brutal regime struck."
    article = "x" * 137 + chunk
    plain = find_loaded(nlp(chunk))
    shifted = find_loaded(nlp(chunk), offset=137, sentence_offset=9)
    assert len(plain) == len(shifted) == 2
    for a, b in zip(plain, shifted, strict=True):
        assert (b.start, b.end) == (a.start + 137, a.end + 137)
        assert article[b.start : b.end] == b.text == a.text
        assert a.sentence == 1
        assert b.sentence == 10


def test_neutral_sentence_has_no_loaded_words(nlp: Language) -> None:
    text = "The committee met on Tuesday and approved the budget for next year."
    assert find_loaded(nlp(text)) == []


def test_words_inside_names_are_not_flagged(nlp: Language) -> None:
    doc = nlp("She works for Amnesty International in London.")
    assert any(t.ent_type_ == "ORG" for t in doc if t.lower_ == "amnesty")
    assert find_loaded(doc) == []
    assert _cues(find_loaded(nlp("They demand an amnesty for the rebels."))) == ["amnesty"]


def test_works_on_a_doc_without_parser() -> None:
    blank = spacy.blank("en")
    text = "A vicious and barbaric act."
    markers = find_loaded(blank(text))
    assert [m.text for m in markers] == ["vicious", "barbaric"]
    assert all(m.sentence == 0 for m in markers)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # coordinated words count as one phrase
        ("That story is ridiculous and illogical.", ["ridiculous and illogical"]),
        # a loaded noun takes its "of" phrase along
        ("The verdict was a complete travesty of justice.", ["complete travesty of justice"]),
        # a loaded verb takes its adverb and its object along
        ("They deliberately sabotaged the talks.", ["deliberately sabotaged the talks"]),
        # a noun conjunct with its own determiner is a separate phrase
        ("It was an attack and a total disaster.", ["total disaster"]),
    ],
)
def test_phrase_shaping(nlp: Language, sentence: str, expected: list[str]) -> None:
    assert [m.text for m in find_loaded(nlp(sentence))] == expected
