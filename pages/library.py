"""Library: the stored articles — import, search and filter, edit, delete, export.

Imports take CSV or JSONL (a ``text`` column; ``title, outlet, date, url`` optional) or article
files; a malformed row is reported by its line and the other rows still import. New articles are
analysed on all cores with a progress bar (rate and time left).
"""

from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from analysis.library.corpus import parse_date, read_corpus
from analysis.library.store import Library
from ui.library_access import analyse_with_progress, import_with_progress, open_library
from ui.nav import use_app_navigation
from ui.text import md, md_block, option

IMPORT_TYPES = ["csv", "jsonl", "ndjson", "txt", "md", "html", "htm", "pdf", "docx"]
REPORT = "library.report"

use_app_navigation()
st.title("Library")
library = open_library()
st.caption(
    f"{library.count()} articles stored in this server's library. Articles marked *constructed* "
    "are teaching examples written by the Framing Lens authors, not real reporting."
)  # never the file's path: visitors need not know the server's folders

# ---- import ----------------------------------------------------------------------------------
with st.expander("Import articles", icon=":material/upload:", expanded=library.count() == 0):
    st.markdown(
        "A **CSV** or **JSONL** file with a `text` column (and optionally `title`, `outlet`, "
        "`date` as YYYY-MM-DD, `url`), or several **.txt / .html** article files. The same text "
        "is never stored twice."
    )
    uploads = st.file_uploader(
        "Files to import (up to 10 MB each)", type=IMPORT_TYPES, accept_multiple_files=True,
        key="library.upload",
        help="Larger corpora: `python -m analysis import FILE` on the server has no size limit.",
    )  # fmt: skip
    if st.button("Import", key="library.import", type="primary", disabled=not uploads):
        corpus = read_corpus([(f.name, f.getvalue()) for f in uploads or []])
        report = import_with_progress(library, corpus.rows)
        st.session_state[REPORT] = (report.summary(), [str(e) for e in corpus.errors], report)
    if REPORT in st.session_state:
        summary, errors, _ = st.session_state[REPORT]
        (st.warning if errors else st.success)(md(summary))
        for err in errors:  # file names and cell values: shown as text
            st.error(md_block(err))

# ---- filters and list ------------------------------------------------------------------------
c1, c2, c3, c4 = st.columns([3, 3, 2, 2])
search = c1.text_input("Search title, outlet and text", key="library.search")
outlets = c2.multiselect("Outlets", library.outlets(), key="library.outlets")
date_from = c3.date_input("From", value=None, key="library.date_from", format="YYYY-MM-DD")
date_to = c4.date_input("To", value=None, key="library.date_to", format="YYYY-MM-DD")
articles = library.articles(
    search=search or None,
    outlets=outlets or None,
    date_from=date_from.isoformat() if isinstance(date_from, date) else None,
    date_to=date_to.isoformat() if isinstance(date_to, date) else None,
    with_text=False,
)
frame = pd.DataFrame(
    [
        {"id": a.id, "title": a.title, "outlet": a.outlet, "date": a.date, "url": a.url,
         "constructed": a.constructed, "added": a.added}
        for a in articles
    ],
    columns=["id", "title", "outlet", "date", "url", "constructed", "added"],
)  # fmt: skip
st.markdown(f"**{len(articles)}** of {library.count()} articles match.")
st.dataframe(frame, hide_index=True, key="library.table", width="stretch")

labels = {a.id: option(f"#{a.id} {a.label}") for a in articles}  # titles: plain text there

# ---- edit ------------------------------------------------------------------------------------
with st.expander("Edit an article's details", icon=":material/edit:"):
    chosen = st.selectbox(
        "Article", list(labels), format_func=labels.get, index=None, key="library.edit_id"
    )
    if chosen is not None:
        art = library.get(chosen)
        # Widget keys carry the article id: a key shared by all articles would keep the first
        # article's values after the selection changed (Streamlit ignores value= once a key has
        # state), and "Save" would write them onto the newly chosen article.
        k = f"library.edit.{chosen}"
        with st.form(f"library.edit_form.{chosen}"):
            title = st.text_input("Title", art.title or "", key=f"{k}.title")
            outlet = st.text_input("Outlet", art.outlet or "", key=f"{k}.outlet")
            when = st.text_input("Date (YYYY-MM-DD)", art.date or "", key=f"{k}.date")
            url = st.text_input("Web address", art.url or "", key=f"{k}.url")
            constructed = st.checkbox(
                "Constructed (a teaching example, not real reporting)",
                art.constructed,
                key=f"{k}.constructed",
            )
            if st.form_submit_button("Save changes"):
                try:
                    iso = parse_date(when)
                except ValueError as exc:
                    st.error(f"Not saved: {exc}.")
                else:
                    library.update(
                        chosen, title=title, outlet=outlet, date=iso, url=url,
                        constructed=constructed,
                    )  # fmt: skip
                    st.session_state["library.saved"] = chosen
                    st.rerun()
        if st.session_state.get("library.saved") == chosen:
            st.success("Saved.")
        with st.container(height=220):
            st.text(art.text)

# ---- delete ----------------------------------------------------------------------------------
with st.expander("Delete articles", icon=":material/delete:"):
    doomed = st.multiselect(
        "Articles to delete", list(labels), format_func=labels.get, key="library.delete_ids"
    )
    confirm = st.checkbox(
        f"Yes, delete {len(doomed)} article(s) and their analyses. This cannot be undone.",
        key="library.delete_confirm",
        disabled=not doomed,
    )
    if st.button("Delete", key="library.delete", disabled=not (doomed and confirm)):
        n = library.delete(doomed)
        for key in ("library.delete_ids", "library.delete_confirm"):
            st.session_state.pop(key, None)
        st.session_state["library.deleted"] = n
        st.rerun()
    if "library.deleted" in st.session_state:
        st.success(f"Deleted {st.session_state.pop('library.deleted')} article(s).")


# ---- export ----------------------------------------------------------------------------------
def _export(path: str, fmt: str) -> str:
    """The whole library as CSV or JSONL (own connection: runs outside the script thread)."""
    with Library(path) as lib:
        return lib.export_text(fmt)


c1, c2, _ = st.columns([1, 1, 3])
c1.download_button(
    "Export all as CSV", partial(_export, str(library.path), "csv"),
    file_name="framing-lens-library.csv", mime="text/csv", key="library.export_csv",
    on_click="ignore",
)  # fmt: skip
c2.download_button(
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
