"""Selectors in structured fields: one value of a known type per column.

A field that validates as its type is one observation of the whole field
(method ``field``). One that does not — an ICQ field written "123-456-789", a
website field holding "see my page www.…", an address typed "name at host dot
com" — is scanned like free text, so whatever it holds is still found, with
the finder's method and confidence.
"""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache

from safeguard.extract.finder import find
from safeguard.extract.types.base import Match, SelectorType
from safeguard.extract.types.ip import ip_flags
from safeguard.extract.types.registry import all_types

FIELD = "field"
_NOT_DIGIT = re.compile(r"\D")


@lru_cache(maxsize=1)
def _types() -> dict[str, SelectorType]:
    return {t.name: t for t in all_types()}


def field_matches(kind: str, value: str) -> list[Match]:
    """Observations in a field meant to hold one selector of type ``kind``."""
    text = value.strip()
    if not text or len(text) > 4096:
        return find(value[:4096]) if text else []
    candidate = _NOT_DIGIT.sub("", text) if kind == "icq" else text
    sel = _types()[kind]
    if sel.validate(candidate):
        start = value.find(text)
        return [Match(kind, text, sel.normalise(candidate), start, start + len(text), FIELD, 1.0)]
    if kind == "url":
        return [m for m in find(value) if m.type in ("url", "domain")] or find(value)
    return find(value)


def ip_value_flags(value: str) -> tuple[str, ...]:
    """Flags of a normalised IP text (private, cgnat …); () for public or unparseable."""
    try:
        return ip_flags(ipaddress.ip_address(value))
    except ValueError:
        return ()
