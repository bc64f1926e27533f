"""PGP public key fingerprints and ASCII-armoured public key blocks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from safeguard.extract.types.base import Match, SelectorType

# 40 hex, optionally in groups of 4 split by up to two spaces (GnuPG prints two
# between halves) or by one dash (as people paste them)
_FPR = re.compile(
    r"(?<![0-9A-Za-z-])[0-9A-Fa-f]{4}(?:(?: {0,2}|-)[0-9A-Fa-f]{4}){9}(?![0-9A-Za-z-])"
)
BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----"
END = "-----END PGP PUBLIC KEY BLOCK-----"
MAX_BLOCK = 200_000  # keys with many signatures are big, but bounded


class PgpFingerprint(SelectorType):
    """Spaced groups in any case, or 40 upper-case hex (lower-case runs are
    usually hashes such as git commits)."""

    name = "pgp_fingerprint"

    def find(self, text: str) -> Iterator[Match]:
        if len(text) < 40:
            return
        for m in _FPR.finditer(text):
            if self.validate(m.group()):
                yield self.match(text, m.start(), m.end(), confidence=0.85)

    def validate(self, value: str) -> bool:
        if _FPR.fullmatch(value) is None:
            return False
        compact = value.replace(" ", "").replace("-", "")
        spaced = len(compact) != len(value)
        mixed = any(c.isdigit() for c in compact) and any(c.isalpha() for c in compact)
        return mixed and (spaced or compact == compact.upper())

    def normalise(self, value: str) -> str:
        return value.replace(" ", "").replace("-", "").upper()


class PgpKeyBlock(SelectorType):
    """Armoured blocks; normalised to the base64 body without whitespace or headers."""

    name = "pgp_key"

    def find(self, text: str) -> Iterator[Match]:
        pos = 0
        while (start := text.find(BEGIN, pos)) != -1:
            end = text.find(END, start + len(BEGIN), start + MAX_BLOCK)
            if end == -1:
                pos = start + len(BEGIN)
                continue
            end += len(END)
            yield self.match(text, start, end, confidence=0.99)
            pos = end

    def validate(self, value: str) -> bool:
        return value.startswith(BEGIN) and value.endswith(END)

    def normalise(self, value: str) -> str:
        if not self.validate(value):
            return "".join(value.split())  # already a body: normalising is idempotent
        body = value[len(BEGIN) : len(value) - len(END)]
        lines = [ln.strip() for ln in body.strip().splitlines()]
        if "" in lines:  # armour headers (Version: …) end at the first blank line
            lines = lines[lines.index("") + 1 :]
        return "".join(ln for ln in lines if not ln.startswith("="))
