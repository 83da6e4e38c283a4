"""The neutral rewrite: distancing words become neutral in the same form; scare quotes go."""

from __future__ import annotations

import pytest

from analysis.lexicons import load_lexicon
from analysis.present.neutral_rewrite import neutral_rewrite, rewrite_html
from analysis.records import ArticleAnalysis, Marker


def analysis_of(
    text: str, cues: list[tuple[str, str, str]], nouns_: bool = False
) -> ArticleAnalysis:
    """An analysis of ``text`` with a marker per (words, kind, category), first occurrence."""
    nouns = load_lexicon("reporting_nouns")  # noun markers carry their noun row's explanation
    markers = []
    for words, kind, category in cues:
        start = text.index(words)
        lemma = {"claims": "claim", "allegations": "allegation"}.get(words, "")
        explanation = nouns[lemma].explanation if nouns_ and lemma in nouns else "why"
        markers.append(
            Marker(kind, category, words, start, start + len(words), None, explanation, "MOS")
        )
    return ArticleAnalysis(text=text, title=None, words=len(text.split()), engine_version="t",
                           markers=tuple(markers))  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "cue", "expected"),
    [
        ("Stoltenberg claimed that Russia stayed.", "claimed", "Stoltenberg said that Russia"),
        ("Russia claims the drills are over.", "claims", "Russia says the drills"),
        ("She is insisting that it is true.", "insisting", "She is saying that"),
        ("They allege that he lied.", "allege", "They say that he lied"),
        ("Claimed NATO: nothing moved.", "Claimed", "Said NATO"),
        ("He argued that it was fine.", "argued", "He said that"),
        ("The minister maintains it.", "maintains", "The minister says it"),
    ],
)
def test_distancing_verbs_become_said_in_the_same_form(
    sentence: str, cue: str, expected: str
) -> None:
    result = neutral_rewrite(analysis_of(sentence, [(cue, "attribution", "distancing")]))
    assert result.text.startswith(expected)
    (change,) = result.changes
    assert change.before == cue and sentence[change.start : change.end] == cue


def test_reporting_nouns_become_statements() -> None:
    text = "Russia's claims were rejected. Her allegations too."
    result = neutral_rewrite(
        analysis_of(text, [("claims", "attribution", "distancing"),
                           ("allegations", "attribution", "distancing")])
    )  # fmt: skip
    assert result.text == "Russia's statements were rejected. Her statements too."


def test_scare_quotes_lose_their_marks_and_partial_quotes_keep_theirs() -> None:
    text = 'the alleged Russian "threat" is a “new normal” he said'
    result = neutral_rewrite(
        analysis_of(text, [("threat", "scare_quote", "scare"),
                           ("new normal", "scare_quote", "partial_quote")])
    )  # fmt: skip
    assert result.text == "the alleged Russian threat is a “new normal” he said"
    assert [c.before for c in result.changes] == ['"', '"']


def test_other_stances_only_when_asked() -> None:
    text = "Belarus confirmed that troops left. He admitted it. Zakharova denied it."
    cues = [("confirmed", "attribution", "endorsing"), ("admitted", "attribution", "admission"),
            ("denied", "attribution", "denial")]  # fmt: skip
    assert neutral_rewrite(analysis_of(text, cues)).text == text
    wide = neutral_rewrite(analysis_of(text, cues), ("endorsing", "admission", "denial"))
    # "denied" has no neutral alternative (it would change the meaning): it stays.
    assert wide.text == "Belarus said that troops left. He said it. Zakharova denied it."


def test_neutral_words_and_unknown_cues_stay() -> None:
    text = "He said it. She purported to know."
    cues = [("said", "attribution", "neutral"), ("purported", "attribution", "distancing")]
    assert neutral_rewrite(analysis_of(text, cues)).changes == ()


def test_html_escapes_the_article_and_marks_the_edits() -> None:
    text = 'Russia claimed <script>x</script> a "threat".'
    result = neutral_rewrite(
        analysis_of(text, [("claimed", "attribution", "distancing"),
                           ("threat", "scare_quote", "scare")])
    )  # fmt: skip
    old, new = rewrite_html(result)
    assert "<script>" not in old + new and "&lt;script&gt;" in new
    assert "<del" in old and ">claimed</del>" in old and ">said</ins>" in new
    assert "&quot;" not in new.split("</ins>")[-1]


def test_seed_article_rewrite() -> None:
    from analysis import analyze
    from ui.samples import seed

    result = neutral_rewrite(analyze(seed().text))
    assert "Jens Stoltenberg said that Russia" in result.text
    assert "claimed" not in result.text
    assert 'alleged Russian "threat"' not in result.text
    assert "alleged Russian threat" in result.text


@pytest.mark.parametrize(
    ("text", "words", "rule", "expected"),
    [
        ("Russia claims it left.", "claims", "reporting_verbs/claim", "Russia says it left."),
        ("Russia's claims were false.", "claims", "reporting_nouns/claim",
         "Russia's statements were false."),
        ("He was insisting on it.", "insisting", "reporting_verbs/insist", "He was saying on it."),
        ("She pointed out that it rained.", "pointed out", "reporting_verbs/point out",
         "She said that it rained."),
        ("He retorted that it was false.", "retorted", "reporting_verbs/retort",
         "He replied that it was false."),
        ("He denied it.", "denied", "reporting_verbs/deny", "He denied it."),
    ],
)  # fmt: skip
def test_the_markers_own_lexicon_row_decides(
    text: str, words: str, rule: str, expected: str
) -> None:
    start = text.index(words)
    marker = Marker("attribution", "distancing", words, start, start + len(words), None, "x", "y",
                    rule=rule)  # fmt: skip
    analysis = ArticleAnalysis(text=text, title=None, words=4, engine_version="t",
                               markers=(marker,))  # fmt: skip
    assert neutral_rewrite(analysis, ("distancing",)).text == expected
