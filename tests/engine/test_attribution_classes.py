"""Classes of attribution errors found on news text (issue 10): sentence -> expected cues.

Each case is a general pattern of news writing, not a sentence from an evaluation set; the
hand-built Docs in ``test_rules_handbuilt.py`` pin the rules that must not depend on the model.
"""

from __future__ import annotations

import pytest

from analysis import analyze


def cues(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.category, m.actor) for m in analyze(text).markers_of("attribution")]


FOUND = [
    # a "that" clause the parser hangs on a noun between it and the verb
    (
        "Vladimir Putin acknowledged for the first time that Russian troops had been in Crimea.",
        ("acknowledged", "endorsing", "Vladimir Putin"),
    ),
    # the noun a relative clause hangs on is the object of its reporting verb
    (
        "Ukraine has accused Russia of sending troops, an accusation Moscow denies.",
        ("denies", "denial", "Russia"),
    ),
    # a reduced passive clause of asking: someone unnamed put the question
    ("Asked about the sanctions, Barack Obama said they were working.", ("Asked", "neutral", None)),
    (
        "Questioned at a press conference in Manila on his policy, Barack Obama said it worked.",
        ("Questioned", "neutral", None),
    ),
    # verbs of continuing in a reporting clause after a quotation
    ('"The deal is dead," Sergei Lavrov continued.', ("continued", "neutral", "Sergei Lavrov")),
    ('"The deal is dead," Sergei Lavrov went on.', ("went on", "neutral", "Sergei Lavrov")),
    # denial phrasal verbs and naming verbs
    ("Sergei Lavrov shrugged off the sanctions.", ("shrugged off", "denial", "Sergei Lavrov")),
    ("Sergei Lavrov rebuffed the proposal.", ("rebuffed", "denial", "Sergei Lavrov")),
    ("Sergei Lavrov dubbed the vote a farce.", ("dubbed", "neutral", "Sergei Lavrov")),
    # light-verb phrases whose object or complement carries the speech act
    (
        "Barack Obama made it clear that the United States would not intervene.",
        ("made it clear", "neutral", "Barack Obama"),
    ),
    (
        "Barack Obama made clear that the United States would not intervene.",
        ("made clear", "neutral", "Barack Obama"),
    ),
    (
        "Barack Obama has been building a case for new sanctions.",
        ("building a case", "neutral", "Barack Obama"),
    ),
    ("As Barack Obama put it, the sanctions were working.", ("put it", "neutral", "Barack Obama")),
    # a from-phrase the parser hangs on the verb still names the noun's source
    ("The move drew criticism from Germany and France.", ("criticism", "emotive", "Germany")),
    # speech nouns of reporting verbs (NomBank nominalizations)
    ("Ukraine's plea for help went unanswered.", ("plea", "emotive", "Ukraine")),
    # a support verb makes the noun's speaker its subject (NomBank)
    (
        "Russia and Ukraine exchanged accusations over the attack.",
        ("accusations", "emotive", "Russia"),
    ),
    # "X was cited as saying", "responded by saying": the one cited / responding speaks
    (
        "Sergei Lavrov was cited as saying that the talks had failed.",
        ("saying", "neutral", "Sergei Lavrov"),
    ),
    (
        "Angela Merkel responded by saying that the crisis would last for months.",
        ("saying", "neutral", "Angela Merkel"),
    ),
    # "according to" variants: "as reported by X", a statement "issued by X"
    (
        "Troops were moving, as reported by the Interfax news agency.",
        ("reported", "neutral", "Interfax"),
    ),
    (
        "Troops were moving, according to a statement issued by the Kremlin.",
        ("according to", "neutral", "Russia"),
    ),
    # a passive with its agent: the agent speaks, the subject is what was said
    ("The move was announced by the Kremlin on Monday.", ("announced", "neutral", "Russia")),
    # title-case headlines: the verb is read as a verb, not as part of a name
    ("Kerry Warns Russia of Consequences Over Crimea", ("Warns", "emotive", "Kerry")),
    ("Putin Denies Russian Troops Are in Ukraine", ("Denies", "denial", "Putin")),
]


