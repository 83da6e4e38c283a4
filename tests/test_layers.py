"""The library's layers import only downwards, and no module of ``analysis/`` imports Streamlit.

records/vocabulary/version/lexicons (0) -> engine (1) -> library, compare (2) -> present (3) -> cli
(4). Library and compare sit side by side and do not import each other. The check reads every
import statement (including those inside functions), so a lazy upward import fails too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "analysis"
LAYERS: dict[str, int] = {
    "records": 0,
    "records_schema": 0,
    "vocabulary": 0,
    "version": 0,
    "lexicons": 0,
    "_moved": 0,
    "lazy_exports": 0,
    "kept": 0,
    "blocks": 0,
    "engine": 1,
    "library": 2,
    "compare": 2,
    "present": 3,
    "cli": 4,
    "__main__": 5,
}
SIDEWAYS_ALLOWED: set[tuple[str, str]] = set()
"""(importer, imported) pairs of one layer that may import each other; none today. (Layer 0's
modules are the shared vocabulary and may use each other.)"""


def _part(module: str) -> str:
    """The top-level part of ``analysis.<part>…`` a module belongs to."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in a file (relative ones resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend((node.lineno, a.name) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            out.append((node.lineno, name))
            # "from analysis import engine" imports the sub-package itself
            if name == "analysis":
                out.extend((node.lineno, f"analysis.{a.name}") for a in node.names)
    return out


def layer_violations(root: Path = PACKAGE) -> list[str]:
    """Every import that breaks the layering, as 'file:line imports module (reason)'."""
    problems = []
    for path in sorted(root.rglob("*.py")):
        me = _part(_module_name(path))
        if me == "__init__":
            continue  # the package's front door re-exports from every layer
        for line, name in _imports(path):
            where = f"{path.relative_to(ROOT)}:{line} imports {name}"
            if name == "streamlit" or name.startswith("streamlit."):
                problems.append(f"{where} (analysis/ never imports Streamlit)")
            if not name.startswith("analysis.") or name == "analysis":
                continue
            other = _part(name)
            if other not in LAYERS or me not in LAYERS or other == me:
                continue
            if LAYERS[other] > LAYERS[me]:
                problems.append(
                    f"{where} (layer {LAYERS[me]} may not import layer {LAYERS[other]})"
                )
            elif LAYERS[other] == LAYERS[me] > 0 and (me, other) not in SIDEWAYS_ALLOWED:
                problems.append(f"{where} ({me} and {other} are one layer)")
    return problems


def test_every_sub_package_is_placed_in_a_layer() -> None:
    parts = {p.name if p.is_dir() else p.stem for p in PACKAGE.iterdir()}
    parts = {p for p in parts if not p.startswith(".") and p not in ("__pycache__", "__init__")}
    assert parts <= set(LAYERS), (
        f"give these a layer in tests/test_layers.py: {parts - set(LAYERS)}"
    )


def test_layers_import_only_downwards() -> None:
    assert layer_violations() == []


@pytest.mark.parametrize(
    ("where", "line", "reason"),
    [
        ("engine/bad.py", "import streamlit as st", "never imports Streamlit"),
        ("engine/bad.py", "from analysis.library.store import Library", "may not import layer 2"),
        ("records_bad.py", "from analysis.present import charts", None),
        ("library/bad.py", "from analysis.compare import Comparison", "are one layer"),
        ("compare/bad.py", "from analysis.present.highlight import x", "may not import layer 3"),
        ("engine/bad.py", "def f():\n    from analysis.cli import main", "may not import layer 4"),
    ],
)
def test_the_check_catches_a_forbidden_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, line: str, reason: str | None
) -> None:
    """A copy of the package with one bad import added fails the check (and only that file)."""
    copy = tmp_path / "analysis"
    for src in PACKAGE.rglob("*.py"):
        dst = copy / src.relative_to(PACKAGE)
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    bad = copy / where
    bad.write_text(line + "\n", encoding="utf-8")
    before = set(layer_violations(PACKAGE))  # paths relative to the root: same in the copy
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    found = [v for v in layer_violations(copy) if v not in before]
    if reason is None:  # a top-level module outside every layer: the placement test says so
        assert found == []
        return
    assert len(found) == 1 and found[0].startswith(f"analysis/{where}:") and reason in found[0]
