"""Article addresses on the Analyze page: ``/analyze?article=<key>`` for every analysed article.

The key and the stored text live in the library file (:mod:`analysis.library.links`); this module
only reads and writes the address bar (``st.query_params``) and turns library trouble into a
message instead of a traceback.
"""

from __future__ import annotations

import sqlite3

import streamlit as st

from analysis.library.links import SharedArticle, share_article, shared_article
from analysis.library.store import Library, LibraryError, default_path
from analysis.records import ArticleAnalysis

PARAM = "article"


def link_article(result: ArticleAnalysis) -> str | None:
    """Keep ``result``'s article under its key and return the key (None if the library failed)."""
    meta = dict(result.meta or {})
    try:
        with Library(default_path()) as library:
            return share_article(
                library,
                result.text,
                title=result.title,
                outlet=meta.get("outlet"),
                url=meta.get("url"),
            )
    except (LibraryError, OSError, sqlite3.Error):
        return None


def linked_article(key: str) -> SharedArticle | None:
    """The article kept under ``key`` (None when unknown or the library cannot be read)."""
    try:
        with Library(default_path()) as library:
            return shared_article(library, key)
    except (LibraryError, OSError, sqlite3.Error):
        return None


def requested_key() -> str | None:
    """The ``article`` key in the address bar, if any."""
    value = st.query_params.get(PARAM)
    return value.strip() if value else None


def show_address(key: str | None) -> None:
    """Put ``key`` in the address bar (or take the parameter away for None)."""
    if key:
        if st.query_params.get(PARAM) != key:
            st.query_params[PARAM] = key
    elif PARAM in st.query_params:
        del st.query_params[PARAM]
