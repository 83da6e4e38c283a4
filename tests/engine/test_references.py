"""Coreference rules (analysis/coref.py and the name repairs in actors.py), through ``analyze``."""

from __future__ import annotations

import pytest

from analysis import analyze


def speakers(text: str) -> list[tuple[str, str | None]]:
    """(cue, speaker) for every attribution of ``text``."""
    return [(m.text, m.actor) for m in analyze(text).markers_of("attribution")]


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # an organisation named in full, then by its head noun
        (
            "The Defence Ministry published new figures on Monday. "
            "The ministry also said that 40 soldiers had been wounded.",
            "said",
            "Defence Ministry",
        ),
        # an official named with a title, then by the title alone
        (
            "Finnish Foreign Minister Elina Valtonen arrived in Kyiv on Tuesday. "
            "The foreign minister said the talks had been useful.",
            "said",
            "Elina Valtonen",
        ),
        (
            "President Emmanuel Macron met the farmers in Paris. "
            "The president said he understood their anger.",
            "said",
            "Emmanuel Macron",
        ),
    ],
)
def test_definite_description_goes_to_the_named_actor(text: str, cue: str, speaker: str) -> None:
    assert (cue, speaker) in speakers(text)
    result = analyze(text)
    described = [m for m in result.mentions if m.how == "description"]
    assert [m.actor for m in described] == [speaker]
    assert all(text[m.start : m.end] == m.text for m in described)


def test_description_needs_an_earlier_actor_with_that_word() -> None:
    text = "The ministry said that 40 soldiers had been wounded. Olaf Scholz visited Vilnius."
    assert speakers(text) == [("said", None)]
    assert not [m for m in analyze(text).mentions if m.how == "description"]


def test_he_said_after_an_indirect_quote_is_the_speaker_not_the_person_in_it() -> None:
    text = (
        "Antony Blinken said the measures would make Vladimir Putin more likely to negotiate.\n\n"
        "Sanctions are meant to hurt the economy enough to get Mr. Putin to end the war, he said."
    )
    got = speakers(text)
    assert got[-1] == ("said", "Antony Blinken")


def test_person_named_inside_a_quote_is_not_the_pronoun() -> None:
    text = 'Kaja Kallas spoke after the summit. "Nobody trusts Viktor Orban on this," she said.'
    assert speakers(text)[-1] == ("said", "Kaja Kallas")


def test_first_name_alone_is_the_one_person_who_has_it() -> None:
    text = (
        "Our correspondent Soraya Sarhaddi Nelson is in the capital.\n\n"
        "Soraya says the square is calm tonight."
    )
    assert speakers(text) == [("says", "Soraya Sarhaddi Nelson")]


def test_first_name_two_people_share_stays_unresolved() -> None:
    text = (
        "Anna Lindh and Anna Politkovskaya were remembered at the ceremony.\n\n"
        "Anna says the square is calm tonight."
    )
    assert ("says", "Anna Lindh") not in speakers(text)
    assert ("says", "Anna Politkovskaya") not in speakers(text)


def test_organisation_is_described_by_its_head_noun_only() -> None:
    text = (
        "The Ministry of Defence published new figures on Monday. "
        "The ministry said that 40 soldiers had been wounded."
    )
    assert ("said", "Ministry of Defence") in speakers(text)
    # "opposition" is a modifier in this name, not what the organisation is
    text = (
        "The Opposition Coordination Council met in Minsk on Monday. "
        "The opposition said that the vote had been rigged."
    )
    assert [m.text for m in analyze(text).mentions if m.how == "description"] == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a new person who acts, then is quoted: "he" is that person, not the earlier speaker
        (
            "Antony Blinken said the sanctions would work.\n\n"
            "Vladimir Putin, meanwhile, visited troops in Crimea on Tuesday.\n\n"
            '"We will win," he said.',
            "Vladimir Putin",
        ),
        # the subject of the last sentence, not the object
        (
            'Antony Blinken met Vladimir Putin in Geneva.\n\n"The talks were frank," he said.',
            "Antony Blinken",
        ),
    ],
)
def test_he_said_goes_to_the_latest_subject_not_talked_about(text: str, speaker: str) -> None:
    assert speakers(text)[-1] == ("said", speaker)


@pytest.mark.parametrize(
    ("text", "pronoun_goes_to"),
    [
        # the pronoun inside what its antecedent reports
        ("Joe Biden said he would run again.", "Joe Biden"),
        ("Angela Merkel told reporters that she would not stand again.", "Angela Merkel"),
        # a person named in a quotation is a fine antecedent for a pronoun that does not speak
        (
            '"Boris Johnson must go," the protesters chanted. He resigned a day later.',
            "Boris Johnson",
        ),
    ],
)
def test_pronoun_antecedents(text: str, pronoun_goes_to: str) -> None:
    got = [m.actor for m in analyze(text).mentions if m.how == "pronoun"]
    assert got == [pronoun_goes_to]


def test_he_said_after_an_organisation_reports_a_person() -> None:
    text = (
        "Joe Biden met aides in Washington.\n\n"
        'The Kremlin said Vladimir Putin would respond soon. "We will not back down," he said.'
    )
    assert speakers(text)[-1] == ("said", "Vladimir Putin")


@pytest.mark.parametrize(
    "text",
    [
        "Fox News aired the interview. The interview made the news on Monday.",
        "The Associated Press reported it. The press gathered outside.",
        "Secretary of State Antony Blinken arrived. The state of the economy worried him.",
        "The European Union met. The union of mineworkers said it would strike.",
    ],
)
def test_ordinary_phrases_are_not_descriptions(text: str) -> None:
    assert [m.text for m in analyze(text).mentions if m.how == "description"] == []
