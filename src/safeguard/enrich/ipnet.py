"""Parse an IP string and classify special-purpose ranges before any lookup.

The special ranges are the IANA special-purpose registries, written below as
stdlib ``ipaddress`` networks and cross-checked by the tests against
``ipaddress``'s own ``is_global`` (every address we call public is global, and
the reverse). Matching is an integer bisect over that table, because
``ipaddress``'s properties cost tens of microseconds per address and the
``enrich`` stage checks a million. Parsing is strict (``inet_pton``: no
"1.2.3", octal or hex forms); scope ids ("fe80::1%eth0") go through ``ipaddress``.

IPv6 addresses that carry an IPv4 address (IPv4-mapped ``::ffff:a.b.c.d``,
6to4 ``2002::/16``, Teredo ``2001::/32``) are looked up as that IPv4 address,
because that is the address a network operator assigned.
"""

from __future__ import annotations

import bisect
import ipaddress
import socket
from typing import NamedTuple

MAX_INPUT = 100  # longer strings are not addresses; never hand them to a parser

# (network, kind, label); kind is private, cgnat or reserved. Order is irrelevant
# except that no two entries overlap (a test checks).
_SPECIAL = (
    ("0.0.0.0/8", "reserved", "this-network"),
    ("10.0.0.0/8", "private", "rfc1918"),
    ("100.64.0.0/10", "cgnat", "carrier-grade NAT (RFC 6598)"),
    ("127.0.0.0/8", "reserved", "loopback"),
    ("169.254.0.0/16", "private", "link-local"),
    ("172.16.0.0/12", "private", "rfc1918"),
    ("192.0.0.0/24", "reserved", "IETF protocol assignments"),
    ("192.0.2.0/24", "reserved", "documentation"),
    ("192.88.99.0/24", "reserved", "6to4 relay anycast"),
    ("192.168.0.0/16", "private", "rfc1918"),
    ("198.18.0.0/15", "reserved", "benchmarking"),
    ("198.51.100.0/24", "reserved", "documentation"),
    ("203.0.113.0/24", "reserved", "documentation"),
    ("224.0.0.0/4", "reserved", "multicast"),
    ("240.0.0.0/4", "reserved", "reserved (incl. broadcast)"),
    ("::/8", "reserved", "unspecified, loopback and IPv4-compatible"),
    ("100::/64", "reserved", "discard-only"),
    ("2001::/23", "reserved", "IETF protocol assignments"),
    ("2001:db8::/32", "reserved", "documentation"),
    ("fc00::/7", "private", "unique-local"),
    ("fe80::/10", "private", "link-local"),
    ("fec0::/10", "private", "site-local (deprecated)"),
    ("ff00::/8", "reserved", "multicast"),
)
_V6 = 1 << 32  # integers at or above this are IPv6 (IPv4 is 0..2**32-1)
_GLOBAL_V6 = (1 << 125, (1 << 126) - 1)  # 2000::/3, global unicast


def _table() -> tuple[list[int], list[int], list[tuple[str, str]]]:
    rows = []
    for text, kind, label in _SPECIAL:
        net = ipaddress.ip_network(text)
        off = 0 if net.version == 4 else _V6  # ::/8 must not swallow IPv4 integers
        rows.append(
            (int(net.network_address) + off, int(net.broadcast_address) + off, (kind, label))
        )
    rows.sort()
    return [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]


_STARTS, _ENDS, _LABELS = _table()


class ParsedIp(NamedTuple):
    """An address ready for lookup, or the reason it needs none.

    ``special`` is None for a public address, else ``private``, ``cgnat`` or
    ``reserved``; ``label`` names that range (``rfc1918``, ``loopback``…) or,
    for a public address, the embedding that was undone (``ipv4-mapped``,
    ``6to4``, ``teredo``; else empty). ``value`` is the address as an integer
    (IPv4 below 2**32), None when the text is not an address. A named tuple,
    because a million of these are made per run and tuples are built fastest.
    """

    value: int | None
    version: int
    special: str | None
    label: str


INVALID = ParsedIp(None, 0, None, "not an IP address")


def parse_ip(text: object) -> ParsedIp:
    """Parse and classify ``text``; never raises (garbage gives :data:`INVALID`)."""
    if not isinstance(text, str) or not text or len(text) > MAX_INPUT:
        return INVALID
    s = text.strip()
    if ":" not in s:
        # The IPv4 path, inlined: it runs a million times per enrich stage.
        try:
            value = _from_bytes(_pton(_AF_INET, s), "big")
        except (OSError, ValueError):
            return INVALID
        i = _bisect_right(_STARTS, value) - 1
        if i >= 0 and value <= _ENDS[i]:
            return ParsedIp(value, 4, *_LABELS[i])
        return ParsedIp(value, 4, None, "")
    v6: int | None
    try:
        v6 = _from_bytes(_pton(socket.AF_INET6, s), "big")
    except (OSError, ValueError):
        v6 = _scoped_v6(s)
    return INVALID if v6 is None else _v6(v6)


_pton, _AF_INET, _from_bytes, _bisect_right = (
    socket.inet_pton,
    socket.AF_INET,
    int.from_bytes,
    bisect.bisect_right,
)


def _scoped_v6(s: str) -> int | None:
    """An IPv6 address with a scope id; the scope names a local interface, irrelevant here."""
    if "%" not in s:
        return None
    try:
        return int(ipaddress.IPv6Address(s))
    except ValueError:
        return None


def _special(key: int) -> tuple[str, str] | None:
    i = bisect.bisect_right(_STARTS, key) - 1
    return _LABELS[i] if i >= 0 and key <= _ENDS[i] else None


def _v4(value: int, via: str) -> ParsedIp:
    hit = _special(value)
    return ParsedIp(value, 4, hit[0], hit[1]) if hit else ParsedIp(value, 4, None, via)


def _v6(value: int) -> ParsedIp:
    if value >> 32 == 0xFFFF:  # ::ffff:0:0/96
        return _v4(value & 0xFFFFFFFF, "ipv4-mapped")
    if value >> 112 == 0x2002:
        return _v4((value >> 80) & 0xFFFFFFFF, "6to4")
    if value >> 96 == 0x20010000:  # Teredo: the client's address is stored inverted
        return _v4(~value & 0xFFFFFFFF, "teredo")
    hit = _special(value + _V6)
    if hit:
        return ParsedIp(value, 6, hit[0], hit[1])
    if not _GLOBAL_V6[0] <= value <= _GLOBAL_V6[1]:
        return ParsedIp(value, 6, "reserved", "outside global unicast 2000::/3")
    return ParsedIp(value, 6, None, "")


def address_text(parsed: ParsedIp) -> str:
    """Canonical text of a parsed address (for readers that take strings)."""
    if parsed.value is None:
        return ""
    if parsed.version == 4:
        return str(ipaddress.IPv4Address(parsed.value))
    return str(ipaddress.IPv6Address(parsed.value))
