"""Download buttons for charts, tables, reports and analysis bundles (the UI edge of exports).

Streamlit computes a download button's data on every rerun unless the data is a callable, which
it runs only when the button is clicked (``st.download_button(data=callable)``, Streamlit ≥
1.50). Every export here is such a callable, so a page with five charts pays nothing for its
twenty download buttons until one is clicked; chart files are also cached by the figure's JSON,
so a second click on the same chart is instant.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
import weakref
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st

from analysis.present import export
from analysis.present.bundle import BundleError, read_bundle, write_bundle
from analysis.present.charts import plain_title
from analysis.present.report import (
    COMPARISON_SECTIONS,
    EVIDENCE_PER_ARTICLE,
    SECTIONS,
    Report,
    build_article_report,
    build_comparison_report,
    report_html,
    report_pdf,
)
from analysis.records import ArticleAnalysis
from ui.errors import guarded
from ui.lazy_expander import lazy_expander
from ui.text import article_name, md

if TYPE_CHECKING:
    from analysis.compare.comparison import Comparison

FIGURE_LABELS = {
    "png": "PNG (print)",
    "svg": "SVG",
    "pdf": "PDF",
    "html": "Interactive HTML",
}
TABLE_LABELS = {"csv": "CSV", "xlsx": "Excel (XLSX)", "json": "JSON"}


@st.cache_resource(show_spinner=False)
def warm_exporter() -> threading.Thread:
    """Start the kaleido browser once per server process, in the background (the first PNG or
    PDF is fast): the server's warm-up does (``ui.serve``); under a plain ``streamlit run``,
    the first opened chart popover."""
    _static_export_available()  # (looked up once per process; the buttons ask for it)

    def start() -> None:
        # Without a browser there is nothing to warm; the buttons say how to install one.
        with contextlib.suppress(export.ExportUnavailable):
            export.start_exporter()

    thread = threading.Thread(target=start, name="framing-lens-export-warmup", daemon=True)
    thread.start()
    return thread


@lru_cache(maxsize=64)
def _figure_file(fig_json: str, fmt: str) -> bytes:
    """Chart file bytes, cached by the figure's JSON and the format."""
    return export.figure_bytes(pio.from_json(fig_json), fmt)


# The JSON of a figure object, kept while the figure lives: the Analyze page's figures are shared
# by every session (ui.article_view), so each is serialised once per server, not once per visit.
# Figures are unhashable, so the key is id() with a weak reference proving it is the same object.
_FIGURE_JSON: dict[int, tuple[weakref.ref[go.Figure], str]] = {}


def _figure_json(fig: go.Figure) -> str:
    """``fig.to_json()``, remembered for as long as ``fig`` exists (figures are not mutated)."""
    key = id(fig)
    hit = _FIGURE_JSON.get(key)
    if hit is not None and hit[0]() is fig:
        return hit[1]
    text = fig.to_json()
    _FIGURE_JSON[key] = (weakref.ref(fig, lambda _ref: _FIGURE_JSON.pop(key, None)), text)
    return text


def _static_export_available() -> bool:
    """Whether a browser for PNG/SVG/PDF exists (looked up once per process and BROWSER_PATH)."""
    return _browser_found(os.environ.get("BROWSER_PATH"))


@functools.cache
def _browser_found(_browser_path: str | None) -> bool:
    return export.static_export_available()


def _title(fig: go.Figure, fallback: str) -> str:
    """The chart's title text (for file names), else ``fallback``."""
    return plain_title(fig) or fallback


