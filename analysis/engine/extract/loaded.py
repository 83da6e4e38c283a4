"""Loaded and emotive language: words and labels that judge instead of describe.

The terms, their categories, explanations and sources live in ``lexicons/loaded.csv`` (a curated
lexicon informed by Recasens, Danescu-Niculescu-Mizil & Jurafsky 2013, Wikipedia's Manual of Style
"Words to watch" and the VADER lexicon of Hutto & Gilbert 2014). This module only matches them.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache

import spacy
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token

from analysis.engine.article import ParsedArticle
from analysis.engine.characterised import characterised_actor
from analysis.engine.explain import make_marker
from analysis.engine.sentiment import word_valence
from analysis.lexicons import LexiconEntry, lexicon_frame
from analysis.records import Marker

LEXICON = "loaded"
# How far a loaded adjective may sit from its noun ("brutal and bloody crackdown"), and a loaded
# adverb from its adjective.
MAX_NOUN_GAP = 3
MAX_ADJ_GAP = 2
# How far apart two coordinated words may be ("ridiculous and illogical", "mean, nasty and evil").
MAX_CONJ_GAP = 4
# Modifiers a cue takes along on its left: a noun its adjectives and compound parts, an
# adjective, adverb or verb its adverb ("very cruel", "unfairly smearing").
LEFT_DEPS: dict[str, frozenset[str]] = {
    "NOUN": frozenset({"amod", "compound"}),
    "PROPN": frozenset({"amod", "compound"}),
    "ADJ": frozenset({"advmod"}),
    "ADV": frozenset({"advmod"}),
    "VERB": frozenset({"advmod"}),
}
# Words a loaded adverb colours ("utterly shameful", "drastically altered").
ADVERB_HEADS = frozenset({"ADJ", "ADV", "VERB"})

# A loaded word inside a proper name ("Liberation Army", "Hero Street") names, it does not judge.
NAME_ENTITY_TYPES = frozenset(
    {"PERSON", "ORG", "GPE", "FAC", "LOC", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT"}
)


@dataclass(frozen=True, slots=True)
class _Term:
    """One lexicon row prepared for matching."""

    term: str
    words: tuple[str, ...]
    category: str
    explanation: str
    source: str
    by_lemma: bool
    pos: frozenset[str]
    except_prev: frozenset[str]
    except_next: frozenset[str]


@cache
def _tokenizer() -> Tokenizer:
    """spaCy's English tokenizer, so multi-word terms split exactly as article text does."""
    return spacy.blank("en").tokenizer


def _split(cell: str) -> frozenset[str]:
    """A ``a|b|c`` CSV cell as a set of lower-case strings."""
    return frozenset(x.strip().lower() for x in cell.split("|") if x.strip())


@cache
def _index() -> dict[str, tuple[_Term, ...]]:
    """Terms keyed by their first word, longest terms first (so the longest match wins)."""
    frame = lexicon_frame(LEXICON)
    index: dict[str, list[_Term]] = {}
    tok = _tokenizer()
    for row in frame.to_dict("records"):
        words = tuple(t.lower_ for t in tok(" ".join(row["term"].split()).lower()))
        if not words:
            continue
        term = _Term(
            term=" ".join(row["term"].split()).lower(),
            words=words,
            category=row["category"].strip(),
            explanation=row["explanation"].strip(),
            source=row["source"].strip(),
            by_lemma=row.get("match", "lemma").strip() != "exact",
            pos=frozenset(p.upper() for p in _split(row.get("pos", ""))),
            except_prev=_split(row.get("except_prev", "")),
            except_next=_split(row.get("except_next", "")),
        )
        index.setdefault(words[0], []).append(term)
    return {k: tuple(sorted(v, key=lambda t: -len(t.words))) for k, v in index.items()}


def _token_matches(token: Token, word: str, by_lemma: bool) -> bool:
    """True when the token is the lexicon word (as written, or by lemma when allowed)."""
    return token.lower_ == word or (by_lemma and token.lemma_.lower() == word)


def _previous_word(doc: Doc, i: int) -> Token | None:
    """The nearest token before ``i`` that is not punctuation, in the same sentence."""
    j = i - 1
    while j >= 0 and doc[j].is_punct and not doc[j].is_sent_start:
        j -= 1
    # Only punctuation that opens no sentence lies between j and i: same sentence unless i
    # itself opens one.
    return doc[j] if j >= 0 and not doc[j].is_punct and not doc[i].is_sent_start else None


def _match_at(doc: Doc, i: int) -> _Term | None:
    """The longest lexicon term that starts at token ``i`` and passes its checks, if any."""
    token = doc[i]
    index = _index()
    for key in dict.fromkeys((token.lower_, token.lemma_.lower())):
        for term in index.get(key, ()):
            if _term_fits(doc, i, term):
                return term
    return None


