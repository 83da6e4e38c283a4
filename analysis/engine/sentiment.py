"""Sentence sentiment with NLTK's VADER (Hutto & Gilbert 2014), lexicon from vaderSentiment.

NLTK's own copy of the VADER lexicon would need ``nltk.download``, which must never run here; the
PyPI package ``vaderSentiment`` ships the same ``vader_lexicon.txt``. NLTK ≥ 3.10 refuses absolute
resource paths, so we put the package folder on ``nltk.data.path`` and load the file as the
relative resource ``nltk:vader_lexicon.txt``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache

import nltk
import vaderSentiment
from nltk.sentiment.vader import SentimentIntensityAnalyzer

LEXICON_RESOURCE = "nltk:vader_lexicon.txt"
SOURCE = "VADER lexicon (Hutto & Gilbert 2014)"


def _lexicon_folder() -> str:
    """Folder of the vaderSentiment package, which holds ``vader_lexicon.txt``."""
    return os.path.dirname(os.path.abspath(vaderSentiment.__file__))


@cache
def analyzer() -> SentimentIntensityAnalyzer:
    """The VADER analyzer, created once per process from the packaged lexicon (no download).

    Returns:
        NLTK's ``SentimentIntensityAnalyzer`` (Hutto & Gilbert 2014, "VADER: A Parsimonious
        Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM).
    """
    folder = _lexicon_folder()
    if folder not in nltk.data.path:
        nltk.data.path.append(folder)
    return SentimentIntensityAnalyzer(lexicon_file=LEXICON_RESOURCE)


def sentence_sentiments(texts: Sequence[str]) -> list[float]:
    """VADER compound score of each text.

    Args:
        texts: sentences (or any short texts); empty strings score 0.0.

    Returns:
        One float per text in [-1, 1]: negative < 0 < positive (Hutto & Gilbert 2014).
    """
    sia = analyzer()
    return [float(sia.polarity_scores(t)["compound"]) if t.strip() else 0.0 for t in texts]


def word_valence(word: str) -> float:
    """Valence of ``word`` in the VADER lexicon (-4 … 4), 0.0 when it is not listed.

    Args:
        word: a single token; looked up as given, then lower-cased.

    Returns:
        The mean human rating from the VADER lexicon (Hutto & Gilbert 2014).
    """
    lex = analyzer().lexicon
    return float(lex.get(word, lex.get(word.lower(), 0.0)))
