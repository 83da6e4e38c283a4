"""A small hand-made tone data set where one sentence portrays its targets differently."""

from __future__ import annotations

import json
from itertools import product
from pathlib import Path

PRAISE = ("praised", "applauded", "thanked", "commended", "hailed")
BLAME = ("condemned", "denounced", "blamed", "attacked", "criticised")
NAMES = ("Alvarez", "Brennan", "Chen", "Dupont", "Eriksen", "Fischer")
WHEN = ("on Monday", "in Geneva", "after the vote")
THEN = ("while", "but", "and later")


def sentences() -> list[dict[str, object]]:
    """NewsMTSC-style lines "A praised B … A condemned C": A neutral, B positive, C negative."""
    out: list[dict[str, object]] = []
    for k, (good, bad) in enumerate(product(PRAISE, BLAME)):
        a, b, c = (NAMES[(k + i) % len(NAMES)] for i in (0, 2, 4))
        when, then = WHEN[k % 3], THEN[(k // 3) % 3]
        text = f"{a} {good} {b} {when} {then} {a} {bad} {c} for the delay."
        targets = []
        for name, pos, polarity in ((a, 0, 4), (b, text.index(f" {b} ") + 1, 6)):
            targets.append({"from": pos, "to": pos + len(name), "polarity": polarity})
        pos = text.rindex(c)
        targets.append({"from": pos, "to": pos + len(c), "polarity": 2})
        out.append({"sentence_normalized": text, "targets": targets})
    return out


def write_jsonl(path: Path) -> Path:
    """The hand-made set as a JSONL training file at ``path``."""
    lines = [json.dumps(s, ensure_ascii=False) for s in sentences()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def examples() -> tuple[list[tuple[str, int, int]], list[str]]:
    """The hand-made set as (text, start, end) examples and their tones."""
    tones = {2: "negative", 4: "neutral", 6: "positive"}
    xs: list[tuple[str, int, int]] = []
    ys: list[str] = []
    for s in sentences():
        for t in s["targets"]:  # type: ignore[attr-defined]
            xs.append((str(s["sentence_normalized"]), t["from"], t["to"]))
            ys.append(tones[t["polarity"]])
    return xs, ys
