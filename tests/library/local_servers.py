"""Real HTTP(S) servers on loopback addresses for the fetch tests, and a policy that may reach them.

The app's fetcher refuses every non-public address; :class:`LoopbackForTests` is the only way to
let it reach these servers, and it lives here, in the tests, where production code cannot use it.
"""

from __future__ import annotations

import gzip
import http.server
import ipaddress
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from analysis.library.addresses import AddressPolicy, IPAddress

ARTICLE_TEXT = (
    "The minister said on Wednesday that the talks would continue next week. Officials from "
    "both countries met in the capital, and a spokesman told reporters that there had been "
    "progress on several of the questions that were still open."
)
ARTICLE_HTML = (
    "<html><head><title>Talks continue</title></head><body><article>"
    + f"<p>{ARTICLE_TEXT}</p>" * 5
    + "</article></body></html>"
).encode()


@dataclass(frozen=True)
class LoopbackForTests(AddressPolicy):
    """Public addresses plus the listed loopback ones (the test servers); all else refused."""

    allowed: frozenset[IPAddress] = field(
        default_factory=lambda: frozenset({ipaddress.ip_address("127.0.0.1")})
    )

    def refusal(self, addr: IPAddress) -> str | None:
        return None if addr in self.allowed else super().refusal(addr)


Route = Callable[[http.server.BaseHTTPRequestHandler], None]


@dataclass
class Server:
    """A running server: its base URL, the request paths it saw, and a stop event for drips."""

    base: str
    host: str
    port: int
    paths: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)


def send(handler: http.server.BaseHTTPRequestHandler, status: int, body: bytes = b"",
         headers: dict[str, str] | None = None) -> None:  # fmt: skip
    """Answer with ``status``, ``headers`` and ``body``."""
    handler.send_response(status)
    for name, value in (headers or {"Content-Type": "text/html; charset=utf-8"}).items():
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def article(handler: http.server.BaseHTTPRequestHandler) -> None:
    """The article page."""
    send(handler, 200, ARTICLE_HTML)


def gzip_bomb(handler: http.server.BaseHTTPRequestHandler) -> None:
    """A small gzip body that inflates to 50 MB."""
    body = gzip.compress(b" " * (50 * 1024 * 1024), compresslevel=9)
    send(handler, 200, body, {"Content-Type": "text/html", "Content-Encoding": "gzip"})


class _Quiet(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients that hang up (refused TLS, deadline) are expected here; keep the log quiet."""


@contextmanager
def serve(
    routes: dict[str, Route],
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    tls: ssl.SSLContext | None = None,
) -> Iterator[Server]:
    """Serve ``routes`` (path prefix -> handler) on ``host``; HTTPS when ``tls`` is given."""
    state: dict[str, Server] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            state["server"].paths.append(self.path)
            for prefix, route in routes.items():
                if self.path.startswith(prefix):
                    route(self)
                    return
            send(self, 404, b"not here")

        def log_message(self, *args: object) -> None:
            pass

    httpd = _Quiet((host, port), Handler)
    if tls is not None:
        httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    bound = httpd.server_address[1]
    scheme = "https" if tls is not None else "http"
    server = Server(f"{scheme}://{host}:{bound}", host, int(bound))
    state["server"] = server
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stop.set()
        httpd.shutdown()
        httpd.server_close()


@contextmanager
def listener(host: str, port: int = 0) -> Iterator[socket.socket]:
    """A bare listening socket: tells whether anyone connected (nobody ever accepts)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(8)
    try:
        yield sock
    finally:
        sock.close()


def was_connected(sock: socket.socket) -> bool:
    """True when a connection is waiting in the listener's backlog."""
    sock.setblocking(False)
    try:
        conn, _ = sock.accept()
    except BlockingIOError:
        return False
    conn.close()
    return True
