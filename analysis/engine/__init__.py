"""The NLP engine: text -> parsed article -> actors -> markers -> actor profiles.

Layer 1 (reads records and lexicons only). Entry point :func:`analyze`.
"""

from analysis.engine.model import ModelNotInstalledError, load_model, model_name
from analysis.engine.pipeline import analyze, analyze_many, headline

__all__ = [
    "ModelNotInstalledError",
    "analyze",
    "analyze_many",
    "headline",
    "load_model",
    "model_name",
]
