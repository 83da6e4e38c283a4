"""Scale of the Library page: 20,000 stored articles (issue 13's "library at scale").

    .venv/bin/python benchmarks/library_scale.py [--n 20000] [--workdir DIR] [--no-browser]

1. A library of N stored articles with analyses (:func:`synth.stored_library`, as the Compare
   benchmark), and the 11-sample library as the baseline (analysed for real), both measured in
   this run.
2. The listing (:class:`analysis.library.listing.Listing`, what the table shows): seconds to
   count the matching articles and fetch one page of 50 under each kind of filter. Target ≤ 1 s.
3. A real server started as `make run` starts it (``python -m ui.serve``), /library in
   Chromium: seconds until the table and its count are drawn (first render, target ≤ 3 s), for
   a page change (page 2, until the count line says "showing 51–100"; target ≤ 1 s) and for a
   filter change (a keyword typed, until the count line changes; target ≤ 1 s), and the
   server's peak memory (VmHWM).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from app_server import CHROMIUM_ARGS, rss_mb, served  # noqa: E402
from synth import stored_library  # noqa: E402

from analysis.library.importer import analyse_missing  # noqa: E402
from analysis.library.listing import Listing  # noqa: E402
from analysis.library.query import ArticleFilter  # noqa: E402
from analysis.library.samples import seed_library  # noqa: E402
from analysis.library.store import Library  # noqa: E402

COUNT_LINE = re.compile(r"([\d,]+) of ([\d,]+) articles match")


def filters(lib: Library) -> list[tuple[str, ArticleFilter]]:
    """The filters a librarian sets, on this library's own outlets."""
    return [
        ("no filter", ArticleFilter()),
        ("one outlet", ArticleFilter(outlets=(lib.outlets()[0],))),
        ("a date range (3 months)", ArticleFilter(date_from="2022-03-01", date_to="2022-05-31")),
        ("constructed samples out", ArticleFilter(exclude_constructed=True)),
        ("a keyword most articles hold", ArticleFilter(keyword="Stoltenberg")),
        ("an actor most articles hold", ArticleFilter(actor="Dmitry Peskov")),
    ]


def time_listing(db: Path) -> list[tuple[str, float, int]]:
    """(filter, seconds to count and fetch the first page, matching articles) per filter."""
    out = []
    with Library(db) as lib:
        for label, flt in filters(lib):
            t0 = time.perf_counter()
            listing = Listing(lib, flt)
            n = listing.count()
            listing.page(0, 50)
            out.append((label, time.perf_counter() - t0, n))
    return out


def _count_line(page: object) -> str:
    return str(page.get_by_text(COUNT_LINE).first.inner_text())  # type: ignore[attr-defined]


KEYWORDS = ("Kremlin", "ceasefire", "Stoltenberg", "sanctions", "minister", "NATO")


def narrowing_keyword(db: Path) -> tuple[str, int]:
    """A keyword some but not all articles hold, and how many hold it (so the count line must
    change when it is typed, whatever the library)."""
    with Library(db) as lib:
        total = Listing(lib, ArticleFilter()).count()
        for word in KEYWORDS:
            n = Listing(lib, ArticleFilter(keyword=word)).count()
            if 0 < n < total:
                return word, n
    raise SystemExit(f"none of {KEYWORDS} narrows the library at {db}")


def browser_run(db: Path) -> tuple[float, float, float, float]:
    """(s to the table, s for page 2, s for a keyword filter, peak RSS MB) of a real server."""
    keyword, expected = narrowing_keyword(db)
    from playwright.sync_api import sync_playwright

    with served(db) as (url, pid, _start), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        t0 = time.perf_counter()
        page.goto(f"{url}/library")
        page.get_by_text(COUNT_LINE).first.wait_for(timeout=600_000)
        page.locator("[data-testid=stDataFrame]").first.wait_for(timeout=600_000)
        first = time.perf_counter() - t0
        total = int(COUNT_LINE.search(_count_line(page)).group(1).replace(",", ""))  # type: ignore[union-attr]
        turn = float("nan")
        if total > 50:
            box = page.locator(".st-key-library-page input")
            t0 = time.perf_counter()
            box.fill("2")
            box.press("Enter")
            page.get_by_text("showing 51–100").wait_for(timeout=600_000)
            turn = time.perf_counter() - t0
        search = page.get_by_label("Search title, outlet and text")
        t0 = time.perf_counter()
        search.fill(keyword)
        search.press("Enter")
        # The count line names the keyword's own count (it differs from the total by choice).
        page.get_by_text(f"{expected:,} of {total:,} articles match").first.wait_for(
            timeout=600_000
        )
        change = time.perf_counter() - t0
        browser.close()
        peak = rss_mb(pid)
    return first, turn, change, peak


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
        built = None if big.exists() else stored_library(big, args.n)
        if not small.exists():
            with Library(small) as lib:
                seed_library(lib)
                analyse_missing(lib, workers=1)
        listing, small_listing = time_listing(big), time_listing(small)
        browser = None if args.no_browser else (browser_run(big), browser_run(small))
    load = os.getloadavg()
    print(f"\nLibrary page at scale: {args.n:,} stored articles")
    print(f"(load average at the end: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; on a shared "
          "machine wall times grow with the load)\n")  # fmt: skip
    print(f"{'measurement':<58}{'value':>10}{'11 samples':>12}{'target':>9}")
    print("-" * 89)

    def row(label: str, value: float, base: float | None, target: str = "", f: str = ".2f") -> None:
        b = f"{base:>12{f}}" if base is not None else " " * 12
        print(f"{label:<58}{value:>10{f}}{b}{target:>9}")

    if built is not None:
        row("write the synthetic library, s", built, None, "", ".0f")
    for (label, secs, n), (_, base, _) in zip(listing, small_listing, strict=True):
        row(f"listing: count + page, {label} ({n:,}), s", secs, base, "≤ 1")
    if browser:
        (first, turn, change, peak), (s_first, s_turn, s_change, s_peak) = browser
        row("real server: open /library until table drawn, s", first, s_first, "≤ 3")
        row("real server: page change (page 2) redrawn, s", turn, s_turn, "≤ 1")
        row("real server: filter change (keyword) redrawn, s", change, s_change, "≤ 1")
        row("real server: peak memory (VmHWM), MB", peak, s_peak, "≤ 1024", ".0f")


if __name__ == "__main__":
    main()
