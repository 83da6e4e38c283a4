"""The article library as the Library and Compare pages use it: opened per run, cached reads.

Each script run opens its own SQLite connection (connections must not cross threads); the first
open of a library file puts the sample articles in it. The comparison of a filter is a cached
resource keyed by the library's revision, so it is rebuilt only when the library changed; it
reads the count tables in SQL (:class:`analysis.library.query.Selection`), each page run through
its own connection.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import ExitStack

import pandas as pd
import streamlit as st

from analysis.compare.comparison import Comparison
from analysis.compare.resolution import ActorResolution, resolve_actors
from analysis.library.aliases import AliasTable
from analysis.library.cluster import cluster_address, connect
from analysis.library.corpus import CorpusRow
from analysis.library.importer import MIN_PARALLEL, ImportReport, analyse_missing, import_corpus
from analysis.library.progress import Meter
from analysis.library.query import ArticleFilter, LibrarySpan, Selection, library_span
from analysis.library.samples import seed_library
from analysis.library.store import Library, default_path
from analysis.library.stored import damaged_message, damaged_rows
from analysis.version import analysis_key
from ui.text import md, md_block


def open_library() -> Library:
    """The user's library (``$FRAMING_LENS_DB`` or the data folder), seeded with the samples."""
    library = Library(default_path())
    seed_library(library)
    return library


def progress_bar(label: str) -> tuple[Callable[[int, int], None], Callable[[], None]]:
    """(callback, close) of a Streamlit progress bar showing done of total, rate and time left."""
    bar = st.progress(0.0, text=f"{label}…")
    meter = Meter()

    def progress(done: int, total: int) -> None:
        reading = meter.update(done, total)
        bar.progress(reading.fraction, text=f"{label}: {reading.describe()}")

    def close() -> None:
        bar.empty()

    return progress, close


def analyse_with_progress(library: Library, ids: Sequence[int] | None, label: str) -> int:
    """Analyse the given articles that have no current analysis, with a progress bar."""
    if not library.missing_count(ids=ids):
        return 0
    progress, close = progress_bar(label)
    n = analyse_missing(library, ids=ids, progress=progress)
    close()
    return n


def import_with_progress(
    library: Library, rows: Sequence[CorpusRow], label: str = "Importing and analysing"
) -> ImportReport:
    """Store and analyse corpus rows with a progress bar (rate, time left): on the Dask cluster
    of ``$FRAMING_LENS_CLUSTER`` when set and reachable, else on all cores here."""
    progress, close = progress_bar(label)
    with ExitStack() as stack:
        runner = None
        address = cluster_address()
        if address and len(rows) >= MIN_PARALLEL:
            try:
                runner = stack.enter_context(connect(address))
            except OSError as exc:
                st.warning(f"{md(exc)}. Analysing on this machine instead.")
        report = import_corpus(
            library, rows, total=len(rows), progress=progress, runner=runner, keep_ids=True
        )
    close()
    return report


@st.cache_resource(max_entries=2, show_spinner=False)
def actor_resolution(path: str, revision: int, key: str) -> tuple[ActorResolution, pd.DataFrame]:
    """(the library's actor resolution with its alias table, the name counts it read), once
    per revision: every comparison of the library and the alias editor share it, so a filter
    change does not resolve the names again."""
    with Library(path) as library:
        selection = Selection(library, key=key)
        counts = selection.name_counts()
        resolution = resolve_actors(counts, AliasTable(library).rules())
        selection.close()
    return resolution, counts


@st.cache_resource(max_entries=4, show_spinner=False)
def _comparison(path: str, revision: int, key: str, flt: ArticleFilter, by: str) -> Comparison:
    """The comparison of a filter (rebuilt when the library's revision changes).

    Its tables are computed on first use; evidence sentences are read when a view shows them.
    """
    resolution, _ = actor_resolution(path, revision, key)
    with Library(path) as library:
        selection = Selection(library, flt, by=by, key=key)
    return Comparison(selection, resolution=resolution, group_kind=by)


def comparison_of(library: Library, flt: ArticleFilter, by: str) -> Comparison:
    """A cached :class:`Comparison` of the stored articles passing ``flt``, grouped ``by``.

    Stored analyses found damaged while reading are left out with a warning, and their cache
    rows dropped so that the next run analyses those articles again.
    """
    comparison = _comparison(str(library.path), library.revision(), analysis_key(), flt, by)
    warn_about_damaged(library)
    return comparison


def warn_about_damaged(library: Library) -> None:
    """Say which stored analyses were found damaged so far, and drop them to be made again."""
    damaged = damaged_rows(library.path, clear=True)
    if damaged:
        st.warning(md_block(damaged_message(damaged)))
        library.drop_analyses(damaged)


# Resources, not data: the server's start-up warm-up (ui/serve.py) fills these, and only the
# resource cache is the same before and after the Streamlit runtime starts.
@st.cache_resource(max_entries=4, show_spinner=False)
def _missing_in_library(path: str, revision: int, key: str) -> int:
    """Articles of the whole library with no analysis under ``key``, once per revision (storing
    an analysis changes the revision)."""
    with Library(path) as library:
        return library.missing_count(key)


def missing_in_library(library: Library) -> int:
    """How many articles of the library have no current analysis (cached per revision)."""
    return _missing_in_library(str(library.path), library.revision(), analysis_key())


@st.cache_resource(max_entries=4, show_spinner=False)
def _library_facts(path: str, revision: int) -> tuple[tuple[str, ...], LibrarySpan]:
    """The library's outlets and its span (dates, real and constructed articles), once per
    revision (every change to an article changes it)."""
    with Library(path) as library:
        return tuple(library.outlets()), library_span(library)


def outlets_of(library: Library) -> list[str]:
    """The library's outlets, sorted (cached per revision)."""
    return list(_library_facts(str(library.path), library.revision())[0])


def span_of(library: Library) -> LibrarySpan:
    """The library's dated range and its real and constructed article counts (cached)."""
    return _library_facts(str(library.path), library.revision())[1]


def missing_of(library: Library, flt: ArticleFilter) -> list[int]:
    """Ids of the articles passing ``flt`` that have no current analysis yet."""
    key = analysis_key()
    # Usually every article is analysed: then no filter needs its own search (a second on
    # 100,000 articles at every filter change).
    if not missing_in_library(library):
        return []
    return Selection(library, flt, key=key).missing_ids()


def ids_filter(ids: Iterable[int]) -> ArticleFilter:
    """A filter of these article ids only."""
    return ArticleFilter(ids=tuple(sorted(int(i) for i in ids)))
