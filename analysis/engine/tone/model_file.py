"""The fitted tone model as plain data files (``model.json``, ``coefficients.csv``), never a pickle.

``model.json`` holds the estimator's parameters (including the feature settings), the intercepts,
the training metrics and the digest of the training data; ``coefficients.csv`` has one row per
feature: its name and its weight for each tone. Anyone can read, diff and audit both; loading them
runs no code from the files.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import numpy as np

from analysis.engine.tone.classifier import SIGNIFICANT_DIGITS, ToneClassifier
from analysis.engine.tone.result import TONES

FORMAT = "framing-lens-tone-model"
FORMAT_VERSION = 1
MODEL_JSON = "model.json"
COEFFICIENTS_CSV = "coefficients.csv"


class ToneModelError(ValueError):
    """A tone model folder is missing, incomplete or not in this format."""


def _number(value: float) -> str:
    """A coefficient as written: SIGNIFICANT_DIGITS significant digits, no exponent noise."""
    return f"{value:.{SIGNIFICANT_DIGITS}g}"


def save_model(model: ToneClassifier, directory: str | Path, info: dict[str, Any]) -> list[Path]:
    """Write the fitted ``model`` into ``directory`` as ``model.json`` and ``coefficients.csv``.

    Args:
        model: a fitted :class:`ToneClassifier`.
        directory: created when missing; existing model files are replaced.
        info: metrics, data digest and provenance recorded in ``model.json`` (plain JSON data).

    Returns:
        The paths written. The bytes depend only on the model and ``info`` (sorted keys, fixed
        number format), so the same training run writes the same files.
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    header = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "classes": list(TONES),
        "params": model.get_params(),
        "intercepts": [float(_number(v)) for v in model.intercept_.tolist()],
        "n_features": len(model.feature_names_),
        "coefficients_file": COEFFICIENTS_CSV,
        **info,
    }
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["feature", *TONES])
    for j, name in enumerate(model.feature_names_):
        writer.writerow([name, *(_number(v) for v in model.coef_[:, j].tolist())])
    paths = [out / MODEL_JSON, out / COEFFICIENTS_CSV]
    text = json.dumps(header, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    paths[0].write_text(text, encoding="utf-8", newline="\n")
    paths[1].write_text(buf.getvalue(), encoding="utf-8", newline="\n")
    return paths


def read_model_info(directory: str | Path) -> dict[str, Any]:
    """The contents of ``model.json`` in ``directory`` (raises :class:`ToneModelError`)."""
    path = Path(directory) / MODEL_JSON
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ToneModelError(f"no tone model in {directory}: {MODEL_JSON} is missing") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ToneModelError(f"cannot read {path}: {exc}") from exc
    if not isinstance(info, dict) or info.get("format") != FORMAT:
        raise ToneModelError(f"{path} is not a Framing Lens tone model (format {FORMAT!r})")
    if info.get("format_version") != FORMAT_VERSION or info.get("classes") != list(TONES):
        raise ToneModelError(
            f"{path} has format version {info.get('format_version')} and classes "
            f"{info.get('classes')}; this version reads {FORMAT_VERSION} with {list(TONES)}"
        )
    return info


def load_model(directory: str | Path) -> ToneClassifier:
    """The :class:`ToneClassifier` saved in ``directory`` by :func:`save_model`.

    Args:
        directory: a folder with ``model.json`` and ``coefficients.csv``.

    Returns:
        A fitted classifier; its ``metadata_`` attribute holds the rest of ``model.json``
        (metrics, data digest). Raises :class:`ToneModelError` with the reason when the folder is
        not a readable model.
    """
    info = read_model_info(directory)
    path = Path(directory) / str(info.get("coefficients_file", COEFFICIENTS_CSV))
    names: list[str] = []
    rows: list[list[float]] = []
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            if next(reader, None) != ["feature", *TONES]:
                raise ToneModelError(f"{path}: the header must be feature,{','.join(TONES)}")
            for n, row in enumerate(reader, start=2):
                if len(row) != 1 + len(TONES):
                    raise ToneModelError(f"{path}, line {n}: expected {1 + len(TONES)} columns")
                names.append(row[0])
                rows.append([float(v) for v in row[1:]])
    except (OSError, ValueError, IndexError) as exc:
        if isinstance(exc, ToneModelError):
            raise
        raise ToneModelError(f"cannot read {path}: {exc}") from exc
    if len(names) != info.get("n_features") or len(set(names)) != len(names):
        raise ToneModelError(f"{path}: expected {info.get('n_features')} distinct features")
    model = ToneClassifier(**info["params"])
    model.vocabulary_ = {name: j for j, name in enumerate(names)}
    model.feature_names_ = names
    model.coef_ = np.array(rows, dtype=np.float64).reshape(len(names), len(TONES)).T.copy()
    model.intercept_ = np.array(info["intercepts"], dtype=np.float64)
    model.classes_ = np.array(TONES, dtype=object)
    model.n_features_in_ = len(names)
    model.metadata_ = {k: v for k, v in info.items() if k not in ("params", "intercepts")}
    return model
