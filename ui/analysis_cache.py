"""Running the analysis from a page, cached so that a second look at the same text is instant.

The spaCy model and lexicons are a cached *resource* (loaded once per server process); results
are cached *data* keyed by the SHA-256 of the text, the title and the analysis key (engine version
plus a digest of the lexicon files, :func:`analysis.version.analysis_key`): an edited lexicon is
never served from the cache.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os

import streamlit as st

from analysis.records import ArticleAnalysis
from analysis.version import analysis_key
from ui.memory import freeze_long_lived

TIME_LIMIT_VAR = "FRAMING_LENS_TIME_LIMIT"
DEFAULT_TIME_LIMIT = 120.0


@st.cache_resource(show_spinner="Loading the language model (once per server start)…")
def warm_engine() -> bool:
    """Load the spaCy pipeline and lexicons once per process, before the first analysis."""
    from analysis.engine.model import load_model
    from analysis.lexicons import lexicon_names, load_lexicon

    load_model()
    for name in lexicon_names():
        load_lexicon(name)
    freeze_long_lived()  # the model is loaded for good: keep it out of every later collection
    return True


@st.cache_data(show_spinner=False, max_entries=128)
def _analyze(digest: str, key: str, title: str | None, _text: str) -> ArticleAnalysis:
    """The analysis of ``_text`` (the text itself is not hashed again: ``digest`` stands for it)."""
    from analysis.engine.pipeline import analyze

    return analyze(_text, title=title, time_limit=time_limit())


def time_limit() -> float:
    """Seconds one analysis on a page may take (``FRAMING_LENS_TIME_LIMIT``, default 120)."""
    try:
        return max(0.0, float(os.environ.get(TIME_LIMIT_VAR, DEFAULT_TIME_LIMIT)))
    except ValueError:
        return DEFAULT_TIME_LIMIT


def text_digest(text: str) -> str:
    """SHA-256 of the text, the cache key."""
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def analyze_cached(
    text: str, *, title: str | None = None, outlet: str | None = None, url: str | None = None
) -> ArticleAnalysis:
    """Analyse ``text`` (cached by text hash + title + analysis key); outlet, url go in ``meta``.

    Args:
        text: the article text (already checked by :mod:`analysis.library.ingest`).
        title: an optional title.
        outlet: an optional outlet name, recorded in ``result.meta["outlet"]``.
        url: the web address the text came from, recorded in ``result.meta["url"]``.

    Returns:
        The :class:`ArticleAnalysis`.

    Raises:
        AnalysisTimeout: the analysis took longer than :func:`time_limit` (its message is for
            the user; nothing is cached).
    """
    warm_engine()
    result = _analyze(text_digest(text), analysis_key(), title or None, text)
    extra = {k: v for k, v in (("outlet", outlet), ("url", url)) if v}
    if extra:
        result = dataclasses.replace(result, meta={**dict(result.meta), **extra})
    return result
