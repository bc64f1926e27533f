"""Discourse writer: a deterministic pg_dump read back by Safeguard's ingest and by psql."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any

import pytest

from safeguard import synth
from safeguard.case import Case
from safeguard.synth import people, pgdump
from safeguard.synth.discourse_cook import cook
from safeguard.synth.network import ip_at
from tests.support.postgres import PostgresServer
from tests.support.synth_case import ingest_dump
from tests.support.synth_case import query as q

MEMBERS, SEED = 200, 4
_COPY = re.compile(r"^COPY public\.(\w+) \(([^)]*)\) FROM stdin;\n(.*?)^\\\.\n", re.M | re.S)


@pytest.fixture(scope="module")
def dc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dc") / "forum"
    synth.generate(out, members=MEMBERS, seed=SEED, software="discourse")
    return out


@pytest.fixture(scope="module")
def dc_truth(dc: Path) -> dict[str, Any]:
    return json.loads((dc / "truth.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def copies(dc: Path) -> dict[str, tuple[list[str], list[list[str]]]]:
    """table -> (columns, rows of raw COPY fields), parsed independently of the writer."""
    text = (dc / "forum.sql").read_text("utf-8")
    return {
        m.group(1): (m.group(2).split(", "), [r.split("\t") for r in m.group(3).split("\n")[:-1]])
        for m in _COPY.finditer(text)
    }


@pytest.fixture(scope="module")
def dc_case(dc: Path, tmp_path_factory: pytest.TempPathFactory) -> Case:
    return ingest_dump(tmp_path_factory.mktemp("dccase"), dc / "forum.sql")


@pytest.fixture(scope="module")
def pg(postgres_server: PostgresServer) -> PostgresServer:
    return postgres_server


def test_same_seed_same_bytes_other_seed_differs(tmp_path: Path) -> None:
    dumps = []
    for name, seed in (("a", 3), ("b", 3), ("c", 8)):
        synth.generate(tmp_path / name, members=40, seed=seed, software="discourse")
        dumps.append((tmp_path / name / "forum.sql").read_bytes())
    assert dumps[0] == dumps[1]
    assert dumps[0] != dumps[2]
    assert dumps[0].startswith(b"--\n-- PostgreSQL database dump\n")


def test_copy_blocks_have_every_column_and_pm_topics(copies, dc_truth) -> None:
    for table, (cols, rows) in copies.items():
        assert all(len(r) == len(cols) for r in rows), table
    cols, rows = copies["topics"]
    kinds = [r[cols.index("archetype")] for r in rows]
    assert kinds.count("private_message") == dc_truth["meta"]["private_messages"]
    assert kinds.count("regular") == len(kinds) - kinds.count("private_message")
    ucols, users = copies["users"]
    ips = [r[ucols.index("registration_ip_address")] for r in users if r[0] != "-1"]
    assert all(re.fullmatch(r"\d{1,3}(\.\d{1,3}){3}", ip) for ip in ips)


def test_cooked_html_escapes_and_links() -> None:
    html = cook('I\'m at <home> & "ok"\nmail a.b@example.org or @old_fox\n\nbye')
    assert html == (
        "<p>I\u2019m at &lt;home&gt; &amp; \u201cok\u201d<br>\n"
        'mail <a href="mailto:a.b@example.org">a.b@example.org</a> or '
        '<span class="mention">@old_fox</span></p>\n<p>bye</p>'
    )


def test_ingest_detects_discourse_and_counts_match_truth(dc_case, dc_truth, copies) -> None:
    assert q(dc_case, "SELECT format FROM evidence") == [("discourse",)]
    members = "SELECT count(*) FROM accounts WHERE CAST(source_user_id AS INTEGER) > 0"
    assert q(dc_case, members) == [(len(dc_truth["accounts"]),)]
    assert q(dc_case, "SELECT count(*) FROM posts") == [(dc_truth["meta"]["posts"],)]
    pms = dc_truth["meta"]["private_messages"]
    assert q(dc_case, "SELECT count(*) FROM private_messages") == [(pms,)]
    recipients = len(copies["topic_allowed_users"][1]) - pms  # every PM topic has its sender
    assert q(dc_case, "SELECT count(*) FROM message_recipients") == [(recipients,)]


def test_registration_emails_and_ips_match_truth(dc_case, dc_truth) -> None:
    folk = people.build(SEED, MEMBERS)
    got = {
        int(r[0]): r[1:]
        for r in q(dc_case, "SELECT source_user_id, email, registration_ip FROM accounts")
    }
    for acc in dc_truth["accounts"][::7]:
        a = acc["user_id"] - dc_truth["meta"]["id_offset"]
        ip = ip_at(folk, int(folk.a_person[a]), int(folk.a_reg[a]))
        assert got[acc["user_id"]] == (acc["email"], ip), acc


def test_planted_selectors_reach_text_plain(dc_case, dc_truth) -> None:
    texts = dict(q(dc_case, "SELECT source_post_id, text_plain FROM posts"))
    texts |= dict(q(dc_case, "SELECT source_message_id, text_plain FROM private_messages"))
    bios = dict(q(dc_case, "SELECT source_user_id, interests FROM accounts"))
    assert {s["table"] for s in dc_truth["selectors"]} == {"posts", "user_profiles"}
    for s in dc_truth["selectors"]:
        rid = str(s["record"])
        text = texts[rid] if s["table"] == "posts" else bios[rid]
        if s["form"] == "plain":
            assert s["value"] in text, s
        else:  # the typographer turned apostrophes into ’ in cooked
            raw = bios[rid] if s["table"] == "user_profiles" else text.replace("\u2019", "'")
            assert s["line"] in raw, s


@pytest.mark.postgres
def test_psql_loads_dump_and_counts_match(pg: PostgresServer, dc: Path, dc_truth) -> None:
    pg.psql("DROP DATABASE IF EXISTS synth_dc; CREATE DATABASE synth_dc;")
    pg.psql((dc / "forum.sql").read_text("utf-8"), "synth_dc")
    for table, rows in dc_truth["meta"]["rows"].items():
        assert pg.psql(f"SELECT count(*) FROM {table}", "synth_dc").strip() == str(rows), table
    pm = "SELECT count(*) FROM topics WHERE archetype = 'private_message'"
    assert pg.psql(pm, "synth_dc").strip() == str(dc_truth["meta"]["private_messages"])
    kinds = pg.psql("SELECT pg_typeof(registration_ip_address) FROM users LIMIT 1", "synth_dc")
    assert kinds.strip() == "inet"
    nextval = pg.psql("SELECT nextval('users_id_seq')", "synth_dc").strip()
    assert int(nextval) == MEMBERS + 1


@pytest.mark.postgres
def test_copy_escaping_round_trips_through_psql(pg: PostgresServer, tmp_path: Path) -> None:
    t = pgdump.parse_schema(
        "CREATE TABLE public.odd (\n    id integer NOT NULL,\n    body text,\n"
        '    "primary" boolean DEFAULT false NOT NULL\n);'
    )["odd"]
    values = ["tab\there", "line\nbreak\r\n", "back\\slash \\N", "\\.", None, "ünïcode ✓"]
    path = tmp_path / "odd.sql"
    with path.open("wb") as f:
        pgdump.header(f)
        pgdump.ddl(f, [t])
        _, top = pgdump.copy(f, t, ({"id": i + 1, "body": v} for i, v in enumerate(values)))
        pgdump.finish(f, [t], {"odd": top})
    pg.psql("DROP DATABASE IF EXISTS synth_odd; CREATE DATABASE synth_odd;")
    pg.psql(path.read_text("utf-8"), "synth_odd")
    got = pg.psql(
        "SELECT coalesce(encode(convert_to(body, 'UTF8'), 'base64'), 'NULL') || ':' || "
        '"primary" FROM odd ORDER BY id',
        "synth_odd",
    )
    rows = [line.rsplit(":", 1) for line in got.split("\n") if line]
    assert [flag for _, flag in rows] == ["false"] * len(values)  # the column default
    decoded = [None if b == "NULL" else base64.b64decode(b).decode("utf-8") for b, _ in rows]
    assert decoded == values
