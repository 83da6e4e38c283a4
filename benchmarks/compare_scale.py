"""Scale of the Compare page and the query API: 20,000 stored articles (issue 13's target).

    .venv/bin/python benchmarks/compare_scale.py [--n 20000] [--workdir DIR] [--no-browser]

1. A library of N stored articles with analyses and count rows, written directly from the
   samples' real analyses (:func:`synth.stored_library`; no NLP run per article), and the
   11-sample library as the baseline (analysed for real).
2. The query API (:class:`analysis.library.query.Selection` under a
   :class:`analysis.compare.Comparison`): seconds for the page's tables (group totals, actor
   totals, heat map) under each kind of filter. Target ≤ 1 s.
3. A real server started as `make run` starts it (``python -m ui.serve``), /compare in
   Chromium: seconds until the heat map is drawn (its shares first, then with the stars of
   significant differences) in a browser new to the app (the median over
   :data:`FIRST_VISITS` new servers, as the floor is a median), and on a new server arriving
   from the Home page through the menu, at once and once Home is idle (its prefetch of the element
   code done, :mod:`ui.prefetch`) (first render, target ≤ 3 s); seconds for a filter change (one
   outlet removed, until the heat map is redrawn with one column less, target ≤ 1 s; an actor
   filter kept by most articles typed in, until the heat map is redrawn for it); the
   server's peak memory (VmHWM, target ≤ 1 GB). The floor, measured in the same run, is a bare
   Streamlit page with one Plotly heat map opened in a browser new to it: what Streamlit and
   Plotly cost before any of our work.
4. ``python -m analysis compare --db`` on the same library: seconds and peak memory.
"""

from __future__ import annotations

import argparse
import functools
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from app_server import CHROMIUM_ARGS, cpu_seconds, floor_seconds, rss_mb, served  # noqa: E402
from synth import stored_library  # noqa: E402

from analysis.compare import Comparison  # noqa: E402
from analysis.library.importer import analyse_missing  # noqa: E402
from analysis.library.query import ArticleFilter, Selection  # noqa: E402
from analysis.library.samples import seed_library  # noqa: E402
from analysis.library.store import Library  # noqa: E402

HEAT = ".st-key-compare-heatmap .js-plotly-plot .main-svg"
"""The heat map with its significance stars (the tests of differences done)."""
SHARES = ".st-key-compare-heatmap_untested .js-plotly-plot .main-svg"
"""The heat map drawn before the tests are done (shares only), replaced by :data:`HEAT`."""


PREFETCHED = "() => window.__flPrefetch === 'done'"
"""Every page's idle-time load of the element code is done (:mod:`ui.prefetch`)."""
IDLE = (
    "() => document.querySelector('[data-testid=stApp]')?.dataset.testScriptState === 'notRunning'"
)
"""The server has finished the page's run: every element of the open tab is sent (the browser
may still be drawing the last one)."""


FIRST_VISITS = 3
"""New servers whose first visit (a browser new to the app) is timed: the median is reported
(as the floor's is), with the spread; one sample moves by ±0.5 s on a shared machine."""

CHANGE_ROWS = [
    (f"{what}: {label}", f"{key}{suffix}", target)
    for what, key in (
        ("filter change (one outlet less)", "change"),
        ("keyword filter kept by most articles", "keyword"),
        ("actor filter kept by most articles", "actor"),
    )
    for label, suffix, target in (
        ("shares redrawn, s", "_shares", "≤ 1"),
        ("stars redrawn, s", "", "≤ 1"),
        ("run over (server), s", "_done", ""),
    )
]
"""The table's rows of each filter change: (label, key of :func:`browser_run`, target)."""


def _settled(page: object) -> None:
    """Wait until the page's run is over and its idle-time prefetch is done (a person reads
    the page before changing a filter)."""
    page.wait_for_function(IDLE, timeout=600_000)  # type: ignore[attr-defined]
    page.wait_for_function(PREFETCHED, timeout=120_000)  # type: ignore[attr-defined]


def _columns_js(selector: str, n: int) -> str:
    """A condition: the heat map under ``selector`` has ``n`` outlet columns."""
    return f"() => document.querySelectorAll('{selector} .xtick').length === {n}"


