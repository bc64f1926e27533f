"""Vectorised twins of the per-row pure functions (``rng.mix``, ``network.ip_at``).

The writers stream tens of millions of rows; computing a chunk's hashes and
addresses with numpy instead of one Python call per row is what makes the
1.8-million-account forum writable in reasonable time. Each function here gives
exactly what its scalar twin gives, element by element (tests/synth/test_vector.py).
"""

from __future__ import annotations

from functools import cache

import numpy as np

from safeguard.synth import geo
from safeguard.synth.network import (
    CGNAT_POOL,
    MOBILE_DAYS,
    SHARED_DAYS,
    TOR_DAYS,
    TRAVEL_DAYS,
    VPN_DAYS,
)
from safeguard.synth.people import CONFOUNDERS, People

_U = np.uint64
_C0, _C1, _C2 = _U(0x9E3779B97F4A7C15), _U(0xBF58476D1CE4E5B9), _U(0x94D049BB133111EB)
_S31, _S29 = _U(31), _U(29)
# confounder -> (percent of days on its pool, addresses spread over), as network.ip_at
_POOLS = (("vpn", VPN_DAYS, 64), ("tor", TOR_DAYS, 48), ("shared", SHARED_DAYS, 24))


def vmix(*values: int | np.ndarray) -> np.ndarray:
    """``rng.mix`` over arrays (broadcast), as uint64; ints and arrays may be mixed."""
    shape = np.broadcast_shapes(*(np.shape(v) for v in values))
    h = np.full(shape, _C0, dtype=np.uint64)
    for v in values:
        # two's complement of negative ints = ``v & _MASK64`` in the scalar version
        u = _U(v & 0xFFFFFFFFFFFFFFFF) if isinstance(v, int) else np.asarray(v).astype(np.uint64)
        h ^= u
        h *= _C1
        h ^= h >> _S31
        h *= _C2
        h ^= h >> _S29
    return h


class _Nets:
    """A tuple of networks as arrays: first address and usable span (size - 2, min 1)."""

    def __init__(self, nets: tuple[geo.Network, ...]) -> None:
        self.count = len(nets)
        self.first = np.array([n.first + 1 for n in nets] or [0], np.uint64)
        self.span = np.array([max(n.size - 2, 1) for n in nets] or [1], np.uint64)

    def pick(self, h: np.ndarray, spread: int) -> np.ndarray:
        """``network._pick`` as integer addresses."""
        k = (h >> _U(8)) % _U(self.count)
        out: np.ndarray = self.first[k] + ((h >> _U(24)) % _U(spread)) % self.span[k]
        return out


class _Tables:
    """Confounder pools; every country's home networks flattened, with each
    country's offset and count in that list; each country's mobile pool, if any."""

    def __init__(self) -> None:
        self.pools = {
            "vpn": _Nets(geo.confounders("vpn") + geo.confounders("hosting")),
            "tor": _Nets(geo.confounders("tor")),
            "shared": _Nets(geo.confounders("university")),
        }
        countries = geo.countries()
        self.homes = _Nets(tuple(n for c in countries for n in c.networks))
        self.counts = np.array([len(c.networks) for c in countries], np.uint64)
        self.offsets = np.concatenate([[0], np.cumsum(self.counts)[:-1]]).astype(np.uint64)
        self.mobile = [_Nets(geo.mobile(c.code)) if geo.mobile(c.code) else None for c in countries]


@cache
def _tables() -> _Tables:
    return _Tables()


def ip_ints(people: People, person: np.ndarray, t: np.ndarray) -> np.ndarray:
    """``network.ip_at`` for each (person, time) pair, as uint64 addresses."""
    nets = _tables()
    person = np.asarray(person, np.int64)
    day = np.asarray(t, np.int64) // 86400
    h = vmix(people.seed, person, day)
    roll, conf = h % _U(100), people.p_conf[person]
    out = _home(people, nets, person, day)
    travel = (conf == CONFOUNDERS.index("travel")) & (roll < _U(TRAVEL_DAYS))
    if travel.any():
        out[travel] = _travel(nets, h[travel])
    mob = (conf == CONFOUNDERS.index("mobile")) & (roll < _U(MOBILE_DAYS))
    country = people.p_country[person]
    for c in np.unique(country[mob]).tolist():
        pool = nets.mobile[c]
        if pool is not None:  # elsewhere the person stays on his home line
            sel = mob & (country == c)
            out[sel] = pool.pick(h[sel], CGNAT_POOL)
    for name, share, spread in _POOLS:
        sel = (conf == CONFOUNDERS.index(name)) & (roll < _U(share))
        if sel.any():
            out[sel] = nets.pools[name].pick(h[sel], spread)
    return out


def _home(people: People, nets: _Tables, person: np.ndarray, day: np.ndarray) -> np.ndarray:
    """The home line's address (a housemate's line for the household confounder)."""
    line = people.p_line[person].astype(np.int64)
    k = nets.offsets[people.p_country[line].astype(np.int64)] + people.p_isp[line].astype(_U)
    lease = vmix(people.seed, line, day // 30, 1)
    out: np.ndarray = nets.homes.first[k] + lease % nets.homes.span[k]
    return out


def _travel(nets: _Tables, h: np.ndarray) -> np.ndarray:
    """A home network of the country the hash picks (the same bits pick the network)."""
    c = ((h >> _U(8)) % _U(len(nets.counts))).astype(np.int64)
    j = nets.offsets[c] + (h >> _U(8)) % nets.counts[c]
    out: np.ndarray = nets.homes.first[j] + ((h >> _U(24)) % _U(1 << 20)) % nets.homes.span[j]
    return out


def ip_strs(people: People, person: np.ndarray, t: np.ndarray) -> list[str]:
    """``network.ip_at`` for each (person, time) pair, as dotted quads."""
    x = ip_ints(people, person, t)
    return [f"{a}.{b}.{c}.{d}" for a, b, c, d in _octets(x)]


def _octets(x: np.ndarray) -> zip[tuple[int, int, int, int]]:
    return zip(
        (x >> _U(24)).tolist(),
        ((x >> _U(16)) & _U(255)).tolist(),
        ((x >> _U(8)) & _U(255)).tolist(),
        (x & _U(255)).tolist(),
        strict=True,
    )
