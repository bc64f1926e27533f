"""Planted selectors validate, and sit in the record the truth names."""

from __future__ import annotations

import html
import random
import re

import phonenumbers
import pytest

from safeguard.extract import find
from safeguard.extract.types import codecs
from safeguard.extract.types.registry import all_types
from safeguard.synth import geo, wallets
from safeguard.synth.selectors import (
    KINDS,
    base58check,
    bech32_segwit,
    btc,
    handle,
    obfuscate,
    phone,
    truth_value,
)
from safeguard.synth.text import LANGS, contact_line

TYPES = {t.name: t for t in all_types()}

FORMATS = {
    "telegram": r"@[A-Za-z][A-Za-z0-9_]{4,31}",
    "session": r"05[0-9a-f]{64}",
    "skype": r"live:(\.cid\.[0-9a-f]{16}|[a-z][a-z0-9_.]{5,31})",
    "icq": r"[1-9][0-9]{4,8}",
    "jabber": r"[a-z0-9_.]+@[a-z0-9.]+\.[a-z]+",
}


def base58check_verify(addr: str) -> bool:
    return codecs.base58check(addr) is not None


def bech32_verify(addr: str) -> bool:
    return codecs.segwit_decode(addr, addr.lower().rpartition("1")[0]) is not None


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
        elif kind in FORMATS:
            assert re.fullmatch(FORMATS[kind], value), s
        if kind == "pgp_key":
            assert value in s["line"].replace("\n", "")  # recorded as the key's body
        else:
            assert TYPES[kind].validate(value), s
    assert {s["fact"] for s in sels} >= {"url", "kik", "signal", "eth"}  # new kinds are planted


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "email"])
def test_every_kind_validates_under_the_extractors_type(kind: str) -> None:
    r = random.Random(kind)
    for i in range(40):
        value = handle(r, kind, r.choice(("old_fox", "pierre_silent", "jan_ice")), "DE")
        assert TYPES[kind].validate(value), value
        normal = TYPES[kind].normalise(value)
        assert TYPES[kind].normalise(truth_value(kind, value)) == normal
        # the written line, plain or obfuscated, still carries the value
        obf = i % 2 == 1
        line = contact_line(
            LANGS[i % len(LANGS)], kind, obfuscate(kind, value, r) if obf else value, obf
        )
        assert obf or value in line
        if not obf:
            assert (kind, normal) in {(m.type, m.normalised) for m in find(line)}, line


def test_wallet_encodings_match_published_vectors() -> None:
    # EIP-55's own examples, and the armour CRC-24 of "123456789" (RFC 4880 reference code)
    for addr in (
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
    ):
        assert wallets.eip55(addr[2:].lower()) == addr
    assert wallets.crc24(b"123456789") == 0x21CF02
    r = random.Random(2)
    addrs = [wallets.xmr(r) for _ in range(20)]
    assert all(len(a) == 95 and a[0] in "48" and TYPES["xmr"].validate(a) for a in addrs)
    broken = addrs[0][:50] + ("2" if addrs[0][50] != "2" else "3") + addrs[0][51:]
    assert not TYPES["xmr"].validate(broken)
    assert all(wallets.clean(a) for a in addrs)


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
