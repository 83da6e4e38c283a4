"""``python -m analysis report``: article, bundle and corpus reports, and clear errors."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from analysis.cli.parser import main
from analysis.present import bundle, export
from tests.present.export_sample import sample_analysis

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "sample_articles" / "nato-eastern-flank.txt"
SCRIPT_SRC = re.compile(r"<script[^>]*\bsrc\s*=", re.IGNORECASE)


def pdf_text(path: Path) -> str:
    """All text of a PDF file, whitespace collapsed."""
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A CSV corpus of three sample articles from two outlets (one row is broken on purpose)."""
    rows = [
        ("meridian-wire-nato-battlegroups.txt", "Meridian Wire"),
        ("meridian-wire-un-security-council.txt", "Meridian Wire"),
        ("moscow-courier-nato-ignores-withdrawal.txt", "Moscow Courier"),
    ]
    path = tmp_path / "corpus.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["text", "title", "outlet"])
        for name, outlet in rows:
            text = (ROOT / "sample_articles" / name).read_text(encoding="utf-8")
            w.writerow([text, name.removesuffix(".txt"), outlet])
    return path


@pytest.mark.slow
def test_python_m_analysis_report_writes_a_pdf(tmp_path: Path) -> None:
    out = tmp_path / "seed.pdf"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis",
            "report",
            str(SEED),
            "--format",
            "pdf",
            "--out",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert f"wrote {out}" in proc.stderr
    text = pdf_text(out)
    for name in ("Jens Stoltenberg", "Maria Zakharova", "Antony Blinken", "Belarus"):
        assert name in text
    assert "Method notes" in text


def test_html_report_of_an_article(tmp_path: Path) -> None:
    out = tmp_path / "seed.html"
    assert main(["report", str(SEED), "--format", "html", "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert not SCRIPT_SRC.search(page)
    assert "Jens Stoltenberg" in page
    assert "nato-eastern-flank.txt" in page


def test_format_follows_the_out_suffix(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    assert main(["report", str(SEED), "--out", str(out), "--title", "My title"]) == 0
    assert out.read_bytes().startswith(b"<!DOCTYPE html>")
    assert "<h1>My title</h1>" in out.read_text(encoding="utf-8")


def test_report_from_a_bundle(tmp_path: Path) -> None:
    src = tmp_path / "a.zip"
    src.write_bytes(bundle.write_bundle(sample_analysis("From a bundle")))
    out = tmp_path / "b.html"
    assert main(["report", str(src), "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<h1>From a bundle</h1>" in page
    assert "&lt;script&gt;alert(1)" in page


def test_comparison_report_from_a_corpus(tmp_path: Path, corpus: Path) -> None:
    out = tmp_path / "cmp.html"
    args = ["report", str(corpus), "--by", "outlet", "--out", str(out), "--workers", "1"]
    assert main([*args, "--quiet"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Framing by outlet: Meridian Wire, Moscow Courier" in page
    assert "3 articles from 2 outlets" in page
    assert "Meridian Wire: meridian-wire-nato-battlegroups" in page  # highlighted texts
    assert "Fightin&#x27; Words" in page
    assert page.count("Plotly.newPlot(") == 6  # the Compare page's charts, tone included
    assert "Tone towards each actor by outlet" in page
    assert "Distancing share by actor and outlet" in page
    assert not SCRIPT_SRC.search(page)


def test_refused_corpus_rows_are_reported_and_exit_1(
    tmp_path: Path, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with corpus.open("a", encoding="utf-8") as fh:
        fh.write(',"no text here",Broken Wire\n')
    out = tmp_path / "cmp.html"
    assert main(["report", str(corpus), "--out", str(out), "--quiet", "--workers", "1"]) == 1
    assert "warning: corpus.csv, line" in capsys.readouterr().err
    assert "Moscow Courier" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "content", "extra", "message"),
    [
        ("missing.txt", None, [], "no such file"),
        ("article.txt", b"just an article", ["--by", "outlet"], "--by outlet compares"),
        ("bad.zip", b"not a zip", [], "not a .zip"),
        ("no-text.csv", b"title,outlet\nx,y\n", [], "no article could be read"),
        ("empty.txt", b"", [], "empty"),
    ],
)
def test_bad_input_exits_2_with_a_message(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes | None,
    extra: list[str],
    message: str,
) -> None:
    src = tmp_path / name
    if content is not None:
        src.write_bytes(content)
    out = tmp_path / "out.html"
    assert main(["report", str(src), "--out", str(out), *extra]) == 2
    err = capsys.readouterr().err
    assert "error: " in err
    assert message in err.split("error: ", 1)[1]
    assert not out.exists()


def test_pdf_without_a_browser_exits_3_and_suggests_html(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    export.stop_exporter()
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-browser"))
    out = tmp_path / "r.pdf"
    assert main(["report", str(SEED), "--out", str(out)]) == 3
    err = capsys.readouterr().err
    assert "apt-get install chromium" in err
    assert "--format html" in err
    assert not out.exists()
