"""The Analyze page's notice of the page furniture cut at ingest, with a button to put it back.

Ingest (:mod:`analysis.library.furniture`) cuts video-player text, newsletter boxes, photo
credits and the like before analysis. The user sees what went and why, and can analyse the text
exactly as given instead (and cut it again).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from analysis.library.furniture import Removed, restore_furniture
from analysis.library.ingest import IngestResult
from analysis.records import ArticleAnalysis
from ui.analysis_cache import analyze_cached, text_digest

STORE = "analyze.furniture"
"""Session key: text digest -> the furniture record of a text shown on the page."""

CATEGORY_LABELS = {
    "video": "video or gallery text",
    "caption": "caption buttons",
    "credit": "photo credits",
    "newsletter": "newsletter boxes",
    "share": "share buttons",
    "ui_word": "page buttons",
    "related": "links to other stories",
    "poll": "a reader poll",
    "advert": "advert labels",
    "copyright": "copyright lines",
    "navigation": "page navigation",
}
"""Each furniture category in plain words (for the notice)."""


@dataclass(frozen=True)
class _Record:
    """What was cut from a text, the cleaned text, and whether this text has it put back."""

    removed: tuple[Removed, ...]
    cleaned: str
    restored: bool


def render_furniture_notice(
    result: ArticleAnalysis,
    submitted: tuple[Sequence[IngestResult], str | None] | None,
    *,
    results_key: str,
    index: int,
    reset_keys: Sequence[str] = (),
) -> None:
    """Say what page furniture was cut from the shown article and offer to put it back.

    Args:
        result: the analysis shown.
        submitted: the inputs ingested in this run (None when nothing was submitted); their
            removed pieces are remembered for later runs.
        results_key: session key of the list of analyses shown; an undo replaces entry ``index``.
        index: which of them is shown.
        reset_keys: widgets whose options depend on the result, cleared when it changes.
    """
    store: dict[str, _Record] = st.session_state.setdefault(STORE, {})
    if submitted is not None:
        for item in submitted[0]:
            if item.ok and item.removed:
                store[text_digest(item.text)] = _Record(item.removed, item.text, False)
    record = store.get(text_digest(result.text))
    if record is None:
        return
    with st.container(key="analyze.furniture"):
        if record.restored:
            _render_restored(record, result, results_key, index, reset_keys)
        else:
            _render_removed(record, result, results_key, index, reset_keys)


def _summary(removed: Sequence[Removed]) -> str:
    """'3 pieces (video or gallery text, photo credits)' for the notice."""
    cats = list(dict.fromkeys(CATEGORY_LABELS.get(r.category, r.category) for r in removed))
    n = len(removed)
    return f"{n} piece{'s' if n != 1 else ''} of page furniture ({', '.join(cats)})"


def _render_removed(
    record: _Record, result: ArticleAnalysis, key: str, index: int, reset: Sequence[str]
) -> None:
    """The notice for a cleaned text: what went, why, and the undo button."""
    st.info(
        f"Before analysing, Framing Lens removed {_summary(record.removed)}: text of the web "
        "page around the article, not the article itself. The highlights point into the text "
        "without it.",
        icon=":material/cleaning_services:",
    )
    with st.expander("Show what was removed"):
        st.dataframe(
            pd.DataFrame(
                {
                    "Removed text": [" ".join(r.text.split()) for r in record.removed],
                    "What it is": [
                        CATEGORY_LABELS.get(r.category, r.category) for r in record.removed
                    ],
                    "Why": [r.explanation for r in record.removed],
                }
            ),
            hide_index=True,
            column_config={
                "Removed text": st.column_config.TextColumn(width="medium"),
                "What it is": st.column_config.TextColumn(width="small"),
                "Why": st.column_config.TextColumn(width="large"),
            },
            key="analyze.furniture_table",
        )
    if st.button(
        "Put it back and analyse the text as given",
        key="analyze.furniture_undo",
        icon=":material/undo:",
    ):
        original = restore_furniture(record.cleaned, record.removed)
        st.session_state[STORE][text_digest(original)] = _Record(
            record.removed, record.cleaned, True
        )
        _replace(result, original, key, index, reset)


def _render_restored(
    record: _Record, result: ArticleAnalysis, key: str, index: int, reset: Sequence[str]
) -> None:
    """The notice for a text analysed with its furniture put back, and the redo button."""
    st.info(
        f"This analysis includes {_summary(record.removed)} that is usually removed.",
        icon=":material/undo:",
    )
    if st.button("Remove it again", key="analyze.furniture_redo", icon=":material/redo:"):
        _replace(result, record.cleaned, key, index, reset)


def _replace(
    result: ArticleAnalysis, text: str, key: str, index: int, reset: Sequence[str]
) -> None:
    """Analyse ``text`` in place of the shown result (same title, outlet, address) and rerun."""
    meta = dict(result.meta)
    fresh = analyze_cached(text, title=result.title, outlet=meta.get("outlet"), url=meta.get("url"))
    results = list(st.session_state[key])
    results[index] = fresh
    st.session_state[key] = results
    for name in reset:
        st.session_state.pop(name, None)
    st.rerun()
