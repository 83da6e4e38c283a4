"""Hostile and broken uploads: every one gets one clear sentence, bounded work, no exception.

The crash and exhaustion cases of issues 15 and 16, each built from a real, valid file with one
thing changed (tests/hostile_inputs.py).
"""

from __future__ import annotations

import io
import time
import tracemalloc
import warnings
import zipfile

import pytest

from analysis.library import archive, documents
from analysis.library.archive import ZipLimits, open_zip
from analysis.library.ingest import MAX_BYTES, MAX_CHARS, check_text, from_upload
from tests.hostile_inputs import (
    ENGLISH,
    bomb_member,
    declare_size,
    rename_member,
    rezip,
    set_method,
    set_version,
    valid_docx,
    valid_html,
    valid_pdf,
)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_a_valid_docx_still_reads() -> None:
    r = from_upload("speech.docx", valid_docx())
    assert r.ok, r.error
    assert r.title == "Minister speaks"
    assert "The minister said on Wednesday" in r.text


@pytest.mark.parametrize(
    "xml",
    [
        f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"/>',  # a document with no body
        '<?xml version="1.0"?><notword/>',  # not a Word document element at all
    ],
)
def test_a_docx_with_no_body_gets_a_message(xml: str) -> None:
    """Issue 15: AttributeError 'lxml.etree._Element' object has no attribute 'body'."""
    data = rezip(valid_docx(), replace={"word/document.xml": xml.encode()})
    r = from_upload("nobody.docx", data)
    assert not r.ok
    assert r.error is not None
    assert r.error.startswith("nobody.docx: This Word file has no document body")


