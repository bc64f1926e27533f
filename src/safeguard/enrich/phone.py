"""Phone number → country, original carrier and line type (offline, ``phonenumbers``).

Input is the E.164 string that extraction writes (``+4915112345678``); other
international forms (``0049…`` or with spaces) are accepted too. All data comes
from the ``phonenumbers`` package (Google's libphonenumber metadata), which
ships inside the wheel: nothing is fetched.

Limits a caller must know:

- ``carrier`` is the operator the number *range was allocated to*. Numbers are
  portable in most of Europe, so the subscriber may now be with another
  operator: a request goes first to the allocating carrier, which knows where
  the number went. Fixed lines usually have no carrier entry (None).
- ``country`` is None for an invalid number; ``candidates`` then lists every
  region sharing its calling code (+1 covers the US, Canada and the Caribbean,
  +7 Russia and Kazakhstan, +44 the UK and the Crown Dependencies).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumberType, carrier, timezone

_MAX_INPUT = 64  # longer text is not a phone number; libphonenumber refuses > 250 anyway
_LINE_TYPES = {
    PhoneNumberType.FIXED_LINE: "fixed_line",
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
    PhoneNumberType.TOLL_FREE: "toll_free",
    PhoneNumberType.PREMIUM_RATE: "premium_rate",
    PhoneNumberType.SHARED_COST: "shared_cost",
    PhoneNumberType.VOIP: "voip",
    PhoneNumberType.PERSONAL_NUMBER: "personal_number",
    PhoneNumberType.PAGER: "pager",
    PhoneNumberType.UAN: "uan",
    PhoneNumberType.VOICEMAIL: "voicemail",
}
# Line types that do not tie a number to a place or a subscriber's home network.
NON_GEOGRAPHIC = frozenset({"voip", "personal_number", "uan", "toll_free", "premium_rate"})


@dataclass(frozen=True)
class PhoneInfo:
    """What an international phone number implies."""

    number: str  # E.164
    valid: bool  # libphonenumber's full validity check for its region
    country: str | None  # ISO 3166-1 alpha-2 of the numbering plan, None if invalid
    candidates: tuple[str, ...]  # regions sharing the calling code (just ``country`` if valid)
    carrier: str | None  # original carrier (English name), None if the data has none
    line_type: str  # mobile, fixed_line, voip, … or "unknown"
    time_zones: tuple[str, ...]  # IANA zones of the number's area (empty if unknown)

    @property
    def detail(self) -> str:
        """One line for the ``enrichments.detail`` column."""
        zones = ",".join(self.time_zones[:3])
        state = "valid" if self.valid else "invalid"
        return f"line type {self.line_type}; {state}; zones {zones or 'unknown'}"


def phone_info(value: str) -> PhoneInfo | None:
    """Country, original carrier and line type of an international number.

    Returns None for anything that does not parse as an international number
    (no ``+``/``00`` country code, letters, absurd length): no region is assumed.
    """
    if not value or len(value) > _MAX_INPUT:
        return None
    text = value.strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    if not text.startswith("+"):
        return None
    return _info(text)


@lru_cache(maxsize=65536)  # a number is often seen many times (signatures, quotes)
def _info(text: str) -> PhoneInfo | None:
    try:
        num = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return None
    e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
    valid = phonenumbers.is_valid_number(num)
    region = phonenumbers.region_code_for_number(num) if valid else None
    if region in (None, "ZZ", "001"):  # 001: non-geographic entities (satellite, UIFN)
        region = None
    shared = phonenumbers.region_codes_for_country_code(num.country_code or 0)
    candidates = (region,) if region else tuple(r for r in shared if r != "001")
    line = _LINE_TYPES.get(phonenumbers.number_type(num), "unknown") if valid else "unknown"
    name = carrier.name_for_number(num, "en") if valid else ""
    zones = tuple(z for z in timezone.time_zones_for_number(num) if z != "Etc/Unknown")
    return PhoneInfo(e164, valid, region, candidates, name or None, line, zones)
