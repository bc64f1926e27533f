"""phpBB 3.3 (profile fields moved out of users, s9e XML text) through ``phpbb3.yaml``."""

from datetime import datetime

import pytest


@pytest.fixture
def forum(load_dump):
    return load_dump("phpbb33.sql")


def test_phpbb33_accounts_take_contact_fields_from_profile_fields_data(forum):
    assert forum.q("SELECT format FROM evidence") == [("phpbb3",)]
    rows = forum.q(
        "SELECT username, role, icq, skype, location, occupation, website, jabber, "
        "last_visit_at, password_scheme, timezone, signature_plain FROM accounts ORDER BY 1"
    )
    assert rows == [
        (
            "bike_fixer",
            "administrator",
            "612345678",
            "live:bike_fixer_22",
            "Utrecht",
            "mechanic",
            "https://example.org/bikes",
            None,
            datetime(2020, 1, 2, 7, 26, 40),
            "bcrypt",
            "Europe/Amsterdam",
            "ride safe",
        ),
        (
            "wheelie",
            "member",
            None,
            None,
            None,
            None,
            None,
            "wheelie@jabber.example",
            datetime(2020, 1, 1, 3, 40),
            "argon2",
            "UTC",
            None,
        ),
    ]


def test_phpbb33_s9e_posts_become_plain_text(forum):
    rows = forum.q("SELECT text_plain, ip, thread_title FROM posts ORDER BY source_post_id")
    assert rows == [
        ("Chain slipped again & the gears click", "2a02:810d:4b3f::1", "Bike repair"),
        ("Try a new chain, it's cheap", "84.104.105.39", "Bike repair"),
    ]
    assert forum.q("SELECT text_plain FROM private_messages") == [("which brand?",)]
    assert forum.q(
        "SELECT a.username FROM message_recipients r JOIN accounts a USING (account_id)"
    ) == [("bike_fixer",)]
