"""Name variants share one key (for merging in an article now, across a corpus later)."""

from __future__ import annotations

import pytest

from analysis import analyze
from analysis.engine import name_key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Vladimir V. Putin", "Vladimir Putin"),
        ("John F. Kerry", "John Kerry"),
        ("Petro O. Poroshenko", "Petro Poroshenko"),
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Viktor Yanukovych", "Viktor Yanukovich"),
        ("Victor Yanukovych", "Viktor Yanukovych"),
        ("Oleksandr Turchynov", "Oleksandr Turchinov"),
        ("Serhiy Lyovochkin", "Sergei Lyovochkin"),
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky"),
        ("Yulia Tymoshenko", "Yuliya Tymoshenko"),
        ("Arseniy Yatsenyuk", "Arseny Yatsenyuk"),
        ("Yanukovych", "Yanukovich"),
    ],
)
def test_variants_of_one_name_share_a_key(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Bill Clinton", "Hillary Clinton"),
        ("John Kerry", "John Kelly"),
        ("Vladimir Putin", "Vladimir Klitschko"),
        ("Mary Smith", "Marie Smith"),
    ],
)
def test_different_names_keep_different_keys(one: str, other: str) -> None:
    assert name_key(one) != name_key(other)


def names(text: str) -> dict[str, tuple[str, ...]]:
    return {a.name: a.aliases for a in analyze(text).actors if a.type == "PERSON"}


@pytest.mark.parametrize(
    ("text", "name", "aliases"),
    [
        (
            "Vladimir V. Putin met the envoy. Vladimir Putin said it was useful. Putin left.",
            "Vladimir Putin",
            {"Vladimir V. Putin", "Putin"},
        ),
        (
            "Secretary of State John F. Kerry arrived. John Kerry said talks go on. Kerry left.",
            "John Kerry",
            {"John F. Kerry", "Kerry"},
        ),
        (
            "Sergei Lavrov spoke. Sergey Lavrov said it was over. Lavrov left.",
            "Sergei Lavrov",
            {"Sergey Lavrov", "Lavrov"},
        ),
        (
            "Viktor Yanukovych fled. Victor Yanukovich said he was still president.",
            "Viktor Yanukovych",
            {"Victor Yanukovich"},
        ),
    ],
)
def test_variants_in_one_article_are_one_person(text: str, name: str, aliases: set[str]) -> None:
    got = names(text)
    assert list(got) == [name]
    assert set(got[name]) == aliases
