"""The parse hands spaCy batches bounded in characters (issue 16: memory of long texts)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import Any

import pytest
from spacy.tokens import Doc

from analysis.engine.model import load_model
from analysis.engine.parse import BATCH_CHARS, CHUNK_CHARS, parse

SENTENCE = "The minister said that the talks would continue next week, officials claimed. "


class Recording:
    """A spaCy pipeline that records the batches it is given."""

    def __init__(self) -> None:
        self.nlp = load_model()
        self.batches: list[list[str]] = []

    def pipe(self, texts: Iterable[str], **kwargs: Any) -> Iterator[Doc]:
        batch = list(texts)
        self.batches.append(batch)
        return self.nlp.pipe(batch, **kwargs)


def test_long_pieces_are_parsed_one_batch_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    text = SENTENCE * (5 * CHUNK_CHARS // len(SENTENCE))
    nlp = Recording()
    article = parse(text, nlp)  # type: ignore[arg-type]
    assert len(nlp.batches) >= 5
    assert all(len(b) == 1 or sum(map(len, b)) <= BATCH_CHARS for b in nlp.batches)
    # The same tokens and sentences as one batch of all the pieces (what the parse did before).
    module = sys.modules["analysis.engine.parse"]  # the package re-exports parse() by that name
    monkeypatch.setattr(module, "BATCH_CHARS", 10**9)
    whole = parse(text, load_model())
    assert article.sentences == whole.sentences
    assert [[t.tag_ for t in d] for d in article.docs()] == [
        [t.tag_ for t in d] for d in whole.docs()
    ]


def test_short_lines_still_share_a_batch() -> None:
    text = "\n".join(f"Line {i}: the minister said so." for i in range(100))
    nlp = Recording()
    parse(text, nlp, batch_size=64)  # type: ignore[arg-type]
    assert [len(b) for b in nlp.batches] == [64, 36]
