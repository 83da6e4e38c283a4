"""The parsed article: one context object that every step of the engine reads.

Built once per analysis (like a spaCy ``Doc`` that later pipeline components annotate): the text,
its parsed pieces, the sentences, the paired quote marks, then — added by the pipeline in order —
the actor index and the markers each extractor found. Extractors take only this object and their
own options (``find_x(article) -> list[Marker]``), so nothing threads chunk indices or lists of
docs through the rules.

Every lookup a rule makes per token is constant time (sentence of a token, its sentence span,
whether a position is quoted, the actor at a token), which keeps the whole analysis linear in the
length of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

import numpy as np
from spacy.strings import hash_string  # type: ignore[attr-defined]  # Cython, no stub
from spacy.tokens import Doc, Span, Token

from analysis.engine.quote_marks import DOUBLE_MARKS, QuoteSpan, pair_quotes
from analysis.records import Marker

_DOUBLE_MARK = re.compile(f"[{DOUBLE_MARKS}]")

if TYPE_CHECKING:
    from analysis.engine.actor_index import ActorIndex


@dataclass(frozen=True, eq=False)
class Chunk:
    """A parsed piece of the article (a line or part of one) starting at ``offset``.

    ``first_sentence`` is the global number of the chunk's first sentence; ``sentence_ids``
    gives, per token, the global sentence number; ``bounds`` the token range of each of the
    chunk's sentences (local order).
    """

    doc: Doc
    offset: int
    first_sentence: int
    sentence_ids: np.ndarray
    bounds: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, doc: Doc, offset: int, first_sentence: int) -> Chunk:
        """The chunk for ``doc`` with its sentence tables built once."""
        bounds = tuple((s.start, s.end) for s in doc.sents) if len(doc) else ()
        ids = np.empty(len(doc), dtype=np.int64)
        for k, (a, b) in enumerate(bounds):
            ids[a:b] = first_sentence + k
        return cls(doc, offset, first_sentence, ids, bounds)

    def sentence_bounds(self, token: Token) -> tuple[int, int]:
        """Token range (start, end) of the sentence holding ``token``."""
        return self.bounds[int(self.sentence_ids[token.i]) - self.first_sentence]


@dataclass(frozen=True, eq=False)
class ParsedArticle:
    """An article parsed for analysis (see the module docstring).

    Args:
        text: the article, never modified; every offset points into it.
        chunks: the parsed pieces in text order.
        actors: the actor index, once :func:`analysis.engine.actors.find_actors` ran.
        markers: the markers found so far, by kind, once the extractors ran.
    """

    text: str
    chunks: tuple[Chunk, ...]
    actors_: ActorIndex | None = None
    markers: Mapping[str, tuple[Marker, ...]] = field(default_factory=dict)

    @classmethod
    def from_docs(cls, text: str, docs: Sequence[tuple[Doc, int]]) -> ParsedArticle:
        """An article from parsed docs and the character offset of each in ``text``."""
        chunks, sentence = [], 0
        for doc, offset in docs:
            chunk = Chunk.of(doc, offset, sentence)
            chunks.append(chunk)
            sentence += len(chunk.bounds)
        return cls(text, tuple(chunks))

    # ---- annotations added by the pipeline ------------------------------------------------------
    @property
    def actors(self) -> ActorIndex:
        """The actor index (raises if the actors were not found yet: a pipeline-order bug)."""
        if self.actors_ is None:
            raise RuntimeError("the actors of this article have not been found yet")
        return self.actors_

    def with_actors(self, actors: ActorIndex) -> ParsedArticle:
        """The same article with its actor index."""
        return replace(self, actors_=actors)

    def with_markers(self, kind: str, markers: Sequence[Marker]) -> ParsedArticle:
        """The same article with the markers of one kind (replacing earlier ones of that kind)."""
        return replace(self, markers={**self.markers, kind: tuple(markers)})

    def markers_of(self, kind: str) -> tuple[Marker, ...]:
        """The markers of one kind found so far (empty when that extractor has not run)."""
        return self.markers.get(kind, ())

    # ---- tokens and offsets ---------------------------------------------------------------------
    @cached_property
    def _chunk_by_doc(self) -> dict[int, Chunk]:
        return {id(ch.doc): ch for ch in self.chunks}

    def chunk_of(self, token: Token | Span) -> Chunk:
        """The chunk whose doc holds ``token``."""
        return self._chunk_by_doc[id(token.doc)]

    def start(self, token: Token) -> int:
        """Character offset of ``token`` in the article."""
        return self.chunk_of(token).offset + token.idx

    def end(self, token: Token) -> int:
        """Character offset just after ``token`` in the article."""
        return self.start(token) + len(token.text)

    def span_offsets(self, span: Span) -> tuple[int, int]:
        """(start, end) character offsets of a span of one chunk's doc."""
        offset = self.chunk_of(span).offset
        return offset + span.start_char, offset + span.end_char

    def docs(self) -> Iterator[Doc]:
        """The parsed docs in text order."""
        return (ch.doc for ch in self.chunks)

    def tokens_where(self, attr: int, words: frozenset[str]) -> Iterator[Token]:
        """Tokens of the whole article whose ``attr`` is one of ``words`` (bulk filtered)."""
        for ch in self.chunks:
            yield from tokens_where(ch.doc, attr, words)

    # ---- sentences ------------------------------------------------------------------------------
    @cached_property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        """(start, end) character offsets of every sentence, in global order."""
        out = []
        for ch in self.chunks:
            doc = ch.doc
            for a, b in ch.bounds:
                out.append((ch.offset + doc[a].idx, ch.offset + doc[b - 1].idx + len(doc[b - 1])))
        return tuple(out)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [a for a, _ in self.sentences]

    def sentence_of(self, token: Token | Span) -> int:
        """Global number of the sentence holding ``token`` (of a span: its first token)."""
        tok = token if isinstance(token, Token) else token[0]
        return int(self.chunk_of(tok).sentence_ids[tok.i])

    def sentence_at(self, pos: int) -> int:
        """Number of the sentence holding character ``pos``; between sentences, the next one."""
        if not self.sentences:
            return -1
        k = bisect_right(self._sentence_starts, pos) - 1
        if k >= 0 and pos < self.sentences[k][1]:
            return k
        return min(k + 1, len(self.sentences) - 1)

    def sentence(self, token: Token) -> Span:
        """The sentence of ``token`` as a span of its doc (no walk over the doc)."""
        a, b = self.chunk_of(token).sentence_bounds(token)
        return token.doc[a:b]

    # ---- quote marks ----------------------------------------------------------------------------
    @cached_property
    def _paired(self) -> tuple[list[QuoteSpan], int]:
        return pair_quotes(self.text)

    @property
    def quotes(self) -> list[QuoteSpan]:
        """Every pair of quote marks (see :func:`analysis.engine.quote_marks.pair_quotes`)."""
        return self._paired[0]

    @property
    def unbalanced_quotes(self) -> int:
        """How many paragraphs have quote marks that do not pair up."""
        return self._paired[1]

    @cached_property
    def _inner(self) -> tuple[list[int], list[tuple[int, int]]]:
        spans = sorted((q.inner_start, q.inner_end) for q in self.quotes)
        return [a for a, _ in spans], spans

    def quoted(self, pos: int) -> bool:
        """True when character ``pos`` lies inside a pair of quote marks (any style)."""
        starts, spans = self._inner
        k = bisect_right(starts, pos) - 1
        # Quote spans never nest across each other, so the latest start is the only candidate.
        return k >= 0 and spans[k][0] <= pos < spans[k][1]

    def inside_double_quotes(self, token: Token) -> bool:
        """True when an odd number of double quote marks open before ``token`` in its sentence.

        Straight marks count by parity, curly ones by “ opened minus ” closed. Kept to the
        sentence on purpose: a name in the sentence after a long quotation is reported speech
        only when the sentence itself says so.
        """
        pos = self.start(token)
        start = self.sentences[self.sentence_of(token)][0]
        straight = self._count('"', start, pos)
        curly = self._count("“", start, pos) - self._count("”", start, pos)
        return straight % 2 == 1 or curly > 0

    @cached_property
    def _marks(self) -> dict[str, list[int]]:
        hits: dict[str, list[int]] = {c: [] for c in DOUBLE_MARKS}
        for m in _DOUBLE_MARK.finditer(self.text):
            hits[m.group()].append(m.start())
        return hits

    def _count(self, mark: str, start: int, end: int) -> int:
        """How many of the quote mark ``mark`` stand in text[start:end]."""
        at = self._marks[mark]  # sorted offsets; bisect beats NumPy calls on a few dozen
        return bisect_left(at, end) - bisect_left(at, start)

    def sentence_has_double_quotes(self, token: Token) -> bool:
        """True when the sentence of ``token`` holds a double quote mark."""
        return self.has_double_quote_between(*self.sentences[self.sentence_of(token)])

    def has_double_quote_between(self, start: int, end: int) -> bool:
        """True when a double quote mark stands between character offsets start and end."""
        return any(self._count(c, start, end) for c in self._marks)

    # ---- actors ---------------------------------------------------------------------------------
    def actor_at(self, token: Token) -> str | None:
        """The actor whose mention covers ``token`` (pronouns included), else None."""
        return self.actors.at(self.start(token))


@lru_cache(maxsize=256)  # lexicons and the few per-article word sets (short names) recur
def _hashes(words: frozenset[str]) -> frozenset[int]:
    """The spaCy string hashes of ``words``."""
    return frozenset(hash_string(w) for w in words)


def tokens_where(doc: Doc, attr: int, words: frozenset[str]) -> list[Token]:
    """Tokens whose ``attr`` (spacy.attrs.LOWER, LEMMA …) is one of ``words``, found in bulk.

    One array of the attribute's hashes and set lookups on it, before touching Python token
    objects, keep the rule layers a small fraction of the parse time on long texts (a line has
    tens of tokens: ``np.isin`` would sort the lexicon's hashes on every call).
    """
    if not len(doc) or not words:
        return []
    hashes = _hashes(words)
    values = doc.to_array(attr).tolist()
    return [doc[i] for i, v in enumerate(values) if v in hashes]