@pytest.mark.slow
def test_a_docx_zip_bomb_is_refused_before_python_docx_parses_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 16: a small .docx whose document.xml inflates to 100 MB cost 30 s and +800 MB."""
    import docx

    opened: list[object] = []
    real = docx.Document
    monkeypatch.setattr(docx, "Document", lambda *a, **k: opened.append(a) or real(*a, **k))
    data = rezip(valid_docx(), replace={"word/document.xml": bomb_member(100 * 1024 * 1024)})
    assert len(data) < 1024 * 1024  # a cheap request...
    tracemalloc.start()
    started = time.monotonic()
    r = from_upload("bomb.docx", data)
    seconds = time.monotonic() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert not r.ok
    assert r.error is not None
    assert "word/document.xml would unpack to 100.0 MB, more than the 16.0 MB" in r.error
    assert "save it again from Word" in r.error
    assert opened == []  # ...refused from the zip directory alone
    assert peak < 20 * 1024 * 1024 and seconds < 5  # ...at a cheap cost


def test_a_docx_part_inflating_like_a_zip_bomb_is_refused_unread() -> None:
    """Under the size limit, but a thousand times its compressed size: only bombs do that."""
    data = rezip(valid_docx(), replace={"word/document.xml": bomb_member(12 * 1024 * 1024)})
    r = from_upload("ratio.docx", data)
    assert r.error is not None
    assert "word/document.xml would inflate" in r.error and "zip bombs" in r.error


def test_a_docx_part_lying_about_its_size_is_stopped_while_reading() -> None:
    """The declared size says 1 KB; the data inflates further: reading stops at the claim."""
    big = bomb_member(30 * 1024 * 1024)
    data = declare_size(rezip(valid_docx(), replace={"word/document.xml": big}),
                        "word/document.xml", 1024)  # fmt: skip
    r = from_upload("liar.docx", data)
    assert r.error is not None
    assert "word/document.xml" in r.error
    assert "damaged" in r.error or "more data than it declares" in r.error


def test_a_docx_part_declaring_a_huge_size_is_refused_unread() -> None:
    data = declare_size(valid_docx(), "word/document.xml", 3_000_000_000)
    r = from_upload("huge.docx", data)
    assert r.error is not None
    assert "word/document.xml would unpack to 2861.0 MB" in r.error


@pytest.mark.parametrize(("method", "name"), [(9, "Deflate64"), (99, "method 99"), (12, "bzip2")])
def test_a_docx_with_an_unsupported_compression_method_is_refused(method: int, name: str) -> None:
    data = set_method(valid_docx(), "word/document.xml", method)
    r = from_upload("odd.docx", data)
    assert r.error is not None
    assert f"word/document.xml is compressed with {name}, which is not supported" in r.error


def test_a_docx_needing_a_newer_zip_version_is_refused() -> None:
    """Found by tests/fuzz (in a bundle): zipfile raises NotImplementedError for it."""
    r = from_upload("new.docx", set_version(valid_docx(), "word/document.xml", 84))
    assert r.error is not None and "zip file version 8.4" in r.error


@pytest.mark.parametrize("bad", ["../evil.xml", "/etc/passwd", "C:\\evil.xml", "a/../../b.xml"])
def test_a_docx_with_an_escaping_member_name_is_refused(bad: str) -> None:
    data = rename_member(valid_docx(), "docProps/app.xml", bad)
    r = from_upload("escape.docx", data)
    assert r.error is not None
    assert repr(bad) in r.error
    assert "absolute path" in r.error or "climbs out of the archive" in r.error


def test_a_docx_with_too_many_members_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents, "DOCX_LIMITS", ZipLimits(20, 1 << 24, 1 << 26))
    data = rezip(valid_docx(), add={f"junk/{i}.xml": b"<x/>" for i in range(30)})
    r = from_upload("many.docx", data)
    assert r.error is not None and "parts; at most 20 are read" in r.error


def test_an_encrypted_or_duplicated_member_is_refused() -> None:
    data = bytearray(valid_docx())
    # Set the "encrypted" flag bit on every central-directory entry.
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        data[pos + 8] |= 0x1
        pos = data.find(b"PK\x01\x02", pos + 4)
    r = from_upload("locked.docx", bytes(data))
    assert r.error is not None and "password-protected" in r.error
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate it writes
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr("a.xml", b"<a/>")
            zf.writestr("a.xml", b"<b/>")
    with pytest.raises(archive.ArchiveError, match="appears twice"):
        open_zip(buf.getvalue(), ZipLimits(10, 1 << 20, 1 << 20))


def test_broken_pdfs_get_messages() -> None:
    pdf = valid_pdf()
    for data in (b"%PDF-1.4\nthis is not really a pdf", pdf[: len(pdf) // 2], pdf[:9]):
        r = from_upload("broken.pdf", data)
        assert not r.ok
        assert r.error is not None and r.error.startswith("broken.pdf: ")


def test_a_pdf_with_more_text_than_one_article_is_refused() -> None:
    from tests.conftest import build_pdf

    lines = [ENGLISH[:90]] * 50
    data = build_pdf(lines)
    r = documents.pdf_to_text(data, max_chars=1000)
    assert r[2] is not None and "more than 1,000 characters" in r[2]


@pytest.mark.parametrize(
    "html",
    [
        b"<html><body><![foo[ x ]]></body></html>",  # html.parser: AssertionError
        b"<html><body><![if !supportLists]><p>a</p>",
        b"\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00",  # UTF-16 with a BOM
        b"<" * 50_000,
    ],
)
def test_broken_html_gets_a_message_or_text_never_an_exception(html: bytes) -> None:
    r = from_upload("page.html", html)
    assert r.ok or (r.error is not None and r.error.startswith(("page.html", "The page.html")))


def test_a_valid_html_page_still_reads() -> None:
    r = from_upload("page.html", valid_html())
    assert r.ok, r.error
    assert r.title == "Talks continue"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"SQLite format 3\x00" + b"\x01" * 500, "an SQLite database"),
        (b"7z\xbc\xaf\x27\x1c" + b"x" * 500, "a 7-Zip archive"),
        (b"\x7fELF" + b"\x02" * 500, "a program"),
        (bytes(range(256)) * 40, "a binary file"),
    ],
)
def test_binary_files_with_a_text_extension_are_refused(data: bytes, kind: str) -> None:
    for name in ("article.txt", "article.md", "article.html"):
        r = from_upload(name, data)
        assert r.error is not None
        assert kind in r.error


@pytest.mark.slow
def test_twenty_megabytes_of_text_are_refused_at_once() -> None:
    big = (ENGLISH + "\n") * (20 * 1024 * 1024 // len(ENGLISH))
    started = time.monotonic()
    pasted = check_text(big)
    uploaded = from_upload("huge.txt", big.encode())
    assert time.monotonic() - started < 5
    assert pasted.error is not None and "MB, more than the 10.0 MB limit" in pasted.error
    assert uploaded.error is not None and "more than the 10.0 MB limit" in uploaded.error


@pytest.mark.parametrize("unit", ["*a ", "[a ", "**a ", "![", "__a ", "[x]("])
@pytest.mark.slow
def test_markdown_markup_removal_is_linear(unit: str) -> None:
    """Unclosed emphasis/links made the old patterns backtrack quadratically (120 K chars: 50 s)."""
    data = (unit * (MAX_CHARS // len(unit))).encode()
    started = time.monotonic()
    r = from_upload("notes.md", data)
    assert time.monotonic() - started < 10
    assert r.ok or r.error is not None


def test_a_file_name_is_shown_short_and_without_control_characters() -> None:
    r = from_upload("../../" + "x" * 300 + "\x1b[31m.txt", b"")
    assert r.error is not None
    name = r.error.split(" is empty")[0]
    assert "\x1b" not in name and "/" not in name and len(name) <= 120
    assert name.endswith(".txt")


def test_upload_limit_is_ten_megabytes() -> None:
    assert MAX_BYTES == 10 * 1024 * 1024
