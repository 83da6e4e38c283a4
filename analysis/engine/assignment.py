"""A name candidate assigned to an actor key: the unit the actor-merging steps work on."""

from __future__ import annotations

from dataclasses import dataclass

from analysis.engine.names import NameCandidate


@dataclass(frozen=True, slots=True)
class Assignment:
    """A name candidate assigned to an actor key (``"person:Jens Stoltenberg"``) and type."""

    name: NameCandidate
    key: str
    type: str
