"""The hashed blocks a test's resampling units pool a large group's articles into (layer 0).

A group of more articles than ``max_units`` pools them into ``max_units`` blocks by Knuth's
multiplicative hash of the article id (The Art of Computer Programming, vol. 3, §6.4), which
scatters consecutive ids, so each block is a spread-out handful of the group's articles. The
library computes the blocks in SQL (:func:`block_sql`), the in-memory source in pandas
(:func:`block_of`): the same arithmetic, so both give the same units.
"""

from __future__ import annotations

import pandas as pd

HASH = 2654435761
"""Knuth's multiplicative hash constant (2^32 / the golden ratio)."""
MODULUS = 4294967296  # 2^32


def block_of(article_ids: pd.Series, max_units: int) -> pd.Series:
    """The hashed block of each article id. For ids below 3.4 × 10^9 (the library's ids count
    up from 1) the product fits 64 bits in pandas as in SQLite, so both give the same block."""
    return ((article_ids * HASH) % MODULUS) % max_units


def block_sql(column: str) -> str:
    """The SQL of :func:`block_of` over ``column``, ``max_units`` a parameter (``?``)."""
    return f"((({column}) * {HASH}) % {MODULUS}) % ?"
