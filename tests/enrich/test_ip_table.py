"""The maintained table data/asn_kinds.csv: valid, matches the shipped data, covers the synth."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from safeguard.enrich.ipdata import shared_default
from safeguard.enrich.ipkinds import TABLE, load_table
from safeguard.synth import geo

SYNTH_KIND = {
    "home": "residential",
    "hosting": "hosting",
    "vpn": "vpn",
    "tor": "tor",
    "university": "education",
    "mobile": "mobile",
}


def _rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_every_as_name_is_spelled_as_in_the_shipped_data() -> None:
    # geoip2fast gives names, not numbers: a misspelt name would never match.
    names = set(shared_default().as_names())
    missing = [r["as_name"] for r in _rows() if r["as_name"] not in names]
    assert missing == []


def test_every_synth_network_is_listed_with_its_kind() -> None:
    table = load_table()
    for net in geo.networks():
        row = table.find(int(net.asn) if net.asn else None, None)
        if row is None:  # rows without an AS number are matched by name
            row = next(
                r for r in table.by_name.values() if r.operator.startswith(net.isp.split(" (")[0])
            )
        assert row.kind == SYNTH_KIND[net.kind], net


def test_coverage_of_hosting_vpn_and_mobile() -> None:
    table = load_table()
    for asn in (16509, 14618, 396982, 8075, 16276, 24940, 14061, 63949, 20473, 51167, 60781):
        assert table.by_asn[asn].kind == "hosting", asn
    for asn in (9009, 60068, 147049, 39351):
        assert table.by_asn[asn].kind == "vpn", asn
    countries = {c.code for c in geo.countries()}
    mobile = {r.operator_country for r in table.by_asn.values() if r.kind == "mobile"}
    assert len(mobile & countries) >= 20
    residential = {r.operator_country for r in table.by_asn.values() if r.kind == "residential"}
    assert countries <= residential


@pytest.mark.parametrize(
    ("row", "error"),
    [
        ("1,satellite,X,DE,X,src", "kind"),
        ("x1,hosting,X,DE,X,src", "not a number"),
        ("1,hosting,X,Germany,X,src", "ISO alpha-2"),
    ],
)
def test_bad_rows_are_rejected_with_their_line(tmp_path: Path, row: str, error: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        "asn,kind,operator,operator_country,as_name,source\n2,hosting,Y,DE,Y,s\n" + row + "\n"
    )
    with pytest.raises(ValueError, match=f"t.csv:3: .*{error}"):
        load_table(path)


def test_duplicate_asn_and_conflicting_names_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    head = "asn,kind,operator,operator_country,as_name,source\n"
    path.write_text(head + "1,hosting,A,DE,A,s\n1,hosting,B,DE,B,s\n")
    with pytest.raises(ValueError, match="AS1 listed twice"):
        load_table(path)
    path.write_text(head + "1,hosting,A,DE,Same,s\n2,mobile,B,DE,Same,s\n")
    with pytest.raises(ValueError, match="disagree"):
        load_table(path)
    path.write_text(head + "1,hosting,A,DE,Same,s\n2,hosting,A,DE,Same,s\n")
    shared = load_table(path)
    assert shared.asn_for_name("same") is None
    assert shared.by_asn[2].operator == "A"
