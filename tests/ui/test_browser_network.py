"""No page makes the browser contact anything but our own server (issue 16: server defaults).

Every request of every page is recorded while each page is opened and its expanders and menus are
unfolded; a request to any host but the loopback server (fonts, icons, usage statistics, images
named in article text) fails the test. Requests outside are aborted, so the test never leaves the
machine either.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

LOAD = 90_000
PAGES = ("", "analyze", "compare", "library", "how_to_read")
LOCAL = {"127.0.0.1", "localhost", "::1"}


def record_outside(page: Any) -> list[str]:
    """Abort and record every request to a host that is not this machine."""
    outside: list[str] = []

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith(("data:", "blob:")) or urlsplit(url).hostname in LOCAL:
            r.continue_()
        else:
            outside.append(url)
            r.abort()

    page.context.route("**/*", route)
    page.on(
        "websocket",
        lambda ws: None if urlsplit(ws.url).hostname in LOCAL else outside.append(ws.url),
    )
    return outside


def unfold_everything(page: Any, app_idle: Any) -> None:
    """Open every expander on the page (their icons and contents load then)."""
    for summary in page.locator("[data-testid=stExpander] summary").all():
        if summary.is_visible():  # expanders inside closed tabs stay folded
            summary.click()
    app_idle(page)


def test_every_page_loads_only_from_our_own_server(
    page: Any, app_server: str, app_idle: Any
) -> None:
    outside = record_outside(page)
    for path in PAGES:
        page.goto(f"{app_server}/{path}")
        page.wait_for_selector("[data-testid=stSidebarNav]", timeout=LOAD)
        app_idle(page, timeout=LOAD)
        unfold_everything(page, app_idle)
        favicon = page.locator("link[rel='shortcut icon']").get_attribute("href") or ""
        assert not favicon.startswith("http") or urlsplit(favicon).hostname in LOCAL, favicon
    assert outside == []
