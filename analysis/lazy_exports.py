"""Package exports imported on first use (PEP 562), so importing a light module of a package
does not load the whole package (spaCy, scikit-learn) with it.

Why: ``import analysis.engine.gazetteer`` runs ``analysis/engine/__init__.py`` first; when that
imported every export eagerly, the Compare page paid about two seconds of spaCy, NLTK and
scikit-learn imports before drawing anything, although it runs no NLP.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any


class _Package(ModuleType):
    """A package whose exports named like one of its sub-modules stay the exported object.

    Importing ``pkg.parse`` binds the sub-module as attribute ``parse`` of the package; with the
    eager ``from pkg.parse import parse`` the function replaced it, and so it does here.
    """

    _exports: Mapping[str, str]

    def __setattr__(self, name: str, value: Any) -> None:
        if (
            isinstance(value, ModuleType)
            and name in self._exports
            and value.__name__ == f"{self.__name__}.{name}"
        ):
            value = getattr(value, name)
        super().__setattr__(name, value)


def lazy_exports(package: str, exports: Mapping[str, str]) -> Callable[[str], Any]:
    """The ``__getattr__`` of a package: export name → the module it is imported from.

    Args:
        package: the package's ``__name__``.
        exports: each exported name and the module that defines it.

    Returns:
        The function to assign to the package's ``__getattr__``; the first access of a name
        imports its module and keeps the value on the package.
    """
    module = sys.modules[package]
    module.__class__ = _Package
    module.__dict__["_exports"] = dict(exports)

    def __getattr__(name: str) -> Any:
        if name not in exports:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(exports[name]), name)
        module.__dict__[name] = value
        return value

    return __getattr__
