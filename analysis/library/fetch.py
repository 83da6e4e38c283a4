"""Downloading one web page for analysis: verified TLS, one deadline, every redirect checked.

We fetch with our own small HTTP client (the standard library's ``http.client`` over a socket we
connect ourselves) instead of trafilatura's downloader, because each of these needs control of
the connection:

- **addresses checked before connecting**: the host of every hop (the first address and each
  redirect target) is resolved once, every address it resolves to is checked by an
  :class:`~analysis.library.addresses.AddressPolicy`, and the connection goes to that checked
  address (pinned), so a DNS answer that changes between check and connect (DNS rebinding)
  cannot redirect us to an internal machine;
- **certificates always verified** (Mozilla's CA list from ``certifi``, host name checked); there
  is no insecure fallback;
- **one total deadline** for the whole fetch, name lookups, redirects and slow servers included:
  a watchdog closes the socket when it passes, so a server dripping one byte a second cannot
  hold us longer;
- **bounded size**: at most ``max_bytes`` are read, whatever the server declares.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

from analysis.library.addresses import (
    PUBLIC_ONLY,
    AddressPolicy,
    AddressRefused,
    HostNotFound,
    IPAddress,
    Resolver,
    check_address,
    resolve,
)

MAX_HOPS = 5
"""Redirects followed at most (browsers allow ~20; news sites need one or two)."""

CHUNK = 64 * 1024
REDIRECTS = frozenset({301, 302, 303, 307, 308})
USER_AGENT = "Mozilla/5.0 (compatible; FramingLens/0.1; article reader)"
_lookups = ThreadPoolExecutor(max_workers=4, thread_name_prefix="framing-lens-dns")


class FetchFailed(Exception):
    """The fetch stopped; the message is the reason in plain words (without "Could not...")."""


class FetchTimedOut(FetchFailed):
    """The total deadline passed."""


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """The outcome of :func:`fetch_page`: the body of the final page, or why there is none.

    ``refused`` is True when an address was refused by the policy (the message says which);
    ``seconds`` is how long the fetch took, really.
    """

    url: str
    final_url: str
    body: bytes = b""
    content_type: str = ""
    charset: str | None = None
    error: str | None = None
    refused: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """True when a page body arrived."""
        return self.error is None


@dataclass(frozen=True, slots=True)
class _Target:
    """One hop's address split into what the connection needs."""

    url: str
    https: bool
    host: str
    port: int
    path: str

    @classmethod
    def parse(cls, url: str) -> _Target:
        """The target of ``url``; raises FetchFailed for addresses we never fetch."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchFailed(f"{url} is not an http:// or https:// web address")
        if parts.username is not None or parts.password is not None:
            raise FetchFailed("web addresses with a user name or password in them are not fetched")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise FetchFailed(f"the port number in {url} is not valid") from None
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        return cls(url, parts.scheme == "https", parts.hostname, port, path)

    @property
    def host_header(self) -> str:
        """The ``Host`` header: ASCII host name, brackets for IPv6, port when not the default."""
        host = f"[{self.host}]" if ":" in self.host else _ascii(self.host)
        default = 443 if self.https else 80
        return host if self.port == default else f"{host}:{self.port}"


def _ascii(host: str) -> str:
    """A host name in its ASCII (IDNA) form."""
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


class _Deadline:
    """The one clock every step of a fetch reads."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.started = time.monotonic()
        self.end = self.started + seconds

    def left(self) -> float:
        """Seconds left; raises FetchTimedOut when none are."""
        left = self.end - time.monotonic()
        if left <= 0:
            raise FetchTimedOut("deadline")
        return left

    def elapsed(self) -> float:
        return time.monotonic() - self.started


def default_tls() -> ssl.SSLContext:
    """Certificate and host-name verification on, Mozilla's CA list (certifi) when installed."""
    try:
        import certifi

        return ssl.create_default_context(cafile=certifi.where())
    except ImportError:  # pragma: no cover - certifi comes with trafilatura
        return ssl.create_default_context()


