"""The schema mirrors the records: a field added to or removed from a record fails here first."""

from __future__ import annotations

import dataclasses

import pytest
from pydantic import BaseModel

from analysis.records import ActorProfile, Marker, Mention, Sentence
from analysis.records_schema import ActorJSON, MarkerJSON, MentionJSON, SentenceJSON
from tests.present.export_sample import sample_analysis


@pytest.mark.parametrize(
    ("record", "model", "not_in_json"),
    [
        (Marker, MarkerJSON, set()),
        (Mention, MentionJSON, set()),
        (Sentence, SentenceJSON, set()),
        (ActorProfile, ActorJSON, {"words"}),  # words comes from the analysis, not the actor
    ],
)
def test_each_schema_model_has_exactly_its_records_fields(
    record: type, model: type[BaseModel], not_in_json: set[str]
) -> None:
    fields = {f.name for f in dataclasses.fields(record)} - not_in_json
    legacy = {"detail"} if record is Marker else set()  # schema 1's free text, still read
    assert set(model.model_fields) - legacy == fields, (
        f"{record.__name__} and records_schema.{model.__name__} differ: update the schema"
    )


def test_the_schema_accepts_what_to_dict_writes() -> None:
    """Every field the records write validates, and the analysis rebuilds identically."""
    from analysis.records_schema import validated_analysis

    a = sample_analysis()
    import json

    assert validated_analysis(json.dumps(a.to_dict(include_text=True)), where="x") == a
    for actor in a.actors:
        assert set(actor.to_dict()) == set(ActorJSON.model_fields)
