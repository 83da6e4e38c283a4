"""Where browser tests save their screenshots: a temporary folder, or docs/ when asked.

A test run must not change tracked files, so screenshots go to a temporary folder by default
(printed at the end of the run). ``make screenshots`` sets ``FRAMING_LENS_SCREENSHOTS`` to
``docs/screenshots`` to refresh the README's pictures on purpose.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

ENV_VAR = "FRAMING_LENS_SCREENSHOTS"


def screenshot_dir() -> Path:
    """The folder for this run's screenshots (created)."""
    folder = Path(os.environ.get(ENV_VAR) or Path(tempfile.gettempdir()) / "framing-lens-shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def screenshot_path(name: str) -> Path:
    """Where the screenshot ``name`` (e.g. ``analyze.png``) of this run is saved."""
    return screenshot_dir() / name