def filters(lib: Library) -> list[tuple[str, ArticleFilter]]:
    """The filters a researcher sets, on this library's own outlets."""
    outlets = lib.outlets()
    return [
        ("all articles", ArticleFilter()),
        ("half the outlets", ArticleFilter(outlets=tuple(outlets[::2]))),
        ("a date range (3 months)", ArticleFilter(date_from="2022-03-01", date_to="2022-05-31")),
        ("constructed samples out", ArticleFilter(exclude_constructed=True)),
        ("a rare keyword (11 articles)", ArticleFilter(keyword="4242")),
        ("a keyword most articles hold", ArticleFilter(keyword="Kremlin")),
        ("an actor most articles hold", ArticleFilter(actor="Dmitry Peskov")),
    ]


def time_queries(db: Path) -> list[tuple[str, float, int]]:
    """(filter, seconds for the heat map's tables, articles) for each filter."""
    out = []
    with Library(db) as lib:
        for label, flt in filters(lib):
            t0 = time.perf_counter()
            comparison = Comparison(Selection(lib, flt))
            comparison.heatmap_frame(comparison.top_actors(15))
            n = comparison.article_count if comparison.groups else 0
            out.append((label, time.perf_counter() - t0, n))
    return out


def time_views(db: Path) -> list[tuple[str, float]]:
    """(view, seconds) for the timeline and the tests of differences over all articles (the
    heat map's tables already computed, as on the page)."""
    out = []
    with Library(db) as lib:
        comparison = Comparison(Selection(lib, ArticleFilter()))
        actors = comparison.top_actors(15)
        comparison.heatmap_frame(actors)
        t0 = time.perf_counter()
        tested, _ = comparison.differences(actors)
        out.append((f"tested differences, 15 actors ({len(tested):,} pairs)",
                    time.perf_counter() - t0))  # fmt: skip
        t0 = time.perf_counter()
        comparison.timeline("month", actors[:3])
        out.append(("timeline by month, 3 actors", time.perf_counter() - t0))
        t0 = time.perf_counter()
        comparison.distinctive_terms(n=12, min_z=0.0)
        out.append(("distinctive words (sampled texts)", time.perf_counter() - t0))
    return out


def _heat_columns(page: object) -> int:
    return int(page.locator(f"{HEAT} .xtick").count())  # type: ignore[attr-defined]


def _open_until_drawn(page: object, open_page: object) -> tuple[float, float]:
    """Seconds from ``open_page()`` until the heat map's shares, and until its stars, are drawn."""
    t0 = time.perf_counter()
    open_page()  # type: ignore[operator]
    page.wait_for_selector(f"{SHARES}, {HEAT}", timeout=600_000)  # type: ignore[attr-defined]
    shares = time.perf_counter() - t0
    page.wait_for_selector(HEAT, timeout=600_000)  # type: ignore[attr-defined]
    return shares, time.perf_counter() - t0


def _filter_change(page: object) -> tuple[float, float, float]:
    """Seconds from removing one outlet until the heat map's shares and its stars are redrawn
    with one column less, and until the page's run is over (every chart of the tab drawn);
    once the page is settled, as when a person changes a filter."""
    _settled(page)
    columns = _heat_columns(page)
    remove = page.locator(".st-key-compare-outlets button[aria-label^='Remove']").first  # type: ignore[attr-defined]
    t0 = time.perf_counter()
    remove.click()
    page.wait_for_function(  # type: ignore[attr-defined]
        f"() => ({_columns_js(SHARES, columns - 1)})() || ({_columns_js(HEAT, columns - 1)})()",
        timeout=600_000,
    )
    shares = time.perf_counter() - t0
    page.wait_for_function(_columns_js(HEAT, columns - 1), timeout=600_000)  # type: ignore[attr-defined]
    stars = time.perf_counter() - t0
    page.wait_for_function(IDLE, timeout=600_000)  # type: ignore[attr-defined]
    return shares, stars, time.perf_counter() - t0


def _fresh_js(selector: str, caption: str) -> str:
    """A condition: the caption starts with ``caption`` and an element under ``selector`` is
    drawn and not stale (redrawn by the run the change started)."""
    return (
        "() => [...document.querySelectorAll('[data-testid=stCaptionContainer]')]"
        f".some(e => e.innerText.startsWith({caption!r})) && [...document.querySelectorAll("
        f"'{selector}')].some(e => e.querySelector('.main-svg') && !e.closest('[data-stale=true]'))"
    )