@pytest.mark.parametrize(("text", "expected"), FOUND, ids=[c[0][:45] for c in FOUND])
def test_cue_class_is_found(text: str, expected: tuple[str, str, str | None]) -> None:
    assert expected in cues(text)


SPEAKERS = [
    # a person in apposition inside a role phrase speaks, not the office or the country
    (
        "The head of Ukraine's security service, Valentyn Nalyvaichenko, said a spy was held.",
        "Valentyn Nalyvaichenko",
    ),
    (
        "NATO's Supreme Allied Commander, Gen. Philip Breedlove, said troops were massing.",
        "Philip Breedlove",
    ),
    # of joint speakers, the one named outright
    (
        "U.S. congressional lawmakers, and even President Barack Obama himself, have questioned"
        " whether new sanctions will have an impact.",
        "Barack Obama",
    ),
    # a person the model missed: a known first name and a surname
    ("Petro Poroshenko vowed to continue the operation.", "Petro Poroshenko"),
    ('"This vote is a clear message," Samantha Power told the Security Council.', "Samantha Power"),
    # a later description by country and a shortened or general title ("the Russian leader")
    (
        "Russian President Vladimir Putin met Didier Burkhalter on Wednesday. The Russian"
        " leader told reporters that the referendum should be postponed.",
        "Vladimir Putin",
    ),
    # a surname the tagger took for a common noun at the start of a sentence
    (
        "Viktor Yanukovych spoke on Friday. Yanukovych, speaking at a news conference in"
        " Rostov-on-Don, said he would return.",
        "Viktor Yanukovych",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), SPEAKERS, ids=[c[0][:45] for c in SPEAKERS])
def test_speaker_class(text: str, speaker: str) -> None:
    said = [
        m
        for m in analyze(text).markers_of("attribution")
        if m.text in ("said", "questioned", "vowed", "told")
    ]
    assert said and said[-1].actor == speaker


NO_CUE = [
    # "to blame" after "be" is responsibility, not a speech act
    ("Vladimir Putin said the Ukrainian authorities were to blame.", "blame"),
    # the sourcing formula of anonymity
    ("The talks had stalled, said a senior official who asked not to be named.", "asked"),
    # a noun naming the speech of the verb it hangs on is no second cue
    (
        "The White House said in a statement that the sanctions would take effect on Friday.",
        "statement",
    ),
    ("Ukraine has accused Russia of sending troops, an accusation Moscow denies.", "accusation"),
    # verbs of continuing and light verbs without speech
    ("Russian forces continued shelling the town.", "continued"),
    ("The storm made it clear.", "made it clear"),
    ("Barack Obama put it on the table.", "put it"),
    # negated speech nouns: nothing was said
    ("There was no immediate comment from the Kremlin.", "comment"),
    # a political decision is no speech noun
    ("The protests were sparked by the president's rejection of a trade treaty.", "rejection"),
]


@pytest.mark.parametrize(("text", "word"), NO_CUE, ids=[c[0][:45] for c in NO_CUE])
def test_not_a_cue(text: str, word: str) -> None:
    assert word not in [m.text for m in analyze(text).markers_of("attribution")]


def test_quote_introduced_by_a_speech_noun_gives_first_person_cues_their_speaker() -> None:
    text = (
        "President Viktor Yanukovych's statement: \"Dear compatriots! I declare that I initiate"
        " early presidential elections."
    )
    result = analyze(text)
    quote = result.markers_of("quote")[0]
    assert quote.actor == "Viktor Yanukovych"
    declare = next(m for m in result.markers_of("attribution") if m.text == "declare")
    assert declare.actor == "Viktor Yanukovych"


def test_title_case_headline_keeps_the_text_as_written() -> None:
    # the headline is parsed in sentence case; every span still shows the article's own text
    text = "Kerry Warns Russia Of Consequences And He Says So\nJohn Kerry spoke."
    result = analyze(text)
    for m in (*result.markers, *result.mentions):
        assert text[m.start : m.end] == m.text
    warns = next(m for m in result.markers_of("attribution") if m.text == "Warns")
    assert warns.speaker == "Kerry"


