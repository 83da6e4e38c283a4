"""Article text from what users give us: pasted text, uploaded files, web addresses.

Everything here is untrusted input. Nothing raises on it: each function returns an
:class:`IngestResult` whose ``error`` (a plain-language sentence saying what to do) is set when no
usable text came out. Web pages are fetched and cleaned with trafilatura (Barbaresi 2021,
"Trafilatura: A Web Scraping Library and Command-Line Tool for Text Discovery and Extraction"),
with its protection against fetching private/local addresses (SSRF) left on.
"""

from __future__ import annotations

import io
import ipaddress
import re
import socket
import unicodedata
from configparser import ConfigParser
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import PurePath
from urllib.parse import urlsplit

from analysis.library.furniture import Removed, remove_page_furniture

MAX_BYTES = 10 * 1024 * 1024
"""Largest paste, upload or downloaded page we accept (10 MB)."""

MAX_CHARS = 300_000
"""Longest text we analyse as one article (about 50,000 words, ~15 s of analysis)."""

MIN_ENGLISH_SHARE = 0.15
"""Below this share of English function words a text of 30+ words is taken as not English."""

URL_TIMEOUT = 10
"""Seconds to wait for a web page before giving up."""

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


_MD_RULES = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their words
    (re.compile(r"^\s{0,3}#{1,6}\s+", re.M), ""),  # heading marks
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),  # block quotes
    (re.compile(r"(\*\*|__)(\S(?:.*?\S)?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(\S(?:.*?\S)?)\*(?![\w*])"), r"\1"),  # italics
    (re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$", re.M), ""),  # horizontal rules
)


def _markdown_to_text(md: str) -> str:
    """Plain text from Markdown: drop markup a reader does not see, keep every word and quote."""
    for pattern, repl in _MD_RULES:
        md = pattern.sub(repl, md)
    return md


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


def _html_to_text(html: str, url: str | None = None) -> tuple[str, str | None, list[str]]:
    """(text, title, warnings) of an HTML page: trafilatura's main text, else all visible text."""
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
    if not text or not text.strip():
        collector = _TextCollector()
        collector.feed(html)
        collector.close()
        text = collector.text()
        title = title or collector.title
        if text:
            warnings.append(
                "Could not find a main article in the page, so all of its visible text is used "
                "(menus and captions may be included)."
            )
    return text or "", title or None, warnings


def _pdf_to_text(data: bytes) -> tuple[str, str | None, str | None]:
    """(text, title, error) of a PDF's text layer, read with pypdf."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            return "", None, "This PDF is password-protected. Save an unprotected copy first."
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata
        title = str(meta.title).strip() if meta is not None and meta.title else None
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        return "", None, f"Could not read this PDF ({type(exc).__name__}); is it damaged?"
    # pypdf hyphenates at line ends like the printed page did; join those words back.
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", "\n\n".join(p.strip() for p in pages))
    if not text.strip():
        return (
            "",
            title,
            "This PDF has no text layer (it is probably a scanned image). Run it through OCR, "
            "or copy the article text and paste it instead.",
        )
    return text, title, None


def _docx_to_text(data: bytes) -> tuple[str, str | None, str | None]:
    """(text, title, error) of a Word .docx file, read with python-docx."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        return (
            "",
            None,
            f"Could not open this Word file ({type(exc).__name__}). Only .docx works (not the old "
            ".doc format): save it as .docx or copy and paste the text.",
        )
    except Exception as exc:  # zipfile/lxml raise many types on garbage; the message is the point
        return "", None, f"Could not open this Word file ({type(exc).__name__}); is it damaged?"
    paragraphs = [p.text for p in document.paragraphs]
    title = (document.core_properties.title or "").strip() or None
    return "\n".join(paragraphs).strip(), title, None


