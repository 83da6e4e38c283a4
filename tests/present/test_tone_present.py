"""The tone chart, the tone heat map and the tone evidence HTML (escaped, traced to the words)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import analyze
from analysis.present.report import build_article_report, render_html
from analysis.present.tone_charts import tone_chart, tone_heatmap_figure
from analysis.present.tone_evidence import MIN_SHOWN, tone_evidence_html, tone_mentions
from analysis.records import TONES, ArticleAnalysis

TEXT = (
    'Critics accused <b>Mayor</b> Joe Quimby of lying to voters. Joe Quimby praised the "firemen". '
    "Fans cheered as Lionel Messi scored twice. Joe Quimby was condemned again."
)


@pytest.fixture(scope="module")
def result() -> ArticleAnalysis:
    return analyze(TEXT)


def test_tone_chart_draws_each_actors_counts(result: ArticleAnalysis) -> None:
    fig = tone_chart(result)
    bars = {bar.name: dict(zip(bar.y, bar.x, strict=True)) for bar in fig.data}
    assert set(bars) == set(TONES)
    for a in result.actors:
        if sum(a.tone_counts.values()):
            for t in TONES:
                assert bars[t][a.name] == a.tone_counts[t]
    assert "mentions" in fig.data[0].hovertemplate


def test_tone_heatmap_greys_thin_cells_and_hovers_the_counts() -> None:
    grid = pd.DataFrame(
        {
            "actor": ["<i>X</i>", "<i>X</i>"],
            "group": ["A", "B"],
            "tone_negative": [3, 1],
            "tone_neutral": [1, 0],
            "tone_positive": [0, 0],
            "scored": [4, 1],
            "net_tone": [-0.75, -1.0],
        }
    )
    fig = tone_heatmap_figure(grid, min_mentions=3)
    heat = fig.data[0]
    assert list(heat.z[0]) == [-0.75, None]
    assert "negative 3, neutral 1, positive 0" in heat.customdata[0][0]
    assert "&lt;i&gt;X&lt;/i&gt;" in heat.customdata[0][0] and "<i>X" not in heat.customdata[0][0]
    assert heat.text[0][1] == "n=1"


def test_tone_evidence_marks_the_deciding_words_and_escapes_the_text(
    result: ArticleAnalysis,
) -> None:
    quimby = next(a.name for a in result.actors if "Quimby" in a.name)
    shown = tone_mentions(result, quimby)
    assert shown and shown[0].tone == "negative"
    body = tone_evidence_html(result, quimby)
    assert "<b>Mayor</b>" not in body and "&lt;b&gt;Mayor&lt;/b&gt;" in body
    strong = [w for w, x, a, _ in shown[0].tone_evidence if x >= MIN_SHOWN and a >= 0]
    assert strong
    for word in strong:
        assert f">{word}</mark>" in body
    assert "The tone model reads this sentence as" in body
    assert tone_evidence_html(result, "Nobody at all") == ""


def test_article_report_has_tone_columns_and_chart(result: ArticleAnalysis) -> None:
    html = render_html(build_article_report(result))
    for col in ("tone negative", "tone neutral", "tone positive", "net tone"):
        assert f"<th>{col}</th>" in html
    assert "Tone towards each actor" in html and "NewsMTSC" in html
