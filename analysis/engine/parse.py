"""Parsing the article with spaCy line by line, keeping offsets into the original text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language

from analysis.engine.article import ParsedArticle
from analysis.engine.time_limit import Deadline

# Very long lines are cut so the parser's memory stays flat.
CHUNK_CHARS = 20_000
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


def parse(
    text: str, nlp: Language, *, batch_size: int = 64, deadline: Deadline | None = None
) -> ParsedArticle:
    """Parse ``text`` line by line into an article whose docs keep offsets into ``text``.

    Args:
        text: the article text (never modified).
        nlp: a loaded spaCy pipeline.
        batch_size: passed to ``nlp.pipe``.
        deadline: checked after every piece parsed (raises ``AnalysisTimeout`` once passed).

    Returns:
        The :class:`~analysis.engine.article.ParsedArticle`, chunks in text order with a global
        sentence numbering.
    """
    spans = list(_pieces(text))
    docs = nlp.pipe((text[a:b] for a, b in spans), batch_size=batch_size)
    parsed = []
    for (a, _b), doc in zip(spans, docs, strict=True):
        parsed.append((doc, a))
        if deadline is not None:
            deadline.check()
    return ParsedArticle.from_docs(text, parsed)
