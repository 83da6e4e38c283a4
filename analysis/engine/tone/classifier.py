"""``ToneClassifier``: the tone of a sentence towards one target mention, explained word by word.

A linear model over the target-aware features of :mod:`analysis.engine.tone.features`: for each
tone, a one-vs-rest logistic regression on features scaled by their naive-Bayes log-count ratio
(NB-LR, Wang & Manning 2012, "Baselines and Bigrams: Simple, Good Sentiment and Topic
Classification", ACL). Folding the ratio into the weights leaves one coefficient per feature and
tone, so a tone's score is the intercept plus a sum over the words that fired features: each word's
share of that sum is its evidence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from threadpoolctl import threadpool_limits

from analysis.engine.tone.features import Feature, FeatureSettings, SentenceFeatures
from analysis.engine.tone.result import TONES, ToneResult
from analysis.engine.tone.tokens import Token

Example = tuple[str, int, int]
Featurized = tuple[list[Token], list[Feature]]
# Coefficients are kept to this many significant digits, so the model written as text and read
# back predicts exactly what the fitted estimator predicts.
SIGNIFICANT_DIGITS = 6
POSITION_EVIDENCE = {
    "T:starts_sentence": "[mention starts the sentence]",
    "T:possessive": "[mention is a possessive: …'s]",
    "T:quoted": "[mention stands inside a quotation]",
}
TOP_EVIDENCE = 8
MIN_EVIDENCE = 0.01


def rounded(values: np.ndarray) -> np.ndarray:
    """``values`` rounded to SIGNIFICANT_DIGITS significant digits (as they are written)."""
    flat = [float(f"{v:.{SIGNIFICANT_DIGITS}g}") for v in values.ravel().tolist()]
    return np.array(flat, dtype=np.float64).reshape(values.shape)


class ToneClassifier(ClassifierMixin, BaseEstimator):
    """Negative / neutral / positive tone towards a target mention, from a sentence and a span.

    Args:
        C: inverse L2 regularisation strength of each logistic regression.
        alpha: additive smoothing of the naive-Bayes log-count ratios.
        class_weight: passed to each one-vs-rest ``LogisticRegression``.
        min_df: keep features seen in at least this many training examples.
        near, far, bigrams, clause, lemmas, prefix: the :class:`FeatureSettings`.
        max_iter: iteration limit of the lbfgs solver.

    ``X`` is a sequence of (text, start, end): the sentence and the character span of the target
    mention in it; ``y`` holds "negative", "neutral" or "positive".
    """

    def __init__(
        self,
        C: float = 0.1,
        alpha: float = 1.0,
        class_weight: str | None = "balanced",
        min_df: int = 2,
        near: int = 3,
        far: int = 8,
        bigrams: bool = True,
        clause: bool = True,
        lemmas: bool = False,
        prefix: int = 0,
        max_iter: int = 2000,
    ) -> None:
        self.C = C
        self.alpha = alpha
        self.class_weight = class_weight
        self.min_df = min_df
        self.near = near
        self.far = far
        self.bigrams = bigrams
        self.clause = clause
        self.lemmas = lemmas
        self.prefix = prefix
        self.max_iter = max_iter

    # -- features ---------------------------------------------------------------------------
    def feature_settings(self) -> FeatureSettings:
        """The feature settings these parameters describe."""
        return FeatureSettings(
            self.near, self.far, self.bigrams, self.clause, self.lemmas, self.prefix
        )

    def featurize(self, X: Sequence[Example]) -> list[Featurized]:
        """Tokens and features of each example (raises ``ValueError`` naming a bad span)."""
        settings = self.feature_settings()
        rows: list[Featurized] = []
        sentence: SentenceFeatures | None = None
        for text, start, end in X:
            # Targets of one sentence usually come together: they share its sentence work.
            if sentence is None or sentence.text != text:
                sentence = SentenceFeatures.of(text, settings)
            rows.append((sentence.tokens, sentence.features(start, end)))
        return rows

    def sentence_features(self, text: str) -> SentenceFeatures:
        """The target-independent features of one sentence, for several of its targets."""
        return SentenceFeatures.of(text, self.feature_settings())

    def _matrix(self, rows: Sequence[Featurized]) -> sparse.csr_matrix:
        """The examples as a sparse matrix over the fitted vocabulary (unknown features dropped)."""
        indices: list[int] = []
        data: list[float] = []
        indptr = [0]
        vocab = self.vocabulary_
        for _, feats in rows:
            summed: dict[int, float] = defaultdict(float)
            for name, value, _tok in feats:
                j = vocab.get(name)
                if j is not None:
                    summed[j] += value
            indices += summed.keys()
            data += summed.values()
            indptr.append(len(indices))
        shape = (len(rows), len(vocab))
        return sparse.csr_matrix((data, indices, indptr), shape=shape, dtype=np.float64)

    # -- fitting ----------------------------------------------------------------------------
    def fit(self, X: Sequence[Example], y: Sequence[str]) -> ToneClassifier:
        """Fit on examples ``X`` with tones ``y``; returns self."""
        return self.fit_features(self.featurize(X), y)

    def fit_features(self, rows: Sequence[Featurized], y: Sequence[str]) -> ToneClassifier:
        """Fit on already featurized examples (what :meth:`featurize` returns); returns self."""
        labels = np.asarray(list(y), dtype=object)
        missing = [t for t in TONES if not (labels == t).any()]
        unknown = sorted({str(v) for v in labels} - set(TONES))
        if unknown or missing:
            raise ValueError(
                f"tone labels must be {', '.join(TONES)}, each at least once "
                f"(unknown: {unknown or 'none'}; missing: {missing or 'none'})"
            )
        self.vocabulary_ = _vocabulary(rows, self.min_df)
        self.feature_names_ = sorted(self.vocabulary_, key=self.vocabulary_.__getitem__)
        X = self._matrix(rows)
        coefs, intercepts = [], []
        with threadpool_limits(1):  # deterministic sums, and no fight over a shared machine
            for tone in TONES:
                target = (labels == tone).astype(np.int64)
                ratio = _log_count_ratio(X, target, self.alpha)
                lr = LogisticRegression(
                    C=self.C, class_weight=self.class_weight, max_iter=self.max_iter
                )
                lr.fit(X.multiply(ratio).tocsr(), target)
                coefs.append(lr.coef_[0] * ratio)
                intercepts.append(lr.intercept_[0])
        self.coef_ = rounded(np.vstack(coefs))
        self.intercept_ = rounded(np.array(intercepts))
        self.classes_ = np.array(TONES, dtype=object)
        self.n_features_in_ = len(self.vocabulary_)
        return self

    # -- prediction -------------------------------------------------------------------------
    def decision_features(self, rows: Sequence[Featurized]) -> np.ndarray:
        """One-vs-rest log-odds of each tone, shape (n, 3), for featurized examples."""
        return np.asarray(self._matrix(rows) @ self.coef_.T) + self.intercept_

    def decision_function(self, X: Sequence[Example]) -> np.ndarray:
        """One-vs-rest log-odds of each tone, shape (n, 3)."""
        return self.decision_features(self.featurize(X))

    def predict_proba(self, X: Sequence[Example]) -> np.ndarray:
        """Probability of each tone (columns in ``classes_`` order), rows sum to 1."""
        return _probabilities(self.decision_function(X))

    def predict(self, X: Sequence[Example]) -> np.ndarray:
        """The most probable tone of each example."""
        return self.classes_[self.decision_function(X).argmax(axis=1)]

    def explain(self, X: Sequence[Example], top: int = TOP_EVIDENCE) -> list[ToneResult]:
        """Tone, scores and the ``top`` words that pushed each prediction, with their weights.

        Args:
            X: (text, start, end) examples.
            top: how many evidence words to keep (strongest first, |weight| ≥ 0.01).

        Returns:
            One :class:`ToneResult` per example; a word's weight is its share of the predicted
            tone's one-vs-rest log-odds (Wang & Manning 2012 NB-LR, linear in the features).
        """
        return [self.explain_features(row, top) for row in self.featurize(X)]

    def explain_features(self, row: Featurized, top: int = TOP_EVIDENCE) -> ToneResult:
        """:meth:`explain` for one featurized example."""
        tokens, feats = row
        cols, values, owners, positions = self._known_features(feats)
        contrib = self.coef_[:, cols] * np.asarray(values, dtype=np.float64)
        scores = self.intercept_ + contrib.sum(axis=1)
        best = int(scores.argmax())
        proba = _probabilities(scores[None, :])[0]
        kept = _strongest_owners(owners, contrib[best].tolist(), top)
        return ToneResult(
            tone=TONES[best],
            scores={t: float(p) for t, p in zip(TONES, proba.tolist(), strict=True)},
            evidence=tuple((_evidence_word(o, tokens, positions), w) for o, w in kept),
            spans=tuple(_evidence_span(o, tokens, w) for o, w in kept),
        )

    def _known_features(
        self, feats: list[Feature]
    ) -> tuple[list[int], list[float], list[int], list[str]]:
        """(columns, values, owners, position names) of the features in the vocabulary.

        The owner of a word feature is its token; position features are owned by "tokens"
        -1, -2, ... in order, each naming ``positions[-owner - 1]``.
        """
        vocab = self.vocabulary_
        cols, values, owners = [], [], []
        positions: list[str] = []
        for name, value, tok in feats:
            j = vocab.get(name)
            if j is not None:
                cols.append(j)
                values.append(value)
                if tok < 0:
                    positions.append(name)
                    tok = -len(positions)
                owners.append(tok)
        return cols, values, owners, positions


def _strongest_owners(owners: list[int], weights: list[float], top: int) -> list[tuple[int, float]]:
    """The ``top`` owners by |summed weight| (≥ MIN_EVIDENCE), strongest first, ties by owner."""
    # Summed in feature order from 0.0, as np.bincount sums, so the weights stay bit-identical.
    per_owner: dict[int, float] = {}
    for owner, w in zip(owners, weights, strict=True):
        per_owner[owner] = per_owner.get(owner, 0.0) + w
    strong = [(o, w) for o, w in per_owner.items() if abs(w) >= MIN_EVIDENCE]
    strong.sort(key=lambda ow: (-abs(ow[1]), ow[0]))
    return strong[:top]


def _vocabulary(rows: Sequence[Featurized], min_df: int) -> dict[str, int]:
    """Feature name -> column, for features in at least ``min_df`` examples, sorted by name."""
    df: dict[str, int] = defaultdict(int)
    for _, feats in rows:
        for name in {f[0] for f in feats}:
            df[name] += 1
    kept = sorted(name for name, n in df.items() if n >= min_df)
    return {name: j for j, name in enumerate(kept)}


def _log_count_ratio(X: sparse.csr_matrix, target: np.ndarray, alpha: float) -> np.ndarray:
    """Naive-Bayes log-count ratio of each feature for ``target`` vs the rest (binarised counts)."""
    present = X.copy()
    present.data = np.minimum(np.abs(present.data), 1.0)
    p = alpha + np.asarray(present[target == 1].sum(axis=0)).ravel()
    q = alpha + np.asarray(present[target == 0].sum(axis=0)).ravel()
    return np.log((p / p.sum()) / (q / q.sum()))


def _probabilities(scores: np.ndarray) -> np.ndarray:
    """One-vs-rest log-odds -> probabilities: sigmoid of each, normalised to sum to 1."""
    sig = 1.0 / (1.0 + np.exp(-scores))
    return sig / sig.sum(axis=1, keepdims=True)


def _evidence_word(owner: int, tokens: list[Token], positions: list[str]) -> str:
    """The text of an evidence word, or the plain description of a position feature."""
    if owner >= 0:
        return tokens[owner].text
    name = positions[-owner - 1]
    return POSITION_EVIDENCE.get(name, f"[{name}]")


def _evidence_span(owner: int, tokens: list[Token], weight: float) -> tuple[int, int, float]:
    """Character offsets of an evidence word and its weight (-1, -1 for position evidence)."""
    if owner >= 0:
        return tokens[owner].start, tokens[owner].end, weight
    return -1, -1, weight
