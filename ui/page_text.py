"""Page prose kept as Markdown files under ``ui/prose/`` (read once, placeholders filled)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

TEXT_DIR = Path(__file__).with_name("prose")


@cache
def _raw(name: str) -> str:
    return (TEXT_DIR / f"{name}.md").read_text(encoding="utf-8").strip()


def page_text(name: str, **values: Any) -> str:
    """The Markdown of ``ui/prose/<name>.md`` with ``{placeholders}`` filled from ``values``."""
    text = _raw(name)
    return text.format(**values) if values else text
