"""XenForo 2 dump (xf_ip by ip_id, conversations, serialized auth data) → ``xenforo2.yaml``."""

from datetime import datetime

import pytest


@pytest.fixture
def xf(load_dump):
    return load_dump("xenforo2.sql")


def test_xf_detected_with_provenance(xf):
    assert xf.q("SELECT format FROM evidence") == [("xenforo2",)]
    rows = xf.q(
        "SELECT source_table, source_row, source_offset FROM login_events "
        "WHERE source_table = 'xf_ip' ORDER BY source_row"
    )
    assert [r[1] for r in rows] == list(range(9))
    assert all(xf.row_at(r[2]) == b"(" for r in rows)
    assert xf.data[rows[3][2] :].startswith(b"(4,1,_binary 'user',1,_binary 'login'")


def test_xf_accounts(xf):
    rows = xf.q(
        "SELECT username, email, registered_at, registration_ip, last_ip, role, skype, "
        "location, password_hash, password_scheme FROM accounts ORDER BY source_user_id"
    )
    bcrypt = "$2y$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"
    assert rows[0] == (
        "admin_zoe", "zoe.xf@gmail.com", datetime(2017, 1, 1), "198.51.100.30",
        "198.51.100.31", "administrator", None, "Bristol", bcrypt, "bcrypt",
    )  # fmt: skip
    # registration IP from xf_ip (content_type 'user', action 'register'), stored as 16 bytes
    assert rows[1][:7] == ("mod_yusuf", "yusuf@web.de", datetime(2017, 1, 2), "2001:db8::30",
                           None, "moderator", "yusuf.live")  # fmt: skip
    assert rows[1][9] == "bcrypt"  # hex-dumped mediumblob
    assert rows[2][:6] == ("star_xi 🌟", "xi@laposte.net", datetime(2017, 1, 3),
                           "203.0.113.31", None, "member")  # fmt: skip
    assert rows[2][7] == "Lyon 🥐"
    assert [r[5] for r in rows[3:]] == ["banned", "inactive"]
    assert rows[3][0] == "'); DROP TABLE x;--"


def test_xf_posts_take_ip_from_xf_ip(xf):
    rows = xf.q(
        "SELECT account_id, source_user_id, posted_at, ip, thread_title, text_plain, edited_at "
        "FROM posts ORDER BY source_post_id"
    )
    assert [r[0] for r in rows] == [xf.account_of(r[1]) for r in rows]
    assert [(r[2], r[3]) for r in rows] == [
        (datetime(2017, 1, 5, 7, 6, 40), "198.51.100.30"),
        (datetime(2017, 1, 6, 10, 53, 20), "2001:db8::30"),
        (datetime(2017, 1, 7, 14, 40), "203.0.113.31"),
    ]
    assert rows[0][4] == "Stargazing night <3 & telescopes"
    assert rows[0][5].startswith("Clear skies Friday! See ")
    assert "https://example.org/sky" in rows[0][5]
    assert "[" not in rows[0][5]
    assert rows[1][5] == "Clear skies\nI'll bring my 8\" dob \\ tripod"
    assert rows[1][6] == datetime(2017, 1, 6, 13, 40)
    assert rows[2][5] == "'); DROP TABLE x;-- lol my cat 🐈"


def test_xf_conversations(xf):
    pms = xf.q(
        "SELECT source_message_id, sender_account_id, sent_at, ip, subject, text_plain, thread_id "
        "FROM private_messages ORDER BY source_message_id"
    )
    assert pms == [
        ("1", xf.account_of("1"), datetime(2017, 1, 8, 18, 26, 40), "198.51.100.31",
         "Club rota", "Who can open the observatory on Friday?", "1"),
        ("2", xf.account_of("2"), datetime(2017, 1, 9, 22, 13, 20), "2001:db8::31",
         "Club rota", "Me \\o/ add me on <handle>", "1"),
    ]  # fmt: skip
    rec = xf.q(
        "SELECT m.source_message_id, r.account_id, r.source_user_id, r.kind "
        "FROM message_recipients r JOIN private_messages m USING (message_id) ORDER BY 1, 3"
    )
    # every participant but the author, including one who later left
    assert [(r[0], r[2], r[3]) for r in rec] == [
        ("1", "2", "to"), ("1", "3", "to"), ("2", "1", "to"), ("2", "3", "to"),
    ]  # fmt: skip
    assert all(r[1] == xf.account_of(r[2]) for r in rec)


def test_xf_login_events(xf):
    rows = xf.q(
        "SELECT source_user_id, ip, kind FROM login_events "
        "WHERE kind IN ('login', 'registration', 'session', 'failed_login') ORDER BY seen_at"
    )
    assert rows == [
        ("1", "198.51.100.30", "registration"),
        ("2", "2001:db8::30", "registration"),
        ("3", "203.0.113.31", "registration"),
        (None, "2001:db8::99", "failed_login"),
        ("1", "198.51.100.31", "login"),
        ("1", "198.51.100.31", "session"),
        (None, "203.0.113.99", "session"),
    ]
