"""Character-level accuracy of `loaded` and `doubt` markers on the PTC training articles.

Gold: the Propaganda Techniques Corpus (Da San Martino et al. 2019/2020, SemEval-2020 Task 11),
spans of `Loaded_Language` and `Doubt`, read from ../shared/eval/ptc-train (never copied into the
project, never used to build a lexicon: see its PROVENANCE.md). Per article we compare the set of
characters covered by predicted markers with the set covered by gold spans, and sum over articles
(micro precision / recall / F1).

The 371 articles are split deterministically: sorted ids, even positions = DEV (may be looked at
while choosing thresholds), odd positions = TEST (the headline number). Every result is also given
as a ratio to a baseline measured in the same run: "every VADER-lexicon word with |valence| >= 1.5".

Run:  .venv/bin/python benchmarks/accuracy_ptc.py [--split dev|test|all] [--engine direct|pipeline]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.engine.extract.loaded import find_loaded  # noqa: E402
from analysis.engine.model import load_model  # noqa: E402
from analysis.engine.sentiment import analyzer  # noqa: E402
from analysis.lexicons import load_lexicon  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "ptc-train"
BASELINE_VALENCE = 1.5
# PTC files name-calling and labels ("regime", "thug", "hero") under its own technique,
# Name_Calling,Labeling; our emotive categories are the ones that correspond to Loaded_Language.
EMOTIVE = frozenset({"emotion", "violence", "exaggeration", "moral"})
LABELS = frozenset({"label", "derogatory", "glorifying"})
Spans = list[tuple[int, int]]
Tagged = list[tuple[int, int, str]]


def read_corpus(data: Path) -> tuple[dict[str, str], dict[str, dict[str, Spans]]]:
    """Article texts by id and gold spans by id and technique."""
    texts: dict[str, str] = {}
    for path in sorted((data / "articles").glob("article*.txt")):
        with open(path, encoding="utf-8", newline="") as fh:
            texts[path.stem.removeprefix("article")] = fh.read()
    gold: dict[str, dict[str, Spans]] = defaultdict(lambda: defaultdict(list))
    for line in (data / "train-task2-TC.labels").read_text(encoding="utf-8").splitlines():
        if line.strip():
            art, technique, start, end = line.split("\t")
            gold[art][technique].append((int(start), int(end)))
    return texts, gold


def split_ids(ids: Iterable[str], split: str) -> list[str]:
    """DEV = even positions of the sorted ids, TEST = odd positions, ALL = every id."""
    ordered = sorted(ids)
    if split == "dev":
        return ordered[0::2]
    if split == "test":
        return ordered[1::2]
    return ordered


def chars(spans: Spans) -> set[int]:
    """The set of character positions covered by ``spans``."""
    return {i for a, b in spans for i in range(a, b)}


def score(pred: dict[str, Spans], gold: dict[str, Spans], ids: list[str]) -> tuple[float, ...]:
    """Micro character-level precision, recall, F1 over ``ids``."""
    tp = n_pred = n_gold = 0
    for art in ids:
        p, g = chars(pred.get(art, [])), chars(gold.get(art, []))
        tp += len(p & g)
        n_pred += len(p)
        n_gold += len(g)
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def vader_baseline(text: str, threshold: float = BASELINE_VALENCE) -> Spans:
    """Every word of the VADER lexicon with |valence| >= threshold (the naive detector)."""
    lex = analyzer().lexicon
    return [
        (m.start(), m.end())
        for m in re.finditer(r"[A-Za-z][A-Za-z'-]*", text)
        if abs(lex.get(m.group().lower(), 0.0)) >= threshold
    ]


_DOUBT_RE: re.Pattern[str] | None = None


def doubt_fallback(text: str) -> Spans:
    """Plain regex over doubt.csv, used only when the pipeline's doubt markers are unavailable."""
    global _DOUBT_RE
    if _DOUBT_RE is None:
        terms = sorted(load_lexicon("doubt"), key=len, reverse=True)
        alts = "|".join(re.escape(t).replace(r"\ ", r"[\s-]+") for t in terms)
        _DOUBT_RE = re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)
    return [(m.start(), m.end()) for m in _DOUBT_RE.finditer(text)]


