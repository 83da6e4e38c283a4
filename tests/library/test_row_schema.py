"""Imported rows are checked against the row schema: wrong JSON types are refused by column."""

from __future__ import annotations

import json

import pytest

from analysis.library.corpus import read_corpus

TEXT = "The minister said on Wednesday that the talks would continue next week."


def _jsonl(*rows: dict) -> bytes:
    return "\n".join(json.dumps(r) for r in rows).encode()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"text": TEXT, "title": ["a", "b"]}, "title must be text, not a list"),
        ({"text": TEXT, "outlet": {"name": "x"}}, "outlet must be text, not an object"),
        ({"text": TEXT, "url": True}, "url must be text, not true/false"),
        ({"text": 12345}, "the 'text' must be the article text, not a number"),
        ({"text": ["a"]}, "the 'text' must be the article text, not a list"),
        ({"title": "no text"}, "the 'text' cell is empty"),
        ({"text": TEXT, "date": ["2022"]}, "date must be text such as 2022-02-17, not a list"),
        ({"text": TEXT, "date": "soon"}, "is not a date we understand"),
        ({"text": TEXT, "constructed": "maybe"}, "constructed must be true or false"),
        ({"text": TEXT, "added": 5}, "added must be an ISO 8601 time, not a number"),
        ({"text": TEXT, "title": "x" * 5000}, "title is 5,000 characters; at most 1,000"),
    ],
)
def test_a_row_with_a_wrong_type_is_refused_by_line_and_column(row: dict, message: str) -> None:
    corpus = read_corpus([("rows.jsonl", _jsonl({"text": TEXT + " One."}, row))])
    assert [r.text for r in corpus.rows] == [TEXT + " One."]  # the good row still imports
    assert len(corpus.errors) == 1
    err = corpus.errors[0]
    assert (err.source, err.line) == ("rows.jsonl", 2)
    assert message in err.message


def test_numbers_as_metadata_are_accepted_as_text() -> None:
    corpus = read_corpus([("rows.jsonl", _jsonl({"text": TEXT, "title": 2022, "outlet": 7}))])
    assert corpus.errors == ()
    assert (corpus.rows[0].title, corpus.rows[0].outlet) == ("2022", "7")


def test_csv_rows_go_through_the_same_schema() -> None:
    csv_bytes = (
        "text,title,date,constructed\n"
        f'"{TEXT}",Fine,2022-02-17,false\n'
        f'"{TEXT} Again.",{"y" * 1200},2022-02-18,no\n'
    ).encode()
    corpus = read_corpus([("rows.csv", csv_bytes)])
    assert [r.title for r in corpus.rows] == ["Fine"]
    assert corpus.errors[0].line == 3 and "title is 1,200 characters" in corpus.errors[0].message
