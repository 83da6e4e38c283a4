"""The ParsedArticle context: constant-time lookups every rule relies on."""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.engine import find_actors, load_model, parse


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def test_quoted_positions_follow_the_paired_marks(nlp: Language) -> None:
    text = "He said: \"We will win.\" Later \u201cthey\u201d left. It's 'odd' here."
    article = parse(text, nlp)
    assert article.quoted(text.index("We"))
    assert not article.quoted(text.index("Later"))
    assert article.quoted(text.index("they"))
    assert article.quoted(text.index("odd"))  # a typewriter single quote, not an apostrophe
    assert not article.quoted(text.index("It"))


def test_inside_double_quotes_is_kept_to_the_sentence(nlp: Language) -> None:
    text = '"We see no pullback," Jens Stoltenberg said. "We remain ready," he added.'
    article = parse(text, nlp)
    doc = article.chunks[0].doc
    by_text = {t.text: t for t in doc}
    assert article.inside_double_quotes(by_text["pullback"])
    assert not article.inside_double_quotes(by_text["Stoltenberg"])
    assert article.inside_double_quotes(by_text["ready"])
    assert article.sentence_has_double_quotes(by_text["said"])


def test_sentence_at_gives_the_next_sentence_between_two(nlp: Language) -> None:
    text = "One sentence.\n\nTwo sentence."
    article = parse(text, nlp)
    gap = text.index("\n") + 1
    assert article.sentence_at(0) == 0
    assert article.sentence_at(gap) == 1
    assert article.sentence_at(len(text) + 5) == 1


def test_actor_lookup_needs_the_actors_first(nlp: Language) -> None:
    article = parse("Jens Stoltenberg spoke.", nlp)
    with pytest.raises(RuntimeError, match="not been found"):
        article.actor_at(article.chunks[0].doc[0])
    article = article.with_actors(find_actors(article))
    doc = article.chunks[0].doc
    assert article.actor_at(doc[0]) == article.actor_at(doc[1]) == "Jens Stoltenberg"
    assert article.actor_at(doc[2]) is None


def test_markers_are_added_by_kind_without_changing_the_article(nlp: Language) -> None:
    article = parse("Russia denied it.", nlp)
    later = article.with_markers("doubt", [])
    assert article.markers_of("doubt") == () and later.markers_of("doubt") == ()
    assert "doubt" in later.markers and "doubt" not in article.markers
