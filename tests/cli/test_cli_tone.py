"""`python -m analysis tone` and `train-tone`: JSON-lines round trip, error lines, own models."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.cli import parser as cli
from analysis.engine.tone import TONES, load_model
from tests.engine.tone_data import write_jsonl

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Russia praised Ukraine's restraint while condemning NATO."


def run(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, **(env or {})},
    )


def line(text: str, start: int, end: int) -> str:
    return json.dumps({"text": text, "start": start, "end": end}, ensure_ascii=False)


def test_round_trip_answers_every_line_in_order_with_error_lines(tmp_path: Path) -> None:
    lines = [
        line(TEXT, 52, 56),
        "this is not json",
        line(TEXT, 15, 22),
        json.dumps({"text": TEXT, "start": 15}),
        line("Short.", 2, 99),
        "",
        line("The minister did not deny the allegations.", 0, 12),
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run("tone", str(src))
    assert proc.returncode == 1  # some lines failed
    out = [json.loads(x) for x in proc.stdout.splitlines()]
    assert len(out) == len(lines)
    failed = {i + 1 for i, o in enumerate(out) if "error" in o}
    assert failed == {2, 4, 5, 6}
    for n in failed:
        assert out[n - 1]["line"] == n and out[n - 1]["error"].startswith(f"line {n}: ")
        assert f"line {n}: " in proc.stderr
    assert "not JSON" in out[1]["error"] and '"end"' in out[3]["error"]
    assert "outside the text" in out[4]["error"] and "blank line" in out[5]["error"]
    for o in (out[0], out[2], out[6]):
        assert o["tone"] in TONES and set(o["scores"]) == set(TONES)
        assert abs(sum(o["scores"].values()) - 1) < 1e-3
        assert max(o["scores"], key=o["scores"].get) == o["tone"]
        assert all(isinstance(w, str) and isinstance(x, float) for w, x in o["evidence"])
    assert out[0]["tone"] == "negative"  # NATO, condemned
    assert "condemning" in [w for w, _ in out[0]["evidence"]]


def test_stdin_and_a_custom_model_from_the_env_var(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "mine.jsonl")
    proc = run("train-tone", "--data", str(data), "--out", str(tmp_path / "model"), "--folds", "3")
    assert proc.returncode == 0, proc.stderr
    assert "cross-validated F1m" in proc.stdout and "confusion" in proc.stdout
    assert (tmp_path / "model" / "model.json").exists()
    src = "\n".join([line(TEXT, 0, 6), line(TEXT, 52, 56)]) + "\n"
    default = run("tone", "-", stdin=src)
    custom = run("tone", "-", stdin=src, env={"FRAMING_LENS_TONE_MODEL": str(tmp_path / "model")})
    assert default.returncode == custom.returncode == 0, custom.stderr
    expected = load_model(tmp_path / "model").explain([(TEXT, 0, 6), (TEXT, 52, 56)])
    assert [json.loads(x) for x in custom.stdout.splitlines()] == [r.to_dict() for r in expected]
    assert custom.stdout != default.stdout  # the hand-made model is not the shipped one


def test_missing_file_or_model_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # In-process (the same parser and command functions), so the error paths cost no start-up.
    assert cli.main(["tone", str(tmp_path / "absent.jsonl")]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert cli.main(["tone", str(tmp_path / "absent.jsonl"), "--model", str(tmp_path)]) == 2
    assert "model.json is missing" in capsys.readouterr().err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x"}\n', encoding="utf-8")
    assert cli.main(["train-tone", "--data", str(bad), "--out", str(tmp_path / "m")]) == 2
    assert "line 1" in capsys.readouterr().err
    assert not (tmp_path / "m").exists()
