"""Export charts and tables as file bytes: PNG/SVG/PDF/HTML for figures, CSV/XLSX/JSON for tables.

Static images are drawn by kaleido 1.x driving a local Chrome/Chromium (Debian's ``chromium``).
Starting that browser costs 1–3 s, so one kaleido browser is started on first use and kept for
the life of the process; every later export reuses it (≈0.2–0.3 s per chart).

Why not ``kaleido.start_sync_server()``: its ``call_function`` hands results back through one
shared queue, so two Streamlit sessions exporting at once can receive each other's images, and it
blocks forever when the browser dies during start-up. Here the same public ``kaleido.Kaleido``
object runs on a private event loop; each call gets its own future, with a timeout.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import io
import json
import os
import re
import threading
import unicodedata
from collections.abc import Mapping
from concurrent.futures import Future
from typing import Any

import pandas as pd
import plotly.graph_objects as go

FIGURE_FORMATS: tuple[str, ...] = ("png", "svg", "pdf", "html")
TABLE_FORMATS: tuple[str, ...] = ("csv", "xlsx", "json")
STATIC_FORMATS: frozenset[str] = frozenset({"png", "svg", "pdf"})

MIME_TYPES: Mapping[str, str] = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "html": "text/html",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
    "zip": "application/zip",
}

# Chart size in CSS pixels when the figure sets none; PNGs are drawn at 3x, i.e. a 9-inch-wide
# chart at 300 dpi: print resolution.
DEFAULT_WIDTH = 900
DEFAULT_HEIGHT = 500
PNG_SCALE = 3
PNG_DPI = 100 * PNG_SCALE  # the layout's CSS pixels are drawn at 100 px per inch of paper
EXPORT_TIMEOUT_S = 60.0

INSTALL_HINT = (
    "PNG, SVG and PDF downloads need a Chrome or Chromium browser on the computer running "
    "Framing Lens, and none was found. Install one, then restart the app:\n"
    "- Debian/Ubuntu: `sudo apt-get install chromium`\n"
    "- Fedora: `sudo dnf install chromium`\n"
    "- macOS: install Google Chrome, or `brew install --cask chromium`\n"
    "- Windows: install Google Chrome or Microsoft Edge\n"
    "- elsewhere: set the environment variable `BROWSER_PATH` to the browser's executable.\n"
    "Interactive HTML charts and CSV, XLSX and JSON tables download without a browser."
)


class ExportUnavailable(RuntimeError):
    """Static export is impossible here (no Chrome/Chromium); ``str(exc)`` says how to fix it."""

    def __init__(self, message: str = INSTALL_HINT) -> None:
        super().__init__(message)


def find_browser() -> str | None:
    """Path of the Chrome/Chromium kaleido will drive (honours ``BROWSER_PATH``), or None."""
    override = os.environ.get("BROWSER_PATH")
    if override:
        return override if os.access(override, os.X_OK) else None
    from choreographer.browsers.chromium import Chromium

    return Chromium.find_browser(skip_local=False)


def static_export_available() -> bool:
    """True when PNG/SVG/PDF export can run (a browser is installed)."""
    return find_browser() is not None


class _KaleidoService:
    """One kaleido browser on a private event loop thread, shared by every caller."""

    def __init__(self, browser: str) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="framing-lens-kaleido", daemon=True
        )
        self._thread.start()
        try:
            self._kaleido = self._run(self._open(browser), timeout=EXPORT_TIMEOUT_S)
        except BaseException:
            self._stop_loop()
            raise

    async def _open(self, browser: str) -> Any:
        import kaleido

        # mathjax=False: the default loads MathJax from a CDN, and the app must work offline.
        k = kaleido.Kaleido(path=browser, mathjax=False, n=1, timeout=EXPORT_TIMEOUT_S)
        await k.open()
        return k

    def _run(self, coro: Any, timeout: float) -> Any:
        fut: Future[Any] = asyncio.run_coroutine_threadsafe(coro, self._loop)
        return fut.result(timeout=timeout)

    def render(self, fig: dict[str, Any], opts: dict[str, Any]) -> bytes:
        """The figure drawn by the shared browser."""
        return bytes(self._run(self._kaleido.calc_fig(fig, opts=opts), EXPORT_TIMEOUT_S))

    def close(self) -> None:
        """Close the browser and stop the loop (best effort: the browser may already be dead)."""
        # Closing a crashed browser can fail in many ways; there is nothing left to free then.
        with contextlib.suppress(Exception):
            self._run(self._kaleido.close(), timeout=15)
        self._stop_loop()

    def _stop_loop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=15)


_service: _KaleidoService | None = None
_service_lock = threading.Lock()


def start_exporter() -> None:
    """Start the shared kaleido browser now (idempotent); raises ExportUnavailable without one."""
    global _service
    with _service_lock:
        if _service is not None:
            return
        browser = find_browser()
        if browser is None:
            raise ExportUnavailable()
        try:
            _service = _KaleidoService(browser)
        except Exception as exc:
            raise ExportUnavailable(
                f"The browser at {browser} could not be started for image export ({exc}).\n\n"
                + INSTALL_HINT
            ) from exc


def stop_exporter() -> None:
    """Close the shared kaleido browser, if running (also done at interpreter exit)."""
    global _service
    with _service_lock:
        service, _service = _service, None
    if service is not None:
        service.close()


def exporter_running() -> bool:
    """True while the shared kaleido browser is up."""
    return _service is not None


atexit.register(stop_exporter)


def _render(fig_dict: dict[str, Any], opts: dict[str, Any]) -> bytes:
    """Render through the shared browser, restarting it once if it died since the last call."""
    from kaleido.errors import BrowserClosedError, BrowserFailedError

    for attempt in (1, 2):
        start_exporter()
        service = _service
        if service is None:  # stopped by another thread between the two lines above
            continue
        try:
            return service.render(fig_dict, opts)
        except TimeoutError:
            stop_exporter()  # a stuck browser is replaced on the next call
            raise ExportUnavailable(
                f"Drawing the chart took more than {EXPORT_TIMEOUT_S:.0f} s; try again."
            ) from None
        except (BrowserClosedError, BrowserFailedError):
            stop_exporter()
            if attempt == 2:
                raise
    raise ExportUnavailable("The export browser stopped while drawing the chart; try again.")


def figure_size(fig: go.Figure) -> tuple[int, int]:
    """(width, height) in CSS pixels used for static export: the figure's own, else defaults."""
    width = fig.layout.width or DEFAULT_WIDTH
    height = fig.layout.height or DEFAULT_HEIGHT
    return int(width), int(height)


