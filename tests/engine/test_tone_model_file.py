"""The tone model as plain data files: round trip, bad folders, the committed model, the env var."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from analysis.engine.tone import (
    DEFAULT_DATA,
    DEFAULT_MODEL_DIR,
    ENV_VAR,
    TONES,
    ToneClassifier,
    ToneModelError,
    lexicon_digest,
    load_model,
    load_tone_model,
    save_model,
    score_targets,
)
from tests.engine.tone_data import examples

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "tone_predictions.json"
RETRAIN_DRIFT = 0.02
"""How far a recorded score may move when the model is retrained after a lexicon edit."""


@pytest.fixture(scope="module")
def fitted() -> ToneClassifier:
    xs, ys = examples()
    return ToneClassifier(C=1.0).fit(xs, ys)


def test_save_and_load_give_identical_probabilities(fitted: ToneClassifier, tmp_path: Path) -> None:
    paths = save_model(fitted, tmp_path / "m", {"metrics": {"note": "hand-made"}})
    assert sorted(p.name for p in paths) == ["coefficients.csv", "model.json"]
    loaded = load_model(tmp_path / "m")
    xs, _ = examples()
    assert np.array_equal(loaded.predict_proba(xs), fitted.predict_proba(xs))
    assert loaded.explain(xs[:4]) == fitted.explain(xs[:4])
    assert loaded.get_params() == fitted.get_params()
    assert loaded.metadata_["metrics"] == {"note": "hand-made"}


def test_the_files_are_plain_readable_data(fitted: ToneClassifier, tmp_path: Path) -> None:
    save_model(fitted, tmp_path, {})
    info = json.loads((tmp_path / "model.json").read_text(encoding="utf-8"))
    assert info["classes"] == list(TONES) and info["params"]["C"] == 1.0
    with open(tmp_path / "coefficients.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["feature", *TONES]
    assert len(rows) - 1 == info["n_features"] == len(fitted.vocabulary_)
    by_name = {r[0]: [float(v) for v in r[1:]] for r in rows[1:]}
    j = fitted.vocabulary_["L:praised"]
    assert by_name["L:praised"] == fitted.coef_[:, j].tolist()


def test_bad_model_folders_are_named_in_the_error(fitted: ToneClassifier, tmp_path: Path) -> None:
    with pytest.raises(ToneModelError, match=r"model\.json is missing"):
        load_model(tmp_path / "nothing-here")
    save_model(fitted, tmp_path, {})
    csv_path = tmp_path / "coefficients.csv"
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    csv_path.write_text("\n".join([*lines[:5], "broken,1.0", *lines[6:]]) + "\n", "utf-8")
    with pytest.raises(ToneModelError, match="line 6"):
        load_model(tmp_path)
    (tmp_path / "model.json").write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(ToneModelError, match="not a Framing Lens tone model"):
        load_model(tmp_path)


def test_committed_model_gives_the_recorded_predictions() -> None:
    model = load_model(DEFAULT_MODEL_DIR)
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert len(golden) >= 5
    for case in golden:
        [result] = score_targets(case["text"], [(case["start"], case["end"])], model=model)
        # A lexicon edit retrains the model (make model); its scores may drift a little, never
        # its readings: the tone must stay wherever the recorded one won by a clear margin.
        for tone in TONES:
            assert result.scores[tone] == pytest.approx(case["scores"][tone], abs=RETRAIN_DRIFT)
        ranked = sorted(case["scores"].values(), reverse=True)
        if ranked[0] - ranked[1] > 2 * RETRAIN_DRIFT:
            assert result.tone == case["tone"], case["text"]
        # The word that decided it stays first; a retrain may reorder the weaker ones a little,
        # but the recorded three stay among the evidence shown.
        words = [w for w, _ in result.evidence]
        assert words[0] == case["top_evidence"][0], case["text"]
        assert set(case["top_evidence"]) <= set(words[:6]), (case["text"], words)


def test_committed_model_records_its_metrics_and_data() -> None:
    info = load_model(DEFAULT_MODEL_DIR).metadata_
    digest = hashlib.sha256(DEFAULT_DATA.read_bytes()).hexdigest()
    assert info["data"]["sha256"] == digest  # trained on exactly the shipped file
    assert info["data"]["file"] == "train.jsonl"
    cv = info["metrics"]["cross_validated"]
    assert 0.6 <= cv["f1_macro"] <= 1.0
    assert set(cv["per_class"]) == set(TONES) and set(cv["confusion"]) == set(TONES)
    total = sum(sum(row.values()) for row in cv["confusion"].values())
    assert total == info["data"]["examples"]
    assert info["selection"]["selected"] in [
        {k: g[k] for k in ("C", "alpha")} for g in info["selection"]["grid"]
    ]
    assert "Hamborg" in info["notice"]


def test_committed_model_was_trained_with_the_current_lexicons() -> None:
    recorded = load_model(DEFAULT_MODEL_DIR).metadata_["lexicons"]
    assert recorded == lexicon_digest(), (
        "the terms or categories of a lexicon the tone features read changed since the model "
        "was trained: run `make model` and commit analysis/engine/tone/model/"
    )


def test_env_var_points_the_library_at_another_model(
    fitted: ToneClassifier, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_model(fitted, tmp_path / "custom", {"data": {"file": "mine.jsonl"}})
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "custom"))
    model = load_tone_model()
    assert model.metadata_["data"] == {"file": "mine.jsonl"}
    text, start, end = examples()[0][0]
    assert score_targets(text, [(start, end)]) == fitted.explain([(text, start, end)])
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "missing"))
    with pytest.raises(ToneModelError, match="missing"):
        load_tone_model()
