"""The pipeline: text -> parsed article -> actors -> references -> markers -> actor profiles.

Each step reads the :class:`~analysis.engine.article.ParsedArticle` the steps before it
annotated, like the components of a spaCy pipeline. The extractors run in :data:`EXTRACTORS`
order, each after the markers it reads (quotes read the reporting cues and doubt words).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from spacy.language import Language

from analysis.engine.actors import find_actors
from analysis.engine.article import ParsedArticle
from analysis.engine.content_warnings import NOT_ENGLISH, content_warnings
from analysis.engine.extract.attribution import find_attributions
from analysis.engine.extract.doubt import find_doubt
from analysis.engine.extract.first_person import resolve_quoted_first_person
from analysis.engine.extract.loaded import find_loaded
from analysis.engine.extract.quotes import find_quotes
from analysis.engine.mention_tone import score_mention_tones
from analysis.engine.model import load_model
from analysis.engine.parse import parse
from analysis.engine.profiles import build_profiles
from analysis.engine.references import resolve_references
from analysis.engine.sentiment import sentence_sentiments
from analysis.engine.time_limit import Deadline
from analysis.engine.tone import ToneModelError
from analysis.records import ArticleAnalysis, Marker, Sentence
from analysis.version import ENGINE_VERSION

Extractor = Callable[[ParsedArticle], list[Marker]]

EXTRACTORS: tuple[tuple[str, Extractor], ...] = (
    ("attribution", find_attributions),
    ("doubt", find_doubt),
    ("quote", find_quotes),  # assigns kinds "quote" and "scare_quote"
    ("attribution", resolve_quoted_first_person),  # revises the cues inside quotes
    ("loaded", find_loaded),
)
"""(kind stored, extractor) in the order they run."""

_WORDS = re.compile(r"\w+(?:[-'’]\w+)*")
HEADLINE_MAX_WORDS = 25
"""A first line this short, with no closing full stop, reads as a headline."""


def analyze(
    text: str,
    *,
    title: str | None = None,
    nlp: Language | None = None,
    time_limit: float | None = None,
) -> ArticleAnalysis:
    """Analyse how one article frames the actors in it.

    The method combines named-entity recognition and dependency parsing (spaCy) with curated
    lexicons: reporting-verb stance (Wikipedia MOS "Words to watch"; Recasens et al. 2013),
    hedges (Hyland 2005), scare quotes, loaded language, and VADER sentiment (Hutto & Gilbert
    2014). See DESIGN.md for the vocabulary.

    Args:
        text: the article text (plain text; the first line is treated like any other line).
        title: an optional title to record with the result; default the first line when it
            reads like a headline.
        nlp: a loaded spaCy pipeline; default :func:`analysis.engine.model.load_model`.
        time_limit: seconds the analysis may take (None: no limit); past it
            :class:`~analysis.engine.time_limit.AnalysisTimeout` is raised with a message for the
            user (:mod:`analysis.engine.time_limit`).

    Returns:
        An :class:`ArticleAnalysis`. Messy input never raises: problems are in ``warnings``.
    """
    if not isinstance(text, str):
        raise TypeError(f"analyze() needs str, got {type(text).__name__}")
    if not text.strip():
        return ArticleAnalysis(
            text=text,
            title=title,
            words=0,
            engine_version=ENGINE_VERSION,
            warnings=("The text is empty. Paste or upload an article to analyse.",),
        )
    deadline = Deadline.after(time_limit)
    parsed = parse(text, nlp or load_model(), deadline=deadline)
    if deadline is not None:
        deadline.check()
    return analyze_parsed(parsed, title=title, deadline=deadline)


def analyze_parsed(
    article: ParsedArticle, *, title: str | None = None, deadline: Deadline | None = None
) -> ArticleAnalysis:
    """The analysis of an article already parsed (:func:`analysis.engine.parse.parse`).

    Callers that parse many texts at once (``nlp.pipe`` in batches) analyse each here;
    ``deadline`` is checked between the sentences whose mentions get a tone.
    """
    text = article.text
    words = len(_WORDS.findall(text))
    article = article.with_actors(find_actors(article))
    article = article.with_actors(resolve_references(article))
    for kind, extract in EXTRACTORS:
        found = extract(article)
        if kind == "quote":
            article = article.with_markers("quote", [m for m in found if m.kind == "quote"])
            article = article.with_markers(
                "scare_quote", [m for m in found if m.kind == "scare_quote"]
            )
        else:
            article = article.with_markers(kind, found)
    markers = sorted(
        (m for ms in article.markers.values() for m in ms), key=lambda m: (m.start, -m.end, m.kind)
    )
    sentences = _scored_sentences(article)
    warnings = content_warnings(article, words)
    try:
        mentions = score_mention_tones(
            text, article.actors.mentions, article.sentences, deadline=deadline
        )
    except ToneModelError as exc:
        mentions = tuple(article.actors.mentions)
        warnings.append(f"The tone model could not be read ({exc}); tone is not shown.")
    return ArticleAnalysis(
        text=text,
        title=title or headline(text),
        words=words,
        engine_version=ENGINE_VERSION,
        warnings=tuple(warnings),
        actors=build_profiles(article.actors, markers, sentences, words, mentions),
        markers=tuple(markers),
        mentions=mentions,
        sentences=sentences,
        language="unknown" if any(w.startswith(NOT_ENGLISH) for w in warnings) else "en",
    )


def _scored_sentences(article: ParsedArticle) -> tuple[Sentence, ...]:
    """The article's sentences with their VADER compound score."""
    spans = article.sentences
    scores = sentence_sentiments([article.text[a:b] for a, b in spans])
    return tuple(
        Sentence(i, a, b, round(float(s), 4))
        for i, ((a, b), s) in enumerate(zip(spans, scores, strict=True))
    )


def headline(text: str) -> str | None:
    """The first line when it looks like a headline (short, no closing full stop), else None."""
    first = text.lstrip().split("\n", 1)[0].strip()
    short = len(first.split()) <= HEADLINE_MAX_WORDS
    if first and short and first[-1] not in ".,;:" and "\n" in text.strip():
        return first
    return None


def analyze_many(
    texts: Sequence[str], titles: Sequence[str | None] | None = None, nlp: Language | None = None
) -> list[ArticleAnalysis]:
    """Analyse several articles with one loaded model (see :func:`analyze`)."""
    nlp = nlp or load_model()
    titles = titles or [None] * len(texts)
    return [analyze(t, title=ti, nlp=nlp) for t, ti in zip(texts, titles, strict=True)]
