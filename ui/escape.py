"""Untrusted text (student names, reasons, article words) inside Streamlit Markdown.

Streamlit renders labels, captions and messages as Markdown, with its own extras (``:red[…]``
colour directives, ``:material/…:`` icons that would fetch a web font, ``$…$`` maths). A
backslash before every ASCII punctuation character makes CommonMark show it literally, so none
of these apply; HTML is never rendered by those elements anyway. (A shared helper for the whole
app is coming in ``ui/text.py``; this one is what the class pages need until then.)
"""

from __future__ import annotations

import re

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def md_escape(text: str) -> str:
    """``text`` with Markdown syntax neutralised: shown exactly as typed, on one line."""
    return _PUNCTUATION.sub(r"\\\1", " ".join(str(text).split()))
