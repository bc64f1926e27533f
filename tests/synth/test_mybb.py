"""MyBB 1.8 writer: real schema, packed IPs, mailbox copies; ingest and MariaDB agree."""

from __future__ import annotations

import ipaddress
import json
import re
from pathlib import Path
from typing import Any

import phpserialize
import pytest

from safeguard import synth
from safeguard.case import Case
from safeguard.synth import activity, people
from safeguard.synth.network import ip_at
from tests.support.synth_case import ingest_dump
from tests.support.synth_case import query as q
from tests.synth.dumpparse import table_rows

MEMBERS, SEED = 200, 21


@pytest.fixture(scope="module")
def forum(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("mybb") / "forum"
    synth.generate(out, members=MEMBERS, seed=SEED, software="mybb18")
    return out


@pytest.fixture(scope="module")
def truth(forum: Path) -> dict[str, Any]:
    return json.loads((forum / "truth.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def dump(forum: Path) -> dict[str, list[dict[str, object]]]:
    return table_rows((forum / "forum.sql").read_bytes())


@pytest.fixture(scope="module")
def case(forum: Path, tmp_path_factory: pytest.TempPathFactory) -> Case:
    return ingest_dump(tmp_path_factory.mktemp("mybbcase"), forum / "forum.sql")


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    a = synth.generate(tmp_path / "a", members=60, seed=3, software="mybb18").parent
    b = synth.generate(tmp_path / "b", members=60, seed=3, software="mybb18").parent
    for name in ("forum.sql", "truth.json", "access.log"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    assert b"CREATE TABLE `mybb_privatemessages`" in (a / "forum.sql").read_bytes()


def test_ips_are_packed_bytes(dump) -> None:
    for table, cols in (
        ("mybb_users", ("regip", "lastip")),
        ("mybb_posts", ("ipaddress",)),
        ("mybb_privatemessages", ("ipaddress",)),
    ):
        for row in dump[table][:100]:
            for col in cols:
                ip = row[col]
                assert isinstance(ip, bytes), (table, col, ip)
                assert len(ip) == 4, (table, col, ip)
                assert ipaddress.ip_address(ip).is_global


def test_pm_copies_carry_the_serialized_recipients(dump, truth) -> None:
    plan = activity.build(people.build(SEED, MEMBERS))
    # the copies of one message share sender, time and text (the mapping's key)
    copies: dict[tuple[object, ...], list[dict[str, object]]] = {}
    for row in dump["mybb_privatemessages"]:
        key = (row["fromid"], row["dateline"], row["message"])
        copies.setdefault(key, []).append(row)
    assert len(copies) == truth["meta"]["private_messages"]
    keys = list(copies)  # in order of each message's first copy = the PM's index
    for i in range(0, len(plan.pm_time), 7):
        rows = copies[keys[i]]
        assert rows[0]["fromid"] == int(plan.pm_sender[i]) + 1
        assert rows[0]["dateline"] == int(plan.pm_time[i])
        to = sorted(int(a) + 1 for a in (plan.pm_to[i], plan.pm_cc[i]) if a >= 0)
        listed = phpserialize.loads(str(rows[0]["recipients"]).encode())[b"to"]
        assert sorted(int(v) for v in listed.values()) == to
        assert sorted(int(r["uid"]) for r in rows if r["folder"] == 1) == to  # type: ignore[call-overload]
        assert {r["folder"] for r in rows} <= {1, 2}


def test_ingest_detects_mybb_and_counts_match_truth(case, truth) -> None:
    assert q(case, "SELECT format FROM evidence") == [("mybb18",)]
    assert q(case, "SELECT count(*) FROM accounts")[0][0] == len(truth["accounts"])
    assert q(case, "SELECT count(*) FROM posts")[0][0] == truth["meta"]["posts"]
    pms = q(case, "SELECT count(*) FROM private_messages")[0][0]
    assert pms == truth["meta"]["private_messages"]
    plan = activity.build(people.build(SEED, MEMBERS))
    recipients = len(plan.pm_to) + int((plan.pm_cc >= 0).sum())
    assert q(case, "SELECT count(*) FROM message_recipients")[0][0] == recipients


def test_ingested_emails_and_ips_match_the_model(case, truth) -> None:
    folk = people.build(SEED, MEMBERS)
    got = {
        r[0]: r[1:]
        for r in q(case, "SELECT source_user_id, email, registration_ip, username FROM accounts")
    }
    for acc in truth["accounts"][::9]:
        a = acc["user_id"] - 1
        reg_ip = ip_at(folk, int(folk.a_person[a]), int(folk.a_reg[a]))
        assert got[str(acc["user_id"])] == (acc["email"], reg_ip, acc["username"])
    plan = activity.build(folk)
    post_ips = dict(q(case, "SELECT source_post_id, ip FROM posts"))
    for i in range(0, len(plan.post_time), 97):
        person = int(folk.a_person[int(plan.post_poster[i])])
        assert post_ips[str(i + 1)] == ip_at(folk, person, int(plan.post_time[i]))


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def test_planted_selectors_reach_text_plain(case, truth) -> None:
    posts = dict(q(case, "SELECT source_post_id, text_plain FROM posts"))
    pms = dict(q(case, "SELECT source_message_id, text_plain FROM private_messages"))
    accounts = {
        r[0]: r[1:]
        for r in q(case, "SELECT source_user_id, signature_plain, icq, skype FROM accounts")
    }
    tables = {s["table"] for s in truth["selectors"]}
    assert {"mybb_posts", "mybb_privatemessages", "mybb_users"} <= tables
    assert {"plain", "obfuscated", "field"} <= {s["form"] for s in truth["selectors"]}
    for s in truth["selectors"]:
        rid = str(s["record"])
        if s["form"] == "field":
            assert accounts[rid][("icq", "skype").index(s["column"]) + 1] == s["value"], s
            continue
        text = {"mybb_posts": posts, "mybb_privatemessages": pms}.get(s["table"])
        plain = text[rid] if text is not None else accounts[rid][0]
        assert _norm(s["line"]) in _norm(plain), s


@pytest.mark.mariadb
def test_mariadb_loads_the_dump(mariadb, forum: Path, truth) -> None:
    mariadb.sql("DROP DATABASE IF EXISTS synth_mybb; CREATE DATABASE synth_mybb")
    mariadb.load((forum / "forum.sql").read_bytes(), "synth_mybb")
    for table, rows in truth["meta"]["rows"].items():
        got = mariadb.sql(f"SELECT COUNT(*) FROM `{table}`", "synth_mybb")
        assert int(got[0][0]) == rows, table
    folk = people.build(SEED, MEMBERS)
    got = mariadb.sql("SELECT uid, INET6_NTOA(regip) FROM mybb_users WHERE uid < 6", "synth_mybb")
    assert [r[1] for r in got] == [
        ip_at(folk, int(folk.a_person[int(r[0]) - 1]), int(folk.a_reg[int(r[0]) - 1])) for r in got
    ]
