"""The Dask path: a real LocalCluster with 2 worker processes stores what the local path stores,
and a worker that dies mid-partition has its partition run again."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import cloudpickle
import pytest

from analysis.library.cluster import ClusterRunner
from analysis.library.corpus import CorpusRow
from analysis.library.importer import import_corpus
from analysis.library.samples import sample_rows
from analysis.library.store import Library
from analysis.library.worker import Chunk, analyse_chunk

N = 26  # above MIN_PARALLEL, a few partitions per worker

# The task below travels to the workers by value (they need not import this test module).
cloudpickle.register_pickle_by_value(sys.modules[__name__])


def rows() -> list[CorpusRow]:
    base = sample_rows()
    return [
        CorpusRow(
            text=f"{b.text}\n(Copy {i}.)", title=f"{b.title} ({i})", outlet=b.outlet, date=b.date
        )
        for i, b in enumerate(base[i % len(base)] for i in range(N))
    ]


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


def stored(db: Path) -> tuple[dict, list, list]:
    """(sha → summary JSON, article counts, actor counts) of a library, in a stable order."""
    with Library(db) as lib:
        con = lib.connection
        data = dict(con.execute("SELECT sha256, data FROM analyses"))
        arts = [tuple(r) for r in con.execute(
            "SELECT a.sha256, c.* FROM article_counts c JOIN articles a ON a.id = c.article_id "
            "ORDER BY a.sha256")]  # fmt: skip
        actors = [tuple(r) for r in con.execute(
            "SELECT a.sha256, n.name, c.type, c.mentions, c.quotes, c.scare_quotes, c.doubt, "
            "c.loaded, c.neutral, c.distancing, c.endorsing, c.admission, c.denial, c.emotive "
            "FROM actor_counts c JOIN articles a ON a.id = c.article_id JOIN actor_names n "
            "ON n.id = c.name_id ORDER BY a.sha256, n.name, c.type")]  # fmt: skip
    return data, [r[:1] + r[2:] for r in arts], actors


def die_once(flag: str) -> object:
    """A partition task whose first run kills its worker process (as a lost node would)."""

    def task(items: Chunk) -> list:
        try:
            os.close(os.open(flag, os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            return analyse_chunk(items)
        os._exit(1)

    return task


@pytest.mark.slow
def test_cluster_import_stores_what_the_local_import_stores(client: object, tmp_path: Path) -> None:
    corpus = rows()
    with Library(tmp_path / "local.sqlite3") as lib:
        local = import_corpus(lib, corpus, total=N, workers=1)
    with Library(tmp_path / "cluster.sqlite3") as lib:
        runner = ClusterRunner(client)
        assert runner.window >= 2
        remote = import_corpus(lib, corpus, total=N, runner=runner)
        assert lib.integrity_check() == ["ok"]
    assert (local.added, local.analysed) == (remote.added, remote.analysed) == (N, N)
    assert stored(tmp_path / "local.sqlite3") == stored(tmp_path / "cluster.sqlite3")
    # Each worker loaded the model once, through the plugin.
    plugins = client.run(lambda dask_worker: list(dask_worker.plugins))  # type: ignore[attr-defined]
    assert all("framing-lens-model" in p for p in plugins.values())


@pytest.mark.slow
def test_a_lost_worker_has_its_partition_run_again(client: object, tmp_path: Path) -> None:
    corpus = rows()[:10]
    flag = str(tmp_path / "killed-one-worker")
    with Library(tmp_path / "lost.sqlite3") as lib:
        report = import_corpus(
            lib, corpus, total=10, runner=ClusterRunner(client, task=die_once(flag))
        )
        assert report.analysed == 10
        assert lib.missing_analyses() == []
    assert Path(flag).exists()  # a worker really died
    with Library(tmp_path / "ref.sqlite3") as lib:
        import_corpus(lib, corpus, total=10, workers=1)
    assert stored(tmp_path / "lost.sqlite3") == stored(tmp_path / "ref.sqlite3")
