"""The launcher `make run` uses (ui/serve.py): the pages' work is done before the server listens."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit import delta_generator
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from analysis.compare import Comparison
from analysis.compare import comparison as comparison_module
from analysis.engine import model
from analysis.library.query import ArticleFilter, Selection
from analysis.library.store import Library
from analysis.present import export
from tests.library.scored_library import analysis_of
from ui import analysis_cache, downloads, library_access, prefetch, serve
from ui.compare_filters import default_filter


def analysed_library(path: Path) -> None:
    """The samples plus six reports of two outlets, every one with a (stand-in) analysis."""
    library_access.open_library().close()  # the samples, as the first visitor finds them
    with Library(path) as library:
        for i in range(6):
            text = f"Vladimir Putin said talks of round {i} failed."
            stances = {"Vladimir Putin": (i % 2, 1), "Jens Stoltenberg": (1, i % 3)}
            library.add(text, title=f"Talks {i}", outlet=("Wire", "Courier")[i % 2],
                        analysis=analysis_of(text, stances))  # fmt: skip
        for _id, _sha, text in library.missing_analyses():
            library.put_analysis(analysis_of(text, {"Kremlin": (0, 1)}))
        assert not library.missing_count()


def test_warm_up_computes_what_the_compare_pages_first_run_reads(
    db: Path, flag: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    for cached in (library_access.actor_resolution, library_access._comparison,
                   library_access._library_facts, library_access._missing_in_library,
                   analysis_cache.warm_engine):  # fmt: skip
        cached.clear()
    PagesManager.uses_pages_directory = None
    prefetch.chunk_files.cache_clear()
    downloads.warm_exporter.clear()
    export.stop_exporter()
    monkeypatch.setattr(delta_generator, "_use_warning_has_been_displayed", False)
    windows: list[ArticleFilter] = []
    warm_windows = Selection.warm_windows
    monkeypatch.setattr(
        Selection, "warm_windows", lambda self: (windows.append(self.filter), warm_windows(self))
    )
    analysed_library(db)
    assert serve.warm_up().startswith("warmed up in")
    assert PagesManager.uses_pages_directory is False  # deep links run through app.py at once
    # What a process's first page run would otherwise do: list the chunk files, ask whether it
    # runs in a Python prompt; and what the first typed keyword would read (the kept list).
    assert prefetch.chunk_files.cache_info().currsize == 1
    # The chart-export browser is up before the server listens (where a browser is installed).
    assert export.exporter_running() == export.static_export_available()
    assert delta_generator._use_warning_has_been_displayed
    with Library(db) as library:
        assert windows == [default_filter(library)]

    def not_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("the first page run computed it again")

    # Everything the page would compute or read from the count tables now fails: the first
    # run of the real page must find it all in the caches the warm-up filled.
    monkeypatch.setattr(model, "load_model", not_again)
    assert analysis_cache.warm_engine()  # the language model was loaded by the warm-up
    for owner, name in (
        (library_access, "resolve_actors"), (library_access, "library_span"),
        (Comparison, "__init__"), (comparison_module, "pairwise_differences"),
        (Selection, "_merged_totals"), (Selection, "_actor_units"), (Selection, "analyses"),
        (Library, "missing_count"),
    ):  # fmt: skip
        monkeypatch.setattr(owner, name, not_again)
    app = AppTest.from_file(str(serve.ROOT / "pages" / "compare.py"), default_timeout=120).run()
    assert not app.exception, app.exception
    assert app.get("plotly_chart"), "the heat map is drawn"
    shown = " ".join(str(c.value) for c in app.caption)
    assert "groups" in shown  # "N articles in M groups", from the precomputed comparison
    with Library(db) as library:
        comparison = library_access.comparison_of(library, default_filter(library), "outlet")
    assert {"Wire", "Courier"} <= set(comparison.groups)


def test_with_articles_not_analysed_yet_nothing_is_compared(
    db: Path, flag: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    compared: list[object] = []
    monkeypatch.setattr(serve, "_precompute_compare", compared.append)
    assert serve.warm_up().startswith("warmed up in")  # the samples, not analysed yet
    with Library(db) as library:
        assert library.count() > 0 and library.missing_count() > 0
    # The page analyses them first (a new library revision): a comparison now would be wasted.
    assert compared == []


def test_a_failed_warm_up_still_starts_the_server(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    started: list[list[str]] = []

    def broken() -> str:
        raise OSError("disk full")

    monkeypatch.setattr(serve, "warm_up", broken)
    monkeypatch.setattr("streamlit.web.cli.main", lambda: started.append(list(serve.sys.argv)))
    serve.main(["--server.port", "9999"])
    assert "warm-up skipped (OSError: disk full)" in capsys.readouterr().out
    assert started and started[0][1:3] == ["run", str(serve.ROOT / "app.py")]
    assert started[0][3:] == ["--server.port", "9999"]
