"""IpIntel on the shipped default data: countries, kinds, IPv6, special ranges, bad input."""

from __future__ import annotations

import ipaddress
import random
from datetime import UTC, date, datetime

import pytest

from safeguard.enrich.ip import FACT_FIELDS, IpFact, IpIntel, facts_to_columns
from safeguard.enrich.ipkinds import guess_kind, load_table
from safeguard.synth import geo
from tests.enrich.test_ip_table import SYNTH_KIND  # synth kind -> enrichment's kind


@pytest.fixture(scope="module")
def intel() -> IpIntel:
    return IpIntel()


def _sample(net: geo.Network, n: int) -> list[str]:
    r = random.Random(net.first)
    return [net.address(r.randrange(net.size)) for _ in range(n)]


@pytest.mark.parametrize("net", geo.networks(), ids=lambda n: f"{n.country}-{n.isp}-{n.first}")
def test_every_synth_range_gets_its_country_and_kind(intel: IpIntel, net: geo.Network) -> None:
    for fact in intel.lookup_many(_sample(net, 4), [None] * 4):
        assert fact.country == net.country
        assert fact.network_kind == SYNTH_KIND[net.kind]
        assert fact.anonymiser == (net.kind in ("vpn", "tor", "hosting"))
        if fact.asn is not None and net.asn:
            assert fact.asn == int(net.asn)
        if net.kind == "home":  # a national ISP: requests go to that country
            assert fact.operator_country == net.country
            assert fact.asn == int(net.asn)


def test_default_dataset_is_named_and_dated(intel: IpIntel) -> None:
    fact = intel.lookup("86.128.1.1")
    assert fact.dataset.startswith("geoip2fast ")
    assert "GeoLite2" in fact.dataset
    assert fact.dataset_date is not None
    assert date(2020, 1, 1) < fact.dataset_date < date(2030, 1, 1)


@pytest.mark.parametrize(
    ("ip", "country", "asn", "kind"),
    [
        ("2a01:4f8::1", "DE", 24940, "hosting"),  # Hetzner
        ("2001:41d0::1", "FR", 16276, "hosting"),  # OVH
        ("2600:1f18::1", "US", 14618, "hosting"),  # AWS us-east-1
        ("2001:4860::1", "US", 15169, "hosting"),  # Google
    ],
)
def test_ipv6_lookups(intel: IpIntel, ip: str, country: str, asn: int, kind: str) -> None:
    fact = intel.lookup(ip)
    assert (fact.country, fact.asn, fact.network_kind) == (country, asn, kind)
    assert fact.anonymiser


def test_ipv6_of_a_residential_isp_points_to_its_country(intel: IpIntel) -> None:
    fact = intel.lookup("2003:e0::1")  # Deutsche Telekom customer space
    assert (fact.country, fact.network_kind, fact.operator_country) == ("DE", "residential", "DE")


@pytest.mark.parametrize(
    ("ip", "kind", "label"),
    [
        ("10.1.2.3", "private", "rfc1918"),
        ("172.31.255.1", "private", "rfc1918"),
        ("192.168.0.10", "private", "rfc1918"),
        ("100.64.0.1", "cgnat", "carrier-grade"),
        ("100.127.255.254", "cgnat", "carrier-grade"),
        ("127.0.0.1", "reserved", "loopback"),
        ("169.254.1.1", "private", "link-local"),
        ("224.0.0.251", "reserved", "multicast"),
        ("255.255.255.255", "reserved", "broadcast"),
        ("192.0.2.7", "reserved", "documentation"),
        ("::1", "reserved", "loopback"),
        ("fd12:3456::1", "private", "unique-local"),
        ("fe80::1%eth0", "private", "link-local"),
        ("2001:db8::5", "reserved", "documentation"),
        ("::ffff:10.0.0.1", "private", "rfc1918"),
    ],
)
def test_special_ranges_need_no_lookup(intel: IpIntel, ip: str, kind: str, label: str) -> None:
    fact = intel.lookup(ip)
    assert fact.network_kind == kind
    assert label in fact.detail
    assert (fact.country, fact.asn, fact.operator, fact.anonymiser) == (None, None, None, False)


