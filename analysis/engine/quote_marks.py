"""Quote marks: which characters open and close a quotation, and pairing them in a text.

The one place that knows quote marks. Marks are paired per paragraph: straight double quotes,
curly “ ”, guillemets « », low-9 „ “ and ‚ ‘, curly single ‘ ’ used as quote marks, and
typewriter single quotes in British style (told apart from apostrophes: "It's", "the '90s",
"the teachers' union"). An unclosed mark runs to the paragraph end, the newspaper convention for
a quotation that goes on in the next paragraph (AP Stylebook, "quotation marks").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PAIRS = {'"': '"', "“": "”", "«": "»", "„": "“", "‚": "‘"}
"""Opening mark -> its closing mark."""
DOUBLE_MARKS = '"“”«»„'
"""Double quote marks (of any style), as opposed to single ones and apostrophes."""
# Words that start with an apostrophe and are no quotation: "get 'em", "rock 'n' roll".
_ELISIONS = frozenset({"em", "n", "til", "tis", "twas", "cause", "bout", "round"})
_SENTENCE_END = re.compile(r"[.!?]\s")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A pair of quote marks: outer offsets include the marks, inner offsets exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool
    double: bool = True
    """True for double marks (\", “ ”, « », „ “), False for single ones."""


def pair_quotes(text: str) -> tuple[list[QuoteSpan], int]:
    """All quote spans of ``text`` and the number of paragraphs with unbalanced marks."""
    spans: list[QuoteSpan] = []
    unbalanced = 0
    pos = 0
    for para in text.split("\n"):
        base = pos
        pos += len(para) + 1
        first = len(spans)
        open_at: int | None = None
        closer = ""
        i = 0
        while i < len(para):
            ch = para[i]
            if open_at is None:
                if ch in PAIRS or (ch == "‘" and _opens_single(para, i)):
                    open_at, closer = i, ("’" if ch == "‘" else PAIRS[ch])
                elif ch in "”»":
                    unbalanced += 1
            elif ch == '"' and closer == '"' and _reopens(para, open_at, i):
                # paragraphs run together: the quote goes on, its next paragraph opens here
                end = len(para[:i].rstrip())
                spans.append(
                    QuoteSpan(base + open_at, base + end, base + open_at + 1, base + end, False)
                )
                open_at = i
            elif ch == closer and (closer != "’" or _closes_single(para, i)):
                double = para[open_at] in DOUBLE_MARKS
                spans.append(
                    QuoteSpan(
                        base + open_at, base + i + 1, base + open_at + 1, base + i, True, double
                    )
                )
                open_at = None
            i += 1
        if open_at is not None:
            end = len(para.rstrip())
            if end > open_at + 1:
                double = para[open_at] in DOUBLE_MARKS
                spans.append(
                    QuoteSpan(
                        base + open_at, base + end, base + open_at + 1, base + end, False, double
                    )
                )
            unbalanced += 1
        spans.extend(_straight_singles(para, base, spans[first:]))
    spans.sort(key=lambda q: q.start)
    return spans, unbalanced


def _reopens(para: str, open_at: int, i: int) -> bool:
    """True when the straight mark at ``i`` opens the next paragraph of a quotation still open
    (one opened at ``open_at``) in text whose paragraph breaks were lost: 'statement: "Dear
    compatriots! "In these days …'. A closing mark follows the quoted words; this one follows a
    finished sentence and a space and comes before a word, as an opening mark does (the AP
    convention reopens each paragraph of a long quotation and closes only the last)."""
    before = para[open_at + 1 : i]
    after = para[i + 1 : i + 2]
    return (
        i > 0
        and para[i - 1].isspace()
        and before.rstrip()[-1:] in (".", "!", "?")
        and len(before.split()) > 1
        and (after.isupper() or after.isdigit())
    )


def _straight_singles(para: str, base: int, found: list[QuoteSpan]) -> list[QuoteSpan]:
    """Spans in typewriter single quotes (British style) not nested in a quote already found.

    An opening mark follows a space or bracket and precedes a letter ("It's" and "the '90s"
    have none); a closing mark follows a letter or punctuation and precedes no letter. A
    plural possessive ("the teachers' union") closes only when no later mark in the same
    sentence can.
    """
    out: list[QuoteSpan] = []
    i = 0
    while True:
        i = para.find("'", i)
        if i < 0:
            return out
        j = _single_closer(para, i) if _opens_typewriter(para, i) else None
        if j is None:
            i += 1
            continue
        start, end = base + i, base + j + 1
        nested = any(q.start <= start and end <= q.end for q in found)
        if not nested and sum(c.isalpha() for c in para[i + 1 : j]) >= 2:
            out.append(QuoteSpan(start, end, start + 1, end - 1, True, double=False))
        i = j + 1


def _opens_typewriter(para: str, i: int) -> bool:
    """True when the apostrophe at ``i`` can open a quotation."""
    before = para[i - 1] if i else " "
    if not (before.isspace() or before in "([—") or i + 1 >= len(para):
        return False
    word = re.match(r"[^\W\d]+", para[i + 1 :])
    return word is not None and word.group().lower() not in _ELISIONS


def _single_closer(para: str, i: int) -> int | None:
    """Index of the mark that closes the one opened at ``i``, else None."""
    tentative = None
    k = i + 1
    while True:
        k = para.find("'", k)
        if k < 0:
            return tentative
        before, after = para[k - 1], para[k + 1 : k + 3]
        if (before.isalnum() or before in ".,!?") and not after[:1].isalnum():
            possessive = before == "s" and after[:1] == " " and after[1:2].islower()
            if not possessive:
                return k
            if tentative is None:
                tentative = k
        if tentative is not None and _SENTENCE_END.search(para, tentative, k):
            return tentative
        k += 1


def _opens_single(para: str, i: int) -> bool:
    before = para[i - 1] if i else " "
    return (before.isspace() or before in "([—") and i + 1 < len(para) and para[i + 1].isalnum()


def _closes_single(para: str, i: int) -> bool:
    after = para[i + 1] if i + 1 < len(para) else " "
    return not after.isalnum()
