"""Name variants: one key for the spellings of a person's name ("Sergei"/"Sergey Lavrov",
"Vladimir V. Putin"/"Vladimir Putin", "Viktor Yanukovych"/"Victor Yanukovich").

News outlets transliterate Ukrainian and Russian names differently (BGN/PCGN, Library of
Congress, agency house styles) and American papers add middle initials ("John F. Kerry"). The
spelling rules are data (``lexicons/name_variants.csv``: a regular expression over one lower-case
word, its replacement, and why); this module lowers the case, drops accents, apostrophes and
middle initials, and applies the rules, so that variants of one name get one key. The key is
only compared, never shown. Used to merge names within an article (:mod:`analysis.engine.actors`)
and, with the same function, across a corpus.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from analysis.lexicons import lexicon_frame

LEXICON = "name_variants"
_INITIAL = re.compile(r"^[^\W\d_]\.?$")
_APOSTROPHES = re.compile(r"['’ʼʹ`]")

__all__ = ["name_key", "word_key"]


def name_key(name: str) -> str:
    """The comparison key of a person's name: variants of one name get the same key.

    Args:
        name: a name as written, titles already removed ("Vladimir V. Putin").

    Returns:
        The words of the name without middle initials, each folded by the rules of
        ``lexicons/name_variants.csv`` ("vladimir putin"). Single initials are kept when they
        are all the name has ("J.").
    """
    words = [w for w in re.split(r"[\s\-]+", _plain(name)) if w]
    if len(words) > 1:
        kept = [w for w in words[1:] if not _INITIAL.match(w)]
        words = [words[0], *kept] if kept else words
    return " ".join(word_key(w) for w in words)


def word_key(word: str) -> str:
    """One word of a name folded by the variant rules ("yanukovych" -> "yanukovich")."""
    w = _plain(word).strip(".")
    for pattern, replacement in _rules():
        w = pattern.sub(replacement, w)
    return w


def _plain(text: str) -> str:
    """Lower case, without accents and apostrophes ("Poroşenko" -> "porosenko")."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _APOSTROPHES.sub("", bare).lower()


@cache
def _rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The variant rules in file order (each applies to the result of the ones before)."""
    frame = lexicon_frame(LEXICON)
    return tuple(
        (re.compile(t), r) for t, r in zip(frame["term"], frame["replacement"], strict=True)
    )
