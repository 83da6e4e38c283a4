"""Page furniture: cut at ingest by lexicon patterns, reported with honest offsets, undoable."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from analysis.lexicons import lexicon_frame
from analysis.library import check_text, from_upload, read_corpus
from analysis.library.furniture import remove_page_furniture, restore_furniture

ROOT = Path(__file__).resolve().parents[2]
PROSE = (
    "President Obama said on Friday that the sanctions would target seven officials close to "
    "the Kremlin. Russia's foreign ministry called the measures counterproductive."
)
MORE = "The European Union is expected to follow with measures of its own later in the week."


def removed(text: str) -> list[tuple[str, str]]:
    """(category, removed text without its whitespace) of every cut."""
    cleaned = remove_page_furniture(text)
    assert cleaned.restored() == text  # nothing is ever lost
    return [(r.category, r.text.strip()) for r in cleaned.removed]


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("Replay More Videos ...", "video"),
        ("JUST WATCHED", "video"),
        ("MUST WATCH", "video"),
        ("Will Obama hit ISIS in Syria? 02:37", "video"),
        ("VIDEO: Obama on the new sanctions", "video"),
        (
            "Enlarge this image toggle caption Tim Brakemeier/EPA/Landov Tim Brakemeier/EPA/Landov",
            "caption",
        ),
        ("Hide Caption 3 of 12", "caption"),
        ("Protesters gather in Kiev on Friday. (AP Photo/Efrem Lukatsky)", "caption"),
        ("Sergei Supinsky/AFP/Getty Images", "credit"),
        ("Photo: Getty Images", "credit"),
        ("Sign up for Daily Newsletters Manage Newsletters", "newsletter"),
        ("Get the Monitor Stories you care about delivered to your inbox.", "newsletter"),
        ("Share this story", "share"),
        ("Share Tweet Email", "ui_word"),
        ("Follow us on Twitter", "share"),
        ("Related stories", "related"),
        ("More On This...", "related"),
        ("STORY:Palace takeover a symbol of change for Ukraine's future", "related"),
        ("Click for more from The Wall Street Journal.", "related"),
        ("Vote Now:", "poll"),
        ("Advertisement", "advert"),
        ("Story continues below advertisement", "advert"),
        (
            "Copyright © 2019 The Washington Times, LLC. Click here for reprint permission.",
            "copyright",
        ),
        ("© 2014 Cable News Network. All Rights Reserved.", "copyright"),
        ("Continue reading", "navigation"),
    ],
)
def test_furniture_lines_are_removed_with_their_category(line: str, category: str) -> None:
    text = f"{PROSE}\n\n{line}\n\n{MORE}"
    assert removed(text) == [(category, line)]
    assert remove_page_furniture(text).text == f"{PROSE}\n\n{MORE}"


@pytest.mark.parametrize(
    "line",
    [
        "The newspaper's subscribers fell by a tenth last year, the company said.",
        "Share prices in Moscow fell sharply after the announcement.",
        "He said he would watch the video again before deciding.",
        "More videos of the clashes appeared online on Thursday, activists said.",
        "It felt like a hangover after a wild party.",
        "Related talks in Geneva ended without a deal.",
        "Analysts predict Yanukovych will be arrested.",
        "Jeremiah 1:18",
        "Photographers were kept away from the square.",
        "The vote is due at 10:30.",
        "Kerry and Lavrov met in Paris.",
        "Special for USA TODAY",
        "By Jane Doe and John Roe",
    ],
)
def test_article_prose_and_headlines_stay(line: str) -> None:
    assert removed(f"{PROSE}\n\n{line}\n\n{MORE}") == []


def test_cnn_video_block_inside_a_paragraph_is_cut_and_the_words_around_it_kept() -> None:
    text = (
        "Obama spoke on Friday. JUST WATCHED Will Obama hit ISIS in Syria? Replay More Videos ... "
        "MUST WATCH Will Obama hit ISIS in Syria? 02:37 Neither Obama nor his NATO counterparts "
        "spoke of ground troops."
    )
    cleaned = remove_page_furniture(text)
    assert cleaned.text == (
        "Obama spoke on Friday. Neither Obama nor his NATO counterparts spoke of ground troops."
    )
    assert [r.category for r in cleaned.removed] == ["video"]


def test_a_list_header_takes_its_short_items_along_and_stops_at_prose() -> None:
    text = f"{PROSE}\n\nRelated\n\nPutin warns West\nKerry meets Lavrov in Paris\n\n{MORE}"
    assert removed(text) == [
        ("related", "Related"),
        ("related", "Putin warns West"),
        ("related", "Kerry meets Lavrov in Paris"),
    ]


def test_a_poll_takes_its_question() -> None:
    text = f"{PROSE}\n\nVote Now:\n\nDo You Approve Or Disapprove of President Obama's Job?"
    assert removed(text) == [
        ("poll", "Vote Now:"),
        ("poll", "Do You Approve Or Disapprove of President Obama's Job?"),
    ]
    assert remove_page_furniture(text).text == PROSE


def test_a_list_item_ending_in_a_colon_introduces_prose_and_stays() -> None:
    text = f"{PROSE}\n\nREAD MORE:\n\nJoshua Yaffa in The New Yorker:\n\n{MORE}"
    assert removed(text) == [("related", "READ MORE:")]


def test_offsets_point_into_the_original_and_the_cleaned_text() -> None:
    text = (
        f"Headline of the story\n\nReplay More Videos ...\n\n{PROSE} (AP Photo/Efrem Lukatsky) "
        f"{MORE}\n\nSign up for Daily Newsletters Manage Newsletters\n"
    )
    cleaned = remove_page_furniture(text)
    shift = 0
    for r in cleaned.removed:
        assert text[r.start : r.end] == r.text
        assert r.at == r.start - shift  # where it was cut from the cleaned text
        shift += r.end - r.start
        assert r.rule.startswith("furniture/")
        assert r.explanation and r.source
    assert cleaned.text == f"Headline of the story\n\n{PROSE} {MORE}\n"
    assert restore_furniture(cleaned.text, cleaned.removed) == text


def test_text_that_is_only_furniture_is_left_alone() -> None:
    text = "Replay More Videos ...\n\nAdvertisement\n"
    cleaned = remove_page_furniture(text)
    assert cleaned.text == text and cleaned.removed == ()


def test_cleaning_twice_changes_nothing_more() -> None:
    text = (
        f"JUST WATCHED\nObama on Ukraine\n{PROSE}\nRelated\nPutin warns West\n\n{MORE}\n"
        "Advertisement"
    )
    once = remove_page_furniture(text)
    assert once.removed
    assert remove_page_furniture(once.text).removed == ()


def test_sample_articles_lose_nothing() -> None:
    for path in sorted((ROOT / "sample_articles").glob("*.txt")):
        assert removed(path.read_text(encoding="utf-8")) == [], path.name


# ---- where text enters ---------------------------------------------------------------------
def test_paste_is_cleaned_and_reports_what_was_cut() -> None:
    r = check_text(f"{PROSE}\n\nReplay More Videos ...\n\n{MORE}")
    assert r.ok
    assert r.text == f"{PROSE}\n\n{MORE}"
    assert [x.category for x in r.removed] == ["video"]
    assert restore_furniture(r.text, r.removed) == f"{PROSE}\n\nReplay More Videos ...\n\n{MORE}"


def test_upload_is_cleaned() -> None:
    data = f"{PROSE}\n\nSign up for Daily Newsletters Manage Newsletters\n\n{MORE}\n".encode()
    r = from_upload("story.txt", data)
    assert r.ok and "Newsletters" not in r.text
    assert [x.category for x in r.removed] == ["newsletter"]


def test_corpus_rows_are_cleaned() -> None:
    row = {"text": f"{PROSE}\n\nAdvertisement\n\n{MORE}", "title": "T"}
    corpus = read_corpus([("c.jsonl", (json.dumps(row) + "\n").encode())])
    (got,) = corpus.rows
    assert got.text == f"{PROSE}\n\n{MORE}"
    assert [x.category for x in got.removed] == ["advert"]


# ---- the lexicon ---------------------------------------------------------------------------
def test_furniture_lexicon_rows_are_valid() -> None:
    frame = lexicon_frame("furniture")
    assert set(frame["scope"]) == {"line", "span", "word", "agency"}
    assert set(frame["case"]) <= {"", "exact"}
    assert all(v == "" or v.isdigit() for v in (*frame["takes_next"], *frame["max_words"]))
    for term in frame.loc[frame["scope"].isin(["line", "span"]), "term"]:
        re.compile(term.replace("{agency}", "AP").replace("{credit}", "X/AP"))
    words = frame.loc[frame["scope"] == "word", "term"]
    assert all(w == w.lower() and " " not in w for w in words)


def test_cleaned_furniture_gives_no_actors_and_offsets_point_into_the_shown_text() -> None:
    from analysis import analyze

    pasted = (
        "Obama weighs strikes\n\nJUST WATCHED\n\nWill Obama hit ISIS in Syria?\n\n"
        "Replay More Videos ...\n\nPresident Barack Obama said on Friday that he would consult "
        "allies. Neither Obama nor his NATO counterparts want ground troops, aides said.\n\n"
        "Get the Monitor Stories you care about delivered to your inbox.\n\n"
        "Copyright © 2019 The Washington Times, LLC. Click here for reprint permission."
    )
    ingested = check_text(pasted)
    result = analyze(ingested.text)
    names = {a.name for a in result.actors}
    assert names >= {"Barack Obama", "NATO"}
    assert not names & {"Replay More Videos", "Monitor Stories", "LLC", "Will Obama"}
    assert not [n for n in names if "Washington Times" in n]
    for m in result.markers:
        assert ingested.text[m.start : m.end] == m.text
