"""The Analyze page's cache is keyed by the analysis key: an edited lexicon is not served stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import lexicons
from analysis.records import ArticleAnalysis
from ui import analysis_cache


def test_an_edited_lexicon_is_not_served_from_the_page_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = Path(lexicons.__file__).parent
    copy = tmp_path / "lexicons"
    copy.mkdir()
    for name in lexicons.lexicon_names():
        (copy / f"{name}.csv").write_bytes((shipped / f"{name}.csv").read_bytes())
    monkeypatch.setattr(lexicons, "_raw", lambda n: (copy / f"{n}.csv").read_text("utf-8"))
    monkeypatch.setattr(analysis_cache, "warm_engine", lambda: True)
    lexicons.lexicon_digest.cache_clear()
    calls: list[str] = []

    def fake_analyze(
        text: str, title: str | None = None, time_limit: float | None = None
    ) -> ArticleAnalysis:
        calls.append(text)
        return ArticleAnalysis(text=text, title=title, words=len(text.split()), engine_version="x")

    monkeypatch.setattr("analysis.engine.pipeline.analyze", fake_analyze)
    text = f"A text only this test analyses ({tmp_path.name})."
    analysis_cache.analyze_cached(text)
    analysis_cache.analyze_cached(text)
    assert len(calls) == 1
    with (copy / "doubt.csv").open("a", encoding="utf-8") as fh:
        fh.write("perchance,hedge,A test hedge.,test\n")
    lexicons.lexicon_digest.cache_clear()  # what a new process (the next server start) reads
    analysis_cache.analyze_cached(text)
    assert len(calls) == 2
    lexicons.lexicon_digest.cache_clear()
