"""SMF 2.1 (binary IPs) and SMF 2.0 (text IPs) dumps → records through ``smf2.yaml``."""

from datetime import datetime

import pytest

from tests.ingest.mappings.conftest import ingest_fresh


@pytest.fixture
def smf21(load_dump):
    return load_dump("smf21.sql")


def test_smf21_detected_with_provenance(smf21):
    assert smf21.q("SELECT format, ingest_status FROM evidence") == [("smf2", "ingested")]
    rows = smf21.q(
        "SELECT evidence_sha256, source_table, source_row, source_offset FROM posts "
        "ORDER BY source_row"
    )
    assert [r[1:3] for r in rows] == [("smf_messages", i) for i in range(4)]
    assert {r[0] for r in rows} == {smf21.item.sha256}
    for *_, offset in rows:
        assert smf21.row_at(offset) == b"("
    assert smf21.data[rows[0][3] : rows[0][3] + 14] == b"(1,1,1,1262480"


def test_smf21_accounts(smf21):
    rows = smf21.q(
        "SELECT source_user_id, username, email, registered_at, last_ip, role, icq, skype, "
        "location, password_scheme FROM accounts ORDER BY source_user_id"
    )
    assert rows == [
        ("1", "admin_anna", "anna.smf@gmail.com", datetime(2010, 1, 1), "198.51.100.7",
         "administrator", "123456789", None, None, "bcrypt"),
        ("2", "mod_o'brien", "ob@web.de", datetime(2010, 1, 2), "2001:db8::17",
         "moderator", None, "live:obrien_chat", "Köln", "bcrypt"),
        ("3", "quiet_member 🙂", "q@libero.it", datetime(2010, 1, 3), "84.104.105.39",
         "member", None, None, None, "bcrypt"),
        ("4", "'); DROP TABLE x;--", None, datetime(2010, 1, 4), None,
         "banned", None, None, None, None),
    ]  # fmt: skip
    # SMF overwrites member_ip at every login: it is never reported as the registration IP
    assert smf21.q("SELECT count(*) FROM accounts WHERE registration_ip IS NOT NULL") == [(0,)]


def test_smf21_posts(smf21):
    rows = smf21.q(
        "SELECT source_post_id, account_id, posted_at, ip, subject, text_plain FROM posts "
        "ORDER BY source_post_id"
    )
    assert [r[1] for r in rows[:3]] == [smf21.account_of(u) for u in ("1", "2", "3")]
    assert rows[3][1] is None  # guest post
    assert [(r[0], r[2], r[3]) for r in rows] == [
        ("1", datetime(2010, 1, 3, 0, 53, 20), "198.51.100.7"),
        ("2", datetime(2010, 1, 4, 0, 53, 20), "2001:db8::17"),
        ("3", datetime(2010, 1, 5, 0, 53, 20), "84.104.105.39"),
        ("4", datetime(2010, 1, 6, 0, 53, 20), "203.0.113.9"),
    ]
    assert rows[0][4] == "Welcome & rules"
    assert rows[0][5] == "Hello everyone!\nRead the <https://example.org/faq> FAQ & enjoy."
    assert rows[1][5] == "I coach the under-12 team on Saturdays \\ it's fun 😀"
    assert rows[2][5] == "'); DROP TABLE x;--\nJust a joke, my cat walked on the keyboard."


def test_smf21_private_messages_with_bcc(smf21):
    pms = smf21.q(
        "SELECT source_message_id, sender_account_id, sent_at, text_plain FROM private_messages "
        "ORDER BY source_message_id"
    )
    assert pms[0] == ("1", smf21.account_of("1"), datetime(2010, 1, 6, 17, 46, 40),
                      "Meeting on Friday?\nBring notes.")  # fmt: skip
    assert pms[1][3] == "add me on <handle> please"
    rec = smf21.q(
        "SELECT m.source_message_id, r.account_id, r.source_user_id, r.kind "
        "FROM message_recipients r JOIN private_messages m USING (message_id) ORDER BY 1, 3"
    )
    assert [(r[0], r[2], r[3]) for r in rec] == [
        ("1", "2", "to"), ("1", "3", "bcc"), ("2", "1", "to"), ("3", "1", "to"),
    ]  # fmt: skip
    assert all(r[1] == smf21.account_of(r[2]) for r in rec)


def test_smf21_login_events(smf21):
    rows = smf21.q(
        "SELECT source_user_id, ip, forwarded_for, user_agent, kind FROM login_events "
        "WHERE kind IN ('login', 'session') ORDER BY kind, seen_at"
    )
    assert rows == [
        ("1", "198.51.100.7", "198.51.100.7", None, "login"),
        ("2", "2001:db8::17", "192.0.2.5", None, "login"),
        ("1", "198.51.100.7", None,
         "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0", "session"),
        (None, "203.0.113.9", None, "curl/8.4.0", "session"),
    ]  # fmt: skip


def test_format_override(load_dump, tmp_path):
    loaded = load_dump("smf21.sql", forced_format="smf2")
    assert loaded.q("SELECT format FROM evidence") == [("smf2",)]
    assert loaded.q("SELECT count(*) FROM posts") == [(4,)]
    # the override is obeyed, not re-detected: a wrong one fails the item
    _case, item, summary = ingest_fresh(tmp_path, "smf21.sql", forced_format="mybb18")
    assert "mybb18" in summary.failed[item.evidence_id]
    assert "needs tables" in summary.failed[item.evidence_id]


def test_smf20_text_ips_and_member_columns(load_dump):
    smf20 = load_dump("smf20.sql")
    assert smf20.q("SELECT format FROM evidence") == [("smf2",)]
    rows = smf20.q(
        "SELECT username, last_ip, role, icq, location, password_scheme FROM accounts "
        "ORDER BY source_user_id"
    )
    assert rows == [
        ("gardener_gus", "198.51.100.44", "administrator", "99887766", "Leeds", "sha1-salted"),
        ("v6_val", "2001:db8::a1", "member", None, None, "sha1-salted"),
        ("spam_sam", None, "banned", None, None, None),
    ]
    assert smf20.q("SELECT ip, text_plain FROM posts ORDER BY source_post_id") == [
        ("198.51.100.44", "Anyone up for a seed swap?\nI have beans."),
        ("2001:db8::a1", 'Yes please "runner" beans'),
    ]
    # 2.0 log_online keeps an unsigned int IP and a PHP-serialized $_GET with the agent
    assert smf20.q(
        "SELECT source_user_id, ip, user_agent FROM login_events WHERE kind = 'session'"
    ) == [("2", "203.0.113.9", "Mozilla/5.0 (Windows NT 10.0; Win64; x64")]
    assert smf20.q("SELECT source_user_id, kind FROM message_recipients ORDER BY 1") == [
        ("2", "to"), ("3", "bcc"),
    ]  # fmt: skip
