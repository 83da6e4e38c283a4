"""Server defaults (issue 16): `make run` listens on localhost, nothing calls outside, no paths.

The server is started with the very command `make run` runs (read from `make -n`), with a hook
(tests/ui/hooks/outside) that records every connection and name lookup the process makes.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
import sys
import time
import tomllib
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from streamlit.testing.v1 import AppTest

from analysis.library.ingest import MAX_BYTES
from tests.conftest import SERVER_START_DEADLINE, _healthy, free_port

ROOT = Path(__file__).resolve().parents[2]
HOOK = Path(__file__).resolve().parent / "hooks" / "outside"


def make_run_command(**variables: str) -> list[str]:
    """The streamlit command line `make run VAR=…` would execute (its recipe, not a copy)."""
    args = [f"{k}={v}" for k, v in variables.items()]
    out = subprocess.run(
        ["make", "-n", "-s", "run", *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    joined = out.replace("\\\n", " ")
    line = next(x for x in joined.splitlines() if "-m ui.serve" in x)
    return shlex.split(line)


def listening_addresses(pid: int) -> set[str]:
    """The local addresses the process (and its children) listen on."""
    procs = [psutil.Process(pid), *psutil.Process(pid).children(recursive=True)]
    return {
        c.laddr.ip
        for p in procs
        for c in p.net_connections(kind="tcp")
        if c.status == psutil.CONN_LISTEN
    }


@contextlib.contextmanager
def started(cmd: list[str], tmp: Path, port: int) -> Iterator[tuple[subprocess.Popen, Path]]:
    """The server from ``cmd`` with the outside-call hook; yields (process, hook log)."""
    log = tmp / "outside.log"
    env = {
        **os.environ,
        "PYTHONPATH": str(HOOK),
        "FRAMING_LENS_OUTSIDE_LOG": str(log),
        "FRAMING_LENS_DB": str(tmp / "lib.sqlite3"),
    }
    env.pop("STREAMLIT_BROWSER_GATHER_USAGE_STATS", None)  # the shipped settings decide
    out = (tmp / "server.out").open("wb")
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + SERVER_START_DEADLINE
        while not _healthy(f"http://127.0.0.1:{port}"):
            assert proc.poll() is None, (tmp / "server.out").read_text()
            assert time.monotonic() < deadline, "server did not start"
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=0.2)  # doubles as the poll interval; returns if it dies
        yield proc, log
    finally:
        proc.terminate()
        proc.wait(timeout=15)
        out.close()


@pytest.mark.parametrize(("host", "listens"), [(None, {"127.0.0.1"}), ("0.0.0.0", {"0.0.0.0"})])
@pytest.mark.slow
def test_make_run_listens_where_told_and_contacts_nothing_outside(
    tmp_path: Path, host: str | None, listens: set[str]
) -> None:
    port = free_port()
    variables = {"PORT": str(port)} | ({"HOST": host} if host else {})
    cmd = make_run_command(**variables)
    assert cmd[0].endswith("python") and cmd[1:3] == ["-m", "ui.serve"]
    with started(cmd, tmp_path, port) as (proc, log):
        assert listening_addresses(proc.pid) == listens
        for path in ("/", "/analyze", "/_stcore/host-config"):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as resp:
                assert resp.status == 200
        banner = (tmp_path / "server.out").read_text()
        assert "External URL" not in banner
        assert "Framing Lens: warmed up in" in banner  # the pages' work done before listening
    outside = log.read_text() if log.exists() else ""
    assert outside == "", outside


def test_the_shipped_config_keeps_everything_local_and_quiet() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["browser"]["serverAddress"] == "localhost"  # no external-IP lookup at start
    assert config["server"]["address"] == "127.0.0.1"
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == MAX_BYTES


def test_the_library_page_shows_no_filesystem_path(db: Path) -> None:
    app = AppTest.from_file(str(ROOT / "pages" / "library.py"), default_timeout=180).run()
    assert not app.exception
    shown = " ".join(
        str(e.value) for kind in ("markdown", "caption", "info", "warning", "error", "text")
        for e in getattr(app, kind)
    )  # fmt: skip
    assert str(db.parent) not in shown and "sqlite" not in shown
    assert sys.prefix not in shown
