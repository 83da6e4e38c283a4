"""Framing Lens analysis library: how news articles frame the actors in them.

No Streamlit import here: the UI calls this library, never the other way round.
"""

from .lexicons import lexicon_frame, lexicon_versions, load_lexicon
from .pipeline import analyze, analyze_many
from .records import (
    MARKER_KINDS,
    STANCES,
    ActorProfile,
    ArticleAnalysis,
    Marker,
    Mention,
    Sentence,
)
from .version import ENGINE_VERSION

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
