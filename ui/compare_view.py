"""HTML of the Compare page's side-by-side view: each group's sentences about one actor.

The evidence rows come from :meth:`analysis.compare.Comparison.actor_evidence` (spans and
markers); this module renders them with :func:`analysis.present.highlight.highlight_html`.
Every outlet name, title and text is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from analysis.compare.evidence import Evidence
from analysis.present.highlight import highlight_html


def evidence_html(evidence: Evidence) -> str:
    """One sentence highlighted for the actor (escaped HTML)."""
    return highlight_html(
        evidence.analysis, actors=list(evidence.names), span=(evidence.start, evidence.end)
    )


def group_blocks(evidence: Sequence[Evidence], groups: Sequence[str], actor: str) -> list[str]:
    """One ``<div class="fl-side">`` per group: its heading, then each sentence under the
    article's title (or a note that the actor has no marked sentence there)."""
    blocks = []
    for group in groups:
        parts = [f"<h4>{html.escape(group)}</h4>"]
        rows = [e for e in evidence if e.group == group]
        if not rows:
            parts.append(f"<p><i>{html.escape(actor)} has no marked sentence here.</i></p>")
        for e in rows:
            parts.append(
                f'<p style="margin:0 0 .2rem 0;color:#555">'
                f"{html.escape(e.title or 'untitled')}</p>{evidence_html(e)}"
            )
        blocks.append('<div class="fl-side">' + "".join(parts) + "</div>")
    return blocks


def term_sentences_html(rows: Sequence[tuple[str, str | None, str, int, int]]) -> str:
    """Sentences that use a distinctive word, the word marked: (group, title, sentence, start,
    end) each; everything escaped."""
    parts = []
    for group, title, sentence, start, end in rows:
        marked = (
            html.escape(sentence[:start]) + "<mark>" + html.escape(sentence[start:end])
            + "</mark>" + html.escape(sentence[end:])
        )  # fmt: skip
        parts.append(
            f'<p style="margin:0 0 .6rem 0"><b>{html.escape(group)}</b> · '
            f'<span style="color:#555">{html.escape(title or "untitled")}</span><br>{marked}</p>'
        )
    return "".join(parts) or "<p><i>No sentence of the sampled articles uses this word.</i></p>"


def sentences_html(lines: Sequence[str], css_class: str = "fl-differences") -> str:
    """Plain-text sentences as an escaped HTML list."""
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return f'<ul class="{css_class}">{items}</ul>'
