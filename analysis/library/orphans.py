"""Worker processes that end when their parent does (no orphans holding ~340 MB each).

A worker of the import pool whose parent is killed (``kill -9``, an out-of-memory kill, a
crashed server) is re-parented to init and would otherwise wait forever. :func:`watch_parent`
starts a daemon thread in the worker that checks, twice a second, whether the worker still has
the parent it was started by, and ends the worker at once (``os._exit``) when not. Once the
workers are gone, multiprocessing's resource tracker sees its last pipe close and exits too.
"""

from __future__ import annotations

import os
import threading

CHECK_SECONDS = 0.5


def parent_alive(parent: int) -> bool:
    """True while this process is still the child of ``parent``."""
    return os.getppid() == parent


def watch_parent(parent: int, *, every: float = CHECK_SECONDS) -> threading.Thread:
    """Exit this process as soon as ``parent`` is no longer its parent (call in the child)."""

    def watch() -> None:
        stop = threading.Event()  # never set: wait() is the interval between checks
        while parent_alive(parent):
            stop.wait(every)
        os._exit(1)

    thread = threading.Thread(target=watch, name="framing-lens-parent-watch", daemon=True)
    thread.start()
    return thread
