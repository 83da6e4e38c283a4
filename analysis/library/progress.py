"""Rate and time left of a long job (an import, an analysis), for the CLI bar and the pages."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while articles are handled."""


@dataclass(frozen=True, slots=True)
class Reading:
    """Where a job is: done of total, items per second lately, seconds left (None: unknown)."""

    done: int
    total: int
    rate: float
    eta: float | None

    @property
    def fraction(self) -> float:
        """Share done, 0 … 1."""
        return min(1.0, self.done / self.total) if self.total else 1.0

    def describe(self, unit: str = "articles") -> str:
        """``"120 of 2,000 articles · 14.2 articles/s · about 2 min 12 s left"``."""
        text = f"{self.done:,} of {self.total:,} {unit}"
        if self.rate > 0:
            text += f" · {self.rate:,.1f} {unit}/s"
        if self.eta is not None and self.done < self.total:
            text += f" · about {format_seconds(self.eta)} left"
        return text


def format_seconds(seconds: float) -> str:
    """``"45 s"``, ``"3 min 05 s"``, ``"2 h 10 min"``."""
    s = round(seconds)
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min {s % 60:02d} s"
    return f"{s // 3600} h {(s % 3600) // 60:02d} min"


class Meter:
    """Turns ``(done, total)`` calls into :class:`Reading` s.

    The rate is measured over the last ``window`` seconds, so that a fast start (articles
    already in the library are skipped at once) does not make the time left look short.

    Args:
        window: seconds of history the rate is measured over.
        clock: the time source (seconds); tests pass their own.
    """

    def __init__(self, window: float = 30.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.window = window
        self.clock = clock
        self._history: deque[tuple[float, int]] = deque()

    def update(self, done: int, total: int) -> Reading:
        """Record a step and read the meter."""
        now = self.clock()
        history = self._history
        history.append((now, done))
        while len(history) > 2 and now - history[1][0] > self.window:
            history.popleft()
        t0, d0 = history[0]
        rate = (done - d0) / (now - t0) if now > t0 else 0.0
        eta = (total - done) / rate if rate > 0 else None
        return Reading(done, total, rate, eta)
