"""Record the tone features and explanations of a checkout into a golden file.

    PYTHONPATH=<checkout> .venv/bin/python tests/golden/make_tone_features.py LABEL OUT.json

``tests/golden/tone_features.json`` was recorded at e671463 (before the per-sentence speed-up);
``tests/engine/test_tone_golden.py`` reads it.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from analysis.engine.tone import load_tone_model
from analysis.engine.tone.features import FeatureSettings, target_features

SENTENCES = [
    "Putin's spokesman Dmitry Peskov said the so-called sanctions would not work.",
    "NATO chief Jens Stoltenberg did not really praise Moscow, and Kyiv rejected the "
    '"peace plan" outright.',
    "“We will never accept it,” Zelensky told reporters, while Lavrov claimed the West had failed.",
    "Critics accused the Kremlin of brutal aggression; its allies, however, defended Russia's "
    "right to respond.",
    "The European Union's foreign policy chief Josep Borrell condemned the attack but Hungary's "
    "Viktor Orban hesitated.",
    "Merkel and Macron hailed the deal as a breakthrough, though Washington remained sceptical.",
    "Officials in Beijing denied that China had supplied weapons, calling the reports "
    "'baseless lies'.",
    "It isn't clear whether Erdogan, who has courted both sides, will back Sweden's bid.",
]
SETTINGS = [
    FeatureSettings(),
    FeatureSettings(near=2, far=5, bigrams=False, clause=False),
    FeatureSettings(lemmas=True, prefix=4),
]
NAME = re.compile(r"\b[A-Z][\w’']*(?:\s[A-Z][\w’']*)*")


def record() -> list[dict[str, object]]:
    """Features under each setting and the model's explanation of every capitalised span."""
    model = load_tone_model()
    out: list[dict[str, object]] = []
    for text in SENTENCES:
        for m in NAME.finditer(text):
            s, e = m.start(), m.end()
            features = [[list(f) for f in target_features(text, s, e, st)[1]] for st in SETTINGS]
            r = model.explain([(text, s, e)])[0]
            out.append({
                "text": text, "start": s, "end": e, "features": features, "tone": r.tone,
                "scores": r.scores, "evidence": [list(x) for x in r.evidence],
                "spans": [list(x) for x in r.spans],
            })  # fmt: skip
    return out


if __name__ == "__main__":
    rows = record()
    golden = {"recorded_with": sys.argv[1], "targets": rows}
    Path(sys.argv[2]).write_text(json.dumps(golden, ensure_ascii=False, indent=0), "utf-8")
    print(len(rows), "targets")
