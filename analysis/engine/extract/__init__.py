"""Extractors: each finds one kind of marker in a parsed article (textacy ``extract/`` style)."""

from analysis.engine.extract.attribution import find_attributions
from analysis.engine.extract.doubt import find_doubt
from analysis.engine.extract.loaded import find_loaded
from analysis.engine.extract.quotes import find_quotes

__all__ = ["find_attributions", "find_doubt", "find_loaded", "find_quotes"]
