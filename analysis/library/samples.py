"""The sample corpus shipped in ``sample_articles/``: the seed article and our constructed examples.

``sample_articles/index.csv`` lists every sample with title, outlet, date, the ``constructed``
flag (True for articles the Framing Lens authors wrote as teaching examples, about fictional
outlets) and the slant it was written in. The first run of the app puts them in the library so
the Compare page has something to compare.
"""

from __future__ import annotations

import csv
from pathlib import Path

from analysis.library.corpus import CorpusRow
from analysis.library.store import Library

SAMPLES_DIR = Path(__file__).resolve().parents[2] / "sample_articles"
SEEDED_KEY = "samples_loaded"


def sample_rows(folder: Path = SAMPLES_DIR) -> list[CorpusRow]:
    """Every sample article listed in ``index.csv``, with its metadata, in index order."""
    rows = []
    with (folder / "index.csv").open(encoding="utf-8", newline="") as fh:
        for line, rec in enumerate(csv.DictReader(fh), start=2):
            rows.append(
                CorpusRow(
                    text=(folder / rec["file"]).read_text(encoding="utf-8"),
                    title=rec["title"] or None,
                    outlet=rec["outlet"] or None,
                    date=rec["date"] or None,
                    url=rec["url"] or None,
                    constructed=rec["constructed"].strip().lower() == "true",
                    source=rec["file"],
                    line=line,
                )
            )
    return rows


def seed_library(library: Library, *, force: bool = False) -> bool:
    """Add the samples to the library once (its first run); True if they were added now.

    A library that was seeded before is left alone, so samples the user deleted stay deleted.
    Only the articles are stored; analyses happen on demand (the Compare page analyses what is
    missing, with a progress bar).
    """
    if library.get_meta(SEEDED_KEY) and not force:
        return False
    library.add_many([r.record() for r in sample_rows()])
    library.set_meta(SEEDED_KEY, "1")
    return True
