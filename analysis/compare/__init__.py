"""Comparing groups of articles (outlets): actor × group tables, rates, distinctive words.

Layer 2: reads records and counts, never the library or the presentation.

- :mod:`~analysis.compare.counts` — :class:`ArticleCounts`, :class:`ActorCounts`: the per-article
  numbers comparisons pool;
- :mod:`~analysis.compare.source` — :class:`ComparisonSource` (what a comparison reads),
  :class:`MemorySource` and :class:`Entry` for analyses in memory;
- :mod:`~analysis.compare.comparison` — :class:`Comparison`: tables, rates, outlet map, JSON;
- :mod:`~analysis.compare.rates` — markers per 1,000 words with bootstrap intervals;
- :mod:`~analysis.compare.log_odds` — :class:`LogOddsComparer`, distinctive words;
- :mod:`~analysis.compare.evidence` — :class:`Evidence`, the sentences behind the numbers;
- :mod:`~analysis.compare.names` — :func:`merge_short_names` (the older, per-comparison rule);
- :mod:`~analysis.compare.resolution` — :func:`resolve_actors`: one actor across a corpus
  (spelling variants, short names, places, the alias table).
"""

from typing import TYPE_CHECKING

from analysis.compare.comparison import Comparison, compare_analyses
from analysis.compare.counts import ActorCounts, ArticleCounts
from analysis.compare.evidence import Evidence
from analysis.compare.names import merge_short_names
from analysis.compare.rates import marker_rates
from analysis.compare.resolution import RULES, ActorResolution, AliasRule, resolve_actors
from analysis.compare.source import ComparisonSource, Entry, MemorySource
from analysis.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from analysis.compare.log_odds import LogOddsComparer

# scikit-learn loads with the first word comparison, not with every comparison.
# Under mypy the names come from the TYPE_CHECKING imports above; a module-level __getattr__
# would make every misspelt name pass as Any.
if not TYPE_CHECKING:
    __getattr__ = lazy_exports(__name__, {"LogOddsComparer": "analysis.compare.log_odds"})

__all__ = [
    "RULES",
    "ActorCounts",
    "ActorResolution",
    "AliasRule",
    "ArticleCounts",
    "Comparison",
    "ComparisonSource",
    "Entry",
    "Evidence",
    "LogOddsComparer",
    "MemorySource",
    "compare_analyses",
    "marker_rates",
    "merge_short_names",
    "resolve_actors",
]
