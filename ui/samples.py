"""The sample articles shipped in ``sample_articles/`` (listed in its ``index.csv``)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "sample_articles"
SEED_FILE = "nato-eastern-flank.txt"


@dataclass(frozen=True, slots=True)
class Sample:
    """One sample article: file name, title, outlet and its text."""

    file: str
    title: str
    outlet: str
    text: str

    @property
    def label(self) -> str:
        """How the picker shows it: outlet — title."""
        return f"{self.outlet} — {self.title}"


@cache
def samples() -> tuple[Sample, ...]:
    """Every sample listed in index.csv (the seed first), read once per process."""
    rows: list[dict[str, str]] = []
    index = SAMPLES_DIR / "index.csv"
    if index.exists():
        with index.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    else:  # no index: every .txt file, titled by its first line
        rows = [{"file": p.name} for p in sorted(SAMPLES_DIR.glob("*.txt"))]
    out = []
    for row in rows:
        path = SAMPLES_DIR / row["file"]
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        title = row.get("title") or text.strip().splitlines()[0][:120]
        out.append(Sample(row["file"], title, row.get("outlet") or "Sample", text))
    out.sort(key=lambda s: s.file != SEED_FILE)
    return tuple(out)


def seed() -> Sample:
    """The seed article (nato-eastern-flank.txt)."""
    return next(s for s in samples() if s.file == SEED_FILE)
