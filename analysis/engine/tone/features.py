"""Target-aware features of one sentence and one target mention, each tied to the word it came from.

Every feature is a (name, value, token) triple: the model's decision is a sum over features, so it
is also a sum over the words that fired them, which is how each prediction is explained word by
word. The target's own words are masked (the name of a person must not decide their tone).

Positions relative to the target (after Vo & Zhang 2015, "Target-dependent twitter sentiment
classification with rich automatic features", IJCAI, and Jiang et al. 2011, ACL): words left and
right of the mention by distance, words in the same clause (approximated by punctuation and
connectives), inside or outside quotation marks, and the words next to the mention as bigrams.
In each position: VADER valences (Hutto & Gilbert 2014) with negation, and hits of our loaded,
doubt and reporting-verb lexicons.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import cache
from itertools import pairwise

from analysis.engine.sentiment import analyzer
from analysis.engine.tone.tokens import Token, lemmatizer, tokenize
from analysis.lexicons import load_lexicon

TARGET = "<t>"
# Words that end one clause and begin another; commas, semicolons and dashes do too.
CLAUSE_WORDS = frozenset(
    {
        "while",
        "but",
        "whereas",
        "although",
        "though",
        "however",
        "yet",
        "because",
        "since",
        "after",
        "before",
        "when",
        "whom",
        "who",
        "which",
        "that",
        "unless",
        "despite",
    }
)
CLAUSE_PUNCT = frozenset({",", ";", ":", "(", ")", "—", "–", "[", "]"})
OPEN_QUOTES = frozenset({"“", "‘"})
CLOSE_QUOTES = frozenset({"”", "’"})
TOGGLE_QUOTES = frozenset({'"'})
# How many words back a negation word reaches ("did not really praise").
NEGATION_REACH = 3
Feature = tuple[str, float, int]


@dataclass(frozen=True, slots=True)
class FeatureSettings:
    """How features are made; saved with the model so prediction makes them the same way.

    Args:
        near: words at distance 1..near left/right of the mention form the near windows.
        far: words at distance near+1..far form the far windows.
        bigrams: add bigrams of the masked sentence (the mention written as ``<t>``).
        clause: add the words of the mention's clause as their own features.
        lemmas: use the rule-based lemma of each word instead of its form.
        prefix: also fire each positioned word's first ``prefix`` letters (words longer than
            ``prefix + 1`` letters, not negated), so "condemned", "condemnation" and
            "condemning" share evidence; 0 = off.
    """

    near: int = 3
    far: int = 8
    bigrams: bool = True
    clause: bool = True
    lemmas: bool = False
    prefix: int = 0

    def to_dict(self) -> dict[str, object]:
        """Plain data for the model file."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class PhraseTable:
    """A lexicon indexed for matching: one-word terms, and longer terms by their first word."""

    words: dict[str, str]
    phrases: dict[str, list[tuple[tuple[str, ...], str]]]

    @classmethod
    def of(cls, table: dict[str, str]) -> PhraseTable:
        """Index ``table`` (term -> category); longer phrases are tried first."""
        words: dict[str, str] = {}
        phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for term, category in table.items():
            parts = tuple(term.split())
            if len(parts) == 1:
                words[term] = category
            else:
                phrases.setdefault(parts[0], []).append((parts, category))
        for entries in phrases.values():
            entries.sort(key=lambda e: (-len(e[0]), e[0]))
        return cls(words, phrases)


@dataclass(frozen=True, slots=True)
class Lexicons:
    """The word lists the features look words up in, loaded once per process."""

    valence: dict[str, float]
    negations: frozenset[str]
    loaded: PhraseTable
    doubt: PhraseTable
    reporting: PhraseTable
    lemma: Callable[[str], str]


@cache
def lexicons() -> Lexicons:
    """VADER valences and negations, our loaded/doubt/reporting-verb lexicons, a lemmatizer."""
    sia = analyzer()
    valence = {k.lower(): float(v) for k, v in sia.lexicon.items()}
    negations = frozenset(w.replace("’", "'") for w in sia.constants.NEGATE)
    loaded = {t: e.category for t, e in load_lexicon("loaded").items()}
    doubt = {t: e.category for t, e in load_lexicon("doubt").items()}
    reporting = {t: e.category for t, e in load_lexicon("reporting_verbs").items()}
    known = frozenset(valence) | {w for t in (*loaded, *doubt, *reporting) for w in t.split()}
    return Lexicons(
        valence,
        negations,
        PhraseTable.of(loaded),
        PhraseTable.of(doubt),
        PhraseTable.of(reporting),
        lemmatizer(known),
    )


def lexicon_digest() -> dict[str, str]:
    """Short SHA-256 of exactly what the features read from each lexicon (terms and categories).

    Recorded in the model file, so a test can tell when a lexicon edit calls for ``make model``;
    explanations and sources do not change features and are not part of the digest.
    """
    lex = lexicons()
    tables = {
        "vader": sorted(f"{w}\t{v!r}" for w, v in lex.valence.items()),
        "vader_negations": sorted(lex.negations),
    }
    for name in ("loaded", "doubt", "reporting_verbs"):
        tables[name] = sorted(f"{t}\t{e.category}" for t, e in load_lexicon(name).items())
    return {
        name: hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()[:16]
        for name, rows in tables.items()
    }


