"""Speed of the framing analysis against the bare spaCy pipeline, measured in the same run.

Targets (issue #2): framing analysis >= 0.8x the bare pipeline's throughput (our layers add at most
25% to the parse), a 1,000-word article <= 0.5 s warm on one core, and peak memory reported. The
rule layers' time (analyze minus our parse) is shown as a share of the parse, and the ingest's
page-furniture cleaning (issue 10) in words per second.

Run: .venv/bin/python benchmarks/speed.py [--repeat N]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import analyze  # noqa: E402
from analysis.engine.model import load_model  # noqa: E402
from analysis.engine.parse import parse  # noqa: E402
from analysis.library.furniture import remove_page_furniture  # noqa: E402


def corpus() -> list[str]:
    """Every sample article (the seed and the constructed ones)."""
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "sample_articles").glob("*.txt"))]


def article_of(words: int, texts: list[str]) -> str:
    """A text of about ``words`` words made of whole sample articles."""
    out: list[str] = []
    n = 0
    i = 0
    while n < words:
        t = texts[i % len(texts)]
        out.append(t)
        n += len(t.split())
        i += 1
    return "\n\n".join(out)


def timed(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    """Median wall time of ``fn()`` over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    nlp = load_model()
    texts = corpus()
    words = sum(len(t.split()) for t in texts)
    analyze(texts[0])  # warm: model, lexicons, VADER

    bare = timed(lambda: [nlp(t) for t in texts], args.repeat)
    ours_parse = timed(lambda: [parse(t, nlp) for t in texts], args.repeat)
    ours = timed(lambda: [analyze(t, nlp=nlp) for t in texts], args.repeat)
    cleaning = timed(lambda: [remove_page_furniture(t) for t in texts], args.repeat)
    one_k = article_of(1000, texts)
    one_k_words = len(one_k.split())
    t1k = timed(lambda: analyze(one_k, nlp=nlp), args.repeat)
    t1k_bare = timed(lambda: nlp(one_k), args.repeat)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(
        f"\nSpeed on {len(texts)} sample articles, {words:,} words, median of {args.repeat} runs\n"
    )
    print(f"{'measure':44} {'value':>12} {'target':>12}")
    print(f"{'bare spaCy pipeline (nlp(text)), words/s':44} {words / bare:12,.0f} {'baseline':>12}")
    print(f"{'our line-by-line parse only, words/s':44} {words / ours_parse:12,.0f} {'-':>12}")
    print(f"{'framing analysis (analyze), words/s':44} {words / ours:12,.0f} {'-':>12}")
    print(f"{'ratio analysis / bare pipeline':44} {bare / ours:12.2f} {'>= 0.80':>12}")
    rules = max(ours - ours_parse, 0.0)
    print(
        f"{'rule layers (analyze - parse), share of parse':44} {rules / ours_parse:12.0%} {'-':>12}"
    )
    print(f"{'page-furniture cleaning (ingest), words/s':44} {words / cleaning:12,.0f} {'-':>12}")
    print(f"{f'{one_k_words}-word article, analyze, s':44} {t1k:12.3f} {'<= 0.50':>12}")
    print(f"{f'{one_k_words}-word article, bare pipeline, s':44} {t1k_bare:12.3f} {'-':>12}")
    print(f"{'peak memory (max RSS), MB':44} {peak_mb:12.0f} {'-':>12}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
