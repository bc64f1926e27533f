"""Offline IP intelligence: country, AS, operator and network kind as of a time.

Usage (the ``enrich`` stage)::

    intel = IpIntel(mmdb_dir=case / "reference" / "mmdb", tor_dir=case / "reference" / "tor")
    facts = intel.lookup_many(["81.128.3.4", "2a01:4f8::1"], [t1, None])

Sources, in order: the stdlib ``ipaddress`` module classifies private,
carrier-grade NAT and reserved ranges (no lookup); user ``.mmdb`` snapshots
(:mod:`safeguard.enrich.ipmmdb`) answer when supplied, the snapshot nearest the
time of use; otherwise the default data shipped in ``geoip2fast``
(:mod:`safeguard.enrich.ipdata`, a single 2024 snapshot). The network kind
comes from ``data/asn_kinds.csv`` (:mod:`safeguard.enrich.ipkinds`); a user Tor
exit list (:mod:`safeguard.enrich.tor`) turns an address into ``tor`` when it
was an exit within ``tor_window`` of the time of use. Without a list, only
networks the table lists as Tor-exit operators (e.g. AS60729) are ``tor``.
Besides the kinds of the ``enrichments`` schema, the table gives ``education``
(university and research networks: shared by many people, not an anonymiser).

``operator_country`` (where a request goes): the table's value when the AS is
listed with one; else, for residential and mobile networks, the country of the
IP itself (national ISPs are almost always seated where they serve); else None.

Results are cached per distinct (IP string, snapshots used), and identical
facts are shared, so a million lookups cost memory for the cache dict only.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any

from safeguard.enrich.ipdata import Geoip2fastData, GeoRecord, shared_default
from safeguard.enrich.ipfacts import (
    FACT_FIELDS,
    IpFact,
    Provenance,
    classify,
    facts_to_columns,
    special_fact,
)
from safeguard.enrich.ipkinds import AsnTable, load_table
from safeguard.enrich.ipmmdb import MmdbSnapshots, Policy, Snapshot
from safeguard.enrich.ipnet import ParsedIp, address_text, parse_ip
from safeguard.enrich.tor import DEFAULT_WINDOW, TorExits

# Cache key: the IP string, or (IP string, country snapshot, AS snapshot) with .mmdb files.
_Key = str | tuple[str, int | None, int | None]
__all__ = ["FACT_FIELDS", "IpFact", "IpIntel", "facts_to_columns"]


class IpIntel:
    """IP → :class:`IpFact` lookups, offline. Build once per run; not thread-safe.

    ``mmdb_dir``: folder of MaxMind .mmdb files (several dated snapshots allowed).
    ``tor_dir``: folder of Tor exit lists. ``tor_window``: how far from the time
    of use an exit observation still counts. ``snapshot_policy``: "nearest"
    (default) or "before", see :mod:`safeguard.enrich.ipmmdb`. Problems with
    user files do not raise; they are listed in :attr:`problems`.
    """

    def __init__(
        self,
        mmdb_dir: Path | None = None,
        tor_dir: Path | None = None,
        *,
        tor_window: timedelta = DEFAULT_WINDOW,
        snapshot_policy: Policy = "nearest",
        table: AsnTable | None = None,
    ) -> None:
        self.table = table if table is not None else load_table()
        self.mmdb = MmdbSnapshots(mmdb_dir, snapshot_policy)
        self.tor = TorExits(tor_dir, tor_window)
        self._country_snaps = self.mmdb.snapshots("country")
        self._asn_snaps = self.mmdb.snapshots("asn")
        self._cache: dict[_Key, IpFact] = {}
        self._values: dict[_Key, int] = {}  # public addresses, kept only with a Tor list
        self._facts: dict[tuple[Any, ...], IpFact] = {}
        self._by_ids: dict[tuple[tuple[int, int], str], IpFact] = {}
        self._specials: dict[str, IpFact] = {}

    @property
    def problems(self) -> list[str]:
        """Unusable user files and lines, one line each."""
        return self.mmdb.problems + self.tor.problems

    @cached_property
    def default_data(self) -> Geoip2fastData:
        """The shipped geoip2fast data, loaded on first use and shared by the process."""
        return shared_default()

    def lookup(self, ip: str, t: datetime | None = None) -> IpFact:
        """The fact for one address used at UTC time ``t`` (None: time unknown)."""
        return self.lookup_many([ip], [t])[0]

    def lookup_many(
        self, ips: list[str], times: list[datetime | None] | None = None
    ) -> list[IpFact]:
        """One fact per (ip, time) pair, in order. Never raises on bad input strings.

        Naive datetimes are taken as UTC. ``times`` None means no time for any.
        """
        if times is None:
            times = [None] * len(ips)
        if len(times) != len(ips):
            raise ValueError("ips and times must have the same length")
        keys = self._keys(ips, times)
        cache = self._cache
        missing = [k for k in keys if k not in cache]
        if missing:
            with _gc_paused():
                self._fill(list(dict.fromkeys(missing)))
        if not len(self.tor):
            return [cache[k] for k in keys]
        values = self._values
        return [
            self._tor_overlay(cache[k], values[k], t) if k in values else cache[k]
            for k, t in zip(keys, times, strict=True)
        ]

    def _keys(self, ips: list[str], times: list[datetime | None]) -> list[_Key]:
        """Cache keys: the string alone, or with the snapshots its time selects."""
        if not (self._country_snaps or self._asn_snaps):
            return [ip if isinstance(ip, str) else "" for ip in ips]
        pick = self.mmdb.pick
        return [
            (ip if isinstance(ip, str) else "", pick("country", t), pick("asn", t))
            for ip, t in zip(ips, times, strict=True)
        ]

    def clear_cache(self) -> None:
        """Forget cached lookups (facts stay valid)."""
        self._cache.clear()
        self._values.clear()

    def _fill(self, keys: list[_Key]) -> None:
        """Look up every uncached key, the default data in one vectorised batch.

        Written for speed (the stage calls it on a million addresses): facts
        from the default data are shared per (range ids, embedding) pair.
        """
        full = [(k, None, None) if isinstance(k, str) else k for k in keys]
        parsed = [parse_ip(k[0]) for k in full]
        need = [
            i
            for i, (p, k) in enumerate(zip(parsed, full, strict=True))
            if p.special is None and p.value is not None and (k[1] is None or k[2] is None)
        ]
        pairs: list[tuple[int, int] | None] = [None] * len(keys)
        found = self.default_data.ids_many([_value(parsed[i]) for i in need])
        for i, ids in zip(need, found, strict=True):
            pairs[i] = ids
        by_ids, cache = self._by_ids, self._cache
        for key, (_, c_idx, a_idx), p, pair in zip(keys, full, parsed, pairs, strict=True):
            if p.value is None or p.special is not None:
                fact = self._special(p)
            elif c_idx is None and a_idx is None and pair is not None:
                fact = by_ids.get((pair, p.label)) or self._default_fact(pair, p)
            else:
                rec = self.default_data.record(*pair) if pair is not None else None
                fact = self._base(p, rec, c_idx, a_idx)
            cache[key] = fact
        if len(self.tor):  # only a Tor list needs the address itself again
            self._values.update(
                (k, _value(p)) for k, p in zip(keys, parsed, strict=True) if _public(p)
            )

    def _default_fact(self, ids: tuple[int, int], parsed: ParsedIp) -> IpFact:
        """Default-data fact, shared by every address with the same range ids."""
        rec = self.default_data.record(*ids)
        fact = self._by_ids[(ids, parsed.label)] = self._base(parsed, rec, None, None)
        return fact

    def _base(
        self, parsed: ParsedIp, rec: GeoRecord | None, c_idx: int | None, a_idx: int | None
    ) -> IpFact:
        c_snap = self._country_snaps[c_idx] if c_idx is not None else None
        a_snap = self._asn_snaps[a_idx] if a_idx is not None else None
        country = rec.country if rec is not None else None
        as_name = rec.as_name if rec is not None else None
        asn: int | None = None
        if c_snap is not None or a_snap is not None:
            text = address_text(parsed)
            if c_snap is not None:
                country = c_snap.country(text)
            if a_snap is not None:
                asn, as_name = a_snap.asn(text)
        via = f"looked up as the IPv4 address inside ({parsed.label}); " if parsed.label else ""
        return self._fact(country, asn, as_name, c_snap, a_snap, via)

    def _fact(
        self,
        country: str | None,
        asn: int | None,
        as_name: str | None,
        c_snap: Snapshot | None,
        a_snap: Snapshot | None,
        via: str,
    ) -> IpFact:
        key = (country, asn, as_name, c_snap and c_snap.name, a_snap and a_snap.name, via)
        fact = self._facts.get(key)
        if fact is None:
            prov = self._provenance(c_snap, a_snap)
            fact = self._facts[key] = classify(self.table, country, asn, as_name, prov, via)
        return fact

    def _provenance(self, c_snap: Snapshot | None, a_snap: Snapshot | None) -> Provenance:
        """The dataset that answered, with a note when the AS data came from elsewhere."""
        default = self.default_data
        if c_snap is None and a_snap is None:
            return Provenance(default.name, default.date)
        if c_snap is None:
            assert a_snap is not None
            return Provenance(default.name, default.date, f"; AS data {a_snap.name} ({a_snap.day})")
        if a_snap is None:
            return Provenance(c_snap.name, c_snap.day, f"; AS data {default.name} ({default.date})")
        note = "" if a_snap.day == c_snap.day else f"; AS data built {a_snap.day}"
        return Provenance(f"{c_snap.name} + {a_snap.name}", c_snap.day, note)

    def _special(self, parsed: ParsedIp) -> IpFact:
        fact = self._specials.get(parsed.label)
        if fact is None:
            fact = self._specials[parsed.label] = special_fact(parsed)
        return fact

    def _tor_overlay(self, fact: IpFact, value: int, t: datetime | None) -> IpFact:
        seen = self.tor.seen_near(value, t)
        if seen is None:
            return fact
        when = "time of use unknown" if t is None else f"within {self.tor.window} of use"
        note = f"Tor exit seen {seen:%Y-%m-%d %H:%M} UTC in user exit list ({when}); "
        return replace(fact, network_kind="tor", anonymiser=True, detail=note + fact.detail)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a batch builds a million acyclic objects.

    Each collection would walk every object built so far: about a fifth of the
    run time at a million addresses. Nothing made here forms a cycle.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _public(parsed: ParsedIp) -> bool:
    return parsed.value is not None and parsed.special is None


def _value(parsed: ParsedIp) -> int:
    assert parsed.value is not None
    return parsed.value
