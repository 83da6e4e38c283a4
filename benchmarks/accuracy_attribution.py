"""Attribution accuracy against hand-annotated news (../shared/eval/attribution-dev).

Scoring follows that set's README: a gold cue is found when an attribution marker overlaps it;
cue precision is the share of attribution markers overlapping some gold cue; the speaker is right
when the marker's actor (name or aliases) shares a content word with the gold speaker (UNNAMED not
scored); the stance is right when the marker's category equals the gold stance (cues with a note
are not scored for stance). Scare quotes and doubt markers are scored by overlap too.

The ten articles are split by sorted file name: even positions are DEV (used to look at errors
while writing rules), odd positions are TEST (reported, never looked at for rule writing).
A same-run baseline is printed for comparison: a "said-only" tagger that marks every form of
"say"/"tell" as a neutral cue with no speaker.

Run: .venv/bin/python benchmarks/accuracy_attribution.py [--split dev|test|all] [--errors]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import analyze  # noqa: E402
from analysis.records import ArticleAnalysis, Marker  # noqa: E402

EVAL = next(
    (
        base / "shared" / "eval" / "attribution-dev"
        for base in ROOT.parents
        if (base / "shared" / "eval" / "attribution-dev").exists()
    ),
    ROOT.parent / "shared" / "eval" / "attribution-dev",
)
"""The annotated set beside the checkout (or beside the folder of worktrees holding it)."""
STOP = {"the", "of", "a", "an", "and", "for", "in", "on", "s", "u", "mr", "ms", "mrs"}
_SAID = re.compile(r"\b(said|says|say|saying|told|tells|tell)\b", re.IGNORECASE)


def content_words(s: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", s.lower()) if w not in STOP and len(w) > 1}


def files(split: str) -> list[Path]:
    all_files = sorted(EVAL.glob("*.txt"))
    if split == "dev":
        return all_files[0::2]
    if split == "test":
        return all_files[1::2]
    return all_files


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _context(text: str, start: int, end: int, width: int = 110) -> str:
    """The cue in [brackets] with some text either side, on one line."""
    left = text[max(0, start - width) : start]
    right = text[end : end + width // 2]
    return " ".join(f"{left}[{text[start:end]}]{right}".split())


def score(gold: dict, result: ArticleAnalysis, markers: list[Marker], errors: list[str]) -> Counter:
    c: Counter = Counter()
    names: dict[str, set[str]] = {}
    for a in result.actors:
        words = content_words(a.name)
        for al in a.aliases:
            words |= content_words(al)
        names[a.name] = words
    preds = [m for m in markers if m.kind == "attribution"]
    gold_cues = gold["attributions"]
    c["gold_cues"] += len(gold_cues)
    c["pred_cues"] += len(preds)
    c["pred_hit"] += sum(
        any(overlaps((m.start, m.end), (g["start"], g["end"])) for g in gold_cues) for m in preds
    )
    for g in gold_cues:
        hit = [m for m in preds if overlaps((m.start, m.end), (g["start"], g["end"]))]
        if hit:
            c["gold_found"] += 1
        else:
            errors.append(f"MISSED cue {g['cue']!r} ({g['stance']}, {g['speaker']})")
            errors.append(f"        {_context(result.text, g['start'], g['end'])}")
            continue
        m = hit[0]
        if g["speaker"] != "UNNAMED":
            c["speaker_total"] += 1
            ok = m.actor is not None and bool(
                names.get(m.actor, set()) & content_words(g["speaker"])
            )
            c["speaker_ok"] += ok
            if not ok:
                errors.append(f"SPEAKER {g['cue']!r}: gold {g['speaker']!r}, got {m.actor!r}")
                errors.append(f"        {_context(result.text, g['start'], g['end'])}")
        if not g.get("note"):
            c["stance_total"] += 1
            c["stance_ok"] += m.category == g["stance"]
            if m.category != g["stance"]:
                errors.append(f"STANCE {g['cue']!r}: gold {g['stance']}, got {m.category}")
    for m in preds:
        if not any(overlaps((m.start, m.end), (g["start"], g["end"])) for g in gold_cues):
            errors.append(f"EXTRA cue {m.text!r} ({m.category}, {m.actor})")
    sq_gold = [s for s in gold.get("scare_quotes", []) if s["kind"] in ("scare", "partial_quote")]
    sq_pred = [m for m in markers if m.kind == "scare_quote"]
    c["sq_gold"] += len(sq_gold)
    c["sq_pred"] += len(sq_pred)
    c["sq_found"] += sum(
        any(overlaps((m.start, m.end), (g["start"], g["end"])) for m in sq_pred) for g in sq_gold
    )
    c["sq_hit"] += sum(
        any(overlaps((m.start, m.end), (g["start"], g["end"])) for g in sq_gold) for m in sq_pred
    )
    dm_gold = gold.get("doubt_markers", [])
    dm_pred = [m for m in markers if m.kind == "doubt"]
    c["dm_gold"] += len(dm_gold)
    c["dm_pred"] += len(dm_pred)
    c["dm_found"] += sum(
        any(overlaps((m.start, m.end), (g["start"], g["end"])) for m in dm_pred) for g in dm_gold
    )
    c["dm_hit"] += sum(
        any(overlaps((m.start, m.end), (g["start"], g["end"])) for g in dm_gold) for m in dm_pred
    )
    return c


def said_baseline(text: str) -> list[Marker]:
    return [
        Marker("attribution", "neutral", m.group(0), m.start(), m.end(), None, "", "")
        for m in _SAID.finditer(text)
    ]


def prf(hit: int, pred: int, found: int, gold: int) -> tuple[float, float, float]:
    p = hit / pred if pred else 0.0
    r = found / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="test")
    ap.add_argument("--errors", action="store_true", help="print every error (use on dev only)")
    args = ap.parse_args()
    if not EVAL.exists():
        print(f"evaluation data not found at {EVAL}", file=sys.stderr)
        return 2
    ours: Counter = Counter()
    base: Counter = Counter()
    for path in files(args.split):
        text = path.read_text(encoding="utf-8")
        gold = json.loads(
            path.with_suffix("").with_suffix(".gold.json").read_text(encoding="utf-8")
        )
        result = analyze(text)
        errs: list[str] = []
        ours += score(gold, result, list(result.markers), errs)
        base += score(gold, result, said_baseline(text), [])
        if args.errors:
            print(f"--- {path.name}")
            for e in errs:
                print("   ", e)
    n = len(files(args.split))
    print(f"\nAttribution accuracy, attribution-dev split={args.split}: {n} articles, ", end="")
    print(f"{ours['gold_cues']} gold cues\n")
    print(f"{'measure':34} {'Framing Lens':>12} {'said-baseline':>14} {'ratio':>7}")
    rows = []
    p, r, f = prf(ours["pred_hit"], ours["pred_cues"], ours["gold_found"], ours["gold_cues"])
    bp, br, bf = prf(base["pred_hit"], base["pred_cues"], base["gold_found"], base["gold_cues"])
    rows += [("cue precision", p, bp), ("cue recall", r, br), ("cue F1", f, bf)]
    sp = ours["speaker_ok"] / ours["speaker_total"] if ours["speaker_total"] else 0.0
    bsp = base["speaker_ok"] / base["speaker_total"] if base["speaker_total"] else 0.0
    st = ours["stance_ok"] / ours["stance_total"] if ours["stance_total"] else 0.0
    bst = base["stance_ok"] / base["stance_total"] if base["stance_total"] else 0.0
    rows += [
        ("speaker accuracy (found, named)", sp, bsp),
        ("stance accuracy (found cues)", st, bst),
    ]
    p, r, f = prf(ours["sq_hit"], ours["sq_pred"], ours["sq_found"], ours["sq_gold"])
    rows += [
        ("scare/partial quote P", p, None),
        ("scare/partial quote R", r, None),
        ("scare/partial quote F1", f, None),
    ]
    p, r, f = prf(ours["dm_hit"], ours["dm_pred"], ours["dm_found"], ours["dm_gold"])
    rows += [("doubt marker P", p, None), ("doubt marker R", r, None)]
    for label, v, b in rows:
        ratio = f"{v / b:7.2f}" if b else "      -"
        bs = f"{b:14.3f}" if b is not None else f"{'-':>14}"
        print(f"{label:34} {v:12.3f} {bs} {ratio}")
    print(f"\n(doubt gold spans: {ours['dm_gold']}; scare/partial gold spans: {ours['sq_gold']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
