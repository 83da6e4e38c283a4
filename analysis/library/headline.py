"""A title for a pasted article: its first line, when that line reads like a headline."""

from __future__ import annotations

MAX_HEADLINE_CHARS = 160
MAX_HEADLINE_WORDS = 25
_ENDINGS = (".", ",", ";", ":")


def headline_from_text(text: str) -> str | None:
    """The first line of ``text`` if it reads like a headline, else None.

    A headline here is a short first line (2–25 words, at most 160 characters) that starts with
    a capital letter or a digit, does not end like a sentence or a clause (".", ",", ";", ":"),
    and is followed by more text on later lines — as news pages and copied articles put it.
    """
    lines = [line.strip() for line in text.strip().splitlines()]
    lines = [line for line in lines if line]
    if len(lines) < 2:
        return None
    first = " ".join(lines[0].split())
    words = first.split()
    if not 2 <= len(words) <= MAX_HEADLINE_WORDS or len(first) > MAX_HEADLINE_CHARS:
        return None
    if first.endswith(_ENDINGS) or not (first[0].isupper() or first[0].isdigit()):
        return None
    return first