def _typed_filter_change(
    page: object, label: str, value: str, articles: int
) -> tuple[float, float, float]:
    """Seconds from typing ``value`` in the filter box ``label`` (Enter) until the heat map's
    shares, and its stars, are redrawn for the ``articles`` it keeps, and until the page's run
    is over (once the page is settled)."""
    _settled(page)
    page.get_by_text("Filters: dates, keyword, actor").click()  # type: ignore[attr-defined]
    box = page.get_by_label(label)  # type: ignore[attr-defined]
    box.fill(value)  # (drawn by the rerun that opening the filters started; it is over next)
    page.wait_for_function(IDLE, timeout=600_000)  # type: ignore[attr-defined]
    caption = f"{articles:,} articles in"
    t0 = time.perf_counter()
    box.press("Enter")
    both = ".st-key-compare-heatmap_untested, .st-key-compare-heatmap"
    page.wait_for_function(_fresh_js(both, caption), timeout=600_000)  # type: ignore[attr-defined]
    shares = time.perf_counter() - t0
    page.wait_for_function(  # type: ignore[attr-defined]
        _fresh_js(".st-key-compare-heatmap", caption), timeout=600_000
    )
    stars = time.perf_counter() - t0
    page.wait_for_function(IDLE, timeout=600_000)  # type: ignore[attr-defined]
    return shares, stars, time.perf_counter() - t0


def _typed_filters(db: Path) -> dict[str, tuple[str, str, int]]:
    """The keyword and the actor of :func:`filters` kept by most articles: name → (the box's
    label, the value typed, how many articles it keeps)."""
    out = {}
    with Library(db) as lib:
        named = dict(filters(lib))
        every = Comparison(Selection(lib, ArticleFilter(outlets=tuple(lib.outlets()))))
        for name, label, field in (("keyword", "Keyword or topic", "keyword"),
                                   ("actor", "Actor mentioned", "actor")):  # fmt: skip
            flt = named[f"a{'n' if name == 'actor' else ''} {name} most articles hold"]
            comparison = Comparison(Selection(lib, replace(flt, outlets=tuple(lib.outlets()))))
            # The page's count must change, or the change would be "seen" before it happens.
            assert 0 < comparison.article_count < every.article_count, (name, flt)
            out[name] = (label, str(getattr(flt, field)), comparison.article_count)
    return out


def browser_run(db: Path, work: Path) -> dict[str, float]:
    """Seconds to the heat map's shares and to its stars (first render in a browser that never
    saw the app, first render arriving from the Home page, a filter change), the floor of a
    bare Streamlit page with one chart, idle and peak RSS MB of a real server (`make run`'s)."""
    from playwright.sync_api import sync_playwright

    out: dict[str, float] = {}
    typed = _typed_filters(db)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        out["floor"] = floor_seconds(browser, work)
        firsts = []  # (shares, stars) of each new server's first visit
        with served(db) as (url, pid, out["start"]):
            out["idle"] = rss_mb(pid, "VmRSS")
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            firsts.append(_open_until_drawn(page, lambda: page.goto(f"{url}/compare")))
            out["change_shares"], out["change"], out["change_done"] = _filter_change(page)
            page.close()
            for name, (label, value, articles) in typed.items():  # each on a new page
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                _open_until_drawn(page, functools.partial(page.goto, f"{url}/compare"))
                times = _typed_filter_change(page, label, value, articles)
                out[f"{name}_shares"], out[name], out[f"{name}_done"] = times
                page.close()
            out["peak"], out["cpu"] = rss_mb(pid), cpu_seconds(pid)
        for _ in range(FIRST_VISITS - 1):  # more new servers: one sample each is too noisy
            with served(db) as (url, _pid, _start):
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                goto = functools.partial(page.goto, f"{url}/compare")
                firsts.append(_open_until_drawn(page, goto))
                page.close()
        out["first_shares"] = statistics.median(f[0] for f in firsts)
        out["first"] = statistics.median(f[1] for f in firsts)
        out["first_spread"] = max(f[1] for f in firsts) - min(f[1] for f in firsts)
        for idle in (False, True):
            with served(db) as (url, pid, _start):  # a new server: nothing seen by a browser yet
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.goto(url)
                page.wait_for_selector("h1", timeout=120_000)
                if idle:  # a visitor who reads Home first: its idle-time prefetch is done
                    page.wait_for_function(PREFETCHED, timeout=120_000)
                link = page.locator("[data-testid=stSidebarNav] a[href$='/compare']")
                name = "home_idle" if idle else "home"
                out[f"{name}_shares"], out[name] = _open_until_drawn(page, link.click)
                page.close()
        browser.close()
    return out


