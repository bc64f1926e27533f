"""IPv4 and IPv6 addresses; private, reserved and CGNAT ranges are flagged.

Flagged addresses are still reported (an analyst may need them, e.g. a LAN
address leaking a setup) but carry flags so enrichment can discount them.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

from safeguard.extract.types.base import Match, SelectorType

_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_V4 = re.compile(rf"(?<![\d.])(?:{_OCTET}\.){{3}}{_OCTET}(?!\d|\.\d)")
_V6 = re.compile(r"(?<![\w:])[0-9a-fA-F:]{2,39}(?:\.[\d.]{1,12})?(?![\w:])")
_CGNAT = ipaddress.ip_network("100.64.0.0/10")


def ip_flags(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> tuple[str, ...]:
    """Why an address does not identify a subscriber on the public internet."""
    flags = []
    if isinstance(addr, ipaddress.IPv4Address) and addr in _CGNAT:
        flags.append("cgnat")
    for flag in ("private", "loopback", "link_local", "multicast", "reserved", "unspecified"):
        if getattr(addr, f"is_{flag}"):
            flags.append(flag)
    return tuple(flags)


class IPv4(SelectorType):
    name = "ipv4"

    def find(self, text: str) -> Iterator[Match]:
        if "." not in text:
            return
        for m in _V4.finditer(text):
            addr = ipaddress.IPv4Address(m.group())
            yield self.match(text, m.start(), m.end(), flags=ip_flags(addr))

    def validate(self, value: str) -> bool:
        return _V4.fullmatch(value) is not None

    def normalise(self, value: str) -> str:
        return str(ipaddress.IPv4Address(value.strip()))


class IPv6(SelectorType):
    name = "ipv6"

    def find(self, text: str) -> Iterator[Match]:
        if "::" not in text and text.count(":") < 7:
            return  # an IPv6 address has "::" or seven colons
        for m in _V6.finditer(text):
            if m.group().count(":") >= 2 and self.validate(m.group()):
                addr = ipaddress.IPv6Address(m.group())
                yield self.match(text, m.start(), m.end(), flags=ip_flags(addr))

    def validate(self, value: str) -> bool:
        try:
            ipaddress.IPv6Address(value)
        except ValueError:
            return False
        return any(c.isalnum() for c in value)

    def normalise(self, value: str) -> str:
        return ipaddress.IPv6Address(value.strip()).compressed
