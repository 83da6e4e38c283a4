"""Synthetic corpora for the scale benchmarks, made from the sample articles.

- :func:`varied_rows`: ``n`` distinct articles for import runs (each sample's lines shuffled,
  some reporting verbs swapped, so every text is new and the slants stay);
- :func:`stored_library`: a library of ``n`` stored articles *with* analyses and count rows,
  written directly from the samples' real analyses (no NLP run per article), for Compare.
"""

from __future__ import annotations

import hashlib
import random
import re
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.engine.pipeline import analyze  # noqa: E402
from analysis.library.corpus import CorpusRow  # noqa: E402
from analysis.library.samples import SEEDED_KEY, sample_rows  # noqa: E402
from analysis.library.serialise import StoredAnalysis, stored_analysis  # noqa: E402
from analysis.library.store import Library, normalise_text  # noqa: E402

SWAPS = [("said", "claimed"), ("claimed", "said"), ("told", "insisted to"), ("confirmed", "said")]


def varied_rows(n: int, seed: int = 7) -> list[CorpusRow]:
    """``n`` distinct articles made by varying the samples (shuffled lines, swapped verbs)."""
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


def stored_library(path: Path, n: int, *, outlets_per_sample: int = 2, batch: int = 2000) -> float:
    """Fill a new library with ``n`` analysed articles; returns the seconds it took.

    Each article is a sample with its own last line ("(Report i.)", so the sample's analysis
    offsets still fit) under the sample's outlet or a sister outlet ("… Weekly"), dated over two
    years. Its stored analysis and count rows are the sample's, written directly.
    """
    t0 = time.perf_counter()
    base = sample_rows()
    analysed = [stored_analysis("", analyze(normalise_text(r.text))) for r in base]
    start = date(2022, 1, 1)
    with Library(path) as lib:
        for lo in range(0, n, batch):
            records, ready = [], []
            for i in range(lo, min(n, lo + batch)):
                k = i % len(base)
                src, a = base[k], analysed[k]
                text = normalise_text(src.text) + f"\n(Report {i}.)"
                outlet = src.outlet if (i // len(base)) % outlets_per_sample == 0 else None
                records.append(
                    {
                        "text": text,
                        "title": f"{src.title} ({i})",
                        "outlet": outlet or f"{src.outlet} Weekly",
                        "date": (start + timedelta(days=i % 730)).isoformat(),
                        "constructed": True,
                    }
                )
                sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
                ready.append(StoredAnalysis(sha, a.key, a.data, a.detail, a.counts))
            lib.add_many(records)
            lib.put_analyses(ready)
        lib.set_meta(SEEDED_KEY, "1")  # the app would otherwise add (and analyse) the samples
    return time.perf_counter() - t0


if __name__ == "__main__":
    # `make bench` runs every file here: without arguments this helper only says what it is.
    if len(sys.argv) < 2:
        print("synth.py LIBRARY [N]: write N synthetic analysed articles (used by compare_scale)")
    else:
        size = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
        print(f"{stored_library(Path(sys.argv[1]), size):.1f} s")
