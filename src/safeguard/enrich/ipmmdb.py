"""User-supplied MaxMind GeoIP2/GeoLite2 ``.mmdb`` files, as dated snapshots.

Each file's date is its ``build_epoch`` metadata (when MaxMind built it), not
its file name or modification time, which copying changes. Country and City
databases give the country; ASN and ISP databases give the AS number and
organisation. Other database types (Anonymous-IP, Connection-Type…) are listed
in :attr:`MmdbSnapshots.problems` and not used.

Which snapshot answers for time ``t`` (:meth:`MmdbSnapshots.pick`): the one
whose build date is **nearest to t overall**, ties going to the earlier one.
Why not "latest before t": GeoLite2 is rebuilt weekly or monthly from registry
and ISP feeds that lag the real change by days to weeks, so a snapshot built
shortly after ``t`` usually describes ``t`` better than one built long before;
and for times before the oldest snapshot, nearest-before would have no answer.
Pass ``policy="before"`` to use the latest snapshot built on or before ``t``
(falling back to the oldest when none is), e.g. to reproduce what an analyst
could have known at the time. ``t`` None uses the newest snapshot.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal

import maxminddb

Policy = Literal["nearest", "before"]


@dataclass(frozen=True)
class Snapshot:
    """One opened .mmdb file."""

    name: str  # file name, e.g. GeoLite2-Country_20190305.mmdb
    role: Literal["country", "asn"]
    built: datetime  # build_epoch, UTC
    reader: Any  # maxminddb.Reader (untyped extension object)

    @property
    def day(self) -> date:
        """The build date (UTC)."""
        return self.built.date()

    def get(self, address: str) -> dict[str, Any] | None:
        """The record for ``address`` (a canonical IP string), or None."""
        try:
            rec = self.reader.get(address)
        except (ValueError, TypeError):  # e.g. an IPv6 address in an IPv4-only file
            return None
        return rec if isinstance(rec, dict) else None

    def country(self, address: str) -> str | None:
        """ISO code of the located country, else the registered country (GeoIP2 layout)."""
        rec = self.get(address) or {}
        for key in ("country", "registered_country"):
            sub = rec.get(key)
            code = sub.get("iso_code") if isinstance(sub, dict) else None
            if isinstance(code, str) and len(code) == 2:
                return code.upper()
        return None

    def asn(self, address: str) -> tuple[int | None, str | None]:
        """AS number and organisation (GeoIP2/GeoLite2 ASN and ISP layout)."""
        rec = self.get(address) or {}
        num = rec.get("autonomous_system_number")
        org = rec.get("autonomous_system_organization")
        return (num if isinstance(num, int) else None), (
            org if isinstance(org, str) and org else None
        )


def _role(database_type: str) -> Literal["country", "asn"] | None:
    t = database_type.lower()
    if "asn" in t or t.endswith("-isp"):
        return "asn"
    if "country" in t or "city" in t:
        return "country"
    return None


class MmdbSnapshots:
    """All usable .mmdb files of a folder (searched recursively), by role and date."""

    def __init__(self, folder: Path | None, policy: Policy = "nearest") -> None:
        self.policy = policy
        self.problems: list[str] = []
        found: dict[str, list[Snapshot]] = {"country": [], "asn": []}
        paths = sorted(Path(folder).rglob("*.mmdb")) if folder is not None else []
        for path in paths:
            snap = self._open(path)
            if snap is not None:
                found[snap.role].append(snap)
        self._snaps = {
            role: sorted(s, key=lambda x: (x.built, x.name)) for role, s in found.items()
        }
        self._keys = {
            role: [s.built.timestamp() for s in snaps] for role, snaps in self._snaps.items()
        }

    def _open(self, path: Path) -> Snapshot | None:
        try:
            reader = maxminddb.open_database(str(path))
        except (OSError, ValueError, maxminddb.InvalidDatabaseError) as exc:
            self.problems.append(f"{path.name}: not a readable .mmdb file ({exc})")
            return None
        meta = reader.metadata()
        role = _role(str(meta.database_type))
        if role is None:
            self.problems.append(f"{path.name}: database type {meta.database_type!r} not used")
            reader.close()
            return None
        return Snapshot(path.name, role, datetime.fromtimestamp(int(meta.build_epoch), UTC), reader)

    def snapshots(self, role: Literal["country", "asn"]) -> list[Snapshot]:
        """Snapshots of one role, oldest first."""
        return list(self._snaps[role])

    def pick(self, role: Literal["country", "asn"], t: datetime | None) -> int | None:
        """Index (in :meth:`snapshots` order) of the snapshot for time ``t``; None if none."""
        keys = self._keys[role]
        if not keys:
            return None
        if t is None:
            return len(keys) - 1
        x = (t if t.tzinfo else t.replace(tzinfo=UTC)).timestamp()
        i = bisect.bisect_right(keys, x)  # keys[:i] were built on or before t
        if self.policy == "before":
            return max(i - 1, 0)
        if i == 0:
            return 0
        if i == len(keys):
            return i - 1
        return i - 1 if x - keys[i - 1] <= keys[i] - x else i

    def close(self) -> None:
        """Close every reader."""
        for snaps in self._snaps.values():
            for s in snaps:
                s.reader.close()
