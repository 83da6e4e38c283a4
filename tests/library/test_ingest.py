"""Ingest: text from pastes, files and URLs, and a clear message for every kind of bad input."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from analysis.library.ingest import MAX_BYTES, check_text, from_upload, from_url

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "sample_articles" / "nato-eastern-flank.txt").read_text(encoding="utf-8")
ENGLISH = (
    "The minister said on Wednesday that the talks would continue next week. Officials from "
    "both countries met in the capital, and a spokesman told reporters that there had been "
    "progress on several of the questions that were still open."
)


def test_paste_is_accepted_and_line_endings_normalised() -> None:
    r = check_text("Line one.\r\nLine two said it.\r", title="T")
    assert r.ok
    assert r.text == "Line one.\nLine two said it.\n"
    assert r.title == "T"


@pytest.mark.parametrize("text", ["", "   ", "\n\t \n", "\x00\x00"])
def test_empty_or_whitespace_paste_gets_a_message(text: str) -> None:
    r = check_text(text)
    assert not r.ok
    assert r.error is not None
    assert "empty" in r.error
    assert "Paste or upload" in r.error


def test_ten_megabyte_paste_is_refused_with_the_limit_named() -> None:
    r = check_text("word " * (MAX_BYTES // 5 + 1))
    assert not r.ok
    assert r.error is not None
    assert "10.0 MB limit" in r.error


def test_very_long_but_small_text_is_refused_as_too_long() -> None:
    r = check_text(ENGLISH * 2000)  # ~0.5 MB: under the byte limit, over the length limit
    assert not r.ok
    assert r.error is not None
    assert "very long" in r.error
    assert "Split" in r.error


@pytest.mark.parametrize(
    "text",
    [
        "Le président a déclaré mercredi que la situation à la frontière restait préoccupante, "
        "selon plusieurs sources diplomatiques. Les ministres de la défense se sont réunis à "
        "Bruxelles pour examiner de nouvelles options de dissuasion dans l'est de l'Europe.",
        "Die Bundesregierung hat am Mittwoch erklärt, dass die Lage an der Grenze weiterhin "
        "besorgniserregend sei. Nach Angaben mehrerer Diplomaten trafen sich die "
        "Verteidigungsminister des Bündnisses in Brüssel, um neue Optionen zu prüfen.",
    ],
)
def test_non_english_text_gets_a_message(text: str) -> None:
    r = check_text(text)
    assert not r.ok
    assert r.error is not None
    assert "English" in r.error


def test_every_sample_article_passes_the_english_check() -> None:
    for path in sorted((ROOT / "sample_articles").glob("*.txt")):
        assert check_text(path.read_text(encoding="utf-8")).ok, path.name


def test_txt_upload_utf8_and_windows_1252() -> None:
    r = from_upload("seed.txt", SEED.encode("utf-8"))
    assert r.ok
    assert r.text == SEED
    assert r.source == "seed.txt"
    legacy = from_upload("old.txt", "Caf\u00e9 owners said \u201cno\u201d.".encode("cp1252"))
    assert legacy.ok
    assert legacy.text == "Caf\u00e9 owners said \u201cno\u201d."
    assert any("Windows-1252" in w for w in legacy.warnings)


def test_utf16_with_bom_is_text_not_binary() -> None:
    r = from_upload("u16.txt", ("\ufeff" + ENGLISH).encode("utf-16-le"))
    assert r.ok
    assert r.text.startswith("The minister said")


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        ("noise.md", bytes(range(256)) * 8, "binary"),
        ("program.html", b"\x7fELF\x02\x01\x01" + b"\x00" * 64, "program"),
    ],
)
def test_binary_file_with_a_text_extension_is_refused(name: str, data: bytes, words: str) -> None:
    r = from_upload(name, data)
    assert not r.ok
    assert r.error is not None
    assert words in r.error
    assert ".txt, .md, .html, .pdf or .docx" in r.error


def test_unsupported_extension_and_empty_and_oversized_files() -> None:
    exe = from_upload("setup.exe", b"MZ\x90\x00")
    assert exe.error is not None
    assert "not supported" in exe.error
    empty = from_upload("empty.txt", b"  \n")
    assert empty.error is not None
    assert "empty" in empty.error
    big = from_upload("big.txt", b"a" * (MAX_BYTES + 1))
    assert big.error is not None
    assert "10.0 MB limit" in big.error


def test_markdown_markup_is_removed_but_words_and_quotes_stay() -> None:
    md = b'# NATO meets\n\nStoltenberg **said** the "threat" is [real](http://x.example).\n'
    r = from_upload("a.md", md)
    assert r.ok
    assert r.text.strip() == 'NATO meets\n\nStoltenberg said the "threat" is real.'


def test_html_upload_uses_the_main_text_and_drops_scripts() -> None:
    page = (
        "<html><head><title>Talks resume</title><script>alert(1)</script></head><body>"
        "<nav>Home | World</nav><article>"
        + "".join(f"<p>{ENGLISH} Paragraph {i}.</p>" for i in range(6))
        + "</article></body></html>"
    )
    r = from_upload("page.html", page.encode("utf-8"))
    assert r.ok
    assert "The minister said on Wednesday" in r.text
    assert "Paragraph 5." in r.text
    assert "alert(1)" not in r.text
    assert r.title == "Talks resume"


def test_tiny_html_falls_back_to_visible_text() -> None:
    r = from_upload("t.htm", b"<p>Officials <b>said</b> hello.</p><style>p{}</style>")
    assert r.ok
    assert "Officials said hello." in r.text
    assert "p{}" not in r.text


def test_pdf_with_text_layer(
    make_pdf: Callable[..., bytes], wrap: Callable[..., list[str]]
) -> None:
    data = make_pdf(wrap(ENGLISH), title="Talks resume")
    r = from_upload("talks.pdf", data)
    assert r.ok, r.error
    assert "The minister said on Wednesday" in r.text
    assert "progress on several" in " ".join(r.text.split())
    assert r.title == "Talks resume"


def test_pdf_without_text_layer_says_so(make_pdf: Callable[..., bytes]) -> None:
    r = from_upload("scan.pdf", make_pdf(None))
    assert not r.ok
    assert r.error is not None
    assert "no text layer" in r.error
    assert "OCR" in r.error


def test_damaged_pdf_and_docx_get_messages() -> None:
    pdf = from_upload("broken.pdf", b"%PDF-1.4\nthis is not really a pdf")
    assert pdf.error is not None
    assert "Could not read this PDF" in pdf.error
    word = from_upload("broken.docx", b"PK\x03\x04 not a zip really")
    assert word.error is not None
    assert "Word file" in word.error


def test_docx_upload() -> None:
    document = docx.Document()
    document.core_properties.title = "Minister speaks"
    for part in ENGLISH.split(". "):
        document.add_paragraph(part)
    buf = io.BytesIO()
    document.save(buf)
    r = from_upload("speech.docx", buf.getvalue())
    assert r.ok, r.error
    assert r.title == "Minister speaks"
    assert "The minister said on Wednesday" in r.text


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("", "Type or paste the web address"),
        ("ftp://example.com/a", "http:// or https://"),
        ("http://", "http:// or https://"),
        ("http://example.com:99999/", "port number"),
        ("http://127.0.0.1/", "private or local network"),
    ],
)
def test_bad_urls_get_a_clear_message(url: str, words: str) -> None:
    """Address form; the address rules and fetching are tested in test_fetch.py."""
    r = from_url(url, timeout=3)
    assert not r.ok
    assert r.error is not None
    assert words in r.error
