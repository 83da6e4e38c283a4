"""The article library as the Library and Compare pages use it: opened per run, cached reads.

Each script run opens its own SQLite connection (connections must not cross threads); the first
open of a library file puts the sample articles in it. The comparison over stored analyses is a
cached resource keyed by the library's revision, so it is rebuilt only when the library changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import streamlit as st

from analysis.compare.comparison import Comparison, entries_from_library
from analysis.library.importer import analyse_missing
from analysis.library.samples import seed_library
from analysis.library.store import Library, default_path
from analysis.library.stored import damaged_message, damaged_rows
from analysis.version import ENGINE_VERSION
from ui.text import md_block


def open_library() -> Library:
    """The user's library (``$FRAMING_LENS_DB`` or the data folder), seeded with the samples."""
    library = Library(default_path())
    seed_library(library)
    return library


def analyse_with_progress(library: Library, ids: Sequence[int] | None, label: str) -> int:
    """Analyse the given articles that have no current analysis, with a progress bar."""
    missing = library.missing_analyses(ids=ids)
    if not missing:
        return 0
    bar = st.progress(0.0, text=f"{label}: 0 of {len(missing)}")

    def progress(done: int, total: int) -> None:
        bar.progress(done / total if total else 1.0, text=f"{label}: {done} of {total}")

    n = analyse_missing(library, ids=ids, progress=progress)
    bar.empty()
    return n


def _load_summary(path: str, engine: str, article_id: int) -> dict:
    """One article's full analysis summary (own connection: may run in any thread)."""
    with Library(path) as library:
        return library.summary(article_id, engine_version=engine) or {}


@st.cache_resource(max_entries=4, show_spinner=False)
def _comparison(path: str, revision: int, engine: str, ids: tuple[int, ...], by: str) -> Comparison:
    """The comparison of the given articles (rebuilt when the library's revision changes).

    Only the compact profiles are read up front; a full summary is read when a view (side by
    side, export) needs that article.
    """
    with Library(path) as library:
        pairs = library.profiles(ids, engine_version=engine)
    load = partial(_load_summary, path, engine)
    return Comparison(entries_from_library(pairs, by=by, load=load))


def comparison_of(library: Library, ids: Sequence[int], by: str) -> Comparison:
    """A cached :class:`Comparison` of stored articles grouped ``by`` outlet or article.

    Stored analyses found damaged while reading are left out with a warning, and their cache
    rows dropped so that the next run analyses those articles again.
    """
    comparison = _comparison(
        str(library.path), library.revision(), ENGINE_VERSION, tuple(sorted(ids)), by
    )
    damaged = damaged_rows(library.path, clear=True)
    if damaged:
        st.warning(md_block(damaged_message(damaged)))
        library.drop_analyses(damaged)
    return comparison
