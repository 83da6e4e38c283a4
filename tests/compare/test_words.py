"""Distinctive words: normalised apostrophes, no honorifics, reporting verbs or page chrome,
names left out on request, and each word's sentences."""

from __future__ import annotations

from analysis.compare import Comparison, Entry, LogOddsComparer
from analysis.compare.log_odds import content_stop_words, normalise_terms, sentences_with


def test_apostrophes_and_possessives_are_one_word() -> None:
    assert normalise_terms("Ukraine’s") == normalise_terms("ukraine's") == "ukraine"
    assert normalise_terms("the “so-called” troops") == 'the "so-called" troops'
    fw = LogOddsComparer(stop_words=None, normalise=True).fit(
        ["Ukraine’s army", "ukraine's army", "Ukraine army"], ["A", "B", "C"]
    )
    assert list(fw.terms_) == ["army", "ukraine"]
    assert fw.counts_[:, 1].tolist() == [1, 1, 1]


def test_stop_word_file_is_well_formed_data() -> None:
    from analysis.compare.log_odds import stop_word_rows
    from analysis.lexicons import REQUIRED_COLUMNS

    rows = stop_word_rows()
    assert list(rows.columns[:4]) == list(REQUIRED_COLUMNS)
    assert (rows[list(REQUIRED_COLUMNS)] != "").all().all()
    assert rows["term"].is_unique


def test_honorifics_reporting_verbs_and_page_chrome_are_not_content() -> None:
    stop = content_stop_words()
    assert {"mr", "mrs", "says", "said", "claimed", "insists", "photos", "caption", "hide",
            "et"} <= stop  # fmt: skip
    assert {"ukraine", "sanctions", "troops", "regime"}.isdisjoint(stop)


def entries() -> list[Entry]:
    texts = [
        ("CNN", "Photos: Mr Putin says Ukraine’s army hide caption. Sanctions hit Moscow hard."),
        ("CNN", "Hide caption. Mr Putin said sanctions hurt. Sanctions, sanctions everywhere."),
        ("Wire", "Zelensky claimed the ukraine's army held. Troops held the line near Kharkiv."),
        ("Wire", "Zelensky says troops advanced. Troops and more troops arrived in Kharkiv."),
    ]
    summary = {"words": 12, "actors": [
        {"name": "Vladimir Putin", "type": "PERSON", "mentions": 1},
        {"name": "Volodymyr Zelensky", "type": "PERSON", "mentions": 1},
        {"name": "Kharkiv", "type": "PLACE", "mentions": 1},
    ], "markers": []}  # fmt: skip
    return [Entry(g, t, summary, f"{g} {i}", i + 1) for i, (g, t) in enumerate(texts)]


def test_comparison_words_are_content_and_names_can_be_left_out() -> None:
    comparison = Comparison(entries())
    terms = comparison.distinctive_terms(n=10, min_z=-99)
    cnn = [t["term"] for t in terms["CNN"]]
    assert cnn[0] == "sanctions"
    assert not {"photos", "caption", "hide", "mr", "says", "said"} & set(cnn)
    wire = [t["term"] for t in terms["Wire"]]
    assert "troops" in wire and "zelensky" in wire
    without = comparison.distinctive_terms(n=10, min_z=-99, leave_out_names=True)
    words = {t["term"] for g in without.values() for t in g}
    assert not {"putin", "zelensky", "kharkiv", "vladimir"} & words
    assert "troops" in words


def test_words_link_to_their_sentences() -> None:
    comparison = Comparison(entries())
    found = comparison.term_sentences("ukraine")
    assert found["group"].tolist() == ["CNN", "Wire"]
    first = found.iloc[0]
    assert first["sentence"].startswith("Photos: Mr Putin says Ukraine’s army")
    assert first["sentence"][first["start"] : first["end"]] == "Ukraine’s"
    assert comparison.term_sentences("troops", group="Wire", limit=1)["title"].tolist() == [
        "Wire 2"
    ]
    assert sentences_with("No match here.", "ukraine") == []
