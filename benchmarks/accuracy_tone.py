"""Accuracy of the per-actor tone model on the NewsMTSC development sets, with two baselines.

Gold: NewsMTSC (Hamborg & Donnay 2021, EACL; MIT), ../shared/eval/newsmtsc/dev_rw.jsonl (real-world
distribution of sentiment) and dev_mt.jsonl (sentences with two or more target persons). The model
is the committed one (analysis/engine/tone/model, or $FRAMING_LENS_TONE_MODEL), trained and
selected on train.jsonl only; the dev sets are only reported here, never tuned on.

Baselines, computed in the same run:
- VADER sentence: the VADER compound of the whole sentence (target-independent), >= 0.05 positive,
  <= -0.05 negative, else neutral (Hutto & Gilbert 2014's thresholds);
- TF-IDF + LR: word uni- and bigram TF-IDF of the sentence with the mention masked, scikit-learn's
  LogisticRegression with its default C=1 and balanced class weights, fitted on train.jsonl.

Targets (issue 11): F1 macro >= 0.70 on dev_rw and >= 0.65 on dev_mt.

Run: .venv/bin/python benchmarks/accuracy_tone.py [--data DIR]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import (  # noqa: E402
    confusion_matrix,
    f1_score,
    precision_recall_fscore_support,
)

from analysis.engine.sentiment import sentence_sentiments  # noqa: E402
from analysis.engine.tone import TONES, load_tone_model, read_training_data  # noqa: E402

TARGETS = {"dev_rw": 0.70, "dev_mt": 0.65}


def default_data() -> Path:
    """../shared/eval/newsmtsc from the main checkout or from a worktree under /work/wt."""
    for base in (ROOT.parent, ROOT.parent.parent):
        candidate = base / "shared" / "eval" / "newsmtsc"
        if candidate.exists():
            return candidate
    return ROOT.parent / "shared" / "eval" / "newsmtsc"


def vader_baseline(texts: list[str]) -> list[str]:
    """Tone of the whole sentence by VADER compound, the same for every target in it."""
    out = []
    for c in sentence_sentiments(texts):
        out.append("positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral")
    return out


def masked(text: str, start: int, end: int) -> str:
    """The sentence with the target mention replaced by a placeholder word."""
    return f"{text[:start]} targetmention {text[end:]}"


def tfidf_baseline(train: tuple[list[str], list[str]], test: list[str]) -> list[str]:
    """Plain TF-IDF (masked sentence, uni+bigrams) + logistic regression, fitted on train."""
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    X = vec.fit_transform(train[0])
    lr = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000).fit(X, train[1])
    return [str(p) for p in lr.predict(vec.transform(test))]


def report(name: str, gold: list[str], pred: list[str]) -> tuple[float, list[str]]:
    """F1 macro and the printed lines: per-tone precision/recall and the confusion table."""
    f1m = float(f1_score(gold, pred, labels=list(TONES), average="macro"))
    p, r, _, _ = precision_recall_fscore_support(gold, pred, labels=list(TONES), zero_division=0)
    table = confusion_matrix(gold, pred, labels=list(TONES))
    per = "  ".join(f"{t[:3]} P {p[i]:.2f} R {r[i]:.2f}" for i, t in enumerate(TONES))
    conf = " | ".join(
        f"{t[:3]}->" + "/".join(str(int(v)) for v in table[i]) for i, t in enumerate(TONES)
    )
    return f1m, [f"  {name:<22} F1m {f1m:.3f}   {per}", f"  {'':<22} confusion {conf}"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=default_data())
    args = ap.parse_args(argv)
    if not (args.data / "dev_rw.jsonl").exists():
        print(f"NewsMTSC dev sets not found in {args.data}", file=sys.stderr)
        return 2
    model = load_tone_model()
    train = read_training_data(args.data / "train.jsonl")
    train_masked = [masked(*x) for x in train.examples]
    cv = model.metadata_.get("metrics", {}).get("cross_validated", {})
    params = model.get_params()
    print(
        f"Tone towards a target, NewsMTSC dev sets; model C={params['C']} alpha={params['alpha']}"
        f", cross-validated F1m on train {cv.get('f1_macro', float('nan')):.3f}"
    )
    print("confusion: gold -> predicted negative/neutral/positive")
    rows = []
    for split, target in TARGETS.items():
        dev = read_training_data(args.data / f"{split}.jsonl")
        gold = dev.labels
        t0 = time.perf_counter()
        ours = [str(p) for p in model.predict(dev.examples)]
        secs = time.perf_counter() - t0
        systems = (
            ("VADER sentence", vader_baseline([t for t, _, _ in dev.examples])),
            (
                "TF-IDF + LR",
                tfidf_baseline((train_masked, train.labels), [masked(*x) for x in dev.examples]),
            ),
            ("tone model (ours)", ours),
        )
        print(
            f"\n{split}: {len(gold)} targets in {len(set(dev.groups))} sentences "
            f"(gold {', '.join(f'{t} {gold.count(t)}' for t in TONES)})"
        )
        scores = {}
        for name, pred in systems:
            f1m, lines = report(name, gold, pred)
            scores[name] = f1m
            print("\n".join(lines))
        ratio = scores["tone model (ours)"] / scores["VADER sentence"]
        ratio_tfidf = scores["tone model (ours)"] / scores["TF-IDF + LR"]
        rows.append((split, scores["tone model (ours)"], target, ratio, ratio_tfidf, secs))
    print(f"\n{'split':<8}{'F1m':>7}{'target':>8}{'x VADER':>9}{'x TF-IDF':>10}{'met':>5}")
    for split, f1m, target, ratio, ratio_tfidf, _ in rows:
        met = "yes" if f1m >= target else "NO"
        print(f"{split:<8}{f1m:7.3f}{target:8.2f}{ratio:9.2f}{ratio_tfidf:10.2f}{met:>5}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
