"""Actor finding and alias merging on short texts (see also test_rules_handbuilt)."""

from __future__ import annotations

import pytest

from analysis import analyze


def names(text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {a.name: (a.type, a.aliases) for a in analyze(text).actors}


def test_titles_are_stripped_and_surnames_merge() -> None:
    got = names(
        "Russia's Foreign Ministry Spokesperson Maria Zakharova spoke on Monday. "
        "Zakharova said the reports were false."
    )
    assert got["Maria Zakharova"] == ("PERSON", ("Zakharova",))


def test_plural_demonym_joins_the_named_country() -> None:
    got = names("Russia moved troops. Russians watched the parade while Russian officials spoke.")
    assert got["Russia"][0] == "GPE"
    assert set(got["Russia"][1]) >= {"Russians", "Russian"}
    assert "Russians" not in got


def test_place_prefixed_organisation_is_one_actor() -> None:
    got = names(
        "The US State Department said the talks failed. The State Department added that "
        "sanctions were ready."
    )
    orgs = [n for n in got if "State Department" in n]
    assert len(orgs) == 1


def test_name_particles_stay_in_the_surname() -> None:
    got = names("French Foreign Minister Jean-Yves Le Drian said the withdrawal was unverified.")
    assert "Jean-Yves Le Drian" in got


def test_surname_tagged_apart_after_particles_joins_the_name() -> None:
    # the model tags "Ursula von der" PERSON and "Leyen" GPE
    got = names("Ursula von der Leyen said that the fund had been spent.")
    assert list(got) == ["Ursula von der Leyen"]


@pytest.mark.parametrize("dateline", ["BRUSSELS, Feb 16 (Wire) - ", "KYIV, March 2 - "])
def test_dateline_places_are_not_actors(dateline: str) -> None:
    got = names(dateline + "NATO ministers met on Wednesday and Jens Stoltenberg said talks go on.")
    assert "BRUSSELS" not in got and "KYIV" not in got
    assert "Jens Stoltenberg" in got


def test_pronoun_goes_to_the_last_person_in_subject_position() -> None:
    result = analyze("Antony Blinken met Sergei Lavrov in Geneva. He said the talks were useful.")
    said = result.markers_of("attribution")
    assert [(m.text, m.actor) for m in said] == [("said", "Antony Blinken")]


def test_pronoun_skips_a_person_of_the_other_gender() -> None:
    result = analyze(
        "Maria Zakharova spoke after Antony Blinken met reporters in Geneva. "
        "She said the meeting changed nothing."
    )
    said = [(m.text, m.actor) for m in result.markers_of("attribution") if m.text == "said"]
    assert said == [("said", "Maria Zakharova")]


def test_plural_and_singular_group_names_are_one_actor() -> None:
    got = names(
        "Republican senators dismissed the plan. Republicans said it was too weak, "
        "and one Republican called it tepid."
    )
    assert "Republicans" not in got
    assert got["Republican"][0] == "NORP"
    assert "Republicans" in got["Republican"][1]


def test_editorial_brackets_are_not_part_of_the_name() -> None:
    text = (
        '"It was a mean trick by [Ukrainian President Viktor] Yanukovych," Oleksandr Lutsyk said.'
    )
    result = analyze(text)
    assert "Viktor Yanukovych" in [a.name for a in result.actors]
    assert all(text[m.start : m.end] == m.text for m in result.mentions)


@pytest.mark.parametrize(
    ("text", "not_a_person"),
    [
        # the model tags these one-word places as people
        ("Heavy fighting continued in Avdiivka on Monday, officials said.", "Avdiivka"),
        ("Protesters gathered on the Maidan again. Crowds filled the Maidan by noon.", "Maidan"),
    ],
)
def test_one_word_places_tagged_as_people_are_dropped(text: str, not_a_person: str) -> None:
    got = names(text)
    assert got.get(not_a_person, ("none",))[0] != "PERSON"


def test_a_surname_after_a_preposition_is_still_a_person() -> None:
    text = "Vladimir Putin met the envoy. Pressure on Putin grew in Moscow."
    assert names(text)["Vladimir Putin"][0] == "PERSON"
    assert [m.text for m in analyze(text).mentions if m.actor == "Vladimir Putin"] == [
        "Vladimir Putin",
        "Putin",
    ]


def test_a_lone_surname_seen_once_in_a_place_like_spot_is_still_a_person() -> None:
    text = (
        "The Obama administration announced sanctions. Obama said they would bite. "
        "Obama added that Europe agreed. Pressure on Obama grew."
    )
    assert names(text)["Obama"][0] == "PERSON"


def test_a_name_opening_with_a_known_first_name_is_a_person() -> None:
    # the model tags "Olaf Scholz" ORG here
    assert names("Olaf Scholz spoke in Berlin.")["Olaf Scholz"][0] == "PERSON"


def test_bylines_and_credit_lines_name_no_actors() -> None:
    text = (
        "By Pavel Polityuk and Tom Balmforth\n\n"
        "Olga Rudenko, Charles McPhedran and Jabeen Bhatti\n\n"
        "KYIV (Reuters) - Ukraine said on Monday that the city had been shelled overnight.\n\n"
        "By Monday evening, Oleh Synehubov said, two more people had died.\n\n"
        "(Reporting by Pavel Polityuk; Writing by Tom Balmforth; Editing by Alex Richardson)"
    )
    got = names(text)
    assert "Pavel Polityuk" not in got
    assert "Tom Balmforth" not in got
    assert "Alex Richardson" not in got
    assert not {"Olga Rudenko", "Charles McPhedran", "Jabeen Bhatti"} & set(got)
    # a sentence that opens with "By" is no byline
    assert got["Oleh Synehubov"][0] == "PERSON"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Vladimir Putin spoke. Western leaders have piled pressure on Putin.",
            "Vladimir Putin",
            "PERSON",
        ),
        ("Christian Lindner spoke in Berlin. Christian groups protested.", "Christian", "NORP"),
        (
            "Experts at George Washington University disagreed.",
            "George Washington University",
            "ORG",
        ),
        ("By the numbers: Russia's economy under sanctions", "Russia", "GPE"),
    ],
)
def test_name_rules_leave_ordinary_cases_alone(text: str, name: str, kind: str) -> None:
    assert names(text)[name][0] == kind


def test_a_first_name_used_as_a_modifier_is_not_the_person() -> None:
    text = "Marine Le Pen spoke in Paris. A Marine veteran protested."
    result = analyze(text)
    assert [m.text for m in result.mentions if m.actor == "Marine Le Pen"] == ["Marine Le Pen"]