def chart_downloads(
    fig: go.Figure, key: str, name: str | None = None, what: str | None = None
) -> None:
    """A "Download chart" popover: PNG (print resolution), SVG, PDF and interactive HTML,
    drawn when the popover is opened.

    Files are named after ``name`` (whose chart: the article, the outlets), else the chart's
    title, then ``what`` it shows ("distancing by actor"), e.g.
    ``nato-eastern-flank-distancing-by-actor.png``. Without Chrome/Chromium the popover
    explains how to install one; HTML still downloads.
    """
    # Filled only once opened (the popover reports its state and reruns the page): a closed
    # one costs no figure JSON nor buttons; the kaleido browser is started by the server's
    # warm-up, or here at the latest, never during a first page view (its start there
    # doubled the time to the first chart).
    box = st.popover("Download chart", icon=":material/download:", key=f"{key}.download",
                     on_change="rerun")  # fmt: skip
    if not box.open:
        return
    static = _static_export_available()
    if static:
        warm_exporter()
    fig_json = _figure_json(fig)
    stem = name or _title(fig, key)
    with box:
        for fmt, label in FIGURE_LABELS.items():
            if fmt in export.STATIC_FORMATS and not static:
                continue
            st.download_button(
                label,
                data=functools.partial(_figure_file, fig_json, fmt),
                file_name=export.safe_filename(stem, fmt, tag=what or ""),
                mime=export.MIME_TYPES[fmt],
                key=f"{key}.download.{fmt}",
                on_click="ignore",
                width="stretch",
            )
        if not static:
            st.info(export.INSTALL_HINT, icon=":material/info:")


def table_downloads(
    frame: pd.DataFrame, key: str, name: str, file_stem: str | None = None, what: str = ""
) -> None:
    """A "Download table" popover: CSV, Excel and JSON of ``frame`` (named ``name``; files
    named ``file_stem``, default ``name``, then ``what`` the table holds)."""
    with st.popover(f"Download {md(name)}", icon=":material/download:", key=f"{key}.download"):
        for fmt, label in TABLE_LABELS.items():
            st.download_button(
                label,
                data=functools.partial(export.table_bytes, frame, fmt, sheet=name),
                file_name=export.safe_filename(file_stem or name, fmt, tag=what),
                mime=export.MIME_TYPES[fmt],
                key=f"{key}.download.{fmt}",
                on_click="ignore",
                width="stretch",
            )


def report_buttons(
    build: Callable[[], Report],
    bundle: Callable[[], bytes],
    *,
    name: str,
    key: str,
) -> None:
    """Three buttons: the report as HTML and as PDF, and the analysis bundle (.zip).

    Args:
        build: returns the :class:`analysis.present.report.Report` (called only on a click).
        bundle: returns the bundle bytes (called only on a click).
        name: file name stem (the article's title or the comparison's outlets).
        key: widget key prefix, e.g. ``analyze`` or ``compare``.
    """
    static = _static_export_available()
    cols = st.columns(3)
    cols[0].download_button(
        "Report (HTML)",
        data=lambda: report_html(build()),
        file_name=export.safe_filename(name, "html", tag="report"),
        mime="text/html",
        key=f"{key}.report.html",
        on_click="ignore",
        icon=":material/description:",
        width="stretch",
        help="One self-contained file with interactive charts; opens without internet.",
    )
    cols[1].download_button(
        "Report (PDF)",
        data=lambda: report_pdf(build()),
        file_name=export.safe_filename(name, "pdf", tag="report"),
        mime="application/pdf",
        key=f"{key}.report.pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        width="stretch",
        disabled=not static,
        help=None if static else export.INSTALL_HINT,
    )
    cols[2].download_button(
        "Analysis bundle (.zip)",
        data=bundle,
        file_name=export.safe_filename(name, "zip", tag="bundle"),
        mime="application/zip",
        key=f"{key}.bundle",
        on_click="ignore",
        icon=":material/folder_zip:",
        width="stretch",
        help="The article, the analysis and the word-list versions; open it again here later.",
    )
    if not static:
        st.caption("The PDF report needs Chrome or Chromium on the server. " + _first_line())


def _first_line() -> str:
    """The install command line of the hint, for a short caption."""
    return next(
        (line.strip("- ") for line in export.INSTALL_HINT.splitlines() if "apt-get" in line), ""
    )


