"""Shared fixtures: a real `streamlit run app.py` server, a real Chromium, small test documents.

The server is started once per test session on a free loopback port, with its article library
(`FRAMING_LENS_DB`) in a temporary file; browser tests share it. Chromium is Debian's
/usr/bin/chromium driven by Playwright (never `playwright install`).
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_DEADLINE = 90.0  # seconds; Streamlit answers its health check ~1 s after start


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests are slow tests too, so ``-m "not slow"`` leaves them out."""
    for item in items:
        if item.get_closest_marker("browser") is not None:
            item.add_marker(pytest.mark.slow)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _healthy(url: str) -> bool:
    """True when Streamlit's health endpoint answers "ok"."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
            return resp.status == 200 and resp.read().strip() == b"ok"
    except (urllib.error.URLError, OSError):
        return False


@contextlib.contextmanager
def run_app_server(
    tmp: Path, env_extra: dict[str, str] | None = None, *, plain: bool = False
) -> Iterator[str]:
    """A real app server (`make run`'s ``python -m ui.serve``, i.e. ``streamlit run app.py``
    started warm) on a free loopback port; yields its base URL.

    Its library (`FRAMING_LENS_DB`) and its log (`server.log`, stdout and stderr) live in ``tmp``;
    ``plain`` starts ``streamlit run app.py`` itself (no warm-up), as anyone may.
    """
    port = free_port()
    env = {
        **os.environ,
        "FRAMING_LENS_DB": str(tmp / "library.sqlite"),
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
        "PYTHONUNBUFFERED": "1",
        **(env_extra or {}),
    }
    log_path = tmp / "server.log"
    cmd = [
        sys.executable, "-m",
        # What `make run` runs (`streamlit run app.py`, warmed up), or plain `streamlit run`.
        *(["streamlit", "run", "app.py"] if plain else ["ui.serve"]),
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.headless", "true",
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    with log_path.open("wb") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_DEADLINE
    try:
        while not _healthy(url):
            # Waiting on the server process doubles as the poll interval: it returns at once
            # if the server dies, so a crash fails fast instead of waiting out the deadline.
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=0.2)
            if proc.poll() is not None or time.monotonic() > deadline:
                tail = log_path.read_text(errors="replace")[-3000:]
                pytest.fail(f"streamlit did not become healthy on {url}:\n{tail}")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@pytest.fixture(scope="session")
def app_server_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder of the shared server's library and log (``server.log``)."""
    return tmp_path_factory.mktemp("streamlit")


@pytest.fixture(scope="session")
def app_server(app_server_dir: Path) -> Iterator[str]:
    """Base URL of a real app server (`make run`'s launcher) on a free loopback port (one per
    session)."""
    with run_app_server(app_server_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless Debian Chromium driven by Playwright, shared by the session."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install the Debian package `chromium`.")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser page (own context: no shared cookies/session) sized like a projector."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    context.set_default_timeout(30_000)
    pg = context.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.dialogs = dialogs  # type: ignore[attr-defined]  # what JavaScript dialogs appeared
    yield pg
    context.close()


def wait_for_app_idle(page: Any, timeout: float = 60_000) -> None:
    """Wait until the Streamlit app in ``page`` is not running its script (connected, idle)."""
    page.wait_for_function(
        """() => {
            const app = document.querySelector('[data-testid="stApp"]');
            return app && app.dataset.testScriptState === "notRunning";
        }""",
        timeout=timeout,
    )


@pytest.fixture
def app_idle() -> Callable[..., None]:
    """``app_idle(page)`` waits until the Streamlit script is not running."""
    return wait_for_app_idle


def _pdf_string(text: str) -> str:
    """A PDF literal string (parentheses and backslashes escaped)."""
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def build_pdf(lines: list[str] | None, *, title: str | None = None) -> bytes:
    """A one-page PDF: ``lines`` as a real text layer in Helvetica, or (None) only a drawn box."""
    if lines is None:  # a "scan": graphics, no text
        content = "0.5 0.5 0.5 rg 72 300 400 400 re f"
    else:
        shown = " T* ".join(f"{_pdf_string(line)} Tj" for line in lines)
        content = f"BT /F1 11 Tf 14 TL 56 760 Td {shown} ET"
    stream = content.encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    if title is not None:
        objects.append(f"<< /Title {_pdf_string(title)} >>".encode("latin-1"))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    info = b" /Info %d 0 R" % len(objects) if title is not None else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\n" % (len(objects) + 1, info)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


@pytest.fixture
def make_pdf() -> Callable[..., bytes]:
    """Build a PDF in the test itself: ``make_pdf(lines)`` (text layer) or ``make_pdf(None)``."""
    return build_pdf


def wrap_lines(text: str, width: int = 90) -> list[str]:
    """Text broken into lines of at most ``width`` characters (for PDF pages)."""
    import textwrap

    return [line for para in text.splitlines() for line in (textwrap.wrap(para, width) or [""])]


@pytest.fixture
def wrap() -> Callable[..., list[str]]:
    """The line-wrapping helper used to lay text out on a PDF page."""
    return wrap_lines


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh library file for page tests, made the app's library via ``FRAMING_LENS_DB``."""
    path = tmp_path / "library.sqlite3"
    monkeypatch.setenv("FRAMING_LENS_DB", str(path))
    return path
