"""Comparing groups of articles (outlets): actor × group tables, rates, distinctive words.

Layer 2: reads records and the engine's outputs, never the library or the presentation.
"""

from analysis.compare.comparison import (
    Comparison,
    Entry,
    LazySummary,
    LogOddsComparer,
    article_profile,
    compare_analyses,
    entries_from_library,
    group_label,
)

__all__ = [
    "Comparison",
    "Entry",
    "LazySummary",
    "LogOddsComparer",
    "article_profile",
    "compare_analyses",
    "entries_from_library",
    "group_label",
]
