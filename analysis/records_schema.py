"""The declared JSON shape of an analysis (``framing-lens/analysis/2``, and /1), checked first.

Analyses come back from places we do not control: bundles people send each other, library files
that another program (or a disk error) changed. :func:`validated_analysis` checks such JSON
against this schema (pydantic models, strict: ``"12"`` is not a number, ``5`` is not text), then
checks every offset against the article text, and only then calls
:meth:`analysis.records.ArticleAnalysis.from_dict`; any problem is a :class:`RecordError` whose
message is one sentence naming the field.

The models mirror :mod:`analysis.records` field by field (``tests/present/test_bundle_schema.py``
fails when a record gains or loses a field this module does not know): when the records change
(e.g. structured marker fields instead of ``detail``), this is the one module to update.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from analysis.records import MARKER_KINDS, OLD_SCHEMAS, SCHEMA, STANCES, ArticleAnalysis

MAX_TITLE = 2_000
"""Longest title (characters) accepted from outside."""

_STRICT = ConfigDict(strict=True, extra="ignore", allow_inf_nan=False, frozen=True)
Count = Annotated[int, Field(ge=0)]
Offset = Annotated[int, Field(ge=0)]
Scalar = str | int | float | bool | None


class MarkerJSON(BaseModel):
    """:class:`analysis.records.Marker`."""

    model_config = _STRICT
    kind: str
    category: str
    text: str
    start: Offset
    end: Offset
    actor: str | None
    explanation: str
    source: str
    sentence: int = -1
    speaker: str = ""
    cue: str = ""
    qualifies: str = ""
    valence: float | None = None
    rule: str = ""
    reason: str = ""
    detail: str = ""
    """Schema 1 only (bundles written before structured fields): from_dict turns it into them."""

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, kind: str) -> str:
        if kind not in MARKER_KINDS:
            raise ValueError(f"must be one of {', '.join(MARKER_KINDS)}")
        return kind


class MentionJSON(BaseModel):
    """:class:`analysis.records.Mention`."""

    model_config = _STRICT
    actor: str
    text: str
    start: Offset
    end: Offset
    sentence: int
    how: str = "name"


class SentenceJSON(BaseModel):
    """:class:`analysis.records.Sentence`."""

    model_config = _STRICT
    index: int
    start: Offset
    end: Offset
    sentiment: Annotated[float, Field(ge=-1.0, le=1.0)]


class ActorJSON(BaseModel):
    """:meth:`analysis.records.ActorProfile.to_dict` (``words`` comes from the analysis)."""

    model_config = _STRICT
    id: str
    name: str
    type: str
    aliases: list[str]
    mentions: Count
    stance_counts: dict[str, Count]
    quotes: Count
    scare_quotes: Count
    doubt: Count
    loaded: Count
    sentiment: float | None


class AnalysisJSON(BaseModel):
    """:meth:`analysis.records.ArticleAnalysis.to_dict` with ``include_text=True``.

    ``text`` may be absent (the library stores it apart); ``mentions``, ``sentences`` and
    ``meta`` are absent from the summary the library keeps for comparisons.
    """

    model_config = _STRICT
    schema_: str | None = Field(default=None, alias="schema")
    engine_version: str
    title: Annotated[str, Field(max_length=MAX_TITLE)] | None = None
    words: Count
    language: str = "en"
    warnings: list[str] = []
    actors: list[ActorJSON]
    markers: list[MarkerJSON]
    text: str | None = None
    meta: dict[str, Scalar] = {}
    mentions: list[MentionJSON] = []
    sentences: list[SentenceJSON] = []

    @field_validator("schema_")
    @classmethod
    def _our_schema(cls, value: str | None) -> str | None:
        if value is not None and value not in (SCHEMA, *OLD_SCHEMAS):
            raise ValueError(f"must be {SCHEMA}")
        return value


class DetailJSON(BaseModel):
    """The part the library stores apart from the summary: mentions and meta."""

    model_config = _STRICT
    meta: dict[str, Scalar] = {}
    mentions: list[MentionJSON] = []


class RecordError(ValueError):
    """Stored or sent analysis JSON that does not match the schema; the message says where."""


_NOUNS = {
    "entries": "entry",
    "analyses": "analysis",
    "aliases": "alias",
    "actors": "actor",
    "markers": "marker",
    "mentions": "mention",
    "sentences": "sentence",
    "warnings": "warning",
}
_EXPECTED = {
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "float_type": "must be a number",
    "finite_number": "must be a finite number",
    "string_type": "must be text",
    "bool_type": "must be true or false",
    "list_type": "must be a list",
    "dict_type": "must be an object ({…})",
    "model_type": "must be an object ({…})",
    "model_attributes_type": "must be an object ({…})",
    "missing": "is missing",
    "greater_than_equal": "must not be negative",
    "less_than_equal": "is too large",
    "string_too_long": "is too long",
    "too_long": "has too many items",
    "json_invalid": "is not valid JSON",
    "json_type": "is not valid JSON",
}


def _kind_of(value: Any) -> str:
    """How a JSON value reads to a person: text, a number, a list..."""
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:27] + "…"
        return f"the text {shown!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _where(loc: tuple[int | str, ...]) -> str:
    """A field path in words: ``('markers', 3, 'start')`` -> ``marker 4's “start”``."""
    words: list[str] = []
    parts = list(loc)
    i = 0
    while i < len(parts):
        part = parts[i]
        if isinstance(part, str) and i + 1 < len(parts) and isinstance(parts[i + 1], int):
            noun = _NOUNS.get(part, part)
            words.append(f"{noun} {int(parts[i + 1]) + 1}")
            i += 2
            continue
        words.append(f"“{part}”" if isinstance(part, str) else f"item {int(part) + 1}")
        i += 1
    if not words:
        return "the file"
    text = words[0]
    for w in words[1:]:
        text += f"'s {w}" if not text.endswith("”") else f" → {w}"
    return text


