"""Lexicons as data: CSV files in ``analysis/lexicons/`` with term, category, explanation, source.

Loaded once per process (``functools.cache``) through ``importlib.resources``, after the way
scattertext ships its ``data/*.csv`` and VADER its lexicon file. This module is the one reader of
the files: every column beyond the four required ones (``requires``, ``canonical``, ``pos`` …) is
read through :func:`lexicon_frame`, :func:`lexicon_column` or :attr:`LexiconEntry.extra`.

Where every row of a category would repeat the same sentence, the row leaves ``explanation``
(or ``source``) empty and the category's template in ``category_explanations.csv`` fills it
(term ``<lexicon>/<category>``; ``{term}``, ``{Term}`` and any other column of the row, such as
``{canonical}``, are filled in). A row with text of its own overrides the template.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import pandas as pd

REQUIRED_COLUMNS = ("term", "category", "explanation", "source")
TEMPLATES = "category_explanations"
"""The lexicon of category-level explanations (``<lexicon>/<category>`` -> text)."""

__all__ = [
    "REQUIRED_COLUMNS",
    "TEMPLATES",
    "LexiconEntry",
    "lexicon_column",
    "lexicon_digest",
    "lexicon_file_frame",
    "lexicon_frame",
    "lexicon_names",
    "lexicon_versions",
    "load_lexicon",
]


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One row of a lexicon file; ``extra`` holds the file's other columns."""

    term: str
    category: str
    explanation: str
    source: str
    extra: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)


def lexicon_names() -> list[str]:
    """Names (file stems) of every lexicon shipped with the package."""
    folder = resources.files("analysis") / "lexicons"
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".csv"))


@cache
def _raw(name: str) -> str:
    return (resources.files("analysis") / "lexicons" / f"{name}.csv").read_text(encoding="utf-8")


def lexicon_file_frame(name: str) -> pd.DataFrame:
    """The lexicon file ``name`` exactly as written (templates not applied)."""
    return pd.read_csv(io.StringIO(_raw(name)), dtype=str, keep_default_na=False)


@cache
def _resolved(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``name`` with empty explanation/source cells filled from the templates."""
    rows = list(csv.DictReader(io.StringIO(_raw(name))))
    if name == TEMPLATES:
        return tuple(rows)
    templates = {r["term"]: r for r in _resolved(TEMPLATES)}
    for row in rows:
        template = templates.get(f"{name}/{row['category'].strip()}")
        if template is None:
            continue
        values: dict[str, Any] = {**row, "Term": row["term"][:1].upper() + row["term"][1:]}
        for col in ("explanation", "source"):
            if not row[col].strip():
                row[col] = template[col].format_map(values)
    return tuple(rows)


def lexicon_frame(name: str) -> pd.DataFrame:
    """The lexicon ``name`` as a DataFrame with the file's own columns (templates applied)."""
    rows = _resolved(name)
    columns = list(csv.DictReader(io.StringIO(_raw(name))).fieldnames or REQUIRED_COLUMNS)
    return pd.DataFrame(list(rows), columns=columns, dtype=str)


@cache
def load_lexicon(name: str) -> dict[str, LexiconEntry]:
    """The lexicon ``name`` as a mapping from lower-cased term to its entry.

    Args:
        name: file stem under ``analysis/lexicons/`` (e.g. ``"reporting_verbs"``).

    Returns:
        dict keyed by the term in lower case; multi-word terms keep their single spaces.
    """
    out: dict[str, LexiconEntry] = {}
    for row in _resolved(name):
        term = " ".join(row["term"].split()).lower()
        extra = {k: (v or "").strip() for k, v in row.items() if k not in REQUIRED_COLUMNS}
        out[term] = LexiconEntry(
            term, row["category"].strip(), row["explanation"].strip(), row["source"].strip(), extra
        )
    return out


@cache
def lexicon_column(name: str, column: str) -> dict[str, str]:
    """term (lower case) -> the value of an extra ``column`` of the lexicon ('' when absent)."""
    return {term: entry.extra.get(column, "") for term, entry in load_lexicon(name).items()}


def lexicon_versions() -> dict[str, str]:
    """Short SHA-256 of each lexicon file, recorded in reports and bundles."""
    return {n: hashlib.sha256(_raw(n).encode()).hexdigest()[:12] for n in lexicon_names()}


@cache
def lexicon_digest() -> str:
    """One short digest of all lexicon files: part of the cache key of stored analyses."""
    joined = "".join(f"{n}:{v};" for n, v in sorted(lexicon_versions().items()))
    return hashlib.sha256(joined.encode()).hexdigest()[:12]