def cli_run(db: Path) -> tuple[float, float]:
    """(seconds, peak memory MB) of ``python -m analysis compare --db`` (JSON to /dev/null)."""
    cmd = [sys.executable, "-m", "analysis", "compare", "--db", str(db), "--quiet"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - t0
    assert done.returncode == 0, done.stderr.decode()
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


def main() -> None:
    """Run the measurements and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--workdir", help="keep the libraries here; an existing one is reused")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.workdir) if args.workdir else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        big, small = work / f"big-{args.n}.sqlite3", work / "samples.sqlite3"
        built = None
        if not big.exists():
            built = stored_library(big, args.n)
        if not small.exists():
            with Library(small) as lib:
                seed_library(lib)
                analyse_missing(lib, workers=1)
        queries = time_queries(big)
        small_queries = time_queries(small)
        views, small_views = time_views(big), time_views(small)
        cli, small_cli = cli_run(big), cli_run(small)
        browser = None if args.no_browser else (browser_run(big, work), browser_run(small, work))
        size_gb = big.stat().st_size / 1e9
    load = os.getloadavg()
    print(f"\nCompare at scale: {args.n:,} stored articles ({size_gb:.1f} GB library)")
    print(f"(load average at the end: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; on a shared "
          "machine wall times grow with the load)\n")  # fmt: skip
    print(f"{'measurement':<58}{'value':>10}{'11 samples':>12}{'target':>9}")
    print("-" * 89)

    def row(label: str, value: float, base: float | None, target: str = "", f: str = ".2f") -> None:
        b = f"{base:>12{f}}" if base is not None else " " * 12
        print(f"{label:<58}{value:>10{f}}{b}{target:>9}")

    if built is not None:
        row("write the synthetic library, s", built, None, "", ".0f")
    for (label, secs, n), (_, base, _) in zip(queries, small_queries, strict=True):
        row(f"query API, heat map tables, {label} ({n:,}), s", secs, base, "≤ 1")
    for (label, secs), (_, base) in zip(views, small_views, strict=True):
        row(f"query API, {label}, s", secs, base, "≤ 1")
    if browser:
        big_b, small_b = browser
        row("real server: floor, a bare Streamlit page with one Plotly chart, s",
            big_b["floor"], small_b["floor"])  # fmt: skip
        for label, k, target in (
            (
                "open /compare (browser new to the app): shares drawn, median, s",
                "first_shares",
                "≤ 3",
            ),
            ("open /compare (browser new to the app): stars drawn, median, s", "first", "≤ 3"),
            ("… the stars: spread of the new servers (max − min), s", "first_spread", ""),
            ("Home page, then Compare in the menu: shares drawn, s", "home_shares", "≤ 3"),
            ("Home page, then Compare in the menu: stars drawn, s", "home", "≤ 3"),
            (
                "Home page read first (idle), then Compare: shares drawn, s",
                "home_idle_shares",
                "≤ 3",
            ),
            ("Home page read first (idle), then Compare: stars drawn, s", "home_idle", "≤ 3"),
            *CHANGE_ROWS,
        ):
            row(f"real server: {label}", big_b[k], small_b[k], target)
        row("real server: first render minus the floor (ours), s",
            big_b["first"] - big_b["floor"], small_b["first"] - small_b["floor"])  # fmt: skip
        row("real server: peak memory (VmHWM), MB", big_b["peak"], small_b["peak"], "≤ 1024",
            ".0f")  # fmt: skip
        row("real server: memory after start, MB", big_b["idle"], None, "", ".0f")
        row("real server: start until healthy (make run's warm-up included), s",
            big_b["start"], small_b["start"])  # fmt: skip
        row("real server: CPU seconds of the server process", big_b["cpu"], small_b["cpu"])
    row("CLI compare --db (JSON), s", cli[0], small_cli[0])
    row("CLI compare --db, peak memory, MB", cli[1], small_cli[1], "", ".0f")


if __name__ == "__main__":
    main()
