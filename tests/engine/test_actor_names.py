"""Actor names from real news text (issue 10): heading fragments, possessive organisations,
and the types the text itself gives."""

from __future__ import annotations

import pytest

from analysis import analyze


def actors(text: str) -> dict[str, str]:
    return {a.name: a.type for a in analyze(text).actors}


@pytest.mark.parametrize(
    "text",
    [
        "Will Obama hit ISIS in Syria? President Barack Obama said he would act.",
        "Neither Obama nor his NATO counterparts want a war, Barack Obama said.",
        "Warning Putin. Russian President Vladimir Putin spoke on Friday.",
    ],
)
def test_caption_and_heading_words_are_not_part_of_a_name(text: str) -> None:
    names = actors(text)
    people = [n for n, t in names.items() if t == "PERSON"]
    assert len(people) == 1
    assert not any(n.split()[0] in ("Will", "Neither", "Warning") for n in names)


@pytest.mark.parametrize(
    ("text", "org", "person"),
    [
        (
            "Putin's Finance Ministry said the ruble would recover. "
            "Russian President Vladimir Putin spoke.",
            "Finance Ministry (Russia)",
            "Vladimir Putin",
        ),
        (
            "Yanukovych's Party of Regions lost the vote. Ukrainian President Viktor Yanukovych "
            "left.",
            "Party of Regions (Ukraine)",
            "Viktor Yanukovych",
        ),
    ],
)
def test_a_possessive_name_before_an_organisation_owns_it(text: str, org: str, person: str) -> None:
    result = analyze(text)
    names = {a.name: a for a in result.actors}
    assert names[org].type == "ORG"
    assert names[person].mentions == 2  # the possessor is still a mention of the person
    assert not any("'s" in n for n in names)


def test_two_countries_ministries_stay_apart_and_a_bare_one_joins_the_last() -> None:
    result = analyze(
        "Russia's Foreign Ministry said no. Ukraine's Foreign Ministry said yes. "
        "The Foreign Ministry added that talks would go on."
    )
    names = {a.name: a.mentions for a in result.actors}
    assert names["Foreign Ministry (Russia)"] == 1
    assert names["Foreign Ministry (Ukraine)"] == 2


def test_a_name_with_a_possessive_inside_stays_whole() -> None:
    assert "Luhansk People's Republic" in actors(
        "The self-proclaimed Luhansk People's Republic said the vote was held."
    )


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Russian gas giant Gazprom raised prices.", "Gazprom", "ORG"),
        ("Gazprom, the state gas company, cut supplies.", "Gazprom", "ORG"),
        ("He posted the video on Twitter, the social network.", "Twitter", "ORG"),
        ("She wrote on VKontakte, the Russian social media site.", "VKontakte", "ORG"),
    ],
)
def test_the_type_the_text_gives_wins(text: str, name: str, kind: str) -> None:
    assert actors(text)[name] == kind


@pytest.mark.parametrize(
    "text",
    [
        "Protesters gathered on the Maidan, the central square.",
        "Thousands rallied on Independence Square on Sunday.",
    ],
)
def test_a_square_is_a_place_not_an_actor(text: str) -> None:
    assert not [n for n in actors(text) if "Maidan" in n or "Square" in n]


def test_a_volunteer_named_by_the_text_is_a_person() -> None:
    result = analyze(
        "A volunteer, Olesya Zhukovska, was shot in the neck. She wrote that she was dying."
    )
    assert actors(result.text)["Olesya Zhukovska"] == "PERSON"
    wrote = [m for m in result.markers_of("attribution") if m.text == "wrote"]
    assert [m.actor for m in wrote] == ["Olesya Zhukovska"]
