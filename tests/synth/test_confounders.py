"""Confounders that share IPs between different persons: housemates, mobile CGNAT."""

from __future__ import annotations

import ipaddress

import numpy as np

from safeguard.synth import geo, network, people


def test_housemates_share_a_line_but_are_different_persons() -> None:
    folk = people.build(3, 6000)
    hh = people.CONFOUNDERS.index("household")
    moved = np.flatnonzero(folk.p_line != np.arange(folk.persons))
    assert len(moved) > 20
    for p in moved[:40].tolist():
        mate = int(folk.p_line[p])
        assert folk.p_conf[p] == folk.p_conf[mate] == hh
        assert folk.p_country[p] == folk.p_country[mate]
        assert folk.p_isp[p] == folk.p_isp[mate]
        days = range(1_230_000_000, 1_290_000_000, 86_400 * 17)
        assert all(network.ip_at(folk, p, t) == network.ip_at(folk, mate, t) for t in days)
    # nobody else uses a housemate's line, and a lone household member keeps his own
    assert len(set(folk.p_line[moved].tolist())) == len(moved)
    assert not set(folk.p_line[moved].tolist()) & set(moved.tolist())


def test_mobile_users_share_their_carriers_few_addresses() -> None:
    folk = people.build(3, 8000)
    mob = np.flatnonzero(folk.p_conf == people.CONFOUNDERS.index("mobile"))
    assert len(mob) > 50
    codes = [geo.countries()[int(c)].code for c in folk.p_country[mob]]
    assert all(geo.mobile(code) for code in codes)  # only where a carrier is known
    users: dict[str, set[int]] = {}
    for p in mob.tolist():
        for t in range(1_230_000_000, 1_290_000_000, 86_400 * 5):
            users.setdefault(network.ip_at(folk, p, t), set()).add(p)
    nets = [(n.first, n.size) for n in geo.networks() if n.kind == "mobile"]

    def on_carrier(ip: str) -> bool:
        x = int(ipaddress.IPv4Address(ip))
        return any(first <= x < first + size for first, size in nets)

    carrier = {ip: ps for ip, ps in users.items() if on_carrier(ip)}
    assert carrier  # most days are on the carrier
    # carrier-grade NAT: an address serves many different customers over time
    assert max(len(ps) for ps in carrier.values()) >= 5
