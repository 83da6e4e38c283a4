"""PDF reflow: a PDF's printed lines give the same text and markers as the same article as .txt."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from analysis import analyze
from analysis.library.ingest import from_upload
from analysis.library.reflow import PrintedLine, reflow_lines

HEADLINE = "Monitors to return to the border"
PARAGRAPHS = (
    "The Organization for Security and Cooperation in Europe said on Wednesday that its "
    "monitors would return to the border next month.",
    'Moscow claimed the mission was a "peace effort" in name only, and a spokesman for the '
    "ministry allegedly told reporters that the observers were spies.",
    "Officials in Kyiv insisted the monitors were welcome.",
)
TXT = HEADLINE + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n"

# The same article as a PDF prints it: a headline, then paragraphs broken into lines of a column,
# the organisation's name broken across two lines and "Cooperation" hyphenated at a line end.
PRINTED = [
    HEADLINE,
    "",
    "The Organization for Security and Coope-",
    "ration in Europe said on Wednesday that its monitors would",
    "return to the border next month.",
    "",
    'Moscow claimed the mission was a "peace effort" in name only,',
    "and a spokesman for the ministry allegedly told reporters",
    "that the observers were spies.",
    "",
    "Officials in Kyiv insisted the monitors were welcome.",
]


def markers(text: str) -> list[tuple[str, str, str, str | None]]:
    result = analyze(text)
    return [(m.kind, m.category, m.text, m.actor) for m in result.markers]


def test_a_pdf_gives_the_text_and_markers_of_the_same_article_as_txt(
    make_pdf: Callable[..., bytes],
) -> None:
    pdf = from_upload("monitors.pdf", make_pdf(PRINTED))
    txt = from_upload("monitors.txt", TXT.encode("utf-8"))
    assert pdf.ok, pdf.error
    assert txt.ok, txt.error
    assert "Organization for Security and Cooperation in Europe" in pdf.text
    assert pdf.text.split("\n\n") == txt.text.strip().split("\n\n")  # paragraphs kept, not merged
    expected = markers(txt.text)
    assert expected  # the article has markers to compare
    assert markers(pdf.text) == expected
    assert {a.name for a in analyze(pdf.text).actors} == {a.name for a in analyze(txt.text).actors}


def test_both_uploads_take_the_headline_as_title(make_pdf: Callable[..., bytes]) -> None:
    assert from_upload("monitors.txt", TXT.encode("utf-8")).title == HEADLINE
    assert from_upload("monitors.pdf", make_pdf(PRINTED)).title == HEADLINE
    assert from_upload("monitors.pdf", make_pdf(PRINTED, title="Own title")).title == "Own title"
    body_only = "\n\n".join(PARAGRAPHS).encode("utf-8")  # first line a sentence: no title
    assert from_upload("body.txt", body_only).title is None


@pytest.mark.parametrize(
    ("lines", "text"),
    [
        # lower case after the hyphen: one word; capital: a hyphenated compound
        ([("the Coope-", 700), ("ration of states", 686)], "the Cooperation of states"),
        ([("the Franco-", 700), ("German border", 686)], "the Franco-German border"),
        # a wider gap starts a paragraph
        ([("One line", 700), ("goes on", 686), ("New one", 660)], "One line goes on\n\nNew one"),
        # without heights: a short line ending a sentence ends its paragraph
        (
            [("A long line of running text goes on", None), ("here.", None), ("Next one", None)],
            "A long line of running text goes on here.\n\nNext one",
        ),
    ],
)
def test_reflow_rules(lines: list[tuple[str, float | None]], text: str) -> None:
    assert reflow_lines([[PrintedLine(t, y) for t, y in lines]]) == text


def test_a_paragraph_going_on_over_a_page_break_is_joined() -> None:
    pages = [
        [PrintedLine("The talks went on until", 100)],
        [PrintedLine("late at night.", 760), PrintedLine("Then they stopped.", 746)],
    ]
    assert reflow_lines(pages) == "The talks went on until late at night. Then they stopped."
