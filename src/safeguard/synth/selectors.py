"""Selectors that really validate, and the ways members write them in text.

E-mail at real providers with synthetic local parts; phone numbers valid in the
country's numbering plan (checked with ``phonenumbers``); Bitcoin addresses with
correct base58check (P2PKH) or bech32 (P2WPKH, BIP 173) checksums; messenger
handles in each service's real format. Every value is synthetic.
"""

from __future__ import annotations

import hashlib
import random

import phonenumbers

KINDS = ("email", "telegram", "session", "phone", "jabber", "icq", "skype", "btc")
JABBER_SERVERS = ("jabber.ccc.de", "jabber.org", "xmpp.jp", "jabber.at", "jabber.de")
_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_HEX = "0123456789abcdef"


def base58check(payload: bytes) -> str:
    """Base58 with the 4-byte double-SHA-256 checksum (Bitcoin's encoding)."""
    raw = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    n = int.from_bytes(raw, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = _B58[r] + out
    return "1" * (len(raw) - len(raw.lstrip(b"\0"))) + out


def _polymod(values: list[int]) -> int:
    gen = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def bech32_verify(addr: str) -> bool:
    """True if ``addr`` has a valid bech32 checksum (BIP 173 reference check)."""
    hrp, _, data = addr.lower().rpartition("1")
    if not hrp or len(data) < 6 or any(c not in _BECH32 for c in data):
        return False
    return _polymod(_hrp_expand(hrp) + [_BECH32.index(c) for c in data]) == 1


def bech32_segwit(program: bytes, hrp: str = "bc") -> str:
    """A version-0 segwit address (bech32) for a 20-byte program."""
    acc, bits, five = 0, 0, [0]  # leading 0 = witness version
    for b in program:
        acc, bits = (acc << 8) | b, bits + 8
        while bits >= 5:
            bits -= 5
            five.append((acc >> bits) & 31)
    if bits:
        five.append((acc << (5 - bits)) & 31)
    poly = _polymod([*_hrp_expand(hrp), *five, 0, 0, 0, 0, 0, 0]) ^ 1
    check = [(poly >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_BECH32[d] for d in five + check)


def base58check_verify(addr: str) -> bool:
    """True if ``addr`` decodes with a correct base58check checksum."""
    n = 0
    for c in addr:
        if c not in _B58:
            return False
        n = n * 58 + _B58.index(c)
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    raw = b"\0" * (len(addr) - len(addr.lstrip("1"))) + raw
    body, check = raw[:-4], raw[-4:]
    return len(raw) > 4 and hashlib.sha256(hashlib.sha256(body).digest()).digest()[:4] == check


def btc(rng: random.Random) -> str:
    """A legacy (P2PKH, version 0) or bech32 (P2WPKH) address, half and half."""
    program = rng.randbytes(20)
    return base58check(b"\0" + program) if rng.random() < 0.5 else bech32_segwit(program)


def phone(rng: random.Random, region: str) -> str:
    """A mobile number valid in ``region``'s plan, as E.164 (e.g. +4915112345678)."""
    ex = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    if ex is None:
        ex = phonenumbers.example_number(region)
    assert ex is not None, region
    nat = str(ex.national_number)
    keep = max(len(nat) - 6, 2)
    for _ in range(40):
        tail = "".join(rng.choice("0123456789") for _ in range(len(nat) - keep))
        cand = phonenumbers.parse(f"+{ex.country_code}{nat[:keep]}{tail}")
        if phonenumbers.is_valid_number(cand):
            return phonenumbers.format_number(cand, phonenumbers.PhoneNumberFormat.E164)
    return phonenumbers.format_number(ex, phonenumbers.PhoneNumberFormat.E164)


def handle(rng: random.Random, kind: str, base: str, region: str) -> str:
    """A selector of ``kind`` derived from the person's name stem ``base``."""
    digits = str(rng.randint(10, 9999))
    if kind == "telegram":
        return "@" + (base + "_" + digits)[:32].ljust(5, "x")
    if kind == "session":
        return "05" + "".join(rng.choice(_HEX) for _ in range(64))
    if kind == "skype":
        cid = "".join(rng.choice(_HEX) for _ in range(16))
        return "live:.cid." + cid if rng.random() < 0.6 else "live:" + base + digits
    if kind == "icq":
        return str(rng.randint(10_000, 999_999_999))
    if kind == "jabber":
        return f"{base}{digits}@{rng.choice(JABBER_SERVERS)}"
    if kind == "phone":
        return phone(rng, region)
    if kind == "btc":
        return btc(rng)
    raise ValueError(kind)


def obfuscate(kind: str, value: str, rng: random.Random) -> str:
    """How a member hides ``value`` from simple filters (the value stays recoverable)."""
    if kind == "email":
        user, _, domain = value.partition("@")
        name, _, tld = domain.rpartition(".")
        form = rng.choice(("{u} [at] {n} [dot] {t}", "{u} at {n} dot {t}", "{u}(at){n}(dot){t}"))
        return form.format(u=user, n=name, t=tld)
    if kind == "phone":
        return " ".join(value)
    if kind == "session":
        return " ".join(value[i : i + 11] for i in range(0, 66, 11))
    if kind == "jabber":
        user, _, server = value.partition("@")
        return f"{user} [at] {server.replace('.', ' [dot] ')}"
    if kind == "icq":
        return "-".join(value[i : i + 3] for i in range(0, len(value), 3))
    return value  # telegram, skype, btc: the label around them is disguised instead
