"""The engine version and the analysis key: part of every cache key of a stored analysis.

A change of rules bumps :data:`ENGINE_VERSION`; a change of any lexicon file changes the digest in
:func:`analysis_key`, so an edited word list never serves results computed with the old one.
"""

from __future__ import annotations

ENGINE_VERSION = "0.7.0"


def analysis_key() -> str:
    """The cache key of an analysis made now: ``f"{ENGINE_VERSION}+{lexicon digest}"``.

    The digest (:func:`analysis.lexicons.lexicon_digest`) covers every lexicon file as this
    process loaded it. Stores (the library, the Analyze page's cache) key results by it, so that
    both a new engine version and an edited lexicon make them analyse again.
    """
    from analysis.lexicons import lexicon_digest

    return f"{ENGINE_VERSION}+{lexicon_digest()}"
