"""The seed article's reading, held by a hand-written golden file (issue #2)."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from analysis import ArticleAnalysis, analyze

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = json.loads((ROOT / "tests/golden/nato-eastern-flank.expected.json").read_text())


@pytest.fixture(scope="module")
def seed() -> ArticleAnalysis:
    return analyze((ROOT / GOLDEN["file"]).read_text(encoding="utf-8"))


def test_one_actor_per_entity(seed: ArticleAnalysis) -> None:
    names = [a.name for a in seed.actors]
    for name in GOLDEN["actors_exactly_once"]:
        assert names.count(name) == 1, f"{name} should be exactly one actor, got {names}"
        surname = name.split()[-1]
        # No second actor under a short form of the same name (spaCy tags one "Stoltenberg" ORG).
        assert [n for n in names if surname in n] == [name]


def test_attribution_stances_per_actor(seed: ArticleAnalysis) -> None:
    got: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for m in seed.markers_of("attribution"):
        if m.actor:
            got[m.actor][m.category].append(m.text)
    for actor, stances in GOLDEN["attributions"].items():
        for stance, cues in stances.items():
            assert sorted(got[actor][stance]) == sorted(cues), (actor, stance, dict(got[actor]))
        profile = seed.actor(actor)
        assert profile is not None
        for stance, cues in stances.items():
            assert profile.stance_counts[stance] == len(cues)


def test_scare_quotes(seed: ArticleAnalysis) -> None:
    scare = [m.text for m in seed.markers_of("scare_quote")]
    for term in GOLDEN["scare_quotes_include"]:
        assert term in scare
    for term in GOLDEN["not_scare_quotes"]:
        assert all(term not in s for s in scare)
    quotes = seed.markers_of("quote")
    assert len(quotes) == GOLDEN["direct_quotes"]
    # The full quoted statements are never scare quotes.
    for q in quotes:
        assert not any(q.start <= s.start < q.end for s in seed.markers_of("scare_quote"))


def test_doubt_markers(seed: ArticleAnalysis) -> None:
    lines = seed.text.split("\n")
    starts = [sum(len(x) + 1 for x in lines[: d["line"] - 1]) for d in GOLDEN["doubt_markers"]]
    doubt = seed.markers_of("doubt")
    for d, line_start in zip(GOLDEN["doubt_markers"], starts, strict=True):
        line_end = line_start + len(lines[d["line"] - 1])
        assert any(m.text == d["text"] and line_start <= m.start < line_end for m in doubt)
    # The verb "he alleged that" is an attribution, not a doubt marker.
    assert len([m for m in doubt if m.text == "alleged"]) == 2


def test_every_marker_is_evidence(seed: ArticleAnalysis) -> None:
    for m in seed.markers:
        assert seed.text[m.start : m.end] == m.text
        assert m.explanation and m.source
        assert m.actor is None or seed.actor(m.actor) is not None
