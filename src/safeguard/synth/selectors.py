"""Selectors that really validate, and the ways members write them in text.

E-mail at real providers with synthetic local parts; phone and WhatsApp numbers
valid in the country's numbering plan (checked with ``phonenumbers``); Bitcoin
and Litecoin addresses with correct base58check (P2PKH) or bech32 (P2WPKH, BIP
173) checksums; Ethereum, Monero and PGP values from ``wallets``; messenger
handles in each service's real format; web sites only under the reserved
``example.org/.net/.com`` (RFC 2606), never a real site; server addresses in
real hosting prefixes (IPv4 from ``isps.csv``, IPv6 in hosting /32s). Every
value is synthetic. Each kind is checked against the extractor's own
``validate`` in the tests.
"""

from __future__ import annotations

import hashlib
import ipaddress
import random
from collections.abc import Callable

import phonenumbers

from safeguard.extract.types.codecs import B58, BECH32, polymod
from safeguard.synth import geo, wallets

KINDS = (
    *("email", "telegram", "session", "phone", "jabber", "icq", "skype", "btc"),
    *("url", "domain", "kik", "wickr", "threema", "signal", "whatsapp", "discord"),
    *("snapchat", "ltc", "eth", "xmr", "pgp_fingerprint", "pgp_key", "ipv4", "ipv6"),
)
JABBER_SERVERS = ("jabber.ccc.de", "jabber.org", "xmpp.jp", "jabber.at", "jabber.de")
_HEX = "0123456789abcdef"
_RESERVED = ("example.org", "example.net", "example.com")  # RFC 2606: no one's site
_V6_HOSTING = ("2a01:4f8", "2001:41d0", "2a03:b0c0")  # hosting /32s, like isps.csv
_THREEMA = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_KEY_TIME = (1199145600, 1298937600)  # keys made while the forum ran


