"""Parsing the article with spaCy line by line, keeping offsets into the original text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from spacy.language import Language

from analysis.engine.article import ParsedArticle
from analysis.engine.time_limit import Deadline
from analysis.lexicons import load_lexicon

# Very long lines are cut so the parser's memory stays flat.
CHUNK_CHARS = 20_000
BATCH_CHARS = CHUNK_CHARS
"""Characters parsed in one ``nlp.pipe`` batch at most (a longer piece goes alone).

The parser's working memory grows with the tokens of the whole batch (about 15 KB per token,
freed after the batch but kept by the allocator), so 64 pieces of 20,000 characters took
1.4 GB; batching by characters keeps the peak that of one long piece (benchmarks/input_scale.py).
"""
_LINE = re.compile(r"\n")
_BLANK = re.compile(r"\n[ \t]*\n")


def _hard_wrapped(text: str) -> bool:
    """True for text wrapped at a fixed width (e-mail style), where a line break is not a break."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < 6:
        return False
    lengths = sorted(len(ln) for ln in lines)
    median = lengths[len(lengths) // 2]
    ended = sum(ln.rstrip()[-1:] in '.!?"”:' for ln in lines) / len(lines)
    return 50 <= median <= 100 and ended < 0.5


def _pieces(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line (each paragraph for hard-wrapped text), long ones cut further.

    Parsing a headline apart from the next line keeps the tagger from reading across it, and
    gives every headline its own sentence.
    """
    breaks = _BLANK if _hard_wrapped(text) else _LINE
    pos = 0
    for m in [*breaks.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        yield from _split_long(text, pos, end)
        pos = m.end() if m is not None else len(text)


def _split_long(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Pieces of at most about CHUNK_CHARS, cut after a sentence end when possible."""
    while end - start > CHUNK_CHARS:
        cut = text.rfind(". ", start, start + CHUNK_CHARS)
        cut = cut + 2 if cut > start else start + CHUNK_CHARS
        yield start, cut
        start = cut
    if text[start:end].strip():
        yield start, end


HEADLINE_MAX_WORDS = 25
TITLE_CASE_SHARE = 0.7
"""A line this short whose longer words are capitalised at least this often is in title case."""
_WORD = re.compile(r"\b[A-Za-z][a-z']*\b")


def _title_case(line: str) -> bool:
    """True for a headline in title case ("Kerry Warns Russia of Consequences")."""
    words = line.split()
    if not 3 <= len(words) <= HEADLINE_MAX_WORDS or line.rstrip().endswith("."):
        return False
    long = [w for w in words[1:] if len(w) >= 4 and w[:1].isalpha()]
    return len(long) >= 2 and sum(w[:1].isupper() for w in long) >= TITLE_CASE_SHARE * len(long)


def _sentence_cased(line: str) -> str:
    """A title-case headline with its function words and reporting verbs in lower case.

    Title case hides the verbs from the tagger ("Kerry Warns Russia" reads as one name);
    headline style guides write the same words in lower case in sentence-case headlines (AP
    Stylebook, "headlines"). Only case changes, so every offset still points into the text.
    """
    words = _lowered_words()

    def lower(m: re.Match[str]) -> str:
        w = m.group(0)
        return w.lower() if m.start() > 0 and w.lower() in words else w

    return _WORD.sub(lower, line)


@cache
def _lowered_words() -> frozenset[str]:
    """Stop words (not "may", a month, nor "us") and the forms of one-word reporting verbs."""
    from spacy.lang.en.stop_words import STOP_WORDS

    forms: set[str] = set()
    for term in load_lexicon("reporting_verbs"):
        verb = term.split()[0]
        forms |= {verb, verb + "s", verb + "es", verb + "ed", verb + "d"}
        if verb.endswith("y"):
            forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    return frozenset((set(STOP_WORDS) - {"may", "us"}) | forms)


def _batches(pieces: list[str], most: int) -> Iterator[list[str]]:
    """Consecutive pieces in groups of at most ``most`` and about BATCH_CHARS characters."""
    batch: list[str] = []
    size = 0
    for piece in pieces:
        if batch and (len(batch) == most or size + len(piece) > BATCH_CHARS):
            yield batch
            batch, size = [], 0
        batch.append(piece)
        size += len(piece)
    if batch:
        yield batch


def parse(
    text: str, nlp: Language, *, batch_size: int = 64, deadline: Deadline | None = None
) -> ParsedArticle:
    """Parse ``text`` line by line into an article whose docs keep offsets into ``text``.

    Args:
        text: the article text (never modified).
        nlp: a loaded spaCy pipeline.
        batch_size: pieces per ``nlp.pipe`` batch at most (batches also stop at BATCH_CHARS).
        deadline: checked after every piece parsed (raises ``AnalysisTimeout`` once passed).

    Returns:
        The :class:`~analysis.engine.article.ParsedArticle`, chunks in text order with a global
        sentence numbering.
    """
    spans = list(_pieces(text))
    pieces = [_sentence_cased(p) if _title_case(p) else p for p in (text[a:b] for a, b in spans)]
    docs = (
        doc
        for batch in _batches(pieces, batch_size)
        for doc in nlp.pipe(batch, batch_size=batch_size)
    )
    parsed = []
    for (a, _b), doc in zip(spans, docs, strict=True):
        parsed.append((doc, a))
        if deadline is not None:
            deadline.check()
    return ParsedArticle.from_docs(text, parsed)
