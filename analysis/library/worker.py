"""What runs where the analysis runs: a worker process of this machine or a cluster node.

Each worker loads the spaCy model once (:func:`init_worker`, or the first task) and turns a chunk
of (text hash, text) pairs into :class:`~analysis.library.serialise.StoredAnalysis` records —
JSON and count rows included — so the one writer only inserts.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.library.serialise import StoredAnalysis, stored_analysis

Chunk = Sequence[tuple[str, str]]
"""(sha256, text) pairs analysed together by one task."""


def init_worker(parent: int | None = None) -> None:
    """Load the spaCy model once per worker process, before the first task.

    Each worker also keeps its numeric libraries to one thread: the pool already uses every
    core, and more threads per worker would only compete for them. A local worker given its
    ``parent`` process id ends itself when that parent dies (:mod:`analysis.library.orphans`).
    """
    from threadpoolctl import threadpool_limits

    from analysis.engine.model import load_model
    from analysis.library.orphans import watch_parent

    if parent is not None:
        watch_parent(parent)
    threadpool_limits(1)
    load_model()


def analyse_chunk(items: Chunk) -> list[StoredAnalysis]:
    """The stored form of the analysis of each (sha256, text), in order."""
    from analysis.engine.pipeline import analyze_many

    results = analyze_many([text for _, text in items])
    return [stored_analysis(sha, r) for (sha, _), r in zip(items, results, strict=True)]
