"""The engine version and the analysis key: part of every cache key of a stored analysis.

A change of rules bumps :data:`ENGINE_VERSION`; a change of any lexicon file changes the digest in
:func:`analysis_key`, so an edited word list never serves results computed with the old one.
"""

from __future__ import annotations

import hashlib

ENGINE_VERSION = "0.2.0"


def lexicon_digest() -> str:
    """12 hex digits of SHA-256 over every lexicon file's own digest (name order)."""
    from analysis.lexicons import lexicon_versions

    joined = ";".join(f"{name}={digest}" for name, digest in sorted(lexicon_versions().items()))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:12]


def analysis_key() -> str:
    """The cache key of an analysis made now: ``f"{ENGINE_VERSION}+{lexicon digest}"``.

    Stores (the library, the Analyze page's cache) key results by it, so that both a new engine
    version and an edited lexicon make them analyse again.
    """
    return f"{ENGINE_VERSION}+{lexicon_digest()}"
