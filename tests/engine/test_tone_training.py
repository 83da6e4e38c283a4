"""Training the tone model: deterministic bytes, cross-validated report, both input formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.engine.tone import (
    TONES,
    TrainingDataError,
    format_report,
    load_model,
    read_training_data,
    train_tone_model,
)
from tests.engine.tone_data import examples, sentences, write_jsonl

SMALL_GRID = ({"C": 0.3, "alpha": 1.0}, {"C": 1.0, "alpha": 1.0})


def test_training_twice_writes_the_same_bytes(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "mine.jsonl")
    _, first = train_tone_model(data, tmp_path / "a", folds=3, grid=SMALL_GRID)
    _, second = train_tone_model(data, tmp_path / "b", folds=3, grid=SMALL_GRID)
    for name in ("model.json", "coefficients.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert [p.name for p in first.written] == ["model.json", "coefficients.csv"]
    info = json.loads((tmp_path / "a" / "model.json").read_text(encoding="utf-8"))
    assert info["data"]["file"] == "mine.jsonl" and "notice" not in info
    assert info["selection"]["folds"] == 3 == second.folds


def test_report_gives_cross_validated_f1_and_a_confusion_table(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "mine.jsonl")
    model, report = train_tone_model(data, None, folds=3, grid=SMALL_GRID)
    assert report.written == []
    cv = report.cv
    assert 0.0 <= cv["f1_macro"] <= 1.0
    n = len(examples()[0])
    assert sum(sum(row.values()) for row in cv["confusion"].values()) == n
    assert [g["f1_macro"] for g in report.grid] and report.selected in [
        {k: g[k] for k in ("C", "alpha")} for g in report.grid
    ]
    text = format_report(report)
    assert "confusion" in text and "F1m" in text and all(t in text for t in TONES)
    assert model.metadata_["metrics"]["cross_validated"] == cv


def test_the_simple_format_trains_the_same_model(tmp_path: Path) -> None:
    xs, ys = examples()
    simple = tmp_path / "simple.jsonl"
    simple.write_text(
        "".join(
            json.dumps({"text": t, "start": s, "end": e, "label": y}) + "\n"
            for (t, s, e), y in zip(xs, ys, strict=True)
        ),
        encoding="utf-8",
    )
    newsmtsc = write_jsonl(tmp_path / "newsmtsc.jsonl")
    train_tone_model(simple, tmp_path / "s", folds=3, grid=SMALL_GRID)
    train_tone_model(newsmtsc, tmp_path / "n", folds=3, grid=SMALL_GRID)
    a, b = load_model(tmp_path / "s"), load_model(tmp_path / "n")
    assert (a.coef_ == b.coef_).all()
    assert a.metadata_["data"]["sentences"] == b.metadata_["data"]["sentences"] == len(sentences())


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("not json", "not JSON"),
        ('{"text": "A said.", "start": 0, "end": 40, "label": "neutral"}', "outside the text"),
        ('{"text": "A said.", "start": 0, "end": 1, "label": "angry"}', "label 'angry'"),
        ('{"sentence_normalized": "A said.", "targets": []}', "non-empty 'targets'"),
        ('{"words": "A said."}', "expected 'sentence_normalized'"),
    ],
)
def test_a_bad_training_line_is_named(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "bad.jsonl"
    good = '{"text": "B praised C.", "start": 0, "end": 1, "label": "positive"}'
    path.write_text(f"{good}\n\n{line}\n", encoding="utf-8")
    with pytest.raises(TrainingDataError, match=f"line 3: .*{reason}"):
        read_training_data(path)
