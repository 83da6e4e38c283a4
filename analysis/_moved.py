"""Old module paths (before the sub-packages) keep importing, with a deprecation warning.

``import analysis.store`` or ``from analysis.pipeline import analyze`` in a user's script gives
the module at its new place (the same module object, so monkeypatching it still works). New code
imports from the new paths; this table says where each old module went.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import warnings
from types import ModuleType

MOVED: dict[str, str] = {
    "analysis.nlp": "analysis.engine.model",
    "analysis.parse": "analysis.engine.parse",
    "analysis.actors": "analysis.engine.actors",
    "analysis.coref": "analysis.engine.references",
    "analysis.sentiment": "analysis.engine.sentiment",
    "analysis.pipeline": "analysis.engine.pipeline",
    "analysis.attribution": "analysis.engine.extract.attribution",
    "analysis.quotes": "analysis.engine.extract.quotes",
    "analysis.doubt": "analysis.engine.extract.doubt",
    "analysis.loaded": "analysis.engine.extract.loaded",
    "analysis.store": "analysis.library.store",
    "analysis.ingest": "analysis.library.ingest",
    "analysis.corpus": "analysis.library.corpus",
    "analysis.importer": "analysis.library.importer",
    "analysis.samples": "analysis.library.samples",
    "analysis.compare_charts": "analysis.present.compare_charts",
    "analysis.palette": "analysis.present.palette",
    "analysis.highlight": "analysis.present.highlight",
    "analysis.charts": "analysis.present.charts",
    "analysis.report": "analysis.present.report",
    "analysis.export": "analysis.present.export",
    "analysis.bundle": "analysis.present.bundle",
    "analysis.cli_compare": "analysis.cli.compare",
    "analysis.cli_report": "analysis.cli.report",
}
"""Old module name -> new module name."""


class _MovedFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds an old module name and loads it as the module at its new place."""

    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in MOVED:
            return None
        return importlib.machinery.ModuleSpec(fullname, self)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        new = MOVED[spec.name]
        warnings.warn(
            f"{spec.name} moved to {new}; import it from there",
            DeprecationWarning,
            stacklevel=3,
        )
        module = importlib.import_module(new)
        sys.modules[spec.name] = module
        return module

    def exec_module(self, module: ModuleType) -> None:
        """Nothing to run: the module at the new place is already executed."""


def install() -> None:
    """Put the finder on ``sys.meta_path`` once."""
    if not any(isinstance(f, _MovedFinder) for f in sys.meta_path):
        sys.meta_path.append(_MovedFinder())