def figure_bytes(
    fig: go.Figure,
    fmt: str,
    *,
    width: int | None = None,
    height: int | None = None,
    scale: float | None = None,
) -> bytes:
    """A Plotly figure as file bytes.

    Args:
        fig: the figure (not modified).
        fmt: ``png`` (print resolution, ``PNG_SCALE`` × the layout size), ``svg``, ``pdf``
            (vector, with real text) or ``html`` (interactive, plotly.js inline so it opens
            offline).
        width, height: layout size in CSS pixels; default: the figure's, else 900 × 500.
        scale: pixel multiplier for PNG; default ``PNG_SCALE``.

    Returns:
        The file's bytes.

    Raises:
        ExportUnavailable: a static format was asked for and no Chrome/Chromium is installed.
        ValueError: unknown format.
    """
    if fmt not in FIGURE_FORMATS:
        raise ValueError(f"unknown figure format {fmt!r}; use one of {', '.join(FIGURE_FORMATS)}")
    if fmt == "html":
        return fig.to_html(include_plotlyjs=True, full_html=True).encode("utf-8")
    w, h = figure_size(fig)
    opts = {
        "format": fmt,
        "width": width or w,
        "height": height or h,
        "scale": scale if scale is not None else (PNG_SCALE if fmt == "png" else 1),
    }
    data = _render(fig.to_dict(), opts)
    return _with_dpi(data, PNG_DPI) if fmt == "png" and opts["scale"] == PNG_SCALE else data


def _with_dpi(png: bytes, dpi: int) -> bytes:
    """The PNG with a pHYs chunk, so word processors place it at its print size (3x = 300 dpi)."""
    import struct
    import zlib

    if png[12:16] != b"IHDR" or b"pHYs" in png[:100]:
        return png
    per_metre = round(dpi / 0.0254)
    body = b"pHYs" + struct.pack(">IIB", per_metre, per_metre, 1)
    chunk = struct.pack(">I", 9) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    end_of_ihdr = 8 + 4 + 4 + 13 + 4  # signature, length, type, IHDR data, CRC
    return png[:end_of_ihdr] + chunk + png[end_of_ihdr:]


