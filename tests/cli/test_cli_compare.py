"""`python -m analysis compare` and `python -m analysis import` on a small corpus."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.cli.parser import main
from analysis.library.store import Library

ROOT = Path(__file__).resolve().parents[2]

ARTICLES = [
    (
        "Hawk 1",
        "Hawk",
        "Peskov claimed the troops were leaving. Peskov insisted that Russia "
        "threatened nobody. Peskov alleged the warnings were hysteria.",
    ),
    ("Hawk 2", "Hawk", "Peskov claimed again that the drills were over, and the regime insisted."),
    (
        "Wire 1",
        "Wire",
        "Peskov said the troops were leaving. Peskov said Russia threatened nobody. "
        "Peskov told reporters the warnings were wrong.",
    ),
    ("Wire 2", "Wire", "Peskov said the drills were over, reporters were told."),
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["title", "outlet", "date", "text"])
        for title, outlet, text in ARTICLES:
            w.writerow([title, outlet, "2022-02-16", text])
        w.writerow(["Broken", "Wire", "2022-02-30", "A row with an impossible date."])
    return path


def test_compare_json_shape(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["compare", str(corpus), "--by", "outlet", "--format", "json", "--workers", "1"])
    out, err = capsys.readouterr()
    assert code == 1  # one row refused, the rest compared
    assert "corpus.csv, line 6" in err
    assert "analysing [" in err  # the progress bar
    d = json.loads(out)
    assert d["schema"] == "framing-lens/compare/1"
    assert d["groups"] == ["Hawk", "Wire"]
    assert d["articles"] == {"Hawk": 2, "Wire": 2}
    assert any("line 6" in w for w in d["warnings"])
    [peskov] = [a for a in d["actors"] if a["name"].endswith("Peskov")]
    hawk, wire = peskov["by_group"]["Hawk"], peskov["by_group"]["Wire"]
    assert set(hawk) >= {"stance_counts", "distancing_share", "mentions", "articles"}
    assert hawk["stance_counts"]["distancing"] >= 3
    assert hawk["distancing_share"] > 0.5
    assert wire["distancing_share"] == 0.0
    assert isinstance(hawk["mentions"], int)
    assert hawk["articles"] == 2
    assert set(d["distinctive_terms"]) == {"Hawk", "Wire"}


def test_compare_csv_format(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["compare", str(corpus), "--format", "csv", "--quiet", "--workers", "1"])
    out, err = capsys.readouterr()
    assert "analysing" not in err
    rows = list(csv.DictReader(out.splitlines()))
    assert rows
    assert {"actor", "group", "distancing", "attributions", "distancing_share", "enough"} <= set(
        rows[0]
    )
    peskov = {r["group"]: r for r in rows if r["actor"].endswith("Peskov")}
    assert float(peskov["Wire"]["distancing_share"]) == 0.0
    assert peskov["Hawk"]["enough"] == "true"


def test_compare_unreadable_corpus_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("title,body\nx,y\n", encoding="utf-8")
    assert main(["compare", str(bad), "--quiet"]) == 2
    assert "no 'text' column" in capsys.readouterr().err


@pytest.mark.slow
def test_import_via_python_m_with_progress_and_duplicates(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    env = {**os.environ, "FRAMING_LENS_DB": str(db)}
    cmd = [sys.executable, "-m", "analysis", "import", str(corpus), "--workers", "1"]
    first = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert first.returncode == 1, first.stderr  # the broken row is reported, the rest imported
    assert "line 6" in first.stderr
    assert "analysing [" in first.stderr
    assert "4 articles added" in first.stdout
    assert "4 analysed" in first.stdout
    with Library(db) as lib:
        assert lib.count() == 4
        assert lib.missing_analyses() == []
        assert lib.outlets() == ["Hawk", "Wire"]
    again = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert "0 articles added" in again.stdout
    assert "4 already in the library" in again.stdout
    with Library(db) as lib:
        assert lib.count() == 4


MONTHLY = [  # outlet, date, text
    ("Hawk", "2014-08-04", "Peskov claimed the troops were leaving. Peskov alleged it was over."),
    ("Hawk", "2014-09-02", "Peskov insisted the drills were over. Peskov claimed calm."),
    ("Wire", "2014-08-05", "Peskov said the troops were leaving. Peskov told reporters so."),
    ("Wire", "2014-09-03", "Peskov said the drills were over. Oil prices fell in Moscow."),
    ("Wire", "2013-01-01", "An old Crimea piece: Peskov said little."),
]  # fmt: skip


def test_compare_over_month_with_filters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "monthly.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["title", "outlet", "date", "text"])
        for i, (outlet, date, text) in enumerate(MONTHLY):
            w.writerow([f"{outlet} {i}", outlet, date, text])
    args = ["compare", str(path), "--by", "outlet", "--over", "month", "--format", "json",
            "--workers", "1", "--quiet", "--from", "2014-01-01"]  # fmt: skip
    assert main(args) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["articles"] == {"Hawk": 2, "Wire": 2}  # the 2013 article is filtered out
    periods = {(t["period"], t["group"]) for t in d["timeline"] if t["actor"].endswith("Peskov")}
    assert periods == {("2014-08", "Hawk"), ("2014-09", "Hawk"), ("2014-08", "Wire"),
                       ("2014-09", "Wire")}  # fmt: skip
    row = next(t for t in d["timeline"] if t["group"] == "Hawk" and t["period"] == "2014-08")
    assert set(row) >= {"period", "group", "actor", "articles", "attributions",
                        "distancing_share"}  # fmt: skip
    assert row["articles"] == 1 and row["attributions"] == 2 and row["distancing_share"] == 1.0
    assert isinstance(d["differences"], list)  # two articles per outlet: too few to test
    assert any("too little data" in w for w in d["warnings"])
    # A keyword filter (in title or text) keeps only the matching rows.
    assert main([*args[:-2], "--keyword", "oil", "--outlet", "Wire"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["articles"] == {"Wire": 1}
