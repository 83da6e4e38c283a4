"""Titles from a pasted article's first line."""

from __future__ import annotations

import pytest

from analysis.library.headline import headline_from_text


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "NATO strengthens eastern flank\n\nBrussels — NATO said on Wednesday…",
            "NATO strengthens eastern flank",
        ),
        (
            "  Belarus drills: what we know  \nMinsk said the drills were defensive.",
            "Belarus drills: what we know",
        ),
        ("2022 in review\nA year of war.", "2022 in review"),
        ('Kremlin mocks "invasion" reports?\nZakharova said…', 'Kremlin mocks "invasion" reports?'),
        ("Lukashenko claimed on Thursday that the drills were purely defensive.\nMore text.", None),
        ("One paragraph only, no headline at all", None),
        ("by Jane Doe,\nText follows.", None),
        ("Headline\nText", None),  # one word
        ("lowercase start of a line\nText follows.", None),
        ("A very long first line " + "with many words " * 10 + "\nText.", None),
        ("", None),
    ],
)
def test_headline_from_text(text: str, title: str | None) -> None:
    assert headline_from_text(text) == title
