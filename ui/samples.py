"""The sample articles shipped in ``sample_articles/`` (listed in its ``index.csv``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from analysis.library.samples import sample_rows

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "sample_articles"
"""The shipped samples (the library's own default folder, named here for the pages)."""
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
    """Every sample listed in index.csv (the seed first), read once per process.

    The index is read by :func:`analysis.library.samples.sample_rows`, the same reader that
    seeds the library, so the picker and the library never disagree about a sample.
    """
    out = [
        Sample(
            row.source,
            row.title or row.text.strip().splitlines()[0][:120],
            row.outlet or "Sample",
            row.text,
        )
        for row in sample_rows(SAMPLES_DIR)
    ]
    out.sort(key=lambda s: s.file != SEED_FILE)
    return tuple(out)


def seed() -> Sample:
    """The seed article (nato-eastern-flank.txt)."""
    return next(s for s in samples() if s.file == SEED_FILE)
