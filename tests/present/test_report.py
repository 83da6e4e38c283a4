"""One-click reports: self-contained HTML and a PDF with real text, checked by their bytes."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pypdf
import pytest

from analysis.compare.comparison import compare_analyses
from analysis.lexicons import lexicon_frame, lexicon_versions
from analysis.present import export, report
from analysis.records import ArticleAnalysis
from analysis.version import ENGINE_VERSION
from tests.present.export_sample import sample_analysis

SEED = Path(__file__).resolve().parents[2] / "sample_articles" / "nato-eastern-flank.txt"
SECTIONS = ["Summary", "Charts", "Actors", "Highlighted article text", "Evidence", "Method notes"]
SCRIPT_SRC = re.compile(r"<script[^>]*\bsrc\s*=", re.IGNORECASE)


@pytest.fixture(scope="module")
def seed() -> ArticleAnalysis:
    from analysis.engine.pipeline import analyze

    return analyze(SEED.read_text(encoding="utf-8"), title="NATO eastern flank")


@pytest.fixture(scope="module")
def seed_report(seed: ArticleAnalysis) -> report.Report:
    return report.build_article_report(seed, label={"file": "nato-eastern-flank.txt"})


@pytest.fixture(scope="module")
def seed_pdf(seed_report: report.Report) -> list[str]:
    """The text of each page of the seed report's PDF."""
    data = report.report_pdf(seed_report)
    assert data.startswith(b"%PDF-")
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def _flat(text: str) -> str:
    """PDF text with line breaks and ligatures undone, for phrase searches."""
    return " ".join(text.replace("ﬁ", "fi").replace("ﬂ", "fl").split())


# ---- HTML ---------------------------------------------------------------------------------


def test_html_report_is_self_contained(seed_report: report.Report) -> None:
    page = report.report_html(seed_report).decode("utf-8")
    assert not SCRIPT_SRC.search(page)
    assert page.count("Plotly.newPlot(") == len(seed_report.figures) >= 3
    assert "plotly.js v" in page  # the library itself is inline


def test_html_report_holds_every_section(seed: ArticleAnalysis, seed_report: report.Report) -> None:
    page = report.report_html(seed_report).decode("utf-8")
    for heading in SECTIONS:
        assert f">{heading}</h2>" in page
    assert "NATO eastern flank" in page
    assert "nato-eastern-flank.txt" in page  # metadata
    assert report.article_summary(seed)[0] in page
    for actor in seed.actors:
        assert f"<td>{actor.name}</td>" in page
    assert '<mark data-kind="attribution" data-category="distancing"' in page
    assert 'class="fl-article fl-legend"' in page
    for m in seed.markers:
        assert html.escape(m.text) in page
    # method notes: every word list, its version and a source it cites
    for name, version in lexicon_versions().items():
        assert f"<td>{name}</td><td>{version}</td>" in page
    first_source = lexicon_frame("reporting_verbs")["source"][0].split(";")[0].strip()
    assert first_source.replace("'", "&#x27;").replace('"', "&quot;") in page
    assert f"engine version {ENGINE_VERSION}" in page
    assert seed_report.created.strftime("%Y-%m-%d") in page


def test_html_report_escapes_untrusted_text() -> None:
    r = report.build_article_report(sample_analysis(), figures=[])
    page = report.report_html(r).decode("utf-8")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>test</b>" not in page
    assert "&lt;b&gt;test&lt;/b&gt;" in page
    assert "<i>escaped</i>" not in page  # warnings are text too


def test_summary_counts_come_from_markers() -> None:
    a = sample_analysis()
    lines = report.article_summary(a)
    assert lines[0].startswith("29 words, 4 actors, 5 markers of framing: 3 reporting verbs")
    assert "Jens Stoltenberg: 1 statement — 1 distancing (claimed)." in lines
    assert lines[-1].startswith("Most distanced: Jens Stoltenberg (100%")


# ---- PDF ----------------------------------------------------------------------------------


def test_pdf_sections_each_start_a_page_in_order(seed_pdf: list[str]) -> None:
    assert _flat(seed_pdf[0]).startswith("NATO eastern flank Framing Lens report")
    starts = []
    for heading in SECTIONS[1:]:
        pages = [i for i, t in enumerate(seed_pdf) if _flat(t).startswith(heading)]
        assert pages, f"no page starts with {heading!r}"
        starts.append(pages[0])
    assert starts == sorted(starts)
    assert starts[0] == 1  # summary fits on the first page, charts follow
    assert "Summary" in _flat(seed_pdf[0])
    # each section begins at the top of a page: the page before ends the previous section
    for start, heading in zip(starts, SECTIONS[1:], strict=True):
        assert heading not in _flat(seed_pdf[start - 1]).split(" Summary ")[-1][-200:]
    assert 6 <= len(seed_pdf) <= 20