def article_exports(
    results: Sequence[ArticleAnalysis],
    index: int,
    *,
    results_key: str,
    messages_key: str,
    reset_keys: Sequence[str] = (),
    key: str = "analyze",
) -> None:
    """The Analyze page's export block: report buttons for the shown article, bundle save/open.

    Opening a bundle replaces ``st.session_state[results_key]`` with its analyses (exactly as
    saved) and puts its notes in ``st.session_state[messages_key]``, before the page draws.
    """
    result = results[index]
    st.markdown("#### Export")
    report_buttons(
        lambda: build_article_report(result),
        lambda: write_bundle(result),
        name=article_name(result),
        key=key,
    )

    @guarded  # an unexpected error here gets an error id like any page error
    def restore() -> None:
        upload = st.session_state.get(f"{key}.bundle_upload")
        if upload is None:
            return
        try:
            loaded = read_bundle(upload.getvalue())
        except BundleError as exc:
            st.session_state[messages_key] = [("error", f"{upload.name}: {exc}")]
            return
        st.session_state[results_key] = list(loaded.analyses)
        for k in reset_keys:
            st.session_state.pop(k, None)
        notes = [("warning", w) for w in loaded.warnings]
        st.session_state[messages_key] = [
            ("success", f"Opened {upload.name}: the saved analysis is shown."),
            *notes,
        ]

    st.file_uploader(
        "Open a saved analysis bundle (.zip, up to 10 MB)",
        type=["zip"],
        key=f"{key}.bundle_upload",
        on_change=restore,
        help="A bundle saved with the button above restores exactly the same view.",
    )


def comparison_exports(
    comparison: Comparison,
    figures: Sequence[tuple[str, go.Figure]] | Callable[[], Sequence[tuple[str, go.Figure]]] = (),
    *,
    by: str = "outlet",
    key: str = "compare",
) -> None:
    """The Compare page's export block: the sections of the comparison report, the report
    (HTML, PDF) and the analysis bundle.

    Args:
        comparison: the comparison shown on the page.
        figures: the page's charts as (caption, figure), in page order, or a function
            returning them (called only when a report is downloaded).
        by: what the groups are ("outlet").
        key: widget key prefix.
    """

    def bundle() -> bytes:
        analyses = [ArticleAnalysis.from_dict(e.summary, text=e.text) for e in comparison.entries]
        labels = [{by: e.group, "title": e.title} for e in comparison.entries]
        return write_bundle(analyses, labels=labels, extra={"by": by})

    box = lazy_expander("Export: the report (HTML, PDF) and the analysis bundle",
                        f"{key}.export", icon=":material/download:")  # fmt: skip
    if box is None:
        return
    with box:
        left, right = st.columns([3, 1])
        sections = left.multiselect(
            "Report sections", list(SECTIONS), format_func=lambda k: SECTIONS[k],
            default=list(COMPARISON_SECTIONS), key=f"{key}.report_sections", persist_state="page",
        )  # fmt: skip
        per_article = right.number_input(
            "Evidence rows per article", 1, 200, EVIDENCE_PER_ARTICLE, key=f"{key}.evidence_rows",
            persist_state="page",
        )  # fmt: skip
        report_buttons(
            lambda: build_comparison_report(
                comparison, by=by, figures=list(figures() if callable(figures) else figures),
                sections=sections, evidence_per_article=int(per_article),
            ),
            bundle,
            name=f"framing by {by} " + " ".join(comparison.groups[:4]),
            key=key,
        )  # fmt: skip


def analysis_table_downloads(result: ArticleAnalysis, key: str = "analyze") -> None:
    """Side by side: downloads of the actor table and of every marker (the evidence), the
    files named after the article and the table ("nato-eastern-flank-actors.csv")."""
    title = article_name(result)
    left, right = st.columns(2)
    with left:
        table_downloads(result.actors_frame(), key=f"{key}.actors_table", name="actors",
                        file_stem=title, what="actors")  # fmt: skip
    with right:
        table_downloads(result.markers_frame(), key=f"{key}.markers_table", name="markers",
                        file_stem=title, what="markers")  # fmt: skip
