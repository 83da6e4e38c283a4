"""Start the app server warm: ``python -m ui.serve [streamlit run options]`` (what `make run` runs).

``streamlit run app.py`` imports the pages' libraries (pandas, Plotly, the analysis package),
loads the spaCy model, resolves the library's actor names and computes the Compare page's
default view only when the first visitor arrives, so the first page anyone opens after a start
waits for them (several seconds on two cores; ``benchmarks/compare_scale.py``). This launcher
does that work before the server listens (the start-up warm-up of streamlit/streamlit#6108; it
prints how long it took), then hands over to Streamlit's own command line in the same process:
the app, its options and its behaviour are those of ``streamlit run app.py``. The caches it
fills are the pages' own (keyed by the library's revision), so nothing it computed can go stale.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analysis.library.store import Library

ROOT = Path(__file__).resolve().parent.parent
PRELOADED = (
    "ui.compare_tabs", "ui.library_table", "ui.class_view", "ui.tone_view", "ui.prefetch",
    "streamlit.emojis", "streamlit.material_icon_names",
)  # fmt: skip
"""The pages' heaviest modules (pandas, Plotly, the charts), and those Streamlit imports on a
process's first page run (the icons of labels), imported once per process."""


EXPORTER_WAIT_S = 30
"""The longest the warm-up waits for the chart-export browser (it goes on starting after)."""


def warm_up() -> str:
    """Import what the pages import, start the chart-export browser, load the language model,
    resolve the library's actors and compute the Compare page's default view (when every
    article is analysed); says how long it took.

    A failure here is never fatal: the first visitor then does the same work (and sees the
    same error message the page would show).
    """
    t0 = time.perf_counter()
    for module in PRELOADED:
        importlib.import_module(module)
    from analysis.version import analysis_key
    from ui.analysis_cache import warm_engine
    from ui.downloads import warm_exporter
    from ui.library_access import actor_resolution, missing_in_library, open_library
    from ui.nav import start_in_app_navigation
    from ui.prefetch import chunk_files

    # The chart-export browser starts beside the rest (2–3 s, mostly in its own process) and
    # is waited for below: started later, it would compete with a first visitor's page.
    exporter = warm_exporter()
    start_in_app_navigation()
    _known_to_run_under_streamlit()
    chunk_files()
    warm_engine()  # the spaCy model and lexicons: `make run` sends the user to /analyze first

    with open_library() as library:
        path, revision = str(library.path), library.revision()
        actor_resolution(path, revision, analysis_key())
        if not missing_in_library(library):  # else the page analyses first: a new revision
            _precompute_compare(library)
    exporter.join(timeout=EXPORTER_WAIT_S)
    return f"warmed up in {time.perf_counter() - t0:.1f} s"


def _known_to_run_under_streamlit() -> None:
    """Skip Streamlit's once-per-process check, on the first element a process sends, of
    whether it runs in a Python prompt: it walks the call stack with ``inspect`` (0.1–0.2 s
    with the pages' modules loaded), inside the first visitor's page run. The server runs
    under ``streamlit run``, so the answer is known (and its warning would not apply)."""
    import streamlit.delta_generator as dg

    dg._use_warning_has_been_displayed = True


def _precompute_compare(library: Library) -> None:
    """The Compare page's default view, computed into the caches its first run reads."""
    from analysis.library.query import Selection
    from ui.compare_filters import default_filter
    from ui.compare_tabs import precompute_heat_tab
    from ui.library_access import comparison_of

    flt = default_filter(library)
    comparison = comparison_of(library, flt, "outlet")
    if len(comparison.groups) >= 2:
        precompute_heat_tab(comparison)
        selection = Selection(library, flt)
        try:
            selection.warm_windows()  # for the first keyword or actor typed
        finally:
            selection.close()


@contextlib.contextmanager
def _quiet_runtime_warnings() -> Iterator[None]:
    """Silence what caches say when used before the runtime exists (no session, no spinner):
    nothing is wrong with that here. The loggers are set up when their modules are imported."""
    from streamlit.runtime.caching import cache_data_api
    from streamlit.runtime.scriptrunner_utils import script_run_context

    quiet = [logging.getLogger(m.__name__) for m in (cache_data_api, script_run_context)]
    levels = [q.level for q in quiet]
    for q in quiet:
        q.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for q, level in zip(quiet, levels, strict=True):
            q.setLevel(level)


def main(argv: list[str]) -> None:
    """Warm up, then run ``streamlit run app.py`` with ``argv`` as its options."""
    sys.path.insert(0, str(ROOT))
    print("Framing Lens: warming up (the language model, the actor names, the Compare view)…",
          flush=True)  # fmt: skip
    try:
        with _quiet_runtime_warnings():
            print(f"Framing Lens: {warm_up()}", flush=True)
    except KeyboardInterrupt:
        raise SystemExit(130) from None  # stopped while warming up: no traceback
    except Exception as exc:  # the first page run meets the same problem and shows it
        print(f"Framing Lens: warm-up skipped ({type(exc).__name__}: {exc})", flush=True)
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(ROOT / "app.py"), *argv]
    cli.main()


if __name__ == "__main__":
    main(sys.argv[1:])
