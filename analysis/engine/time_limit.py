"""A ceiling on one analysis's running time, so an interactive request ends with a message.

Analysis time is linear in text length (``benchmarks/input_scale.py``), and ingest caps a text at
``analysis.library.ingest.MAX_CHARS``, so an ordinary article never comes near the ceiling. It is
the net for a loaded server or an unusual text: the parse (about nine tenths of the time) checks
the clock between the pieces it parses, the rule layers check it once more before they run, and
the tone model checks it before scoring each sentence's mentions.
"""

from __future__ import annotations

import time
from dataclasses import dataclass


class AnalysisTimeout(RuntimeError):
    """The analysis ran longer than its time limit (the message says what to do)."""


@dataclass(frozen=True, slots=True)
class Deadline:
    """A point in time (``time.monotonic``) after which an analysis stops."""

    at: float
    seconds: float

    @classmethod
    def after(cls, seconds: float | None) -> Deadline | None:
        """A deadline ``seconds`` from now; None (no limit) when ``seconds`` is None."""
        return None if seconds is None else cls(time.monotonic() + seconds, seconds)

    def check(self) -> None:
        """Raise :class:`AnalysisTimeout` when the deadline has passed."""
        if time.monotonic() > self.at:
            raise AnalysisTimeout(
                f"The analysis took longer than {self.seconds:g} seconds and was stopped. The "
                "server may be busy: try again in a moment, or analyse a shorter text (one "
                "article at a time)."
            )
