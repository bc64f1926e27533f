"""XenForo 2 writer: xf_ip by ip_id, conversations; ingest and MariaDB agree with the truth."""

from __future__ import annotations

import ipaddress
import json
import re
from pathlib import Path
from typing import Any

import pytest

from safeguard import synth
from safeguard.case import Case
from safeguard.synth import activity, people
from safeguard.synth.network import ip_at
from tests.support.synth_case import ingest_dump
from tests.support.synth_case import query as q
from tests.synth.dumpparse import table_rows

MEMBERS, SEED = 200, 22


@pytest.fixture(scope="module")
def forum(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("xf") / "forum"
    synth.generate(out, members=MEMBERS, seed=SEED, software="xenforo2")
    return out


@pytest.fixture(scope="module")
def truth(forum: Path) -> dict[str, Any]:
    return json.loads((forum / "truth.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def dump(forum: Path) -> dict[str, list[dict[str, object]]]:
    return table_rows((forum / "forum.sql").read_bytes())


@pytest.fixture(scope="module")
def case(forum: Path, tmp_path_factory: pytest.TempPathFactory) -> Case:
    return ingest_dump(tmp_path_factory.mktemp("xfcase"), forum / "forum.sql")


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    a = synth.generate(tmp_path / "a", members=60, seed=3, software="xenforo2").parent
    b = synth.generate(tmp_path / "b", members=60, seed=3, software="xenforo2").parent
    for name in ("forum.sql", "truth.json", "access.log"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    assert b"CREATE TABLE `xf_conversation_message`" in (a / "forum.sql").read_bytes()


def test_content_points_to_its_xf_ip_row(dump) -> None:
    ips = {r["ip_id"]: r for r in dump["xf_ip"]}
    assert [r["ip_id"] for r in dump["xf_ip"]] == list(range(1, len(ips) + 1))
    for table, kind, key in (
        ("xf_post", b"post", "post_id"),
        ("xf_conversation_message", b"conversation_message", "message_id"),
    ):
        for row in dump[table][::5]:
            ip = ips[row["ip_id"]]
            assert (ip["content_type"], ip["action"], ip["content_id"]) == (
                kind,
                b"insert",
                row[key],
            )
            assert ip["user_id"] == row["user_id"]
            assert isinstance(ip["ip"], bytes)
            assert ipaddress.ip_address(ip["ip"]).is_global
    times = [r["log_date"] for r in dump["xf_ip"]]
    assert times == sorted(times)  # ip_id follows time, as XenForo assigns it


def test_conversation_participants_are_the_pm_recipients(dump) -> None:
    plan = activity.build(people.build(SEED, MEMBERS))
    members: dict[object, set[object]] = {}
    for r in dump["xf_conversation_recipient"]:
        members.setdefault(r["conversation_id"], set()).add(r["user_id"])
    rows = dump["xf_conversation_message"]
    assert len(rows) == len(plan.pm_time)
    assert len(members) < len(rows)  # replies share a conversation
    for i, row in enumerate(rows):
        who = {int(a) + 1 for a in (plan.pm_sender[i], plan.pm_to[i], plan.pm_cc[i]) if a >= 0}
        assert members[row["conversation_id"]] == who, i


def test_ingest_detects_xenforo_and_counts_match_truth(case, truth) -> None:
    assert q(case, "SELECT format FROM evidence") == [("xenforo2",)]
    assert q(case, "SELECT count(*) FROM accounts")[0][0] == len(truth["accounts"])
    assert q(case, "SELECT count(*) FROM posts")[0][0] == truth["meta"]["posts"]
    pms = q(case, "SELECT count(*) FROM private_messages")[0][0]
    assert pms == truth["meta"]["private_messages"]
    plan = activity.build(people.build(SEED, MEMBERS))
    recipients = len(plan.pm_to) + int((plan.pm_cc >= 0).sum())
    assert q(case, "SELECT count(*) FROM message_recipients")[0][0] == recipients
    schemes = q(case, "SELECT DISTINCT password_scheme FROM accounts")
    assert schemes == [("bcrypt",)]


def test_ingested_emails_and_ips_match_the_model(case, truth) -> None:
    folk = people.build(SEED, MEMBERS)
    plan = activity.build(folk)
    got = {
        r[0]: r[1:]
        for r in q(case, "SELECT source_user_id, email, registration_ip, username FROM accounts")
    }
    for acc in truth["accounts"][::9]:
        a = acc["user_id"] - 1
        reg_ip = ip_at(folk, int(folk.a_person[a]), int(folk.a_reg[a]))
        assert got[str(acc["user_id"])] == (acc["email"], reg_ip, acc["username"])
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
        r[0]: r[1:] for r in q(case, "SELECT source_user_id, signature_plain, skype FROM accounts")
    }
    tables = {s["table"] for s in truth["selectors"]}
    assert {"xf_post", "xf_conversation_message", "xf_user_profile"} <= tables
    assert {"plain", "obfuscated", "field"} <= {s["form"] for s in truth["selectors"]}
    for s in truth["selectors"]:
        rid = str(s["record"])
        if s["form"] == "field":
            assert accounts[rid][1] == s["value"], s
            continue
        text = {"xf_post": posts, "xf_conversation_message": pms}.get(s["table"])
        plain = text[rid] if text is not None else accounts[rid][0]
        assert _norm(s["line"]) in _norm(plain), s


@pytest.mark.mariadb
def test_mariadb_loads_the_dump(mariadb, forum: Path, truth) -> None:
    mariadb.sql("DROP DATABASE IF EXISTS synth_xf; CREATE DATABASE synth_xf")
    mariadb.load((forum / "forum.sql").read_bytes(), "synth_xf")
    for table, rows in truth["meta"]["rows"].items():
        got = mariadb.sql(f"SELECT COUNT(*) FROM `{table}`", "synth_xf")
        assert int(got[0][0]) == rows, table
    joined = mariadb.sql(
        "SELECT COUNT(*) FROM xf_post p JOIN xf_ip i ON i.ip_id = p.ip_id "
        "WHERE i.content_type = 'post' AND i.content_id = p.post_id",
        "synth_xf",
    )
    assert int(joined[0][0]) == truth["meta"]["posts"]
    engines = mariadb.sql(
        "SELECT table_name, engine FROM information_schema.tables "
        "WHERE table_schema = 'synth_xf' AND table_name IN ('xf_post', 'xf_session_activity') "
        "ORDER BY 1"
    )
    assert engines == [["xf_post", "InnoDB"], ["xf_session_activity", "MEMORY"]]
