"""Text is text (issue 16): the escaping helpers, and titles in report HTML, PDF and bundles."""

from __future__ import annotations

import dataclasses
import io
import re

import pypdf
import pytest

from analysis.present.bundle import read_bundle, write_bundle
from analysis.present.report import build_article_report, report_html, report_pdf
from analysis.present.text import JOINER, escape_html, escape_markdown, plain, shown_text
from tests.present.export_sample import sample_analysis

NASTY = [
    "![t](http://127.0.0.1:8791/b)",
    "[o](http://127.0.0.1:8791/phish)",
    "**bold** _it_ ~~s~~ `code` # h",
    ":red[x] :material/home: :streamlit: $x^2$",
    "<img src=x onerror=alert(1)> &amp;",
    "www.example.com a@b.com",
]


@pytest.mark.parametrize("text", NASTY)
def test_markdown_escaping_leaves_no_markup_and_shows_the_same_characters(text: str) -> None:
    out = escape_markdown(text)
    assert shown_text(out) == text
    bare = out.replace(JOINER, "")
    assert not re.search(r"(?<!\\)[!\[\]()*_`#<>:$~]", bare)  # every punctuation mark escaped
    assert not re.search(r":[\w/]", out.replace("\\", ""))  # no ":word:" or "://" left intact


def test_control_and_direction_characters_are_removed() -> None:
    assert plain("a\u202eevil\u202c\x1b[31m b\n c") == "aevil[31m b c"
    assert escape_html("<b>\u202e") == "&lt;b&gt;"
    assert plain("x" * 50, limit=10) == "x" * 9 + "…"


def nasty_title() -> str:
    return NASTY[0] + " <script>alert(1)</script> " + NASTY[3]


def test_report_html_title_and_heading_are_the_literal_text() -> None:
    a = dataclasses.replace(sample_analysis(), title=nasty_title())
    page = report_html(build_article_report(a)).decode("utf-8")
    escaped = escape_html(nasty_title())
    assert f"<title>{escaped} — Framing Lens report</title>" in page
    assert f"<h1>{escaped}</h1>" in page
    assert "<script>alert(1)</script>" not in page


def test_pdf_title_is_the_literal_text() -> None:
    from analysis.present.export import static_export_available

    assert static_export_available(), "the PDF report needs Chromium (apt-get install chromium)"
    a = dataclasses.replace(sample_analysis(), title=nasty_title())
    meta = pypdf.PdfReader(io.BytesIO(report_pdf(build_article_report(a)))).metadata
    assert meta is not None and meta.title == f"{nasty_title()} — Framing Lens report"


def test_bundle_fields_keep_the_literal_text() -> None:
    a = dataclasses.replace(sample_analysis(), title=nasty_title())
    loaded = read_bundle(write_bundle(a, labels=[{"outlet": NASTY[1]}]))
    assert loaded.analyses[0].title == nasty_title()
    assert loaded.labels[0]["outlet"] == NASTY[1]
    assert loaded.manifest["entries"][0]["title"] == nasty_title()