# ---- tables ---------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@")
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def _xlsx(frame: pd.DataFrame, sheet: str) -> bytes:
    """Write the frame with openpyxl, keeping every text cell text (never a formula)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = (_SHEET_BAD.sub("_", sheet) or "data")[:31]
    ws.append([str(c) for c in frame.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in frame.itertuples(index=False, name=None):
        ws.append([None if _missing(v) else _plain(v) for v in row])
    # Article text is untrusted: openpyxl turns any string starting with "=" into a formula,
    # which a spreadsheet would then run. Mark such cells as plain strings.
    for row_cells in ws.iter_rows(min_row=2):
        for cell in row_cells:
            if isinstance(cell.value, str) and cell.value.startswith(_FORMULA_START):
                cell.data_type = "s"
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _missing(value: Any) -> bool:
    """True for None/NaN/NA cells."""
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _plain(value: Any) -> Any:
    """A cell value openpyxl accepts (numpy scalars to Python, containers to JSON text)."""
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        return value.item()
    if isinstance(value, list | tuple | dict | set):
        return json.dumps(value if not isinstance(value, set) else sorted(value))
    return value


def table_bytes(frame: pd.DataFrame, fmt: str, *, sheet: str = "data") -> bytes:
    """A table as file bytes.

    Args:
        frame: the table; its index is not written (our frames carry their keys as columns).
        fmt: ``csv`` (UTF-8, comma-separated, exact cell text), ``xlsx`` (one sheet, bold
            header, text never turned into formulas) or ``json`` (a list of row objects; missing
            values are ``null``).
        sheet: the XLSX sheet name.

    Returns:
        The file's bytes.
    """
    if fmt == "csv":
        return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")
    if fmt == "xlsx":
        return _xlsx(frame, sheet)
    if fmt == "json":
        text = frame.to_json(orient="records", force_ascii=False, indent=2)
        return (text or "[]").encode("utf-8")
    raise ValueError(f"unknown table format {fmt!r}; use one of {', '.join(TABLE_FORMATS)}")


FILENAME_STEM = 60
FILENAME_TAG = 40


def _slug(text: str, limit: int) -> str:
    """Lower-case ASCII letters and digits joined by dashes, accents folded, at most ``limit``."""
    # Apostrophes join their word ("NATO's" → "natos"); accents fold ("café" → "cafe").
    folded = unicodedata.normalize("NFKD", re.sub(r"['’]", "", text))
    folded = folded.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", folded).strip("-").lower()[:limit].strip("-")


def safe_filename(stem: str, ext: str, *, tag: str = "") -> str:
    """A download file name from a title: ASCII letters, digits, dashes; never empty.

    ``tag`` says what the file shows (``distancing by actor``, ``report``); it is shortened
    on its own and appended after the title is shortened, so it always shows:
    ``safe_filename("NATO’s eastern flank", "png", tag="distancing by actor")`` →
    ``natos-eastern-flank-distancing-by-actor.png`` (at most 60 + 40 characters + extension).
    """
    parts = (_slug(stem, FILENAME_STEM) or "framing-lens", _slug(tag, FILENAME_TAG))
    return "-".join(p for p in parts if p) + f".{ext}"


# ---- HTML → PDF -----------------------------------------------------------------------------

_PRINT_ARGS = (
    "--headless",
    "--no-sandbox",  # we may run as root (containers, CI); the page is our own generated HTML
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-pdf-header-footer",
)


def html_to_pdf(html: str, *, timeout: float = 120.0) -> bytes:
    """Print an HTML document to PDF with headless Chrome/Chromium (text stays real text).

    Args:
        html: a complete, self-contained document (it is loaded from a temporary file; the
            browser's network services are disabled).
        timeout: seconds before the print is abandoned.

    Returns:
        The PDF bytes (A4 unless the document's ``@page`` CSS says otherwise).

    Raises:
        ExportUnavailable: no browser, or the browser failed to print.
    """
    import subprocess
    import tempfile
    from pathlib import Path

    browser = find_browser()
    if browser is None:
        raise ExportUnavailable()
    with tempfile.TemporaryDirectory(prefix="framing-lens-print-") as tmp:
        src, out = Path(tmp) / "report.html", Path(tmp) / "report.pdf"
        src.write_text(html, encoding="utf-8")
        # A private profile per print: concurrent prints must not fight over a profile lock.
        cmd = [
            browser,
            *_PRINT_ARGS,
            f"--user-data-dir={Path(tmp) / 'profile'}",
            f"--print-to-pdf={out}",
            src.as_uri(),
        ]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ExportUnavailable(f"The browser at {browser} could not print: {exc}") from exc
        if not out.is_file() or out.stat().st_size == 0:
            tail = proc.stderr.decode("utf-8", "replace")[-500:]
            raise ExportUnavailable(
                f"The browser at {browser} did not produce a PDF (exit {proc.returncode}): {tail}"
            )
        return out.read_bytes()
