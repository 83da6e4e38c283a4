"""Putting articles into the library and analysing them on every core (or a cluster).

An import streams: rows are read one at a time (:class:`~analysis.library.corpus.CorpusReader`),
stored a batch at a time (duplicates detected by text hash), and the texts that still lack an
analysis go, in chunks, to worker processes. At most a few chunks per worker are in flight, so
memory stays flat whatever the corpus size. Each worker loads the spaCy model once and returns
ready-to-write records (:mod:`analysis.library.worker`); the parent is the one writer and commits
results in batches.

Resuming: a killed import leaves whole batches behind (each write is one transaction). Run it
again and every stored row is recognised by its hash and every stored analysis is skipped, so it
continues where it stopped and stores nothing twice.

Workers are forked when this process runs a single thread (the command line: they start at once
with the model already loaded) and spawned otherwise (under Streamlit, where forking a
multi-threaded process can deadlock). Small jobs run in-process: a worker costs a model load.
For a ``dask.distributed`` cluster see :mod:`analysis.library.cluster`.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import sys
import threading
import time
import types
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Protocol

from analysis.library.corpus import CorpusRow, RowError
from analysis.library.progress import Progress
from analysis.library.serialise import StoredAnalysis
from analysis.library.store import Library, normalise_text
from analysis.library.worker import Chunk, analyse_chunk, init_worker

CHUNK = 8
"""Articles per worker task: enough to use spaCy's batching, small enough for a smooth bar."""

MIN_PARALLEL = 24
"""Below this many articles, analysing in-process is faster than starting workers."""

ROW_BATCH = 256
"""Rows stored per transaction while reading a corpus."""

WRITE_EVERY = 2.0
"""Seconds between two commits of finished analyses (also written once 256 are waiting)."""


@dataclass(frozen=True)
class ImportReport:
    """What an import did: articles added, duplicates skipped, analyses made, rows refused.

    ``analysed`` counts the analyses made by this import; ``reused`` the rows whose text already
    had a current analysis (kept from an earlier import or an analysis on another page), which
    were not analysed again but are analysed all the same.
    """

    added: int
    duplicates: int
    analysed: int
    errors: tuple[RowError, ...] = ()
    ids: tuple[int, ...] = ()
    reused: int = 0

    def summary(self) -> str:
        """One plain sentence for the user."""
        parts = [f"{self.added} article{'s' if self.added != 1 else ''} added"]
        if self.duplicates:
            parts.append(f"{self.duplicates} already in the library (not stored twice)")
        ready = self.analysed + self.reused
        parts.append(
            f"{ready} analysed ({self.reused} from earlier analyses of the same text)"
            if self.reused
            else f"{ready} analysed"
        )
        if self.errors:
            parts.append(f"{len(self.errors)} row{'s' if len(self.errors) != 1 else ''} refused")
        return ", ".join(parts) + "."


