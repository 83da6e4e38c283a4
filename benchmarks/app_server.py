"""A real app server for the browser benchmarks, started the way `make run` starts it.

``served(db)`` runs ``python -m ui.serve`` (``streamlit run app.py``, warmed up before it listens)
on a free loopback port with its own library; ``served(script=...)`` runs a plain
``streamlit run`` of another script (the benchmarks' floor: a bare page with one chart).
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import IO, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
OPTIONS = [
    "--server.address", "127.0.0.1", "--server.headless", "true",
    "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false",
]  # fmt: skip
START_LIMIT_S = 300


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _healthy(url: str) -> bool:
    """True once the server answers its health check."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
            return bool(r.read().strip() == b"ok")
    except OSError:
        return False


class Server(NamedTuple):
    """A running server: its base URL, process id, and seconds from launch to healthy."""

    url: str
    pid: int
    start_s: float


@contextlib.contextmanager
def served(db: Path | None = None, script: Path | None = None) -> Iterator[Server]:
    """A real server on ``db`` (or of ``script``), stopped afterwards."""
    port = free_port()
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "0"}
    if db is not None:
        env["FRAMING_LENS_DB"] = str(db)
    launch = ["streamlit", "run", str(script)] if script else ["ui.serve"]
    cmd = [sys.executable, "-m", *launch, "--server.port", str(port), *OPTIONS]
    with tempfile.TemporaryFile() as log:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + START_LIMIT_S
            while not _healthy(url):
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError(f"the server did not start: {' '.join(cmd)}\n{_tail(log)}")
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proc.wait(timeout=0.2)  # the poll interval; returns at once if it died
            started = time.perf_counter() - t0
            if not script and "warmed up in" not in _tail(log):  # else: cold-start numbers
                raise RuntimeError(f"the server did not warm up:\n{_tail(log)}")
            yield Server(url, proc.pid, started)
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def _tail(log: IO[bytes]) -> str:
    """The server's output so far (its last 3,000 characters)."""
    log.seek(0)
    return log.read().decode(errors="replace")[-3000:]


def rss_mb(pid: int, field: str = "VmHWM") -> float:
    """A memory figure (VmRSS/VmHWM) of a process from /proc, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (/proc/<pid>/stat fields 14 and 15)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


FLOOR_SCRIPT = '''"""The floor: a bare Streamlit page with one Plotly heat map."""
import plotly.graph_objects as go
import streamlit as st

st.title("Floor")
z = [[(i * j) % 7 / 7 for j in range(12)] for i in range(15)]
st.plotly_chart(go.Figure(go.Heatmap(z=z)), key="floor")
'''


def floor_seconds(browser: object, work: Path, repeat: int = 3) -> float:
    """Median seconds from opening a bare Streamlit page with one Plotly heat map, in a browser
    that never saw it, until the chart is drawn: Streamlit's and Plotly's own cost here."""
    script = work / "floor_app.py"
    script.write_text(FLOOR_SCRIPT, encoding="utf-8")
    times = []
    with served(script=script) as (url, _pid, _start):
        for _ in range(repeat):
            page = browser.new_page(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
            t0 = time.perf_counter()
            page.goto(url)
            page.wait_for_selector(".js-plotly-plot .main-svg", timeout=120_000)
            times.append(time.perf_counter() - t0)
            page.close()
    return sorted(times)[len(times) // 2]
