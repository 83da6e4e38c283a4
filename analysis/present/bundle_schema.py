"""The declared shape of a bundle's ``manifest.json`` (``framing-lens/bundle/1``).

The analyses a manifest points to are checked by :mod:`analysis.records_schema`; this module
holds only what is particular to bundles: the entries, their labels and the member names.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from analysis.library.archive import unsafe_name_reason
from analysis.records_schema import MAX_TITLE, Scalar, describe

BUNDLE_SCHEMA = "framing-lens/bundle/1"
MAX_ENTRIES = 2_000
"""Analyses one bundle may hold (a comparison of 2,000 articles)."""

_STRICT = ConfigDict(strict=True, extra="ignore", allow_inf_nan=False, frozen=True)


def _member_name(name: str) -> str:
    """A member name that stays inside the bundle."""
    reason = unsafe_name_reason(name)
    if reason:
        raise ValueError(reason)
    return name


class EntryJSON(BaseModel):
    """One analysis listed in the manifest."""

    model_config = _STRICT
    title: Annotated[str, Field(max_length=MAX_TITLE)] | None = None
    text: str | None = None
    analysis: str
    text_sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")] | None = None
    engine_version: str | None = None
    labels: dict[str, Scalar] = {}

    @field_validator("analysis", "text")
    @classmethod
    def _inside_the_bundle(cls, name: str | None) -> str | None:
        return None if name is None else _member_name(name)


class ManifestJSON(BaseModel):
    """``manifest.json``: schema, creation time, versions, entries, extra settings of the view."""

    model_config = _STRICT
    schema_: Literal["framing-lens/bundle/1"] = Field(alias="schema")
    kind: Literal["article", "comparison"] = "article"
    created: str | None = None
    engine_version: str | None = None
    lexicon_versions: dict[str, str] = {}
    entries: Annotated[list[EntryJSON], Field(min_length=1, max_length=MAX_ENTRIES)]
    extra: dict[str, Scalar] = {}


class ManifestError(ValueError):
    """The manifest does not match :class:`ManifestJSON`; the message names the field."""


def validated_manifest(raw: bytes) -> ManifestJSON:
    """``manifest.json`` parsed and checked, or a :class:`ManifestError` in one sentence."""
    try:
        return ManifestJSON.model_validate_json(raw)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        if tuple(first["loc"]) == ("schema",):
            raise ManifestError(
                f"this .zip is not a Framing Lens bundle (manifest.json does not say schema "
                f"{BUNDLE_SCHEMA})"
            ) from None
        if tuple(first["loc"]) == ("entries",) and first["type"] == "too_short":
            raise ManifestError("the bundle holds no analysis (manifest.json lists none)") from None
        raise ManifestError(describe(exc, "manifest.json")) from None
