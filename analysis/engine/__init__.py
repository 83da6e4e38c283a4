"""The NLP engine: text -> parsed article -> actors -> markers -> actor profiles (layer 1).

It reads only the layer below (records, vocabulary, lexicons). Entry point :func:`analyze`; the
steps are importable for tests and tools: :func:`parse` gives the
:class:`ParsedArticle` every step reads, :func:`find_actors` and :func:`resolve_references`
build its actor index, the extractors in :mod:`analysis.engine.extract` find the markers.
:func:`name_key` folds the spelling variants of a person's name into one key (for merging
names across a corpus too), :func:`characterised_actor` says whom a loaded word is about,
:func:`score_mention_tones` gives each mention its tone (the model in :mod:`analysis.engine.tone`).
"""

from typing import TYPE_CHECKING

from analysis.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from analysis.engine.actor_index import ActorIndex, ActorInfo
    from analysis.engine.actors import find_actors
    from analysis.engine.article import Chunk, ParsedArticle
    from analysis.engine.characterised import characterised_actor
    from analysis.engine.mention_tone import score_mention_tones
    from analysis.engine.model import ModelNotInstalledError, load_model, model_name
    from analysis.engine.name_variants import name_key, word_key
    from analysis.engine.parse import parse
    from analysis.engine.pipeline import EXTRACTORS, analyze, analyze_many, analyze_parsed, headline
    from analysis.engine.references import resolve_references
    from analysis.engine.time_limit import AnalysisTimeout, Deadline

# Imported on first use: a light module (gazetteer, name_variants) loads without spaCy.
_EXPORTS = {
    "ActorIndex": "analysis.engine.actor_index",
    "ActorInfo": "analysis.engine.actor_index",
    "find_actors": "analysis.engine.actors",
    "Chunk": "analysis.engine.article",
    "ParsedArticle": "analysis.engine.article",
    "characterised_actor": "analysis.engine.characterised",
    "score_mention_tones": "analysis.engine.mention_tone",
    "ModelNotInstalledError": "analysis.engine.model",
    "load_model": "analysis.engine.model",
    "model_name": "analysis.engine.model",
    "name_key": "analysis.engine.name_variants",
    "word_key": "analysis.engine.name_variants",
    "parse": "analysis.engine.parse",
    "EXTRACTORS": "analysis.engine.pipeline",
    "analyze": "analysis.engine.pipeline",
    "analyze_many": "analysis.engine.pipeline",
    "analyze_parsed": "analysis.engine.pipeline",
    "headline": "analysis.engine.pipeline",
    "resolve_references": "analysis.engine.references",
    "AnalysisTimeout": "analysis.engine.time_limit",
    "Deadline": "analysis.engine.time_limit",
}
# Under mypy the names come from the TYPE_CHECKING imports above; a module-level __getattr__
# would make every misspelt name pass as Any.
if not TYPE_CHECKING:
    __getattr__ = lazy_exports(__name__, _EXPORTS)

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
    "score_mention_tones",
    "word_key",
]
