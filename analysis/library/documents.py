"""Text out of uploaded documents (Word .docx, PDF, HTML), within fixed limits of size and work.

Each reader returns ``(text, title, error)`` and never raises on the file's content: a parser
library meeting a hostile file can raise almost anything, and the user needs one sentence, not a
traceback. The limits are checked *before* the parser sees the data wherever the format allows:
a .docx is a zip, so every part is decompressed under :mod:`analysis.library.archive`'s running
totals before python-docx opens it; pypdf runs under tightened decoding limits of its own
(``pypdf.apply_configuration``) and stops at a page and text budget.
"""

from __future__ import annotations

import io
import re
import time
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from analysis.library.archive import ArchiveError, ZipLimits, open_zip
from analysis.library.reflow import PrintedLine, reflow_lines

if TYPE_CHECKING:
    from pypdf import PageObject, PdfReader

MB = 1024 * 1024
DOCX_LIMITS = ZipLimits(
    max_members=2_000, max_member_bytes=16 * MB, max_total_bytes=64 * MB, max_ratio=200
)
"""A long article's document.xml is well under 2 MB; images may add tens of MB, text never."""

MAX_PDF_PAGES = 1_000
PDF_STREAM_BYTES = 20 * MB
"""Largest decoded PDF stream (a page's drawing instructions, an image) pypdf may produce."""

PDF_SECONDS = 30.0
"""Text extraction stops (with a message) when a PDF takes longer than this."""

Read = tuple[str, str | None, str | None]


def docx_to_text(data: bytes, max_chars: int) -> Read:
    """(text, title, error) of a Word .docx file: parts checked as a zip, then python-docx."""
    try:
        with open_zip(data, DOCX_LIMITS) as archive:
            archive.read_all()  # every part python-docx will load, decompressed within limits
    except ArchiveError as exc:
        return (
            "",
            None,
            f"This Word file was not opened: {exc}; save it again from Word, or paste the "
            "text instead.",
        )
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        if getattr(document.element, "body", None) is None:
            return (
                "",
                None,
                (
                    "This Word file has no document body (word/document.xml is damaged or not "
                    "a Word document); save it again from Word, or paste the text instead."
                ),
            )
        text = "\n".join(p.text for p in document.paragraphs).strip()
        title = (document.core_properties.title or "").strip() or None
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        return (
            "",
            None,
            f"Could not open this Word file ({type(exc).__name__}). Only .docx works (not the "
            "old .doc format): save it as .docx or copy and paste the text.",
        )
    except Exception as exc:  # python-docx/lxml raise many types on garbage; the message is it
        return "", None, f"Could not read this Word file ({type(exc).__name__}); is it damaged?"
    if len(text) > max_chars:
        return "", title, _too_long(max_chars)
    return text, title, None


def _too_long(max_chars: int) -> str:
    """The message for a document with more text than one article."""
    return (
        f"It holds more than {max_chars:,} characters of text (about {max_chars // 6:,} words, "
        "one long article); split it into separate articles."
    )


def pdf_to_text(data: bytes, max_chars: int) -> Read:
    """(text, title, error) of a PDF's text layer, read with pypdf under tightened limits."""
    import pypdf

    limits: dict[str, Any] = dict.fromkeys(
        (
            "maximum_declared_stream_length",
            "array_based_stream_maximum_output_length",
            "jbig2_maximum_output_length",
            "lzw_maximum_output_length",
            "run_length_maximum_output_length",
            "zlib_maximum_output_length",
            "brotli_maximum_output_length",
            "image_maximum_buffer_size",
        ),
        PDF_STREAM_BYTES,
    )
    try:
        with pypdf.apply_configuration(None, jbig2dec_binary=None, **limits):
            return _pdf_pages(pypdf.PdfReader(io.BytesIO(data)), max_chars)
    except Exception as exc:  # pypdf on a damaged file raises many types; one sentence for users
        return "", None, f"Could not read this PDF ({type(exc).__name__}); is it damaged?"


