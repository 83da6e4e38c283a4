"""'"I declare that …," Yanukovych said': a reporting cue whose speaker is "I" or "we" inside a
quotation belongs to the quoted speaker (the speaker of the quotation, after Pareti 2016, PARC
3.0: nested attributions inside a direct quote are the quoted source's)."""

from __future__ import annotations

from bisect import bisect_right

from analysis.engine.article import ParsedArticle
from analysis.engine.explain import with_actor
from analysis.records import Marker

FIRST_PERSON = frozenset({"i", "we"})


def resolve_quoted_first_person(article: ParsedArticle) -> list[Marker]:
    """The article's attributions, each "I"/"we" cue inside a direct quote given its speaker.

    Args:
        article: the parsed article with its ``attribution`` and ``quote`` markers.

    Returns:
        The attribution markers in the same order; changed ones have ``reason``
        ``"quoted_first_person"`` and an explanation naming the quoted speaker.
    """
    direct = sorted((q for q in article.markers_of("quote") if q.actor), key=lambda q: q.start)
    cues = list(article.markers_of("attribution"))
    if not direct:
        return cues
    starts = [q.start for q in direct]
    out = []
    for c in cues:
        if c.actor is None and c.speaker.lower() in FIRST_PERSON:
            k = bisect_right(starts, c.start) - 1
            if k >= 0 and c.start < direct[k].end:
                c = with_actor(c, direct[k].actor, reason="quoted_first_person")
        out.append(c)
    return out
