"""Library: the stored articles — import, search and filter, edit, delete, export.

Imports take CSV or JSONL (a ``text`` column; ``title, outlet, date, url`` optional) or article
files (an outlet each); a malformed row is reported by its line and the other rows still import.
New articles are analysed on all cores with a progress bar (rate and time left). The table shows
one page of the matching articles; rows ticked in it are edited or deleted, and "delete all
matching" deletes what the filter keeps (:mod:`ui.library_table`).
"""

from functools import partial

import streamlit as st

from analysis.library.store import Library
from ui.actor_aliases import alias_editor
from ui.library_access import analyse_with_progress, open_library
from ui.library_import import render_import
from ui.library_table import library_filter, render_delete_matching, render_selected, render_table
from ui.nav import use_app_navigation

use_app_navigation()
st.title("Library")
library = open_library()
st.caption(
    f"{library.count():,} articles stored in this server's library. Articles marked *constructed* "
    "are teaching examples written by the Framing Lens authors, not real reporting."
)  # never the file's path: visitors need not know the server's folders

render_import(library)
flt = library_filter(library)
selected = render_table(library, flt)
render_selected(library, selected)
render_delete_matching(library, flt)

# ---- actors across the library ---------------------------------------------------------------
with st.expander("Actors across the library: merge, split, rename", icon=":material/group:"):
    alias_editor(library)


# ---- export ----------------------------------------------------------------------------------
def _export(path: str, fmt: str) -> str:
    """The whole library as CSV or JSONL (own connection: runs outside the script thread)."""
    with Library(path) as lib:
        return lib.export_text(fmt)


# One row of buttons as wide as their labels (fixed columns cut "Export all as JSONL" at 1280 px).
exports = st.container(horizontal=True, key="library.exports")
exports.download_button(
    "Export all as CSV", partial(_export, str(library.path), "csv"),
    file_name="framing-lens-library.csv", mime="text/csv", key="library.export_csv",
    on_click="ignore",
)  # fmt: skip
exports.download_button(
    "Export all as JSONL", partial(_export, str(library.path), "jsonl"),
    file_name="framing-lens-library.jsonl", mime="application/jsonl",
    key="library.export_jsonl", on_click="ignore",
)  # fmt: skip
missing = library.missing_count()
if missing and st.button(
    f"Analyse the {missing} article(s) not analysed yet", key="library.analyse"
):
    analyse_with_progress(library, None, "Analysing")
    st.rerun()
library.close()
