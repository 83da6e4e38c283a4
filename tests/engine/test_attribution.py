"""Attribution patterns and stances: sentence -> expected (cue, stance, speaker) table."""

from __future__ import annotations

import pytest

from analysis import analyze

CASES = [
    # "X said"
    ("Angela Merkel said the talks would continue.", [("said", "neutral", "Angela Merkel")]),
    # "said X" (inverted)
    ('"We will not back down," said Emmanuel Macron.', [("said", "neutral", "Emmanuel Macron")]),
    # "X, the ..., told"
    (
        "Olaf Scholz, the German chancellor, told reporters that gas flows were stable.",
        [("told", "neutral", "Olaf Scholz")],
    ),
    # '"...," he said' resolves the pronoun to the person
    (
        'Joe Biden spoke in Warsaw. "Ukraine will never be a victory for Russia," he said.',
        [("said", "neutral", "Joe Biden")],
    ),
    # "according to X"
    (
        "The convoy was 40 miles long, according to Maxar Technologies.",
        [("according to", "neutral", "Maxar Technologies")],
    ),
    # "X's claims" (reporting noun)
    ("Russia's claims were rejected by observers.", [("claims", "distancing", "Russia")]),
    # participle sharing the main clause's subject
    (
        "Mocking the sanctions, Dmitry Peskov said Moscow would cope.",
        [("Mocking", "emotive", "Dmitry Peskov"), ("said", "neutral", "Dmitry Peskov")],
    ),
    # stance per verb
    (
        "Boris Johnson claimed that the plan was working.",
        [("claimed", "distancing", "Boris Johnson")],
    ),
    (
        "Sergei Lavrov insisted that no troops were massing.",
        [("insisted", "distancing", "Sergei Lavrov")],
    ),
    # "the Pentagon" stands for the United States government (lexicons/places.csv)
    (
        "The Pentagon confirmed that two ships had arrived.",
        [("confirmed", "endorsing", "United States")],
    ),
    (
        "The firm's chief executive, Alexei Miller, admitted that deliveries had fallen.",
        [("admitted", "admission", "Alexei Miller")],
    ),
    ("The Kremlin denied that it planned an attack.", [("denied", "denial", "Russia")]),
    (
        "Volodymyr Zelensky slammed the decision as a betrayal.",
        [("slammed", "emotive", "Volodymyr Zelensky")],
    ),
    # passive with agent
    ("The proposal was rejected by NATO on Friday.", [("rejected", "denial", "NATO")]),
    # "X was quoted as saying"
    (
        "Dmitry Peskov was quoted as saying that Moscow was ready.",
        [("saying", "neutral", "Dmitry Peskov")],
    ),
    # a role with the person's name in apposition: the person speaks, not the country
    (
        "Ukraine's foreign minister, Dmytro Kuleba, dismissed the offer as a trick.",
        [("dismissed", "denial", "Dmytro Kuleba")],
    ),
    # "as X reported, …"
    (
        "As Reuters reported on Monday, the convoy turned back at the border.",
        [("reported", "neutral", "Reuters")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_attribution_table(text: str, expected: list[tuple[str, str, str]]) -> None:
    result = analyze(text)
    got = [(m.text, m.category, m.actor) for m in result.markers_of("attribution")]
    for row in expected:
        assert row in got, f"expected {row} in {got}"


NOT_SPEECH = [
    "The war claimed thousands of lives.",  # "claimed" with a non-speech object
    "He did not say anything about the talks.",  # negated speech is skipped
    "The minister will announce the plan tomorrow.",  # future speech is skipped
    "Satellites show nothing.",  # no clause, no named speaker
]


@pytest.mark.parametrize("text", NOT_SPEECH)
def test_not_an_attribution(text: str) -> None:
    assert analyze(text).markers_of("attribution") == []


def test_cue_inside_a_quotation_is_not_the_outlets_attribution() -> None:
    text = '"We will report back within weeks," Jens Stoltenberg said.'
    cues = [m.text for m in analyze(text).markers_of("attribution")]
    assert cues == ["said"]


def test_alleged_adjective_is_doubt_and_verb_is_attribution() -> None:
    text = (
        'Officials met over an alleged "threat". '
        "Later Jens Stoltenberg alleged that troops remained."
    )
    result = analyze(text)
    assert [m.text for m in result.markers_of("doubt")] == ["alleged"]
    assert [(m.text, m.category, m.actor) for m in result.markers_of("attribution")] == [
        ("alleged", "distancing", "Jens Stoltenberg")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle on the statement someone issues: the issuer speaks
        (
            "Mette Frederiksen issued a statement condemning the attack.",
            ("condemning", "emotive", "Mette Frederiksen"),
        ),
        # "according to reports from X": the source is X, not "reports"
        (
            "The ceasefire was signed, according to reports from Reuters.",
            ("according to", "neutral", "Reuters"),
        ),
    ],
)
def test_speaker_behind_a_document(text: str, expected: tuple[str, str, str]) -> None:
    got = [(m.text, m.category, m.actor) for m in analyze(text).markers_of("attribution")]
    assert got == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the writer's inference, not speech
        ("Many died from single wounds, indicating that snipers were on the roofs.", []),
        ("Witnesses posted videos showing that the police had fired first.", []),
        # the same verbs with a named speaker, a role or a speech noun are attributions
        (
            "Ursula von der Leyen showed that the fund had been spent.",
            [("showed", "endorsing", "Ursula von der Leyen")],
        ),
        ("Later reports indicated that she was in hospital.", [("indicated", "neutral", None)]),
        ("Officials determined that the dam had failed.", [("determined", "endorsing", None)]),
    ],
)
def test_evidence_verbs_need_a_speaker(text: str, expected: list[tuple[str, str, str]]) -> None:
    got = [(m.text, m.category, m.actor) for m in analyze(text).markers_of("attribution")]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The volunteer appeared to have been hit by a sniper.", ["appeared to have"]),
        ("It appears that the photos were taken on Thursday.", ["It appears that"]),
        ("If true, this would be a major escalation.", ["If true"]),
        # appearing somewhere is not a hedge
        ("The minister appeared on television on Sunday.", []),
        ("She appeared to reporters outside the court.", []),
    ],
)
def test_seeming_hedges_are_doubt_markers(text: str, expected: list[str]) -> None:
    assert [m.text for m in analyze(text).markers_of("doubt")] == expected


def test_quote_elsewhere_in_the_sentence_is_not_a_subordinate_verbs_content() -> None:
    text = 'Ann Linde says it is "amazing" in Kyiv, where she has been reporting from all week.'
    got = [m.text for m in analyze(text).markers_of("attribution")]
    assert got == ["says"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Interfax quoted Kremlin spokesman Dmitry Peskov as saying that Moscow was ready.",
            ("saying", "neutral", "Dmitry Peskov"),
        ),
        (
            "Joe Biden, who indicated that he would run again, spoke in Delaware.",
            ("indicated", "neutral", "Joe Biden"),
        ),
    ],
)
def test_more_speaker_patterns(text: str, expected: tuple[str, str, str]) -> None:
    got = [(m.text, m.category, m.actor) for m in analyze(text).markers_of("attribution")]
    assert expected in got


def test_a_participle_on_an_ordinary_object_is_not_the_subjects_speech() -> None:
    text = "Ukrainian police detained a man claiming that he was a Russian officer."
    got = [(m.text, m.actor) for m in analyze(text).markers_of("attribution")]
    assert ("claiming", "Ukrainian") not in got


def test_as_promised_is_no_attribution() -> None:
    assert analyze("The tanks arrived on Monday, as promised.").markers_of("attribution") == []
