"""Untrusted text shown as text: one place that escapes it for Markdown and for HTML.

Titles, outlet names, actor names, file names, warnings and students' words come from users or
documents. Shown through Markdown (every ``st.markdown``, ``st.subheader``, ``st.warning``,
widget label... in Streamlit) they must not become images that the browser fetches
(``![t](http://…)``), links, headings, emphasis, or Streamlit's own directives (``:red[x]``,
``:material/home:``, emoji shortcodes, ``$…$`` maths). CommonMark lets a backslash escape any
ASCII punctuation character (https://spec.commonmark.org/0.31.2/#backslash-escapes), so
:func:`escape_markdown` escapes all of them: what remains has no markup left. Two features work
on the *decoded* text instead and would still fire: GitHub's autolinks (``http://…``,
``www.…``, ``a@b.org`` become links) and Streamlit's ``:streamlit:``/emoji shortcodes. An
invisible WORD JOINER (U+2060) after a ``:`` or ``@`` that touches the next character, and
inside ``www.``, breaks those
patterns without changing what a reader sees (checked in a real browser:
tests/ui/test_browser_text.py).
"""

from __future__ import annotations

import html
import re
import string
import textwrap

_PUNCTUATION = frozenset(string.punctuation)
JOINER = "\u2060"
_JOIN_AFTER = re.compile(r"(\\[:@])(?=\S)")
_WWW = re.compile(r"(?i)(?<![a-z0-9])(www)(?=\\?\.)")
_INVISIBLE = re.compile(
    r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]"
)
"""Control characters and bidirectional overrides (they can make a name read backwards)."""


def plain(value: object, *, one_line: bool = True, limit: int | None = None) -> str:
    """Untrusted text without control characters; one line unless told; shortened to ``limit``."""
    text = _INVISIBLE.sub("", "" if value is None else str(value))
    if one_line:
        text = " ".join(text.split())
    if limit is not None and len(text) > limit:
        text = text[: max(0, limit - 1)].rstrip() + "…"
    return text


def escape_markdown(value: object, *, one_line: bool = True, limit: int | None = None) -> str:
    """``value`` as Markdown that shows exactly its characters (every ASCII punctuation escaped).

    Args:
        value: any untrusted text (None shows as nothing).
        one_line: collapse line breaks and runs of spaces (titles, names, labels).
        limit: shorten to this many characters first (with an ellipsis).
    """
    text = plain(value, one_line=one_line, limit=limit)
    out = "".join("\\" + ch if ch in _PUNCTUATION else ch for ch in text)
    out = _JOIN_AFTER.sub(r"\1" + JOINER, out)  # ":x", "://", "@x" only: ": " stays as typed
    out = _WWW.sub(r"\1" + JOINER, out)
    if not one_line:
        # Keep line breaks as breaks, but no indented code blocks or blank-line paragraphs.
        out = re.sub(r"\n[ \t]+", "\n", out).replace("\n", "  \n")
    return out


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def shown_text(markdown: str) -> str:
    """What a reader sees of :func:`escape_markdown` output (escapes and joiners removed)."""
    return _ESCAPED.sub(r"\1", markdown).replace(JOINER, "").replace("  \n", "\n")


def escape_html(value: object, *, limit: int | None = None) -> str:
    """``value`` as HTML text (and safe inside a quoted attribute)."""
    text = "" if value is None else str(value)
    if limit is not None and len(text) > limit:
        text = text[: max(0, limit - 1)].rstrip() + "…"
    return html.escape(_INVISIBLE.sub("", text), quote=True)


def wrap_label(label: str, width: int = 24, lines: int = 2) -> str:
    """A long label on at most ``lines`` lines of ``width`` characters (Plotly ``<br>``), the
    rest cut with "…"; the hover keeps the whole label. ``label`` must be escaped already or
    be plain text to be escaped by the caller after wrapping."""
    parts = textwrap.wrap(label, width, break_long_words=True, break_on_hyphens=False) or [""]
    if len(parts) > lines:
        last = " ".join(parts[lines - 1 :])
        cut = last[: width - 1]
        if " " in cut[width // 2 :]:  # end on a whole word when one ends late enough
            cut = cut[: cut.rindex(" ")]
        parts = [*parts[: lines - 1], cut.rstrip() + "…"]
    return "<br>".join(parts)