def base58check(payload: bytes) -> str:
    """Base58 with the 4-byte double-SHA-256 checksum (Bitcoin's encoding); decoding
    and checking are the extractor's (``extract.types.codecs``)."""
    raw = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    n = int.from_bytes(raw, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    return "1" * (len(raw) - len(raw.lstrip(b"\0"))) + out


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


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
    poly = polymod([*_hrp_expand(hrp), *five, 0, 0, 0, 0, 0, 0]) ^ 1
    check = [(poly >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH32[d] for d in five + check)


def btc(rng: random.Random) -> str:
    """A legacy (P2PKH, version 0) or bech32 (P2WPKH) address, half and half."""
    program = rng.randbytes(20)
    return base58check(b"\0" + program) if rng.random() < 0.5 else bech32_segwit(program)


def ltc(rng: random.Random) -> str:
    """A Litecoin P2PKH (version 0x30, ``L…``) or bech32 ``ltc1`` address, 70/30."""
    program = rng.randbytes(20)
    if rng.random() < 0.7:
        return base58check(b"\x30" + program)
    return bech32_segwit(program, "ltc")


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


Maker = Callable[[random.Random, str, str, str], str]  # (rng, base, digits, region)


def _host(rng: random.Random, base: str, digits: str) -> str:
    return f"{base.replace('_', '-')}{digits}.{rng.choice(_RESERVED)}"


def _url(rng: random.Random, base: str, digits: str, region: str) -> str:
    scheme = rng.choice(("http://", "http://", "https://", "www."))
    host = _host(rng, base, digits)
    host = host if scheme != "www." else "www." + host
    return f"{'' if scheme == 'www.' else scheme}{host}/{rng.choice(('', 'blog/', 'about.html'))}"


def _discord(rng: random.Random, base: str, digits: str, region: str) -> str:
    if rng.random() < 0.3:
        return f"{base[:27]}#{rng.randint(1, 9999):04d}"  # legacy name#1234
    return (base + rng.choice(("", ".", "_")) + digits)[:32]


def _snapchat(rng: random.Random, base: str, digits: str, region: str) -> str:
    name = (base.replace("_", rng.choice("._-")) + digits)[:15].rstrip("._-")
    return name if len(name) >= 3 else name + digits


def _ipv4(rng: random.Random, base: str, digits: str, region: str) -> str:
    return rng.choice(geo.confounders("hosting")).address(rng.randrange(1 << 24))


def _ipv6(rng: random.Random, base: str, digits: str, region: str) -> str:
    words = [rng.randrange(1, 0xFFFF) for _ in range(2)]
    text = f"{rng.choice(_V6_HOSTING)}:{words[0]:x}:{words[1]:x}::{rng.randint(1, 255):x}"
    return ipaddress.IPv6Address(text).compressed


def _skype(rng: random.Random, base: str, digits: str, region: str) -> str:
    cid = "".join(rng.choice(_HEX) for _ in range(16))
    return "live:.cid." + cid if rng.random() < 0.6 else "live:" + base + digits


_MAKERS: dict[str, Maker] = {
    "telegram": lambda r, b, d, g: "@" + (b + "_" + d)[:32].ljust(5, "x"),
    "session": lambda r, b, d, g: "05" + "".join(r.choice(_HEX) for _ in range(64)),
    "skype": _skype,
    "icq": lambda r, b, d, g: str(r.randint(10_000, 999_999_999)),
    "jabber": lambda r, b, d, g: f"{b}{d}@{r.choice(JABBER_SERVERS)}",
    "phone": lambda r, b, d, g: phone(r, g),
    "btc": lambda r, b, d, g: btc(r),
    "url": _url,
    "domain": lambda r, b, d, g: _host(r, b, d),
    "kik": lambda r, b, d, g: (b + d)[:20],
    "wickr": lambda r, b, d, g: (b + r.choice(("", ".", "_", "-")) + d)[:32],
    "threema": lambda r, b, d, g: "".join(r.choice(_THREEMA) for _ in range(8)),
    "signal": lambda r, b, d, g: f"{b[:28]}.{r.randint(1, 99):02d}",
    "whatsapp": lambda r, b, d, g: phone(r, g),
    "discord": _discord,
    "snapchat": _snapchat,
    "ltc": lambda r, b, d, g: ltc(r),
    "eth": lambda r, b, d, g: wallets.eth(r),
    "xmr": lambda r, b, d, g: wallets.xmr(r),
    "pgp_fingerprint": lambda r, b, d, g: wallets.fingerprint(r),
    "pgp_key": lambda r, b, d, g: wallets.key_block(r, b + d, r.randint(*_KEY_TIME)),
    "ipv4": _ipv4,
    "ipv6": _ipv6,
}


def handle(rng: random.Random, kind: str, base: str, region: str) -> str:
    """A selector of ``kind`` (any but e-mail) from the person's name stem ``base``."""
    digits = str(rng.randint(10, 9999))
    maker = _MAKERS.get(kind)
    if maker is None:
        raise ValueError(kind)
    return maker(rng, base, digits, region)


def _defang(value: str, rng: random.Random) -> str:
    """Dots of a host written as ``[.]``, ``[dot]``, ``(dot)`` or `` dot ``."""
    marker = rng.choice(("[.]", "[dot]", "(dot)", " dot "))
    scheme, sep, rest = value.rpartition("://")
    host, slash, path = rest.partition("/")
    return scheme + sep + host.replace(".", marker) + slash + path


def _email(value: str, rng: random.Random) -> str:
    user, _, domain = value.partition("@")
    name, _, tld = domain.rpartition(".")
    form = rng.choice(("{u} [at] {n} [dot] {t}", "{u} at {n} dot {t}", "{u}(at){n}(dot){t}"))
    return form.format(u=user, n=name, t=tld)


def _jabber(value: str, rng: random.Random) -> str:
    user, _, server = value.partition("@")
    return f"{user} [at] {server.replace('.', ' [dot] ')}"


def _fingerprint(value: str, rng: random.Random) -> str:
    return "-".join(value.split())  # ABCD-1234-…: no longer GnuPG's spaced layout


_OBFUSCATORS: dict[str, Callable[[str, random.Random], str]] = {
    "email": _email,
    "phone": lambda v, r: " ".join(v),
    "whatsapp": lambda v, r: " ".join(v),
    "session": lambda v, r: " ".join(v[i : i + 11] for i in range(0, 66, 11)),
    "jabber": _jabber,
    "icq": lambda v, r: "-".join(v[i : i + 3] for i in range(0, len(v), 3)),
    "url": _defang,
    "domain": _defang,
    "ipv4": lambda v, r: v.replace(".", "[.]"),
    "pgp_fingerprint": _fingerprint,
}


def truth_value(kind: str, value: str) -> str:
    """The value truth.json records: as written, except a PGP key block, which is
    recorded as its base64 body (the extractor's normal form) to keep it short."""
    if kind != "pgp_key":
        return value
    lines = value.split("\n")[2:-2]  # BEGIN, blank line / checksum, END
    return "".join(lines)


def obfuscate(kind: str, value: str, rng: random.Random) -> str:
    """How a member hides ``value`` from simple filters (the value stays recoverable).

    Kinds without an entry (messenger handles, coin addresses, key blocks, IPv6)
    are written as they are: the label around them is disguised instead."""
    hide = _OBFUSCATORS.get(kind)
    return hide(value, rng) if hide else value
