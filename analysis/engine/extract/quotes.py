"""Direct quotations and scare quotes, with the speaker or the actor they are about.

A quoted span (quote marks paired by :mod:`analysis.engine.quote_marks`) is a *direct quotation*
when it stands as a statement (it opens a sentence, follows a colon or comma, or runs longer than
:data:`SHORT_WORDS` words); shorter embedded spans are *scare quotes* (the outlet keeps a term at
arm's length: alleged Russian "threat") or *partial quotes* (a fragment of a speaker's words: no
"meaningful pullback"). Multi-word quoted names in title case ("Good Morning America") are titles
and are not flagged. After the annotation guidelines in ``eval/attribution-dev/GUIDELINES.md``
and Wikipedia's Manual of Style ("Words to watch": scare quotes).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from analysis.engine.article import ParsedArticle
from analysis.engine.explain import make_marker
from analysis.engine.quote_marks import QuoteSpan
from analysis.lexicons import load_lexicon
from analysis.records import Marker, Mention

SHORT_WORDS = 8
"""Quoted spans of at most this many words can be scare or partial quotes (the guidelines);
longer ones are direct quotations."""
MAX_CONTINUATION_WORDS = 12
"""'"…," he said on Tuesday. "…"': a second quote this few words after the first is still his."""
CUE_REACH_CHARS = 40
"""A reporting cue in the sentence after a quotation introduces it when it starts this close."""
DOUBT_REACH_CHARS = 40
"""A doubt word ending at most this many characters before a quoted term makes it a scare quote
(alleged Russian "threat")."""
ABOUT_REACH_CHARS = 30
"""A scare-quoted term is about the actor named at most this many characters before it."""
HEADLINE_PREFIX_CHARS = 60
"""A headline 'Name: …' names its speaker in its first characters ("Zakharova: 'hysteria'")."""
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_TITLE_SMALL = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by", "with", "or"}
_STATEMENT_BEFORE = set(":,;.?!—–-([") | {""}


def find_quotes(article: ParsedArticle) -> list[Marker]:
    """Direct quotations and scare/partial quotes of the article.

    Args:
        article: the parsed article with its actors and its ``attribution`` and ``doubt``
            markers (speakers of quotes come from the reporting cues; a doubt word before a
            quoted term makes it a scare quote).

    Returns:
        Markers of kind ``quote`` (category ``direct``) and ``scare_quote`` (``scare`` or
        ``partial_quote``).
    """
    text = article.text
    near = _Nearby.of(article)
    out: list[Marker] = []
    prev: tuple[QuoteSpan, str | None] | None = None
    for q in article.quotes:
        inner = text[q.inner_start : q.inner_end]
        if not inner.strip():
            continue
        if _is_statement(text, q, inner):
            marker = _direct_quote(article, q, near, prev)
            prev = (q, marker.actor)
            out.append(marker)
            near.quotes[marker.sentence].append(marker)
        elif not _is_title(inner, lenient=True):
            out.append(_short_quote(article, q, inner, near))
    return out


@dataclass
class _Nearby:
    """The article's cues, mentions and doubt words by sentence: everything a quote looks at
    lies in its own or a neighbouring sentence."""

    cues: dict[int, list[Marker]] = field(default_factory=lambda: defaultdict(list))
    mentions: dict[int, list[Mention]] = field(default_factory=lambda: defaultdict(list))
    doubt: dict[int, list[Marker]] = field(default_factory=lambda: defaultdict(list))
    quotes: dict[int, list[Marker]] = field(default_factory=lambda: defaultdict(list))
    """Direct quotations found so far, by sentence (filled while quotes are read in order)."""

    @classmethod
    def of(cls, article: ParsedArticle) -> _Nearby:
        near = cls()
        for c in article.markers_of("attribution"):
            near.cues[c.sentence].append(c)
        for m in article.actors.mentions:
            near.mentions[m.sentence].append(m)
        for d in article.markers_of("doubt"):
            near.doubt[d.sentence].append(d)
        return near

    def cues_in(self, first: int, stop: int) -> list[Marker]:
        """The cues of sentences first … stop - 1."""
        return [c for k in range(first, stop) for c in self.cues.get(k, ())]


def _is_statement(text: str, q: QuoteSpan, inner: str) -> bool:
    """True when a quoted span is a direct quotation, not a scare quote or a title."""
    words = len(_WORD.findall(inner))
    standalone = _prev_char(text, q.start) in _STATEMENT_BEFORE
    return words > SHORT_WORDS or (standalone and words >= 1 and not _is_title(inner))


def _direct_quote(
    article: ParsedArticle, q: QuoteSpan, near: _Nearby, prev: tuple[QuoteSpan, str | None] | None
) -> Marker:
    """The marker of a direct quotation, with the speaker of its cue or of the quote before."""
    cue = _quote_speaker(article, q, near)
    speaker = cue.actor if cue is not None else None
    reason = ""
    if speaker is None and prev is not None and _continues(article, prev, q):
        speaker, reason = prev[1], ("continued_quote" if prev[1] else "")
    entry = load_lexicon("markers")["quote:direct"]
    return make_marker(
        "quote",
        entry,
        "markers/quote:direct",
        article.text[q.start : q.end],
        q.start,
        q.end,
        speaker,
        article.sentence_at(q.start),
        speaker=cue.speaker if cue is not None else "",
        reason=reason,
    )


def _continues(article: ParsedArticle, prev: tuple[QuoteSpan, str | None], q: QuoteSpan) -> bool:
    """True when quote ``q`` goes on from the one before: a quote running over paragraphs
    reopens each one, and '"…," he said. "…"' keeps the speaker after a short attribution."""
    before, actor = prev
    gap = article.text[before.end : q.start]
    if not before.closed and not gap.strip():
        return True
    return (
        "\n" not in gap
        and len(_WORD.findall(gap)) <= MAX_CONTINUATION_WORDS
        and not _other_actor_between(article, before.end, q.start, actor)
    )


def _short_quote(article: ParsedArticle, q: QuoteSpan, inner: str, near: _Nearby) -> Marker:
    """A scare quote (the outlet's distance) or a partial quote (a speaker's words)."""
    sent = article.sentence_at(q.start)
    # Inner offsets without surrounding spaces so text == article[start:end] stays tidy.
    a = q.inner_start + (len(inner) - len(inner.lstrip()))
    b = q.inner_end - (len(inner) - len(inner.rstrip()))
    doubted = any(
        d.end <= q.start and q.start - d.end <= DOUBT_REACH_CHARS for d in near.doubt.get(sent, ())
    )
    cues = near.cues.get(sent, [])
    mentions = near.mentions.get(sent, [])
    speaker = None if doubted else _partial_speaker(article, q, sent, cues, mentions)
    echoed, echo_speaker = (False, None) if doubted else _echoed(article, q, inner, sent, near)
    speaker = speaker or echo_speaker
    markers = load_lexicon("markers")
    if speaker is not None or (not doubted and (echoed or _has_cue(sent, cues, q))):
        entry, category, actor, reason = (
            markers["scare_quote:partial_quote"],
            "partial_quote",
            speaker,
            "speaker_fragment",
        )
    else:
        entry, category = markers["scare_quote:scare"], "scare"
        actor, reason = _actor_near(q, sent, mentions), ("doubt_word" if doubted else "no_speaker")
    return make_marker(
        "scare_quote",
        entry,
        f"markers/scare_quote:{category}",
        article.text[a:b],
        a,
        b,
        actor,
        sent,
        category=category,
        reason=reason,
    )


def _other_actor_between(article: ParsedArticle, a: int, b: int, actor: str | None) -> bool:
    """True when someone other than ``actor`` is named between offsets ``a`` and ``b``."""
    mentions = article.actors.mentions
    k = article.actors.before(a)
    while k < len(mentions) and mentions[k].start < b:
        if mentions[k].actor != actor:
            return True
        k += 1
    return False


def _is_title(inner: str, lenient: bool = False) -> bool:
    """True for a quoted name in title case: a show, a book, a film ("Face the Nation.").

    Inside a sentence (``lenient``) the sentence's punctuation may sit inside the closing mark,
    American style (on NBC's "Meet the Press," Kerry said); a standalone quotation ending in a
    comma is a statement ('"Glory to Ukraine," Zelensky said'), so only a full stop is allowed
    there.
    """
    inner = inner.rstrip()
    trailing = ".,;:!?" if lenient else "."
    inner = inner[:-1] if inner[-1:] and inner[-1] in trailing else inner
    words = _WORD.findall(inner)
    if len(words) < 2 or inner[-1:] in ".?!,;:":
        return False
    return all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in words) and words[0][0].isupper()


def _prev_char(text: str, i: int) -> str:
    """The character before ``i`` on the same line, skipping spaces ('' at a line start)."""
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j < 0 or text[j] == "\n":
        return ""
    return text[j]


def _quote_speaker(article: ParsedArticle, q: QuoteSpan, near: _Nearby) -> Marker | None:
    """The cue naming the speaker of a direct quotation: the nearest cue outside it in the same
    or the next sentence, else the cue of the sentence before when the quote continues it."""
    text = article.text
    first = article.sentence_at(q.start)
    last = article.sentence_at(max(q.start, q.end - 1))
    cues = near.cues_in(first - 2, last + 2)
    candidates = [
        c
        for c in cues
        if first <= c.sentence <= last + 1
        and not (q.start <= c.start < q.end)
        and (
            c.sentence <= last
            or text[q.end : c.start].strip(' ,.\n"”') == ""
            or c.start - q.end < CUE_REACH_CHARS
        )
    ]
    if candidates:
        return min(candidates, key=lambda c: min(abs(c.start - q.end), abs(q.start - c.end)))
    # A quote that opens a paragraph continues the speaker of the previous sentence's cue.
    prev = [c for c in cues if c.sentence in (first - 1, first - 2) and c.end <= q.start]
    if prev and text[prev[-1].end : q.start].rstrip().endswith((":", ",")):
        return prev[-1]
    return None


def _echoed(
    article: ParsedArticle, q: QuoteSpan, inner: str, sent: int, near: _Nearby
) -> tuple[bool, str | None]:
    """(echoed, speaker) for a quoted term that repeats the words of a speaker in the same or
    the sentence before: a direct quotation holding the words ('"They are terrorists," the
    minister said. … the "terrorists."'), or a sentence with a reporting cue ("Moscow calls
    the government fascist. … a "fascist" coup"). The term is then that speaker's word, a
    partial quote, not the outlet's scare quote."""
    words = _content_words(inner)
    if not words:
        return False, None
    for k in (sent, sent - 1):
        for quote in near.quotes.get(k, ()):
            if quote.start != q.start and words <= _content_words(quote.text):
                return True, quote.actor
    for k in (sent, sent - 1):
        if not 0 <= k < len(article.sentences) or not near.cues.get(k):
            continue
        a, b = article.sentences[k]
        rest = article.text[a : min(q.start, b)] + " " + article.text[max(q.end, a) : b]
        if words <= _content_words(rest if k == sent else article.text[a:b]):
            named = [c for c in near.cues[k] if c.actor]
            return True, (named[0].actor if named else None)
    return False, None


def _content_words(text: str) -> frozenset[str]:
    """Lower-case words of a text without function words, plural -s dropped ("terrorists" and
    "terrorist" agree)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = (w.lower() for w in _WORD.findall(text))
    return frozenset(w.removesuffix("s") for w in words if w not in STOP_WORDS and len(w) > 2)


def _has_cue(sent: int, cues: list[Marker], q: QuoteSpan) -> bool:
    return any(c.sentence == sent and not (q.start <= c.start < q.end) for c in cues)


def _partial_speaker(
    article: ParsedArticle, q: QuoteSpan, sent: int, cues: list[Marker], mentions: list[Mention]
) -> str | None:
    """Speaker of a quoted fragment: the cue of its sentence, or a 'Name:' headline prefix."""
    same = [c for c in cues if c.sentence == sent and c.actor and not (q.start <= c.start < q.end)]
    if same:
        before = [c for c in same if c.start < q.start]
        # The first cue is usually the main reporting verb ("X said that Y announced ...").
        return (before[0] if before else same[0]).actor
    if 0 <= sent < len(article.sentences):
        s, _ = article.sentences[sent]
        head = article.text[s : q.start]
        colon = head.find(":")
        if 0 < colon <= HEADLINE_PREFIX_CHARS:
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
        m
        for m in mentions
        if m.sentence == sent and m.end <= q.start and q.start - m.end <= ABOUT_REACH_CHARS
    ]
    return before[-1].actor if before else None
