"""Deterministic training of the tone model, with model selection by cross-validation.

The data is JSON lines in the NewsMTSC format (Hamborg & Donnay 2021, EACL): each line has a
``sentence_normalized`` and ``targets``, each target its ``from``/``to`` character offsets and a
``polarity`` of 2 (negative), 4 (neutral) or 6 (positive). A simpler form is read too: one target a
line as ``{"text": ..., "start": ..., "end": ..., "label": "negative"|"neutral"|"positive"}``.

Hyper-parameters are chosen on the training file only: stratified K-fold cross-validation with
all targets of one sentence in the same fold, F1 macro over the three tones; ties keep the first
candidate. The development sets are never looked at here (``benchmarks/accuracy_tone.py`` reports
them).
"""

from __future__ import annotations

import hashlib
import json
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import confusion_matrix, f1_score, precision_recall_fscore_support
from sklearn.model_selection import StratifiedGroupKFold

from analysis.engine.tone.classifier import Example, Featurized, ToneClassifier
from analysis.engine.tone.features import lexicon_digest
from analysis.engine.tone.model_file import save_model
from analysis.engine.tone.result import TONES

PACKAGE = Path(__file__).resolve().parent
DEFAULT_DATA = PACKAGE / "data" / "newsmtsc" / "train.jsonl"
DEFAULT_MODEL_DIR = PACKAGE / "model"
FOLDS = 5
# The candidates compared by cross-validation (C: regularisation, alpha: NB smoothing).
GRID: tuple[dict[str, Any], ...] = tuple(
    {"C": c, "alpha": a} for c, a in product((0.05, 0.1, 0.3), (1.0, 2.0))
)
# Feature settings shared by every candidate (features are made once). Word prefixes of 5
# letters were chosen by the same 5-fold cross-validation on the training file (F1 macro 0.670
# without, 0.675 with; docs/tone.md "What was tried").
FEATURES: dict[str, Any] = {"prefix": 5}
POLARITY = {2: "negative", 4: "neutral", 6: "positive"}
NEWSMTSC_NOTICE = (
    "Trained on NewsMTSC (Hamborg & Donnay 2021, EACL), MIT License, Copyright 2020 Felix "
    "Hamborg; see analysis/engine/tone/data/newsmtsc/LICENSE"
)


class TrainingDataError(ValueError):
    """A training file cannot be read; the message names the line."""


@dataclass(frozen=True)
class TrainingData:
    """Examples (text, start, end), their tones, and the sentence each belongs to."""

    examples: list[Example]
    labels: list[str]
    groups: list[int]
    name: str
    sha256: str

    def summary(self) -> dict[str, Any]:
        """What the model file records about its data."""
        counts = Counter(self.labels)
        return {
            "file": self.name,
            "sha256": self.sha256,
            "examples": len(self.examples),
            "sentences": len(set(self.groups)),
            "labels": {t: counts.get(t, 0) for t in TONES},
        }


def _label(value: object, line: int) -> str:
    """A tone from a NewsMTSC polarity (2/4/6) or a tone name."""
    if isinstance(value, str) and value.strip().lower() in TONES:
        return value.strip().lower()
    if isinstance(value, int | float) and not isinstance(value, bool) and value in POLARITY:
        return POLARITY[int(value)]
    raise TrainingDataError(
        f"line {line}: label {value!r} is not negative/neutral/positive or 2/4/6"
    )


def _span(text: str, start: object, end: object, line: int) -> tuple[int, int]:
    """Validated character offsets of a target in ``text``."""
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool):
        raise TrainingDataError(f"line {line}: start/end (from/to) must be integers")
    if not 0 <= start < end <= len(text):
        raise TrainingDataError(
            f"line {line}: span {start}-{end} is outside the text ({len(text)} characters)"
        )
    return start, end


