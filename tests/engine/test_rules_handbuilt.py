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


# ---- issue 10: only speech counts, names, types, whom a loaded word is about -----------------
def test_maintain_with_an_object_is_no_speech_but_with_a_clause_it_is() -> None:
    efforts = chunk(
        words=["Ukraine", "'s", "efforts", "to", "maintain", "its", "sovereignty", "."],
        heads=[2, 0, 2, 4, 2, 6, 4, 2],
        deps=["poss", "case", "ROOT", "aux", "acl", "poss", "dobj", "punct"],
        pos=["PROPN", "PART", "NOUN", "PART", "VERB", "PRON", "NOUN", "PUNCT"],
        lemmas=["Ukraine", "'s", "effort", "to", "maintain", "its", "sovereignty", "."],
        ents=["B-GPE", "O", "O", "O", "O", "O", "O", "O"],
        tags=["NNP", "POS", "NNS", "TO", "VB", "PRP$", "NN", "."],
    )
    assert cues(efforts) == []
    clause = chunk(
        words=["Russia", "maintained", "that", "troops", "left", "."],
        heads=[1, 1, 4, 4, 1, 1],
        deps=["nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct"],
        pos=["PROPN", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT"],
        lemmas=["Russia", "maintain", "that", "troop", "leave", "."],
        ents=["B-GPE", "O", "O", "O", "O", "O"],
    )
    assert cues(clause) == [("maintained", "distancing", "Russia")]


def test_a_quotation_attached_to_the_verb_is_its_speech_complement() -> None:
    words = ['"', "We", "left", ",", '"', "Russia", "maintained", "."]
    ch = chunk(
        words=words,
        heads=[6, 2, 6, 6, 6, 6, 6, 6],
        deps=["punct", "nsubj", "dep", "punct", "punct", "nsubj", "ROOT", "punct"],
        pos=["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT"],
        lemmas=['"', "we", "leave", ",", '"', "Russia", "maintain", "."],
        ents=["O", "O", "O", "O", "O", "B-GPE", "O", "O"],
    )
    assert cues(ch) == [("maintained", "distancing", "Russia")]


def test_deny_needs_a_speech_object_not_any_object() -> None:
    def deny(obj: str, lemma: str) -> ParsedArticle:
        return chunk(
            words=["Kyiv", "denied", obj, "."],
            heads=[1, 1, 1, 1],
            deps=["nsubj", "ROOT", "dobj", "punct"],
            pos=["PROPN", "VERB", "NOUN", "PUNCT"],
            lemmas=["Kyiv", "deny", lemma, "."],
            ents=["B-GPE", "O", "O", "O"],
        )

    assert cues(deny("involvement", "involvement")) == [("denied", "denial", "Ukraine")]
    assert cues(deny("allegations", "allegation")) == [("denied", "denial", "Ukraine")]
    assert cues(deny("licences", "licence")) == []


def test_a_heading_word_before_a_surname_is_no_part_of_the_name() -> None:
    ch = chunk(
        words=["Will", "Obama", "act", "?", "Barack", "Obama", "spoke", "."],
        heads=[2, 2, 2, 2, 5, 6, 6, 6],
        deps=["aux", "nsubj", "ROOT", "punct", "compound", "nsubj", "ROOT", "punct"],
        pos=["AUX", "PROPN", "VERB", "PUNCT", "PROPN", "PROPN", "VERB", "PUNCT"],
        lemmas=["will", "Obama", "act", "?", "Barack", "Obama", "speak", "."],
        ents=["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O", "O"],
        tags=["MD", "NNP", "VB", ".", "NNP", "NNP", "VBD", "."],
    )
    actors = with_actors(ch).actors
    assert [(a.name, a.aliases) for a in actors.actors] == [("Barack Obama", ["Obama"])]


def test_a_possessive_name_owns_the_organisation_it_was_tagged_with() -> None:
    words = ["Ukrainian", "President", "Viktor", "Yanukovych", "spoke", "."]
    words += ["Yanukovych", "'s", "Party", "of", "Regions", "lost", "."]
    ch = chunk(
        words=words,
        heads=[3, 3, 3, 4, 4, 4, 8, 6, 11, 8, 9, 11, 11],
        deps=[
            "amod",
            "compound",
            "compound",
            "nsubj",
            "ROOT",
            "punct",
            "poss",
            "case",
            "nsubj",
            "prep",
            "pobj",
            "ROOT",
            "punct",
        ],
        pos=[
            "ADJ",
            "PROPN",
            "PROPN",
            "PROPN",
            "VERB",
            "PUNCT",
            "PROPN",
            "PART",
            "PROPN",
            "ADP",
            "PROPN",
            "VERB",
            "PUNCT",
        ],
        lemmas=[
            "ukrainian",
            "President",
            "Viktor",
            "Yanukovych",
            "speak",
            ".",
            "Yanukovych",
            "'s",
            "Party",
            "of",
            "Regions",
            "lose",
            ".",
        ],
        ents=[
            "B-NORP",
            "O",
            "B-PERSON",
            "I-PERSON",
            "O",
            "O",
            "B-ORG",
            "I-ORG",
            "I-ORG",
            "I-ORG",
            "I-ORG",
            "O",
            "O",
        ],
        tags=["JJ", "NNP", "NNP", "NNP", "VBD", ".", "NNP", "POS", "NNP", "IN", "NNPS", "VBD", "."],
    )
    names = {a.name: (a.type, a.aliases) for a in with_actors(ch).actors.actors}
    assert names["Viktor Yanukovych"] == ("PERSON", ["Yanukovych"])
    assert names["Party of Regions (Ukraine)"] == ("ORG", ["Party of Regions"])


def test_the_text_says_what_a_name_is() -> None:
    ch = chunk(
        words=["He", "posted", "on", "Twitter", ",", "the", "social", "network", "."],
        heads=[1, 1, 1, 2, 3, 7, 7, 3, 1],
        deps=["nsubj", "ROOT", "prep", "pobj", "punct", "det", "amod", "appos", "punct"],
        pos=["PRON", "VERB", "ADP", "PROPN", "PUNCT", "DET", "ADJ", "NOUN", "PUNCT"],
        lemmas=["he", "post", "on", "Twitter", ",", "the", "social", "network", "."],
        ents=["O", "O", "O", "B-PERSON", "O", "O", "O", "O", "O"],
    )
    assert [(a.name, a.type) for a in with_actors(ch).actors.actors] == [("Twitter", "ORG")]
    square = chunk(
        words=["They", "met", "on", "Hrushevsky", ",", "the", "main", "street", "."],
        heads=[1, 1, 1, 2, 3, 7, 7, 3, 1],
        deps=["nsubj", "ROOT", "prep", "pobj", "punct", "det", "amod", "appos", "punct"],
        pos=["PRON", "VERB", "ADP", "PROPN", "PUNCT", "DET", "ADJ", "NOUN", "PUNCT"],
        lemmas=["they", "meet", "on", "Hrushevsky", ",", "the", "main", "street", "."],
        ents=["O", "O", "O", "B-PERSON", "O", "O", "O", "O", "O"],
    )
    assert with_actors(square).actors.actors == []


def test_a_loaded_noun_is_about_its_possessor_never_the_place_after_it() -> None:
    from analysis.engine.extract.loaded import find_loaded

    ch = chunk(
        words=["Moscow", "'s", "aggression", "in", "Ukraine", "grew", "."],
        heads=[2, 0, 5, 2, 3, 5, 5],
        deps=["poss", "case", "nsubj", "prep", "pobj", "ROOT", "punct"],
        pos=["PROPN", "PART", "NOUN", "ADP", "PROPN", "VERB", "PUNCT"],
        lemmas=["Moscow", "'s", "aggression", "in", "Ukraine", "grow", "."],
        ents=["B-GPE", "O", "O", "O", "B-GPE", "O", "O"],
    )
    assert [(m.text, m.actor) for m in find_loaded(with_actors(ch))] == [("aggression", "Russia")]
    nobody = chunk(
        words=["Renewed", "aggression", "against", "Ukraine", "grew", "."],
        heads=[1, 4, 1, 2, 4, 4],
        deps=["amod", "nsubj", "prep", "pobj", "ROOT", "punct"],
        pos=["VERB", "NOUN", "ADP", "PROPN", "VERB", "PUNCT"],
        lemmas=["renew", "aggression", "against", "Ukraine", "grow", "."],
        ents=["O", "O", "O", "B-GPE", "O", "O"],
    )
    assert [m.actor for m in find_loaded(with_actors(nobody))] == [None]


def test_that_clause_read_as_a_relative_clause_is_the_verbs_complement() -> None:
    # "Putin acknowledged for the first time that troops were there": "that" fills no gap.
    ch = chunk(
        words=[
            "Putin",
            "acknowledged",
            "for",
            "the",
            "first",
            "time",
            "that",
            "troops",
            "were",
            "there",
            ".",
        ],
        heads=[1, 1, 1, 5, 5, 2, 8, 8, 5, 8, 1],
        deps=[
            "nsubj",
            "ROOT",
            "prep",
            "det",
            "amod",
            "pobj",
            "advmod",
            "nsubj",
            "relcl",
            "advmod",
            "punct",
        ],
        pos=["PROPN", "VERB", "ADP", "DET", "ADJ", "NOUN", "PRON", "NOUN", "AUX", "ADV", "PUNCT"],
        lemmas=[
            "Putin",
            "acknowledge",
            "for",
            "the",
            "first",
            "time",
            "that",
            "troop",
            "be",
            "there",
            ".",
        ],
        ents=["B-PERSON", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O"],
        tags=["NNP", "VBD", "IN", "DT", "JJ", "NN", "WDT", "NNS", "VBD", "RB", "."],
    )
    assert cues(ch) == [("acknowledged", "endorsing", "Putin")]


def test_relative_clause_gap_is_the_object_of_a_denial() -> None:
    # "…, an accusation Moscow denies": the accusation is what is denied.
    ch = chunk(
        words=["It", "was", "an", "accusation", "Moscow", "denies", "."],
        heads=[1, 1, 3, 1, 5, 3, 1],
        deps=["nsubj", "ROOT", "det", "attr", "nsubj", "relcl", "punct"],
        pos=["PRON", "AUX", "DET", "NOUN", "PROPN", "VERB", "PUNCT"],
        lemmas=["it", "be", "an", "accusation", "Moscow", "deny", "."],
        ents=["O", "O", "O", "O", "B-GPE", "O", "O"],
        tags=["PRP", "VBD", "DT", "NN", "NNP", "VBZ", "."],
    )
    assert ("denies", "denial", "Russia") in cues(ch)


def test_asked_participle_is_a_cue_whose_asker_is_unnamed() -> None:
    # "Asked about it, Obama said it worked": Obama answers; whoever asked is not named.
    ch = chunk(
        words=["Asked", "about", "it", ",", "Obama", "said", "it", "worked", "."],
        heads=[5, 0, 1, 5, 5, 5, 7, 5, 5],
        deps=["advcl", "prep", "pobj", "punct", "nsubj", "ROOT", "nsubj", "ccomp", "punct"],
        pos=["VERB", "ADP", "PRON", "PUNCT", "PROPN", "VERB", "PRON", "VERB", "PUNCT"],
        lemmas=["ask", "about", "it", ",", "Obama", "say", "it", "work", "."],
        ents=["O", "O", "O", "O", "B-PERSON", "O", "O", "O", "O"],
        tags=["VBN", "IN", "PRP", ",", "NNP", "VBD", "PRP", "VBD", "."],
    )
    assert cues(ch) == [("Asked", "neutral", None), ("said", "neutral", "Obama")]


def test_to_blame_after_be_is_no_speech_act() -> None:
    # "Kiev is to blame": responsibility, nobody blames anybody in words here.
    ch = chunk(
        words=["Kiev", "is", "to", "blame", "."],
        heads=[1, 1, 3, 1, 1],
        deps=["nsubj", "ROOT", "aux", "xcomp", "punct"],
        pos=["PROPN", "AUX", "PART", "VERB", "PUNCT"],
        lemmas=["Kiev", "be", "to", "blame", "."],
        ents=["B-GPE", "O", "O", "O", "O"],
        tags=["NNP", "VBZ", "TO", "VB", "."],
    )
    assert cues(ch) == []


def test_light_verb_phrase_needs_what_was_said() -> None:
    # "Obama made it clear that it ended" is speech; "The storm made it clear" is not.
    said = chunk(
        words=["Obama", "made", "it", "clear", "that", "it", "ended", "."],
        heads=[1, 1, 3, 1, 6, 6, 3, 1],
        deps=["nsubj", "ROOT", "nsubj", "ccomp", "mark", "nsubj", "advcl", "punct"],
        pos=["PROPN", "VERB", "PRON", "ADJ", "SCONJ", "PRON", "VERB", "PUNCT"],
        lemmas=["Obama", "make", "it", "clear", "that", "it", "end", "."],
        ents=["B-PERSON", "O", "O", "O", "O", "O", "O", "O"],
        tags=["NNP", "VBD", "PRP", "JJ", "IN", "PRP", "VBD", "."],
    )
    assert cues(said) == [("made it clear", "neutral", "Obama")]
    storm = chunk(
        words=["The", "storm", "made", "it", "clear", "."],
        heads=[1, 2, 2, 4, 2, 2],
        deps=["det", "nsubj", "ROOT", "nsubj", "ccomp", "punct"],
        pos=["DET", "NOUN", "VERB", "PRON", "ADJ", "PUNCT"],
        lemmas=["the", "storm", "make", "it", "clear", "."],
        ents=["O", "O", "O", "O", "O", "O"],
        tags=["DT", "NN", "VBD", "PRP", "JJ", "."],
    )
    assert cues(storm) == []


def test_a_clause_the_parser_hung_on_the_object_is_the_complement() -> None:
    # "Kiev denied the army used force": the complement's verb read as an adjective of the
    # object, with the complement's subject as its own subject
    words = ["Kiev", "denied", "the", "army", "used", "force", "."]
    heads = [1, 1, 3, 4, 5, 1, 1]
    pos = ["PROPN", "VERB", "DET", "NOUN", "VERB", "NOUN", "PUNCT"]
    lemmas = ["Kiev", "deny", "the", "army", "use", "force", "."]
    tags = ["NNP", "VBD", "DT", "NN", "VBN", "NN", "."]
    ents = ["B-GPE", "O", "O", "O", "O", "O", "O"]
    misparsed = chunk(
        words,
        heads,
        ["nsubj", "ROOT", "det", "nsubj", "amod", "dobj", "punct"],
        pos,
        lemmas,
        ents,
        tags,
    )
    assert cues(misparsed) == [("denied", "denial", "Ukraine")]
    # "Kiev denied the used force": an adjective without a subject leaves a plain object
    plain = chunk(
        ["Kiev", "denied", "the", "used", "force", "."],
        [1, 1, 4, 4, 1, 1],
        ["nsubj", "ROOT", "det", "amod", "dobj", "punct"],
        ["PROPN", "VERB", "DET", "VERB", "NOUN", "PUNCT"],
        ["Kiev", "deny", "the", "use", "force", "."],
        ["B-GPE", "O", "O", "O", "O", "O"],
        ["NNP", "VBD", "DT", "VBN", "NN", "."],
    )
    assert cues(plain) == []


def test_a_finite_verb_on_the_object_without_a_subject_is_the_complement() -> None:
    # "Kiev denied the deal needed to be signed": a participle before a passive infinitive
    words = ["Kiev", "denied", "the", "deal", "needed", "to", "be", "signed", "."]
    heads = [1, 1, 3, 1, 3, 7, 7, 4, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "acl", "aux", "auxpass", "xcomp", "punct"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "VERB", "PART", "AUX", "VERB", "PUNCT"]
    lemmas = ["Kiev", "deny", "the", "deal", "need", "to", "be", "sign", "."]
    tags = ["NNP", "VBD", "DT", "NN", "VBN", "TO", "VB", "VBN", "."]
    ents = ["B-GPE", "O", "O", "O", "O", "O", "O", "O", "O"]
    assert cues(chunk(words, heads, deps, pos, lemmas, ents, tags)) == [
        ("denied", "denial", "Ukraine")
    ]
    # "Kiev denied the deal signed in Minsk": a reduced relative, no complement
    reduced = chunk(
        ["Kiev", "denied", "the", "deal", "signed", "in", "Minsk", "."],
        [1, 1, 3, 1, 3, 4, 5, 1],
        ["nsubj", "ROOT", "det", "dobj", "acl", "prep", "pobj", "punct"],
        ["PROPN", "VERB", "DET", "NOUN", "VERB", "ADP", "PROPN", "PUNCT"],
        ["Kiev", "deny", "the", "deal", "sign", "in", "Minsk", "."],
        ["B-GPE", "O", "O", "O", "O", "O", "B-GPE", "O"],
        ["NNP", "VBD", "DT", "NN", "VBN", "IN", "NNP", "."],
    )
    assert cues(reduced) == []


def speaking_name(pronoun: str) -> ParsedArticle:
    """ "Volkov said <pronoun> would resign ." with "Volkov" tagged as an organisation."""
    return chunk(
        words=["Volkov", "said", pronoun, "would", "resign", "."],
        heads=[1, 1, 4, 4, 1, 1],
        deps=["nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct"],
        pos=["PROPN", "VERB", "PRON", "AUX", "VERB", "PUNCT"],
        lemmas=["Volkov", "say", pronoun, "would", "resign", "."],
        ents=["B-ORG", "O", "O", "O", "O", "O"],
        tags=["NNP", "VBD", "PRP", "MD", "VB", "."],
    )


def test_a_one_word_organisation_that_speaks_as_he_is_a_person() -> None:
    actors = with_actors(speaking_name("he")).actors
    assert [(a.name, a.type) for a in actors.actors] == [("Volkov", "PERSON")]
    # referred to as "it", the name stays the organisation the model saw
    actors = with_actors(speaking_name("it")).actors
    assert [(a.name, a.type) for a in actors.actors] == [("Volkov", "ORG")]


def test_a_name_that_speaks_about_him_stays_an_organisation() -> None:
    # "Volkov quoted him as saying ...": "him" is who the organisation talks about, not itself
    article = chunk(
        words=["Volkov", "quoted", "him", "as", "saying", "so", "."],
        heads=[1, 1, 1, 1, 3, 4, 1],
        deps=["nsubj", "ROOT", "dobj", "prep", "pcomp", "advmod", "punct"],
        pos=["PROPN", "VERB", "PRON", "ADP", "VERB", "ADV", "PUNCT"],
        lemmas=["Volkov", "quote", "he", "as", "say", "so", "."],
        ents=["B-ORG", "O", "O", "O", "O", "O", "O"],
        tags=["NNP", "VBD", "PRP", "IN", "VBG", "RB", "."],
    )
    actors = with_actors(article).actors
    assert [(a.name, a.type) for a in actors.actors] == [("Volkov", "ORG")]
