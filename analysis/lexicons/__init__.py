"""Lexicons as data: CSV files in ``analysis/lexicons/`` with term, category, explanation, source.

Loaded once per process (``functools.cache``) through ``importlib.resources``, after the way
scattertext ships its ``data/*.csv`` and VADER its lexicon file.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pandas as pd

REQUIRED_COLUMNS = ("term", "category", "explanation", "source")


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One row of a lexicon file."""

    term: str
    category: str
    explanation: str
    source: str


def lexicon_names() -> list[str]:
    """Names (file stems) of every lexicon shipped with the package."""
    folder = resources.files("analysis") / "lexicons"
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".csv"))


@cache
def _raw(name: str) -> str:
    return (resources.files("analysis") / "lexicons" / f"{name}.csv").read_text(encoding="utf-8")


@cache
def load_lexicon(name: str) -> dict[str, LexiconEntry]:
    """The lexicon ``name`` as a mapping from lower-cased term to its entry.

    Args:
        name: file stem under ``analysis/lexicons/`` (e.g. ``"reporting_verbs"``).

    Returns:
        dict keyed by the term in lower case; multi-word terms keep their single spaces.
    """
    out: dict[str, LexiconEntry] = {}
    for row in csv.DictReader(io.StringIO(_raw(name))):
        term = " ".join(row["term"].split()).lower()
        out[term] = LexiconEntry(
            term, row["category"].strip(), row["explanation"].strip(), row["source"].strip()
        )
    return out


def lexicon_frame(name: str) -> pd.DataFrame:
    """The lexicon ``name`` as a DataFrame with the file's own columns."""
    return pd.read_csv(io.StringIO(_raw(name)), dtype=str, keep_default_na=False)


def lexicon_versions() -> dict[str, str]:
    """Short SHA-256 of each lexicon file, recorded in reports and bundles."""
    return {n: hashlib.sha256(_raw(n).encode()).hexdigest()[:12] for n in lexicon_names()}
