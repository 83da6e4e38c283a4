"""Paragraphs out of a PDF's printed lines: hyphenation and hard line breaks joined.

A PDF holds lines as they were printed, not paragraphs. Analysing them as they come changes the
analysis: a line break inside "Organization for Security and Cooperation in Europe" splits the
name into two actors, and a word hyphenated at a line end ("Coope-" / "ration") is two words.
:func:`reflow_lines` joins the lines of each paragraph into one line and keeps the breaks between
paragraphs, which it finds as a PDF reader's eye does:

- a **wider gap** above a line than between the lines of running text (the blank space between
  paragraphs and after a headline), or
- a **short line** ending a sentence, well short of the column's width (the last line of a
  paragraph set without extra space).

A word broken with a hyphen at a line end is joined without the hyphen when the next line goes
on in lower case ("Coope-" + "ration"), and with it otherwise ("Franco-" + "German").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from statistics import median_low

PARAGRAPH_GAP = 1.4
"""A gap this many times the usual line spacing (or more) starts a new paragraph."""

SHORT_LINE = 0.7
"""A line ending a sentence at less than this share of the column's width ends its paragraph."""

_SENTENCE_END = re.compile(r"[.!?:][\"'”’)\]]*$")
_HYPHEN_END = re.compile(r"(\w)-$")


@dataclass(frozen=True, slots=True)
class PrintedLine:
    """One printed line of a page: its text and the height of its baseline (None: unknown)."""

    text: str
    y: float | None = None


def reflow_lines(pages: Sequence[Sequence[PrintedLine]]) -> str:
    """The text of printed pages as paragraphs, one per line, separated by a blank line.

    Args:
        pages: each page's lines, top to bottom (:class:`PrintedLine`, baselines in PDF units
            where known).

    Returns:
        The paragraphs joined by ``"\\n\\n"``: inside a paragraph, line breaks become spaces and
        words hyphenated at a line end are joined.
    """
    paragraphs: list[list[str]] = [[]]
    for page in pages:
        lines = [PrintedLine(" ".join(ln.text.split()), ln.y) for ln in page]
        lines = [ln for ln in lines if ln.text]
        breaks = _paragraph_starts(lines)
        for i, line in enumerate(lines):
            if i in breaks and paragraphs[-1]:
                paragraphs.append([])
            paragraphs[-1].append(line.text)
        if paragraphs[-1] and _SENTENCE_END.search(paragraphs[-1][-1]):
            paragraphs.append([])  # a page ending a sentence ends its paragraph
    return "\n\n".join(_join(p) for p in paragraphs if p)


def _paragraph_starts(lines: Sequence[PrintedLine]) -> set[int]:
    """Indexes of the lines that start a new paragraph (by the gap above, or a short line)."""
    starts: set[int] = set()
    gaps = _gaps(lines)
    spaced = [g for g in gaps if g is not None and g > 0]
    usual = median_low(spaced) if spaced else None
    for i, gap in enumerate(gaps, start=1):
        if usual is not None and gap is not None and gap > PARAGRAPH_GAP * usual:
            starts.add(i)
    width = max((len(ln.text) for ln in lines), default=0)
    for i, line in enumerate(lines[:-1]):
        if _SENTENCE_END.search(line.text) and len(line.text) < SHORT_LINE * width:
            starts.add(i + 1)
    return starts


def _gaps(lines: Sequence[PrintedLine]) -> list[float | None]:
    """The vertical distance from each line to the next (None where a height is unknown)."""
    out: list[float | None] = []
    for above, below in pairwise(lines):
        if above.y is None or below.y is None:
            out.append(None)
        else:
            out.append(above.y - below.y)
    return out


def _join(lines: Sequence[str]) -> str:
    """One paragraph's lines as one line: hyphenated words joined, other breaks a space."""
    text = lines[0]
    for line in lines[1:]:
        hyphen = _HYPHEN_END.search(text)
        if hyphen and line[:1].islower():
            text = text[:-1] + line
        elif hyphen:
            text += line
        else:
            text += " " + line
    return text