SENSES_FOUND = [
    # a complement clause without "that" whose subject the parser took for the object
    (
        "Sergei Lavrov agreed the talks held in Geneva needed to continue.",
        ("agreed", "neutral", "Sergei Lavrov"),
    ),
    # … with a participle before a passive infinitive: "needed to be signed" is finite
    ("The ministers agreed the deal needed to be signed quickly.", ("agreed", "neutral", None)),
    # in reply to a question put to the subject, a verb of many senses is speech
    (
        "Asked about the sanctions, Angela Merkel defended the decision.",
        ("defended", "distancing", "Angela Merkel"),
    ),
    # a first-person performative inside a quotation is the quoted speaker's speech act
    (
        '"I declare a state of emergency in the region," Petro Poroshenko said.',
        ("declare", "neutral", "Petro Poroshenko"),
    ),
    # a person pronoun in the simple past inside a quotation speaks
    (
        '"We warned them again and again," Sergei Lavrov said.',
        ("warned", "emotive", "Sergei Lavrov"),
    ),
    # bodies and documents speak
    ("The accord calls for an immediate ceasefire.", ("calls for", "neutral", None)),
    ("The interim government has blamed Moscow for the unrest.", ("blamed", "emotive", None)),
    ("A poll showed that most voters backed the government.", ("showed", "endorsing", None)),
    # a speaking kind of people
    ("The rebels claimed responsibility for the attack.", ("claimed", "distancing", None)),
    # an implicative adjective: the speech took place, the copula's subject spoke
    (
        "European Union leaders were quick to condemn the attack.",
        ("condemn", "emotive", "European Union"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), SENSES_FOUND, ids=[c[0][:45] for c in SENSES_FOUND])
def test_speech_sense_class_is_found(text: str, expected: tuple[str, str, str | None]) -> None:
    assert expected in cues(text)


SENSES_NO_CUE = [
    # a non-implicative adjective: the speech has not happened
    ("Moscow was ready to deny the report.", "deny"),
    # an implicative adjective whose copula does not assert a past event: willing, not said
    ("Officials were not able to confirm the report.", "confirm"),
    ("The minister would be happy to comment on the plan.", "comment"),
    ("The senator is happy to discuss the deal.", "discuss"),
    ("The mayor was not quick to condemn the attack.", "condemn"),
    # objects with a participle or a relative clause of their own stay objects
    ("They found the money hidden in a safe.", "found"),
    ("The rebels agreed a deal reached in Minsk.", "agreed"),
    ("The army held the town it captured last week.", "held"),
    # inside a quotation: a wish, a future, and a verb of finding in its other sense
    ('"I\'d like to request a meeting," the minister said.', "request"),
    ('"We will ask for more time," the minister said.', "ask"),
    ('"We found the bodies near the road," the officer said.', "found"),
]


@pytest.mark.parametrize(("text", "word"), SENSES_NO_CUE, ids=[c[0][:45] for c in SENSES_NO_CUE])
def test_speech_sense_class_is_not_a_cue(text: str, word: str) -> None:
    assert word not in [m.text for m in analyze(text).markers_of("attribution")]


def test_a_quotation_whose_paragraph_breaks_were_lost_keeps_its_speaker() -> None:
    # each paragraph of a long quotation reopens it; run together, the marks still pair so
    # that every paragraph is inside the quotation and the first-person cues are the speaker's
    text = (
        'Petro Poroshenko\'s statement: "Dear citizens! "We demand that the fighting stop at'
        ' once. "I call on our partners to help us."'
    )
    result = analyze(text)
    quotes = result.markers_of("quote")
    assert len(quotes) == 3
    assert {q.actor for q in quotes} == {"Petro Poroshenko"}
    actors = {m.text: m.actor for m in result.markers_of("attribution")}
    assert actors["demand"] == "Petro Poroshenko"
    assert actors["call on"] == "Petro Poroshenko"
