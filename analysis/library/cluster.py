"""Analysing on a ``dask.distributed`` cluster, for corpora beyond one machine.

``python -m analysis import CORPUS --cluster tcp://HOST:8786`` (or ``FRAMING_LENS_CLUSTER``) sends
the corpus to the cluster in partitions of :data:`analysis.library.importer.CHUNK` articles.
Every worker loads the spaCy model once (a worker plugin), analyses its partitions and sends back
ready-to-write records; this process stays the one writer of the SQLite library, committing in
batches, so the cluster needs no access to the library file. A partition whose worker dies is run
again on another worker by the scheduler (up to ``distributed.scheduler.allowed-failures``
times); one that raises is retried ``retries`` times. See ``docs/scale.md`` for running a cluster.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from analysis.library.serialise import StoredAnalysis
from analysis.library.worker import Chunk, analyse_chunk, init_worker

ENV_VAR = "FRAMING_LENS_CLUSTER"
PLUGIN_NAME = "framing-lens-model"


def cluster_address(given: str | None = None) -> str | None:
    """The scheduler address to use: ``given``, else ``$FRAMING_LENS_CLUSTER``, else None."""
    return given or os.environ.get(ENV_VAR) or None


def _model_plugin() -> Any:
    """A worker plugin that loads the spaCy model when a worker joins."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class ModelPlugin(WorkerPlugin):  # type: ignore[misc]
        name = PLUGIN_NAME

        def setup(self, worker: Any) -> None:
            init_worker()

    return ModelPlugin()


class ClusterRunner:
    """Chunks analysed on a Dask cluster (a :class:`analysis.library.importer.Runner`).

    Args:
        client: a connected ``distributed.Client``.
        retries: extra attempts of a partition whose task raised.
        task: the function that analyses one partition (default
            :func:`analysis.library.worker.analyse_chunk`; it must be importable on workers).
        per_thread: partitions in flight per worker thread (keeps every worker busy while the
            writer commits, and the memory of this process flat).
    """

    def __init__(
        self,
        client: Any,
        *,
        retries: int = 2,
        task: Callable[[Chunk], list[StoredAnalysis]] = analyse_chunk,
        per_thread: int = 3,
    ) -> None:
        self.client = client
        self.retries = retries
        self.task = task
        client.register_plugin(_model_plugin(), name=PLUGIN_NAME)
        threads = sum(client.nthreads().values()) or 1
        self.window = max(2, per_thread * threads)

    def submit(self, chunk: Chunk) -> Any:
        return self.client.submit(self.task, list(chunk), pure=False, retries=self.retries)

    def wait_first(self, pending: set[Any]) -> tuple[set[Any], set[Any]]:
        from distributed import wait

        result = wait(list(pending), return_when="FIRST_COMPLETED")
        return set(result.done), set(result.not_done)


@contextmanager
def connect(address: str, **options: Any) -> Iterator[ClusterRunner]:
    """A :class:`ClusterRunner` on the scheduler at ``address`` (closed afterwards).

    Raises:
        OSError: the scheduler cannot be reached (the message names the address).
    """
    from distributed import Client

    try:
        client = Client(address, timeout="30s")
    except (OSError, TimeoutError) as exc:
        raise OSError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    try:
        yield ClusterRunner(client, **options)
    finally:
        client.close()
