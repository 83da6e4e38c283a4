"""Per-actor tone: how a sentence portrays one target mention, explained word by word.

A linear, target-aware classifier (:class:`ToneClassifier`) trained on NewsMTSC (Hamborg & Donnay
2021, EACL; MIT License, Copyright 2020 Felix Hamborg). The committed model lives in ``model/``
as plain data files, written by ``python -m analysis train-tone`` from ``data/newsmtsc/``;
``FRAMING_LENS_TONE_MODEL`` points the library and the CLI at another model folder.

Entry points: :func:`score_targets` (one text, several target spans) and :func:`load_tone_model`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from analysis.engine.tone.classifier import ToneClassifier
from analysis.engine.tone.features import FeatureSettings, lexicon_digest, target_features
from analysis.engine.tone.model_file import ToneModelError, load_model, save_model
from analysis.engine.tone.result import TONES, ToneResult
from analysis.engine.tone.training import (
    DEFAULT_DATA,
    DEFAULT_MODEL_DIR,
    TrainingDataError,
    format_report,
    read_training_data,
    train_tone_model,
)

ENV_VAR = "FRAMING_LENS_TONE_MODEL"


def tone_model_dir(path: str | Path | None = None) -> Path:
    """The model folder: ``path``, else ``$FRAMING_LENS_TONE_MODEL``, else the shipped one."""
    if path is not None:
        return Path(path)
    override = os.environ.get(ENV_VAR)
    return Path(override) if override else DEFAULT_MODEL_DIR


@cache
def _load_cached(directory: str) -> ToneClassifier:
    return load_model(directory)


def load_tone_model(path: str | Path | None = None) -> ToneClassifier:
    """The fitted tone model, read once per process and folder.

    Args:
        path: a folder with ``model.json`` and ``coefficients.csv``; default
            ``$FRAMING_LENS_TONE_MODEL`` or the model shipped in ``analysis/engine/tone/model``.

    Returns:
        A fitted :class:`ToneClassifier`; raises :class:`ToneModelError` naming the problem.
    """
    return _load_cached(str(tone_model_dir(path).resolve()))


def score_targets(
    text: str, spans: Sequence[tuple[int, int]], model: ToneClassifier | None = None
) -> list[ToneResult]:
    """The tone of ``text`` towards each target mention, with the words that decided it.

    Args:
        text: one sentence (the model was trained on single news sentences).
        spans: (start, end) character offsets of each target mention in ``text``.
        model: a fitted classifier; default :func:`load_tone_model`.

    Returns:
        One :class:`ToneResult` per span, in order; evidence offsets are relative to ``text``.
        Raises ``ValueError`` for a span outside ``text`` or covering no word. Method: NB-LR
        (Wang & Manning 2012) over target-aware features, trained on NewsMTSC (Hamborg & Donnay
        2021).
    """
    examples = []
    for start, end in spans:
        if not 0 <= start < end <= len(text):
            raise ValueError(f"span {start}-{end} is outside the text ({len(text)} characters)")
        examples.append((text, start, end))
    return (model or load_tone_model()).explain(examples)


__all__ = [
    "DEFAULT_DATA",
    "DEFAULT_MODEL_DIR",
    "ENV_VAR",
    "TONES",
    "FeatureSettings",
    "ToneClassifier",
    "ToneModelError",
    "ToneResult",
    "TrainingDataError",
    "format_report",
    "lexicon_digest",
    "load_model",
    "load_tone_model",
    "read_training_data",
    "save_model",
    "score_targets",
    "target_features",
    "tone_model_dir",
    "train_tone_model",
]
