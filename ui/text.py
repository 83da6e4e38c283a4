"""Untrusted strings on a Streamlit page: escaped wherever Streamlit reads Markdown.

Most of Streamlit's text commands read Markdown: ``st.markdown``, ``st.subheader``,
``st.caption``, ``st.warning``/``info``/``error``/``success``, ``st.spinner``, widget and
expander labels, popover labels. Every title, outlet, actor or file name, warning and message
shown there goes through :func:`md` (one line) or :func:`md_block` (keeps line breaks). Widget
*options* (``selectbox``/``multiselect`` ``format_func``) are shown as plain text by Streamlit:
they go through :func:`option`, which only removes control and direction-override characters.
HTML blocks (``st.html``) use :func:`html` (the escaping rules live in analysis.present.text).
"""

from __future__ import annotations

from analysis.present.text import escape_html, escape_markdown, plain
from analysis.records import ArticleAnalysis

LABEL_LIMIT = 120
"""Longest option label shown (a title pasted with a whole article in it stays one line)."""


def md(value: object, *, limit: int | None = None) -> str:
    """One line of untrusted text, safe in any Markdown place."""
    return escape_markdown(value, limit=limit)


def md_block(value: object) -> str:
    """Untrusted text with its line breaks, safe in any Markdown place."""
    return escape_markdown(value, one_line=False)


def option(value: object, *, limit: int = LABEL_LIMIT) -> str:
    """An option label for selectbox/multiselect/radio ``format_func`` (plain text there)."""
    return plain(value, limit=limit)


def html(value: object) -> str:
    """Untrusted text inside ``st.html`` markup."""
    return escape_html(value)


__all__ = ["article_name", "html", "md", "md_block", "option"]


def article_name(result: ArticleAnalysis) -> str:
    """What an article's downloads are named after: its title, else "article"."""
    return result.title or "article"