def target_tokens(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """Index of the first and last token overlapping the character span [start, end)."""
    inside = [i for i, t in enumerate(tokens) if t.start < end and t.end > start]
    if not inside:
        raise ValueError(f"the target span {start}-{end} covers no word of the text")
    return inside[0], inside[-1]


def clause_ids(tokens: list[Token]) -> list[int]:
    """Clause number of each token: a new clause starts at clause punctuation or connectives."""
    out = []
    clause = 0
    for t in tokens:
        if t.lower in CLAUSE_PUNCT or t.lower in CLAUSE_WORDS:
            clause += 1
        out.append(clause)
    return out


def quoted(tokens: list[Token]) -> list[bool]:
    """Whether each token stands inside quotation marks."""
    out = []
    inside = False
    for t in tokens:
        if t.text in OPEN_QUOTES or (t.text in TOGGLE_QUOTES and not inside):
            inside = True
            out.append(False)
        elif t.text in CLOSE_QUOTES or (t.text in TOGGLE_QUOTES and inside):
            inside = False
            out.append(False)
        else:
            out.append(inside)
    return out


def negated(tokens: list[Token], clauses: list[int], negations: frozenset[str]) -> list[bool]:
    """Whether a negation word stands up to NEGATION_REACH words before a token, same clause."""
    out = [False] * len(tokens)
    for i, t in enumerate(tokens):
        if t.lower in negations or t.lower.endswith("n't"):
            j, seen = i + 1, 0
            while j < len(tokens) and seen < NEGATION_REACH and clauses[j] == clauses[i]:
                if tokens[j].is_word:
                    out[j] = True
                    seen += 1
                j += 1
    return out


def word_distances(tokens: list[Token], first: int, last: int) -> list[int]:
    """Signed distance in words from the mention (negative = left, 0 = the mention itself)."""
    out = [0] * len(tokens)
    d = 0
    for i in range(first - 1, -1, -1):
        d += tokens[i].is_word
        out[i] = -max(d, 1)
    d = 0
    for i in range(last + 1, len(tokens)):
        d += tokens[i].is_word
        out[i] = max(d, 1)
    return out


def lexicon_hits(tokens: list[Token], table: PhraseTable) -> dict[int, str]:
    """Token index -> category for lexicon terms, matched by word form or lemma."""
    hits: dict[int, str] = {}
    n = len(tokens)
    for i, t in enumerate(tokens):
        if i in hits:
            continue
        for first in (t.lower, t.lemma):
            for parts, category in table.phrases.get(first, ()):
                k = len(parts)
                if i + k <= n and all(
                    tokens[i + j].lower == parts[j] or tokens[i + j].lemma == parts[j]
                    for j in range(1, k)
                ):
                    for j in range(i, i + k):
                        hits[j] = category
                    break
            if i in hits:
                break
        if i not in hits:
            found = table.words.get(t.lower) or table.words.get(t.lemma)
            if found:
                hits[i] = found
    return hits


def _positions(side: str, in_clause: bool) -> list[str]:
    """The sentence zone, the near/far zone when there is one, and the clause zone."""
    out = ["S", side] if side else ["S"]
    if in_clause:
        out.append("C")
    return out


def target_features(
    text: str, start: int, end: int, settings: FeatureSettings | None = None
) -> tuple[list[Token], list[Feature]]:
    """The tokens of ``text`` and the features of the target mention at ``[start, end)``.

    Args:
        text: one sentence (or a short passage) as plain text.
        start: character offset where the target mention begins.
        end: character offset where it ends.
        settings: how to make features (default :class:`FeatureSettings`).

    Returns:
        (tokens, features): each feature is (name, value, token index; -1 for the mention's own
        position features). Raises ``ValueError`` when the span covers no word.
    """
    sentence = SentenceFeatures.of(text, settings)
    return sentence.tokens, sentence.features(start, end)


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    """What one sentence contributes to the features of any target in it, computed once.

    Tokens, clauses, quotations, negation, lexicon hits and each word's form, valence and prefix
    do not depend on the target, so the several mentions of one sentence share them (and the
    features a word fires in a given position); :meth:`features` adds what does depend on it.
    """

    text: str
    settings: FeatureSettings
    tokens: list[Token]
    clauses: list[int]
    quotes: list[bool]
    words: list[str]
    valences: list[float]
    stems: list[str]
    loaded: dict[int, str]
    doubt: dict[int, str]
    reporting: dict[int, str]
    # (token, near/far zone, same clause, quoted differently) -> the features the word fires
    fired: dict[tuple[int, str, bool, bool], list[Feature]]

    @classmethod
    def of(cls, text: str, settings: FeatureSettings | None = None) -> SentenceFeatures:
        """Tokenize ``text`` and work out everything about it that no target changes."""
        settings = settings or FeatureSettings()
        lex = lexicons()
        tokens = tokenize(text, lex.lemma)
        clauses = clause_ids(tokens)
        negation = negated(tokens, clauses, lex.negations)
        words, valences, stems = _word_forms(tokens, negation, lex, settings)
        return cls(
            text,
            settings,
            tokens,
            clauses,
            quoted(tokens),
            words,
            valences,
            stems,
            lexicon_hits(tokens, lex.loaded),
            lexicon_hits(tokens, lex.doubt),
            lexicon_hits(tokens, lex.reporting),
            {},
        )

    def features(self, start: int, end: int) -> list[Feature]:
        """The features of the target mention at ``[start, end)`` (``ValueError``: no word)."""
        tokens, settings = self.tokens, self.settings
        first, last = target_tokens(tokens, start, end)
        feats: list[Feature] = _mention_features(tokens, first, last, self.quotes)
        distance = word_distances(tokens, first, last)
        clause, quote = self.clauses[first], self.quotes[first]
        clause_zone = settings.clause
        for i, t in enumerate(tokens):
            if first <= i <= last or not t.is_word:
                continue
            key = (
                i,
                _side_zone(distance[i], settings),
                clause_zone and self.clauses[i] == clause,
                self.quotes[i] != quote,
            )
            fired = self.fired.get(key)
            if fired is None:
                fired = self.fired[key] = self._word_features(*key)
            feats += fired
        if settings.bigrams:
            feats += _bigrams(tokens, first, last)
        return feats

    def _word_features(self, i: int, side: str, in_clause: bool, requoted: bool) -> list[Feature]:
        """The features word ``i`` fires in the sentence, its near/far zone and maybe clause."""
        word, valence, stem = self.words[i], self.valences[i], self.stems[i]
        n = self.settings.prefix
        feats: list[Feature] = []
        for z in _positions(side, in_clause):
            feats.append((f"{z}:{word}", 1.0, i))
            if stem:
                feats.append((f"{z}:p{n}:{stem}", 1.0, i))
            if valence:
                feats.append((f"v{'+' if valence > 0 else '-'}:{z}", abs(valence) / 4.0, i))
            if i in self.loaded:
                feats.append((f"loaded:{self.loaded[i]}:{z}", 1.0, i))
            if i in self.doubt:
                feats.append((f"doubt:{z}", 1.0, i))
            if i in self.reporting:
                feats.append((f"say:{self.reporting[i]}:{z}", 1.0, i))
        if requoted:  # the word stands inside a quotation and the mention outside, or vice versa
            feats.append((f"Q:{word}", 1.0, i))
            if stem:
                feats.append((f"Q:p{n}:{stem}", 1.0, i))
        return feats


def _word_forms(
    tokens: list[Token], negation: list[bool], lex: Lexicons, settings: FeatureSettings
) -> tuple[list[str], list[float], list[str]]:
    """Each token's feature word (``not_`` when negated), VADER valence and prefix stem."""
    words, valences, stems = [], [], []
    n = settings.prefix
    for t, neg in zip(tokens, negation, strict=True):
        word = ("not_" if neg else "") + (t.lemma if settings.lemmas else t.lower)
        valence = lex.valence.get(t.lower, 0.0) or lex.valence.get(t.lemma, 0.0)
        if valence and neg:
            valence *= -0.74  # VADER's own factor for a negated word (Hutto & Gilbert 2014)
        words.append(word)
        valences.append(valence)
        stems.append(word[:n] if n and len(word) > n + 1 and not neg else "")
    return words, valences, stems


def _side_zone(distance: int, settings: FeatureSettings) -> str:
    """The near (L/R) or far (LL/RR) window a word at ``distance`` stands in, else ""."""
    side = "L" if distance < 0 else "R"
    d = abs(distance)
    if d <= settings.near:
        return side
    if d <= settings.far:
        return side + side
    return ""


def _mention_features(
    tokens: list[Token], first: int, last: int, quotes: list[bool]
) -> list[Feature]:
    """Where the mention stands: sentence start, possessive, inside a quotation."""
    feats: list[Feature] = []
    if not any(t.is_word for t in tokens[:first]):
        feats.append(("T:starts_sentence", 1.0, -1))
    nxt = tokens[last + 1].lower if last + 1 < len(tokens) else ""
    if nxt in ("'s", "'", "s") or tokens[last].lower.endswith("'s"):
        feats.append(("T:possessive", 1.0, -1))
    if quotes[first]:
        feats.append(("T:quoted", 1.0, -1))
    return feats


def _bigrams(tokens: list[Token], first: int, last: int) -> list[Feature]:
    """Bigrams of the sentence with the mention as one token ``<t>``; each tied to its words."""
    seq: list[tuple[str, int]] = []
    for i, t in enumerate(tokens):
        if i == first:
            seq.append((TARGET, -1))
        elif t.is_word and not first < i <= last:
            seq.append((t.lower, i))
    feats: list[Feature] = []
    for (a, ia), (b, ib) in pairwise(seq):
        name = f"B:{a}_{b}"
        if ia < 0:
            feats.append((name, 1.0, ib))
        elif ib < 0:
            feats.append((name, 1.0, ia))
        else:
            feats += ((name, 0.5, ia), (name, 0.5, ib))
    return feats