def describe(exc: ValidationError, where: str) -> str:
    """One sentence for the first problem of a validation error (and how many more there are)."""
    errors = exc.errors(include_url=False)
    first = errors[0]
    kind = str(first["type"])
    if kind in ("json_invalid", "json_type"):
        return f"{where} is not valid JSON ({first.get('msg', '')})"
    path = _where(tuple(first["loc"]))
    expected = _EXPECTED.get(kind) or str(first.get("msg", "is not valid")).removeprefix(
        "Value error, "
    )
    found = f", but it is {_kind_of(first['input'])}" if kind not in ("missing",) else ""
    n = len(errors) - 1
    more = f" (and {n} more problem{'s' if n > 1 else ''})" if n else ""
    return f"{where}: {path} {expected}{found}{more}"


def _check_spans(model: AnalysisJSON, text: str, where: str) -> None:
    """Every offset inside the text, and every marker/mention span equal to its text."""
    n = len(text)
    spans: list[tuple[str, Sequence[MarkerJSON | MentionJSON]]] = [
        ("marker", model.markers),
        ("mention", model.mentions),
    ]
    for label, items in spans:
        for i, item in enumerate(items, start=1):
            if not item.start <= item.end <= n or text[item.start : item.end] != item.text:
                raise RecordError(
                    f"{where}: {label} {i}'s offsets ({item.start}–{item.end}) do not point at "
                    f"its words in the article text"
                )
    for i, s in enumerate(model.sentences, start=1):
        if not s.start <= s.end <= n:
            raise RecordError(f"{where}: sentence {i}'s offsets are outside the article text")
    for i, actor in enumerate(model.actors, start=1):
        unknown = set(actor.stance_counts) - set(STANCES)
        if unknown:
            raise RecordError(
                f"{where}: actor {i}'s “stance_counts” has unknown stances "
                f"({', '.join(sorted(unknown))})"
            )


def validated_json(raw: str | bytes, where: str) -> AnalysisJSON:
    """Analysis JSON parsed and checked against :class:`AnalysisJSON` (no offset checks)."""
    try:
        return AnalysisJSON.model_validate_json(raw)
    except ValidationError as exc:
        raise RecordError(describe(exc, where)) from None


def validated_analysis(
    raw: str | bytes | AnalysisJSON,
    *,
    where: str,
    text: str | None = None,
    detail: str | bytes | None = None,
) -> ArticleAnalysis:
    """An :class:`ArticleAnalysis` from untrusted JSON, or a :class:`RecordError` saying why not.

    Args:
        raw: the JSON text (or an already validated model).
        where: how to name the source in messages (a bundle member, "stored analysis 12").
        text: the article text when it is kept apart from the JSON (the library).
        detail: the library's detail JSON (mentions and meta), merged in.

    Returns:
        The analysis, with every offset checked against the article text.
    """
    model = raw if isinstance(raw, AnalysisJSON) else validated_json(raw, where)
    if detail:
        try:
            part = DetailJSON.model_validate_json(detail)
        except ValidationError as exc:
            raise RecordError(describe(exc, f"{where} (detail)")) from None
        model = model.model_copy(update={"meta": part.meta, "mentions": part.mentions})
    body = text if text is not None else model.text
    if body is None:
        raise RecordError(f"{where}: the article text is missing")
    _check_spans(model, body, where)
    try:
        return ArticleAnalysis.from_dict(model.model_dump(by_alias=True), text=body)
    except (KeyError, TypeError, ValueError) as exc:  # the schema should make this unreachable
        raise RecordError(f"{where}: {type(exc).__name__} ({exc})") from None
