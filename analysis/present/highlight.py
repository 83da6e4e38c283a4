"""The article as HTML with every marker as a ``<mark>``, safe to show in a browser.

Every piece of article text passes through :func:`html.escape`, so pasted ``<script>`` shows
literally and runs nothing. Markers may overlap (a loaded word inside a quote, a scare quote
inside a quote): they nest, and a marker that crosses another's boundary is split into parts that
share a ``data-marker`` id, so removing the tags and unescaping gives back the text exactly.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Collection, Iterable, Sequence

from analysis.present.palette import KIND_BACKGROUNDS, STANCE_COLOURS
from analysis.records import MARKER_KINDS, ArticleAnalysis, Marker
from analysis.vocabulary import KIND_LABELS

_CSS = (
    ".fl-article{white-space:pre-wrap;line-height:1.9;font-size:1.08rem;max-width:75ch;}"
    ".fl-article mark{color:inherit;padding:0 1px;border-radius:2px;cursor:help;}"
    + "".join(
        f".fl-article mark[data-kind={k}]{{background:{bg};border-bottom:{line};}}"
        for k, (bg, line) in KIND_BACKGROUNDS.items()
    )
    + "".join(
        f".fl-article mark[data-kind=attribution][data-category={s}]{{border-bottom-color:{c};}}"
        for s, c in STANCE_COLOURS.items()
    )
    + ".fl-legend{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;margin:.2rem 0 .8rem 0;"
    "font-size:1rem;}"
    ".fl-legend mark{color:inherit;padding:0 .3rem;}"
    # A click, a tap or the keyboard (Tab, then Enter keeps it) focuses a mark; the focused
    # mark's explanation shows in a large panel at the foot of the screen, readable on a
    # projector. Pure CSS: Streamlit's HTML sanitiser strips scripts, and needs none here.
    ".fl-article mark[tabindex]:focus{outline:3px solid #0072B2;outline-offset:2px;}"
    ".fl-article mark[tabindex]:focus::after{content:attr(title);position:fixed;z-index:1000;"
    "left:50%;bottom:1rem;transform:translateX(-50%);width:min(62rem,94vw);box-sizing:border-box;"
    "padding:1rem 1.3rem;background:#fff;color:#111;border:3px solid #0072B2;border-radius:.6rem;"
    "box-shadow:0 .4rem 1.6rem rgba(0,0,0,.25);font-size:1.35rem;line-height:1.45;"
    "white-space:normal;font-weight:normal;text-align:left;cursor:auto;}"
    "@media (max-width:640px){.fl-article mark[tabindex]:focus::after{font-size:1.05rem;"
    "bottom:.5rem;padding:.7rem .9rem;}}"
    ".fl-article mark[data-flag]::before{content:attr(data-flag);font-size:.72em;font-weight:700;"
    "vertical-align:super;line-height:0;margin-right:.15em;color:#0b3d66;}"
)


def _attr(value: object) -> str:
    """An attribute value, escaped (quotes included)."""
    return html.escape(str(value), quote=True)


def _open_tag(marker: Marker, ident: int, cont: bool, numbered: bool = False) -> str:
    """The opening ``<mark>`` of one marker (or of a continuation part of it)."""
    tip = marker.explanation.strip()
    if marker.actor and marker.actor not in tip:
        tip = f"{tip} (About: {marker.actor}.)" if tip else f"About: {marker.actor}."
    if marker.source:
        tip = f"{tip} — Source: {marker.source.strip()}"
    attrs = [
        f'data-kind="{_attr(marker.kind)}"',
        f'data-category="{_attr(marker.category)}"',
        f'data-marker="{ident}"',
    ]
    if marker.actor:
        attrs.append(f'data-actor="{_attr(marker.actor)}"')
    if cont:
        attrs.append('data-cont="1"')
    else:  # one tab stop per marker, on its first part
        attrs.append('tabindex="0"')
        if numbered:
            attrs.append(f'data-flag="{ident + 1}"')
    attrs.append(f'title="{_attr(tip)}"')
    return f"<mark {' '.join(attrs)}>"


def _select(
    markers: Iterable[Marker],
    kinds: Collection[str] | None,
    actors: Collection[str] | None,
    lo: int,
    hi: int,
) -> list[tuple[int, Marker]]:
    """Markers passing the filters and overlapping [lo, hi), with their index as a stable id."""
    chosen = []
    for i, m in enumerate(markers):
        if kinds is not None and m.kind not in kinds:
            continue
        if actors is not None and m.actor not in actors:
            continue
        start, end = max(m.start, lo), min(m.end, hi)
        if start < end:
            chosen.append((i, m))
    return chosen


def _render(
    text: str, markers: Sequence[tuple[int, Marker]], lo: int, hi: int, numbered: bool = False
) -> str:
    """Escaped ``text[lo:hi]`` with markers as nested ``<mark>`` tags (split where they cross)."""
    opens: dict[int, list[tuple[int, Marker]]] = {}
    bounds = {lo, hi}
    for ident, m in markers:
        start, end = max(m.start, lo), min(m.end, hi)
        opens.setdefault(start, []).append((ident, m))
        bounds.update((start, end))
    out: list[str] = []
    stack: list[tuple[int, Marker]] = []  # open markers, outermost first
    positions = sorted(bounds)
    for pos, nxt in itertools.pairwise(positions):
        # Close markers ending here; markers opened inside them are closed and reopened (split).
        ending = [(i, m) for i, m in stack if min(m.end, hi) <= pos]
        if ending:
            first = min(stack.index(x) for x in ending)
            reopen = [x for x in stack[first:] if x not in ending]
            out.append("</mark>" * (len(stack) - first))
            del stack[first:]
            for i, m in reopen:
                out.append(_open_tag(m, i, cont=True, numbered=numbered))
                stack.append((i, m))
        # Longer markers open first so they sit outside shorter ones starting at the same place.
        for i, m in sorted(opens.get(pos, []), key=lambda x: (-x[1].end, x[0])):
            out.append(_open_tag(m, i, cont=False, numbered=numbered))
            stack.append((i, m))
        out.append(html.escape(text[pos:nxt], quote=True))
    out.append("</mark>" * len(stack))
    return "".join(out)


def highlight_html(
    analysis: ArticleAnalysis,
    kinds: Collection[str] | None = None,
    actors: Collection[str] | None = None,
    *,
    span: tuple[int, int] | None = None,
    numbered: bool = False,
) -> str:
    """The article (or a span of it) as escaped HTML with markers as ``<mark>`` elements.

    Each ``<mark>`` carries ``data-kind`` (attribution, quote, scare_quote, doubt, loaded),
    ``data-category`` (the stance of an attribution, ``scare``/``partial_quote``, ...),
    ``data-actor``, a ``data-marker`` id shared by the parts of a split marker, and a ``title``
    with the plain-language explanation and the source of the rule (style guide or paper, e.g.
    Wikipedia's Manual of Style "Words to watch"; Recasens et al. 2013), shown when hovering.
    Each marker is focusable (``tabindex``): a click, tap or Tab shows the explanation in a
    large panel (CSS in :func:`stylesheet`).

    Args:
        analysis: the result of :func:`analysis.analyze`.
        kinds: marker kinds to show (None: all).
        actors: actor names whose markers to show (None: all, including markers with no actor).
        span: (start, end) character offsets to render only part of the text (a sentence).
        numbered: number the markers 1, 2, … (``data-flag``, shown before each marker) as the
            flags of a class activity.

    Returns:
        An HTML fragment: ``<div class="fl-article">…</div>``. Removing the tags and unescaping
        it gives back exactly ``analysis.text[start:end]``.
    """
    lo, hi = span if span is not None else (0, len(analysis.text))
    lo, hi = max(0, lo), min(len(analysis.text), hi)
    chosen = _select(analysis.markers, kinds, actors, lo, hi)
    body = _render(analysis.text, chosen, lo, max(lo, hi), numbered)
    return f'<div class="fl-article">{body}</div>'


def legend_html(kinds: Collection[str] | None = None) -> str:
    """A legend: one sample ``<mark>`` per marker kind, plus the stance colours of attributions."""
    items = []
    for kind in MARKER_KINDS:
        if kinds is not None and kind not in kinds:
            continue
        items.append(
            f'<span><mark data-kind="{kind}" data-legend="1">{html.escape(KIND_LABELS[kind])}'
            "</mark></span>"
        )
    stances = " ".join(
        f'<span style="border-bottom:3px solid {c};padding:0 .2rem">{html.escape(s)}</span>'
        for s, c in STANCE_COLOURS.items()
    )
    return (
        f'<div class="fl-article fl-legend" role="list">{"".join(items)}</div>'
        f'<div class="fl-legend">Reporting verbs are underlined by stance: {stances}</div>'
    )


def stylesheet() -> str:
    """The ``<style>`` element the highlight HTML and legend need."""
    return f"<style>{_CSS}</style>"
