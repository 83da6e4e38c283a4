"""The Analyze page's input panel: paste, upload, web address or sample, and the Analyze button."""

from __future__ import annotations

import dataclasses

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from analysis.library.headline import headline_from_text
from analysis.library.ingest import (
    MAX_BYTES,
    SUPPORTED,
    URL_TIMEOUT,
    IngestResult,
    check_text,
    from_upload,
    from_url,
)
from ui.samples import samples, seed
from ui.text import md

SOURCES = ("Paste text", "Upload files", "Web address", "Sample article")
PASTE_MAX_CHARS = 100_000
"""The paste box holds at most this (~16,000 words): a browser tab stays responsive with it;
longer articles (up to ingest.MAX_CHARS) are uploaded as files."""
PASTE_FULL = (
    "The pasted text filled the box ({n:,} characters) and may have been cut there: upload "
    "longer articles as a .txt file instead (up to 10 MB)."
)


def render_inputs() -> tuple[list[IngestResult], list[str | None]] | None:
    """Draw the input widgets; when Analyze is clicked, return (ingested inputs, the outlet of
    each input).

    Returns None when the button was not clicked in this run.
    """
    source = st.radio(
        "Where is the article?", SOURCES, horizontal=True, key="analyze.source"
    )  # fmt: skip
    if source == "Paste text":
        c1, c2 = st.columns(2)
        c1.text_input("Title (optional)", key="analyze.title")
        c2.text_input("Outlet (optional)", key="analyze.outlet", placeholder="e.g. Meridian Wire")
        st.text_area(
            "Article text",
            key="analyze.text",
            height=180,
            max_chars=PASTE_MAX_CHARS,
            placeholder="Paste the text of a news article here…",
            help=(
                "The first line is taken as the title when it reads like a headline. Up to "
                f"{PASTE_MAX_CHARS:,} characters; upload longer articles as a file."
            ),
        )
        st.button("Load the sample", key="analyze.load_sample", on_click=_load_sample)
    elif source == "Upload files":
        files = st.file_uploader(
            "Article files (.txt, .md, .html, .pdf, .docx — one or several, up to 10 MB each)",
            type=[ext.lstrip(".") for ext in SUPPORTED],
            accept_multiple_files=True,
            key="analyze.files",
            max_upload_size=MAX_BYTES // (1024 * 1024),
            help="Larger files are refused by the upload box itself.",
        )
        if files:
            with st.container(key="analyze.files_ready"):
                st.caption(f"Ready to analyse: {md(', '.join(f.name for f in files))}")
        st.text_input(
            "Outlet (optional)",
            key="analyze.outlet_files",
            help="With several files, a file's own outlet box (below) wins over this one.",
        )
        if files and len(files) > 1:
            _per_file_outlets(files)
    elif source == "Web address":
        st.text_input(
            "Web address of the article",
            key="analyze.url",
            placeholder="https://www.example.com/news/article",
            help=f"Only public web pages are fetched; we wait at most {URL_TIMEOUT} seconds "
            "for the whole page, redirects included.",
        )
    else:
        options = samples()
        st.selectbox(
            "Sample article",
            range(len(options)),
            format_func=lambda i: options[i].label,
            key="analyze.sample",
        )
    if not st.button("Analyze", type="primary", key="analyze.run", icon=":material/search:"):
        return None
    return _collect(source)


def _file_outlet_key(index: int, name: str) -> str:
    """The widget key of one uploaded file's outlet box (by place and name: a new file set
    does not inherit the boxes of the previous one)."""
    return f"analyze.outlet_file.{index}.{name}"


def _per_file_outlets(files: list[UploadedFile]) -> None:
    """One outlet box per uploaded file, two to a row."""
    columns = st.columns(2)
    for i, f in enumerate(files):
        columns[i % 2].text_input(
            f"Outlet of {md(f.name, limit=60)}",
            key=_file_outlet_key(i, f.name),
            placeholder="as above",
        )


def _load_sample() -> None:
    """Fill the paste box with the seed article, its title and outlet (on purpose, by a click)."""
    sample = seed()
    st.session_state["analyze.text"] = sample.text
    st.session_state["analyze.title"] = sample.title
    st.session_state["analyze.outlet"] = sample.outlet


def _collect(source: str) -> tuple[list[IngestResult], list[str | None]]:
    """Ingest whatever the chosen input holds (never raises on user input)."""
    state = st.session_state
    if source == "Paste text":
        text = state.get("analyze.text") or ""
        title = (state.get("analyze.title") or "").strip() or headline_from_text(text)
        outlet = (state.get("analyze.outlet") or "").strip() or None
        pasted = check_text(text, title=title)
        if pasted.ok and len(pasted.text) >= PASTE_MAX_CHARS:
            pasted = dataclasses.replace(
                pasted, warnings=(*pasted.warnings, PASTE_FULL.format(n=PASTE_MAX_CHARS))
            )
        return [pasted], [outlet]
    if source == "Upload files":
        files = state.get("analyze.files") or []
        shared = (state.get("analyze.outlet_files") or "").strip() or None
        if not files:
            return [
                IngestResult("", None, "upload", error="Choose one or more files to upload first.")
            ], [shared]
        own = [(state.get(_file_outlet_key(i, f.name)) or "").strip() for i, f in enumerate(files)]
        return [from_upload(f.name, f.getvalue()) for f in files], [o or shared for o in own]
    if source == "Web address":
        with st.spinner("Fetching the page…"):
            return [from_url(state.get("analyze.url") or "")], [None]
    sample = samples()[int(state.get("analyze.sample") or 0)]
    return [IngestResult(sample.text, sample.title, sample.file)], [sample.outlet]
