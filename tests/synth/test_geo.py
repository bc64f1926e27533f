"""Every shipped prefix geolocates to its country in offline data (geoip2fast)."""

from __future__ import annotations

import random
import re
import warnings
from pathlib import Path

import pytest

from safeguard.synth import geo


@pytest.fixture(scope="module")
def geoip() -> object:
    # geoip2fast's source has invalid escape sequences; compiling it warns, and the
    # suite turns warnings into errors. The warning is theirs, not ours.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", SyntaxWarning)
        from geoip2fast import GeoIP2Fast

        return GeoIP2Fast()


def test_at_least_30_countries_each_with_a_home_isp() -> None:
    countries = geo.countries()
    assert len(countries) >= 30
    assert all(c.networks for c in countries)
    assert all(c.weight > 0 for c in countries)


@pytest.mark.parametrize("net", geo.networks(), ids=lambda n: f"{n.country}-{n.isp}")
def test_sampled_addresses_geolocate_to_their_country(geoip: object, net: geo.Network) -> None:
    r = random.Random(net.first)
    for _ in range(5):
        ip = net.address(r.randrange(net.size))
        assert geoip.lookup(ip).country_code == net.country, ip  # type: ignore[attr-defined]


def test_access_log_home_addresses_are_in_shipped_prefixes(forum: Path) -> None:
    nets = geo.networks()
    ips = {m.group(1) for m in re.finditer(r"^(\S+) ", (forum / "access.log").read_text(), re.M)}
    for ip in sorted(ips)[:300]:
        a, b, c, d = (int(x) for x in ip.split("."))
        x = a << 24 | b << 16 | c << 8 | d
        assert any(n.first <= x < n.first + n.size for n in nets), ip