def test_special_table_agrees_with_ipaddress_is_global() -> None:
    from safeguard.enrich.ipnet import parse_ip

    r = random.Random(5)
    v4 = [ipaddress.IPv4Address(r.getrandbits(32)) for _ in range(20000)]
    # Also every address near a special range's edges.
    v4 += [ipaddress.IPv4Address(x) for x in (0x64400000 - 1, 0x64400000, 0x647FFFFF, 0x64800000)]
    for a in v4:
        if a in ipaddress.IPv4Network("192.0.0.0/24"):
            continue  # a few /32s in there are global; we call the whole /24 reserved
        # ipaddress calls multicast "global"; no subscriber has a multicast address.
        assert (parse_ip(str(a)).special is None) == (a.is_global and not a.is_multicast), a
    for _ in range(5000):
        b = ipaddress.IPv6Address(1 << 125 | r.getrandbits(125))  # 2000::/3
        if b.sixtofour or b.teredo or b in ipaddress.IPv6Network("2001::/23"):
            continue
        assert (parse_ip(str(b)).special is None) == b.is_global, b
    # Outside 2000::/3 nothing is allocated to networks: stricter than ipaddress.
    for _ in range(2000):
        c = ipaddress.IPv6Address(r.getrandbits(128))
        if c not in ipaddress.IPv6Network("2000::/3") and not c.ipv4_mapped:
            assert parse_ip(str(c)).special in ("reserved", "private"), c


def test_embedded_ipv4_is_looked_up_as_ipv4(intel: IpIntel) -> None:
    plain = intel.lookup("86.128.1.1")
    for wrapped in ("::ffff:86.128.1.1", "::ffff:5680:101", "2002:5680:0101::1"):
        fact = intel.lookup(wrapped)
        assert (fact.country, fact.asn, fact.network_kind) == (
            plain.country,
            plain.asn,
            plain.network_kind,
        )
        assert "IPv4 address inside" in fact.detail


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "garbage",
        "1.2.3",
        "01.2.3.4",
        "256.1.1.1",
        "1.2.3.4\x00",
        "1::2::3",
        "x" * 1_000_000,
        "1" * 5000,
        "::ffff:" + "1" * 200,
        "\u0661.\u0662.\u0663.\u0664",  # Arabic-Indic digits
        "%",
        "fe80::1%" + "e" * 500,
    ],
)
def test_hostile_input_never_raises(intel: IpIntel, bad: str) -> None:
    fact = intel.lookup(bad, datetime(2010, 1, 1, tzinfo=UTC))
    assert fact.network_kind == "unknown"
    assert fact.detail == "not an IP address"


def test_non_strings_and_padding(intel: IpIntel) -> None:
    facts = intel.lookup_many([None, 42, " 86.128.1.1\n"], [None, None, None])  # type: ignore[list-item]
    assert [f.network_kind for f in facts] == ["unknown", "unknown", "residential"]


def test_lengths_must_match(intel: IpIntel) -> None:
    with pytest.raises(ValueError, match="same length"):
        intel.lookup_many(["1.1.1.1"], [None, None])


def test_unknown_as_rule() -> None:
    assert guess_kind(None) == "unknown"
    assert guess_kind("Example Hosting Ltd") == "unknown"
    assert guess_kind("Cheap VPS Servers") == "unknown"
    assert guess_kind("Acme VPN Inc") == "unknown"
    assert guess_kind("Acme Mobile Ltd") == "mobile"
    assert guess_kind("Colombia Telecomunicaciones S.A.") == "residential"
    assert guess_kind("Kabel Musterstadt GmbH") == "residential"


def test_unlisted_residential_as_takes_the_ip_country(intel: IpIntel) -> None:
    table = load_table()
    # Walk a few real addresses until one's AS is not in the table.
    for ip in ("95.104.0.1", "31.3.0.1", "176.88.0.1", "46.172.0.1", "213.87.0.1"):
        fact = intel.lookup(ip)
        if (
            fact.operator
            and table.find(None, fact.operator) is None
            and fact.network_kind == "residential"
        ):
            assert fact.operator_country == fact.country
            assert "guessed" in fact.detail
            return
    pytest.fail("no unlisted residential AS among the probes")


def test_cache_returns_equal_facts_and_columns(intel: IpIntel) -> None:
    ips = ["86.128.1.1", "10.0.0.1", "86.128.1.1", "2a01:4f8::1"]
    first = intel.lookup_many(ips, [None] * 4)
    assert first[0] is first[2]
    assert intel.lookup_many(ips, [None] * 4) == first
    cols = facts_to_columns(first)
    assert tuple(cols) == FACT_FIELDS
    assert cols["country"] == ["GB", None, "GB", "DE"]
    assert all(isinstance(f, IpFact) for f in first)
