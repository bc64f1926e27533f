"""Tor exit lists (CollecTor exit-addresses format): parsing, dates, the window, archives."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import tarfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from safeguard.enrich.ip import IpIntel
from safeguard.enrich.ipnet import parse_ip
from safeguard.enrich.tor import TorExits

# Hetzner (hosting) and BT (residential) addresses posing as exits in these lists.
LIST_A = """@type tordnsel 1.0
Downloaded 2010-03-01 00:02:00
ExitNode 0011BD2485AD45D984EC4159C88FC066E5E3300E
Published 2010-02-28 17:14:31
LastStatus 2010-02-28 18:02:32
ExitAddress 88.198.7.7 2010-02-28 18:13:03
ExitNode 0091174DE56EA5E9C2A5A1F3B58F9B4F3B3F2F9A
Published 2010-02-27 01:00:00
LastStatus 2010-02-28 23:00:00
ExitAddress 86.128.9.9 2010-02-28 23:10:00
ExitAddress 88.198.7.8
"""
LIST_B = """ExitNode 00A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3
Published 2010-06-01 10:00:00
LastStatus 2010-06-01 11:00:00
ExitAddress 88.198.7.7 2010-06-01 11:30:00
ExitAddress not-an-ip 2010-06-01 11:30:00
ExitAddress 1.2.3.4 2010-13-45 99:99:99
"""


def _t(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=UTC)


def _ip(text: str) -> int:
    value = parse_ip(text).value
    assert value is not None
    return value


@pytest.fixture
def tor_dir(tmp_path: Path) -> Path:
    (tmp_path / "2010-03-01-00-00-00").write_text(LIST_A)
    (tmp_path / "2010-06-01-12-00-00").write_text(LIST_B)
    return tmp_path


def test_exit_address_times_and_fallbacks(tor_dir: Path) -> None:
    tor = TorExits(tor_dir)
    assert len(tor) == 4  # 1.2.3.4's unreadable time falls back to its record's LastStatus
    assert tor.seen_near(_ip("1.2.3.4"), _t("2010-06-01 11:00")) == _t("2010-06-01 11:00")
    assert tor.seen_near(_ip("88.198.7.7"), _t("2010-02-28 18:00")) == _t(
        "2010-02-28 18:13"
    ) + timedelta(seconds=3)
    # No time on the line: the record's LastStatus counts.
    assert tor.seen_near(_ip("88.198.7.8"), _t("2010-02-28 23:00")) == _t("2010-02-28 23:00")
    assert tor.seen_near(_ip("88.198.7.7"), None) == _t("2010-06-01 11:30")  # time unknown: latest
    assert len(tor.problems) == 1
    assert "2010-06-01-12-00-00:5" in tor.problems[0]


@pytest.mark.parametrize(
    ("when", "days", "is_exit"),
    [
        ("2010-03-02 18:00", 2, True),
        ("2010-03-02 18:14", 2, False),  # 2 days and a minute after the observation
        ("2010-02-26 18:14", 2, True),
        ("2010-02-26 18:12", 2, False),
        ("2010-03-02 18:14", 3, True),
        ("2010-04-15 12:00", 2, False),  # between two lists far apart
        ("2010-05-31 12:00", 2, True),
    ],
)
def test_window(tor_dir: Path, when: str, days: int, is_exit: bool) -> None:
    tor = TorExits(tor_dir, window=timedelta(days=days))
    assert (tor.seen_near(_ip("88.198.7.7"), _t(when)) is not None) == is_exit


def test_intel_marks_tor_only_inside_the_window(tor_dir: Path) -> None:
    intel = IpIntel(tor_dir=tor_dir)
    near, far, never = intel.lookup_many(
        ["88.198.7.7", "88.198.7.7", "88.198.1.1"],
        [_t("2010-03-01 12:00"), _t("2011-01-01 00:00"), _t("2010-03-01 12:00")],
    )
    assert (near.network_kind, near.anonymiser, near.country) == ("tor", True, "DE")
    assert "Tor exit seen 2010-02-28 18:13" in near.detail
    assert far.network_kind == "hosting"
    assert never.network_kind == "hosting"
    residential = intel.lookup("::ffff:86.128.9.9", _t("2010-03-01 00:00"))
    assert residential.network_kind == "tor"
    assert residential.anonymiser


def test_concatenated_compressed_and_archived_lists(tmp_path: Path) -> None:
    both = (LIST_A + LIST_B).encode()
    (tmp_path / "all.gz").write_bytes(gzip.compress(both))
    (tmp_path / "a.bz2").write_bytes(bz2.compress(LIST_A.encode()))
    (tmp_path / "b.xz").write_bytes(lzma.compress(LIST_B.encode()))
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:xz") as tar:
        for name, text in (("exit-list-2010-03/01", LIST_A), ("exit-list-2010-06/01", LIST_B)):
            info = tarfile.TarInfo(name)
            info.size = len(text.encode())
            tar.addfile(info, io.BytesIO(text.encode()))
    (tmp_path / "exit-list-2010.tar.xz").write_bytes(buf.getvalue())
    tor = TorExits(tmp_path)
    assert len(tor) == 4
    assert len(tor.files) == 5  # all.gz, a.bz2, b.xz and two tar members
    assert tor.seen_near(_ip("88.198.7.7"), _t("2010-06-02 00:00")) is not None


def test_hostile_files_never_raise(tmp_path: Path) -> None:
    (tmp_path / "huge-line").write_text("ExitAddress " + "9" * 100_000 + " 2010-01-01 00:00:00\n")
    (tmp_path / "binary").write_bytes(bytes(range(256)) * 50)
    (tmp_path / "bad.gz").write_bytes(b"\x1f\x8b not gzip")
    (tmp_path / "empty").write_text("")
    tor = TorExits(tmp_path)
    assert len(tor) == 0
    assert any("bad.gz" in p for p in tor.problems)
