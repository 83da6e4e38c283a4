"""Only speech counts: each sense of a polysemous reporting verb, and speech nouns (issue 10).

Sentence -> expected (cue, stance, speaker) table on the real model; the senses that must not
depend on the model are also checked on hand-built Docs in test_rules_handbuilt.py.
"""

from __future__ import annotations

import pytest

from analysis import analyze
from analysis.lexicons import lexicon_column

Cue = tuple[str, str, str | None]


def cues(text: str) -> list[Cue]:
    return [(m.text, m.category, m.actor) for m in analyze(text).markers_of("attribution")]


NOT_SPEECH = [
    # the examples of the issue
    "The United States supports Ukraine's efforts to maintain its sovereignty.",
    "The West must help Ukraine defend itself.",
    "The administration plans to deny export license applications for any items.",
    "Obama defended his administration's progress in building partnerships.",
    # the same verbs in their other senses
    "Russia held talks with China on Monday.",
    "The minister called a meeting for Monday.",
    "Putin ordered an investigation into the crash.",
    "They agreed to hold talks in Geneva.",
    "Police found the bodies near the river.",
    "Russia added 10,000 troops to the force near the border.",
    "Observers concluded their mission on Friday.",
    "The government dismissed the minister on Friday.",
    "Militants were holding the observers hostage.",
    # speech that has not happened
    "The White House plans to announce new sanctions.",
    "Kyiv refused to comment on the report.",
    "Neither the U.S. nor Europe plans to announce broader sanctions.",
]


@pytest.mark.parametrize("text", NOT_SPEECH)
def test_other_senses_are_not_attributions(text: str) -> None:
    assert [c for c in cues(text) if c[0] not in ("report",)] == []


SPEECH: list[tuple[str, list[Cue]]] = [
    ("Russia maintained that its troops had left.", [("maintained", "distancing", "Russia")]),
    ("Kyiv denied that it had shelled the town.", [("denied", "denial", "Ukraine")]),
    ('"We never did it," she maintained.', [("maintained", "distancing", None)]),
    ("Kyiv denied any involvement in the attack.", [("denied", "denial", "Ukraine")]),
    ("Russia denied the allegations.", [("denied", "denial", "Russia")]),
    ("Kyiv denied shelling the town.", [("denied", "denial", "Ukraine")]),
    ("The court held that the law was valid.", [("held", "distancing", None)]),
    (
        'Sen. Bob Corker called it a "slap on the wrist."',
        [("called", "neutral", "Bob Corker")],
    ),
    (
        'Top Republican senators dismissed the new round as too "tepid" to work.',
        [("dismissed", "denial", "Republican")],
    ),
    (
        "Barack Obama defended the sanctions as necessary.",
        [("defended", "distancing", "Barack Obama")],
    ),
    ("Investigators found that the plane was shot down.", [("found", "endorsing", None)]),
    ("John Kerry agreed that the talks had failed.", [("agreed", "neutral", "John Kerry")]),
    (
        "Separatists said Ukrainian forces fired first, which Kyiv denied.",
        [("said", "neutral", None), ("denied", "denial", "Ukraine")],
    ),
    # verbs of the issue's recall gap
    ("John Kerry outlined the plan on Monday.", [("outlined", "neutral", "John Kerry")]),
    ("Sergei Lavrov laid out the conditions.", [("laid out", "neutral", "Sergei Lavrov")]),
    (
        "Angela Merkel emphasized that the talks must go on.",
        [("emphasized", "neutral", "Angela Merkel")],
    ),
    ("The BBC sums up the news this way.", [("sums up", "neutral", "BBC")]),
    (
        "John Kerry expressed concern that the talks would fail.",
        [("expressed", "neutral", "John Kerry")],
    ),
    # a named addressee instead of an object; a role noun that speaks; "not … until"
    ("Barack Obama spoke to Vladimir Putin on Friday.", [("spoke", "neutral", "Barack Obama")]),
    ("Medical volunteers estimated the deaths at more than 60.", [("estimated", "neutral", None)]),
    ("The US did not confirm it until Thursday.", [("confirm", "endorsing", "United States")]),
    ("Barack Obama spoke at a conference in Manila.", []),
    ("The US did not confirm it.", []),
]


@pytest.mark.parametrize(("text", "expected"), SPEECH, ids=[s[0][:40] for s in SPEECH])
def test_speech_senses_are_attributions(text: str, expected: list[Cue]) -> None:
    assert cues(text) == expected


NOUNS: list[tuple[str, list[Cue]]] = [
    # with their speaker: possessor, by/from, named modifier, support verb, role + of
    ("Russia's denials were dismissed.", [("denials", "denial", "Russia")]),
    (
        "The accusations by Kyiv were rejected.",
        [("accusations", "emotive", "Ukraine"), ("rejected", "denial", None)],
    ),
    ("The findings were in a report from the OSCE.", [("report", "neutral", "OSCE")]),
    ("Criticism from Republicans grew.", [("Criticism", "emotive", "Republicans")]),
    ("Warnings from NATO grew louder.", [("Warnings", "emotive", "NATO")]),
    ("Russia's proposal was welcomed.", [("proposal", "neutral", "Russia")]),
    ("Ukraine's calls for help went unanswered.", [("calls", "neutral", "Ukraine")]),
    (
        "Frank-Walter Steinmeier issued a statement after the signing.",
        [("statement", "neutral", "Frank-Walter Steinmeier")],
    ),
    # without a named speaker, but carrying what was said: an unnamed speaker
    ("Reports of shelling came from Donetsk.", [("Reports", "neutral", None)]),
    ("Accusations that Russia armed the rebels mounted.", [("Accusations", "emotive", None)]),
    (
        "He said that criticism of his policy was unfair.",
        [("said", "neutral", None), ("criticism", "emotive", None)],
    ),
    ("Rumors swirled about the shooters' location.", [("Rumors", "distancing", None)]),
    ("There was word from a Reuters correspondent.", [("word", "neutral", "Reuters")]),
    (
        "Russia's admission that its troops were there surprised many.",
        [("admission", "admission", "Russia")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NOUNS, ids=[s[0][:40] for s in NOUNS])
def test_speech_nouns_are_cues(text: str, expected: list[Cue]) -> None:
    assert cues(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb carries the speech act; the noun is its speaker phrase
        ("Reports say the convoy crossed.", [("say", "neutral", None)]),
        (
            "A White House statement said the sanctions would follow.",
            [("said", "neutral", "United States")],
        ),
        # a noun that only points back to speech, or another sense of the noun
        ("Obama spoke about it in his public comments.", []),
        ("Russia's admission to the WTO took years.", []),
        ("None of this is to take the Kremlin at its word.", []),
        ("The statement came on Monday.", []),
    ],
)
def test_nouns_that_are_no_cue_of_their_own(text: str, expected: list[Cue]) -> None:
    assert cues(text) == expected


def test_the_polysemous_verbs_of_the_issue_need_speech_in_the_lexicon() -> None:
    requires = lexicon_column("reporting_verbs", "requires")
    for verb in ("maintain", "defend", "deny", "hold", "call", "order", "find", "agree", "add"):
        assert requires[verb] == "speech", verb
    assert requires["show"] == "speaker"
    objects = lexicon_column("reporting_verbs", "objects")
    assert "involvement" in objects["deny"].split("|")
