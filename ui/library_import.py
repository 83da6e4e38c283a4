"""The Library page's import panel: table files or article files, an outlet per article file.

After an import the page runs again, so that the header and the table count the new articles;
the import's summary is kept in the session to be shown on that run.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import PurePath

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from analysis.library.corpus import TABLE_EXTENSIONS, CorpusRow, read_corpus
from analysis.library.store import Library
from ui.library_access import import_with_progress
from ui.text import md, md_block

IMPORT_TYPES = ["csv", "jsonl", "ndjson", "txt", "md", "html", "htm", "pdf", "docx"]
REPORT = "library.report"


def file_outlet_key(index: int, name: str) -> str:
    """The widget key of one uploaded article file's outlet box."""
    return f"library.outlet_file.{index}.{name}"


def render_import(library: Library) -> None:
    """The import expander: upload, an outlet box per article file, Import, and the summary."""
    with st.expander(
        "Import articles", icon=":material/upload:", expanded=library.count() == 0
    ):  # fmt: skip
        st.markdown(
            "A **CSV** or **JSONL** file with a `text` column (and optionally `title`, `outlet`, "
            "`date` as YYYY-MM-DD, `url`), or several **.txt / .html / .pdf / .docx** article "
            "files, each with its own outlet. The same text is never stored twice."
        )
        uploads = st.file_uploader(
            "Files to import (up to 10 MB each)", type=IMPORT_TYPES, accept_multiple_files=True,
            key="library.upload",
            help="Larger corpora: `python -m analysis import FILE` on the server (no size limit).",
        )  # fmt: skip
        articles = [
            (i, f.name) for i, f in enumerate(uploads or [])
            if PurePath(f.name).suffix.lower() not in TABLE_EXTENSIONS
        ]  # fmt: skip
        if articles:
            st.caption("Outlet of each article file (optional):")
            columns = st.columns(2)
            for n, (i, name) in enumerate(articles):
                columns[n % 2].text_input(md(name, limit=60), key=file_outlet_key(i, name))
        if st.button("Import", key="library.import", type="primary", disabled=not uploads):
            _import(library, uploads or [])
        if REPORT in st.session_state:
            summary, errors = st.session_state[REPORT]
            (st.warning if errors else st.success)(md(summary))
            for err in errors:  # file names and cell values: shown as text
                st.error(md_block(err))


def _import(library: Library, uploads: list[UploadedFile]) -> None:
    """Read, store and analyse the uploads; keep the summary and run the page again."""
    rows: list[CorpusRow] = []
    errors: list[str] = []
    for i, upload in enumerate(uploads):  # file by file: each article file has its own outlet
        corpus = read_corpus([(upload.name, upload.getvalue())])
        outlet = (st.session_state.get(file_outlet_key(i, upload.name)) or "").strip()
        rows += [replace(row, outlet=outlet) if outlet else row for row in corpus.rows]
        errors += [str(e) for e in corpus.errors]
    report = import_with_progress(library, rows)
    st.session_state[REPORT] = (report.summary(), errors)
    st.rerun()  # the header and the table above were drawn before the import