def test_pdf_text_is_real_text(
    seed: ArticleAnalysis, seed_report: report.Report, seed_pdf: list[str]
) -> None:
    everything = _flat(" ".join(seed_pdf))
    for actor in seed.actors:
        assert actor.name in everything
    axis_titles = [f.layout.xaxis.title.text for _, f in seed_report.figures]
    assert any(axis_titles)
    for title in filter(None, axis_titles):  # chart text comes from the SVG, as text
        assert _flat(title) in everything
    assert "Stoltenberg claimed that satellite images confirm" in everything  # article text
    assert "Recasens" in everything  # method notes: sources
    assert f"engine version {ENGINE_VERSION}" in everything
    assert "<mark" not in everything


def test_pdf_needs_a_browser_and_says_so(
    seed_report: report.Report, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    export.stop_exporter()
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "none"))
    with pytest.raises(export.ExportUnavailable, match="apt-get install chromium"):
        report.report_pdf(seed_report)
    assert not SCRIPT_SRC.search(report.report_html(seed_report).decode())  # HTML still works


# ---- comparison ---------------------------------------------------------------------------


def test_comparison_report_groups_by_outlet(seed: ArticleAnalysis) -> None:
    comparison = compare_analyses(
        {"Wire A": [seed], "Wire B": [sample_analysis("Second"), sample_analysis("Third")]}
    )
    r = report.build_comparison_report(comparison, sections=report.SECTIONS)
    assert r.title == "Framing by outlet: Wire A, Wire B"
    assert list(r.actors.columns[:3]) == ["actor", "type", "outlet"]
    rows = r.actors.set_index(["actor", "outlet"])
    assert rows.loc[("Jens Stoltenberg", "Wire B"), "distancing"] == 2  # two articles pooled
    assert rows.loc[("Jens Stoltenberg", "Wire B"), "articles"] == 2
    assert (
        rows.loc[("Jens Stoltenberg", "Wire A"), "distancing"]
        == (seed.actor("Jens Stoltenberg").stance_counts["distancing"])
    )
    assert [h for h, _ in r.texts] == [
        "Wire A: NATO eastern flank",
        "Wire B: Second",
        "Wire B: Third",
    ]
    assert set(r.evidence["article"]) == {h for h, _ in r.texts}
    assert r.summary[0].startswith("3 articles from 2 outlets")
    assert r.summary[1].startswith("Wire A: 1 article, ")
    page = report.report_html(r).decode()
    assert "Monroe, Colaresi &amp; Quinn 2008" in page
    assert "&lt;script&gt;alert(1)" in page
    assert "<script>alert(1)" not in page


def test_comparison_report_caps_the_printed_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report, "MAX_TEXTS", 2)
    comparison = compare_analyses({g: [sample_analysis(g)] for g in ("A", "B", "C")})
    r = report.build_comparison_report(comparison, top_actors=2, sections=report.SECTIONS)
    assert len(r.texts) == 2
    assert any("first 2 of 3 articles" in w for w in r.warnings)
    assert r.actors["actor"].nunique() == 2
    assert any("lists the 2 actors with most attributions of 4" in w for w in r.warnings)


def test_comparison_report_sections_evidence_cap_and_sources_once() -> None:
    comparison = compare_analyses({g: [sample_analysis(g)] for g in ("A", "B")})
    default = report.render_html(report.build_comparison_report(comparison))
    heads = re.findall(r'<section id="(\w+)"><h2>', default)
    assert heads == ["charts", "actors", "differences", "evidence", "method"]
    assert "Highlighted article text" not in default  # the long part comes on request
    r = report.build_comparison_report(
        comparison, sections=("summary", "differences", "evidence"), evidence_per_article=3
    )
    page = report.render_html(r)
    assert re.findall(r'<section id="(\w+)"><h2>', page) == ["differences", "evidence"]
    assert ">Method notes</h2>" not in page and ">Summary</h2>" in page
    assert r.evidence.groupby("article").size().max() == 3
    assert any("first 3 markers of each article" in w for w in r.warnings)
    assert any("too little data" in line for line in r.differences)  # one article per outlet
    # Each source is listed once in the method notes, without VADER's per-term valence.
    notes = report.render_html(report.build_comparison_report(comparison, sections=["method"]))
    assert notes.count("VADER lexicon (Hutto &amp; Gilbert 2014)") == 1
    assert "valence +" not in notes


def test_an_article_with_nothing_to_show_still_reports() -> None:
    from analysis.engine.pipeline import analyze

    empty = analyze("Hello world. Nothing happens here.", title="Quiet day")
    assert not empty.actors
    r = report.build_article_report(empty)
    assert ">Actors</h2>" in report.report_html(r).decode()
    pages = pypdf.PdfReader(io.BytesIO(report.report_pdf(r))).pages
    assert _flat(pages[0].extract_text()).startswith("Quiet day")
    assert "Nothing happens here." in _flat(" ".join(p.extract_text() for p in pages))
