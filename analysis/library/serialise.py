"""How an analysis is stored: summary and detail JSON without the text, plus its count rows.

The summary (``data`` column) is ``to_dict()`` — actors, markers, warnings — plus the sentence
offsets: all that Compare's evidence view needs. The detail holds mentions and meta, so that
:func:`join_analysis` rebuilds the identical :class:`~analysis.records.ArticleAnalysis` from the
two and the article text. :class:`StoredAnalysis` is one analysis ready to write, made where the
analysis ran (a worker process or a cluster node), so the one writer only inserts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from analysis.library.aggregates import CountRows
from analysis.records import ArticleAnalysis
from analysis.version import ENGINE_VERSION, analysis_key


@dataclass(frozen=True, slots=True)
class StoredAnalysis:
    """One analysis as the library writes it (see :func:`stored_analysis`)."""

    sha256: str
    key: str
    data: str
    detail: str
    counts: CountRows


def _parts(analysis: ArticleAnalysis) -> tuple[dict[str, Any], dict[str, Any]]:
    """(summary, detail) dicts of an analysis, without the article text."""
    full = analysis.to_dict(include_text=True)
    full.pop("text", None)
    detail = {k: full.pop(k) for k in ("mentions", "meta") if k in full}
    return full, detail


def split_analysis(analysis: ArticleAnalysis) -> tuple[str, str]:
    """(summary JSON, detail JSON) of an analysis, without the article text."""
    summary, detail = _parts(analysis)
    return json.dumps(summary, ensure_ascii=False), json.dumps(detail, ensure_ascii=False)


def join_analysis(data: str, detail: str | None, text: str, article_id: int = 0) -> ArticleAnalysis:
    """The analysis rebuilt from its stored JSON parts and the article text (validated first).

    Raises:
        RecordError: the stored JSON does not match the schema (see analysis.library.stored).
    """
    from analysis.library.stored import checked_analysis

    return checked_analysis(data, detail, text, article_id)


def key_of(analysis: ArticleAnalysis) -> str:
    """The cache key an analysis is stored under.

    An analysis made by this engine version was made with the lexicons loaded now, so it gets
    the current :func:`analysis.version.analysis_key`; one made by another version (an old
    bundle, a test) is stored under its bare engine version, never served as current.
    """
    if analysis.engine_version == ENGINE_VERSION:
        return analysis_key()
    return analysis.engine_version


def stored_analysis(
    sha256: str, analysis: ArticleAnalysis, key: str | None = None
) -> StoredAnalysis:
    """Serialise an analysis of the article with hash ``sha256`` (key default :func:`key_of`)."""
    summary, detail = _parts(analysis)
    return StoredAnalysis(
        sha256,
        key or key_of(analysis),
        json.dumps(summary, ensure_ascii=False),
        json.dumps(detail, ensure_ascii=False),
        CountRows.of_summary(summary),
    )
