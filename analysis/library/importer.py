"""Putting articles into the library and analysing them on every core.

Analysis is the slow part (spaCy runs ≈ 3,400 words/s on one core), so a large import analyses
in a :class:`concurrent.futures.ProcessPoolExecutor`: each worker loads the spaCy model once (the
pool initializer) and analyses chunks of articles; the parent process only writes results to
SQLite. Small jobs run in-process, because starting a worker costs a model load (~1–2 s).
Workers are started with ``spawn``: forking a multi-threaded parent (the Streamlit server) can
deadlock.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import types
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass

from analysis.library.corpus import CorpusRow, RowError
from analysis.library.store import Library, split_analysis

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while articles are analysed."""

CHUNK = 8
"""Articles per worker task: enough to use spaCy's batching, small enough for a smooth bar."""

MIN_PARALLEL = 24
"""Below this many articles, analysing in-process is faster than starting workers."""


@dataclass(frozen=True)
class ImportReport:
    """What an import did: articles added, duplicates skipped, analyses made, rows refused."""

    added: int
    duplicates: int
    analysed: int
    errors: tuple[RowError, ...] = ()
    ids: tuple[int, ...] = ()

    def summary(self) -> str:
        """One plain sentence for the user."""
        parts = [f"{self.added} article{'s' if self.added != 1 else ''} added"]
        if self.duplicates:
            parts.append(f"{self.duplicates} already in the library (not stored twice)")
        parts.append(f"{self.analysed} analysed")
        if self.errors:
            parts.append(f"{len(self.errors)} row{'s' if len(self.errors) != 1 else ''} refused")
        return ", ".join(parts) + "."


def cpu_count() -> int:
    """Cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@contextmanager
def _plain_main() -> Iterator[None]:
    """Hide the parent's ``__main__`` while workers start, so they do not re-run it.

    A spawned worker re-executes the parent's main script (``__mp_main__``). Under
    ``streamlit run`` that is the app script itself, which would start the UI in every worker.
    The workers need nothing from it: their functions live in this module.
    """
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


def _init_worker(parent: int) -> None:
    """Load the spaCy model once per worker process, before the first task.

    Each worker also keeps its numeric libraries to one thread: the pool already uses every
    core, and more threads per worker would only compete for them. It ends itself when
    ``parent`` dies (:mod:`analysis.library.orphans`).
    """
    from threadpoolctl import threadpool_limits

    from analysis.engine.model import load_model
    from analysis.library.orphans import watch_parent

    watch_parent(parent)
    threadpool_limits(1)
    load_model()


def _analyse_chunk(items: Sequence[tuple[str, str]]) -> list[tuple[str, str, str, str]]:
    """(sha256, engine version, summary JSON, detail JSON) for each (sha256, text)."""
    from analysis.engine.pipeline import analyze_many

    results = analyze_many([text for _, text in items])
    out = []
    for (sha, _), result in zip(items, results, strict=True):
        data, detail = split_analysis(result)
        out.append((sha, result.engine_version, data, detail))
    return out


def analyse_texts(
    items: Sequence[tuple[str, str]],
    *,
    workers: int | None = None,
    progress: Progress | None = None,
) -> Iterator[list[tuple[str, str, str, str]]]:
    """Analyse (key, text) pairs on all cores; yields result chunks as they finish.

    Args:
        items: (key, text) pairs; the key (e.g. the text hash) comes back with each result.
        workers: worker processes; default all cores. 1 (or a small job) runs in this process.
        progress: ``progress(done, total)`` callback.

    Yields:
        Lists of (key, engine version, summary JSON, detail JSON), see
        :func:`analysis.library.store.split_analysis`, in completion order.
    """
    total = len(items)
    if progress:
        progress(0, total)
    if not total:
        return
    n_workers = max(1, min(workers or cpu_count(), -(-total // CHUNK)))
    chunks = [items[i : i + CHUNK] for i in range(0, total, CHUNK)]
    done = 0
    if n_workers == 1 or total < MIN_PARALLEL:
        for chunk in chunks:
            rows = _analyse_chunk(chunk)
            done += len(rows)
            if progress:
                progress(done, total)
            yield rows
        return
    ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        n_workers, mp_context=ctx, initializer=_init_worker, initargs=(os.getpid(),)
    )
    try:
        with _plain_main():  # the workers start during the first submits
            futures = [pool.submit(_analyse_chunk, chunk) for chunk in chunks]
        for future in as_completed(futures):
            rows = future.result()
            done += len(rows)
            if progress:
                progress(done, total)
            yield rows
    finally:  # also when the caller stops early or fails: no queued chunk is started after
        pool.shutdown(wait=True, cancel_futures=True)


def analyse_missing(
    library: Library,
    *,
    ids: Iterable[int] | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
) -> int:
    """Analyse every stored article that has no analysis by the current engine version.

    Args:
        library: the open library (results are written to it as they come).
        ids: only these articles (default: all).
        workers: worker processes; default all cores. 1 analyses in this process.
        progress: ``progress(done, total)`` callback.

    Returns:
        How many articles were analysed.
    """
    todo = [(sha, text) for _, sha, text in library.missing_analyses(ids=ids)]
    for rows in analyse_texts(todo, workers=workers, progress=progress):
        library.put_analyses(rows)
    return len(todo)


def import_rows(
    library: Library,
    rows: Sequence[CorpusRow],
    *,
    errors: Sequence[RowError] = (),
    analyse: bool = True,
    workers: int | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Store corpus rows (duplicates detected by text hash) and analyse the new ones.

    Args:
        library: the open library.
        rows: rows from :func:`analysis.library.corpus.read_corpus`.
        errors: the rows that could not be read, passed through to the report.
        analyse: False stores only (analysis then happens on demand).
        workers: worker processes for the analysis; default all cores.
        progress: ``progress(done, total)`` callback during the analysis.

    Returns:
        :class:`ImportReport`.
    """
    results = library.add_many([r.record() for r in rows]) if rows else []
    ids = tuple(r.id for r in results)
    analysed = (
        analyse_missing(library, ids=ids, workers=workers, progress=progress) if analyse else 0
    )
    added = sum(not r.duplicate for r in results)
    return ImportReport(
        added=added,
        duplicates=len(results) - added,
        analysed=analysed,
        errors=tuple(errors),
        ids=ids,
    )