def parse_line(obj: object, line: int) -> list[tuple[Example, str]]:
    """The (example, tone) pairs of one JSON line, in either accepted format."""
    if not isinstance(obj, dict):
        raise TrainingDataError(f"line {line}: expected a JSON object")
    if "sentence_normalized" in obj:
        text, targets = obj["sentence_normalized"], obj.get("targets")
        if not isinstance(text, str) or not isinstance(targets, list) or not targets:
            raise TrainingDataError(f"line {line}: needs a text and a non-empty 'targets' list")
        out = []
        for t in targets:
            if not isinstance(t, dict):
                raise TrainingDataError(f"line {line}: each target must be an object")
            start, end = _span(text, t.get("from"), t.get("to"), line)
            out.append(((text, start, end), _label(t.get("polarity"), line)))
        return out
    text = obj.get("text")
    if not isinstance(text, str):
        raise TrainingDataError(
            f"line {line}: expected 'sentence_normalized' + 'targets' (NewsMTSC) "
            "or 'text', 'start', 'end', 'label'"
        )
    start, end = _span(text, obj.get("start"), obj.get("end"), line)
    return [((text, start, end), _label(obj.get("label"), line))]


def read_training_data(path: str | Path) -> TrainingData:
    """The examples of a JSONL training file (NewsMTSC or the simple form).

    Args:
        path: the file; blank lines are skipped.

    Returns:
        :class:`TrainingData`; all targets of one sentence text share a group (and so a fold).
        Raises :class:`TrainingDataError` naming the first bad line.
    """
    raw = Path(path).read_bytes()
    examples: list[Example] = []
    labels: list[str] = []
    groups: list[int] = []
    sentence_ids: dict[str, int] = {}
    for n, line in enumerate(raw.decode("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise TrainingDataError(f"line {n}: not JSON ({exc.msg})") from exc
        for example, label in parse_line(obj, n):
            examples.append(example)
            labels.append(label)
            groups.append(sentence_ids.setdefault(example[0], len(sentence_ids)))
    if not examples:
        raise TrainingDataError(f"{path}: no examples")
    return TrainingData(examples, labels, groups, Path(path).name, hashlib.sha256(raw).hexdigest())


@dataclass
class TrainingReport:
    """What a training run chose and measured (everything but ``seconds`` is recorded)."""

    data: dict[str, Any]
    folds: int
    grid: list[dict[str, Any]]
    selected: dict[str, Any]
    cv: dict[str, Any]
    written: list[Path] = field(default_factory=list)
    seconds: float = 0.0

    def info(self) -> dict[str, Any]:
        """The model-file record of this run (deterministic: no times, no paths)."""
        return {
            "data": self.data,
            "lexicons": lexicon_digest(),
            "selection": {
                "method": f"{self.folds}-fold stratified cross-validation grouped by sentence, "
                "F1 macro over the three tones, on the training file only",
                "folds": self.folds,
                "features": dict(FEATURES),
                "grid": self.grid,
                "selected": self.selected,
            },
            "metrics": {"cross_validated": self.cv},
        }


def _fold_splits(data: TrainingData, folds: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Deterministic folds: stratified by tone, all targets of a sentence in one fold."""
    n_groups = len(set(data.groups))
    k = min(folds, n_groups)
    if k < 2:
        raise TrainingDataError("cross-validation needs at least 2 sentences")
    splitter = StratifiedGroupKFold(n_splits=k)
    idx = np.zeros(len(data.labels))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "least populated class" on tiny data
        return list(splitter.split(idx, data.labels, data.groups))


def cross_validated_predictions(
    rows: list[Featurized],
    labels: list[str],
    splits: list[tuple[np.ndarray, np.ndarray]],
    **params: Any,
) -> np.ndarray:
    """Out-of-fold predicted tones for ``rows`` with a classifier of ``params``."""
    pred = np.empty(len(rows), dtype=object)
    for train, test in splits:
        try:
            model = ToneClassifier(**params).fit_features(
                [rows[i] for i in train], [labels[i] for i in train]
            )
        except ValueError as exc:
            raise TrainingDataError(f"a cross-validation fold cannot be trained: {exc}") from exc
        pred[test] = model.classes_[model.decision_features([rows[i] for i in test]).argmax(1)]
    return pred


def cv_metrics(labels: list[str], pred: np.ndarray) -> dict[str, Any]:
    """F1 macro, per-tone precision/recall/F1/support, confusion table (gold -> predicted)."""
    gold = np.asarray(labels, dtype=object)
    p, r, f, s = precision_recall_fscore_support(gold, pred, labels=list(TONES), zero_division=0)
    table = confusion_matrix(gold, pred, labels=list(TONES))
    return {
        "f1_macro": round(float(f1_score(gold, pred, labels=list(TONES), average="macro")), 4),
        "accuracy": round(float((gold == pred).mean()), 4),
        "per_class": {
            t: {
                "precision": round(float(p[i]), 4),
                "recall": round(float(r[i]), 4),
                "f1": round(float(f[i]), 4),
                "support": int(s[i]),
            }
            for i, t in enumerate(TONES)
        },
        "confusion": {
            t: dict(zip(TONES, map(int, table[i]), strict=True)) for i, t in enumerate(TONES)
        },
    }


def train_tone_model(
    data: str | Path = DEFAULT_DATA,
    out: str | Path | None = DEFAULT_MODEL_DIR,
    folds: int = FOLDS,
    grid: tuple[dict[str, Any], ...] = GRID,
) -> tuple[ToneClassifier, TrainingReport]:
    """Choose hyper-parameters by cross-validation, fit on all of ``data``, write the model.

    Args:
        data: a JSONL training file (NewsMTSC format or the simple form).
        out: folder for ``model.json`` and ``coefficients.csv``; None writes nothing.
        folds: number of cross-validation folds (fewer when there are fewer sentences).
        grid: candidate parameter sets for :class:`ToneClassifier`.

    Returns:
        (the fitted classifier, the report). The same data and arguments write the same bytes.
    """
    t0 = time.perf_counter()
    training = read_training_data(data)
    featurizer = ToneClassifier(**FEATURES)
    rows = featurizer.featurize(training.examples)  # the grid varies no feature setting
    splits = _fold_splits(training, folds)
    scored: list[dict[str, Any]] = []
    best: tuple[float, dict[str, Any], np.ndarray] | None = None
    for params in grid:
        pred = cross_validated_predictions(rows, training.labels, splits, **FEATURES, **params)
        f1 = float(f1_score(training.labels, pred, labels=list(TONES), average="macro"))
        scored.append({**params, "f1_macro": round(f1, 4)})
        if best is None or f1 > best[0]:
            best = (f1, params, pred)
    assert best is not None, "the grid is empty"
    model = ToneClassifier(**FEATURES, **best[1]).fit_features(rows, training.labels)
    report = TrainingReport(
        data=training.summary(),
        folds=len(splits),
        grid=scored,
        selected=dict(best[1]),
        cv=cv_metrics(training.labels, best[2]),
    )
    info = report.info()
    if Path(data).resolve() == DEFAULT_DATA:
        info["notice"] = NEWSMTSC_NOTICE
    if out is not None:
        report.written = save_model(model, out, info)
    model.metadata_ = info
    report.seconds = time.perf_counter() - t0
    return model, report


def format_report(report: TrainingReport) -> str:
    """The report as plain-text tables: grid scores, the choice, per-tone metrics, confusion."""
    cv = report.cv
    lines = [
        f"data: {report.data['file']} ({report.data['examples']} targets in "
        f"{report.data['sentences']} sentences; sha256 {report.data['sha256'][:12]})",
        f"model selection: {report.folds}-fold cross-validation on the training file, F1 macro",
    ]
    lines += [f"  C={g['C']:<6} alpha={g['alpha']:<5} F1m {g['f1_macro']:.3f}" for g in report.grid]
    lines.append(f"selected: {report.selected}; cross-validated F1m {cv['f1_macro']:.3f}")
    lines.append(f"{'tone':<10}{'precision':>10}{'recall':>8}{'F1':>7}{'n':>6}")
    for t, m in cv["per_class"].items():
        lines.append(
            f"{t:<10}{m['precision']:>10.3f}{m['recall']:>8.3f}{m['f1']:>7.3f}{m['support']:>6}"
        )
    lines.append("confusion (rows gold, columns predicted):")
    lines.append(f"{'':<10}" + "".join(f"{t:>10}" for t in TONES))
    for t in TONES:
        lines.append(f"{t:<10}" + "".join(f"{cv['confusion'][t][p]:>10}" for p in TONES))
    for path in report.written:
        lines.append(f"wrote {path}")
    lines.append(f"time: {report.seconds:.1f} s")
    return "\n".join(lines)
