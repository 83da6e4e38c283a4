"""Parsing the article with spaCy line by line, keeping offsets into the original text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import numpy as np
from spacy.language import Language
from spacy.strings import hash_string  # type: ignore[attr-defined]  # Cython, no stub
from spacy.tokens import Doc, Span, Token

# Very long lines are cut so the parser's memory stays flat.
CHUNK_CHARS = 20_000
_LINE = re.compile(r"\n")
_BLANK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True, slots=True)
class Chunk:
    """A parsed piece of the article: ``doc`` starts at character ``offset`` of the article."""

    doc: Doc
    offset: int
    sent_offset: int
    sent_index: dict[int, int]  # token index of a sentence start -> global sentence index

    def sentence_of(self, token: Token | Span) -> int:
        """Global index of the sentence holding ``token``."""
        tok = token if isinstance(token, Token) else token[0]
        return self.sent_index[tok.sent.start]


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


def parse(text: str, nlp: Language, *, batch_size: int = 64) -> list[Chunk]:
    """Parse ``text`` line by line into chunks whose docs keep offsets into ``text``.

    Args:
        text: the article text (never modified).
        nlp: a loaded spaCy pipeline.
        batch_size: passed to ``nlp.pipe``.

    Returns:
        The chunks in article order with a global sentence numbering.
    """
    spans = list(_pieces(text))
    chunks: list[Chunk] = []
    sent_no = 0
    for (start, _end), doc in zip(
        spans, nlp.pipe((text[a:b] for a, b in spans), batch_size=batch_size), strict=True
    ):
        index: dict[int, int] = {}
        for s in doc.sents:
            index[s.start] = sent_no
            sent_no += 1
        chunks.append(Chunk(doc, start, sent_no - len(index), index))
    return chunks


@cache
def _hashes(words: frozenset[str]) -> np.ndarray:
    return np.fromiter((hash_string(w) for w in words), dtype=np.uint64, count=len(words))


def tokens_where(doc: Doc, attr: int, words: frozenset[str]) -> list[Token]:
    """Tokens whose ``attr`` (spacy.attrs.LOWER, LEMMA …) is one of ``words``, found in bulk.

    Filtering with NumPy before touching Python token objects keeps the rule layers a small
    fraction of the parse time on long texts.
    """
    if not len(doc) or not words:
        return []
    values = doc.to_array([attr]).reshape(-1).astype(np.uint64, copy=False)
    return [doc[int(i)] for i in np.flatnonzero(np.isin(values, _hashes(words)))]
