"""The shipped default IP data: geoip2fast's country + AS-name tables, read offline.

geoip2fast (a PyPI dependency) ships MaxMind GeoLite2 Country and ASN data
converted to a pickled ``.dat.gz`` inside its package. We read that file
ourselves rather than through ``geoip2fast.GeoIP2Fast`` because that class keeps
its tables in module globals (one database per process), prints nothing useful
for provenance, and its source raises warnings on import. The pickle is read by
an unpickler that refuses every class, so only plain lists, ints and strings
can come out of it.

Limits a caller must know: one snapshot (see :data:`DEFAULT_FILE`'s
``source_info``, 2024-06-18 for geoip2fast 1.2.2), country level only, and AS
*names* without AS numbers (numbers come from ``asn_kinds.csv`` by name).
"""

from __future__ import annotations

import gzip
import pickle
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

DEFAULT_FILE = "geoip2fast-asn-ipv6.dat.gz"
_PRIVATE_IDS = 16  # geoip2fast's first 16 country ids are IANA special ranges
_MAX_V4 = (1 << 32) - 1


class _PlainUnpickler(pickle.Unpickler):
    """Unpickles containers and scalars only: a tampered data file cannot run code."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"refused to load {module}.{name} from IP data")


class _Ranges:
    """Sorted, non-overlapping ranges with a label each, as numpy arrays for batch search.

    IPv4 bounds are uint32; IPv6 bounds are 16-byte big-endian strings, which
    numpy orders like the 128-bit integers they encode.
    """

    def __init__(
        self, starts: list[int], netlens: list[int], ids: list[int], labels: list[str]
    ) -> None:
        v4 = [i for i, s in enumerate(starts) if s <= _MAX_V4]
        v6 = [i for i, s in enumerate(starts) if s > _MAX_V4]
        self._v4 = self._arrays(v4, starts, netlens, ids, 32, np.dtype(np.uint32))
        self._v6 = self._arrays(v6, starts, netlens, ids, 128, np.dtype("S16"))
        self.labels = labels

    @staticmethod
    def _arrays(
        rows: list[int],
        starts: list[int],
        netlens: list[int],
        ids: list[int],
        bits: int,
        dtype: np.dtype[Any],
    ) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
        lo = [starts[i] for i in rows]
        hi = [starts[i] + (1 << (bits - netlens[i])) - 1 for i in rows]
        if bits == 128:
            lo_a, hi_a = np.array(_packed(lo), dtype=dtype), np.array(_packed(hi), dtype=dtype)
        else:
            lo_a, hi_a = np.array(lo, dtype=dtype), np.array(hi, dtype=dtype)
        order = np.argsort(lo_a, kind="stable")
        return lo_a[order], hi_a[order], np.array([ids[i] for i in rows], dtype=np.int64)[order]

    def find_many(self, v4: list[int], v6: list[int]) -> tuple[list[int], list[int]]:
        """Label ids (-1: no range) for IPv4 and IPv6 integer addresses."""
        a4 = self._search(self._v4, np.array(v4, dtype=np.uint32))
        a6 = self._search(self._v6, np.array(_packed(v6), dtype="S16"))
        return a4, a6

    @staticmethod
    def _search(
        arrays: tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]],
        q: np.ndarray[Any, Any],
    ) -> list[int]:
        lo, hi, ids = arrays
        if len(q) == 0 or len(lo) == 0:
            return [-1] * len(q)
        i = np.searchsorted(lo, q, side="right") - 1
        ok = (i >= 0) & (q <= hi[np.maximum(i, 0)])
        found: list[int] = np.where(ok, ids[np.maximum(i, 0)], -1).tolist()
        return found


def _packed(values: list[int]) -> list[bytes]:
    return [v.to_bytes(16, "big") for v in values]


def _flatten(
    firsts: list[list[int]], lens: list[list[int]], ids: list[list[int]], labels: list[str]
) -> _Ranges:
    return _Ranges(
        [x for chunk in firsts for x in chunk],
        [n for chunk in lens for n in chunk],
        [i for chunk in ids for i in chunk],
        labels,
    )


@dataclass(frozen=True)
class GeoRecord:
    """What the default data says about one address (None where it says nothing)."""

    country: str | None
    as_name: str | None


class Geoip2fastData:
    """Country and AS-name lookups on geoip2fast's shipped data (IPv4 and IPv6).

    Load once (about 1 s, ~300 MB of Python lists) and share: lookups are pure.
    """

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            # Located through the distribution's metadata: importing geoip2fast
            # itself would compile a module that emits SyntaxWarnings.
            path = Path(
                str(metadata.distribution("geoip2fast").locate_file(f"geoip2fast/{DEFAULT_FILE}"))
            )
        with gzip.open(path, "rb") as f:
            dat_version, source, _total, db = _PlainUnpickler(f).load()
        if dat_version not in (120, 121) or not (source.get("country") and source.get("asn")):
            raise ValueError(f"{path.name}: not a geoip2fast country+ASN data file")
        (
            _idx,
            _idx_asn,
            cc_names,
            asn_names,
            firsts,
            firsts_asn,
            cc_ids,
            asn_ids,
            lens,
            lens_asn,
        ) = db
        # Country labels are "CC:Name"; the special ranges become None.
        codes = [n.split(":", 1)[0] if i >= _PRIVATE_IDS else "" for i, n in enumerate(cc_names)]
        self._country = _flatten(firsts, lens, cc_ids, codes)
        self._asn = _flatten(firsts_asn, lens_asn, asn_ids, list(asn_names))
        self.source_info: str = str(source.get("info", ""))
        self.name = f"geoip2fast {_version()} ({self.source_info or path.name})"
        self.date = _date_of(self.source_info)

    def lookup(self, x: int) -> GeoRecord:
        """Country code and AS name of integer address ``x`` (IPv4 below 2**32)."""
        return self.lookup_many([x])[0]

    def lookup_many(self, values: list[int]) -> list[GeoRecord]:
        """:meth:`lookup` for many addresses at once."""
        return [self.record(c, a) for c, a in self.ids_many(values)]

    def ids_many(self, values: list[int]) -> list[tuple[int, int]]:
        """(country id, AS id) per address, vectorised; -1 where no range holds it.

        Ids are small integers shared by every address of a range: callers can
        cache per id pair and call :meth:`record` once per pair.
        """
        v4 = [x for x in values if x <= _MAX_V4]
        v6 = [x for x in values if x > _MAX_V4]
        c4, c6 = self._country.find_many(v4, v6)
        a4, a6 = self._asn.find_many(v4, v6)
        if not v6:
            return list(zip(c4, a4, strict=True))
        it4, it6 = zip(c4, a4, strict=True), zip(c6, a6, strict=True)
        return [next(it4 if x <= _MAX_V4 else it6) for x in values]

    def as_names(self) -> list[str]:
        """Every AS organisation name in the data, as spelt there."""
        return list(self._asn.labels)

    def record(self, country_id: int, asn_id: int) -> GeoRecord:
        """The record for an id pair from :meth:`ids_many`."""
        cc = self._country.labels[country_id] if country_id >= 0 else ""
        asn = self._asn.labels[asn_id] if asn_id >= 0 else ""
        return GeoRecord(cc or None, None if asn in ("", "<unknown>") else asn)


@cache
def shared_default() -> Geoip2fastData:
    """The default data, loaded once per process (about a second, ~300 MB)."""
    return Geoip2fastData()


def _version() -> str:
    try:
        return metadata.version("geoip2fast")
    except metadata.PackageNotFoundError:
        return "unknown"


def _date_of(info: str) -> date | None:
    """The build date in geoip2fast's source string, e.g. '...-en-20240618'."""
    m = re.search(r"(\d{4})(\d{2})(\d{2})\b", info)
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
