"""The NLP engine: text -> parsed article -> actors -> markers -> actor profiles (layer 1).

It reads only the layer below (records, vocabulary, lexicons). Entry point :func:`analyze`; the
steps are importable for tests and tools: :func:`parse` gives the
:class:`ParsedArticle` every step reads, :func:`find_actors` and :func:`resolve_references`
build its actor index, the extractors in :mod:`analysis.engine.extract` find the markers.
:func:`name_key` folds the spelling variants of a person's name into one key (for merging
names across a corpus too), :func:`characterised_actor` says whom a loaded word is about.
"""

from analysis.engine.actor_index import ActorIndex, ActorInfo
from analysis.engine.actors import find_actors
from analysis.engine.article import Chunk, ParsedArticle
from analysis.engine.characterised import characterised_actor
from analysis.engine.model import ModelNotInstalledError, load_model, model_name
from analysis.engine.name_variants import name_key, word_key
from analysis.engine.parse import parse
from analysis.engine.pipeline import EXTRACTORS, analyze, analyze_many, analyze_parsed, headline
from analysis.engine.references import resolve_references
from analysis.engine.time_limit import AnalysisTimeout, Deadline

__all__ = [
    "EXTRACTORS",
    "ActorIndex",
    "ActorInfo",
    "AnalysisTimeout",
    "Chunk",
    "Deadline",
    "ModelNotInstalledError",
    "ParsedArticle",
    "analyze",
    "analyze_many",
    "analyze_parsed",
    "characterised_actor",
    "find_actors",
    "headline",
    "load_model",
    "model_name",
    "name_key",
    "parse",
    "resolve_references",
    "word_key",
]
