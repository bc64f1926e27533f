"""MyBB 1.8 dump (packed varbinary IPs, one PM row per mailbox copy) → ``mybb18.yaml``."""

from datetime import datetime

import pytest


@pytest.fixture
def mybb(load_dump):
    return load_dump("mybb18.sql")


def test_mybb_detected_with_provenance(mybb):
    assert mybb.q("SELECT format FROM evidence") == [("mybb18",)]
    rows = mybb.q(
        "SELECT evidence_sha256, source_table, source_row, source_offset FROM accounts "
        "ORDER BY source_row"
    )
    assert [(r[0], r[1], r[2]) for r in rows] == [
        (mybb.item.sha256, "mybb_users", i) for i in range(4)
    ]
    assert all(mybb.row_at(r[3]) == b"(" for r in rows)
    assert mybb.data[rows[2][3] :].startswith(b"(3,'emoji_emma")


def test_mybb_accounts(mybb):
    rows = mybb.q(
        "SELECT username, email, registered_at, registration_ip, last_ip, role, groups, "
        "location, password_hash FROM accounts ORDER BY source_user_id"
    )
    assert rows == [
        ("admin_maya", "maya.admin@gmail.com", datetime(2015, 1, 1), "198.51.100.8",
         "2001:db8::42", "administrator", "Administrators", "Utrecht",
         "5f4dcc3b5aa765d61d8327deb882cf99:Xy7Qp2Lm"),
        ("mod_\\ben", "ben.mod@web.de", datetime(2015, 1, 2), "2001:db8::43",
         "203.0.113.10", "moderator", "Moderators", None,
         "e99a18c428cb38d5f260853678922e03:Ab3Cd4Ef"),
        # _binary 'Emma' is four packed bytes: 0x45 0x6d 0x6d 0x61
        ("emoji_emma 🎉", "emma@libero.it", datetime(2015, 1, 3), "69.109.109.97",
         "69.109.109.97", "member", "Registered", None,
         "25d55ad283aa400af464c76d713c07ad:Gh5Ij6Kl"),
        ("'); DROP TABLE x;--", None, datetime(2015, 1, 4), "203.0.113.11",
         "203.0.113.11", "banned", "Banned", None,
         "d8578edf8458ce06fbc5bb76a58c5ca4:Mn7Op8Qr"),
    ]  # fmt: skip


def test_mybb_posts(mybb):
    rows = mybb.q(
        "SELECT source_post_id, account_id, source_user_id, posted_at, ip, thread_title, "
        "text_plain, edited_at FROM posts ORDER BY source_post_id"
    )
    assert [r[1] for r in rows] == [mybb.account_of(r[2]) for r in rows]
    assert [(r[3], r[4]) for r in rows] == [
        (datetime(2015, 1, 5, 23, 20), "198.51.100.8"),
        (datetime(2015, 1, 6, 0, 20), "2001:db8::43"),
        (datetime(2015, 1, 7, 0, 20), "69.109.109.97"),
    ]
    assert {r[5] for r in rows} == {"Weekend plans"}
    assert rows[0][6] == "Who is going to the lake?\nBring snacks & ask <handle>."
    assert rows[1][6] == "Who is going?Me! C:\\Users\\ben has the map 🗺️"
    assert rows[1][7] == datetime(2015, 1, 6, 1, 20)


def test_mybb_mailbox_copies_are_one_message(mybb):
    # 7 rows: 2 messages x (sender's Sent copy + one Inbox copy per recipient) + 1 draft
    pms = mybb.q(
        "SELECT source_message_id, sender_account_id, source_sender_id, sent_at, ip, text_plain "
        "FROM private_messages ORDER BY sent_at"
    )
    assert [(p[0], p[2], p[3], p[4], p[5]) for p in pms] == [
        ("1", "1", datetime(2015, 1, 7, 3, 6, 40), "198.51.100.8", "Can you drive on Saturday?"),
        ("4", "2", datetime(2015, 1, 7, 5, 53, 20), "2001:db8::43", "Sure, 8 o'clock \\o/"),
    ]
    assert [p[1] for p in pms] == [mybb.account_of("1"), mybb.account_of("2")]
    rec = mybb.q(
        "SELECT m.source_message_id, r.account_id, r.source_user_id, r.kind "
        "FROM message_recipients r JOIN private_messages m USING (message_id) ORDER BY 1, 3"
    )
    assert [(r[0], r[2], r[3]) for r in rec] == [
        ("1", "2", "to"), ("1", "3", "bcc"), ("4", "1", "to"), ("4", "4", "to"),
    ]  # fmt: skip
    assert all(r[1] == mybb.account_of(r[2]) for r in rec)


def test_mybb_sessions(mybb):
    rows = mybb.q(
        "SELECT account_id, ip, user_agent, seen_at FROM login_events WHERE kind = 'session' "
        "ORDER BY seen_at"
    )
    assert rows == [
        (mybb.account_of("1"), "2001:db8::42",
         "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) Safari/605.1.15", datetime(2016, 1, 1)),
        (None, "203.0.113.12", "Googlebot/2.1 (+http://www.google.com/bot.html)",
         datetime(2016, 1, 1, 0, 1, 40)),
    ]  # fmt: skip
