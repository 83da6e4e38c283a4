"""Parsing: line-by-line pieces whose offsets point into the original text, global sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.engine import ParsedArticle, load_model, parse
from analysis.engine.parse import CHUNK_CHARS


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def test_every_line_is_its_own_piece_and_offsets_point_into_the_text(nlp: Language) -> None:
    text = "NATO warns Russia\n\nJens Stoltenberg said talks continue. Russia denied it.\n"
    article = parse(text, nlp)
    assert isinstance(article, ParsedArticle)
    assert [text[ch.offset : ch.offset + len(ch.doc.text)] for ch in article.chunks] == [
        ch.doc.text for ch in article.chunks
    ]
    assert article.chunks[0].doc.text == "NATO warns Russia"  # the headline alone
    for tok in (t for doc in article.docs() for t in doc):
        assert text[article.start(tok) : article.end(tok)] == tok.text


def test_sentences_are_numbered_across_pieces(nlp: Language) -> None:
    text = "Headline here\nFirst sentence. Second one.\nThird line."
    article = parse(text, nlp)
    spans = article.sentences
    assert [text[a:b] for a, b in spans] == [
        "Headline here",
        "First sentence.",
        "Second one.",
        "Third line.",
    ]
    last = article.chunks[-1].doc[0]
    assert article.sentence_of(last) == 3
    assert article.sentence(last).text == "Third line."


def test_a_very_long_line_is_cut_after_a_sentence_end(nlp: Language) -> None:
    sentence = "Officials said the talks would continue next week. "
    text = sentence * (CHUNK_CHARS // len(sentence) + 20)
    article = parse(text, nlp)
    assert len(article.chunks) == 2
    first = article.chunks[0].doc.text
    assert first.endswith("week. ") and len(first) <= CHUNK_CHARS
    assert article.chunks[1].offset == len(first)
