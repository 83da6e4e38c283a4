"""Distinctive words of each group against the rest: the "Fightin' Words" log-odds ratio.

Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation for
Identifying the Content of Political Conflict", Political Analysis 16(4): 372–403 — the weighted
log-odds ratio with an informative Dirichlet prior, each group against all the others, so any
number of groups can be compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

from analysis.lexicons import lexicon_frame

# Words, not numbers: letters, with inner apostrophes or hyphens ("Kremlin's", "so-called").
TOKEN_PATTERN = r"(?u)\b[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))+\b"
_APOSTROPHES = re.compile("[\u2019\u2018\u02bc\u2032\u00b4`\uff07]")
_QUOTES = re.compile("[\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a]")
_POSSESSIVE = re.compile(r"(?<=[^\W\d_])'s\b|(?<=s)'(?=\s|$)")


def normalise_terms(text: str) -> str:
    """Text as words are counted: lower case, every apostrophe and quote mark one character,
    possessives dropped — "Ukraine’s", "ukraine's" and "Ukraine" are one word."""
    text = _APOSTROPHES.sub("'", text.lower())
    text = _QUOTES.sub('"', text)
    return _POSSESSIVE.sub("", text)


def _inflections(verb: str) -> set[str]:
    """A verb's regular forms (claim → claims, claimed, claiming)."""
    stem = verb[:-1] if verb.endswith("e") else verb
    third = verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z")) else "s")
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return {verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    past = verb + "d" if verb.endswith("e") else verb + "ed"
    return {verb, third, past, stem + "ing"}


STOPWORDS_FILE = Path(__file__).with_name("data") / "content_stopwords.csv"
"""Honorifics, reporting-verb forms, page chrome and Latin abbreviations (term, category,
explanation, source). It lives with the comparison, not in ``analysis/lexicons/``: it changes
which words are counted as distinctive, never an analysis, so editing it must not change the
analysis key (and re-analyse every stored article)."""


def stop_word_rows() -> pd.DataFrame:
    """The rows of :data:`STOPWORDS_FILE`."""
    return pd.read_csv(STOPWORDS_FILE, dtype=str, keep_default_na=False)


@cache
def content_stop_words() -> frozenset[str]:
    """Words that are not content: English stop words, honorifics, reporting verbs in every
    form, page chrome (:data:`STOPWORDS_FILE`, the page-control words of ``furniture.csv``, the
    verbs of ``reporting_verbs.csv``)."""
    words: set[str] = set(ENGLISH_STOP_WORDS)
    words |= set(stop_word_rows()["term"].str.lower())
    furniture = lexicon_frame("furniture")
    words |= set(furniture.loc[furniture["category"] == "ui_word", "term"].str.lower())
    for verb in lexicon_frame("reporting_verbs")["term"].str.lower():
        if " " not in verb:
            words |= _inflections(verb)
    return frozenset(normalise_terms(w) for w in words)


def name_words(names: Iterable[str]) -> set[str]:
    """The words of actor names ("Vladimir Putin" → vladimir, putin), as counted."""
    return {w for n in names for w in re.findall(TOKEN_PATTERN, normalise_terms(n))}


_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"')\u201d\u2019]*|$)")


def sentences_with(text: str, term: str) -> list[tuple[str, int, int]]:
    """The sentences of ``text`` that use ``term`` as counted (any apostrophe or quote mark,
    with or without a possessive): (sentence, start, end of the word in the sentence)."""
    out = []
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0).strip()
        # Same length as the sentence: one character per character, so offsets carry over.
        lowered = _APOSTROPHES.sub("'", sentence.lower())
        pattern = r"(?<![\w'-])" + re.escape(term) + r"(?:'s|')?(?![\w-])"
        hit = re.search(pattern, lowered)
        if hit:
            out.append((sentence, hit.start(), hit.end()))
    return out


