"""The tone features and explanations, held by a golden file recorded before the per-sentence
speed-up (engine 0.7.0 at e671463): a speed-up may not move one feature, weight or score.

The file was written by ``tests/golden/make_tone_features.py`` run on that checkout; it is read
here, never regenerated to make a failure go away (a real change of the features needs
``make model`` and a new engine version, and then a new recording)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.engine.tone import load_tone_model
from analysis.engine.tone.features import FeatureSettings, target_features

GOLDEN = json.loads(
    (Path(__file__).resolve().parents[1] / "golden" / "tone_features.json").read_text("utf-8")
)
SETTINGS = [
    FeatureSettings(),
    FeatureSettings(near=2, far=5, bigrams=False, clause=False),
    FeatureSettings(lemmas=True, prefix=4),
]
TARGETS = GOLDEN["targets"]


@pytest.mark.parametrize("row", TARGETS, ids=lambda r: r["text"][r["start"] : r["end"]])
def test_features_equal_the_recording(row: dict) -> None:
    for settings, expected in zip(SETTINGS, row["features"], strict=True):
        _, feats = target_features(row["text"], row["start"], row["end"], settings)
        assert [[n, v, t] for n, v, t in feats] == expected


def test_explanations_equal_the_recording_one_by_one_and_per_sentence() -> None:
    model = load_tone_model()
    examples = [(r["text"], r["start"], r["end"]) for r in TARGETS]
    batched = model.explain(examples)  # consecutive targets of one sentence share its work
    for row, example, together in zip(TARGETS, examples, batched, strict=True):
        alone = model.explain([example])[0]
        for result in (alone, together):
            assert result.tone == row["tone"]
            assert result.scores == row["scores"]
            assert [list(e) for e in result.evidence] == row["evidence"]
            assert [list(s) for s in result.spans] == row["spans"]
    assert len(TARGETS) >= 20 and len({r["text"] for r in TARGETS}) == 8