def _term_fits(doc: Doc, i: int, term: _Term) -> bool:
    """True when ``term`` matches at token ``i``: its words, part of speech and exceptions."""
    n = len(term.words)
    if i + n > len(doc):
        return False
    if not all(_token_matches(doc[i + k], w, term.by_lemma) for k, w in enumerate(term.words)):
        return False
    if n == 1 and term.pos and doc[i].pos_ not in term.pos:
        return False
    if term.except_prev:
        prev = _previous_word(doc, i)
        if prev is not None and {prev.lower_, prev.lemma_.lower()} & term.except_prev:
            return False
    if term.except_next and i + n < len(doc):
        nxt = doc[i + n]
        if {nxt.lower_, nxt.lemma_.lower()} & term.except_next:
            return False
    # A loaded word inside a proper name names, it does not judge.
    return not any(doc[i + k].ent_type_ in NAME_ENTITY_TYPES for k in range(n))


def _strongest_valence(tokens: list[Token]) -> float | None:
    """The strongest VADER valence among the cue words (Hutto & Gilbert 2014), None if unrated."""
    best = 0.0
    for t in tokens:
        for form in (t.lower_, t.lemma_.lower()):
            v = word_valence(form)
            if abs(v) > abs(best):
                best = v
    return round(best, 1) if best else None


def _crosses_punct(doc: Doc, a: int, b: int, allow: frozenset[str] = frozenset()) -> bool:
    """True when punctuation (a quote mark, a comma...) not in ``allow`` stands between a and b."""
    return any(t.is_punct and t.text != "-" and t.text not in allow for t in doc[a + 1 : b])


def _coordinated(tok: Token, other: Token) -> bool:
    """True when ``other`` is a same-class conjunct of ``tok`` joined by only and/or/commas."""
    lo, hi = sorted((tok.i, other.i))
    between = tok.doc[lo + 1 : hi]
    return (
        other.pos_ == tok.pos_
        and 0 < hi - lo <= MAX_CONJ_GAP
        and all(t.dep_ == "cc" or t.text == "," for t in between)
    )


def _phrase(
    doc: Doc, first: int, last: int, lo: int, hi: int, sent: tuple[int, int]
) -> tuple[int, int]:
    """Token range (first, last) of the phrase the cue ``doc[first:last+1]`` colours.

    A loaded adjective colours the noun it modifies ("brutal crackdown"), a loaded adverb the
    adjective or verb it modifies ("utterly shameful", "aggressively exploited"), a loaded verb
    its object ("slammed the plan"); a phrase ending in a preposition its object ("war on
    drugs"), a loaded noun its "of" phrase ("travesty of justice"). Coordinated words count
    as one ("pathetic and destructive focus", "completely and utterly"). A loaded noun takes
    its adjectives along ("total disaster"), and a loaded adjective, adverb or verb its adverb
    ("very cruel", "unfairly smearing"). The range never reaches below ``lo`` or up to ``hi``
    (the neighbouring cues keep their own markers) and never leaves the sentence.
    """
    lo, hi = max(lo, sent[0]), min(hi, sent[1])
    first = _with_left_modifiers(doc, first, last, lo)
    tok = doc[last]
    # The second of two coordinated words starts the phrase at the first ("baffling and
    # shameful silence"); the first of them takes the second along ("ridiculous and illogical").
    if tok.dep_ == "conj" and lo <= tok.head.i < first and _coordinated(tok, tok.head):
        first, tok = tok.head.i, tok.head
    last = max(last, _coloured_head(doc, tok, hi).i)
    conjuncts = [c.i for c in doc[last].rights if c.dep_ == "conj" and c.i < hi]
    if conjuncts and _coordinated(doc[last], doc[conjuncts[-1]]):
        last = conjuncts[-1]
    return first, _with_object(doc, last, hi)


def _with_left_modifiers(doc: Doc, first: int, last: int, lo: int) -> int:
    """The phrase start once the cue takes its modifiers along ("total disaster", "very cruel")."""
    left_deps = LEFT_DEPS.get(doc[first].pos_, frozenset())
    while first - 1 >= lo:
        prev = doc[first - 1]
        if prev.dep_ in left_deps and prev.head.i in range(first, last + 1) and not prev.ent_type_:
            first -= 1
        else:
            break
    return first


def _coloured_head(doc: Doc, tok: Token, hi: int) -> Token:
    """The noun a loaded adjective modifies, the adjective or verb a loaded adverb modifies."""
    while True:
        head, gap = tok.head, tok.head.i - tok.i
        to_noun = tok.pos_ == "ADJ" and tok.dep_ == "amod" and head.pos_ in ("NOUN", "PROPN")
        to_adj = tok.pos_ == "ADV" and tok.dep_ == "advmod" and head.pos_ in ADVERB_HEADS
        if not ((to_noun and 0 < gap <= MAX_NOUN_GAP) or (to_adj and 0 < gap <= MAX_ADJ_GAP)):
            return tok
        if head.i >= hi or _crosses_punct(doc, tok.i, head.i):
            return tok
        tok = head


