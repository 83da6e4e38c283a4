"""The declared shape of one imported article row (a CSV line or a JSON Lines object).

CSV cells are always text; JSON Lines values can be anything JSON holds. Both go through
:class:`RowJSON` (pydantic) before a row reaches the library: the text must be text and not too
long, metadata must be text (numbers are accepted and written as text, lists and objects are not),
dates and flags are read by the corpus module's own parsers. :func:`validated_row` returns the
clean fields or raises ValueError with one sentence naming the column.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError

from analysis.library.ingest import MAX_CHARS

MAX_META = {"title": 1_000, "outlet": 200, "url": 2_048}
"""Longest title, outlet name and web address (characters) a row may carry."""


def _meta(column: str) -> BeforeValidator:
    """A metadata cell as trimmed text or None; numbers become text, containers are refused."""

    def check(value: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise ValueError(f"{column} must be text, not {_kind(value)}")
        text = str(value).strip()
        if len(text) > MAX_META[column]:
            raise ValueError(f"{column} is {len(text):,} characters; at most {MAX_META[column]:,}")
        return text or None

    return BeforeValidator(check)


def _kind(value: Any) -> str:
    """A JSON value's kind in words."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, int | float):
        return "a number"
    return type(value).__name__


def _text(value: Any) -> str:
    if not isinstance(value, str):
        if value is None:
            raise ValueError("the 'text' cell is empty; every row needs the article text")
        raise ValueError(f"the 'text' must be the article text, not {_kind(value)}")
    if not value.strip():
        raise ValueError("the 'text' cell is empty; every row needs the article text")
    if len(value) > MAX_CHARS:
        raise ValueError(f"the text is {len(value):,} characters, more than {MAX_CHARS:,}")
    return value


def _date(value: Any) -> str | None:
    from analysis.library.corpus import parse_date

    if value is not None and (isinstance(value, bool) or not isinstance(value, str | int)):
        raise ValueError(f"date must be text such as 2022-02-17, not {_kind(value)}")
    return parse_date(value)


def _flag(value: Any) -> bool:
    from analysis.library.corpus import _flag as flag

    return flag(value)


def _added(value: Any) -> str | None:
    from datetime import datetime

    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise ValueError(f"added must be an ISO 8601 time, not {_kind(value)}")
    try:
        datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"added {value.strip()!r} is not an ISO 8601 time") from None
    return value.strip()


class RowJSON(BaseModel):
    """One article row: ``text`` required; title, outlet, date, url, constructed, added optional."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    text: Annotated[str, BeforeValidator(_text)]
    title: Annotated[str | None, _meta("title")] = None
    outlet: Annotated[str | None, _meta("outlet")] = None
    url: Annotated[str | None, _meta("url")] = None
    date: Annotated[str | None, BeforeValidator(_date)] = None
    constructed: Annotated[bool, BeforeValidator(_flag)] = False
    added: Annotated[str | None, BeforeValidator(_added)] = None


def validated_row(fields: dict[str, Any]) -> dict[str, Any]:
    """The row's clean fields; raises ValueError with one plain sentence (the first problem)."""
    if "text" not in fields:
        fields = {**fields, "text": None}
    try:
        return RowJSON.model_validate(fields).model_dump()
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        message = str(first.get("msg", "is not valid")).removeprefix("Value error, ")
        raise ValueError(message) from None
