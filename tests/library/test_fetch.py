"""Fetching web pages: refused addresses, redirects hop by hop, pinned DNS, verified TLS, deadline.

Everything runs against real servers on loopback addresses (tests/library/local_servers.py). The
address rules are tested through the public ``from_url`` (literal addresses never connect); the
paths that must reach a test server use ``fetch_page`` with the tests' own loopback policy.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import trustme

from analysis.library.addresses import PUBLIC_ONLY, public_refusal
from analysis.library.fetch import fetch_page
from analysis.library.ingest import MAX_BYTES, from_url, ingest_page
from tests.library.local_servers import (
    ARTICLE_TEXT,
    LoopbackForTests,
    article,
    gzip_bomb,
    listener,
    send,
    serve,
    was_connected,
)

LOOPBACK = LoopbackForTests()


def fetch(url: str, **kw: Any) -> Any:
    """fetch_page with the test policy and a short deadline unless told otherwise."""
    kw.setdefault("timeout", 5)
    kw.setdefault("max_bytes", MAX_BYTES)
    kw.setdefault("policy", LOOPBACK)
    return fetch_page(url, **kw)


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://localhost:8501/analyze", "loopback"),
        ("http://[::1]/", "loopback"),
        ("http://10.1.2.3/news", "private network"),
        ("http://192.168.0.10/", "private network"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[fe80::1]/", "link-local"),
        ("http://[fe80::1%25eth0]/", "zone"),
        ("http://224.0.0.1/", "multicast"),
        ("http://239.255.255.250:1900/", "multicast"),
        ("http://[ff02::1]/", "multicast"),
        ("http://0.0.0.0:8501/", "unspecified"),
        ("http://[::]/", "unspecified"),
        (
            "http://[::ffff:127.0.0.1]/",
            "loopback address (this machine itself), written as an IPv6 address",
        ),
        ("http://[::ffff:7f00:1]/", "loopback"),
        ("http://[64:ff9b::7f00:1]/", "loopback"),
        ("http://[2002:7f00:1::]/", "loopback"),
        ("http://2130706433/", "loopback"),
        ("http://0x7f.1/", "loopback"),
        ("http://0177.0.0.1/", "loopback"),
        ("http://127.1:8501/", "loopback"),
        ("http://100.64.0.1/", "not on the public internet"),
        ("http://240.0.0.1/", "reserved"),
    ],
)
def test_non_public_addresses_are_refused_and_the_message_names_the_kind(
    url: str, kind: str
) -> None:
    r = from_url(url, timeout=3)
    assert not r.ok
    assert r.error is not None
    assert "That address is not fetched" in r.error
    assert kind in r.error
    assert "private or local networks" in r.error  # and why we refuse


@pytest.mark.parametrize("addr", ["93.184.215.14", "1.1.1.1", "2606:4700:4700::1111"])
def test_public_addresses_pass_the_policy(addr: str) -> None:
    assert public_refusal(ipaddress.ip_address(addr)) is None
    assert PUBLIC_ONLY.refusal(ipaddress.ip_address(addr)) is None


def test_an_unresolvable_name_is_reported_as_such() -> None:
    r = from_url("http://no-such-host.invalid/article", timeout=3)
    assert r.error is not None
    assert "Could not download that page" in r.error
    assert "no-such-host.invalid could not be found" in r.error


def test_a_page_from_an_allowed_server_is_fetched_and_extracted() -> None:
    with serve({"/article": article}) as server:
        page = fetch(f"{server.base}/article")
    assert page.ok, page.error
    result = ingest_page(page)
    assert result.ok, result.error
    assert ARTICLE_TEXT[:40] in result.text
    assert result.title == "Talks continue"


def _redirect_to(target: str) -> Any:
    return lambda h: send(h, 302, b"", {"Location": target})


def test_a_redirect_to_an_internal_address_is_refused_before_any_connection() -> None:
    # The internal machine: 127.0.0.2, not allowed by the policy. It must never see a connection.
    with listener("127.0.0.2") as internal:
        port = internal.getsockname()[1]
        target = f"http://127.0.0.2:{port}/admin"
        with serve({"/go": _redirect_to(target)}) as server:
            page = fetch(f"{server.base}/go")
        assert not page.ok
        assert page.refused
        assert page.error is not None
        assert f"redirected to {target}" in page.error
        assert "loopback" in page.error
        assert not was_connected(internal)
    result = ingest_page(page)
    assert result.error is not None and "That address is not fetched" in result.error


def test_a_relative_redirect_chain_is_followed_hop_by_hop() -> None:
    routes = {
        "/a": _redirect_to("/b"),
        "/b": _redirect_to("/c?x=1"),
        "/c": article,
    }
    with serve(routes) as server:
        page = fetch(f"{server.base}/a")
        seen = list(server.paths)
    assert page.ok, page.error
    assert page.final_url == f"{server.base}/c?x=1"
    assert seen == ["/a", "/b", "/c?x=1"]


def test_redirects_are_capped() -> None:
    def loop(h: Any) -> None:
        n = int(h.path.rsplit("/", 1)[1])
        send(h, 301, b"", {"Location": f"/loop/{n + 1}"})

    with serve({"/loop/": loop}) as server:
        page = fetch(f"{server.base}/loop/0", max_hops=5)
        seen = list(server.paths)
    assert page.error is not None
    assert "redirected more than 5 times" in page.error
    assert seen == [f"/loop/{i}" for i in range(6)]  # the first request and five redirects


def test_a_dns_answer_that_changes_after_the_check_is_not_followed() -> None:
    """DNS rebinding: first answer allowed, later answers internal. We connect to the first."""
    with listener("127.0.0.2") as internal:
        port = internal.getsockname()[1]
        with serve({"/article": article}, port=port) as server:  # 127.0.0.1, same port
            answers = iter(["127.0.0.1", "127.0.0.2", "127.0.0.2", "127.0.0.2"])
            calls: list[str] = []

            def rebinding(host: str, port: int, *args: Any, **kw: Any) -> list[Any]:
                calls.append(host)
                addr = next(answers)
                return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (addr, port))]

            page = fetch(f"http://rebind.test:{server.port}/article", resolver=rebinding)
            assert page.ok, page.error
            assert server.paths == ["/article"]
        assert calls == ["rebind.test"]  # resolved once per hop: the checked answer is pinned
        assert not was_connected(internal)


def test_a_name_resolving_to_both_a_public_and_an_internal_address_is_refused() -> None:
    def mixed(host: str, port: int, *args: Any, **kw: Any) -> list[Any]:
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port)),
        ]

    page = fetch("http://mixed.test/article", resolver=mixed)
    assert page.refused
    assert page.error is not None and "10.0.0.7" in page.error and "private network" in page.error


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


def _server_tls(ca: trustme.CA, *names: str) -> ssl.SSLContext:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(*names).configure_cert(ctx)
    return ctx


def test_a_self_signed_certificate_is_refused_with_a_clear_message(ca: trustme.CA) -> None:
    """The production TLS settings (Mozilla's CA list) do not know our test CA: refused."""
    with serve({"/article": article}, tls=_server_tls(ca, "127.0.0.1")) as server:
        page = fetch(f"{server.base}/article")
        assert server.paths == []  # not a single request went over the unverified connection
    assert not page.ok
    assert page.error is not None
    assert "security certificate could not be verified" in page.error
    result = ingest_page(page)
    assert result.error is not None and "certificate" in result.error


def test_a_certificate_for_another_name_is_refused(ca: trustme.CA) -> None:
    client = ssl.create_default_context()
    ca.configure_trust(client)
    with serve({"/article": article}, tls=_server_tls(ca, "other.example")) as server:
        page = fetch(f"{server.base}/article", tls=client)
    assert page.error is not None
    assert "certificate could not be verified" in page.error
    assert "127.0.0.1" in page.error or "match" in page.error


def test_a_verified_certificate_works(ca: trustme.CA) -> None:
    """Control: the same server with a CA the client trusts is fetched (verification is real)."""
    client = ssl.create_default_context()
    ca.configure_trust(client)
    with serve({"/article": article}, tls=_server_tls(ca, "127.0.0.1")) as server:
        page = fetch(f"{server.base}/article", tls=client)
    assert page.ok, page.error
    assert ARTICLE_TEXT[:30].encode() in page.body


def _drip(where: str) -> Any:
    """A server that sends one byte every 0.2 s (in the headers or in the body) until stopped."""

    def route(h: Any) -> None:
        stop: threading.Event = h.server_stop  # type: ignore[attr-defined]
        if where == "body":
            h.send_response(200)
            h.send_header("Content-Type", "text/html")
            h.send_header("Content-Length", "1000000")
            h.end_headers()
        else:
            h.wfile.write(b"HTTP/1.1 200 OK\r\n")
        try:
            while not stop.wait(0.2):
                h.wfile.write(b"X-Drip: a\r\n" if where == "headers" else b"a")
                h.wfile.flush()
        except OSError:
            return

    return route


@pytest.fixture
def drip_server() -> Iterator[Any]:
    stop = threading.Event()

    def with_stop(where: str) -> Any:
        inner = _drip(where)

        def route(h: Any) -> None:
            h.server_stop = stop
            inner(h)

        return route

    with serve({"/headers": with_stop("headers"), "/body": with_stop("body")}) as server:
        yield server
        stop.set()


@pytest.mark.parametrize("where", ["headers", "body"])
def test_a_slow_drip_server_is_cut_at_the_total_deadline(drip_server: Any, where: str) -> None:
    started = time.monotonic()
    page = fetch(f"{drip_server.base}/{where}", timeout=1.5)
    waited = time.monotonic() - started
    assert not page.ok
    assert page.error is not None
    assert "within the 1.5 s limit" in page.error
    assert waited < 1.5 + 1.0  # the deadline is one total, not per read
    # The message says how long we really waited.
    said = float(page.error.split("we waited ")[1].split(" s")[0])
    assert abs(said - waited) < 0.5


def test_the_deadline_covers_the_whole_redirect_chain(drip_server: Any) -> None:
    with serve({"/start": _redirect_to(f"{drip_server.base}/body")}) as server:
        started = time.monotonic()
        page = fetch(f"{server.base}/start", timeout=1.5)
        waited = time.monotonic() - started
    assert page.error is not None and "within the 1.5 s limit" in page.error
    assert waited < 2.5


def test_a_silent_server_times_out_with_the_time_we_waited() -> None:
    with listener("127.0.0.1") as silent:  # connections complete in the backlog; no answer
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/slow-article"
        page = fetch(url, timeout=1)
    result = ingest_page(page)
    assert result.error is not None
    assert "Could not download that page" in result.error
    assert "within the 1 s limit (we waited 1." in result.error


def test_an_oversized_page_is_refused_by_its_declared_size_and_by_what_arrives() -> None:
    def declared(h: Any) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(50 * 1024 * 1024))
        h.end_headers()

    def undeclared(h: Any) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Connection", "close")
        h.end_headers()
        try:
            for _ in range(64):
                h.wfile.write(b"x" * 65536)
        except OSError:
            return

    with serve({"/declared": declared, "/undeclared": undeclared}) as server:
        big = fetch(f"{server.base}/declared", max_bytes=1024 * 1024)
        stream = fetch(f"{server.base}/undeclared", max_bytes=1024 * 1024)
    assert big.error is not None and "more than the 1.0 MB limit" in big.error
    assert stream.error is not None and "larger than the 1.0 MB limit" in stream.error


def test_a_gzip_bomb_is_stopped_at_the_size_limit() -> None:
    with serve({"/bomb": gzip_bomb}) as server:
        page = fetch(f"{server.base}/bomb", max_bytes=1024 * 1024)
    assert page.error is not None
    assert "unpacks to more than the 1.0 MB limit" in page.error


def test_non_html_answers_and_error_statuses_get_messages() -> None:
    def pdf(h: Any) -> None:
        send(h, 200, b"%PDF-1.4", {"Content-Type": "application/pdf"})

    with serve({"/file.pdf": pdf}) as server:
        pdf_page = ingest_page(fetch(f"{server.base}/file.pdf"))
        missing = ingest_page(fetch(f"{server.base}/nothing"))
    assert pdf_page.error is not None and "application/pdf file, not a web page" in pdf_page.error
    assert missing.error is not None and "the server answered 404" in missing.error


def test_addresses_with_credentials_are_not_fetched() -> None:
    r = from_url("http://user:secret@example.com/article")
    assert r.error is not None and "user name or password" in r.error
