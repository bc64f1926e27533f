"""Planted selectors validate, and sit in the record the truth names."""

from __future__ import annotations

import html
import random
import re

import phonenumbers
import pytest

from safeguard.synth import geo
from safeguard.synth.selectors import (
    base58check,
    base58check_verify,
    bech32_segwit,
    bech32_verify,
    btc,
    handle,
    phone,
)

FORMATS = {
    "telegram": r"@[A-Za-z][A-Za-z0-9_]{4,31}",
    "session": r"05[0-9a-f]{64}",
    "skype": r"live:(\.cid\.[0-9a-f]{16}|[a-z][a-z0-9_.]{5,31})",
    "icq": r"[1-9][0-9]{4,8}",
    "jabber": r"[a-z0-9_.]+@[a-z0-9.]+\.[a-z]+",
}


def test_checksums_accept_known_addresses_and_reject_corruption() -> None:
    assert base58check_verify("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")  # a well-known address
    assert not base58check_verify("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")
    assert bech32_verify("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")  # BIP 173 test vector
    assert not bech32_verify("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5")
    program = bytes.fromhex("751e76e8199196d454941c45d1b3a323f1433bd6")  # that vector's program
    assert bech32_segwit(program) == "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
    assert base58check_verify(base58check(b"\0" + program))


@pytest.mark.parametrize("region", [c.code for c in geo.countries()])
def test_phone_numbers_are_valid_in_every_country(region: str) -> None:
    r = random.Random(region)
    for _ in range(3):
        n = phonenumbers.parse(phone(r, region))
        assert phonenumbers.is_valid_number(n)
        assert phonenumbers.region_code_for_number(n) == region


def test_handles_have_their_messenger_format() -> None:
    r = random.Random(1)
    for kind, pattern in FORMATS.items():
        for _ in range(20):
            assert re.fullmatch(pattern, handle(r, kind, "old_fox", "DE")), kind
    assert all(base58check_verify(a) or bech32_verify(a) for a in (btc(r) for _ in range(50)))


def test_planted_selectors_validate(truth) -> None:
    person_of = {a["user_id"]: a["person"] for a in truth["accounts"]}
    country = {p["person"]: p["country"] for p in truth["persons"]}
    providers = {c.code: set(c.providers) for c in geo.countries()}
    sels = [s for s in truth["selectors"] if s["fact"] not in ("access", "meet", "files")]
    assert {"plain", "obfuscated"} <= {s["form"] for s in sels}
    for s in sels:
        kind, value = s["fact"], s["value"]
        if kind == "email":
            assert value.split("@")[1] in providers[country[person_of[s["user_id"]]]]
        elif kind == "phone":
            assert phonenumbers.is_valid_number(phonenumbers.parse(value))
        elif kind == "btc":
            assert base58check_verify(value) or bech32_verify(value)
        else:
            assert re.fullmatch(FORMATS[kind], value), s


def test_planted_lines_are_in_the_named_record(truth, dump) -> None:
    texts = {("phpbb_posts", r["post_id"]): r["post_text"] for r in dump["phpbb_posts"]}
    texts |= {("phpbb_privmsgs", r["msg_id"]): r["message_text"] for r in dump["phpbb_privmsgs"]}
    users = {r["user_id"]: r for r in dump["phpbb_users"]}
    for s in truth["selectors"]:
        if s["form"] == "field":
            assert users[s["record"]][s["column"]] == s["value"]
            continue
        text = texts.get((s["table"], s["record"])) or users[s["record"]]["user_sig"]
        if s["fact"] in ("email", "jabber") and s["form"] == "plain":
            assert f'href="mailto:{s["value"]}"' in text  # phpBB links addresses (magic URL)
        else:
            assert html.escape(s["line"], quote=True).replace("&#x27;", "'") in text
