"""Import at scale: words/s against the bare spaCy pipeline, flat memory, a Dask LocalCluster.

    .venv/bin/python benchmarks/import_scale.py [--n 240] [--sizes 1000,20000] [--no-cluster]

1. Speed: the same ``--n`` synthesised articles (from the samples), in the same run,
   (a) bare ``list(nlp.pipe(texts, n_process=N))`` and (b) ``import_corpus`` into a new library
   (parse, framing rules, JSON, count tables, SQLite writes), for N = 1 and 2 processes; words/s
   and the ratio. Target ≥ 0.9× the bare pipeline.
2. Memory: ``python -m analysis import CORPUS.csv`` on corpora of each of ``--sizes`` articles
   (written to CSV first); peak memory of the importing process and of its largest worker,
   sampled from /proc. Flat means the peak does not grow with the corpus.
3. Cluster: the same ``--n`` articles through a ``dask.distributed`` LocalCluster of 1 and 2
   worker processes; words/s and the scaling ratio (2 workers / 1).
4. The one writer: how many ready analyses per second it commits (no NLP) — the articles/s a
   cluster can send before the single SQLite writer becomes the limit.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synth import varied_rows  # noqa: E402

from analysis.engine.model import load_model  # noqa: E402
from analysis.library.importer import import_corpus  # noqa: E402
from analysis.library.store import Library  # noqa: E402


def words_of(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def time_bare(texts: list[str], n_process: int) -> float:
    """Seconds of the bare pipeline over ``texts`` on ``n_process`` processes."""
    nlp = load_model()
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, n_process=n_process))
    elapsed = time.perf_counter() - t0
    assert len(docs) == len(texts)
    return elapsed


def time_import(rows: list, workers: int, work: Path, runner: object = None) -> float:
    """Seconds to import and analyse ``rows`` into a new library."""
    db = work / f"import-{workers}-{time.monotonic_ns()}.sqlite3"
    with Library(db) as lib:
        t0 = time.perf_counter()
        report = import_corpus(lib, rows, total=len(rows), workers=workers, runner=runner)  # type: ignore[arg-type]
        elapsed = time.perf_counter() - t0
        assert report.analysed == len(rows), report
    for p in db.parent.glob(db.name + "*"):
        p.unlink()
    return elapsed


def _rss_tree(pid: int) -> tuple[int, int]:
    """(RSS of ``pid``, largest RSS of its children) in kB, from /proc."""
    import psutil

    try:
        proc = psutil.Process(pid)
        own = proc.memory_info().rss // 1024
        kids = [c.memory_info().rss // 1024 for c in proc.children(recursive=True)]
    except psutil.Error:
        return 0, 0
    return own, max(kids, default=0)


def memory_run(n: int, work: Path) -> tuple[float, float, float]:
    """(seconds, parent peak MB, worker peak MB) of ``python -m analysis import`` on n rows."""
    corpus = work / f"corpus-{n}.csv"
    with corpus.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["title", "outlet", "date", "constructed", "text"])
        for r in varied_rows(n, seed=n):
            w.writerow([r.title, r.outlet, r.date, "true", r.text])
    db = work / f"memory-{n}.sqlite3"
    cmd = [sys.executable, "-m", "analysis", "import", str(corpus), "--db", str(db), "--quiet"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL)
    parent = worker = 0
    while proc.poll() is None:
        own, kid = _rss_tree(proc.pid)
        parent, worker = max(parent, own), max(worker, kid)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=0.5)  # the sampling interval; returns at once when it exits
    elapsed = time.perf_counter() - t0
    assert proc.returncode == 0, proc.returncode
    with Library(db) as lib:
        assert lib.count() == n and lib.missing_count() == 0
    return elapsed, parent / 1024, worker / 1024


def cluster_runs(rows: list, work: Path) -> dict[int, float]:
    """Seconds to import ``rows`` through a LocalCluster of 1 and 2 worker processes."""
    from distributed import Client, LocalCluster

    from analysis.library.cluster import ClusterRunner

    out = {}
    for n in (1, 2):
        with (
            LocalCluster(
                n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            runner = ClusterRunner(client)
            client.run(lambda: load_model() and None)  # model loaded before the clock starts
            out[n] = time_import(rows, n, work, runner=runner)
    return out


def writer_rate(work: Path, n: int = 5000) -> float:
    """Ready analyses the one writer commits per second (batches of 256)."""
    import hashlib

    from analysis.library.samples import sample_rows
    from analysis.library.serialise import StoredAnalysis, stored_analysis

    base = [stored_analysis("", load_and_analyse(r.text)) for r in sample_rows()]
    db = work / "writer.sqlite3"
    with Library(db) as lib:
        records = [{"text": f"writer test {i}"} for i in range(n)]
        lib.add_many(records)
        ready = [
            StoredAnalysis(
                hashlib.sha256(f"writer test {i}".encode()).hexdigest(),
                b.key, b.data, b.detail, b.counts,
            )
            for i, b in ((i, base[i % len(base)]) for i in range(n))
        ]  # fmt: skip
        t0 = time.perf_counter()
        for lo in range(0, n, 256):
            lib.put_analyses(ready[lo : lo + 256])
        return n / (time.perf_counter() - t0)


def load_and_analyse(text: str) -> object:
    from analysis.engine.pipeline import analyze
    from analysis.library.store import normalise_text

    return analyze(normalise_text(text))


def main() -> None:
    """Run the measurements and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=240, help="articles for the speed runs")
    parser.add_argument("--sizes", default="1000,20000", help="corpus sizes for the memory run")
    parser.add_argument("--no-cluster", action="store_true")
    parser.add_argument("--no-memory", action="store_true")
    args = parser.parse_args()
    rows = varied_rows(args.n)
    texts = [r.text for r in rows]
    words = words_of(texts)
    load_model()
    table: list[tuple[str, float, float | None, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for n in (1, 2):
            bare = time_bare(texts, n)
            ours = time_import(rows, n, work)
            table.append(
                (f"import, {n} process(es), words/s", words / ours, words / bare, "≥ 0.90")
            )
        if not args.no_cluster:
            runs = cluster_runs(rows, work)
            for n, secs in runs.items():
                table.append((f"LocalCluster, {n} worker(s), words/s", words / secs, None, ""))
            table.append(("LocalCluster scaling, 2 workers / 1", runs[1] / runs[2], None, "→ 2"))
        table.append(("one writer, analyses committed per s", writer_rate(work), None, ""))
        memory = []
        if not args.no_memory:
            for n in (int(s) for s in args.sizes.split(",")):
                memory.append((n, *memory_run(n, work)))
    load = os.getloadavg()
    print(f"\nImport at scale: {args.n} articles ({words:,} words) for the speed runs")
    print(f"(load average at the end: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; the machine is "
          "shared, so wall times grow with the load)\n")  # fmt: skip
    print(f"{'measurement':<46}{'value':>12}{'bare spaCy':>12}{'ratio':>8}{'target':>9}")
    print("-" * 87)
    for label, value, base, target in table:
        tail = f"{base:>12,.0f}{value / base:>8.2f}" if base else " " * 20
        print(f"{label:<46}{value:>12,.1f}{tail}{target:>9}")
    if memory:
        print(f"\n{'corpus':>8}{'seconds':>10}{'words/s':>10}{'parent MB':>11}{'worker MB':>11}")
        for n, secs, parent, worker in memory:
            n_words = words_of([r.text for r in varied_rows(n, seed=n)])
            print(f"{n:>8,}{secs:>10.0f}{n_words / secs:>10,.0f}{parent:>11.0f}{worker:>11.0f}")
        print("Target: the peaks stay flat as the corpus grows.")


if __name__ == "__main__":
    main()
