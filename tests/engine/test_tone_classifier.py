"""The tone estimator on a small hand-made set: target-dependence, evidence, estimator contract."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone

from analysis.engine.tone import TONES, ToneClassifier, score_targets, target_features
from tests.engine.tone_data import examples

SENTENCE = "Russia praised Ukraine's restraint while condemning NATO."
SPANS = {"Russia": (0, 6), "Ukraine": (15, 22), "NATO": (52, 56)}


@pytest.fixture(scope="module")
def fitted() -> ToneClassifier:
    xs, ys = examples()
    return ToneClassifier(C=1.0, lemmas=True).fit(xs, ys)


def test_one_sentence_gives_its_targets_different_tones(fitted: ToneClassifier) -> None:
    results = score_targets(SENTENCE, list(SPANS.values()), model=fitted)
    tones = {name: r.tone for name, r in zip(SPANS, results, strict=True)}
    assert tones == {"Russia": "neutral", "Ukraine": "positive", "NATO": "negative"}


def test_evidence_names_the_deciding_words_with_sensible_signs(fitted: ToneClassifier) -> None:
    ukraine, nato = score_targets(SENTENCE, [SPANS["Ukraine"], SPANS["NATO"]], model=fitted)
    towards_positive = dict(ukraine.evidence)
    towards_negative = dict(nato.evidence)
    # A weight is a push towards the predicted tone: "praised" pushes Ukraine to positive,
    # "condemning" pushes NATO to negative.
    assert towards_positive["praised"] > 0
    assert towards_negative["condemning"] > 0
    weights = [abs(w) for _, w in ukraine.evidence]
    assert weights == sorted(weights, reverse=True)
    # Evidence offsets point at the words in the sentence; the target itself is never evidence.
    for (word, weight), (start, end, w) in zip(ukraine.evidence, ukraine.spans, strict=True):
        assert w == weight
        assert start < 0 or SENTENCE[start:end] == word
    assert "Ukraine" not in towards_positive


def test_the_mention_is_masked_so_the_name_does_not_decide(fitted: ToneClassifier) -> None:
    a = fitted.predict_proba([("Mr Smith praised the plan.", 0, 8)])
    b = fitted.predict_proba([("Ms Ngata praised the plan.", 0, 8)])
    assert np.array_equal(a, b)


def test_scores_are_probabilities_and_predict_agrees(fitted: ToneClassifier) -> None:
    xs, _ = examples()
    proba = fitted.predict_proba(xs)
    assert proba.shape == (len(xs), 3)
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert list(fitted.predict(xs)) == [TONES[i] for i in proba.argmax(axis=1)]
    results = fitted.explain(xs[:5])
    for r, row in zip(results, proba[:5], strict=True):
        assert r.tone == TONES[int(row.argmax())]
        assert [r.scores[t] for t in TONES] == pytest.approx(row.tolist())


def test_estimator_contract(fitted: ToneClassifier) -> None:
    xs, ys = examples()
    params = fitted.get_params()
    assert params["C"] == 1.0 and params["lemmas"] is True
    fresh = clone(fitted)
    assert not hasattr(fresh, "coef_")
    assert fresh.fit(xs, ys) is fresh
    assert fresh.coef_.shape == (3, len(fresh.vocabulary_))
    assert list(fresh.classes_) == list(TONES)
    assert np.array_equal(fresh.coef_, fitted.coef_)  # deterministic


def test_training_labels_must_be_the_three_tones() -> None:
    xs, ys = examples()
    with pytest.raises(ValueError, match="missing"):
        ToneClassifier().fit(xs, ["negative" if y == "positive" else y for y in ys])
    with pytest.raises(ValueError, match="unknown"):
        ToneClassifier().fit(xs, ["great" if y == "positive" else y for y in ys])


def test_a_span_that_covers_no_word_is_refused(fitted: ToneClassifier) -> None:
    with pytest.raises(ValueError, match="covers no word"):
        target_features("Ukraine  thanked them.", 7, 8)
    with pytest.raises(ValueError, match="outside the text"):
        score_targets("Short.", [(3, 40)], model=fitted)
    with pytest.raises(ValueError, match="outside the text"):
        score_targets("Short.", [(4, 2)])  # checked before any model is loaded


def test_features_know_where_the_target_is() -> None:
    _, feats = target_features(SENTENCE, *SPANS["NATO"])
    names = {f[0] for f in feats}
    assert "L:condemning" in names  # right before NATO
    assert "LL:praised" in names  # further left
    assert "v-:L" in names  # VADER: a negative word near the mention
    assert "B:condemning_<t>" in names  # bigram with the masked mention
    _, feats = target_features("Ukraine did not praise NATO.", 0, 7)
    names = {f[0] for f in feats}
    assert "R:not_praise" in names and "v-:R" in names  # negation flips the valence
    assert not any(n.endswith(":ukraine") for n in names)
