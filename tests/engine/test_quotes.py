"""Quote pairing and the quote / scare quote / partial quote / title distinction."""

from __future__ import annotations

import pytest

from analysis import analyze
from analysis.engine.quote_marks import pair_quotes


@pytest.mark.parametrize(
    ("text", "inners"),
    [
        ('He said "yes" and "no".', ["yes", "no"]),
        ("She wrote “a new normal” today.", ["a new normal"]),
        ("Les «réformes» continuent.", ["réformes"]),
        ("I’d say ‘fine’ to that, wouldn’t you?", ["fine"]),  # apostrophes are not quote marks
        (
            '"Open quote runs to the end of the paragraph\nNext paragraph.',
            ["Open quote runs to the end of the paragraph"],
        ),
    ],
)
def test_pairing(text: str, inners: list[str]) -> None:
    spans, _ = pair_quotes(text)
    assert [text[s.inner_start : s.inner_end] for s in spans] == inners


def test_unbalanced_marks_are_counted_and_warned() -> None:
    _, unbalanced = pair_quotes('One "two three.\nFour" five.')
    assert unbalanced == 2
    result = analyze('Joe Biden said "we are ready.\nNATO agreed.')
    assert any("Quote marks do not pair up" in w for w in result.warnings)


def kinds(text: str) -> list[tuple[str, str, str]]:
    r = analyze(text)
    return [(m.kind, m.category, m.text) for m in r.markers if m.kind in ("quote", "scare_quote")]


def test_scare_quote_after_doubt_word() -> None:
    got = kinds('Moscow dismissed the so-called "evidence" as fake.')
    assert ("scare_quote", "scare", "evidence") in got


def test_partial_quote_has_the_speaker() -> None:
    r = analyze('Antony Blinken said there was no "meaningful pullback" of troops.')
    sq = r.markers_of("scare_quote")
    assert [(m.category, m.text, m.actor) for m in sq] == [
        ("partial_quote", "meaningful pullback", "Antony Blinken")
    ]


@pytest.mark.parametrize(
    "text",
    [
        'Antony Blinken told ABC\'s "Good Morning America" that talks continue.',
        # the sentence's period inside the closing mark, American style
        '"We have to be deliberate," Antony Blinken said on CNN\'s "State of the Union."',
        'Bob Corker spoke on "Face the Nation."',
    ],
)
def test_titles_are_not_scare_quotes(text: str) -> None:
    assert [k for k in kinds(text) if k[0] == "scare_quote"] == []
    assert not [k for k in kinds(text) if "America" in k[2] or "Union" in k[2] or "Nation" in k[2]]


def test_full_statements_are_quotes_with_speakers() -> None:
    r = analyze('"We will defend every inch of allied territory," Jens Stoltenberg said.')
    assert [(m.kind, m.actor) for m in r.markers_of("quote")] == [("quote", "Jens Stoltenberg")]
    assert r.markers_of("scare_quote") == []


def test_quote_spanning_sentences_is_one_quote() -> None:
    text = '"We see no pullback. We see more troops. This is worrying," Antony Blinken said.'
    quotes = analyze(text).markers_of("quote")
    assert len(quotes) == 1
    assert quotes[0].text.startswith('"We see') and quotes[0].text.endswith('worrying,"')


def test_quote_running_over_paragraphs_keeps_its_speaker() -> None:
    text = (
        'Jens Stoltenberg told reporters: "We see no pullback of troops.\n\n'
        '"We see more forces arriving every day, and we remain ready to act."'
    )
    quotes = analyze(text).markers_of("quote")
    assert [q.actor for q in quotes] == ["Jens Stoltenberg", "Jens Stoltenberg"]


def test_first_person_cue_inside_a_quote_belongs_to_the_quoted_speaker() -> None:
    text = '"I declare that elections will be held early," Viktor Yanukovych said.'
    cues = [(m.text, m.actor) for m in analyze(text).markers_of("attribution")]
    assert ("declare", "Viktor Yanukovych") in cues
    assert ("said", "Viktor Yanukovych") in cues


def test_second_quote_after_a_short_attribution_keeps_the_speaker() -> None:
    text = (
        "Olaf Scholz spoke in Berlin.\n\n"
        '"We will not be blackmailed," he said. "Germany stands with Ukraine."'
    )
    quotes = analyze(text).markers_of("quote")
    assert [(q.text, q.actor) for q in quotes] == [
        ('"We will not be blackmailed,"', "Olaf Scholz"),
        ('"Germany stands with Ukraine."', "Olaf Scholz"),
    ]