def _with_object(doc: Doc, last: int, hi: int) -> int:
    """The phrase end once a verb or preposition takes its object ("slammed the plan", "war on
    drugs") and a noun its near "of" phrase ("travesty of justice")."""
    if doc[last].pos_ in ("VERB", "ADP"):
        objects = [c.i for c in doc[last].rights if c.dep_ in ("dobj", "pobj")]
        if objects and objects[0] < hi and not _crosses_punct(doc, last, objects[0]):
            last = objects[0]
    if doc[last].pos_ == "NOUN" and last + 1 < hi and doc[last + 1].lower_ == "of":
        of = doc[last + 1]
        objects = [c.i for c in of.children if c.dep_ == "pobj"] if of.head.i == last else []
        near = bool(objects) and objects[0] < hi and objects[0] - of.i <= MAX_NOUN_GAP
        if near and not _crosses_punct(doc, of.i, objects[0]):
            last = objects[0]
    return last


def find_loaded(article: ParsedArticle) -> list[Marker]:
    """Loaded-language markers of the article, each given the nearest actor of its sentence.

    Args:
        article: the parsed article with its actors.

    Returns:
        Markers of kind ``loaded`` (see :func:`loaded_markers`), ``actor`` the actor the word
        characterises on the parse (:func:`analysis.engine.characterised.characterised_actor`:
        "Moscow's blatant aggression in Ukraine" -> Russia), None when the parse names nobody.
    """
    out: list[Marker] = []
    for ch in article.chunks:
        for m, cue in _loaded_in(ch.doc, offset=ch.offset, sentence_offset=ch.first_sentence):
            out.append(replace(m, actor=characterised_actor(article, cue)))
    return out


def loaded_markers(doc: Doc, offset: int = 0, sentence_offset: int = 0) -> list[Marker]:
    """Loaded-language markers in ``doc``, matched by lemma against ``lexicons/loaded.csv``.

    Each marker covers the loaded cue and the phrase it colours (a loaded adjective with its
    noun, a loaded adverb with its adjective), and keeps the cue's explanation and source.

    Args:
        doc: a parsed spaCy ``Doc`` (lemmas, POS, dependencies and entities are used; a Doc
            without sentence boundaries counts as one sentence).
        offset: character offset of ``doc`` in the original article (the pipeline parses long
            articles in chunks); added to every ``start``/``end``.
        sentence_offset: index of the doc's first sentence in the whole article.

    Returns:
        Markers of kind ``loaded`` in text order, ``actor`` None, with the lexicon row's
        category, explanation and source, the cue words in ``cue`` and their VADER valence
        (Hutto & Gilbert 2014) in ``valence``. Word list after Recasens et al. 2013 and
        Wikipedia's Manual of Style "Words to watch" (MOS:LABEL), curated by Framing Lens.
    """
    return [m for m, _cue in _loaded_in(doc, offset, sentence_offset)]


def _loaded_in(doc: Doc, offset: int = 0, sentence_offset: int = 0) -> list[tuple[Marker, Token]]:
    """(marker, head token of its cue words) of every loaded-language match in ``doc``."""
    has_sents = doc.has_annotation("SENT_START")
    sent_starts = [s.start for s in doc.sents] if has_sents else [0]
    matches = _matches(doc)
    extend = doc.has_annotation("DEP")
    markers: list[tuple[Marker, Token]] = []
    for k, (i, term) in enumerate(matches):
        cue = list(doc[i : i + len(term.words)])
        first, last = i, cue[-1].i
        s = bisect_right(sent_starts, first) - 1
        if extend:
            lo = matches[k - 1][0] + len(matches[k - 1][1].words) if k else 0
            hi = matches[k + 1][0] if k + 1 < len(matches) else len(doc)
            bounds = (sent_starts[s], sent_starts[s + 1] if s + 1 < len(sent_starts) else len(doc))
            first, last = _phrase(doc, first, last, lo, hi, bounds)
        start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
        entry = LexiconEntry(term.term, term.category, term.explanation, term.source)
        head = next(
            (t for t in cue if not (cue[0].i <= t.head.i <= cue[-1].i) or t.head is t), cue[0]
        )
        markers.append(
            (
                make_marker(
                    "loaded",
                    entry,
                    f"loaded/{term.term}",
                    doc.text[start:end],
                    start + offset,
                    end + offset,
                    None,
                    s + sentence_offset,
                    cue=doc.text[cue[0].idx : cue[-1].idx + len(cue[-1].text)],
                    valence=_strongest_valence(cue),
                ),
                head,
            )
        )
    return markers


def _cue_head(cue: list[Token]) -> Token:
    """The cue word whose head lies outside the cue ("war" of "witch hunt" is "hunt")."""
    inside = range(cue[0].i, cue[-1].i + 1)
    return next((t for t in cue if t.head.i not in inside or t.head is t), cue[0])


def _matches(doc: Doc) -> list[tuple[int, _Term]]:
    """(token index, term) of every lexicon match, longest first, matches not overlapping."""
    matches: list[tuple[int, _Term]] = []
    i = 0
    while i < len(doc):
        term = _match_at(doc, i)
        if term is None:
            i += 1
        else:
            matches.append((i, term))
            i += len(term.words)
    return matches
