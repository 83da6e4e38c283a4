"""Shareable article addresses: every analysed article gets a short key (``/analyze?article=…``).

The key is the first 16 hex digits of the SHA-256 of the text and its title, outlet and web
address, so the same article always gets the same address and different metadata a different
one. The text is kept on the server in the library file (table ``shared_articles``), nowhere
else; opening the address later — after a reload, a server restart, or on another computer —
reads it back from there.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from analysis.library.store import Library

KEY_LENGTH = 16
_KEY = re.compile(r"^[0-9a-f]{16}$")


@dataclass(frozen=True, slots=True)
class SharedArticle:
    """An article reachable by its address key."""

    key: str
    text: str
    title: str | None
    outlet: str | None
    url: str | None


def article_key(text: str, title: str | None, outlet: str | None, url: str | None) -> str:
    """The address key of an article (16 hex digits)."""
    parts = "\x00".join((text, title or "", outlet or "", url or ""))
    return hashlib.sha256(parts.encode("utf-8", errors="surrogatepass")).hexdigest()[:KEY_LENGTH]


def share_article(
    library: Library,
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> str:
    """Keep the article under its key (once) and return the key."""
    key = article_key(text, title, outlet, url)
    with library._write() as con:
        con.execute(
            "INSERT INTO shared_articles (key, text, title, outlet, url, created) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING",
            (key, text, title, outlet, url, datetime.now(UTC).isoformat(timespec="seconds")),
        )
    return key


def shared_article(library: Library, key: str) -> SharedArticle | None:
    """The article kept under ``key``, or None (also for anything that is not a key)."""
    key = (key or "").strip().lower()
    if not _KEY.match(key):
        return None
    row = library._con.execute(
        "SELECT key, text, title, outlet, url FROM shared_articles WHERE key = ?", (key,)
    ).fetchone()
    return SharedArticle(*row) if row else None
