"""A killed import, run again, continues where it stopped and stores nothing twice."""

from __future__ import annotations

import contextlib
import csv
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analysis.library.samples import sample_rows
from analysis.library.store import Library

ROOT = Path(__file__).resolve().parents[2]
N = 36


def corpus_csv(path: Path) -> Path:
    """N distinct articles made from the samples (each one's text gets its own last line)."""
    base = sample_rows()
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["title", "outlet", "date", "text"])
        for i in range(N):
            s = base[i % len(base)]
            w.writerow([f"{s.title} ({i})", s.outlet, s.date, f"{s.text}\n(Copy {i}.)"])
    return path


def analysed(db: Path) -> int:
    """Analyses stored so far (read without the library class: the importer holds the file)."""
    if not db.exists():
        return 0
    con = sqlite3.connect(db, timeout=30)
    try:
        return int(con.execute("SELECT count(*) FROM analyses").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0
    finally:
        con.close()


@pytest.mark.slow
def test_killed_import_resumes_without_duplicates(tmp_path: Path) -> None:
    corpus = corpus_csv(tmp_path / "corpus.csv")
    db = tmp_path / "lib.sqlite3"
    cmd = [sys.executable, "-m", "analysis", "import", str(corpus), "--db", str(db)]
    cmd += ["--workers", "1", "--quiet"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    try:
        # Wait until some analyses are committed, then kill the import mid-way (SIGKILL: no
        # clean-up runs, as when a machine goes down).
        while analysed(db) == 0:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            assert time.monotonic() < deadline, "the import wrote nothing"
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=0.1)  # the poll interval; returns at once if it exits
        proc.kill()
    finally:
        proc.wait(timeout=60)
    before = analysed(db)
    assert 0 < before < N, "the kill came too late to test resuming"

    again = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    # The rows were stored (one transaction) before the first analysis, so all are known now;
    # only the analyses the kill cut short are made; the ones made before the kill are reused.
    assert f"0 articles added, {N} already in the library" in again.stdout
    assert f"{N} analysed ({before} from earlier analyses of the same text)" in again.stdout

    with Library(db) as lib:
        assert lib.count() == N
        assert lib.missing_analyses() == []
        assert lib.integrity_check() == ["ok"]
        con = lib.connection
        rows = "SELECT count(*), count(DISTINCT sha256) FROM analyses"
        assert tuple(con.execute(rows).fetchone()) == (N, N)
        rows = "SELECT count(*), count(DISTINCT article_id) FROM article_counts"
        assert tuple(con.execute(rows).fetchone()) == (N, N)
        # Every article's count rows were written once: as many as its analysis has actors.
        per_article = dict(
            con.execute("SELECT article_id, count(*) FROM actor_counts GROUP BY article_id")
        )
        for art, analysis in lib.analyses():
            names = {(a.name, a.type) for a in analysis.actors}
            assert per_article.get(art.id, 0) == len(names)