def predict_direct(texts: dict[str, str]) -> tuple[dict[str, Tagged], dict[str, Spans], str]:
    """Loaded markers from find_loaded on one parse per article; doubt from the fallback regex."""
    nlp = load_model()
    ids = list(texts)
    loaded: dict[str, Tagged] = {}
    for art, doc in zip(ids, nlp.pipe((texts[i] for i in ids), batch_size=16), strict=True):
        loaded[art] = [(m.start, m.end, m.category) for m in find_loaded(doc)]
    doubt = {art: doubt_fallback(t) for art, t in texts.items()}
    return loaded, doubt, "direct: find_loaded + doubt.csv regex"


def predict_pipeline(texts: dict[str, str]) -> tuple[dict[str, Tagged], dict[str, Spans], str]:
    """Loaded and doubt markers from the full pipeline, ``analysis.analyze``."""
    from analysis import analyze  # the lead's pipeline; imported late so --engine direct works

    loaded: dict[str, Tagged] = {}
    doubt: dict[str, Spans] = {}
    for art, text in texts.items():
        result = analyze(text)
        loaded[art] = [(m.start, m.end, m.category) for m in result.markers_of("loaded")]
        doubt[art] = [(m.start, m.end) for m in result.markers_of("doubt")]
    return loaded, doubt, "pipeline: analysis.analyze"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--split",
        choices=("dev", "test", "all"),
        default=None,
        help="one split only (default: DEV and TEST, TEST is the headline)",
    )
    ap.add_argument(
        "--engine",
        choices=("auto", "direct", "pipeline"),
        default="auto",
        help="pipeline = analysis.analyze (default when importable)",
    )
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args(argv)

    if not (args.data / "train-task2-TC.labels").exists():
        print(f"PTC data not found in {args.data}", file=sys.stderr)
        return 2
    texts, gold = read_corpus(args.data)
    splits = [args.split] if args.split else ["dev", "test"]
    by_split = {s: split_ids(texts, s) for s in splits}
    texts = {i: texts[i] for s in splits for i in by_split[s]}

    t0 = time.perf_counter()
    engine: Callable[[dict[str, str]], tuple[dict[str, Tagged], dict[str, Spans], str]]
    engine = predict_direct
    if args.engine in ("auto", "pipeline"):
        try:
            from analysis import analyze  # noqa: F401

            engine = predict_pipeline
        except ImportError:
            if args.engine == "pipeline":
                raise
    loaded, doubt, how = engine(texts)
    elapsed = time.perf_counter() - t0
    baseline = {art: vader_baseline(t) for art, t in texts.items()}

    def only(cats: frozenset[str] | None) -> dict[str, Spans]:
        return {
            a: [(s, e) for s, e, c in v if cats is None or c in cats] for a, v in loaded.items()
        }

    table = (
        (
            "Loaded_Language",
            (("loaded, emotive categories", only(EMOTIVE)), ("loaded, all categories", only(None))),
        ),
        ("Name_Calling,Labeling", (("loaded, label categories", only(LABELS)),)),
        ("Doubt", (("doubt markers", doubt),)),
    )
    words = sum(len(t.split()) for t in texts.values())
    print(f"PTC train, {len(texts)} articles, {words:,} words; engine {how}; {elapsed:.0f} s")
    print("Character-level micro P/R/F1; 'x base' = F1 / F1 of the VADER |v|>=1.5 baseline")
    header = f"{'split':<7}{'gold':<22}{'system':<28}{'P':>7}{'R':>7}{'F1':>7}{'x base':>8}"
    print(header)
    print("-" * len(header))
    for split in splits:
        ids = by_split[split]
        tag = f"{split.upper()}{' *' if split == 'test' else ''}"
        for technique, systems in table:
            g = {a: gold[a][technique] for a in texts}
            base = score(baseline, g, ids)
            for name, pred in (("VADER |v|>=1.5 baseline", baseline), *systems):
                p, r, f = score(pred, g, ids)
                ratio = f / base[2] if base[2] else float("nan")
                print(f"{tag:<7}{technique:<22}{name:<28}{p:7.3f}{r:7.3f}{f:7.3f}{ratio:8.2f}")
    print("* TEST is the headline; DEV was used to choose thresholds.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
