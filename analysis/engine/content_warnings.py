"""Plain-language warnings about the input: not English, unbalanced quotes, control characters,
no actors, very long. Messy input never raises (DESIGN.md): it is analysed and warned about."""

from __future__ import annotations

import re

from spacy.tokens import Token

from analysis.engine.article import ParsedArticle

LONG_WORDS = 50_000
"""Above this many words the analysis still runs, with a warning that it is slow."""
LANGUAGE_SAMPLE_WORDS = 5_000
"""The first few thousand words are enough to tell the language."""
MIN_STOPWORD_SHARE = 0.15
"""English news text has about half its words among spaCy's stop words; below this it is not
English (or not prose)."""
NOT_ENGLISH = "This text does not look like English"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


def content_warnings(article: ParsedArticle, words: int) -> list[str]:
    """Warnings a reader should see next to the analysis of this article.

    Args:
        article: the parsed article with its actors.
        words: the article's word count.

    Returns:
        Sentences for the user, in a fixed order; empty when nothing is odd.
    """
    out: list[str] = []
    out.extend(_language_warning(article, words))
    if article.unbalanced_quotes:
        out.append(
            f"Quote marks do not pair up in {article.unbalanced_quotes} paragraph(s); quotations "
            "there may be cut at the paragraph end. Check the highlighted quotes."
        )
    controls = len(_CONTROL.findall(article.text))
    if controls:
        out.append(
            f"The text contains {controls} unreadable or control character(s); it may come from a "
            "binary file or a broken conversion."
        )
    if not article.actors.mentions:
        out.append(
            "No people, organisations or countries were found, so there are no actor profiles."
        )
    if words > LONG_WORDS:
        out.append(
            f"This is a very long text ({words:,} words). The analysis covers all of it, but it is "
            "slow; consider splitting it into articles."
        )
    return out


def _language_warning(article: ParsedArticle, words: int) -> list[str]:
    """A warning when the text does not read as English, or has no words at all."""
    alpha: list[Token] = []
    for ch in article.chunks[:400]:
        alpha.extend(t for t in ch.doc if t.is_alpha)
        if len(alpha) >= LANGUAGE_SAMPLE_WORDS:
            break
    alpha = alpha[:LANGUAGE_SAMPLE_WORDS]
    if alpha:
        share = sum(t.is_stop for t in alpha) / len(alpha)
        if len(alpha) >= 5 and share < MIN_STOPWORD_SHARE:
            return [
                f"{NOT_ENGLISH} (few common English words). The tool only "
                "understands English news; results for other languages are not meaningful."
            ]
    elif words == 0:
        return ["The text has no words the tool can read (only symbols or numbers)."]
    return []
