"""``python -m analysis tone FILE.jsonl|-`` and ``python -m analysis train-tone``.

``tone`` reads one JSON object a line, ``{"text": str, "start": int, "end": int}`` (the character
span of the target mention in the text), and writes one line per input line, in input order:
``{"tone": ..., "scores": {"negative": p, "neutral": p, "positive": p}, "evidence": [[word,
weight], ...]}``. A line that cannot be scored (not JSON, a missing field, a span outside the text,
a blank line) is answered with ``{"error": "line N: reason", "line": N}``, named on stderr too, and
the rest are still answered; the exit code is 1 when any line failed, 2 when the file or the model
cannot be read, else 0.

``train-tone`` trains the model deterministically (see :mod:`analysis.engine.tone.training`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from analysis.engine.tone import (
    DEFAULT_DATA,
    DEFAULT_MODEL_DIR,
    ToneClassifier,
    ToneModelError,
    TrainingDataError,
    format_report,
    load_tone_model,
    train_tone_model,
)


def _example(line: str, n: int) -> tuple[str, int, int]:
    """(text, start, end) of input line ``n``; ``ValueError`` with a plain reason otherwise."""
    if not line.strip():
        raise ValueError("blank line (expected a JSON object)")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(obj, dict):
        raise ValueError('expected a JSON object {"text": ..., "start": ..., "end": ...}')
    text, start, end = obj.get("text"), obj.get("start"), obj.get("end")
    if not isinstance(text, str):
        raise ValueError('"text" must be a string')
    for key, value in (("start", start), ("end", end)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError(f'"{key}" must be an integer character offset')
    assert isinstance(start, int) and isinstance(end, int)
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}-{end} is outside the text ({len(text)} characters)")
    return text, start, end


def tone_lines(lines: Iterable[str], model: ToneClassifier) -> Iterator[tuple[dict, str | None]]:
    """For each input line, its output object and the error message (None when it scored)."""
    for n, line in enumerate(lines, start=1):
        try:
            example = _example(line, n)
            result = model.explain([example])[0]
        except ValueError as exc:
            message = f"line {n}: {exc}"
            yield {"error": message, "line": n}, message
            continue
        yield result.to_dict(), None


def _lines(handle: IO[str]) -> Iterator[str]:
    """Lines of ``handle`` without their line ends."""
    for line in handle:
        yield line.rstrip("\r\n")


def _cmd_tone(args: argparse.Namespace) -> int:
    try:
        model = load_tone_model(args.model)
    except ToneModelError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    failed = 0
    try:
        handle = sys.stdin if args.file == "-" else open(args.file, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        print(f"error: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 2
    out = sys.stdout
    try:
        for obj, error in tone_lines(_lines(handle), model):
            if error is not None:
                failed += 1
                print(f"error: {error}", file=sys.stderr)
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    except UnicodeDecodeError as exc:
        print(f"error: {args.file} is not UTF-8 text ({exc.reason})", file=sys.stderr)
        return 2
    finally:
        if handle is not sys.stdin:
            handle.close()
    if failed:
        print(f"{failed} line(s) could not be scored", file=sys.stderr)
    return 1 if failed else 0


def _cmd_train(args: argparse.Namespace) -> int:
    try:
        _, report = train_tone_model(args.data, args.out, folds=args.folds)
    except (OSError, TrainingDataError, UnicodeDecodeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(format_report(report))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``tone`` and ``train-tone`` sub-commands."""
    p = subparsers.add_parser(
        "tone",
        help="tone towards target mentions: JSON lines {text, start, end} in, one result a line",
    )
    p.add_argument("file", metavar="FILE.jsonl", help="JSON lines, or - for stdin")
    p.add_argument(
        "--model",
        type=Path,
        default=None,
        help="model folder (default $FRAMING_LENS_TONE_MODEL, else the shipped model)",
    )
    p.set_defaults(func=_cmd_tone)
    t = subparsers.add_parser(
        "train-tone",
        help="train the tone model (cross-validated model selection) and write its files",
    )
    t.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help="JSONL in the NewsMTSC format, or {text, start, end, label} lines "
        "(default: the shipped NewsMTSC training file)",
    )
    t.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_MODEL_DIR,
        help="folder for model.json and coefficients.csv (default: the shipped model folder)",
    )
    t.add_argument("--folds", type=int, default=5, help="cross-validation folds (default 5)")
    t.set_defaults(func=_cmd_train)
