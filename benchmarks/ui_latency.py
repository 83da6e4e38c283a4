"""UI latency of the Analyze page in a real browser: click "Analyze" → highlights and charts shown.

Starts `streamlit run app.py` on a free loopback port and drives Debian's Chromium with
Playwright. The model is warm (the seed article is analysed when the page opens). Each 1,000-word
article gets a unique sentence so the result cache cannot answer. Reported as a table, each row
also as a ratio to a baseline measured in the same run: a rerun that only re-filters the
highlights (Streamlit round trip + rendering, no analysis). Target: ≤ 1.5 s for a new
1,000-word article.

Run: `.venv/bin/python benchmarks/ui_latency.py [--repeat N]`.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: make `analysis` importable
sys.path.insert(0, str(ROOT / "benchmarks"))

from app_server import CHROMIUM_ARGS, served  # noqa: E402

TARGET_S = 1.5
MAIN = ".st-key-analyze-article .fl-main"
CHARTS = ("stance", "markers", "sentiment")

# Resolves when the app's script has started running after the click and then finished.
ARM = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  // A run may already be under way (a text area commits its value when it loses focus).
  window.__flRan = app.dataset.testScriptState !== "notRunning"; window.__flDone = false;
  if (window.__flObserver) window.__flObserver.disconnect();
  window.__flObserver = new MutationObserver(() => {
    const s = app.dataset.testScriptState;
    if (s === "running") window.__flRan = true;
    if (window.__flRan && s === "notRunning") window.__flDone = true;
  });
  window.__flObserver.observe(app, {attributes: true, attributeFilter: ["data-test-script-state"]});
}"""
CHARTS_DRAWN = """(keys) => keys.every(k =>
  document.querySelector(`.st-key-analyze-chart-${k} .js-plotly-plot .main-svg`))"""


def article_of(words: int) -> str:
    """About ``words`` words of English news text, cut at a sentence end (from the samples)."""
    texts = [
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "sample_articles").glob("*.txt"))
        if p.name != "nato-eastern-flank.txt"
    ]
    sentences = re.split(r"(?<=[.!?\"”])\s+", "\n".join(texts))
    out: list[str] = []
    count = 0
    for s in sentences:
        out.append(s)
        count += len(s.split())
        if count >= words:
            break
    return " ".join(out)


def timed(page: Any, action: Callable[[], None], wait: Callable[[], None]) -> float:
    """Seconds from ``action`` (a click) until the script finished and ``wait`` is satisfied."""
    page.evaluate(ARM)
    start = time.perf_counter()
    action()
    page.wait_for_function("() => window.__flDone", timeout=120_000)
    wait()
    # one more frame so what was drawn is on screen
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => r(null)))")
    return time.perf_counter() - start


def main() -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--words", type=int, default=1000)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    base = article_of(args.words)
    n_words = len(base.split())
    with (
        tempfile.TemporaryDirectory() as tmp,
        served(Path(tmp) / "bench.sqlite") as (url, _pid, _start),
        sync_playwright() as pw,
    ):
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{url}/analyze")
        page.wait_for_selector(f"{MAIN} mark[data-marker]", timeout=120_000)
        page.get_by_text("Analyse your own article").click()
        box = page.locator(".st-key-analyze-text textarea")
        button = page.locator(".st-key-analyze-run button")

        def analyze(text: str, marker: str) -> float:
            def shown() -> None:
                page.locator(MAIN).filter(has_text=marker).wait_for()
                page.wait_for_function(CHARTS_DRAWN, arg=list(CHARTS))

            box.fill(text)
            return timed(page, button.click, shown)

        # warm-up: first analysis of this length (fills code caches, not the result cache)
        analyze(base + " Warm-up sentence zero.", "Warm-up sentence zero.")
        fresh, cached, baseline = [], [], []
        for k in range(args.repeat):
            marker = f"Benchmark sentence number {k + 1} was added here."
            text = f"{base} {marker}"
            fresh.append(analyze(text, marker))
            cached.append(
                timed(
                    page,
                    button.click,
                    lambda m=marker: page.locator(MAIN).filter(has_text=m).wait_for(),
                )
            )
            # baseline: toggle the "direct quote" filter pill (rerun + re-render only)
            pill = page.locator(".st-key-analyze-kinds").get_by_text("direct quote")
            baseline.append(timed(page, pill.click, lambda: None))
            pill.click()  # restore (untimed); the next action waits for idle itself
            page.wait_for_function(
                """() => document.querySelector('[data-testid="stApp"]')
                       .dataset.testScriptState === "notRunning" """
            )
        browser.close()

    # In-process engine time for the same text, for the breakdown.
    from analysis import analyze as engine

    engine("Warm up the model.")
    engine_s = []
    for k in range(args.repeat):
        t = time.perf_counter()
        engine(f"{base} Engine-only sentence {k}.")
        engine_s.append(time.perf_counter() - t)

    base_med = statistics.median(baseline)
    rows = [
        ("baseline: re-filter highlights (no analysis)", baseline),
        (f"analyze new {n_words}-word article (click → highlights + 3 charts)", fresh),
        (f"same {n_words}-word article again (cached)", cached),
        (f"engine only, in-process analyze() of {n_words} words", engine_s),
    ]
    print(f"\nUI latency, Analyze page ({args.repeat} runs each, model warm)\n")
    print(f"| {'scenario':<66} | median s | min s | max s | × baseline |")
    print(f"|{'-' * 68}|---------:|------:|------:|-----------:|")
    for name, xs in rows:
        med = statistics.median(xs)
        print(
            f"| {name:<66} | {med:8.3f} | {min(xs):5.3f} | {max(xs):5.3f} | "
            f"{med / base_med:10.2f} |"
        )
    verdict = "meets" if statistics.median(fresh) <= TARGET_S else "MISSES"
    print(
        f"\nNew {n_words}-word article: median {statistics.median(fresh):.2f} s — "
        f"{verdict} the {TARGET_S} s target."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