def from_upload(name: str, data: bytes) -> IngestResult:
    """Article text from an uploaded file (.txt, .md, .html, .pdf, .docx).

    Args:
        name: the file name as uploaded (its extension picks the reader).
        data: the file's bytes.

    Returns:
        An :class:`IngestResult`; ``error`` explains empty, binary, oversized, scanned or
        unreadable files and what to do about them.
    """
    source = PurePath(name).name or "uploaded file"
    ext = PurePath(source).suffix.lower()
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
    warnings: list[str] = []
    title: str | None = None
    if ext == ".pdf":
        text, title, error = _pdf_to_text(data)
        if error:
            return _fail(source, f"{source}: {error}", title)
    elif ext == ".docx":
        text, title, error = _docx_to_text(data)
        if error:
            return _fail(source, f"{source}: {error}", title)
    else:
        kind = _binary_kind(data)
        if kind:
            return _fail(
                source,
                f"{source} does not contain readable text (it looks like {kind}). "
                "Upload the article as .txt, .md, .html, .pdf or .docx.",
            )
        decoded, warning = decode_bytes(data)
        if warning:
            warnings.append(warning)
        if ext in (".html", ".htm"):
            text, title, more = _html_to_text(decoded)
            warnings.extend(more)
        elif ext in (".md", ".markdown"):
            text = _markdown_to_text(decoded)
        else:
            text = decoded
    result = check_text(unicodedata.normalize("NFC", text), source=source, title=title)
    if result.ok and result.text.count("\ufffd") > max(10, len(result.text) // 100):
        warnings.append("Some characters could not be decoded and show as '\ufffd'.")
    if not result.ok:
        return result
    return IngestResult(result.text, title, source, tuple(warnings), removed=result.removed)


def _non_public_reason(host: str, port: int) -> str | None:
    """Why ``host`` must not be fetched (private/local address), or None when it is public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError):
        return None  # unresolvable: reported as a failed download below
    for info in infos:
        addr = ipaddress.ip_address(info[4][0])
        addr = getattr(addr, "ipv4_mapped", None) or addr
        if not addr.is_global:
            return str(addr)
    return None


def _trafilatura_config(timeout: int) -> ConfigParser:
    """trafilatura's default settings with our timeout and size limit; SSRF protection stays on."""
    from trafilatura.settings import DEFAULT_CONFIG

    config = ConfigParser()
    config.read_dict({s: dict(DEFAULT_CONFIG[s]) for s in DEFAULT_CONFIG.sections()})
    config.read_dict({"DEFAULT": dict(DEFAULT_CONFIG.defaults())})
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(timeout))
    config.set("DEFAULT", "MAX_FILE_SIZE", str(MAX_BYTES))
    config.set("DEFAULT", "SSRF_PROTECTION", "on")
    return config


def from_url(url: str, *, timeout: int = URL_TIMEOUT) -> IngestResult:
    """Article text from a public web page, fetched and cleaned with trafilatura.

    Args:
        url: an http(s) address.
        timeout: seconds to wait for the server.

    Returns:
        An :class:`IngestResult`; ``error`` explains malformed addresses, private/local addresses
        (refused: the server must not be used to reach internal machines), downloads that fail or
        time out, and pages with no article text.
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
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return _fail(url, "The port number in that web address is not valid.")
    blocked = _non_public_reason(parts.hostname, port)
    if blocked:
        return _fail(
            url,
            f"That address points to a private or local network ({blocked}), which this tool "
            "does not fetch. Use the public address of the article, or paste its text.",
        )
    import trafilatura

    try:
        response = trafilatura.fetch_response(url, decode=True, config=_trafilatura_config(timeout))
    except Exception as exc:  # network stacks raise many types; the user needs one sentence
        response = None
        detail = f" ({type(exc).__name__})"
    else:
        detail = ""
    if response is None or response.status != 200 or not (response.html or response.data):
        status = f" (the server answered {response.status})" if response is not None else detail
        return _fail(
            url,
            f"Could not download that page{status}: the site may be down, slow (we wait "
            f"{timeout} s), blocking robots, or the address may be wrong. Check the address, or "
            "copy the article text and paste it.",
        )
    html = response.html or decode_bytes(response.data)[0]
    text, title, warnings = _html_to_text(html, url=url)
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
