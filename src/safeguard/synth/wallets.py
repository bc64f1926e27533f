"""Ethereum and Monero addresses and PGP keys, with their real checksums.

Ethereum: ``0x`` + 40 hex in EIP-55 mixed case (Keccak-256 of the lower-case
hex decides each letter's case). Monero: standard (network byte 0x12, ``4…``)
or subaddress (0x2A, ``8…``) addresses: 64 random key bytes, a 4-byte
Keccak-256 checksum, Monero's blockwise base58 (95 characters). PGP: a
GnuPG-style fingerprint (10 groups of 4 upper-case hex, two spaces between the
halves) and an ASCII-armoured public key block holding an Ed25519 key packet
and a user ID packet, with the armour's CRC-24. Keys are random bytes: they
look right and pass every check the extractor makes, but are nobody's key.
"""

from __future__ import annotations

import base64
import random

from safeguard.extract.types.codecs import keccak256

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
# Random alphabets may spell words the content rules forbid; such values are redrawn.
_AVOID = ("sex", "nude", "naked", "porn", "xxx", "erotic", "explicit")
_XMR_CHARS = {8: 11, 5: 7}  # bytes per block -> base58 characters
_ED25519 = bytes.fromhex("092b06010401da470f01")  # OID length + 1.3.6.1.4.1.11591.15.1
BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----"
END = "-----END PGP PUBLIC KEY BLOCK-----"


def clean(value: str) -> bool:
    """True if ``value`` spells none of the forbidden words (any case)."""
    low = value.lower()
    return not any(w in low for w in _AVOID)


def eip55(hex40: str) -> str:
    """``0x`` + ``hex40`` with EIP-55 checksum capitalisation."""
    low = hex40.lower()
    digest = keccak256(low.encode()).hex()
    return "0x" + "".join(
        c.upper() if int(h, 16) >= 8 else c for c, h in zip(low, digest, strict=False)
    )


def eth(rng: random.Random) -> str:
    """A random Ethereum address in EIP-55 form."""
    return eip55(rng.randbytes(20).hex())


def monero_b58(raw: bytes) -> str:
    """Monero's base58: 8-byte blocks to 11 characters, the last short block padded."""
    out = []
    for i in range(0, len(raw), 8):
        block = raw[i : i + 8]
        n = int.from_bytes(block, "big")
        chars = ""
        for _ in range(_XMR_CHARS[len(block)]):
            n, r = divmod(n, 58)
            chars = B58[r] + chars
        out.append(chars)
    return "".join(out)


def xmr(rng: random.Random) -> str:
    """A standard (80%) or subaddress Monero address with a valid checksum."""
    tag = b"\x12" if rng.random() < 0.8 else b"\x2a"
    while True:
        raw = tag + rng.randbytes(64)
        addr = monero_b58(raw + keccak256(raw)[:4])
        if clean(addr):
            return addr


def fingerprint(rng: random.Random) -> str:
    """A v4 fingerprint as GnuPG prints it: ``ABCD 1234 … 5678  9ABC … DEF0``."""
    hexs = rng.randbytes(20).hex().upper()
    groups = [hexs[i : i + 4] for i in range(0, 40, 4)]
    return " ".join(groups[:5]) + "  " + " ".join(groups[5:])


def crc24(data: bytes) -> int:
    """The OpenPGP armour checksum (RFC 4880 §6.1)."""
    crc = 0xB704CE
    for b in data:
        crc ^= b << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


def key_block(rng: random.Random, uid: str, created: int) -> str:
    """An armoured public key: Ed25519 key packet (tag 6) and user ID packet (tag 13)."""
    while True:
        key = b"\x04" + created.to_bytes(4, "big") + b"\x16" + _ED25519
        key += b"\x01\x07\x40" + rng.randbytes(32)
        user = uid.encode()[:60]
        data = bytes((0x98, len(key))) + key + bytes((0xB4, len(user))) + user
        body = base64.b64encode(data).decode()
        check = base64.b64encode(crc24(data).to_bytes(3, "big")).decode()
        if clean(body + check):
            break
        created += 1  # redraw: a different key, a second later
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return "\n".join([BEGIN, "", *lines, "=" + check, END])
