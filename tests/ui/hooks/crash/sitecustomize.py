"""Test hook (via PYTHONPATH): a bug on the Analyze page for one title, to test the error boundary.

Loaded at interpreter start by tests/ui/test_browser_hostile.py only: render_summary raises for
an article titled "Crash me", everything else is unchanged.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[4]))  # the repository root

from ui import article_view

_real = article_view.render_summary


def render_summary(result):  # type: ignore[no-untyped-def]
    if result.title == "Crash me":
        raise RuntimeError("boom at /srv/secret/path (test hook)")
    _real(result)


article_view.render_summary = render_summary