def _lookup(target: _Target, resolver: Resolver, deadline: _Deadline) -> list[IPAddress]:
    """The target's addresses, looked up within the deadline (getaddrinfo has no timeout)."""
    future = _lookups.submit(resolve, target.host, target.port, resolver)
    try:
        return future.result(timeout=deadline.left())
    except FutureTimeout:
        raise FetchTimedOut("dns") from None


def _connect(addrs: list[IPAddress], port: int, deadline: _Deadline) -> socket.socket:
    """A TCP connection to the first of ``addrs`` that answers (the checked addresses only)."""
    last: OSError | None = None
    for addr in addrs:
        try:
            return socket.create_connection((str(addr), port), timeout=deadline.left())
        except TimeoutError:
            raise FetchTimedOut("connect") from None
        except OSError as exc:
            last = exc
    if isinstance(last, ConnectionRefusedError):
        raise FetchFailed("the site refused the connection")
    raise FetchFailed(f"the connection failed ({_why(last)})")


class _Watchdog:
    """Shuts the socket down when the deadline passes, unblocking any read in progress."""

    def __init__(self, sock: socket.socket, deadline: _Deadline) -> None:
        self.sock = sock
        self.fired = False
        self._timer = threading.Timer(max(0.0, deadline.end - time.monotonic()), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        self.fired = True
        # The base-class method: works on an SSL socket without tearing its state down.
        with contextlib.suppress(OSError):
            socket.socket.shutdown(self.sock, socket.SHUT_RDWR)

    def cancel(self) -> None:
        self._timer.cancel()


def _why(exc: BaseException | None) -> str:
    """A short reason from a network exception."""
    if exc is None:
        return "no address answered"
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return str(text)[:120]


@contextmanager
def _connection(
    target: _Target, addrs: list[IPAddress], deadline: _Deadline, tls: ssl.SSLContext
) -> Iterator[tuple[http.client.HTTPConnection, socket.socket]]:
    """An HTTP connection over our own (pinned, verified) socket, closed by the deadline.

    The socket is yielded too: http.client drops its own reference when the server says
    "Connection: close", but the body is still read through it.
    """
    sock = _connect(addrs, target.port, deadline)
    dog = _Watchdog(sock, deadline)
    conn = http.client.HTTPConnection(target.host, target.port, timeout=deadline.left())
    try:
        if target.https:
            sock.settimeout(deadline.left())
            sock = tls.wrap_socket(sock, server_hostname=_ascii(target.host))
            dog.sock = sock
        conn.sock = sock
        yield conn, sock
    except (TimeoutError, OSError, http.client.HTTPException, ValueError) as exc:
        if dog.fired or isinstance(exc, TimeoutError):
            raise FetchTimedOut("read") from None
        raise _network_failure(exc) from None
    finally:
        dog.cancel()
        conn.close()
        sock.close()


def _network_failure(exc: BaseException) -> FetchFailed:
    """The plain-language failure for an exception raised while talking to the server."""
    if isinstance(exc, ssl.SSLCertVerificationError):
        return FetchFailed(
            "the site's security certificate could not be verified "
            f"({exc.verify_message or _why(exc)}), and pages are only fetched over a verified "
            "secure connection"
        )
    if isinstance(exc, ssl.SSLError):
        return FetchFailed(f"the secure (TLS) connection to the site failed ({_why(exc)})")
    if isinstance(exc, http.client.HTTPException | ValueError):
        return FetchFailed(f"the site's answer was not valid HTTP ({type(exc).__name__})")
    return FetchFailed(f"the connection failed ({_why(exc)})")


def _read_body(
    resp: http.client.HTTPResponse, deadline: _Deadline, max_bytes: int, sock: socket.socket
) -> bytes:
    """The response body, read in chunks, stopped at ``max_bytes``."""
    declared = resp.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchFailed(f"the page is {_mb(int(declared))}, more than the {_mb(max_bytes)} limit")
    body = bytearray()
    while True:
        sock.settimeout(deadline.left())
        chunk = resp.read(CHUNK)
        if not chunk:
            break
        body += chunk
        if len(body) > max_bytes:
            raise FetchFailed(f"the page is larger than the {_mb(max_bytes)} limit")
    return _decoded(bytes(body), resp.getheader("Content-Encoding") or "", max_bytes)


def _decoded(body: bytes, encoding: str, max_bytes: int) -> bytes:
    """The body without its content encoding (gzip/deflate), inflated at most to ``max_bytes``."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return body
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchFailed(f"the site sent the page in an encoding we do not read ({encoding})")
    wbits = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS
    try:
        inflater = zlib.decompressobj(wbits)
        out = inflater.decompress(body, max_bytes + 1)
    except zlib.error:
        raise FetchFailed("the site sent a damaged compressed page") from None
    if len(out) > max_bytes:
        raise FetchFailed(f"the page unpacks to more than the {_mb(max_bytes)} limit")
    return out


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def _get(
    target: _Target, addrs: list[IPAddress], deadline: _Deadline, tls: ssl.SSLContext, limit: int
) -> tuple[int, str, Message, bytes]:
    """(status, reason, headers, body) of one GET; the body only for a 200 answer."""
    with _connection(target, addrs, deadline, tls) as (conn, sock):
        conn.putrequest("GET", target.path, skip_host=True, skip_accept_encoding=True)
        for name, value in (
            ("Host", target.host_header),
            ("User-Agent", USER_AGENT),
            ("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"),
            ("Accept-Encoding", "gzip"),
            ("Connection", "close"),
        ):
            conn.putheader(name, value)
        conn.endheaders()
        resp = conn.getresponse()
        body = b""
        if resp.status == 200:
            body = _read_body(resp, deadline, limit, sock)
        return resp.status, resp.reason, resp.msg, body


def _timed_out_message(deadline: _Deadline, stage: str) -> str:
    """What happened, with the time we really waited."""
    what = {
        "dns": "looking up the site's name did not finish",
        "connect": "the site did not accept a connection",
    }.get(stage, "the site did not send the whole page")
    return (
        f"{what} within the {deadline.seconds:g} s limit (we waited {deadline.elapsed():.1f} s "
        "in all, redirects included)"
    )


def fetch_page(
    url: str,
    *,
    timeout: float,
    max_bytes: int,
    policy: AddressPolicy = PUBLIC_ONLY,
    resolver: Resolver = socket.getaddrinfo,
    tls: ssl.SSLContext | None = None,
    max_hops: int = MAX_HOPS,
) -> FetchedPage:
    """Download one page, following redirects hop by hop, within one total deadline.

    Args:
        url: an http(s) address (already checked for form by the caller).
        timeout: seconds for the whole fetch: every lookup, connection, redirect and byte.
        max_bytes: the largest body accepted (before and after content decoding).
        policy: which addresses may be connected to; the default allows public ones only.
        resolver: ``socket.getaddrinfo`` or a stand-in (tests use one whose answers change).
        tls: the TLS context; default :func:`default_tls` (verification on).
        max_hops: redirects followed at most.

    Returns:
        A :class:`FetchedPage`; ``error`` says what went wrong in words a user can act on.
    """
    deadline = _Deadline(timeout)
    context = tls or default_tls()
    current = url
    try:
        for _hop in range(max_hops + 1):
            target = _Target.parse(current)
            addrs = _lookup(target, resolver, deadline)
            for addr in addrs:
                check_address(addr, target.host, policy)
            status, reason, headers, body = _get(target, addrs, deadline, context, max_bytes)
            location = headers.get("Location")
            if status in REDIRECTS and location:
                current = urljoin(current, location.strip())
                continue
            if status != 200:
                raise FetchFailed(f"the server answered {status} {reason}".rstrip())
            return FetchedPage(
                url,
                current,
                body,
                headers.get_content_type(),
                headers.get_content_charset(),
                seconds=deadline.elapsed(),
            )
        raise FetchFailed(f"the page redirected more than {max_hops} times")
    except AddressRefused as exc:
        via = f"the page redirected to {current}, and " if current != url else ""
        error, refused = f"{via}{exc}", True
    except FetchTimedOut as exc:
        error, refused = _timed_out_message(deadline, str(exc)), False
    except (FetchFailed, HostNotFound) as exc:
        via = f" (after a redirect to {current})" if current != url else ""
        error, refused = f"{exc}{via}", False
    return FetchedPage(url, current, error=error, refused=refused, seconds=deadline.elapsed())
