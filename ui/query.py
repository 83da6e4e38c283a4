"""Query parameters of shared links (``/class?code=…``), checked against declared schemas.

A link is typed, pasted and forwarded by people, so its parameters are untrusted input like any
other. Every parameter a page reads is declared in :data:`SCHEMAS` (pydantic types, the same style
as the bundle and row schemas); :func:`query_value` returns the validated value, or the default
with a one-line warning naming the parameter when the link's value does not fit.
"""

from __future__ import annotations

from typing import Annotated, Any

import streamlit as st
from pydantic import StringConstraints, TypeAdapter, ValidationError

from ui.text import md

ClassCode = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9-]{4,32}$")
]
"""A class code: 4-32 letters, digits or dashes (what a teacher reads out)."""

SCHEMAS: dict[str, TypeAdapter[Any]] = {
    "code": TypeAdapter(ClassCode),
}
"""Every query parameter the app reads, by name."""

_RULES = {"code": "4 to 32 letters, digits or dashes"}


def query_value(name: str, default: Any = None) -> Any:
    """The validated value of query parameter ``name``, else ``default`` (warned when invalid).

    Raises:
        KeyError: ``name`` is not declared in :data:`SCHEMAS` (a page must declare what it reads).
    """
    schema = SCHEMAS[name]
    raw = st.query_params.get(name)
    if raw is None:
        return default
    try:
        return schema.validate_python(raw)
    except ValidationError:
        rule = _RULES.get(name, "a valid value")
        st.warning(
            f"The link's “{md(name)}” value was ignored: it must be {rule}. "
            "Check the link, or type the value in.",
        )
        return default
