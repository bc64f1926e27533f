"""E-mail addresses: local part kept as written, domain lower-cased."""

from __future__ import annotations

import re
from collections.abc import Iterator

from safeguard.extract.types.base import Match, SelectorType
from safeguard.extract.types.tlds import ALL

# Bounded pieces only: local ≤ 64, labels ≤ 63, ≤ 8 labels (RFC 5321 sizes).
ADDRESS = re.compile(
    r"(?<![\w.%+-])[a-z0-9_%+-][a-z0-9_.%+-]{0,63}@"
    r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,8}[a-z]{2,24}(?![\w-])",
    # ASCII classes, Unicode boundaries: look-alike letters are the de-obfuscator's job
    re.IGNORECASE,
)


def valid_address(value: str) -> bool:
    """Shape checks the regex leaves out: dots, lengths, a known TLD."""
    local, _, domain = value.rpartition("@")
    if not local or len(value) > 254 or ".." in local or local.endswith("."):
        return False
    return domain.rsplit(".", 1)[-1].lower() in ALL


class Email(SelectorType):
    name = "email"

    def find(self, text: str) -> Iterator[Match]:
        if "@" not in text:
            return  # cheap guard: a substring test is far faster than the scan
        for m in ADDRESS.finditer(text):
            if self.validate(m.group()):
                yield self.match(text, m.start(), m.end())

    def validate(self, value: str) -> bool:
        return ADDRESS.fullmatch(value) is not None and valid_address(value)

    def normalise(self, value: str) -> str:
        local, _, domain = value.strip().rpartition("@")
        return f"{local}@{domain.lower()}"
