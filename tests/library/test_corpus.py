"""Reading corpora: CSV, JSONL and article files, with malformed rows reported by line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.library.corpus import parse_date, read_corpus
from analysis.library.samples import SAMPLES_DIR, sample_rows


def test_csv_with_optional_columns_and_multiline_text() -> None:
    data = (
        b"Title,TEXT,outlet,date,url,extra\n"
        b'"One","First article,\nover two lines",Wire,2022-02-16,https://e.x/1,x\n'
        b'Two,"Second ""quoted"" text",,16/02/2022,,\n'
    )
    corpus = read_corpus([("c.csv", data)])
    assert corpus.errors == ()
    one, two = corpus.rows
    assert (one.title, one.outlet, one.date, one.url) == (
        "One",
        "Wire",
        "2022-02-16",
        "https://e.x/1",
    )
    assert one.text == "First article,\nover two lines"
    assert one.line == 2
    assert (two.title, two.outlet, two.date, two.text) == (
        "Two",
        None,
        "2022-02-16",
        'Second "quoted" text',
    )
    assert two.line == 4  # the multi-line row before it took lines 2 and 3


def test_malformed_csv_rows_are_reported_by_line_and_the_rest_imports() -> None:
    data = (
        "text,title,date\n"
        "good one,A,2022-01-01\n"
        ",empty text,\n"
        "bad date,B,someday\n"
        "too,many,cells,here\n"
        "\n"
        "good two,C,\n"
        "good three,D,2022-01-01\n"
    )
    corpus = read_corpus([("c.csv", data.encode())])
    assert [r.title for r in corpus.rows] == ["A", "C", "D"]
    lines = {e.line: e.message for e in corpus.errors}
    assert sorted(lines) == [3, 4, 5]
    assert "'text' cell is empty" in lines[3]
    assert "someday" in lines[4]
    assert "4 cells" in lines[5]
    assert str(corpus.errors[0]).startswith("c.csv, line 3:")


def test_csv_without_text_column_is_one_clear_error() -> None:
    corpus = read_corpus([("c.csv", b"title,body\nA,some text\n")])
    assert corpus.rows == ()
    [err] = corpus.errors
    assert err.line == 1
    assert "no 'text' column" in err.message


def test_jsonl_rows_and_errors() -> None:
    lines = [
        json.dumps({"text": "one", "outlet": "Wire", "constructed": True}),
        "{not json",
        json.dumps(["a list"]),
        "",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "two", "constructed": "maybe"}),
        json.dumps({"Text": "three", "date": "2022-02-16T10:00:00Z"}),
    ]
    corpus = read_corpus([("c.jsonl", "\n".join(lines).encode())])
    assert [(r.text, r.line) for r in corpus.rows] == [("one", 1), ("three", 7)]
    assert corpus.rows[0].constructed is True
    assert corpus.rows[1].date == "2022-02-16"
    assert [e.line for e in corpus.errors] == [2, 3, 5, 6]
    assert "not valid JSON" in corpus.errors[0].message
    assert "constructed" in corpus.errors[3].message


def test_text_and_html_files_are_one_article_each(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Headline here\nBody of the article.", encoding="utf-8")
    html = (
        "<html><head><title>Page &amp; title</title></head><body><article><p>"
        + "NATO chief Jens Stoltenberg said the alliance would respond. " * 8
        + "</p></article></body></html>"
    )
    (tmp_path / "b.html").write_text(html, encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"")
    corpus = read_corpus(
        [tmp_path / "a.txt", tmp_path / "b.html", tmp_path / "c.txt", tmp_path / "missing.csv"]
    )
    a, b = corpus.rows
    assert a.title == "Headline here"
    assert a.text.startswith("Headline here\nBody")
    assert "Stoltenberg said" in b.text
    assert "<p>" not in b.text
    assert [e.source for e in corpus.errors] == ["c.txt", str(tmp_path / "missing.csv")]
    assert "empty" in corpus.errors[0].message
    assert "cannot read" in corpus.errors[1].message


def test_non_utf8_csv_is_read_with_a_note() -> None:
    corpus = read_corpus([("c.csv", "text\ncaf\xe9 article\n".encode("cp1252"))])
    assert corpus.rows[0].text == "café article"
    assert corpus.warnings
    assert "Windows-1252" in corpus.warnings[0]


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2022-02-16", "2022-02-16"),
        (" 2022-02-16T23:59:00+00:00 ", "2022-02-16"),
        ("16.02.2022", "2022-02-16"),
        ("February 16, 2022", "2022-02-16"),
        ("16 February 2022", "2022-02-16"),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(raw: str | None, iso: str | None) -> None:
    assert parse_date(raw) == iso


@pytest.mark.parametrize("raw", ["2022", "2022-13-01", "yesterday"])
def test_parse_date_refuses_vague_or_wrong_dates(raw: str) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_date(raw)


def test_sample_corpus_index_lists_every_file_with_metadata() -> None:
    rows = sample_rows()
    files = {p.name for p in SAMPLES_DIR.glob("*.txt")}
    assert {r.source for r in rows} == files
    assert len(rows) >= 7
    seed = [r for r in rows if r.source == "nato-eastern-flank.txt"]
    assert len(seed) == 1
    assert seed[0].constructed is False
    assert seed[0].outlet == "Seed article"
    constructed = [r for r in rows if r.constructed]
    assert len(constructed) >= 6
    assert len({r.outlet for r in constructed}) >= 6
    for r in rows:
        assert r.title
        assert r.outlet
        assert parse_date(r.date) == r.date
        assert 250 <= len(r.text.split()) <= 520, r.source
        assert r.text.splitlines()[0] == r.title.replace("\u2019", "'") or r.text.startswith(
            r.title
        ), r.source
