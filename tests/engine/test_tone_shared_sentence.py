"""The shared-sentence feature path gives each target exactly what ``target_features`` gives."""

from __future__ import annotations

import pytest

from analysis.engine.tone import FeatureSettings, load_tone_model, target_features
from analysis.engine.tone.features import SentenceFeatures

# Several targets per sentence, with quotations, negation, lexicon phrases and possessives.
CASES = [
    (
        "Russia praised Ukraine's restraint while condemning NATO.",
        [(0, 6), (15, 22), (52, 56)],
    ),
    (
        'Merkel said Putin "did not really want peace", but Obama called the regime a puppet.',
        [(0, 6), (12, 17), (51, 56), (68, 74)],
    ),
    (
        "“Yanukovych is a thug,” said Klitschko, who never praised the Kremlin or its allies.",
        [(1, 11), (29, 38), (62, 69), (73, 76)],
    ),
    (
        "The so-called experts claimed, without evidence, that Smith and Jones lied to Congress.",
        [(14, 21), (54, 59), (64, 69), (78, 86)],
    ),
]
SETTINGS = [
    FeatureSettings(),
    FeatureSettings(lemmas=True, prefix=5),
    FeatureSettings(near=2, far=4, bigrams=False, clause=False),
]


@pytest.mark.parametrize("settings", SETTINGS)
@pytest.mark.parametrize(("text", "spans"), CASES)
def test_shared_sentence_features_equal_target_features(
    text: str, spans: list[tuple[int, int]], settings: FeatureSettings
) -> None:
    sentence = SentenceFeatures.of(text, settings)
    # Twice over, so the second round reads the features each word fired for the first.
    for start, end in [*spans, *spans]:
        tokens, feats = target_features(text, start, end, settings)
        assert sentence.tokens == tokens
        assert sentence.features(start, end) == feats


def test_shared_sentence_explanations_equal_one_by_one() -> None:
    model = load_tone_model()
    for text, spans in CASES:
        sentence = model.sentence_features(text)
        shared = [
            model.explain_features((sentence.tokens, sentence.features(a, b))) for a, b in spans
        ]
        alone = [model.explain([(text, a, b)])[0] for a, b in spans]
        assert shared == alone
        assert model.explain([(text, a, b) for a, b in spans]) == alone


def test_shared_sentence_refuses_a_span_without_a_word() -> None:
    sentence = SentenceFeatures.of("Ukraine  thanked them.")
    with pytest.raises(ValueError, match="covers no word"):
        sentence.features(7, 8)
    assert sentence.features(0, 7) == target_features("Ukraine  thanked them.", 0, 7)[1]
