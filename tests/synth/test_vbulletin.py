"""vBulletin 4 writer: deterministic, read back by Safeguard's ingest and by MariaDB."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import phpserialize
import pytest

from safeguard import synth
from safeguard.case import Case
from safeguard.synth import people
from safeguard.synth.network import ip_at
from safeguard.synth.vbulletin4_meta import ncr
from tests.support.synth_case import ingest_dump
from tests.support.synth_case import query as q
from tests.synth.dumpparse import table_rows

MEMBERS, SEED = 200, 4


@pytest.fixture(scope="module")
def vb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("vb") / "forum"
    synth.generate(out, members=MEMBERS, seed=SEED, software="vbulletin4")
    return out


@pytest.fixture(scope="module")
def vb_truth(vb: Path) -> dict[str, Any]:
    return json.loads((vb / "truth.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def vb_dump(vb: Path) -> dict[str, list[dict[str, object]]]:
    return table_rows((vb / "forum.sql").read_bytes())


@pytest.fixture(scope="module")
def vb_case(vb: Path, tmp_path_factory: pytest.TempPathFactory) -> Case:
    return ingest_dump(tmp_path_factory.mktemp("vbcase"), vb / "forum.sql")


def test_same_seed_same_bytes_other_seed_differs(tmp_path: Path) -> None:
    dumps = []
    for name, seed in (("a", 3), ("b", 3), ("c", 8)):
        synth.generate(tmp_path / name, members=40, seed=seed, software="vbulletin4")
        dumps.append((tmp_path / name / "forum.sql").read_bytes())
    assert dumps[0] == dumps[1]
    assert dumps[0] != dumps[2]
    assert dumps[0].startswith(b"-- MySQL dump")


def test_tables_are_latin1_with_ncrs_and_dotted_ips(vb: Path, vb_dump) -> None:
    data = (vb / "forum.sql").read_bytes().decode("utf-8")
    assert "DEFAULT CHARSET=utf8" not in data
    assert data.count("DEFAULT CHARSET=latin1") == 12
    # text a latin1 column cannot hold is stored as NCRs, as the browser sent it
    assert ncr("Idę, łódź €5") == "Id&#281;, &#322;ód&#378; €5"
    texts = [
        str(r[c])
        for t, c in (("post", "pagetext"), ("pmtext", "message"), ("thread", "title"))
        for r in vb_dump[t]
    ]
    "".join(texts).encode("cp1252")  # raises if anything outside latin1/cp1252 is left
    for row in vb_dump["post"][:300] + vb_dump["user"]:
        assert re.fullmatch(r"\d{1,3}(\.\d{1,3}){3}", str(row["ipaddress"])), row["ipaddress"]


def test_first_post_carries_thread_title(vb_dump) -> None:
    posts = {r["postid"]: r for r in vb_dump["post"]}
    for t in vb_dump["thread"]:
        first = posts[t["firstpostid"]]
        assert (first["threadid"], first["title"]) == (t["threadid"], t["title"])
        assert first["parentid"] == 0


def test_touserarray_matches_pm_mailboxes(vb_dump) -> None:
    inbox: dict[int, set[int]] = {}
    for row in vb_dump["pm"]:
        if row["folderid"] == 0:
            inbox.setdefault(int(row["pmtextid"]), set()).add(int(row["userid"]))  # type: ignore[call-overload]
    users = {r["userid"]: r["username"] for r in vb_dump["user"]}
    for row in vb_dump["pmtext"]:
        arr = phpserialize.loads(str(row["touserarray"]).encode(), decode_strings=True)
        assert set(arr) == {"cc"}
        assert set(arr["cc"]) == inbox[int(row["pmtextid"])]  # type: ignore[call-overload]
        assert all(users[u] == name for u, name in arr["cc"].items())


def test_ingest_detects_vbulletin_and_counts_match_truth(vb_case, vb_truth, vb_dump) -> None:
    assert q(vb_case, "SELECT format FROM evidence") == [("vbulletin",)]
    assert q(vb_case, "SELECT count(*) FROM accounts") == [(len(vb_truth["accounts"]),)]
    assert q(vb_case, "SELECT count(*) FROM posts") == [(vb_truth["meta"]["posts"],)]
    pms = vb_truth["meta"]["private_messages"]
    assert q(vb_case, "SELECT count(*) FROM private_messages") == [(pms,)]
    inbox_rows = sum(1 for r in vb_dump["pm"] if r["folderid"] == 0)
    assert q(vb_case, "SELECT count(*) FROM message_recipients") == [(inbox_rows,)]


def test_registration_emails_and_ips_match_truth(vb_case, vb_truth) -> None:
    folk = people.build(SEED, MEMBERS)
    got = {
        int(r[0]): r[1:]
        for r in q(vb_case, "SELECT source_user_id, email, registration_ip FROM accounts")
    }
    for acc in vb_truth["accounts"][::7]:
        a = acc["user_id"] - vb_truth["meta"]["id_offset"]
        ip = ip_at(folk, int(folk.a_person[a]), int(folk.a_reg[a]))
        assert got[acc["user_id"]] == (acc["email"], ip), acc


def test_planted_selectors_reach_text_plain(vb_case, vb_truth) -> None:
    posts = dict(q(vb_case, "SELECT source_post_id, text_plain FROM posts"))
    pms = dict(q(vb_case, "SELECT source_message_id, text_plain FROM private_messages"))
    accounts = {
        r[0]: r[1:]
        for r in q(vb_case, "SELECT source_user_id, signature_plain, icq, skype FROM accounts")
    }
    assert {s["table"] for s in vb_truth["selectors"]} >= {"post", "pmtext", "usertextfield"}
    for s in vb_truth["selectors"]:
        rid = str(s["record"])
        if s["form"] == "field":
            assert accounts[rid][1 if s["column"] == "icq" else 2] == s["value"], s
            continue
        text = {"post": posts, "pmtext": pms}.get(s["table"], {}).get(rid)
        if s["table"] == "usertextfield":
            text = accounts[rid][0]
        assert s["line"] in (text or "").replace("\r\n", "\n"), s


@pytest.mark.mariadb
def test_mariadb_loads_dump_and_counts_match(mariadb, vb: Path, vb_truth) -> None:
    mariadb.sql("DROP DATABASE IF EXISTS synth_vb; CREATE DATABASE synth_vb")
    mariadb.load((vb / "forum.sql").read_bytes(), "synth_vb")
    for table, rows in vb_truth["meta"]["rows"].items():
        assert mariadb.sql(f"SELECT COUNT(*) FROM `{table}`", "synth_vb") == [[str(rows)]], table
    assert mariadb.sql("SELECT COUNT(*) FROM user", "synth_vb") == [[str(MEMBERS)]]
    charset = mariadb.sql(
        "SELECT DISTINCT CCSA.character_set_name FROM information_schema.TABLES T "
        "JOIN information_schema.COLLATION_CHARACTER_SET_APPLICABILITY CCSA "
        "ON CCSA.collation_name = T.table_collation WHERE T.table_schema = 'synth_vb'"
    )
    assert charset == [["latin1"]]
