"""Article text from what users give us: pasted text, uploaded files, web addresses.

Everything here is untrusted input. Nothing raises on it: each function returns an
:class:`IngestResult` whose ``error`` (a plain-language sentence saying what to do) is set when no
usable text came out. Documents are read by :mod:`analysis.library.documents` within fixed
limits; web pages are downloaded by :mod:`analysis.library.fetch` (public addresses only, verified
TLS, one deadline) and cleaned with trafilatura (Barbaresi 2021).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urlsplit

from analysis.library.documents import docx_to_text, html_to_text, pdf_to_text
from analysis.library.fetch import FetchedPage, fetch_page
from analysis.library.furniture import Removed, remove_page_furniture
from analysis.library.headline import headline_from_text

MAX_BYTES = 10 * 1024 * 1024
"""Largest paste, upload or downloaded page we accept (10 MB)."""

MAX_CHARS = 300_000
"""Longest text we analyse as one article (about 50,000 words, ~15 s of analysis)."""

MIN_ENGLISH_SHARE = 0.15
"""Below this share of English function words a text of 30+ words is taken as not English."""

URL_TIMEOUT = 10
"""Seconds a whole web-page fetch may take (name lookup, redirects and download together)."""

MAX_NAME = 120
"""File names longer than this are shortened in messages."""

SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx")

_MAGIC = {
    b"%PDF": "a PDF",
    b"PK\x03\x04": "a ZIP archive (perhaps a Word or ODF document)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old-style Office file (.doc/.xls)",
    b"\x7fELF": "a program",
    b"\x1f\x8b": "a gzip archive",
    b"SQLite format 3\x00": "an SQLite database",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
    b"Rar!": "a RAR archive",
    b"\xfd7zXZ\x00": "an xz archive",
    b"OggS": "an audio or video file",
    b"RIFF": "a media file (WAV, AVI or WebP)",
}


@dataclass(frozen=True, slots=True)
class IngestResult:
    """Text obtained from one input, or the reason there is none.

    ``error`` is None when ``text`` is usable; ``warnings`` are things the user should know but
    that did not stop us (an unusual encoding, a page that had little text...); ``removed`` the
    page furniture cut from ``text`` (:mod:`analysis.library.furniture`), which can be put back.
    """

    text: str
    title: str | None
    source: str
    warnings: tuple[str, ...] = ()
    error: str | None = None
    removed: tuple[Removed, ...] = ()

    @property
    def ok(self) -> bool:
        """True when there is text to analyse."""
        return self.error is None


def _fail(source: str, message: str, title: str | None = None) -> IngestResult:
    """A result carrying only an error message."""
    return IngestResult(text="", title=title, source=source, error=message)


def _mb(n: int) -> str:
    """A byte count in megabytes, for messages."""
    return f"{n / (1024 * 1024):.1f} MB"


def check_text(text: str, source: str = "pasted text", title: str | None = None) -> IngestResult:
    """Validate text that is already a string (a paste, or text extracted from a file).

    Args:
        text: the candidate article text.
        source: how to name the input in messages ("pasted text", a file name, a URL).
        title: an optional title to carry along.

    Returns:
        An :class:`IngestResult` with an error for empty, whitespace-only or oversized text;
        page furniture (video links, newsletter boxes, photo credits …) is cut from the text
        and listed in ``removed``.
    """
    size = len(text.encode("utf-8", errors="replace"))
    if size > MAX_BYTES:
        return _fail(
            source,
            f"The {source} is {_mb(size)}, more than the {_mb(MAX_BYTES)} limit. "
            "Analyse one article at a time: paste or upload a single article.",
            title,
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.strip():
        return _fail(
            source,
            f"The {source} is empty (or only spaces). Paste or upload the article text first.",
            title,
        )
    if len(text) > MAX_CHARS:
        words = len(text.split())
        return _fail(
            source,
            f"The {source} is very long ({words:,} words). The limit is about "
            f"{MAX_CHARS // 6:,} words (one long article). Split it into separate articles.",
            title,
        )
    share = english_share(text)
    if share is not None and share < MIN_ENGLISH_SHARE:
        return _fail(
            source,
            f"The {source} does not look like English (only {share:.0%} common English words). "
            "Framing Lens only understands English news text: paste an English article.",
            title,
        )
    cleaned = remove_page_furniture(text)
    return IngestResult(text=cleaned.text, title=title, source=source, removed=cleaned.removed)


_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def english_share(text: str) -> float | None:
    """Share of words that are English function words (spaCy's stop list); None under 30 words.

    Running English prose has 40-55 % function words ("the", "of", "said"...); French, German or
    Spanish text has well under 10 % of *English* ones, so a low share means "not English".
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    words = _WORD.findall(text[:20_000].casefold())
    if len(words) < 30:
        return None
    return sum(w in STOP_WORDS for w in words) / len(words)


def _binary_kind(data: bytes) -> str | None:
    """What a byte string looks like when it is not text (None when it looks like text)."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return what
    sample = data[:8192]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 with a byte-order mark: text with many NULs
    if b"\x00" in sample:
        return "a binary file"
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if sample and controls / len(sample) > 0.05:
        return "a binary file"
    return None


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode text bytes: BOM, then UTF-8, then Windows-1252, then Latin-1; (text, warning)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    # Windows-1252 is what most non-UTF-8 English text on the web and from Word really is.
    try:
        return data.decode("cp1252"), "The file was not UTF-8; it was read as Windows-1252."
    except UnicodeDecodeError:
        return data.decode("latin-1"), "The file was not UTF-8; it was read as Latin-1."


# Spans are bounded ({1,300}) and never cross a line: an unclosed "*" or "[" then costs a short
# scan, not one to the end of the text (unbounded lazy spans made 120 K characters of "*a " take
# 50 s: quadratic backtracking).
_MD_RULES = (
    (re.compile(r"!\[[^\]\n]{0,300}\]\([^)\n]{0,2000}\)"), ""),  # images
    (re.compile(r"\[([^\]\n]{1,300})\]\([^)\n]{0,2000}\)"), r"\1"),  # links keep their words
    (re.compile(r"^[ ]{0,3}#{1,6}[ \t]+", re.M), ""),  # heading marks
    (re.compile(r"^[ ]{0,3}>[ ]?", re.M), ""),  # block quotes
    (re.compile(r"(\*\*|__)(?=\S)([^\n]{1,300}?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*(?![\w*])"), r"\1"),  # italics
    (re.compile(r"^[ ]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.M), ""),  # horizontal rules
)


def _markdown_to_text(md: str) -> str:
    """Plain text from Markdown: drop markup a reader does not see, keep every word and quote."""
    for pattern, repl in _MD_RULES:
        md = pattern.sub(repl, md)
    return md


def from_upload(name: str, data: bytes) -> IngestResult:
    """Article text from an uploaded file (.txt, .md, .html, .pdf, .docx).

    Args:
        name: the file name as uploaded (its extension picks the reader).
        data: the file's bytes.

    Returns:
        An :class:`IngestResult`; ``error`` explains empty, binary, oversized, scanned or
        unreadable files and what to do about them.
    """
    source = display_name(name)
    ext = PurePath(source).suffix.lower()
    refused = _refused_upload(source, ext, data)
    if refused is not None:
        return refused
    read = _document_text(source, ext, data)
    if isinstance(read, IngestResult):
        return read
    text, title, warnings = read
    result = check_text(unicodedata.normalize("NFC", text), source=source, title=title)
    if result.ok and result.text.count("\ufffd") > max(10, len(result.text) // 100):
        warnings.append("Some characters could not be decoded and show as '\ufffd'.")
    if not result.ok:
        return result
    # A file without a title of its own (a .txt, a PDF without metadata) is titled by its first
    # line when that reads like a headline, as the paste box does; else the page names it.
    title = title or headline_from_text(result.text)
    return IngestResult(result.text, title, source, tuple(warnings), removed=result.removed)


def _refused_upload(source: str, ext: str, data: bytes) -> IngestResult | None:
    """The failure for an oversized, empty or unsupported file; None when it may be read."""
    if len(data) > MAX_BYTES:
        return _fail(
            source,
            f"{source} is {_mb(len(data))}, more than the {_mb(MAX_BYTES)} limit. "
            "Upload a single article (or paste its text).",
        )
    if not data.strip():
        return _fail(source, f"{source} is empty. Choose the file that holds the article.")
    if ext not in SUPPORTED:
        return _fail(
            source,
            f"{source}: files of type '{ext or 'no extension'}' are not supported. "
            f"Use one of {', '.join(SUPPORTED)}.",
        )
    return None


def _document_text(
    source: str, ext: str, data: bytes
) -> tuple[str, str | None, list[str]] | IngestResult:
    """(text, title, warnings) read from the file by its type, or the failure to show."""
    if ext in (".pdf", ".docx"):
        reader = pdf_to_text if ext == ".pdf" else docx_to_text
        text, title, error = reader(data, MAX_CHARS)
        if error:
            return _fail(source, f"{source}: {error}", title)
        return text, title, []
    kind = _binary_kind(data)
    if kind:
        return _fail(
            source,
            f"{source} does not contain readable text (it looks like {kind}). "
            "Upload the article as .txt, .md, .html, .pdf or .docx.",
        )
    decoded, warning = decode_bytes(data)
    warnings = [warning] if warning else []
    if ext not in (".html", ".htm") and len(decoded) > 2 * MAX_CHARS:
        return check_text(decoded, source=source)  # refused as too long, before any markup work
    if ext in (".html", ".htm"):
        text, title, more = html_to_text(decoded)
        return text, title, warnings + list(more)
    if ext in (".md", ".markdown"):
        return _markdown_to_text(decoded), None, warnings
    return decoded, None, warnings


def display_name(name: str) -> str:
    """An uploaded file's name as shown in messages: no folders, no control characters, short."""
    base = PurePath(str(name).replace("\\", "/")).name
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip()
    if len(base) > MAX_NAME:
        _stem, dot, ext = base.rpartition(".")
        keep = ("." + ext) if dot and len(ext) <= 10 else ""
        base = base[: MAX_NAME - len(keep) - 1] + "…" + keep
    return base or "uploaded file"


def from_url(url: str, *, timeout: float = URL_TIMEOUT) -> IngestResult:
    """Article text from a public web page, fetched safely and cleaned with trafilatura.

    Args:
        url: an http(s) address.
        timeout: seconds for the whole fetch, redirects included.

    Returns:
        An :class:`IngestResult`; ``error`` explains malformed addresses, refused addresses
        (private, local, link-local, multicast...: the server must not be used to reach internal
        machines), unverifiable certificates, downloads that fail or time out, and pages with no
        article text.
    """
    url = (url or "").strip()
    if not url:
        return _fail("web address", "Type or paste the web address (URL) of the article first.")
    if "://" not in url:
        url = "https://" + url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return _fail(
            url,
            "That is not a web address we can fetch. Use one starting with http:// or https://.",
        )
    try:
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        return _fail(url, "The port number in that web address is not valid.")
    return ingest_page(fetch_page(url, timeout=timeout, max_bytes=MAX_BYTES))


def ingest_page(page: FetchedPage) -> IngestResult:
    """Article text from a downloaded page (the second half of :func:`from_url`)."""
    url = page.url
    if page.refused:
        return _fail(
            url,
            f"That address is not fetched: {page.error}. This tool only fetches public web "
            "pages (never private or local networks); use the article's public address, or "
            "paste its text.",
        )
    if not page.ok:
        return _fail(
            url,
            f"Could not download that page: {page.error}. Check the address, or copy the "
            "article text and paste it.",
        )
    if page.content_type not in ("text/html", "application/xhtml+xml", "text/plain"):
        return _fail(
            url,
            f"That address is a {page.content_type or 'non-text'} file, not a web page: "
            "download it and use “Upload files”, or paste its text.",
        )
    html = _decode_page(page)
    if page.content_type == "text/plain":
        text, title, warnings = html, None, list[str]()
    else:
        text, title, warnings = html_to_text(html, url=page.final_url)
    if not text.strip():
        return _fail(
            url,
            "The page downloaded but no article text was found in it (it may need JavaScript "
            "or a login). Copy the article text and paste it.",
            title,
        )
    result = check_text(text, source=url, title=title)
    if not result.ok:
        return result
    return IngestResult(result.text, title, url, tuple(warnings), removed=result.removed)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def _decode_page(page: FetchedPage) -> str:
    """The page's text: the charset the server named, else the page's <meta>, else our guess."""
    charsets = [page.charset] if page.charset else []
    sniffed = _META_CHARSET.search(page.body[:4096])
    if sniffed:
        charsets.append(sniffed.group(1).decode("ascii"))
    for charset in charsets:
        try:
            return page.body.decode(charset, errors="replace")
        except LookupError:
            continue
    return decode_bytes(page.body)[0]
