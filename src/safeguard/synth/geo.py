"""Country and network reference data shipped with the generator (package data).

``countries.csv``: share of members, time zone, languages and real e-mail
providers per country. ``isps.csv``: real IPv4 prefixes of national ISPs (and
of hosting, VPN, Tor and university networks used as confounders), each checked
against geoip2fast's offline data when the file was made, and again by a test.
"""

from __future__ import annotations

import csv
import ipaddress
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"

# Providers that answer no subscriber request in practice: an account whose only
# e-mail is here has no usable e-mail selector.
ANONYMOUS_MAIL = ("protonmail.com", "tutanota.com", "hushmail.com", "safe-mail.net", "mail.com")


@dataclass(frozen=True)
class Network:
    """One real IPv4 prefix with its operator."""

    country: str
    kind: str  # home | mobile | hosting | vpn | tor | university
    isp: str
    asn: str
    first: int  # first address as an integer
    size: int  # number of addresses

    def address(self, n: int) -> str:
        """The address at offset ``n`` (mod size), skipping network/broadcast ends."""
        x = self.first + 1 + n % max(self.size - 2, 1)
        return f"{x >> 24}.{(x >> 16) & 255}.{(x >> 8) & 255}.{x & 255}"


@dataclass(frozen=True)
class Country:
    """A member's home country."""

    code: str
    name: str
    weight: float
    tz: str
    utc_offset: float
    languages: tuple[str, ...]
    providers: tuple[str, ...]
    networks: tuple[Network, ...]


@cache
def networks() -> tuple[Network, ...]:
    """All prefixes in ``isps.csv``, in file order."""
    out = []
    with (DATA / "isps.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            net = ipaddress.IPv4Network(row["prefix"])
            out.append(
                Network(
                    row["country"],
                    row["kind"],
                    row["isp"],
                    row["asn"],
                    int(net.network_address),
                    net.num_addresses,
                )
            )
    return tuple(out)


@cache
def countries() -> tuple[Country, ...]:
    """All countries in ``countries.csv`` order, each with its home ISP prefixes."""
    home: dict[str, list[Network]] = {}
    for n in networks():
        if n.kind == "home":
            home.setdefault(n.country, []).append(n)
    out = []
    with (DATA / "countries.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            out.append(
                Country(
                    row["code"],
                    row["name"],
                    float(row["weight"]),
                    row["tz"],
                    float(row["utc_offset"]),
                    tuple(row["languages"].split(";")),
                    tuple(row["email_providers"].split(";")),
                    tuple(home[row["code"]]),
                )
            )
    return tuple(out)


@cache
def confounders(kind: str) -> tuple[Network, ...]:
    """Prefixes of one confounder kind: hosting, vpn, tor or university."""
    return tuple(n for n in networks() if n.kind == kind)


@cache
def mobile(country: str) -> tuple[Network, ...]:
    """A country's mobile carriers' prefixes (carrier-grade NAT pools), maybe none."""
    return tuple(n for n in networks() if n.kind == "mobile" and n.country == country)