class Runner(Protocol):
    """Where chunks are analysed: this process, a local pool, or a Dask cluster."""

    window: int
    """Chunks in flight at most (bounds the memory of an import)."""

    def submit(self, chunk: Chunk) -> Any:
        """Start analysing a chunk; returns a future of ``list[StoredAnalysis]``."""

    def wait_first(self, pending: set[Any]) -> tuple[set[Any], set[Any]]:
        """Wait until at least one future is done; (done, still pending)."""


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
    The workers need nothing from it: their functions live in :mod:`analysis.library.worker`.
    """
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


class InProcess:
    """Analyses each chunk right away in this process (small jobs, ``workers=1``)."""

    window = 1

    def submit(self, chunk: Chunk) -> Future[list[StoredAnalysis]]:
        future: Future[list[StoredAnalysis]] = Future()
        future.set_result(analyse_chunk(chunk))
        return future

    def wait_first(self, pending: set[Any]) -> tuple[set[Any], set[Any]]:
        return set(pending), set()


class LocalPool:
    """A pool of worker processes on this machine, one spaCy model each.

    Args:
        workers: processes (default all cores).
        start_method: ``fork`` or ``spawn``; default fork when this process runs one thread.
    """

    def __init__(self, workers: int | None = None, start_method: str | None = None) -> None:
        self.workers = max(1, workers or cpu_count())
        self.window = 3 * self.workers
        if start_method is None:
            forkable = "fork" in multiprocessing.get_all_start_methods()
            start_method = "fork" if forkable and threading.active_count() == 1 else "spawn"
        self.start_method = start_method
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalPool:
        if self.start_method == "fork":
            init_worker_in_parent()  # forked workers inherit the loaded model
        ctx = multiprocessing.get_context(self.start_method)
        self._pool = ProcessPoolExecutor(
            self.workers, mp_context=ctx, initializer=init_worker, initargs=(os.getpid(),)
        )
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def submit(self, chunk: Chunk) -> Future[list[StoredAnalysis]]:
        assert self._pool is not None, "use LocalPool as a context manager"
        with _plain_main():  # workers start during the first submits
            return self._pool.submit(analyse_chunk, list(chunk))

    def wait_first(self, pending: set[Any]) -> tuple[set[Any], set[Any]]:
        done, rest = wait(pending, return_when=FIRST_COMPLETED)
        return set(done), set(rest)


def init_worker_in_parent() -> None:
    """Load the model here before forking, so that forked workers share it."""
    from analysis.engine.model import load_model

    load_model()


def run_chunks(chunks: Iterable[Chunk], runner: Runner) -> Iterator[list[StoredAnalysis]]:
    """Analyse chunks on ``runner`` with at most ``runner.window`` in flight; results as done."""
    pending: set[Any] = set()
    for chunk in chunks:
        pending.add(runner.submit(chunk))
        while len(pending) >= runner.window:
            done, pending = runner.wait_first(pending)
            for future in done:
                yield future.result()
    while pending:
        done, pending = runner.wait_first(pending)
        for future in done:
            yield future.result()


def _chunks(items: Iterable[tuple[str, str]], size: int = CHUNK) -> Iterator[list[tuple[str, str]]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


@contextmanager
def _runner(total: int, workers: int | None, runner: Runner | None) -> Iterator[Runner]:
    """The given runner, or this process for small jobs, or a local pool."""
    if runner is not None:
        yield runner
        return
    n = min(workers or cpu_count(), -(-total // CHUNK)) if total else 1
    if n <= 1 or total < MIN_PARALLEL:
        yield InProcess()
        return
    with LocalPool(n) as pool:
        yield pool


def analyse_texts(
    items: Sequence[tuple[str, str]],
    *,
    workers: int | None = None,
    progress: Progress | None = None,
    runner: Runner | None = None,
) -> Iterator[list[StoredAnalysis]]:
    """Analyse (sha256, text) pairs on all cores; yields lists of results as they finish.

    Args:
        items: (key, text) pairs; the key (usually the text hash) comes back as ``sha256``.
        workers: worker processes; default all cores. 1 (or a small job) runs in this process.
        progress: ``progress(done, total)`` callback.
        runner: where to analyse (default: as ``workers`` says).
    """
    total = len(items)
    if progress:
        progress(0, total)
    if not total:
        return
    done = 0
    with _runner(total, workers, runner) as run:
        for results in run_chunks(_chunks(items), run):
            done += len(results)
            if progress:
                progress(done, total)
            yield results


@dataclass
class _Writer:
    """The one writer: commits finished analyses in batches (by time and by count)."""

    library: Library
    progress: Progress | None
    total: int
    done: int = 0
    analysed: int = 0
    _waiting: list[StoredAnalysis] = field(default_factory=list)
    _last: float = field(default_factory=time.monotonic)

    def skipped(self, n: int) -> None:
        """Rows that needed no analysis count as done."""
        self.done += n
        self._report()

    def add(self, results: list[StoredAnalysis]) -> None:
        self._waiting += results
        if len(self._waiting) >= 256 or time.monotonic() - self._last > WRITE_EVERY:
            self.flush()

    def flush(self) -> None:
        if self._waiting:
            n = self.library.put_analyses(self._waiting)
            self.analysed += n
            self.done += n
            self._waiting = []
        self._last = time.monotonic()
        self._report()

    def _report(self) -> None:
        if self.progress:
            self.progress(min(self.done, self.total), self.total)

    def finish(self) -> None:
        """Write what is waiting; the total becomes what was done (refused rows drop out)."""
        self.flush()
        if self.progress and self.done != self.total:
            self.total = self.done
            self._report()


def analyse_missing(
    library: Library,
    *,
    ids: Iterable[int] | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    runner: Runner | None = None,
) -> int:
    """Analyse every stored article that has no analysis under the current key.

    Args:
        library: the open library (results are written to it in batches as they come).
        ids: only these articles (default: all).
        workers: worker processes; default all cores. 1 analyses in this process.
        progress: ``progress(done, total)`` callback.
        runner: where to analyse (default: as ``workers`` says).

    Returns:
        How many articles were analysed.
    """
    id_list = None if ids is None else list(ids)
    total = library.missing_count(ids=id_list)
    writer = _Writer(library, progress, total)
    writer.skipped(0)
    if not total:
        return 0
    todo = ((sha, text) for _, sha, text in library.iter_missing(ids=id_list))
    with _runner(total, workers, runner) as run:
        for results in run_chunks(_chunks(todo), run):
            writer.add(results)
        writer.flush()
    return writer.analysed


def import_corpus(
    library: Library,
    rows: Iterable[CorpusRow],
    *,
    total: int | None = None,
    analyse: bool = True,
    workers: int | None = None,
    progress: Progress | None = None,
    runner: Runner | None = None,
    keep_ids: bool = False,
) -> ImportReport:
    """Store a stream of corpus rows and analyse every one that has no current analysis.

    Args:
        library: the open library.
        rows: corpus rows, read lazily (e.g. a :class:`~analysis.library.corpus.CorpusReader`).
        total: how many rows to expect, for the progress bar (default: unknown until read).
        analyse: False stores only (analysis then happens on demand).
        workers: worker processes; default all cores.
        progress: ``progress(done, total)`` callback; done counts rows stored and analysed.
        runner: where to analyse (default: in-process below :data:`MIN_PARALLEL` rows, else a
            local pool); a :class:`analysis.library.cluster.ClusterRunner` for a cluster.
        keep_ids: return the ids of every row (memory grows with the corpus).

    Returns:
        :class:`ImportReport` (errors are the caller's: the reader collects them).
    """
    counts = {"added": 0, "duplicates": 0, "reused": 0}
    ids: list[int] = []
    expected = total if total is not None else 0
    writer = _Writer(library, progress, expected)
    writer.skipped(0)

    size = expected if total is not None else MIN_PARALLEL
    with _runner(size, workers, runner) as run:
        todo = _store_and_list_missing(library, rows, analyse, keep_ids, counts, ids, writer)
        for results in run_chunks(_chunks(todo), run):
            writer.add(results)
        writer.finish()
    return ImportReport(
        added=counts["added"],
        duplicates=counts["duplicates"],
        analysed=writer.analysed,
        ids=tuple(ids),
        reused=counts["reused"],
    )


def _store_and_list_missing(
    library: Library,
    rows: Iterable[CorpusRow],
    analyse: bool,
    keep_ids: bool,
    counts: dict[str, int],
    ids: list[int],
    writer: _Writer,
) -> Iterator[tuple[str, str]]:
    """Store ``rows`` in batches (counting added, duplicate and reused rows into ``counts``)
    and yield (hash, text) of each stored row that still needs an analysis."""
    it = iter(rows)
    while batch := list(islice(it, ROW_BATCH)):
        results = library.add_many([r.record() for r in batch])
        added = sum(not r.duplicate for r in results)
        counts["added"] += added
        counts["duplicates"] += len(results) - added
        if keep_ids:
            ids.extend(r.id for r in results)
        writer.total = max(writer.total, writer.done + len(results))
        done = library.analysed([r.sha256 for r in results]) if analyse else set()
        need = {r.sha256: row.text for r, row in zip(results, batch, strict=True)}
        need = {sha: t for sha, t in need.items() if sha not in done} if analyse else {}
        counts["reused"] += len(results) - len(need) if analyse else 0
        writer.skipped(len(results) - len(need))
        yield from ((sha, normalise_text(t)) for sha, t in need.items())


def import_rows(
    library: Library,
    rows: Sequence[CorpusRow],
    *,
    errors: Sequence[RowError] = (),
    analyse: bool = True,
    workers: int | None = None,
    progress: Progress | None = None,
    runner: Runner | None = None,
) -> ImportReport:
    """Store corpus rows (duplicates detected by text hash) and analyse the new ones.

    Args:
        library: the open library.
        rows: rows from :func:`analysis.library.corpus.read_corpus`.
        errors: the rows that could not be read, passed through to the report.
        analyse: False stores only (analysis then happens on demand).
        workers: worker processes for the analysis; default all cores.
        progress: ``progress(done, total)`` callback.
        runner: where to analyse (see :func:`import_corpus`).

    Returns:
        :class:`ImportReport` with the ids of every row.
    """
    report = import_corpus(
        library,
        rows,
        total=len(rows),
        analyse=analyse,
        workers=workers,
        progress=progress,
        runner=runner,
        keep_ids=True,
    )
    return dataclasses.replace(report, errors=tuple(errors))
