"""The pipeline: step order, structured markers, explanations composed from lexicon rows."""

from __future__ import annotations

from analysis import ENGINE_VERSION, analyze
from analysis.engine import EXTRACTORS, analyze_parsed, load_model, parse
from analysis.engine.explain import explanation_for, with_actor
from analysis.lexicons import load_lexicon
from analysis.vocabulary import REASONS, UNNAMED_SPEAKER


def test_quotes_run_after_the_markers_they_read() -> None:
    order = [extract.__name__ for _kind, extract in EXTRACTORS]
    assert order.index("find_quotes") > order.index("find_attributions")
    assert order.index("find_quotes") > order.index("find_doubt")
    assert order.index("resolve_quoted_first_person") > order.index("find_quotes")


def test_analyze_parsed_gives_what_analyze_gives() -> None:
    text = 'NATO warns\n"We see no pullback," Jens Stoltenberg claimed on Monday.'
    direct = analyze(text)
    again = analyze_parsed(parse(text, load_model()))
    assert again.markers == direct.markers and again.actors == direct.actors
    assert again.engine_version == ENGINE_VERSION and again.title == "NATO warns"


def test_attribution_markers_carry_their_facts_as_fields() -> None:
    result = analyze("NATO's Jens Stoltenberg claimed that troops remained.")
    (m,) = result.markers_of("attribution")
    assert (m.text, m.category, m.actor, m.cue, m.rule) == (
        "claimed",
        "distancing",
        "Jens Stoltenberg",
        "claim",
        "reporting_verbs/claim",
    )
    entry = load_lexicon("reporting_verbs")["claim"]
    assert m.explanation == f"{entry.explanation} (Speaker: Jens Stoltenberg.)"
    assert m.source == entry.source


def test_a_new_actor_recomposes_the_explanation_from_the_lexicon_row() -> None:
    result = analyze("Officials claimed that troops remained.")
    (m,) = result.markers_of("attribution")
    assert m.actor is None and UNNAMED_SPEAKER in m.explanation
    moved = with_actor(m, "Russia", reason="quoted_first_person")
    entry = load_lexicon("reporting_verbs")["claim"]
    assert moved.explanation == f"{entry.explanation} (Speaker: Russia, quoted.)"
    assert moved.reason in REASONS and moved.actor == "Russia"


def test_first_person_cue_inside_a_quote_says_why_it_has_its_speaker() -> None:
    text = '"I declare that elections will be held early," Viktor Yanukovych said.'
    declare = next(m for m in analyze(text).markers_of("attribution") if m.text == "declare")
    assert declare.actor == "Viktor Yanukovych" and declare.reason == "quoted_first_person"


def test_scare_quote_reasons_and_explanations() -> None:
    result = analyze('NATO warned of an alleged Russian "threat". The "invasion" talk went on.')
    reasons = {m.text: m.reason for m in result.markers_of("scare_quote")}
    assert reasons == {"threat": "doubt_word", "invasion": "no_speaker"}
    assert explanation_for("scare_quote", "scare", "Base.", "Russia") == "Base. (About: Russia.)"
    assert explanation_for("scare_quote", "partial_quote", "B.", "X") == "B. (Speaker: X.)"
