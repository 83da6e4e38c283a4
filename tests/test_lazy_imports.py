"""Package exports load on first use: the Compare page's modules import without spaCy, NLTK or
scikit-learn, and every export still is the object it names."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("spacy", "nltk", "sklearn", "scipy", "analysis.engine.tone.classifier")


def loaded_after(code: str) -> list[str]:
    """The heavy modules a fresh interpreter has loaded after running ``code``."""
    probe = f"{code}\nimport sys\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return [m for m in done.stdout.strip().split(",") if m]


def test_the_compare_page_modules_load_no_nlp_or_learning_library() -> None:
    code = (
        "import analysis, analysis.compare, analysis.library.query, analysis.present.report\n"
        "import ui.compare_tabs, ui.compare_filters, ui.library_access, ui.downloads"
    )
    assert loaded_after(code) == []
    # They load when asked for: the engine's analyze, the distinctive words' comparer.
    assert "spacy" in loaded_after("from analysis import analyze")
    assert "sklearn" in loaded_after("from analysis.compare import LogOddsComparer")


def test_lazy_exports_are_the_objects_they_name() -> None:
    import analysis
    import analysis.engine
    import analysis.engine.parse  # the sub-module named like the export
    from analysis.engine import parse
    from analysis.engine.pipeline import analyze

    assert callable(parse) and parse.__module__ == "analysis.engine.parse"
    assert analysis.engine.parse is parse
    assert analysis.analyze is analyze and analysis.engine.analyze is analyze
    assert sorted(analysis.engine.__all__) == sorted(analysis.engine._EXPORTS)
