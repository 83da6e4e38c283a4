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
from functools import cache
from pathlib import Path

import streamlit as st

ELEMENTS = (
    "PlotlyChart", "DataFrame", "Multiselect", "DateInput", "Slider", "TextInput", "Radio",
    "Checkbox", "Selectbox", "NumberInput", "DownloadButton", "Html", "TextArea", "FileUploader",
)  # fmt: skip
"""The kinds of elements the pages draw (Streamlit's chunk names)."""

_SCRIPT = """<script>(() => {
  if (window.__flPrefetch) return;
  const entry = document.querySelector('script[type=module][src*="/js/index."]');
  if (!entry) return;
  window.__flPrefetch = "waiting";
  const load = () => {
    window.__flPrefetch = "loading";
    Promise.all(FILES.map(f => import(new URL(f, entry.src).href).catch(() => null)))
      .then(() => { window.__flPrefetch = "done"; });
  };
  (window.requestIdleCallback || (f => setTimeout(f, 1000)))(load);
})();</script>"""


@cache
def chunk_files(elements: tuple[str, ...] = ELEMENTS) -> tuple[str, ...]:
    """The installed Streamlit's chunk file names of ``elements`` (their names are hashed)."""
    folder = Path(st.__file__).parent / "static" / "static" / "js"
    return tuple(sorted(p.name for name in elements for p in folder.glob(f"{name}.*.js")))


def prefetch_element_code() -> None:
    """Emit (in the sidebar, out of the way) the script that loads :func:`chunk_files`."""
    files = chunk_files()
    if files:
        st.sidebar.html(_SCRIPT.replace("FILES", json.dumps(files)), unsafe_allow_javascript=True)
