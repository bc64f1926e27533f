"""Housemates: two members behind one home line, still two persons."""

from __future__ import annotations

import numpy as np

from safeguard.synth import network, people


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
