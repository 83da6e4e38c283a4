"""Tone counts in the library's count tables and in comparisons (SQL and in memory agree)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd

from analysis import analyze
from analysis.compare import Comparison, Entry
from analysis.library.query import ArticleFilter, Selection
from analysis.library.store import Library
from analysis.records import STANCES, TONES, ActorProfile, ArticleAnalysis
from analysis.version import ENGINE_VERSION

ARTICLES = [
    ("Wire", "Critics accused NATO of lying. NATO praised its allies. Russia condemned NATO."),
    ("Wire", "Fans cheered as Russia won. Experts slammed Russia for cheating."),
    ("Courier", "NATO was praised by Russia for its brilliant restraint."),
]


def no_tone(text: str) -> ArticleAnalysis:
    """An analysis as schema 2 stored it: an actor without tone counts."""
    profile = ActorProfile(
        id="nato", name="NATO", type="ORG", aliases=(), mentions=1,
        stance_counts=dict.fromkeys(STANCES, 0), quotes=0, scare_quotes=0, doubt=0, loaded=0,
        sentiment=None,
    )  # fmt: skip
    return ArticleAnalysis(
        text=text, title=None, words=5, engine_version=ENGINE_VERSION, actors=(profile,)
    )


def expected(analyses: list[tuple[str, ArticleAnalysis]]) -> pd.DataFrame:
    rows = [
        (a.name, outlet, *(int(a.tone_counts.get(t, 0)) for t in TONES))
        for outlet, r in analyses
        for a in r.actors
        if a.tone_counts
    ]
    cols = ["actor", "group", *(f"tone_{t}" for t in TONES)]
    frame = pd.DataFrame(rows, columns=cols).groupby(["actor", "group"]).sum().reset_index()
    return frame.sort_values(["actor", "group"]).reset_index(drop=True)


def test_tone_counts_are_stored_and_summed_per_actor_and_outlet(tmp_path: Path) -> None:
    analyses = [(outlet, analyze(text)) for outlet, text in ARTICLES]
    old_text = "NATO met in Brussels today."
    with Library(tmp_path / "lib.sqlite3") as lib:
        for (outlet, text), (_, result) in zip(ARTICLES, analyses, strict=True):
            lib.add(text, outlet=outlet, analysis=result)
        lib.add(old_text, outlet="Courier", analysis=no_tone(old_text))
        selection = Selection(lib, ArticleFilter(), by="outlet")
        got = selection.actor_tones().sort_values(["actor", "group"]).reset_index(drop=True)
        comparison = Comparison(selection)
        grid = comparison.tone_frame(["NATO", "Russia"])
    want = expected(analyses)
    assert want["tone_negative"].sum() > 0 and want["tone_positive"].sum() > 0
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
    nato_wire = grid[(grid["actor"] == "NATO") & (grid["group"] == "Wire")].iloc[0]
    n = nato_wire["tone_negative"] + nato_wire["tone_neutral"] + nato_wire["tone_positive"]
    assert nato_wire["scored"] == n > 0
    net = (nato_wire["tone_positive"] - nato_wire["tone_negative"]) / n
    assert nato_wire["net_tone"] == net
    # The analysis without tone stored NULLs, not zeros: it adds nothing to the tone counts.
    con = sqlite3.connect(tmp_path / "lib.sqlite3")
    nulls = con.execute(
        "SELECT COUNT(*) FROM actor_counts WHERE tone_neutral IS NULL AND mentions = 1"
    ).fetchone()[0]
    con.close()
    assert nulls == 1
    # The same numbers in memory (the command-line path).
    memory = Comparison(
        [Entry.from_analysis(outlet, r) for outlet, r in analyses]
        + [Entry.from_analysis("Courier", no_tone(old_text))]
    )
    pd.testing.assert_frame_equal(memory.tone_frame(["NATO", "Russia"]), grid, check_dtype=False)
    json_nato = next(a for a in memory.to_dict()["actors"] if a["name"] == "NATO")
    assert json_nato["by_group"]["Wire"]["tone_counts"]["negative"] == nato_wire["tone_negative"]
