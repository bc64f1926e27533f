"""Discourse pg_dump (COPY, inet, PM topics) → records through ``discourse.yaml``."""

from datetime import datetime

import pytest


@pytest.fixture
def dc(load_dump):
    return load_dump("discourse.sql")


def test_discourse_detected_with_provenance(dc):
    assert dc.q("SELECT format FROM evidence") == [("discourse",)]
    rows = dc.q(
        "SELECT source_post_id, evidence_sha256, source_table, source_row, source_offset "
        "FROM posts ORDER BY source_row"
    )
    assert [r[:4] for r in rows] == [
        ("11", dc.item.sha256, "posts", 0),
        ("12", dc.item.sha256, "posts", 1),
        ("13", dc.item.sha256, "posts", 2),
    ]
    for post_id, *_, offset in rows:  # a COPY row starts with its first column
        assert dc.data[offset:].startswith(post_id.encode() + b"\t")


def test_discourse_accounts(dc):
    rows = dc.q(
        "SELECT source_user_id, username, display_name, email, registered_at, registration_ip, "
        "last_ip, role, location, password_scheme FROM accounts "
        "ORDER BY CAST(source_user_id AS INTEGER)"
    )
    assert rows == [
        ("-1", "system", "system", None, datetime(2019, 1, 1), None, None, "bot", None, None),
        ("1", "admin_ada", "Ada A.", "ada.forum@gmail.com", datetime(2019, 1, 1),
         "198.51.100.50", "198.51.100.51", "administrator", "Dublin", "pbkdf2-sha256"),
        ("2", "mod_mo", 'Mo "the mod"', "mo@web.de", datetime(2019, 1, 2),
         "2001:db8::50", "2001:db8::51", "moderator", None, "pbkdf2-sha256"),
        ("3", "mia_reads", "Mia 🌻", "mia@libero.it", datetime(2019, 1, 3),
         "203.0.113.50", "203.0.113.51", "member", "Lecce 🌊", None),
        ("4", "x_drop", "'); DROP TABLE x;--", "x@example.net", datetime(2019, 1, 4),
         "192.0.2.60", "192.0.2.60", "banned", None, None),
    ]  # fmt: skip


def test_discourse_public_posts_exclude_private_topics(dc):
    rows = dc.q(
        "SELECT source_post_id, account_id, source_user_id, posted_at, thread_title, text_plain, "
        "edited_at FROM posts ORDER BY source_post_id"
    )
    assert [r[0] for r in rows] == ["11", "12", "13"]
    assert [r[1] for r in rows] == [dc.account_of(r[2]) for r in rows]
    assert rows[0][3:6] == (
        datetime(2019, 3, 1, 10),
        "Book club: March pick",
        "Let’s read Dune this month.\n\nReply with your edition.",
    )
    assert rows[1][5] == "Paperback 🌻 — C:\\books & “quotes” end"
    assert rows[1][6] == datetime(2019, 3, 1, 12)
    assert rows[2][5] == "'); DROP TABLE x;--"


def test_discourse_private_message_topics(dc):
    pms = dc.q(
        "SELECT source_message_id, sender_account_id, sent_at, subject, text_plain, thread_id "
        "FROM private_messages ORDER BY source_message_id"
    )
    assert pms == [
        ("14", dc.account_of("1"), datetime(2019, 3, 4, 10), "Moderation rota",
         "Can you cover Saturday?", "2"),
        ("15", dc.account_of("2"), datetime(2019, 3, 5, 9), "Moderation rota",
         "Yes, add me on <handle>", "2"),
    ]  # fmt: skip
    rec = dc.q(
        "SELECT m.source_message_id, r.account_id, r.source_user_id, r.kind "
        "FROM message_recipients r JOIN private_messages m USING (message_id) ORDER BY 1, 3"
    )
    assert [(r[0], r[2], r[3]) for r in rec] == [
        ("14", "2", "to"), ("14", "3", "to"), ("15", "1", "to"), ("15", "3", "to"),
    ]  # fmt: skip
    assert all(r[1] == dc.account_of(r[2]) for r in rec)


def test_discourse_login_events(dc):
    rows = dc.q(
        "SELECT source_user_id, seen_at, ip, user_agent, kind FROM login_events "
        "WHERE kind <> 'registration' ORDER BY seen_at"
    )
    assert rows == [
        ("3", datetime(2019, 6, 1), "203.0.113.50", None, "ip_log"),
        ("1", datetime(2019, 12, 1, 8), "198.51.100.51",
         "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/72.0", "auth:generate"),
        ("3", datetime(2019, 12, 5, 3), "192.0.2.61", "python-requests/2.22", "auth:suspicious"),
        ("1", datetime(2020, 1, 1, 11, 59), "198.51.100.51",
         "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/72.0", "session"),
        ("2", datetime(2020, 1, 2, 11, 30), "2001:db8::51",
         "Mozilla/5.0 (iPhone; CPU iPhone OS 13_3 like Mac OS X) Mobile/15E148", "session"),
        ("3", datetime(2020, 1, 3, 12), "203.0.113.51", None, "ip_log"),
    ]  # fmt: skip
    assert dc.q("SELECT count(*) FROM login_events WHERE kind = 'registration'") == [(4,)]
