"""Export speed: chart images (first and warm) and the full report, against a same-run baseline.

Measured on the seed article's charts (and a second sample article's, for a six-chart report):

- PNG/SVG/PDF per chart through :func:`analysis.present.export.figure_bytes`: the first export
  (starts the shared kaleido browser) and the warm median of the following ones;
- the same PNG through ``plotly.io.to_image`` with no server running, i.e. a fresh browser for
  every image: the baseline a naive implementation pays each time;
- the one-click report with six charts, HTML and PDF (kaleido SVG + headless Chromium print).

Targets (issue #5): ≤ 0.5 s per chart warm; ≤ 10 s for a six-chart PDF report.

Run: .venv/bin/python benchmarks/export.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import plotly.io as pio  # noqa: E402

from analysis import analyze  # noqa: E402
from analysis.present import charts, export, report  # noqa: E402

SAMPLES = ROOT / "sample_articles"


def timed(fn: Callable[[], object]) -> float:
    """Seconds one call of ``fn`` takes."""
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def median_of(fn: Callable[[], object], n: int) -> float:
    """Median seconds over ``n`` calls."""
    return statistics.median(timed(fn) for _ in range(n))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="warm runs per measurement")
    args = parser.parse_args()
    if not export.static_export_available():
        print(export.INSTALL_HINT, file=sys.stderr)
        return 2

    seed = analyze((SAMPLES / "nato-eastern-flank.txt").read_text(encoding="utf-8"), title="Seed")
    other = analyze(
        (SAMPLES / "daily-clarion-zakharova-mocks.txt").read_text(encoding="utf-8"),
        title="Daily Clarion",
    )
    figs = {
        "stance": charts.stance_chart(seed),
        "markers": charts.marker_chart(seed),
        "sentiment": charts.sentiment_chart(seed),
    }
    rows: list[tuple[str, float, str]] = []

    # Baseline first, while no shared browser runs: plotly's to_image starts one per image.
    export.stop_exporter()
    baseline = median_of(lambda: pio.to_image(figs["stance"], format="png", scale=3), 2)
    rows.append(("baseline: PNG, fresh browser per image (plotly.io.to_image)", baseline, ""))

    first = timed(lambda: export.figure_bytes(figs["stance"], "png"))
    rows.append(("PNG first export (starts the shared browser)", first, ""))
    warm_all = []
    for name, fig in figs.items():
        for fmt in ("png", "svg", "pdf"):
            warm = median_of(lambda f=fig, x=fmt: export.figure_bytes(f, x), args.repeat)
            warm_all.append(warm)
            ok = "ok" if warm <= 0.5 else "SLOW"
            rows.append((f"{fmt.upper()} warm, {name} chart (target ≤ 0.5 s)", warm, ok))

    six = [
        *report.build_article_report(seed).figures,
        *[(f"{c} (Daily Clarion)", f) for c, f in report.build_article_report(other).figures],
    ]
    rep = report.build_article_report(seed, figures=six)
    html_s = median_of(lambda: report.report_html(rep), 3)
    rows.append((f"report HTML, {len(six)} charts", html_s, ""))
    pdf_s = median_of(lambda: report.report_pdf(rep), 3)
    ok = "ok" if pdf_s <= 10 else "SLOW"
    rows.append((f"report PDF, {len(six)} charts (target ≤ 10 s)", pdf_s, ok))
    printable = report.render_html(rep, printable=True)
    print_s = median_of(lambda: export.html_to_pdf(printable), 3)
    rows.append(("  of which: Chromium print of the finished HTML", print_s, ""))

    width = max(len(r[0]) for r in rows)
    print(f"{'measurement':<{width}}  {'seconds':>8}  {'× baseline':>10}  target")
    print("-" * (width + 32))
    for label, seconds, ok in rows:
        print(f"{label:<{width}}  {seconds:8.3f}  {seconds / baseline:10.2f}  {ok}")
    print(
        f"\nwarm chart export: median {statistics.median(warm_all):.3f} s, "
        f"max {max(warm_all):.3f} s; {baseline / statistics.median(warm_all):.1f}× faster than "
        "a fresh browser per image."
    )
    export.stop_exporter()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
