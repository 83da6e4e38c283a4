"""Workers die with their parent (issue 16): kill -9 of `python -m analysis import --workers 2`.

Before, the two workers and the resource tracker stayed alive forever (~340 MB each). The test
waits on conditions with deadlines (the workers appearing, then every child being gone).
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from analysis.library.orphans import parent_alive
from analysis.library.samples import sample_rows

ROOT = Path(__file__).resolve().parents[2]
START_DEADLINE = 120.0  # two workers loading the spaCy model on a busy 2-core machine
EXIT_DEADLINE = 30.0


def corpus(path: Path, n: int = 120) -> Path:
    """n distinct articles (the samples with a numbered sentence added)."""
    rows = sample_rows()
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["title", "outlet", "text"])
    for i in range(n):
        r = rows[i % len(rows)]
        writer.writerow([f"{r.title} {i}", r.outlet, f"{r.text}\n\nUpdate number {i}."])
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def gone(p: psutil.Process) -> bool:
    """True when the process has ended (a zombie nobody reaps has ended too)."""
    try:
        return p.status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


@pytest.mark.slow
def test_killing_the_import_parent_leaves_no_child_behind(tmp_path: Path) -> None:
    cmd = [
        sys.executable, "-m", "analysis", "import", str(corpus(tmp_path / "c.csv")),
        "--workers", "2", "--db", str(tmp_path / "lib.sqlite3"), "--quiet",
    ]  # fmt: skip
    parent = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    me = psutil.Process(parent.pid)
    deadline = time.monotonic() + START_DEADLINE
    family: list[psutil.Process] = []
    try:
        workers: list[psutil.Process] = []
        while len(workers) < 2:  # the two pool workers (besides the resource tracker)
            assert parent.poll() is None, parent.stderr.read().decode() if parent.stderr else ""
            assert time.monotonic() < deadline, "the workers did not start"
            children = me.children(recursive=True)
            workers = [c for c in children if "resource_tracker" not in " ".join(c.cmdline())]
            with contextlib.suppress(subprocess.TimeoutExpired):
                parent.wait(timeout=0.2)  # the poll interval; returns at once if it ended
        family = me.children(recursive=True)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=10)
        _, alive = psutil.wait_procs(family, timeout=EXIT_DEADLINE)
        alive = [p for p in alive if not gone(p)]
        assert alive == [], [p.cmdline() for p in alive]
    finally:  # whatever happened, leave nothing running
        for p in [*family, *(me.children(recursive=True) if parent.poll() is None else [])]:
            with contextlib.suppress(psutil.NoSuchProcess):
                p.kill()
        if parent.poll() is None:
            parent.kill()


def test_a_process_knows_its_own_parent() -> None:
    assert parent_alive(os.getppid())
    assert not parent_alive(os.getpid())
