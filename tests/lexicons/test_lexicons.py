"""Every lexicon CSV is well-formed data: required columns, filled rows, no duplicate terms."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.lexicons import (
    REQUIRED_COLUMNS,
    TEMPLATES,
    lexicon_file_frame,
    lexicon_frame,
    lexicon_names,
    load_lexicon,
)
from analysis.records import STANCES

NAMES = lexicon_names()
UPOS = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON"}
UPOS |= {"PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}


def _terms(frame: pd.DataFrame) -> pd.Series:
    return frame["term"].map(lambda t: " ".join(t.split()).lower())


def test_the_project_ships_its_lexicons() -> None:
    assert {"reporting_verbs", "reporting_nouns", "doubt", "loaded"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_required_columns_present(name: str) -> None:
    missing = set(REQUIRED_COLUMNS) - set(lexicon_frame(name).columns)
    assert not missing, f"{name}.csv lacks {missing}"


@pytest.mark.parametrize("name", [n for n in NAMES if n != TEMPLATES])
def test_no_empty_required_cell(name: str) -> None:
    frame = lexicon_frame(name)
    for col in REQUIRED_COLUMNS:
        empty = frame.loc[frame[col].str.strip() == "", "term"].tolist()
        assert not empty, f"{name}.csv: empty {col} for {empty[:5]}"


@pytest.mark.parametrize("name", NAMES)
def test_no_duplicate_terms(name: str) -> None:
    terms = _terms(lexicon_frame(name))
    dups = sorted(set(terms[terms.duplicated()]))
    assert not dups, f"{name}.csv repeats {dups[:10]}"


@pytest.mark.parametrize("name", NAMES)
def test_load_lexicon_keys_are_lowercase_terms(name: str) -> None:
    lex = load_lexicon(name)
    assert len(lex) == len(lexicon_frame(name))
    assert all(k == k.lower() and "  " not in k for k in lex)


def test_reporting_verbs_stances_and_requires() -> None:
    frame = lexicon_frame("reporting_verbs")
    assert set(frame["category"]) <= set(STANCES)
    assert set(frame["category"]) == set(STANCES), "every stance should have verbs"
    assert set(frame["requires"]) <= {"", "clause", "speech", "speaker", "quote"}
    assert 120 <= len(frame) <= 250


@pytest.mark.parametrize(
    ("verb", "stance", "requires"),
    [
        ("say", "neutral", ""),
        ("tell", "neutral", ""),
        ("claim", "distancing", ""),
        ("allege", "distancing", ""),
        ("insist", "distancing", ""),
        ("argue", "distancing", ""),
        ("defend", "distancing", "speech"),
        ("maintain", "distancing", "speech"),
        ("hold", "distancing", "speech"),
        ("confirm", "endorsing", "clause"),
        ("point out", "endorsing", "clause"),
        ("admit", "admission", ""),
        ("deny", "denial", "speech"),
        ("reject", "denial", ""),
        ("mock", "emotive", ""),
        ("slam", "emotive", ""),
        ("criticize", "emotive", ""),
        ("warn", "emotive", ""),
        ("emphasize", "neutral", "clause"),
        ("call for", "neutral", ""),
        ("tweet", "neutral", ""),
        ("add", "neutral", "speech"),
    ],
)
def test_guideline_verbs(verb: str, stance: str, requires: str) -> None:
    frame = lexicon_frame("reporting_verbs").set_index("term")
    assert frame.loc[verb, "category"] == stance
    assert frame.loc[verb, "requires"] == requires


def test_reporting_nouns_use_stances() -> None:
    frame = lexicon_frame("reporting_nouns")
    assert set(frame["category"]) <= set(STANCES)
    lex = load_lexicon("reporting_nouns")
    assert lex["according to"].category == "neutral"
    assert lex["claim"].category == "distancing"
    assert lex["denial"].category == "denial"


def test_doubt_categories() -> None:
    frame = lexicon_frame("doubt")
    assert set(frame["category"]) <= {"hedge_label", "hedge_adverb", "hedge_phrase", "unsupported"}
    lex = load_lexicon("doubt")
    for term in ("alleged", "allegedly", "so-called", "purported", "self-proclaimed"):
        assert term in lex


def test_loaded_optional_columns_are_valid() -> None:
    frame = lexicon_frame("loaded")
    cats = {"label", "violence", "emotion", "exaggeration", "derogatory", "moral", "glorifying"}
    assert set(frame["category"]) <= cats
    assert set(frame["match"]) <= {"lemma", "exact"}
    pos = {p for cell in frame["pos"] for p in cell.split("|") if p}
    assert pos <= UPOS, pos - UPOS
    for col in ("except_prev", "except_next"):
        words = [w for cell in frame[col] for w in cell.split("|") if w]
        assert all(w == w.lower() and " " not in w for w in words)
    assert len(frame) >= 300


@pytest.mark.parametrize("name", ["reporting_verbs", "reporting_nouns"])
def test_neutral_alternatives_are_neutral_terms_of_the_same_lexicon(name: str) -> None:
    frame = lexicon_frame(name)
    neutral_terms = set(frame.loc[frame["category"] == "neutral", "term"])
    with_alternative = frame[frame["neutral"] != ""]
    assert set(with_alternative["neutral"]) <= neutral_terms
    # Neutral rows need none; denials have none (a neutral word would change the meaning).
    assert not set(with_alternative["category"]) & {"neutral", "denial"}
    assert len(with_alternative) >= 10


def test_distancing_verbs_have_said_as_their_neutral_alternative() -> None:
    frame = lexicon_frame("reporting_verbs").set_index("term")
    for verb in ("claim", "allege", "insist", "argue", "maintain", "contend", "assert"):
        assert frame.loc[verb, "neutral"] == "say"


@pytest.mark.parametrize("name", [n for n in NAMES if n != TEMPLATES])
def test_blank_explanations_are_filled_by_a_category_template(name: str) -> None:
    """A row may leave explanation/source empty only where its category has a template."""
    templates = load_lexicon(TEMPLATES)
    written = lexicon_file_frame(name)
    for col in ("explanation", "source"):
        blank = written[written[col].str.strip() == ""]
        for category in sorted(set(blank["category"])):
            template = templates.get(f"{name}/{category}".lower())
            assert template is not None and getattr(template, col), (name, category, col)


def test_every_template_is_used_and_names_an_existing_category() -> None:
    for key in load_lexicon(TEMPLATES):
        name, _, category = key.partition("/")
        assert name in NAMES, key
        written = lexicon_file_frame(name)
        rows = written[written["category"] == category]
        assert len(rows), f"{key}: no rows of that category"
        used = (rows["explanation"].str.strip() == "") | (rows["source"].str.strip() == "")
        assert used.any(), f"{key} fills no row; remove it"


def test_a_template_fills_term_and_other_columns_and_a_row_can_override_it() -> None:
    places = load_lexicon("places")
    assert places["afghanistan"].explanation == "'Afghanistan' names the country Afghanistan."
    written = lexicon_file_frame("reporting_verbs").set_index("term")
    resolved = load_lexicon("reporting_verbs")
    template = load_lexicon(TEMPLATES)["reporting_verbs/neutral"]
    # "say" has a source of its own: it overrides the stance's template
    assert written.loc["say", "source"] and resolved["say"].source == written.loc["say", "source"]
    blank = written[(written["source"] == "") & (written["category"] == "neutral")].index
    assert len(blank) and all(resolved[t.lower()].source == template.source for t in blank)


def test_each_template_gives_an_explanation_or_a_source() -> None:
    for key, entry in load_lexicon(TEMPLATES).items():
        assert entry.category == "template" and (entry.explanation or entry.source), key
