"""Analysis cost against input size: time and peak memory for 50-400 KB of text (issue 16).

Two kinds of text: real reporting (the sample articles and the DEV half of
/work/shared/eval/attribution-dev, concatenated and repeated to size) and one reporting sentence
repeated (the input that made analysis quadratic: Token.sent walks the document). Each size is
analysed in a fresh subprocess (model loaded and warmed first, then one timed ``analyze``), so
peak RSS is that process's own high-water mark, not the sum of earlier runs.

Targets: linear within 1.5x (seconds per KB at 400 KB <= 1.5 x seconds per KB at 50 KB) and peak
memory <= 600 MB at 400 KB. A size that runs longer than --timeout is reported as such.

Run: .venv/bin/python benchmarks/input_scale.py [--sizes 50 100 200 400] [--timeout 900]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path("/work/shared/eval/attribution-dev")
SENTENCE = "The minister said that the talks would continue next week, officials claimed. "
KINDS = ("real", "repeated")
TARGET_RATIO = 1.5
TARGET_MB = 600


def real_text() -> str:
    """Sample articles and the DEV files of attribution-dev (even sorted positions), joined."""
    texts = [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "sample_articles").glob("*.txt"))
    ]
    if EVAL.is_dir():
        dev = sorted(EVAL.glob("*.txt"))[::2]  # README: even positions are DEV; odd are TEST
        texts += [p.read_text(encoding="utf-8") for p in dev]
    return "\n\n".join(t.strip() for t in texts)


def text_of(kind: str, kb: int) -> str:
    """About ``kb`` kilobytes (UTF-8) of the given kind, cut at a paragraph or sentence end."""
    unit = real_text() + "\n\n" if kind == "real" else SENTENCE
    size = kb * 1024
    text = unit * (size // len(unit.encode("utf-8")) + 1)
    cut = text.encode("utf-8")[:size].decode("utf-8", errors="ignore")
    end = max(cut.rfind("\n\n"), cut.rfind(". "))
    return cut[: end + 1] if end > size // 2 else cut


def child(kind: str, kb: int) -> None:
    """Measure one size in this (fresh) process; prints one JSON line."""
    sys.path.insert(0, str(ROOT))
    from analysis import analyze
    from analysis.engine.model import load_model

    load_model()
    analyze(SENTENCE * 3)  # warm: first-call costs are not part of the size's cost
    text = text_of(kind, kb)
    warm_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    result = analyze(text)
    seconds = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({
        "kind": kind, "kb": len(text.encode("utf-8")) / 1024, "seconds": seconds,
        "peak_mb": peak_mb, "warm_mb": warm_mb, "words": result.words,
        "markers": len(result.markers),
    }))  # fmt: skip


def measure(kind: str, kb: int, timeout: float) -> dict[str, float] | None:
    """One size in a fresh subprocess; None when it ran out of time."""
    cmd = [sys.executable, __file__, "--child", kind, str(kb)]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(
    results: dict[tuple[str, int], dict[str, float] | None], sizes: list[int], timeout: float
) -> None:
    print(f"{'text':9} {'KB':>6} {'seconds':>9} {'s per KB':>9} {'peak MB':>8} {'warm MB':>8}")
    for (kind, kb), r in results.items():
        if r is None:
            print(f"{kind:9} {kb:6d} {'> ' + str(int(timeout)):>9} {'-':>9} {'-':>8} {'-':>8}")
            continue
        print(f"{kind:9} {r['kb']:6.0f} {r['seconds']:9.2f} {r['seconds'] / r['kb']:9.4f} "
              f"{r['peak_mb']:8.0f} {r['warm_mb']:8.0f}")  # fmt: skip
    lo, hi = min(sizes), max(sizes)
    print()
    print(f"{'measure':44} {'value':>10} {'target':>10} {'met':>5}")
    for kind in KINDS:
        a, b = results.get((kind, lo)), results.get((kind, hi))
        if not (a and b):
            line(f"{kind}: {hi} KB did not finish in {timeout:.0f} s", None, f"<= {TARGET_RATIO}")
            continue
        ratio = (b["seconds"] / b["kb"]) / (a["seconds"] / a["kb"])
        line(f"{kind}: s/KB at {hi} KB / s/KB at {lo} KB", ratio, f"<= {TARGET_RATIO}",
             ratio <= TARGET_RATIO)  # fmt: skip
        line(f"{kind}: peak memory at {hi} KB, MB", b["peak_mb"], f"<= {TARGET_MB}",
             b["peak_mb"] <= TARGET_MB)  # fmt: skip


def line(measure: str, value: float | None, target: str, met: bool = False) -> None:
    """One row of the targets table."""
    shown = "-" if value is None else f"{value:.2f}" if value < 100 else f"{value:.0f}"
    print(f"{measure:44} {shown:>10} {target:>10} {'yes' if met else 'NO':>5}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[50, 100, 200, 400])
    ap.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS))
    ap.add_argument("--timeout", type=float, default=900.0, help="seconds per size")
    ap.add_argument("--child", nargs=2, metavar=("KIND", "KB"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return 0
    results: dict[tuple[str, int], dict[str, float] | None] = {}
    for kind in args.kinds:
        for kb in sorted(args.sizes):
            results[(kind, kb)] = measure(kind, kb, args.timeout)
            if results[(kind, kb)] is None:  # a larger size would only run out of time too
                break
    report(results, sorted(args.sizes), args.timeout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
