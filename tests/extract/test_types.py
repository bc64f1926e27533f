"""Table-driven checks of each selector type: what it finds, normalises, rejects."""

from __future__ import annotations

import pytest

from safeguard.extract import find
from safeguard.extract.types import crypto, email, ip, messenger, pgp, phone, web
from safeguard.extract.types.base import SelectorType
from safeguard.extract.types.codecs import keccak256

# (type, text, expected normalised values found in order)
FINDS: list[tuple[SelectorType, str, list[str]]] = [
    (email.Email(), "write to Bob.Smith@GMX.De today", ["Bob.Smith@gmx.de"]),
    (email.Email(), "a@b.c and x@y.notatld and ..@x.com", []),
    (email.Email(), "user+tag@mail.example.co.uk.", ["user+tag@mail.example.co.uk"]),
    (ip.IPv4(), "from 8.8.8.8, 256.1.1.1 and 1.2.3.4.5", ["8.8.8.8"]),
    (ip.IPv6(), "addr 2001:DB8:0:0::1 at 12:30:45", ["2001:db8::1"]),
    (phone.Phone(), "call +49 151 12345678 now", ["+4915112345678"]),
    (phone.Phone(), "call 0049 151 12345678 now", ["+4915112345678"]),
    (phone.Phone(), "call +49 000 0 now or 12345678", []),
    (phone.Phone("GB"), "ring 07911 123456 or 07700 900123", ["+447911123456"]),
    (phone.Phone("ES"), "server 78.46.81.171, call 784 68 11 71", ["+34784681171"]),
    (messenger.Kik(), "kik nickriver9244, kik: name is_fox12", ["nickriver9244", "is_fox12"]),
    (messenger.Snapchat(), "snapchat nick-river31", ["nick-river31"]),
    (web.Url(), "see https://Example.com/a?b=1. ok", ["https://example.com/a?b=1"]),
    (web.Domain(), "visit forum.example.org or index.php or e.g. x.y", ["forum.example.org"]),
    # a "www." host is the start of a URL, reported by Url, not a bare domain as well
    (web.Domain(), "see www.forum.example.org/blog or forum.example.net", ["forum.example.net"]),
    (
        messenger.Telegram(),
        "telegram: @Tiger_Eagle_42 and t.me/some_name",
        ["@tiger_eagle_42", "@some_name"],
    ),
    (messenger.Telegram(), "@tiger_eagle_42 alone, telegram @abc", []),
    (messenger.Session(), "05" + "ab" * 32, ["05" + "ab" * 32]),
    (messenger.Session(), "06" + "ab" * 32 + " 05" + "ab" * 33, []),
    (
        messenger.Skype(),
        "skype live:.cid.0123456789abcdef or skype later",
        ["live:.cid.0123456789abcdef"],
    ),
    (messenger.Icq(), "ICQ# 123456789 icq 1234 1cq 55555", ["123456789", "55555"]),
    (messenger.Jabber(), "jabber: hans@jabber.ccc.de", ["hans@jabber.ccc.de"]),
    # ingest renders a linked address as "<mailto:x> x": two fillers after the keyword
    (
        messenger.Jabber(),
        "my jabber is <mailto:hans@jabber.ccc.de> hans@jabber.ccc.de",
        ["hans@jabber.ccc.de"],
    ),
    (messenger.Threema(), "threema ABCD1234 threema birthday", ["ABCD1234"]),
    (messenger.Signal(), "signal: night_owl.42", ["night_owl.42"]),
    (
        messenger.Signal(),
        "s19n4l: night_owl.42 and 5ignal owl_fox.07",
        ["night_owl.42", "owl_fox.07"],
    ),
    (messenger.Discord(), "discord: river_fox and discord today", ["river_fox"]),
    (messenger.WhatsApp(), "whatsapp +34 612 98 04 28", ["+34612980428"]),
    (
        crypto.Bitcoin(),
        "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
        ["1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"],
    ),
    (crypto.Bitcoin(), "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3", []),  # bad checksum
    (
        crypto.Bitcoin(),
        "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
        ["bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"],
    ),
    (crypto.Bitcoin(), "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", []),  # bad bech32 checksum
    # BIP 350 test vector (v1, bech32m) and the same data with a bech32 checksum (invalid)
    (
        crypto.Bitcoin(),
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
        ["bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"],
    ),
    (crypto.Bitcoin(), "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", []),
    (
        crypto.Litecoin(),
        "LaMT348PWRnrqeeWArpwQPbuanpXDZGEUz",
        ["LaMT348PWRnrqeeWArpwQPbuanpXDZGEUz"],
    ),
    (
        crypto.Ethereum(),
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        ["0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"],
    ),
    (
        crypto.Ethereum(),
        "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
        ["0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"],
    ),
    (crypto.Ethereum(), "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", []),  # bad EIP-55 case
    (
        pgp.PgpFingerprint(),
        "fpr 7B1C 3D4E 5F60 7182 93A4  B5C6 D7E8 F901 2345 6789 and " + "a1" * 20,
        ["7B1C3D4E5F60718293A4B5C6D7E8F90123456789"],
    ),
    (
        pgp.PgpFingerprint(),
        "fpr DB64-856F-5971-AAEC-0A7C-93A4-B5C6-D7E8-F901-2345 ok",
        ["DB64856F5971AAEC0A7C93A4B5C6D7E8F9012345"],
    ),
]


