"""A fast tokenizer and a rule-based lemmatizer for the tone features (no parser, no download).

The tone model must score ≥ 2,000 targets a second on one core, and a spaCy parse runs at
≈ 2,000–3,000 words a second, so its features come from this regular-expression tokenizer
(≈ 1.7 M words a second) in training and in prediction alike: the same code path both times, so
there is no train/serve mismatch.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

# A word (letters/digits, with inner apostrophes or hyphens: "don't", "so-called"), a possessive
# "'s" on its own ("Ukraine" "'s"), or one punctuation character.
TOKEN_RE = re.compile(r"\w+(?:(?:['’](?!s\b)|-)\w+)*|['’]s\b|[^\w\s]")
# Irregular past forms of verbs our lexicons list (reporting verbs, loaded verbs).
IRREGULAR = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "thought": "think",
    "knew": "know",
    "known": "know",
    "saw": "see",
    "seen": "see",
    "felt": "feel",
    "meant": "mean",
    "gave": "give",
    "given": "give",
    "took": "take",
    "taken": "take",
    "made": "make",
    "fought": "fight",
    "sought": "seek",
    "swore": "swear",
    "sworn": "swear",
    "held": "hold",
    "brought": "bring",
    "struck": "strike",
    "stole": "steal",
    "stolen": "steal",
    "lied": "lie",
    "lies": "lie",
    "was": "be",
    "were": "be",
    "is": "be",
    "are": "be",
    "has": "have",
    "had": "have",
    "did": "do",
    "does": "do",
    "went": "go",
    "gone": "go",
    "won": "win",
    "lost": "lose",
    "led": "lead",
    "fled": "flee",
    "hid": "hide",
    "hidden": "hide",
    "drove": "drive",
    "driven": "drive",
    "threw": "throw",
    "thrown": "throw",
    "blew": "blow",
    "broke": "break",
    "broken": "break",
    "beat": "beat",
    "beaten": "beat",
    "slew": "slay",
    "slain": "slay",
    "shot": "shoot",
    "bit": "bite",
    "bitten": "bite",
}


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a sentence: text, lower case, lemma guess, offsets, word or punctuation."""

    text: str
    lower: str
    lemma: str
    start: int
    end: int
    is_word: bool


def _candidates(word: str) -> list[str]:
    """Possible dictionary forms of an English word form, most likely first."""
    out = [word]
    if word in IRREGULAR:
        out.append(IRREGULAR[word])
    n = len(word)
    if n > 4 and word.endswith("ies"):
        out.append(word[:-3] + "y")
    if n > 4 and word.endswith("ied"):
        out.append(word[:-3] + "y")
    if n > 3 and word.endswith("es"):
        out += [word[:-2], word[:-1]]
    elif n > 3 and word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    if n > 4 and word.endswith("ed"):
        stem = word[:-2]
        out += [stem, stem + "e"]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.append(stem[:-1])
    if n > 5 and word.endswith("ing"):
        stem = word[:-3]
        out += [stem, stem + "e"]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.append(stem[:-1])
    return out


def lemmatizer(known: frozenset[str]) -> Callable[[str], str]:
    """A cached function word -> its first base form found in ``known`` (else the word)."""

    @cache
    def lemma(word: str) -> str:
        # A known base form wins over the word itself: VADER lists "condemning" as well as
        # "condemn", and the lemma should be "condemn".
        for cand in _candidates(word)[1:]:
            if cand in known:
                return cand
        return word

    return lemma


def tokenize(text: str, lemma: Callable[[str], str] = str) -> list[Token]:
    """Tokens of ``text`` with character offsets; ``lemma`` maps a lower-cased word to its lemma."""
    out = []
    for m in TOKEN_RE.finditer(text):
        word = m.group()
        lower = word.lower().replace("’", "'")
        is_word = word[0].isalnum() or word[0] == "_"
        out.append(Token(word, lower, lemma(lower), m.start(), m.end(), is_word))
    return out
