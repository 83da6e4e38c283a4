"""Which network addresses the web-page fetcher may connect to (protection against SSRF).

A server that fetches URLs for its visitors must not become their way into the machines behind
it (OWASP, "Server Side Request Forgery Prevention Cheat Sheet"). Only public unicast internet
addresses are allowed; everything else is refused with the reason named: loopback, private
networks, link-local (also with an interface zone such as ``fe80::1%eth0``), multicast, the
unspecified address, reserved and documentation ranges, and IPv4 addresses hidden inside IPv6
ones (``::ffff:127.0.0.1``, NAT64, 6to4, Teredo). Hosts written as bare numbers
(``2130706433``, ``0x7f.1``) are read the way browsers read them (WHATWG URL standard, IPv4
parser) and checked like any other address.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class AddressRefused(ValueError):
    """A host the fetcher will not connect to; the message says which kind of address it is."""


class HostNotFound(ValueError):
    """A host name that is not valid or has no address (DNS has no answer)."""


def embedded_ipv4(addr: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address carried inside an IPv6 one (mapped, NAT64, 6to4, Teredo), if any."""
    if isinstance(addr, ipaddress.IPv4Address):
        return None
    if addr.ipv4_mapped is not None:
        return addr.ipv4_mapped
    if addr in _NAT64:
        return ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
    if addr.sixtofour is not None:
        return addr.sixtofour
    if addr.teredo is not None:
        return addr.teredo[1]
    return None


def public_refusal(addr: IPAddress) -> str | None:
    """Why ``addr`` is not a public internet address (a short phrase), or None when it is."""
    inner = embedded_ipv4(addr)
    if inner is not None:
        reason = public_refusal(inner)
        return f"{reason}, written as an IPv6 address" if reason else None
    checks = (
        (addr.is_unspecified, "the unspecified address (it means 'this machine')"),
        (addr.is_loopback, "a loopback address (this machine itself)"),
        (addr.is_link_local, "a link-local address (the local network segment)"),
        (addr.is_multicast, "a multicast address"),
        (addr.is_reserved, "a reserved address"),
        (addr.is_private, "a private network address"),
        (not addr.is_global, "an address that is not on the public internet"),
    )
    return next((reason for hit, reason in checks if hit), None)


@dataclass(frozen=True)
class AddressPolicy:
    """Decides which resolved addresses a fetch may connect to. The default allows public only.

    Production code uses :data:`PUBLIC_ONLY`. Tests that must reach a server on 127.0.0.1 make
    their own subclass; nothing in the app can switch this check off.
    """

    def refusal(self, addr: IPAddress) -> str | None:
        """Why a connection to ``addr`` is refused, or None when it is allowed."""
        return public_refusal(addr)


PUBLIC_ONLY = AddressPolicy()


def _whatwg_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """A host that browsers read as IPv4 (``2130706433``, ``0x7f.1``, ``0177.0.0.1``), or None."""
    parts = host.split(".")
    if parts and parts[-1] == "":
        parts.pop()
    if not 1 <= len(parts) <= 4:
        return None
    numbers = []
    for part in parts:
        try:
            if part.lower().startswith("0x"):
                numbers.append(int(part[2:] or "0", 16))
            elif len(part) > 1 and part.startswith("0"):
                numbers.append(int(part[1:], 8))
            else:
                numbers.append(int(part, 10))
        except ValueError:
            return None
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(numbers)):
        return None
    value = last
    for i, n in enumerate(head):
        value += n << (8 * (3 - i))
    return ipaddress.IPv4Address(value)


def literal_address(host: str) -> IPAddress | None:
    """The address a host names literally (IPv4, IPv6, or a numeric IPv4 form), else None.

    Raises:
        AddressRefused: an IPv6 address with a zone id (``%eth0``): only meaningful locally.
    """
    name = unquote(host).strip("[]")
    if "%" in name:
        raise AddressRefused(
            f"{host} is a link-local address with a network-interface zone "
            f"({name[name.index('%') :]}), which only makes sense inside this machine's network"
        )
    try:
        return ipaddress.ip_address(name)
    except ValueError:
        return _whatwg_ipv4(name)


def _is_ip(host: str) -> bool:
    """True when ``host`` is a standard IPv4 or IPv6 literal."""
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def check_address(addr: IPAddress, host: str, policy: AddressPolicy) -> None:
    """Raise :class:`AddressRefused` naming the kind of address when ``policy`` refuses it."""
    reason = policy.refusal(addr)
    if reason:
        same = ipaddress.ip_address(host.strip("[]")) == addr if _is_ip(host) else False
        shown = host.strip("[]") if same else f"{host} ({addr})"
        raise AddressRefused(f"{shown} is {reason}")


Resolver = Callable[..., list[tuple[Any, ...]]]
"""Has the signature of :func:`socket.getaddrinfo` (tests pass one that changes its answers)."""


def resolve(host: str, port: int, resolver: Resolver = socket.getaddrinfo) -> list[IPAddress]:
    """Every address ``host`` resolves to for TCP (literal addresses are returned as they are).

    Raises:
        AddressRefused: an IPv6 literal with a zone id.
        HostNotFound: the name is not valid or cannot be found (DNS has no answer).
    """
    literal = literal_address(host)
    if literal is not None:
        return [literal]
    try:
        ascii_host = host.encode("idna").decode("ascii")
        infos = resolver(ascii_host, port, 0, socket.SOCK_STREAM)
    except UnicodeError:
        raise HostNotFound(f"{host} is not a valid host name") from None
    except (socket.gaierror, OSError):
        raise HostNotFound(
            f"the name {host} could not be found (no DNS answer; check the spelling)"
        ) from None
    found: list[IPAddress] = []
    for info in infos:
        addr = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if addr not in found:
            found.append(addr)
    if not found:
        raise HostNotFound(f"the name {host} has no address")
    return found