def test_quote_in_a_new_paragraph_without_attribution_has_no_speaker() -> None:
    text = '"We will not be blackmailed," Olaf Scholz said.\n\n"It is a new era."'
    assert [q.actor for q in analyze(text).markers_of("quote")] == ["Olaf Scholz", None]


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("Boris Johnson described the move as 'a huge mistake'.", ["a huge mistake"]),
        ("Russia's 'special military operation' goes on", ["special military operation"]),
        ("'We will not back down,' said Liz Truss.", ["We will not back down,"]),
        # apostrophes are not quote marks
        ("It's Johnson's plan, and the soldiers' pay fell in the '90s.", []),
    ],
)
def test_typewriter_single_quotes(text: str, inner: list[str]) -> None:
    spans, unbalanced = pair_quotes(text)
    assert [text[q.inner_start : q.inner_end] for q in spans] == inner
    assert unbalanced == 0


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        (
            "'The teachers' union is wrong about this,' Johnson said.",
            ["The teachers' union is wrong about this,"],
        ),
        ("We will get 'em soon. The officers' report was late.", []),
        ("He loved rock 'n' roll.", []),
        ("The 'peace talks' are a sham.", ["peace talks"]),
        (
            "'He called it \"nonsense\" and walked out,' she said.",
            ['He called it "nonsense" and walked out,', "nonsense"],
        ),
    ],
)
def test_typewriter_single_quotes_hard_cases(text: str, inner: list[str]) -> None:
    spans, _ = pair_quotes(text)
    assert [text[q.inner_start : q.inner_end] for q in spans] == inner


@pytest.mark.parametrize(
    "text",
    [
        '"It was a disaster," said John Smith. Mary Jones, however, was not convinced. '
        '"We are fine."',
        '"We will win," Joe Biden said. Donald Trump disagreed. "No way."',
    ],
)
def test_second_quote_is_not_given_across_another_person(text: str) -> None:
    assert analyze(text).markers_of("quote")[-1].actor is None


def test_a_short_title_case_statement_is_still_a_quote() -> None:
    r = analyze('"Glory to Ukraine," Volodymyr Zelensky said on Monday.')
    assert [(m.kind, m.actor) for m in r.markers_of("quote")] == [("quote", "Volodymyr Zelensky")]


@pytest.mark.parametrize(
    "text",
    [
        'John Kerry said on NBC\'s "Meet the Press," that the talks would go on.',
        "John Kerry said on NBC's 'Meet the Press,' that the talks would go on.",
        "John Kerry said on NBC’s “Meet the Press,” that the talks would go on.",
        'Sergei Lavrov told "Russia Today": the West is to blame.',
    ],
)
def test_titles_with_the_sentences_punctuation_inside_the_marks_are_titles(text: str) -> None:
    assert [k for k in kinds(text) if k[0] == "scare_quote"] == []


@pytest.mark.parametrize(
    ("text", "term", "speaker"),
    [
        # the word of a direct quotation just before
        (
            '"We are fighting terrorists," Ukrainian officials said. '
            'The army moved against the "terrorists."',
            "terrorists.",
            "Ukrainian",
        ),
        # the word of a speaker's reported speech just before
        (
            "Russia calls the new government in Kiev fascist. "
            'Moscow says the "fascist" leaders must go.',
            "fascist",
            "Russia",
        ),
        # a naming verb in the same sentence
        ('Ukrainian officials described the rebels as "terrorists."', "terrorists.", "Ukrainian"),
    ],
)
def test_a_quoted_word_that_repeats_a_speaker_is_their_partial_quote(
    text: str, term: str, speaker: str
) -> None:
    got = [(m.text, m.category, m.actor) for m in analyze(text).markers_of("scare_quote")]
    assert got == [(term, "partial_quote", speaker)]


def test_a_quoted_word_nobody_said_stays_the_outlets_scare_quote() -> None:
    got = analyze('Officials met on Monday. The "referendum" was held on Sunday.')
    assert [(m.text, m.category) for m in got.markers_of("scare_quote")] == [
        ("referendum", "scare")
    ]


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        # paragraphs of one quotation run together: each reopens, only the last closes
        (
            'Her statement: "Dear friends! "We are ready. "We will win."',
            ["Dear friends!", "We are ready.", "We will win."],
        ),
        # a closing mark after a finished sentence is still a closing mark
        ('"We are ready." The talks began. "We will win."', ["We are ready.", "We will win."]),
        # a mark after a space that opens no new sentence closes the quote as before
        ('He said "no more. " and left.', ["no more. "]),
    ],
)
def test_straight_quotes_reopened_per_paragraph(text: str, inner: list[str]) -> None:
    spans, _ = pair_quotes(text)
    assert [text[q.inner_start : q.inner_end] for q in spans] == inner
