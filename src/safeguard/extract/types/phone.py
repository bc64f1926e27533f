"""Phone numbers via Google's libphonenumber (``phonenumbers``), as E.164.

A linear regex picks short digit windows; ``PhoneNumberMatcher`` runs only on
those windows, so a megabyte of digits cannot make it crawl. Without a default
region only international numbers (``+…``/``00…``) can be recognised.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import phonenumbers

from safeguard.extract.types.base import Match, SelectorType

_WINDOW = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d ().\-/]{5,24}\d(?!\w)")
_E164 = phonenumbers.PhoneNumberFormat.E164
# A number written without country code and read with the default region is
# flagged "region_assumed:CC" and trusted this much less.
REGION_ASSUMED = "region_assumed"
REGION_ASSUMED_FACTOR = 0.8
_DOTTED_QUAD = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")  # an IPv4 address, not a phone


class Phone(SelectorType):
    name = "phone"

    def __init__(self, region: str | None = None) -> None:
        """``region``: ISO 3166 code used for numbers written without a country code."""
        self.region = region

    def find(self, text: str) -> Iterator[Match]:
        if self.region is None and "+" not in text and "00" not in text:
            return
        for w in _WINDOW.finditer(text):
            window = w.group()
            if not self._plausible(window):
                continue
            if window.startswith("00"):
                window = "+" + window[2:]  # the international prefix most of the world dials
            shift = w.start() + (len(w.group()) - len(window))
            national = not window.lstrip("( ").startswith("+")
            for pm_start, pm_end, number in _matches(window, self.region):
                start, end = max(shift + pm_start, w.start()), shift + pm_end
                if national and self.region is not None:
                    # the country code is our assumption, not the writer's: say so
                    yield Match(self.name, text[start:end], number, start, end,
                                confidence=round(0.95 * REGION_ASSUMED_FACTOR, 3),
                                flags=(f"{REGION_ASSUMED}:{self.region}",))  # fmt: skip
                else:
                    yield Match(self.name, text[start:end], number, start, end)

    def _plausible(self, window: str) -> bool:
        """Cheap filter before libphonenumber (which costs ~0.1 ms a call)."""
        if self.region is None and not window.startswith(("+", "00", "(+")):
            return False  # without a default region only international numbers parse
        if _DOTTED_QUAD.fullmatch(window):
            return False  # "78.46.81.171" reads as a Spanish number with region ES
        digits = sum(c.isdigit() for c in window)
        return 7 <= digits <= 17 and window.count(".") <= 4 and len(window) - digits <= digits

    def validate(self, value: str) -> bool:
        try:
            return phonenumbers.is_valid_number(phonenumbers.parse(value, self.region))
        except phonenumbers.NumberParseException:
            return False

    def normalise(self, value: str) -> str:
        return _fmt(phonenumbers.parse(value, self.region))


@lru_cache(maxsize=4096)  # repeated windows (quotes, hostile repetition) cost one parse
def _matches(window: str, region: str | None) -> tuple[tuple[int, int, str], ...]:
    found = phonenumbers.PhoneNumberMatcher(window, region, max_tries=8)
    return tuple((pm.start, pm.end, _fmt(pm.number)) for pm in found)


def _fmt(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, _E164)
