"""The comparison engine: log-odds maths by hand, pooled shares, bootstrap, outlet map."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from sklearn.base import clone

from analysis import analyze_many
from analysis.compare import Comparison, Entry, LogOddsComparer, compare_analyses
from analysis.present.compare_charts import heatmap_figure
from analysis.present.tone_charts import tone_heatmap_figure
from analysis.records import MARKER_KINDS, STANCES

# ---- the Fightin' Words maths ----------------------------------------------------------------
# Group A: "war war peace"   -> y_A = {war: 2, peace: 1}, n_A = 3
# Group B: "peace peace peace war" -> y_B = {war: 1, peace: 3}, n_B = 4
# Informative prior with scale 1: alpha = corpus counts {war: 3, peace: 4}, alpha0 = 7.
# A vs rest, "war":   l_A = (2+3)/(3+7-2-3) = 5/5 = 1;  l_B = (1+3)/(4+7-1-3) = 4/7
#                     delta = log 1 - log(4/7) = log(7/4) = 0.559616
#                     var = 1/(2+3) + 1/(1+3) = 0.45;  z = 0.559616 / sqrt(0.45) = 0.834226
# A vs rest, "peace": l_A = (1+4)/(3+7-1-4) = 1;  l_B = (3+4)/(4+7-3-4) = 7/4
#                     delta = -log(7/4) = -0.559616; var = 1/5 + 1/7 = 0.342857; z = -0.955726
# Flat prior alpha = 0.5 (alpha0 = 1), A vs rest, "war":
#                     delta = log(2.5/1.5) - log(1.5/3.5) = 1.358123
#                     var = 1/2.5 + 1/1.5 = 1.066667;  z = 1.314997
TEXTS = ["war war peace", "peace peace peace war"]
GROUPS = ["A", "B"]


def test_log_odds_informative_prior_matches_hand_computation() -> None:
    fw = LogOddsComparer(prior_scale=1.0, stop_words=None).fit(TEXTS, GROUPS)
    assert list(fw.terms_) == ["peace", "war"]
    assert list(fw.groups_) == ["A", "B"]
    np.testing.assert_array_equal(fw.counts_, [[1, 2], [3, 1]])
    np.testing.assert_allclose(fw.alpha_, [4, 3])
    np.testing.assert_allclose(fw.delta_[0], [-0.559616, 0.559616], atol=1e-6)
    np.testing.assert_allclose(fw.variance_[0], [0.342857, 0.45], atol=1e-6)
    np.testing.assert_allclose(fw.z_[0], [-0.955726, 0.834226], atol=1e-6)
    # Two groups: B against the rest is A mirrored.
    np.testing.assert_allclose(fw.z_[1], [0.955726, -0.834226], atol=1e-6)


def test_log_odds_flat_prior_matches_hand_computation() -> None:
    fw = LogOddsComparer(alpha=0.5, stop_words=None).fit(TEXTS, GROUPS)
    war = list(fw.terms_).index("war")
    assert fw.delta_[0, war] == pytest.approx(1.358123, abs=1e-6)
    assert fw.z_[0, war] == pytest.approx(1.314997, abs=1e-6)


def test_comparer_is_an_estimator_and_ranks_distinctive_words() -> None:
    fw = LogOddsComparer(min_df=1)
    assert clone(fw).get_params()["min_df"] == 1
    texts = [
        "the regime claimed aggression aggression aggression regime",
        "the regime claimed aggression regime",
        "officials said the talks said talks said",
        "officials said talks",
        "markets rallied oil prices fell",
    ]
    groups = ["hawk", "hawk", "wire", "wire", "markets"]
    fitted = fw.fit(texts, groups)
    assert fitted is fw
    assert fw.counts_.shape == (3, len(fw.terms_))
    assert fw.counts_.sum() == sum(len([w for w in t.split() if w != "the"]) for t in texts)
    top = fw.top_terms("hawk", n=3, min_z=-10)
    assert top[0]["term"] == "aggression"
    assert top[0]["count"] == 4
    assert [t["z"] for t in top] == sorted((t["z"] for t in top), reverse=True)
    assert fw.top_terms("wire", n=10, min_z=-10)[0]["term"] == "said"
    strict = fw.top_terms("wire", n=10, min_z=1.0)
    assert all(t["z"] >= 1.0 for t in strict)
    assert len(strict) < len(fw.top_terms("wire", n=10, min_z=-10))
    assert "the" not in fw.terms_  # English stop words are left out
    with pytest.raises(ValueError, match="two groups"):
        LogOddsComparer().fit(["a text"], ["only"])


# ---- pooled tables on hand-made summaries ---------------------------------------------------
def summary(words: int, actors: dict[str, dict[str, int]], kinds: dict[str, int]) -> dict:
    """A stored-analysis summary with the given stance counts and marker counts."""
    markers = [
        {
            "kind": k,
            "category": "distancing" if k == "attribution" else "x",
            "actor": None,
            "start": 0,
            "end": 1,
            "sentence": 0,
        }
        for k, n in kinds.items()
        for _ in range(n)
    ]
    return {
        "words": words,
        "actors": [
            {"name": name, "type": "PERSON", "mentions": sum(sc.values()) or 1, "stance_counts": sc}
            for name, sc in actors.items()
        ],
        "markers": markers,
    }


@pytest.fixture
def comparison() -> Comparison:
    entries = [
        Entry("Wire", "said said", summary(100, {"Stoltenberg": {"neutral": 2}}, {"quote": 1})),
        Entry(
            "Wire",
            "said told",
            summary(
                300, {"Stoltenberg": {"neutral": 1, "distancing": 1}}, {"quote": 5, "loaded": 3}
            ),
        ),
        Entry(
            "Courier",
            "claimed",
            summary(
                200,
                {"Stoltenberg": {"distancing": 2}, "Peskov": {"neutral": 4}},
                {"attribution": 6},
            ),
        ),
    ]
    return Comparison(entries, n_boot=500, seed=1)


def test_distancing_share_pools_articles_and_flags_thin_cells(comparison: Comparison) -> None:
    t = comparison.actor_table.set_index(["actor", "group"])
    wire = t.loc[("Stoltenberg", "Wire")]
    assert wire["attributions"] == 4
    assert wire["distancing_share"] == pytest.approx(1 / 4)  # not the mean of 0 and 1/2
    assert wire["articles"] == 2
    assert bool(wire["enough"])
    courier = t.loc[("Stoltenberg", "Courier")]
    assert courier["distancing_share"] == 1.0
    assert not bool(courier["enough"])  # 2 attributions < 3
    grid = comparison.heatmap_frame(["Stoltenberg", "Peskov"]).set_index(["actor", "group"])
    assert grid.loc[("Peskov", "Wire"), "attributions"] == 0
    assert math.isnan(grid.loc[("Peskov", "Wire"), "distancing_share"])
    assert comparison.top_actors() == ["Stoltenberg", "Peskov"]


def test_marker_rates_and_bootstrap_intervals(comparison: Comparison) -> None:
    rates = comparison.marker_rates().set_index(["group", "kind"])
    wire_quote = rates.loc[("Wire", "quote")]
    assert wire_quote["rate"] == pytest.approx(1000 * 6 / 400)
    # Resampling the two Wire articles: rates between 10 (article 1) and 16.7 (article 2).
    assert 10 - 1e-9 <= wire_quote["low"] <= wire_quote["rate"] <= wire_quote["high"]
    assert wire_quote["high"] <= 1000 * 5 / 300 + 1e-9
    assert wire_quote["low"] < wire_quote["high"]
    single = rates.loc[("Courier", "attribution")]
    # One article cannot show how an outlet's articles vary: no interval, not a zero-width one.
    assert single["rate"] == pytest.approx(30.0)
    assert math.isnan(single["low"]) and math.isnan(single["high"])
    assert set(rates.index.get_level_values("kind")) == set(MARKER_KINDS)
    again = Comparison(comparison.entries, n_boot=500, seed=1).marker_rates()
    assert again.equals(comparison.marker_rates())  # seeded: reproducible
    assert any("Only one article for Courier" in w for w in comparison.warnings)


def test_single_articles_mode_names_articles_and_does_not_warn(comparison: Comparison) -> None:
    by_article = Comparison(comparison.entries, group_kind="article")
    assert not any("Only one article" in w for w in by_article.warnings)
    figure = heatmap_figure(by_article.heatmap_frame(), 3, {}, by_article.group_kind)
    assert figure.layout.title.text.endswith("by article")
    assert heatmap_figure(comparison.heatmap_frame()).layout.title.text.endswith("by outlet")
    tone = tone_heatmap_figure(by_article.tone_frame(), group_kind=by_article.group_kind)
    assert tone.layout.title.text.endswith("by article")


def test_outlet_map_and_similarity(comparison: Comparison) -> None:
    sim = comparison.similarity()
    assert list(sim.index) == ["Courier", "Wire"]
    np.testing.assert_allclose(np.diag(sim), 1.0)
    np.testing.assert_allclose(sim.to_numpy(), sim.to_numpy().T)
    points, explained = comparison.outlet_map()
    assert list(points["group"]) == ["Courier", "Wire"]
    assert points["articles"].tolist() == [1, 2]
    assert explained[0] == pytest.approx(1.0)  # two points: one axis explains everything
    assert points["x"].iloc[0] == pytest.approx(-points["x"].iloc[1])


# ---- real analyses ----------------------------------------------------------------------------
def test_real_articles_json_shape_and_side_by_side_evidence() -> None:
    hawk = [
        "Peskov claimed the troops were leaving. Peskov insisted Russia threatened nobody. "
        "Peskov alleged that <script>alert(1)</script> was hysteria.",
        "Peskov claimed again that the drills were over.",
    ]
    wire = [
        "Peskov said the troops were leaving. Peskov said Russia threatened nobody.",
        "Peskov told reporters the drills were over.",
    ]
    groups = {"Hawk": analyze_many(hawk), "Wire": analyze_many(wire)}
    comparison = compare_analyses(groups, n_boot=200)
    d = comparison.to_dict()
    json.dumps(d)  # JSON-ready
    assert d["schema"] == "framing-lens/compare/1"
    assert d["groups"] == ["Hawk", "Wire"]
    peskov = next(a for a in d["actors"] if a["name"].endswith("Peskov"))
    hawk_cell, wire_cell = peskov["by_group"]["Hawk"], peskov["by_group"]["Wire"]
    assert set(hawk_cell["stance_counts"]) == set(STANCES)
    assert hawk_cell["distancing_share"] > wire_cell["distancing_share"]
    assert wire_cell["distancing_share"] == 0.0
    assert hawk_cell["articles"] == 2
    assert set(d["distinctive_terms"]) == {"Hawk", "Wire"}
    for terms in d["distinctive_terms"].values():
        assert all(set(t) == {"term", "z", "count"} for t in terms)
    sentences = comparison.actor_sentences(peskov["name"], per_group=3)
    assert set(sentences["group"]) == {"Hawk", "Wire"}
    assert (sentences.groupby("group").size() <= 3).all()
    # The rows are evidence, not HTML: spans of real sentences and the markers in them.
    hawk_rows = sentences[sentences["group"] == "Hawk"]
    assert any("attribution:distancing" in m for m in hawk_rows["markers"])
    assert all(
        "attribution:neutral" in m for m in sentences[sentences["group"] == "Wire"]["markers"]
    )
    for r in sentences.itertuples():
        assert r.text == comparison.source.text(r.article_id)[r.start : r.end]
        assert "Peskov" in r.text
    evidence = comparison.actor_evidence(peskov["name"], per_group=3)
    assert [e.marker_labels for e in evidence] == sentences["markers"].tolist()
    assert all(peskov["name"] in e.names for e in evidence)


def test_known_counts_give_the_same_tables_and_load_summaries_lazily() -> None:
    from analysis.compare.counts import ArticleCounts
    from analysis.compare.source import Entry as LazyEntry

    texts = [
        "Peskov claimed the troops were leaving. Blinken said they were not.",
        "Peskov said the drills were over.",
        "Blinken insisted that the build-up continued.",
    ]
    analyses = analyze_many(texts)
    full = [Entry.from_analysis(g, a) for g, a in zip("ABB", analyses, strict=True)]
    loads: list[int] = []

    def loader(i: int):
        def load() -> dict:
            loads.append(i)
            return dict(full[i].summary)

        return load

    lazy = [
        LazyEntry(e.group, e.text, loader(i), e.title, i, ArticleCounts.of_summary(e.summary))
        for i, e in enumerate(full)
    ]
    eager, compact = Comparison(full, n_boot=100), Comparison(lazy, n_boot=100)
    assert compact.actor_table.equals(eager.actor_table)
    assert compact.marker_rates().equals(eager.marker_rates())
    assert compact.articles_frame.equals(eager.articles_frame)
    assert loads == []  # the tables never needed a full summary
    peskov = next(n for n in compact.top_actors(None) if n.endswith("Peskov"))
    got = compact.actor_sentences(peskov)
    assert got.equals(eager.actor_sentences(peskov))
    assert sorted(loads) == [0, 1]  # only the articles where Peskov has markers


def test_short_person_names_join_the_full_name_across_outlets() -> None:
    from analysis import analyze

    groups = {
        "Wire": [analyze("Vladimir Putin said the troops would leave. Vladimir Putin added more.")],
        "Tabloid": [
            analyze('Putin claimed that the troops would leave. "We are leaving," Putin said.')
        ],
    }
    comparison = compare_analyses(groups, n_boot=50)
    assert comparison.actor_names == {"Putin": "Vladimir Putin"}
    table = comparison.actor_table
    rows = table[table["actor"] == "Vladimir Putin"]
    assert set(rows["group"]) == {"Wire", "Tabloid"}
    assert "Putin" not in set(table["actor"])
    side = comparison.actor_evidence("Vladimir Putin")
    assert {e.group for e in side} == {"Wire", "Tabloid"}
    assert all(set(e.names) == {"Putin", "Vladimir Putin"} for e in side)
    assert {m["actor"] for e in side for m in e.markers} == {"Putin", "Vladimir Putin"}
