"""Attribution and actor rules on hand-built spaCy Docs: behaviour that must not depend on a model.

Each Doc is built from words, heads, dependency labels, POS tags, lemmas and entities written by
hand, so these tests hold whatever a future model version predicts.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from analysis.engine import ParsedArticle, find_actors, resolve_references
from analysis.engine.extract.attribution import find_attributions

VOCAB = spacy.blank("en").vocab


def chunk(words, heads, deps, pos, lemmas, ents, tags=None) -> ParsedArticle:  # type: ignore[no-untyped-def]
    doc = Doc(
        VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents, tags=tags
    )
    return ParsedArticle.from_docs(doc.text, [(doc, 0)])


def with_actors(article: ParsedArticle) -> ParsedArticle:
    """The article with its actors and references, as the pipeline builds it."""
    article = article.with_actors(find_actors(article))
    return article.with_actors(resolve_references(article))


def cues(article: ParsedArticle) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.category, m.actor) for m in find_attributions(with_actors(article))]


def test_subject_of_a_distancing_verb_with_a_clause() -> None:
    ch = chunk(
        words=["Jens", "Stoltenberg", "claimed", "that", "troops", "remained", "."],
        heads=[1, 2, 2, 5, 5, 2, 2],
        deps=["compound", "nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct"],
        pos=["PROPN", "PROPN", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT"],
        lemmas=["Jens", "Stoltenberg", "claim", "that", "troop", "remain", "."],
        ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"],
    )
    assert cues(ch) == [("claimed", "distancing", "Jens Stoltenberg")]


def test_participle_shares_the_main_subject() -> None:
    ch = chunk(
        words=[
            "Mocking",
            "reports",
            ",",
            "Maria",
            "Zakharova",
            "asked",
            "outlets",
            "to",
            "publish",
            ".",
        ],
        heads=[5, 0, 5, 4, 5, 5, 5, 8, 5, 5],
        deps=[
            "advcl",
            "dobj",
            "punct",
            "compound",
            "nsubj",
            "ROOT",
            "dobj",
            "aux",
            "xcomp",
            "punct",
        ],
        pos=["VERB", "NOUN", "PUNCT", "PROPN", "PROPN", "VERB", "NOUN", "PART", "VERB", "PUNCT"],
        lemmas=["mock", "report", ",", "Maria", "Zakharova", "ask", "outlet", "to", "publish", "."],
        ents=["O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"],
    )
    assert cues(ch) == [
        ("Mocking", "emotive", "Maria Zakharova"),
        ("asked", "neutral", "Maria Zakharova"),
    ]


def test_passive_agent_is_the_speaker() -> None:
    ch = chunk(
        words=["It", "is", "a", "condition", "rejected", "by", "the", "West", "."],
        heads=[1, 1, 3, 1, 3, 4, 7, 5, 1],
        deps=["nsubj", "ROOT", "det", "attr", "acl", "agent", "det", "pobj", "punct"],
        pos=["PRON", "AUX", "DET", "NOUN", "VERB", "ADP", "DET", "PROPN", "PUNCT"],
        lemmas=["it", "be", "a", "condition", "reject", "by", "the", "West", "."],
        ents=["O", "O", "O", "O", "O", "O", "O", "B-LOC", "O"],
        tags=["PRP", "VBZ", "DT", "NN", "VBN", "IN", "DT", "NNP", "."],
    )
    assert cues(ch) == [("rejected", "denial", "West")]


def test_negated_speech_is_not_an_attribution() -> None:
    ch = chunk(
        words=["Vladimir", "Putin", "did", "not", "deny", "that", "troops", "moved", "."],
        heads=[1, 4, 4, 4, 4, 7, 7, 4, 4],
        deps=["compound", "nsubj", "aux", "neg", "ROOT", "mark", "nsubj", "ccomp", "punct"],
        pos=["PROPN", "PROPN", "AUX", "PART", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT"],
        lemmas=["Vladimir", "Putin", "do", "not", "deny", "that", "troop", "move", "."],
        ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O"],
    )
    assert cues(ch) == []


def test_surname_tagged_as_org_merges_into_the_person() -> None:
    words = ["Jens", "Stoltenberg", "spoke", ".", "Stoltenberg", "said", "it", "rained", "."]
    ch = chunk(
        words=words,
        heads=[1, 2, 2, 2, 5, 5, 7, 5, 5],
        deps=["compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "nsubj", "ccomp", "punct"],
        pos=["PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PRON", "VERB", "PUNCT"],
        lemmas=["Jens", "Stoltenberg", "speak", ".", "Stoltenberg", "say", "it", "rain", "."],
        ents=["B-PERSON", "I-PERSON", "O", "O", "B-ORG", "O", "O", "O", "O"],
    )
    actors = with_actors(ch).actors
    assert [(a.name, a.type, a.aliases) for a in actors.actors] == [
        ("Jens Stoltenberg", "PERSON", ["Stoltenberg"])
    ]
    assert cues(ch) == [("said", "neutral", "Jens Stoltenberg")]


def test_demonym_maps_to_a_country_only_when_the_country_is_named() -> None:
    with_country = chunk(
        words=["Russian", "troops", "left", "Russia", "."],
        heads=[1, 2, 2, 2, 2],
        deps=["amod", "nsubj", "ROOT", "dobj", "punct"],
        pos=["ADJ", "NOUN", "VERB", "PROPN", "PUNCT"],
        lemmas=["russian", "troop", "leave", "Russia", "."],
        ents=["B-NORP", "O", "O", "B-GPE", "O"],
    )
    assert [(a.name, a.aliases) for a in with_actors(with_country).actors.actors] == [
        ("Russia", ["Russian"])
    ]
    alone = chunk(
        words=["French", "troops", "left", "."],
        heads=[1, 2, 2, 2],
        deps=["amod", "nsubj", "ROOT", "punct"],
        pos=["ADJ", "NOUN", "VERB", "PUNCT"],
        lemmas=["french", "troop", "leave", "."],
        ents=["B-NORP", "O", "O", "O"],
    )
    assert [(a.name, a.type) for a in with_actors(alone).actors.actors] == [("French", "NORP")]
