"""Test hook (via PYTHONPATH): record every connection and name lookup the server process makes.

Loaded at interpreter start by tests/ui/test_server_defaults.py only. Each non-loopback connect()
and each lookup of a name other than localhost is appended to the file named by
$FRAMING_LENS_OUTSIDE_LOG; nothing else changes.
"""

import ipaddress
import os
import socket

_LOG = os.environ.get("FRAMING_LENS_OUTSIDE_LOG")
_LOCAL_NAMES = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "::", ""}


def _note(what: str) -> None:
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as fh:
            fh.write(what + "\n")


def _is_local(host: object) -> bool:
    if host is None or str(host) in _LOCAL_NAMES:
        return True
    try:
        addr = ipaddress.ip_address(str(host).split("%")[0])
    except ValueError:
        return False
    return addr.is_loopback or addr.is_unspecified


_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_getaddrinfo = socket.getaddrinfo


def connect(self, address):  # type: ignore[no-untyped-def]
    if isinstance(address, tuple) and not _is_local(address[0]):
        _note(f"connect {address!r}")
    return _connect(self, address)


def connect_ex(self, address):  # type: ignore[no-untyped-def]
    if isinstance(address, tuple) and not _is_local(address[0]):
        _note(f"connect {address!r}")
    return _connect_ex(self, address)


def getaddrinfo(host, *args, **kwargs):  # type: ignore[no-untyped-def]
    name = host.decode() if isinstance(host, bytes) else host
    if not _is_local(name):
        _note(f"lookup {name!r}")
    return _getaddrinfo(host, *args, **kwargs)


socket.socket.connect = connect  # type: ignore[method-assign]
socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
socket.getaddrinfo = getaddrinfo
