"""End to end: a phpBB 3.0 dump over phpBB's real schema → records with provenance."""

from datetime import datetime

import pytest

from safeguard.evidence.register import add
from safeguard.ingest.runner import ingest
from safeguard.model.schema import load_schema
from tests.factories import new_case, write
from tests.support.phpbb_fixture import small_forum


@pytest.fixture
def loaded(tmp_path):
    data = small_forum().render()
    dump = write(tmp_path / "forum.sql", data)
    case = new_case(tmp_path)
    item = add(case, dump, acquired_by="tester", source="fixture")
    summary = ingest(case)
    assert summary.failed == {}
    return case, item, data


def q(case, sql, params=None):
    with case.engine(read_only=True) as eng:
        return eng.fetchall(sql, params)


def test_phpbb_is_detected_and_accounts_mapped(loaded):
    case, _item, _ = loaded
    assert q(case, "SELECT format, ingest_status FROM evidence") == [("phpbb3", "ingested")]
    rows = q(
        case,
        "SELECT source_user_id, username, email, registered_at, registration_ip, "
        "role, icq, location, password_scheme FROM accounts ORDER BY source_user_id",
    )
    assert rows == [
        (
            "2",
            "admin_anna",
            "anna.example@gmail.com",
            datetime(2010, 1, 1),
            "198.51.100.7",
            "administrator",
            "123456789",
            "Rotterdam",
            "phpass",
        ),
        (
            "3",
            "mod_o'brien",
            "ob@web.de",
            datetime(2010, 1, 2),
            "2001:db8::17",
            "moderator",
            None,
            None,
            None,
        ),
        (
            "4",
            "quiet_member 🙂",
            "q@libero.it",
            datetime(2010, 1, 3),
            "203.0.113.9",
            "member",
            None,
            None,
            None,
        ),
        (
            "5",
            "'); DROP TABLE users;--",
            None,
            datetime(2010, 1, 4),
            None,
            "banned",
            None,
            None,
            None,
        ),
    ]


def test_posts_keep_raw_markup_and_plain_text_and_resolve_authors(loaded):
    case, _, _ = loaded
    rows = q(
        case,
        "SELECT p.source_post_id, a.username, p.ip, p.text_raw, p.text_plain, "
        "p.thread_title, p.edited_at FROM posts p LEFT JOIN accounts a USING (account_id) "
        "ORDER BY 1",
    )
    assert rows[0][1:5] == (
        "admin_anna",
        "198.51.100.7",
        "Who watched the [b:abc]match[/b:abc]? Tabs\there, back\\slash",
        "Who watched the match? Tabs here, back\\slash",
    )
    assert rows[0][5] == "Weekend football"
    assert rows[1][4] == "Line one\nLine two & more"
    assert rows[1][6] == datetime(2010, 1, 4, 10, 30)
    assert rows[2][1] is None  # the guest post has no account
    assert q(
        case, "SELECT source_user_id, author_name FROM posts WHERE source_post_id = '102'"
    ) == [("1", "a guest")]


def test_private_message_recipients_include_bcc_and_skip_groups(loaded):
    case, _, _ = loaded
    rows = q(
        case,
        "SELECT a.username, r.kind FROM message_recipients r "
        "JOIN accounts a USING (account_id) ORDER BY 1",
    )
    assert rows == [("mod_o'brien", "to"), ("quiet_member 🙂", "bcc")]
    sender = q(
        case,
        "SELECT a.username, m.ip, m.text_plain FROM private_messages m "
        "JOIN accounts a ON a.account_id = m.sender_account_id",
    )
    assert sender == [("admin_anna", "198.51.100.7", "see you soon")]


def test_login_events_from_sessions_and_registrations(loaded):
    case, _, _ = loaded
    sessions = q(
        case, "SELECT source_user_id, ip, user_agent FROM login_events WHERE kind = 'session'"
    )
    assert sessions == [("3", "2001:db8::17", "Mozilla/5.0 (X11; Linux x86_64)")]
    assert q(case, "SELECT count(*) FROM login_events WHERE kind = 'registration'") == [(4,)]


def test_every_record_points_at_its_row_in_the_evidence(loaded):
    case, item, data = loaded
    for table in ("accounts", "posts", "private_messages", "login_events"):
        rows = q(
            case, f"SELECT evidence_sha256, source_table, source_row, source_offset FROM {table}"
        )
        assert rows, table
        for sha, source_table, row, offset in rows:
            assert sha == item.sha256
            assert source_table.startswith("phpbb_")
            assert row >= 0
            assert data[offset : offset + 1] == b"(", (table, offset)
    # the offset of post 101 is where its tuple starts
    (off,) = q(case, "SELECT source_offset FROM posts WHERE source_post_id = '101'")[0]
    assert data[off : off + 5] == b"(101,"


def test_second_ingest_adds_nothing_and_ids_are_stable(loaded):
    case, _, _ = loaded
    tables = [t for t in load_schema().tables if t != "evidence"]
    with case.engine(read_only=True) as eng:
        before = {t: eng.table_digest(t) for t in tables}
    summary = ingest(case)
    assert summary.ingested == []
    assert len(summary.skipped) == 1
    with case.engine(read_only=True) as eng:
        assert {t: eng.table_digest(t) for t in tables} == before


def test_ingest_is_audited(loaded):
    case, item, _ = loaded
    with case.audit() as audit:
        events = [(e["action"], e["target"], e["outcome"]) for e in audit.events()]
        assert audit.verify() == []
    assert ("ingest", item.evidence_id, "ok") in events
