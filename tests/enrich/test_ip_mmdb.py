"""User .mmdb snapshots: real MaxMind DB files written with mmdb-writer, dated by build_epoch."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from mmdb_writer import MMDBWriter
from netaddr import IPSet

from safeguard.enrich.ip import IpIntel


class _DatedWriter(MMDBWriter):  # type: ignore[misc]
    """mmdb-writer stamps the current time; a snapshot needs a chosen build date."""

    def __init__(self, built: datetime, **kw: Any) -> None:
        super().__init__(
            ip_version=6, ipv4_compatible=True, languages=["en"], description="test", **kw
        )
        self._built = built

    def _build_meta(self) -> dict[str, Any]:
        meta: dict[str, Any] = super()._build_meta()
        meta["build_epoch"] = int(self._built.timestamp())
        return meta


def _write(path: Path, db_type: str, built: datetime, nets: dict[str, dict[str, Any]]) -> None:
    w = _DatedWriter(built, database_type=db_type)
    for net, rec in nets.items():
        w.insert_network(IPSet([net]), rec)
    w.to_db_file(str(path))


def _country(code: str) -> dict[str, Any]:
    return {"country": {"iso_code": code}, "registered_country": {"iso_code": code}}


def _asn(num: int, org: str) -> dict[str, Any]:
    return {"autonomous_system_number": num, "autonomous_system_organization": org}


OLD, NEW = datetime(2019, 1, 1, tzinfo=UTC), datetime(2021, 1, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def mmdb_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("mmdb")
    # Same block, reassigned between the snapshots (a made-up history).
    _write(
        d / "GeoLite2-Country_a.mmdb",
        "GeoLite2-Country",
        OLD,
        {"86.128.0.0/14": _country("GB"), "2a01:4f8::/32": _country("DE")},
    )
    _write(
        d / "GeoLite2-Country_b.mmdb", "GeoLite2-Country", NEW, {"86.128.0.0/14": _country("FR")}
    )
    _write(
        d / "GeoLite2-ASN_a.mmdb",
        "GeoLite2-ASN",
        OLD,
        {"86.128.0.0/14": _asn(2856, "British Telecommunications PLC")},
    )
    _write(d / "GeoLite2-ASN_b.mmdb", "GeoLite2-ASN", NEW, {"86.128.0.0/14": _asn(3215, "Orange")})
    return d


def test_snapshot_dates_come_from_build_epoch(mmdb_dir: Path) -> None:
    intel = IpIntel(mmdb_dir=mmdb_dir)
    assert [s.day for s in intel.mmdb.snapshots("country")] == [OLD.date(), NEW.date()]
    assert [s.name for s in intel.mmdb.snapshots("asn")] == [
        "GeoLite2-ASN_a.mmdb",
        "GeoLite2-ASN_b.mmdb",
    ]
    assert intel.problems == []


@pytest.mark.parametrize(
    ("when", "policy", "expect"),
    [
        (datetime(2019, 3, 1, tzinfo=UTC), "nearest", ("GB", 2856, date(2019, 1, 1))),
        (datetime(2020, 12, 1, tzinfo=UTC), "nearest", ("FR", 3215, date(2021, 1, 1))),
        (datetime(2020, 12, 1, tzinfo=UTC), "before", ("GB", 2856, date(2019, 1, 1))),
        (datetime(2015, 1, 1, tzinfo=UTC), "nearest", ("GB", 2856, date(2019, 1, 1))),
        (datetime(2015, 1, 1, tzinfo=UTC), "before", ("GB", 2856, date(2019, 1, 1))),
        (datetime(2024, 1, 1, tzinfo=UTC), "before", ("FR", 3215, date(2021, 1, 1))),
        (
            datetime(2020, 1, 1),
            "nearest",
            ("GB", 2856, date(2019, 1, 1)),
        ),  # naive = UTC; exact midpoint -> earlier
        (None, "nearest", ("FR", 3215, date(2021, 1, 1))),
    ],
)
def test_snapshot_choice(
    mmdb_dir: Path, when: datetime | None, policy: Any, expect: tuple[Any, ...]
) -> None:
    fact = IpIntel(mmdb_dir=mmdb_dir, snapshot_policy=policy).lookup("86.130.5.6", when)
    assert (fact.country, fact.asn, fact.dataset_date) == expect
    assert fact.dataset.endswith(".mmdb")
    assert fact.network_kind == "residential"  # both ASNs are listed as residential


def test_one_batch_mixes_snapshots_by_time(mmdb_dir: Path) -> None:
    intel = IpIntel(mmdb_dir=mmdb_dir)
    times = [datetime(2019, 2, 1, tzinfo=UTC), datetime(2021, 2, 1, tzinfo=UTC)] * 2
    facts = intel.lookup_many(["86.128.0.9"] * 4, times)  # type: ignore[arg-type]
    assert [f.country for f in facts] == ["GB", "FR", "GB", "FR"]
    assert "Country_a" in facts[0].dataset
    assert "ASN_a" in facts[0].dataset


def test_ipv6_and_missing_records(mmdb_dir: Path) -> None:
    intel = IpIntel(mmdb_dir=mmdb_dir)
    v6 = intel.lookup("2a01:4f8:1:2::3", datetime(2019, 1, 2, tzinfo=UTC))
    assert v6.country == "DE"
    assert v6.asn is None
    gone = intel.lookup("8.8.8.8", OLD)
    assert gone.network_kind == "unknown"
    assert "not in" in gone.detail


def test_country_snapshot_alone_uses_default_as_data(tmp_path: Path) -> None:
    _write(tmp_path / "c.mmdb", "GeoIP2-City", OLD, {"88.198.0.0/17": _country("DE")})
    fact = IpIntel(mmdb_dir=tmp_path).lookup("88.198.1.1", OLD)
    assert (fact.country, fact.asn, fact.network_kind) == ("DE", 24940, "hosting")
    assert fact.dataset == "c.mmdb"
    assert "AS data geoip2fast" in fact.detail


def test_bad_and_unused_files_are_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "broken.mmdb").write_bytes(b"\x00" * 100 + b"not a database")
    _write(
        tmp_path / "anon.mmdb", "GeoIP2-Anonymous-IP", OLD, {"1.0.0.0/24": {"is_anonymous": True}}
    )
    intel = IpIntel(mmdb_dir=tmp_path)
    assert len(intel.problems) == 2
    assert any("broken.mmdb" in p for p in intel.problems)
    assert any("Anonymous-IP" in p for p in intel.problems)
    assert intel.lookup("86.128.1.1").dataset.startswith("geoip2fast")


def test_missing_folders_mean_defaults(tmp_path: Path) -> None:
    intel = IpIntel(mmdb_dir=tmp_path / "none", tor_dir=tmp_path / "none2")
    assert intel.problems == []
    assert len(intel.tor) == 0
    assert intel.lookup("86.128.1.1").country == "GB"
