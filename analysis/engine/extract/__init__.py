"""Extractors: each finds one kind of marker in a parsed article (textacy ``extract/`` style).

Every extractor has one signature, ``find_x(article: ParsedArticle) -> list[Marker]``, and reads
only the article (and the markers earlier extractors added to it).
"""

from analysis.engine.extract.attribution import find_attributions
from analysis.engine.extract.doubt import find_doubt
from analysis.engine.extract.first_person import resolve_quoted_first_person
from analysis.engine.extract.loaded import find_loaded, loaded_markers
from analysis.engine.extract.quotes import find_quotes

__all__ = [
    "find_attributions",
    "find_doubt",
    "find_loaded",
    "find_quotes",
    "loaded_markers",
    "resolve_quoted_first_person",
]
