"""SMF 2.1 writer: real schema, packed binary IPs, truth agrees with the dump."""

from __future__ import annotations

import html
import ipaddress
import json
from pathlib import Path

import pytest

from safeguard import synth
from tests.synth.dumpparse import table_rows


@pytest.fixture(scope="module")
def smf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("smf") / "forum"
    synth.generate(out, members=300, seed=4, software="smf2")
    return out


@pytest.fixture(scope="module")
def smf_dump(smf: Path) -> dict[str, list[dict[str, object]]]:
    return table_rows((smf / "forum.sql").read_bytes())


@pytest.fixture(scope="module")
def smf_truth(smf: Path) -> dict[str, list[dict[str, object]]]:
    return json.loads((smf / "truth.json").read_text("utf-8"))


def test_smf2_is_listed() -> None:
    assert "smf2" in synth.SOFTWARES


def test_members_match_truth(smf_dump, smf_truth) -> None:
    assert {r["id_member"] for r in smf_dump["smf_members"]} == {
        a["user_id"] for a in smf_truth["accounts"]
    }
    assert len(smf_dump["smf_messages"]) == smf_truth["meta"]["posts"]
    assert len(smf_dump["smf_personal_messages"]) == smf_truth["meta"]["private_messages"]


def test_ips_are_packed_ipv4_bytes(smf_dump) -> None:
    for table, col in (
        ("smf_messages", "poster_ip"),
        ("smf_members", "member_ip"),
        ("smf_member_logins", "ip"),
    ):
        for row in smf_dump[table][:200]:
            ip = row[col]
            assert isinstance(ip, bytes), (table, ip)
            assert len(ip) == 4, (table, ip)
            assert not ipaddress.ip_address(ip).is_private


def test_planted_lines_are_in_the_named_record(smf_dump, smf_truth) -> None:
    texts = {("smf_messages", r["id_msg"]): r["body"] for r in smf_dump["smf_messages"]}
    texts |= {
        ("smf_personal_messages", r["id_pm"]): r["body"] for r in smf_dump["smf_personal_messages"]
    }
    texts |= {("smf_members", r["id_member"]): r["signature"] for r in smf_dump["smf_members"]}
    assert smf_truth["selectors"]
    for s in smf_truth["selectors"]:
        stored = html.escape(s["line"], quote=True).replace("&#x27;", "&#039;")
        assert stored in texts[(s["table"], s["record"])], s
