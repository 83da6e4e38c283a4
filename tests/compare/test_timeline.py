"""Framing over time: the timeline grouping, the same in memory and from the library's counts,
and the tests of differences through a Comparison and its JSON."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.compare import Comparison, Entry
from analysis.library.query import Selection
from analysis.library.store import Library
from analysis.records import ArticleAnalysis
from tests.library.scored_library import analysis_of as scored_analysis


def analysis_of(text: str, stances: dict[str, tuple[int, int]]) -> ArticleAnalysis:
    """An analysis where each actor has (distancing, neutral) attributions (no tone)."""
    return scored_analysis(text, stances, title=text[:12], tones=False)


# outlet, date, {actor: (distancing, neutral)}
ARTICLES = [
    ("Wire", "2014-08-04", {"Putin": (2, 1)}),  # Monday: week 2014-08-04
    ("Wire", "2014-08-10", {"Putin": (1, 2)}),  # Sunday: same week
    ("Wire", "2014-09-01", {"Putin": (0, 3), "Obama": (0, 1)}),
    ("Courier", "2014-08-11", {"Putin": (3, 0)}),  # the next week
    ("Courier", "2014-09-15", {"Putin": (1, 0)}),
    ("Courier", None, {"Putin": (5, 0)}),  # undated: in no period
]  # fmt: skip


def entries() -> list[Entry]:
    out = []
    for i, (outlet, date, stances) in enumerate(ARTICLES):
        a = analysis_of(f"Article {i} about the war.", stances)
        e = Entry.from_analysis(outlet, a, article_id=i + 1)
        e.date = date
        out.append(e)
    return out


@pytest.fixture
def library_comparison(tmp_path: Path):
    with Library(tmp_path / "lib.sqlite3") as lib:
        for i, (outlet, date, stances) in enumerate(ARTICLES):
            lib.add(f"Article {i} about the war.", outlet=outlet, date=date,
                    analysis=analysis_of(f"Article {i} about the war.", stances))  # fmt: skip
        yield Comparison(Selection(lib))


def rows(frame: pd.DataFrame) -> list[tuple]:
    cols = ["period", "group", "actor", "articles", "attributions"]
    return [tuple(r) for r in frame[cols].itertuples(index=False)]


EXPECTED_MONTH = [  # by actor, group, period
    ("2014-09", "Wire", "Obama", 1, 1),
    ("2014-08", "Courier", "Putin", 1, 3),
    ("2014-09", "Courier", "Putin", 1, 1),
    ("2014-08", "Wire", "Putin", 2, 6),
    ("2014-09", "Wire", "Putin", 1, 3),
]  # fmt: skip


def test_timeline_by_month_pools_the_period_and_leaves_out_undated() -> None:
    frame = Comparison(entries()).timeline("month")
    assert rows(frame) == EXPECTED_MONTH
    wire_aug = frame[(frame["group"] == "Wire") & (frame["period"] == "2014-08")].iloc[0]
    assert wire_aug["distancing_share"] == pytest.approx(3 / 6)
    assert bool(wire_aug["enough"])
    assert not frame.set_index(["period", "group", "actor"]).loc[
        ("2014-09", "Courier", "Putin"), "enough"
    ]


def test_timeline_by_week_starts_on_monday_and_by_date_is_the_date() -> None:
    weeks = Comparison(entries()).timeline("week", actors=["Putin"])
    wire = weeks[weeks["group"] == "Wire"]
    assert wire["period"].tolist() == ["2014-08-04", "2014-09-01"]
    assert wire["attributions"].tolist() == [6, 3]
    days = Comparison(entries()).timeline("date", actors=["Putin"])
    assert days[days["group"] == "Wire"]["period"].tolist() == [
        "2014-08-04", "2014-08-10", "2014-09-01"
    ]  # fmt: skip
    with pytest.raises(ValueError, match="cannot group"):
        Comparison(entries()).timeline("fortnight")


def test_library_timeline_agrees_with_memory(library_comparison: Comparison) -> None:
    assert rows(library_comparison.timeline("month")) == EXPECTED_MONTH
    weeks = library_comparison.timeline("week", actors=["Putin"])
    assert weeks[weeks["group"] == "Wire"]["period"].tolist() == ["2014-08-04", "2014-09-01"]


def test_json_has_timeline_and_differences(library_comparison: Comparison) -> None:
    out = library_comparison.to_dict(over="month")
    assert out["timeline"][1] == {
        "period": "2014-08", "group": "Courier", "actor": "Putin", "articles": 1,
        "attributions": 3, "distancing_share": 1.0, "enough": True,
    }  # fmt: skip
    assert "timeline" not in library_comparison.to_dict()
    # Putin: Courier has 3 articles with attributions (4/4... 1.0), Wire 3 (3/9).
    diffs = out["differences"]
    assert [(d["actor"], d["group_a"], d["group_b"]) for d in diffs] == [
        ("Putin", "Courier", "Wire")
    ]
    d = diffs[0]
    assert d["a"] == 1.0 and d["b"] == pytest.approx(3 / 9, abs=1e-4)
    assert d["effect"] == pytest.approx(1 - 3 / 9, abs=1e-4)
    assert d["ci_low"] <= d["effect"] <= d["ci_high"]
    assert d["articles_a"] == 3 and d["articles_b"] == 3
    assert d["measure"] == "distancing_share"
    # Exact test: of the 20 splits of six articles into three and three, those as extreme as
    # the observed one are few, but six articles cannot reach 5 %.
    assert 0.05 < d["p_value"] == d["p_adjusted"] < 0.5
    assert any("too little data" in w for w in out["warnings"])  # Obama: one article
    memory = Comparison(entries()).to_dict(over="month")
    assert memory["differences"] == diffs
