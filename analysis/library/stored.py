"""Reading analyses back from the library: validated before use, damaged rows skipped and noted.

A library file outlives the program that wrote it: another tool, an old version or a disk error
can leave JSON in it that no longer matches the schema. Every stored analysis and summary is
checked (:mod:`analysis.records_schema`) before it reaches the pages or the engine; a row that
fails is skipped, logged with the reason, and listed by :func:`damaged_rows` so a page can say
which articles were left out (their cached analysis is then dropped, so it is made again).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from analysis.records import ArticleAnalysis
from analysis.records_schema import RecordError, validated_analysis, validated_json

log = logging.getLogger("framing_lens.library")

MAX_NOTED = 500
_damaged: dict[tuple[str, int], str] = {}
_lock = threading.Lock()


def note_damaged(path: str | Path, article_id: int, reason: str) -> None:
    """Log a damaged row and remember it for :func:`damaged_rows` (bounded, newest kept)."""
    log.warning("library %s: article %s skipped: %s", path, article_id, reason)
    with _lock:
        _damaged[(str(path), int(article_id))] = reason
        while len(_damaged) > MAX_NOTED:
            _damaged.pop(next(iter(_damaged)))


def damaged_rows(path: str | Path, *, clear: bool = False) -> dict[int, str]:
    """Article id -> reason, for the rows of this library file found damaged so far."""
    key = str(path)
    with _lock:
        found = {aid: why for (p, aid), why in _damaged.items() if p == key}
        if clear:
            for aid in found:
                _damaged.pop((key, aid), None)
    return found


def _where(article_id: int) -> str:
    return f"the stored analysis of article #{article_id}"


def checked_analysis(data: str, detail: str | None, text: str, article_id: int) -> ArticleAnalysis:
    """The full analysis of a stored article, checked; raises RecordError when damaged."""
    return validated_analysis(data, where=_where(article_id), text=text, detail=detail)


def stored_summary(data: str, path: str | Path, article_id: int) -> dict[str, Any] | None:
    """A stored summary (no text) checked against the schema; None (and noted) when damaged."""
    try:
        validated_json(data, _where(article_id))
        loaded: dict[str, Any] = json.loads(data)
    except (RecordError, ValueError) as exc:
        note_damaged(path, article_id, str(exc))
        return None
    return loaded


def damaged_message(found: Mapping[int, str]) -> str:
    """One sentence for the page: which articles were left out, and that they are re-analysed."""
    ids = sorted(found)
    shown = ", ".join(f"#{i}" for i in ids[:10]) + (" …" if len(ids) > 10 else "")
    first = found[ids[0]]
    return (
        f"{len(ids)} stored analys{'es were' if len(ids) > 1 else 'is was'} damaged and left out "
        f"({shown}; first problem: {first}); they are analysed again on the next run."
    )