@pytest.mark.parametrize(
    ("kind", "text", "expected"), FINDS, ids=lambda x: getattr(x, "name", None)
)
def test_find(kind: SelectorType, text: str, expected: list[str]) -> None:
    found = list(kind.find(text))
    assert [m.normalised for m in found] == expected
    for m in found:
        assert text[m.start : m.end] == m.value


def test_monero_checksum() -> None:
    xmr = crypto.Monero()
    addr = (
        "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3Xjrp"
        "DtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A"
    )
    assert xmr.validate(addr)
    assert not xmr.validate(addr[:-1] + "B")
    assert [m.normalised for m in xmr.find(f"pay {addr} thanks")] == [addr]


def test_keccak_vectors() -> None:
    assert keccak256(b"").hex().startswith("c5d2460186f7233c927e7db2dcc703c0")
    assert keccak256(b"a" * 200).hex() != keccak256(b"a" * 201).hex()


IP_FLAGS = [
    ("10.1.2.3", ("private",)),
    ("100.64.1.1", ("cgnat",)),
    ("127.0.0.1", ("private", "loopback")),
    ("8.8.8.8", ()),
    ("240.0.0.1", ("private", "reserved")),
]


@pytest.mark.parametrize(("addr", "flags"), IP_FLAGS)
def test_ip_flags(addr: str, flags: tuple[str, ...]) -> None:
    (m,) = ip.IPv4().find(f"ip {addr} here")
    assert m.flags == flags


NORMALISE = [
    (email.Email(), "Name@Example.COM", "Name@example.com"),
    (phone.Phone(), "+44 7911 123456", "+447911123456"),
    (ip.IPv6(), "2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
    (messenger.Telegram(), "@Some_Name", "@some_name"),
    (
        crypto.Ethereum(),
        "0xABCDEF0123456789ABCDEF0123456789ABCDEF01",
        "0xabcdef0123456789abcdef0123456789abcdef01",
    ),
]


@pytest.mark.parametrize(
    ("kind", "value", "expected"), NORMALISE, ids=lambda x: getattr(x, "name", None)
)
def test_normalise(kind: SelectorType, value: str, expected: str) -> None:
    assert kind.normalise(value) == expected


def test_validate_rejects() -> None:
    assert not phone.Phone().validate("+49 000 0")
    assert not email.Email().validate("no-at-sign.com")
    assert not crypto.Litecoin().validate("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2")
    assert not messenger.Session().validate("05abc")


def test_pgp_key_block() -> None:
    block = f"{pgp.BEGIN}\nVersion: X\n\nmQINBF\nabcd\n=XyZ1\n{pgp.END}"
    (m,) = find(f"my key:\n{block}\nbye")
    assert m.type == "pgp_key"
    assert m.normalised == "mQINBFabcd"
    k = pgp.PgpKeyBlock()
    assert k.normalise(m.normalised) == m.normalised  # normalising twice changes nothing
