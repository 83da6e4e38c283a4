"""The `python -m analysis analyze` command: JSON shape, CSV rows, stdin, one model load."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import STANCES
from analysis.cli import parser as cli
from analysis.engine import model as nlp

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "sample_articles" / "nato-eastern-flank.txt"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_json_shape_on_the_seed_and_stdin(tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Angela Merkel said the talks would continue.", encoding="utf-8")
    proc = run("analyze", str(SEED), str(other), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert [d["file"] for d in data] == [str(SEED), str(other)]
    seed = data[0]
    assert seed["schema"] == "framing-lens/analysis/3"
    assert isinstance(seed["engine_version"], str) and seed["words"] > 300
    assert {"title", "warnings", "actors", "markers"} <= set(seed)
    stolt = next(a for a in seed["actors"] if a["name"] == "Jens Stoltenberg")
    assert set(stolt["stance_counts"]) == set(STANCES)
    assert stolt["stance_counts"]["distancing"] == 3
    assert stolt["type"] == "PERSON" and "Stoltenberg" in stolt["aliases"]
    text = SEED.read_text(encoding="utf-8")
    for m in seed["markers"]:
        assert m["kind"] in ("attribution", "quote", "scare_quote", "doubt", "loaded")
        assert text[m["start"] : m["end"]] == m["text"]
        assert "detail" not in m  # schema 2: the facts are fields, not text to parse back
    claimed = next(m for m in seed["markers"] if m["text"] == "claimed")
    assert claimed["speaker"] and claimed["cue"] == "claim"
    assert claimed["rule"] == "reporting_verbs/claim"
    piped = run(
        "analyze", "-", "--format", "json", stdin="Angela Merkel said the talks would continue."
    )
    assert json.loads(piped.stdout)[0]["actors"][0]["name"] == "Angela Merkel"


def test_csv_has_one_row_per_file_and_actor(tmp_path: Path) -> None:
    other = tmp_path / "b.txt"
    other.write_text("Angela Merkel said the talks would continue.", encoding="utf-8")
    proc = run("analyze", str(SEED), str(other), "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert {r["file"] for r in rows} == {str(SEED), str(other)}
    merkel = [r for r in rows if r["file"] == str(other)]
    assert [(r["actor"], r["neutral"]) for r in merkel] == [("Angela Merkel", "1")]


def test_missing_file_is_a_clear_error() -> None:
    proc = run("analyze", "/nonexistent/file.txt")
    assert proc.returncode == 2
    assert "cannot read /nonexistent/file.txt" in proc.stderr


def test_many_files_load_the_model_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = []
    for i in range(3):
        f = tmp_path / f"{i}.txt"
        f.write_text(f"Article {i}: Angela Merkel said the talks would continue.", encoding="utf-8")
        files.append(str(f))
    calls: list[str] = []
    real_load = nlp.spacy.load

    def counting_load(name: str, *a: object, **k: object):  # type: ignore[no-untyped-def]
        calls.append(name)
        return real_load(name, *a, **k)

    monkeypatch.setattr(nlp.spacy, "load", counting_load)
    nlp.load_model.cache_clear()
    try:
        assert cli.main(["analyze", *files, "--format", "json"]) == 0
    finally:
        nlp.load_model.cache_clear()
    assert len(json.loads(capsys.readouterr().out)) == 3
    assert len(calls) == 1
