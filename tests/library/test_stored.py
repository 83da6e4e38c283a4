"""Analyses read back from the library are validated: a damaged row is skipped and named."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from analysis.library.store import Library
from analysis.library.stored import damaged_message, damaged_rows
from analysis.records import ArticleAnalysis
from analysis.version import ENGINE_VERSION
from tests.present.export_sample import sample_analysis

OTHER = "The spokesman said the ministers met. Officials claimed progress on the talks."


def _library(tmp_path: Path) -> tuple[Path, int, int]:
    """A library with two analysed articles; returns (path, id of the sample, id of the other)."""
    path = tmp_path / "lib.sqlite3"
    a = replace(sample_analysis(), engine_version=ENGINE_VERSION)
    b = ArticleAnalysis(text=OTHER, title="Other", words=12, engine_version=ENGINE_VERSION)
    with Library(path) as lib:
        first = lib.add(a.text, title="Sample", outlet="One", analysis=a).id
        second = lib.add(b.text, title="Other", outlet="Two", analysis=b).id
    return path, first, second


def _corrupt(path: Path, article_id: int, change: object) -> None:
    """Rewrite the stored summary JSON of one article (as another program or a disk error might)."""
    with sqlite3.connect(path) as con:
        sha = con.execute("SELECT sha256 FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
        data = con.execute("SELECT data FROM analyses WHERE sha256 = ?", (sha,)).fetchone()[0]
        if callable(change):
            doc = json.loads(data)
            change(doc)
            data = json.dumps(doc)
        else:
            data = str(change)
        con.execute("UPDATE analyses SET data = ? WHERE sha256 = ?", (data, sha))


def _start_as_text(doc: dict) -> None:
    doc["markers"][0]["start"] = "12"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (_start_as_text, "marker 1's “start” must be a whole number"),
        ("{not json", "is not valid JSON"),
        (lambda d: d.update(actors=5), "“actors” must be a list"),
        (lambda d: d["markers"][0].update(end=10**6), "marker 1's offsets"),
    ],
)
def test_a_damaged_stored_analysis_is_skipped_with_a_reason(
    tmp_path: Path, change: object, reason: str
) -> None:
    path, bad, good = _library(tmp_path)
    _corrupt(path, bad, change)
    with Library(path) as lib:
        assert [a.id for a, _ in lib.analyses()] == [good]
        if reason != "marker 1's offsets":  # summaries have no text to check offsets against
            assert [a.id for a, _ in lib.summaries()] == [good]
            assert lib.summary(bad) is None
    found = damaged_rows(path, clear=True)
    assert list(found) == [bad]
    assert reason in found[bad]
    assert f"#{bad}" in damaged_message(found)


def test_a_damaged_cache_is_replaced_by_a_fresh_analysis(tmp_path: Path) -> None:
    path, bad, _good = _library(tmp_path)
    _corrupt(path, bad, _start_as_text)
    fresh = replace(sample_analysis(), engine_version=ENGINE_VERSION)
    with Library(path) as lib:
        got = lib.analysis(bad, analyze=lambda text, title=None: fresh)
        assert got is not None and got.markers == fresh.markers
        assert [a.id for a, _ in lib.analyses(ids=[bad])] == [bad]  # the cache was rewritten
    assert bad in damaged_rows(path, clear=True)


def test_dropping_damaged_analyses_makes_them_missing_again(tmp_path: Path) -> None:
    path, bad, good = _library(tmp_path)
    with Library(path) as lib:
        assert lib.missing_count() == 0
        lib.drop_analyses([bad])
        assert [i for i, _, _ in lib.missing_analyses()] == [bad]
        assert lib.get(good) is not None and lib.get(bad) is not None  # articles untouched
