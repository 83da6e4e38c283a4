"""Scale of the library and the Compare page: 2,000 articles.

    .venv/bin/python benchmarks/compare_scale.py [--n 2000] [--baseline 120] [--no-browser]

1. Import + analyse N articles synthesised from the sample corpus (each sample's sentences
   shuffled, some reporting verbs swapped, so every text is new and the slants stay). Baseline:
   the same pipeline in one process on the first ``--baseline`` articles; then all N on every
   core (ProcessPoolExecutor, one spaCy model per worker). Reports articles/s and the speed-up.
2. The Compare page over the N cached analyses, run by Streamlit's AppTest: first (cold) run
   and a second run, against the same page over the 11 samples as baseline. Target ≤ 3 s.
3. A real ``streamlit run`` server with that library, /compare opened in Chromium: seconds
   until the heat map is drawn, and the server's peak memory (VmHWM). Target ≤ 1 GB.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.library.corpus import CorpusRow  # noqa: E402
from analysis.library.importer import analyse_missing, cpu_count, import_rows  # noqa: E402
from analysis.library.samples import sample_rows, seed_library  # noqa: E402
from analysis.library.store import Library  # noqa: E402

SWAPS = [("said", "claimed"), ("claimed", "said"), ("told", "insisted to"), ("confirmed", "said")]
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def synthesise(n: int, seed: int = 7) -> list[CorpusRow]:
    """``n`` distinct articles made by varying the samples (shuffled sentences, swapped verbs)."""
    rng = random.Random(seed)
    base = sample_rows()
    out = []
    for i in range(n):
        src = base[i % len(base)]
        head, _, body = src.text.partition("\n")
        lines = [line for line in body.split("\n") if line.strip()]
        rng.shuffle(lines)
        text = "\n".join(lines)
        for a, b in rng.sample(SWAPS, 2):
            text = re.sub(rf"\b{a}\b", b, text, count=rng.randint(0, 2))
        out.append(
            CorpusRow(
                text=f"{head} (report {i})\n{text}",
                title=f"{src.title} ({i})",
                outlet=src.outlet,
                date=src.date,
                constructed=True,
            )
        )
    return out


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished children (pool workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def time_import(path: Path, rows: list[CorpusRow], workers: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds) to import and analyse ``rows`` into a new library."""
    with Library(path) as lib:
        c0, t0 = _cpu(), time.perf_counter()
        report = import_rows(lib, rows, workers=workers)
        elapsed, cpu = time.perf_counter() - t0, _cpu() - c0
        assert report.analysed == len(rows), report
    return elapsed, cpu


def time_page(db: Path) -> tuple[float, float, float]:
    """(first run, its CPU seconds, second run) of pages/compare.py under AppTest on ``db``.

    The script runs in a thread of this process, so the process CPU time is the page's.
    """
    from streamlit.testing.v1 import AppTest

    os.environ["FRAMING_LENS_DB"] = str(db)
    app = AppTest.from_file(str(ROOT / "pages" / "compare.py"), default_timeout=600)
    c0, t0 = time.process_time(), time.perf_counter()
    app.run()
    first, cpu = time.perf_counter() - t0, time.process_time() - c0
    assert not app.exception, [e.value for e in app.exception]
    t0 = time.perf_counter()
    app.run()
    second = time.perf_counter() - t0
    return first, cpu, second


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _rss_kb(pid: int, field: str) -> int:
    """A memory figure (VmRSS/VmHWM, kB) of a process from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def browser_run(db: Path) -> tuple[float, float, float]:
    """(seconds to heat map, idle RSS MB, peak RSS MB) of a real server serving /compare."""
    from playwright.sync_api import sync_playwright

    port = _free_port()
    env = {**os.environ, "FRAMING_LENS_DB": str(db), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "0"}
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true",
           "--server.fileWatcherType", "none"]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.read().strip() == b"ok":
                        break
            except OSError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("streamlit did not start")
            time.sleep(0.2)
        idle = _rss_kb(proc.pid, "VmRSS") / 1024
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            t0 = time.perf_counter()
            page.goto(f"{url}/compare")
            page.wait_for_selector(
                ".st-key-compare-heatmap .js-plotly-plot .main-svg", timeout=600_000
            )
            seconds = time.perf_counter() - t0
            browser.close()
        peak = _rss_kb(proc.pid, "VmHWM") / 1024
        return seconds, idle, peak
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    """Run the three measurements and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--baseline", type=int, default=120)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument(
        "--workdir", help="keep the libraries here; an existing one skips the import step"
    )
    args = parser.parse_args()
    rows = synthesise(args.n)
    cores = cpu_count()
    words = sum(len(r.text.split()) for r in rows)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.workdir) if args.workdir else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        big, small = work / f"big-{args.n}.sqlite3", work / "samples.sqlite3"
        imported = None
        if not big.exists():
            one = time_import(work / "one.sqlite3", rows[: args.baseline], workers=1)
            (work / "one.sqlite3").unlink()
            imported = (one, time_import(big, rows, workers=cores))
        if not small.exists():
            with Library(small) as lib:
                seed_library(lib)
                analyse_missing(lib, workers=1)
        small_page = time_page(small)  # also warms the imports for the big run
        big_page = time_page(big)
        size_mb = big.stat().st_size / 1e6
        browser = None
        if not args.no_browser:
            browser = (browser_run(big), browser_run(small))
    load = os.getloadavg()
    print(f"\nCompare at scale: {args.n} articles ({words:,} words), {cores} cores")
    print(f"(load average at the end: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; on a shared "
          "machine wall times grow with the load, CPU seconds do not)\n")  # fmt: skip
    print(f"{'measurement':<56}{'value':>12}{'baseline':>12}{'ratio':>8}")
    print("-" * 88)

    def row(label: str, value: float, base: float | None = None, fmt: str = ".2f") -> None:
        tail = f"{base:>12{fmt}}{value / base:>8.2f}" if base else ""
        print(f"{label:<56}{value:>12{fmt}}{tail}")

    if imported:
        (t1, c1), (ta, ca) = imported
        row(f"import + analyse, articles/s ({cores} workers vs 1)", args.n / ta,
            args.baseline / t1, ".1f")  # fmt: skip
        row("import + analyse, words/s", words / ta, words * args.baseline / args.n / t1, ",.0f")
        row("CPU seconds per article (pool vs in-process)", ca / args.n, c1 / args.baseline)
        row(f"articles/s expected on {cores} idle cores (CPU-bound)",
            cores * args.n / ca, args.baseline / c1, ".1f")  # fmt: skip
    row(f"Compare page first run, s ({args.n} vs 11 articles)", big_page[0], small_page[0])
    row("  its CPU seconds", big_page[1], small_page[1])
    row("Compare page rerun (comparison cached), s", big_page[2], small_page[2])
    row("library file, MB", size_mb, None, ".1f")
    if browser:
        (b_secs, b_idle, b_peak), (s_secs, _, s_peak) = browser
        row("real server: open /compare until heat map drawn, s", b_secs, s_secs)
        row("real server: peak memory (VmHWM), MB", b_peak, s_peak, ".0f")
        row("real server: memory after start, MB", b_idle, None, ".0f")
    print("\nTargets: Compare page ≤ 3 s over 2,000 cached analyses; app peak memory ≤ 1 GB.")


if __name__ == "__main__":
    main()
