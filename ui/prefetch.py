"""Fetch the code of the pages' charts and widgets while the browser is idle.

Why: Streamlit loads the code of each kind of element (``PlotlyChart.*.js`` is 4.7 MB with
Plotly, the table 0.5 MB) only when the first element of that kind reaches the browser, so
the first Compare page a visitor opens from Home waited for that code to download and compile
after the server had answered. Every page therefore asks, once per browser tab and only when the
browser has nothing else to do (``requestIdleCallback``), for the chunk files of the elements
the app's pages use: Streamlit's own files from this server, never anything from outside. An
installed Streamlit that names its chunks differently matches nothing, and nothing is asked
for: pages work as before. ``window.__flPrefetch`` says "done" when every chunk is loaded (the
benchmark waits on it).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import streamlit as st

ELEMENTS = (
    "PlotlyChart", "DataFrame", "Multiselect", "DateInput", "Slider", "TextInput", "Radio",
    "Checkbox", "Selectbox", "NumberInput", "DownloadButton", "TextArea", "FileUploader",
)  # fmt: skip
"""The kinds of elements the pages draw (Streamlit's chunk names; the ``Html`` chunk is loaded
already: it runs the script)."""
CHUNK_NAME = re.compile(r"[A-Za-z0-9_.-]+\.js")
"""What a chunk file name looks like: nothing else is written into the script."""

_SCRIPT = """<script>(() => {
  if (window.__flPrefetch) return;
  const entry = document.querySelector('script[type=module][src*="/js/index."]');
  if (!entry) return;
  window.__flPrefetch = "waiting";
  const load = () => {
    window.__flPrefetch = "loading";
    Promise.all(__FL_FILES__.map(f => import(new URL(f, entry.src).href).catch(() => null)))
      .then(() => { window.__flPrefetch = "done"; });
  };
    (window.requestIdleCallback || (f => setTimeout(f, 1000)))(load);
})();</script>"""
_FILES_TOKEN = "__FL_FILES__"


@cache
def chunk_files(elements: tuple[str, ...] = ELEMENTS) -> tuple[str, ...]:
    """The installed Streamlit's chunk file names of ``elements`` (their names are hashed).

    The folder holds about a thousand files: it is listed once (the server's warm-up calls
    this), not once per element."""
    folder = Path(st.__file__).parent / "static" / "static" / "js"
    kinds = {f"{name}." for name in elements}
    found = (
        f.name
        for f in folder.iterdir()
        if f.name.endswith(".js") and f.name[: f.name.find(".") + 1] in kinds
    )
    return tuple(sorted(f for f in found if CHUNK_NAME.fullmatch(f)))


def prefetch_element_code() -> None:
    """Emit (in the sidebar, out of the way) the script that loads :func:`chunk_files` — not
    in a student's tab (``/class?code=``): it shows the class page only, and 5 MB of code per
    student from the teacher's machine would be wasted."""
    files = chunk_files()
    if files and not st.query_params.get("code"):
        script = _SCRIPT.replace(_FILES_TOKEN, json.dumps(files))
        st.sidebar.html(script, unsafe_allow_javascript=True)
