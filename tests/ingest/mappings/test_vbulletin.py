"""vBulletin 4 dump (no prefix, ip2long postlog, serialized touserarray) → ``vbulletin.yaml``."""

from datetime import datetime

import pytest


@pytest.fixture
def vb(load_dump):
    return load_dump("vbulletin4.sql")


def test_vb_detected_with_provenance(vb):
    assert vb.q("SELECT format FROM evidence") == [("vbulletin",)]
    rows = vb.q("SELECT source_table, source_row, source_offset FROM private_messages ORDER BY 2")
    assert [r[:2] for r in rows] == [("pmtext", 0), ("pmtext", 1), ("pmtext", 2)]
    assert all(vb.row_at(r[2]) == b"(" for r in rows)
    assert vb.data[rows[1][2] :].startswith(b"(2,3,'lurker_lu','Hello'")


def test_vb_accounts(vb):
    rows = vb.q(
        "SELECT username, email, registered_at, registration_ip, last_ip, role, location, "
        "signature_plain, password_hash, password_scheme FROM accounts ORDER BY source_user_id"
    )
    assert rows == [
        ("admin_alex", "alex.vb@gmail.com", datetime(2012, 5, 1), "198.51.100.20",
         "198.51.100.21", "administrator", "Café district, Lyon", "Keep it friendly 😀",
         "0cc175b9c0f1b6a831c399e269772661:k$9'Zq", "md5-salted"),
        ("mod_mike", "mike@t-online.de", datetime(2012, 5, 2), "2001:db8::20", None,
         "moderator", None, None, "92eb5ffee6ae2fec3ad71c777531578f:Pq\\r7x", "md5-salted"),
        ("lurker_lu", "lu@orange.fr", datetime(2012, 5, 3), "203.0.113.30", None,
         "member", None, None, "4a8a08f09d37b73795649038408b5f33:ab1", "md5-salted"),
        ("'); DROP TABLE x;--", None, datetime(2012, 5, 4), None, None,
         "banned", None, None, "8277e0910d750195b448797616e091ad:zz2", "md5-salted"),
    ]  # fmt: skip


def test_vb_posts(vb):
    rows = vb.q(
        "SELECT source_post_id, account_id, source_user_id, posted_at, ip, thread_title, "
        "text_plain FROM posts ORDER BY source_post_id"
    )
    assert [r[1] for r in rows] == [vb.account_of(r[2]) for r in rows]
    # post 3 has no ipaddress: its IP comes from postlog's ip2long integer
    assert [(r[3], r[4]) for r in rows] == [
        (datetime(2012, 5, 5, 6, 40), "198.51.100.20"),
        (datetime(2012, 5, 5, 20, 33, 20), "2001:db8::20"),
        (datetime(2012, 5, 6, 10, 26, 40), "203.0.113.10"),
    ]
    assert {r[5] for r in rows} == {"Chess club & café"}
    first = rows[0][6]
    assert first.startswith("Meet at the café on Tuesday 😀")
    assert "http://example.org/map" in first
    assert "[" not in first
    assert "&#" not in first
    assert rows[1][6] == 'Meet at the café\r\nI\'ll bring the "big" board \\ clock <handle>'


def test_vb_pm_recipients_from_touserarray(vb):
    rec = vb.q(
        "SELECT m.source_message_id, m.sender_account_id, r.account_id, r.source_user_id, r.kind "
        "FROM message_recipients r JOIN private_messages m USING (message_id) ORDER BY 1, 4"
    )
    # vB 3.8+ {"cc": …, "bcc": …}; message 2 uses vB 3's flat {uid: name}
    assert [(r[0], r[3], r[4]) for r in rec] == [
        ("1", "2", "cc"), ("1", "3", "bcc"), ("2", "1", "to"), ("3", "1", "cc"), ("3", "4", "cc"),
    ]  # fmt: skip
    assert all(r[2] == vb.account_of(r[3]) for r in rec)
    assert rec[0][1] == vb.account_of("1")


def test_vb_login_events(vb):
    rows = vb.q(
        "SELECT source_user_id, ip, user_agent, kind FROM login_events "
        "WHERE kind IN ('session', 'post', 'failed_login') ORDER BY seen_at"
    )
    assert rows == [
        ("1", "198.51.100.20", "Mozilla/5.0 (Windows NT 6.1; WOW64) Chrome/19.0", "post"),
        ("3", "203.0.113.10", "Opera/9.80 (Android; Opera Mini/7.0)", "post"),
        (None, "192.0.2.77", None, "failed_login"),
        ("1", "198.51.100.21", "Mozilla/5.0 (X11; Ubuntu; Linux x86_64) Firefox/17.0", "session"),
        (None, "203.0.113.99", "Mozilla/5.0 (compatible; bingbot/2.0)", "session"),
    ]
