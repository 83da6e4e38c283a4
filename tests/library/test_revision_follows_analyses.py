"""Dropping stored analyses changes the library's revision, so caches keyed by it refresh."""

from __future__ import annotations

from pathlib import Path

from analysis import analyze
from analysis.library.store import Library

TEXT = "Officials said the talks would resume. The minister claimed the deal was dead."


def test_dropping_an_analysis_changes_the_revision(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite") as library:
        article_id = library.add(TEXT, title="Talks", outlet="Courier").id
        assert library.put_analysis(analyze(TEXT))
        before = library.revision()
        library.drop_analyses([article_id])
        after = library.revision()
        assert after > before
        # a second drop of nothing changes nothing (no row was deleted)
        library.drop_analyses([article_id])
        assert library.revision() == after
