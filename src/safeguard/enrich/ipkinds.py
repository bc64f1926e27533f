"""What kind of network an AS is, from the maintained table ``data/asn_kinds.csv``.

The table (asn, kind, operator, operator_country, as_name, source) is data, not
code: analysts add rows. ``as_name`` is the AS organisation name exactly as
MaxMind's GeoLite2 ASN data spells it; it lets rows match the default
geoip2fast data, which carries AS names but no AS numbers. A row may leave
``asn`` empty when only the name is known.

Rule for an AS that is not in the table (:func:`guess_kind`):

* no AS name at all → ``unknown``;
* a name with a hosting or VPN hint (hosting, server, cloud, datacenter, VPS,
  colo, VPN, proxy, CDN…) → ``unknown``: a hint is not proof, and calling it
  residential would give a data centre's country weight it does not deserve;
* a name with a mobile hint (mobile, GPRS, cellular, LTE, 3G/4G/5G) → ``mobile``;
* any other name → ``residential`` (most address space that people use is a
  consumer ISP's).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TABLE = Path(__file__).parent / "data" / "asn_kinds.csv"
# Kinds a table row may carry; education (university networks) is shared by
# many people and says little about any one of them.
ROW_KINDS = frozenset({"residential", "mobile", "hosting", "vpn", "tor", "education"})
ANONYMISING = frozenset({"tor", "vpn", "hosting"})

_HOSTING_HINT = re.compile(
    r"host|server|cloud|data ?cent|datacenter|\bdc\b|\bvps\b|\bcolo\b|colocation|dedicated"
    r"|\bcdn\b|vpn|proxy|anonym|privacy",
    re.IGNORECASE,
)
_MOBILE_HINT = re.compile(r"mobile|mobil\b|gprs|cellular|\blte\b|\b[345]g\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class AsnKind:
    """One row of the table."""

    asn: int | None
    kind: str
    operator: str
    operator_country: str | None
    as_name: str
    source: str


@dataclass(frozen=True)
class AsnTable:
    """The table indexed by AS number and by case-folded AS name."""

    by_asn: dict[int, AsnKind]
    by_name: dict[str, AsnKind]

    def find(self, asn: int | None, as_name: str | None) -> AsnKind | None:
        """The row for ``asn`` if listed, else for ``as_name``; None if neither."""
        if asn is not None and asn in self.by_asn:
            return self.by_asn[asn]
        if as_name:
            return self.by_name.get(as_name.casefold())
        return None

    def asn_for_name(self, as_name: str | None) -> int | None:
        """The AS number of a name, when exactly one listed AS bears it."""
        row = self.by_name.get(as_name.casefold()) if as_name else None
        return row.asn if row is not None else None


@cache
def load_table(path: Path = TABLE) -> AsnTable:
    """Read and check the table; a bad row raises ValueError naming its line."""
    by_asn: dict[int, AsnKind] = {}
    names: dict[str, list[AsnKind]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            item = _row(row, f"{path.name}:{line}")
            if item.asn is not None:
                if item.asn in by_asn:
                    raise ValueError(f"{path.name}:{line}: AS{item.asn} listed twice")
                by_asn[item.asn] = item
            names.setdefault(item.as_name.casefold(), []).append(item)
    return AsnTable(by_asn, {k: _merge(rows) for k, rows in names.items()})


def _row(row: dict[str, str], where: str) -> AsnKind:
    kind = (row.get("kind") or "").strip()
    if kind not in ROW_KINDS:
        raise ValueError(f"{where}: kind {kind!r} is not one of {sorted(ROW_KINDS)}")
    asn_text = (row.get("asn") or "").strip()
    if asn_text and not asn_text.isdigit():
        raise ValueError(f"{where}: asn {asn_text!r} is not a number")
    country = (row.get("operator_country") or "").strip().upper() or None
    if country is not None and not re.fullmatch(r"[A-Z]{2}", country):
        raise ValueError(f"{where}: operator_country {country!r} is not ISO alpha-2")
    return AsnKind(
        int(asn_text) if asn_text else None,
        kind,
        (row.get("operator") or "").strip(),
        country,
        (row.get("as_name") or "").strip(),
        (row.get("source") or "").strip(),
    )


def _merge(rows: list[AsnKind]) -> AsnKind:
    """Rows sharing an AS name: the name alone cannot tell their AS numbers apart."""
    first = rows[0]
    if len(rows) == 1:
        return first
    if any(r.kind != first.kind for r in rows):
        raise ValueError(f"AS name {first.as_name!r}: rows disagree on kind")
    return AsnKind(
        None, first.kind, first.operator, first.operator_country, first.as_name, first.source
    )


def guess_kind(as_name: str | None) -> str:
    """Kind of an AS that is not in the table, from its name (see module doc)."""
    if not as_name:
        return "unknown"
    if _HOSTING_HINT.search(as_name):
        return "unknown"
    if _MOBILE_HINT.search(as_name):
        return "mobile"
    return "residential"