class LogOddsComparer(BaseEstimator):
    """Distinctive terms of each group against the rest ("Fightin' Words").

    For a term *w*, group *i* and the rest *j*, with counts *y*, totals *n* and Dirichlet prior
    *α_w* (summing to *α₀*), Monroe, Colaresi & Quinn (2008, eqs. 16–22) estimate

        δ_w = log[(y_iw + α_w) / (n_i + α₀ − y_iw − α_w)]
              − log[(y_jw + α_w) / (n_j + α₀ − y_jw − α_w)]
        σ²(δ_w) ≈ 1 / (y_iw + α_w) + 1 / (y_jw + α_w),      z_w = δ_w / σ(δ_w).

    The informative prior takes *α_w* proportional to the term's count in all the texts
    compared (``prior_scale`` × count), which shrinks rare words towards "not distinctive".
    The default 0.1 gives the prior the weight of a tenth of the words compared: strong enough
    to keep one-off words from topping the list, weak enough that a few hundred-word articles
    per outlet still show their words.

    Args:
        prior_scale: multiplier of the corpus counts for the informative prior.
        alpha: if given, a flat (uninformative) prior of ``alpha`` for every term instead.
        stop_words: passed to :class:`~sklearn.feature_extraction.text.CountVectorizer`.
        min_df: ignore terms in fewer documents than this.
        ngram_range: word n-grams to count.
        token_pattern: what counts as a word (default: letters, inner ' and -).
        normalise: count words after :func:`normalise_terms` (one apostrophe, no possessive).
    """

    def __init__(
        self,
        *,
        prior_scale: float = 0.1,
        alpha: float | None = None,
        stop_words: str | list[str] | None = "english",
        min_df: int = 1,
        ngram_range: tuple[int, int] = (1, 1),
        token_pattern: str = TOKEN_PATTERN,
        normalise: bool = False,
    ) -> None:
        self.prior_scale = prior_scale
        self.alpha = alpha
        self.stop_words = stop_words
        self.min_df = min_df
        self.ngram_range = ngram_range
        self.token_pattern = token_pattern
        self.normalise = normalise

    def fit(self, texts: Sequence[str], groups: Sequence[str]) -> LogOddsComparer:
        """Count terms per group and compute every group's log-odds and z-scores.

        Args:
            texts: one string per document.
            groups: the group label of each document (two or more distinct labels).

        Returns:
            self, with ``vectorizer_``, ``terms_`` (V), ``groups_`` (G), ``counts_`` (G × V),
            ``alpha_`` (V), ``delta_``, ``variance_`` and ``z_`` (G × V).
        """
        if len(texts) != len(groups):
            raise ValueError("texts and groups must have the same length")
        labels = np.asarray(list(groups), dtype=object)
        self.groups_ = np.array(sorted(set(labels.tolist()), key=str))
        if len(self.groups_) < 2:
            raise ValueError("need at least two groups to compare")
        self.vectorizer_ = CountVectorizer(
            stop_words=self.stop_words,
            min_df=self.min_df,
            ngram_range=self.ngram_range,
            token_pattern=self.token_pattern,
            preprocessor=normalise_terms if self.normalise else None,
        )
        try:
            dtm = self.vectorizer_.fit_transform(texts)
        except ValueError:  # empty vocabulary: only stop words or numbers
            self.terms_ = np.array([], dtype=object)
            empty = np.zeros((len(self.groups_), 0))
            self.counts_, self.alpha_ = empty.copy(), np.zeros(0)
            self.delta_, self.variance_, self.z_ = empty.copy(), empty.copy(), empty.copy()
            return self
        self.terms_ = self.vectorizer_.get_feature_names_out()
        index = {g: k for k, g in enumerate(self.groups_.tolist())}
        rows = np.fromiter((index[g] for g in labels.tolist()), dtype=np.intp, count=len(labels))
        member = np.zeros((len(self.groups_), len(labels)))
        member[rows, np.arange(len(labels))] = 1.0
        self.counts_ = np.asarray((dtm.T @ member.T).T)  # G × V
        self.delta_, self.variance_, self.z_, self.alpha_ = self._log_odds(self.counts_)
        return self

    def _log_odds(self, counts: np.ndarray) -> tuple[np.ndarray, ...]:
        """(δ, σ², z, α) for every group against the rest, from a G × V count matrix."""
        y_all = counts.sum(axis=0)
        if self.alpha is not None:
            alpha = np.full(y_all.shape, float(self.alpha))
        else:
            alpha = self.prior_scale * y_all
        a0 = alpha.sum()
        n = counts.sum(axis=1, keepdims=True)
        y_i, n_i = counts, n
        y_j, n_j = y_all - counts, n.sum() - n
        with np.errstate(divide="ignore", invalid="ignore"):
            delta = np.log((y_i + alpha) / (n_i + a0 - y_i - alpha)) - np.log(
                (y_j + alpha) / (n_j + a0 - y_j - alpha)
            )
            variance = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha)
            z = delta / np.sqrt(variance)
        z = np.nan_to_num(z, nan=0.0, posinf=0.0, neginf=0.0)
        return delta, variance, z, alpha

    def top_terms(self, group: str, n: int = 15, min_z: float = 1.96) -> list[dict[str, Any]]:
        """The group's most distinctive terms: ``[{"term", "z", "count", "delta"}]``, z ≥ ``min_z``.

        z ≥ 1.96 means the term is more frequent in this group than in the rest, beyond what
        chance would give at the 5 % level (two-sided, normal approximation).
        """
        k = int(np.flatnonzero(self.groups_ == group)[0])
        z = self.z_[k]
        order = np.argsort(-z, kind="stable")
        out: list[dict[str, Any]] = []
        for v in order[: max(n * 4, n)]:
            if z[v] < min_z or len(out) >= n:
                break
            out.append(
                {
                    "term": str(self.terms_[v]),
                    "z": round(float(z[v]), 3),
                    "count": int(self.counts_[k, v]),
                    "delta": round(float(self.delta_[k, v]), 4),
                }
            )
        return out
