"""Framing Lens analysis library: how news articles frame the actors in them.

No Streamlit import here: the UI calls this library, never the other way round. The sub-packages
form layers that import only downwards:

- records, vocabulary, version, lexicons — the data every layer shares;
- :mod:`analysis.engine` — the NLP engine (parse, actors, references, extractors, profiles);
- :mod:`analysis.library` and :mod:`analysis.compare` — the article store and corpus comparison;
- :mod:`analysis.present` — palette, highlighting, charts, exports, reports, bundles;
- :mod:`analysis.cli` — the command line.
"""

from typing import TYPE_CHECKING

from analysis import _moved
from analysis.lazy_exports import lazy_exports
from analysis.lexicons import lexicon_frame, lexicon_versions, load_lexicon
from analysis.records import (
    MARKER_KINDS,
    STANCES,
    ActorProfile,
    ArticleAnalysis,
    Marker,
    Mention,
    Sentence,
)
from analysis.version import ENGINE_VERSION

if TYPE_CHECKING:
    from analysis.engine import analyze, analyze_many

# The engine (spaCy) loads on first use: the library and compare layers run without it.
# Under mypy the names come from the TYPE_CHECKING imports above; a module-level __getattr__
# would make every misspelt name pass as Any.
if not TYPE_CHECKING:
    __getattr__ = lazy_exports(
        __name__, {"analyze": "analysis.engine", "analyze_many": "analysis.engine"}
    )
_moved.install()  # old module paths (analysis.store, analysis.pipeline …) keep importing

__all__ = [
    "ENGINE_VERSION",
    "MARKER_KINDS",
    "STANCES",
    "ActorProfile",
    "ArticleAnalysis",
    "Marker",
    "Mention",
    "Sentence",
    "analyze",
    "analyze_many",
    "lexicon_frame",
    "lexicon_versions",
    "load_lexicon",
]
