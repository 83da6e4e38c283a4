"""Whom a loaded or doubt word is about: the actor it characterises, never the place after it."""

from __future__ import annotations

import pytest

from analysis import analyze


def about(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.actor) for m in analyze(text).markers if m.kind in ("loaded", "doubt")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the examples: never Ukraine
        ("Obama condemned renewed aggression against Ukraine.", [("renewed aggression", None)]),
        (
            "Kerry denounced Moscow's blatant aggression in Ukraine.",
            [("blatant", "Russia"), ("aggression", "Russia")],
        ),
        # possessor, modifier, agent, predicate, modified noun, subject of a verb
        ("Russian aggression against Ukraine continued.", [("aggression", "Russian")]),
        ("Ukraine faced brutal attacks by Russian forces.", [("brutal attacks", "Russian")]),
        ("Russia is the aggressor, Poroshenko said.", [("aggressor", "Russia")]),
        ("Putin's moves are reckless.", [("reckless", "Putin")]),
        ("Putin's reckless moves worried Ukraine.", [("reckless moves", "Putin")]),
        # a doubt word: the qualified phrase's actor
        ("The alleged Russian threat worried Poland.", [("alleged", "Russian")]),
        ("Ukraine said the so-called referendum in Crimea was illegal.", [("so-called", None)]),
    ],
)
def test_the_actor_characterised(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert about(text) == expected
