"""Cryptocurrency addresses, each accepted only with a correct checksum.

Bitcoin: base58check P2PKH (version 0x00) / P2SH (0x05) and bech32/bech32m
``bc1`` (BIP 173/350). Litecoin: base58check L (0x30) / M (0x32) and ``ltc1``.
Ethereum: ``0x`` + 40 hex; mixed case must satisfy EIP-55. Monero: 95-char
standard addresses starting 4 or 8 with Monero's blockwise base58 and
Keccak checksum.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from safeguard.extract.types.base import Match, SelectorType
from safeguard.extract.types.codecs import _B58_INDEX, base58check, keccak256, segwit_decode

_B58C = "1-9A-HJ-NP-Za-km-z"
_BASE58 = re.compile(rf"(?<![{_B58C}])[13LM][{_B58C}]{{25,34}}(?![{_B58C}])")
_BECH = re.compile(r"(?<![0-9A-Za-z])(?:bc1|BC1|ltc1|LTC1)[0-9A-Za-z]{6,87}(?![0-9A-Za-z])")
_ETH = re.compile(r"(?<![0-9A-Za-z])0x[0-9a-fA-F]{40}(?![0-9A-Za-z])")
_XMR = re.compile(rf"(?<![{_B58C}])[48][{_B58C}]{{94}}(?![{_B58C}])")
_VERSIONS = {"btc": (0x00, 0x05), "ltc": (0x30, 0x32, 0x05)}
_HRP = {"btc": "bc", "ltc": "ltc"}


class _Base58Coin(SelectorType):
    """Bitcoin-family coin: legacy base58check and native segwit addresses."""

    def find(self, text: str) -> Iterator[Match]:
        for rx in (_BASE58, _BECH):
            for m in rx.finditer(text):
                if self.validate(m.group()):
                    yield self.match(text, m.start(), m.end(), confidence=0.99)

    def validate(self, value: str) -> bool:
        if value.lower().startswith(_HRP[self.name] + "1"):
            return segwit_decode(value, _HRP[self.name]) is not None
        if value[0] == "3" and self.name == "ltc":
            return False  # P2SH '3…' is reported as Bitcoin (same version byte)
        payload = base58check(value)
        return payload is not None and len(payload) == 21 and payload[0] in _VERSIONS[self.name]

    def normalise(self, value: str) -> str:
        low = value.lower()
        return low if low.startswith(_HRP[self.name] + "1") else value


class Bitcoin(_Base58Coin):
    name = "btc"


class Litecoin(_Base58Coin):
    name = "ltc"


class Ethereum(SelectorType):
    """``0x`` addresses; all-lower/all-upper are accepted, mixed case needs EIP-55."""

    name = "eth"

    def find(self, text: str) -> Iterator[Match]:
        if "0x" not in text:
            return
        for m in _ETH.finditer(text):
            if self.validate(m.group()):
                yield self.match(text, m.start(), m.end(), confidence=0.95)

    def validate(self, value: str) -> bool:
        body = value[2:]
        if len(body) != 40 or not value.startswith("0x"):
            return False
        if body == body.lower() or body == body.upper():
            return True
        digest = keccak256(body.lower().encode()).hex()
        return all(
            (c.upper() if int(h, 16) >= 8 else c.lower()) == c
            for c, h in zip(body, digest[:40], strict=True)
        )

    def normalise(self, value: str) -> str:
        return "0x" + value[2:].lower()


_XMR_BLOCK = {0: 0, 2: 1, 3: 2, 5: 3, 6: 4, 7: 5, 9: 6, 10: 7, 11: 8}


def _xmr_decode(s: str) -> bytes | None:
    out = bytearray()
    for i in range(0, len(s), 11):
        block = s[i : i + 11]
        size = _XMR_BLOCK.get(len(block))
        n = 0
        for c in block:
            n = n * 58 + _B58_INDEX[c]
        if size is None or n >> (8 * size):
            return None
        out += n.to_bytes(size, "big")
    return bytes(out)


class Monero(SelectorType):
    """Standard (4…) and subaddress (8…) Monero addresses, Keccak checksum verified."""

    name = "xmr"

    def find(self, text: str) -> Iterator[Match]:
        for m in _XMR.finditer(text):
            if self.validate(m.group()):
                yield self.match(text, m.start(), m.end(), confidence=0.99)

    def validate(self, value: str) -> bool:
        if len(value) != 95 or any(c not in _B58_INDEX for c in value):
            return False
        raw = _xmr_decode(value)
        return raw is not None and len(raw) == 69 and keccak256(raw[:65])[:4] == raw[65:]