def _pdf_pages(reader: PdfReader, max_chars: int) -> Read:
    """Text of every page of an open ``pypdf.PdfReader``, within the page/text/time budget."""
    if reader.is_encrypted and not reader.decrypt(""):
        return "", None, "This PDF is password-protected. Save an unprotected copy first."
    meta = reader.metadata
    title = str(meta.title).strip() if meta is not None and meta.title else None
    if len(reader.pages) > MAX_PDF_PAGES:
        return "", title, f"It has {len(reader.pages):,} pages; at most {MAX_PDF_PAGES:,} are read."
    started = time.monotonic()
    pages: list[list[PrintedLine]] = []
    chars = 0
    for page in reader.pages:  # one page at a time: the budget is checked between pages
        pages.append(_printed_lines(page))
        chars += sum(len(line.text) + 1 for line in pages[-1])
        if chars > max_chars:
            return "", title, _too_long(max_chars)
        if time.monotonic() - started > PDF_SECONDS:
            return (
                "",
                title,
                f"Reading its text took longer than {PDF_SECONDS:.0f} s; paste the text instead.",
            )
    # Printed lines, not paragraphs: joined back so that line breaks do not change the analysis.
    text = reflow_lines(pages)
    if not text.strip():
        return (
            "",
            title,
            "This PDF has no text layer (it is probably a scanned image). Run it through OCR, "
            "or copy the article text and paste it instead.",
        )
    return text, title, None


def _printed_lines(page: PageObject) -> list[PrintedLine]:
    """The lines of a PDF page with their baselines (from pypdf's text visitor), or without
    baselines when the visited pieces do not add up to the extracted text."""
    pieces: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
        pieces.append((text, tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))

    text = page.extract_text(visitor_text=visit) or ""
    lines: list[PrintedLine] = []
    current, y = "", None
    for piece, height in pieces:
        for i, part in enumerate(piece.split("\n")):
            if i:
                lines.append(PrintedLine(current, y))
                current, y = "", None
            if part.strip() and y is None:
                y = height
            current += part
    lines.append(PrintedLine(current, y))
    if "\n".join(line.text for line in lines).strip() != text.strip():
        return [PrintedLine(line) for line in text.splitlines()]
    return lines


class _TextCollector(HTMLParser):
    """Visible text of an HTML document (fallback when trafilatura finds no main text)."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head"})
    _BLOCK = frozenset(
        {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: str | None = None
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in self._SKIP:
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in self._SKIP and self._skip:
            self._skip -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = (self.title or "") + data.strip()
        elif not self._skip:
            self.parts.append(data)

    def text(self) -> str:
        """The collected text with runs of blank lines collapsed."""
        joined = "".join(self.parts)
        lines = [re.sub(r"[ \t\f\v]+", " ", line).strip() for line in joined.split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _visible_text(html: str) -> tuple[str, str | None]:
    """(text, title) of all visible text, by the standard library's forgiving HTML parser."""
    collector = _TextCollector()
    try:
        collector.feed(html)
        collector.close()
    except Exception:  # a malformed declaration can still trip the parser: keep what it read
        pass
    return collector.text(), collector.title


def html_to_text(html: str, url: str | None = None) -> tuple[str, str | None, list[str]]:
    """(text, title, warnings) of an HTML page: trafilatura's main text, else all visible text.

    trafilatura: Barbaresi (2021), "Trafilatura: A Web Scraping Library and Command-Line Tool
    for Text Discovery and Extraction".
    """
    import trafilatura  # heavy import, needed only for HTML

    warnings: list[str] = []
    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, include_comments=False, include_tables=False, with_metadata=True
        )
    except Exception as exc:  # trafilatura on hostile HTML: fall back, never crash the page
        warnings.append(f"The main-text extractor failed ({type(exc).__name__}); used all text.")
    text = getattr(doc, "text", None) if doc is not None else None
    title = getattr(doc, "title", None) if doc is not None else None
    if not isinstance(text, str) or not text.strip():
        text, fallback_title = _visible_text(html)
        title = title or fallback_title
        if text:
            warnings.append(
                "Could not find a main article in the page, so all of its visible text is used "
                "(menus and captions may be included)."
            )
    title = title if isinstance(title, str) else None
    return text or "", title or None, warnings
