"""Direct quotations and scare quotes, with the speaker or the actor they are about.

Quote marks are paired per paragraph (straight, curly, guillemets, low-9, single curly used as
quote marks); an unclosed mark runs to the paragraph end, the newspaper convention for quotes that
go on in the next paragraph. A quoted span is a *direct quotation* when it stands as a statement
(it opens a sentence, follows a colon or comma, or runs longer than eight words); shorter embedded
spans are *scare quotes* (the outlet keeps a term at arm's length: alleged Russian "threat") or
*partial quotes* (a fragment of a speaker's words: no "meaningful pullback"). Multi-word quoted
names in title case ("Good Morning America") are titles and are not flagged. After the
annotation guidelines in ``eval/attribution-dev/GUIDELINES.md`` and Wikipedia's Manual of Style
("Words to watch": scare quotes).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from analysis.lexicons import load_lexicon
from analysis.records import Marker, Mention

PAIRS = {'"': '"', "“": "”", "«": "»", "„": "“", "‚": "‘"}
SHORT_WORDS = 8  # guidelines: quoted spans of at most 8 words can be scare/partial quotes
MAX_CONTINUATION_WORDS = 12  # "…," he said on Tuesday. "…": the next quote is still his
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
# Words that start with an apostrophe and are no quotation: "get 'em", "rock 'n' roll".
_ELISIONS = frozenset({"em", "n", "til", "tis", "twas", "cause", "bout", "round"})
_SENTENCE_END = re.compile(r"[.!?]\s")
_TITLE_SMALL = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by", "with", "or"}
_STATEMENT_BEFORE = set(":,;.?!—–-([") | {""}


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A pair of quote marks: outer offsets include the marks, inner offsets exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool


def pair_quotes(text: str) -> tuple[list[QuoteSpan], int]:
    """All quote spans of ``text`` and the number of paragraphs with unbalanced marks."""
    spans: list[QuoteSpan] = []
    unbalanced = 0
    pos = 0
    for para in text.split("\n"):
        base = pos
        pos += len(para) + 1
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
            elif ch == closer and (closer != "’" or _closes_single(para, i)):
                spans.append(
                    QuoteSpan(base + open_at, base + i + 1, base + open_at + 1, base + i, True)
                )
                open_at = None
            i += 1
        if open_at is not None:
            end = len(para.rstrip())
            if end > open_at + 1:
                spans.append(
                    QuoteSpan(base + open_at, base + end, base + open_at + 1, base + end, False)
                )
            unbalanced += 1
        spans.extend(_straight_singles(para, base, spans))
    spans.sort(key=lambda q: q.start)
    return spans, unbalanced


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
            out.append(QuoteSpan(start, end, start + 1, end - 1, True))
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


def _other_actor_between(mentions: list[Mention], a: int, b: int, actor: str | None) -> bool:
    """True when someone other than ``actor`` is named between offsets ``a`` and ``b``."""
    return any(a <= m.start < b and m.actor != actor for m in mentions)


def _opens_single(para: str, i: int) -> bool:
    before = para[i - 1] if i else " "
    return (before.isspace() or before in "([—") and i + 1 < len(para) and para[i + 1].isalnum()


def _closes_single(para: str, i: int) -> bool:
    after = para[i + 1] if i + 1 < len(para) else " "
    return not after.isalnum()


def _is_title(inner: str) -> bool:
    # American style keeps the sentence's period inside the marks: on "Face the Nation."
    inner = inner.rstrip()
    inner = inner[:-1] if inner[-1:] == "." else inner
    words = _WORD.findall(inner)
    if len(words) < 2 or inner[-1:] in ".?!,;:":
        return False
    return all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in words) and words[0][0].isupper()


def _prev_char(text: str, i: int) -> str:
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j < 0 or text[j] == "\n":
        return ""
    return text[j]


def find_quotes(
    text: str,
    sentences: list[tuple[int, int]],
    attributions: list[Marker],
    mentions: list[Mention],
    doubt: list[Marker],
) -> tuple[list[Marker], int]:
    """Direct quotations and scare/partial quotes of the article.

    Args:
        text: the article.
        sentences: (start, end) of every sentence, in order (global numbering).
        attributions: the attribution markers (speakers of quotes come from them).
        mentions: actor mentions (the actor a scare-quoted term is about).
        doubt: doubt markers (a doubt word before a quoted term makes it a scare quote).

    Returns:
        (markers, number of paragraphs with unbalanced quote marks).
    """
    spans, unbalanced = pair_quotes(text)
    explain = load_lexicon("markers")
    # Everything below looks only at a quote's own and neighbouring sentences.
    cues_by: dict[int, list[Marker]] = defaultdict(list)
    for c in attributions:
        cues_by[c.sentence].append(c)
    mentions_by: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        mentions_by[m.sentence].append(m)
    doubt_by: dict[int, list[Marker]] = defaultdict(list)
    for d in doubt:
        doubt_by[d.sentence].append(d)
    out: list[Marker] = []
    prev: tuple[QuoteSpan, str | None] | None = None
    for q in spans:
        inner = text[q.inner_start : q.inner_end]
        if not inner.strip():
            continue
        words = len(_WORD.findall(inner))
        sent = _sentence_at(sentences, q.start)
        standalone = _prev_char(text, q.start) in _STATEMENT_BEFORE
        if words > SHORT_WORDS or (standalone and words >= 1 and not _is_title(inner)):
            first = _sentence_at(sentences, q.start)
            last = _sentence_at(sentences, max(q.start, q.end - 1))
            near = [c for k in range(first - 2, last + 2) for c in cues_by.get(k, ())]
            speaker = _quote_speaker(q, sentences, near, text)
            # A quote running over several paragraphs reopens each one: same speaker. So does
            # a second quote after a short attribution in the same paragraph:
            # '"…," he said. "…"'.
            gap = text[prev[0].end : q.start] if prev is not None else ""
            if (
                speaker is None
                and prev is not None
                and (
                    (not prev[0].closed and not gap.strip())
                    or (
                        "\n" not in gap
                        and len(_WORD.findall(gap)) <= MAX_CONTINUATION_WORDS
                        and not _other_actor_between(mentions, prev[0].end, q.start, prev[1])
                    )
                )
            ):
                speaker = prev[1]
            prev = (q, speaker)
            e = explain["quote:direct"]
            who = speaker or "an unnamed or unclear speaker"
            out.append(
                Marker(
                    "quote",
                    "direct",
                    text[q.start : q.end],
                    q.start,
                    q.end,
                    speaker,
                    f"{e.explanation} (Speaker: {who}.)",
                    e.source,
                    sent,
                    f"{words} words",
                )
            )
            continue
        if _is_title(inner):
            continue
        # Inner offsets without surrounding spaces so text == article[start:end] stays tidy.
        a = q.inner_start + (len(inner) - len(inner.lstrip()))
        b = q.inner_end - (len(inner) - len(inner.rstrip()))
        doubted = any(d.end <= q.start and q.start - d.end <= 40 for d in doubt_by.get(sent, ()))
        cues = cues_by.get(sent, [])
        near_mentions = mentions_by.get(sent, [])
        speaker = (
            None if doubted else _partial_speaker(q, sent, sentences, cues, near_mentions, text)
        )
        if speaker is not None or (not doubted and _has_cue(sent, cues, q)):
            e = explain["scare_quote:partial_quote"]
            out.append(
                Marker(
                    "scare_quote",
                    "partial_quote",
                    text[a:b],
                    a,
                    b,
                    speaker,
                    e.explanation + (f" (Speaker: {speaker}.)" if speaker else ""),
                    e.source,
                    sent,
                    "fragment of a speaker's words",
                )
            )
        else:
            about = _actor_near(q, sent, near_mentions)
            e = explain["scare_quote:scare"]
            out.append(
                Marker(
                    "scare_quote",
                    "scare",
                    text[a:b],
                    a,
                    b,
                    about,
                    e.explanation + (f" (About: {about}.)" if about else ""),
                    e.source,
                    sent,
                    "after a doubt word" if doubted else "no speaker quoted",
                )
            )
    return out, unbalanced


def _sentence_at(sentences: list[tuple[int, int]], pos: int) -> int:
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s, e = sentences[mid]
        if pos < s:
            hi = mid - 1
        elif pos >= e:
            lo = mid + 1
        else:
            return mid
    return max(0, min(lo, len(sentences) - 1)) if sentences else -1


def _quote_speaker(
    q: QuoteSpan, sentences: list[tuple[int, int]], cues: list[Marker], text: str
) -> str | None:
    """Speaker of a direct quotation: the nearest cue outside it, same or next sentence."""
    first = _sentence_at(sentences, q.start)
    last = _sentence_at(sentences, max(q.start, q.end - 1))
    near = [
        c
        for c in cues
        if first <= c.sentence <= last + 1
        and not (q.start <= c.start < q.end)
        and (
            c.sentence <= last
            or text[q.end : c.start].strip(' ,.\n"”') == ""
            or c.start - q.end < 40
        )
    ]
    if near:
        best = min(near, key=lambda c: min(abs(c.start - q.end), abs(q.start - c.end)))
        return best.actor
    # A quote that opens a paragraph continues the speaker of the previous sentence's cue.
    prev = [c for c in cues if c.sentence in (first - 1, first - 2) and c.end <= q.start]
    if prev and text[prev[-1].end : q.start].rstrip().endswith((":", ",")):
        return prev[-1].actor
    return None


def _has_cue(sent: int, cues: list[Marker], q: QuoteSpan) -> bool:
    return any(c.sentence == sent and not (q.start <= c.start < q.end) for c in cues)


def _partial_speaker(
    q: QuoteSpan,
    sent: int,
    sentences: list[tuple[int, int]],
    cues: list[Marker],
    mentions: list[Mention],
    text: str,
) -> str | None:
    """Speaker of a quoted fragment: the cue of its sentence, or a 'Name:' headline prefix."""
    same = [c for c in cues if c.sentence == sent and c.actor and not (q.start <= c.start < q.end)]
    if same:
        before = [c for c in same if c.start < q.start]
        # The first cue is usually the main reporting verb ("X said that Y announced ...").
        return (before[0] if before else same[0]).actor
    if 0 <= sent < len(sentences):
        s, _ = sentences[sent]
        head = text[s : q.start]
        colon = head.find(":")
        if 0 < colon <= 60:
            named = [m for m in mentions if s <= m.start < s + colon]
            if named:
                return named[-1].actor
    return None


def _actor_near(q: QuoteSpan, sent: int, mentions: list[Mention]) -> str | None:
    """The actor a scare-quoted term is about: a mention inside it or just before it."""
    inside = [m for m in mentions if q.start <= m.start < q.end]
    if inside:
        return inside[0].actor
    before = [
        m for m in mentions if m.sentence == sent and m.end <= q.start and q.start - m.end <= 30
    ]
    return before[-1].actor if before else None
