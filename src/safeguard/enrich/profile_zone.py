"""A forum profile's time-zone field → UTC offset, IANA zone and country.

Shapes accepted by ``profile_timezone`` (the value as stored, a string):

- **IANA name** — phpBB 3.1+ ``user_timezone``, SMF 2.1 ``timezone``, XenForo
  ``timezone`` (``Europe/Berlin``): zone, its standard and summer offsets and
  its country (from the IANA zone table). Legacy names such as ``US/Eastern``
  give offsets but no country.
- **Decimal hours** — phpBB 3.0 ``user_timezone`` (``'1.00'``, ``'-5.00'``,
  ``'5.50'``), MyBB ``timezone`` (``'1'``, ``'5.5'``), vBulletin
  ``timezoneoffset``: the member's *standard* offset. phpBB 3.0 keeps summer
  time in a separate ``user_dst`` flag (the hour field stays the standard
  offset): pass ``dst=True`` when it is set, and ``summer_offset`` is one more.
- **Hours relative to the server** — SMF 1.x/2.0 ``time_offset``: pass the
  server's own UTC offset as ``relative_to`` and the value is added to it.
- **Written offsets** — ``UTC+1``, ``GMT-05:00``, ``+05:30``.

A value equal to the board's default (most members never change it) says
little; the caller should check how common a value is before trusting it.
Anything else (empty, junk, out of −12…+14 h) gives None.
"""

from __future__ import annotations

import re
import zoneinfo
from dataclasses import dataclass
from functools import cache, lru_cache

from safeguard.enrich.timezone import offset_countries, zone_countries, zone_offsets

_HOURS = re.compile(r"[+-]?\d{1,2}(?:\.\d{1,4})?")
_WRITTEN = re.compile(r"(?:utc|gmt)?\s?([+-])(\d{1,2})(?::?(\d{2}))?", re.IGNORECASE)
_IANA = re.compile(r"[A-Za-z][A-Za-z0-9_+-]{0,30}(?:/[A-Za-z0-9_+-]{1,30}){0,2}")
_MAX_INPUT = 64


@dataclass(frozen=True)
class ProfileZone:
    """What a profile's time-zone setting says."""

    shape: str  # iana, hours, relative or written
    offset: float  # standard UTC offset in hours
    summer_offset: float  # offset in summer (= offset where there is no summer time)
    zone: str | None  # IANA name when the field holds one
    country: str | None  # the zone's country (IANA zone table), None for bare offsets
    candidates: tuple[str, ...]  # countries consistent with it (just country for a zone)


def profile_timezone(
    value: str | None, *, dst: bool = False, relative_to: float | None = None, year: int = 2010
) -> ProfileZone | None:
    """Parse one profile time-zone value (see module docstring for shapes); None if unusable.

    ``year`` picks the zone rules for an IANA name's offsets (they change over
    the years); bare offsets match countries under the rules of any recent year.
    """
    if value is None or len(value) > _MAX_INPUT:
        return None
    text = value.strip()
    if _HOURS.fullmatch(text):
        hours = float(text)
        if relative_to is not None:
            return _offset("relative", hours + relative_to, dst)
        return _offset("hours", hours, dst)
    written = _WRITTEN.fullmatch(text)
    if written:
        sign = -1.0 if written.group(1) == "-" else 1.0
        minutes = int(written.group(3) or 0)
        if minutes >= 60:
            return None
        return _offset("written", sign * (int(written.group(2)) + minutes / 60), dst)
    if text.upper() in ("UTC", "GMT", "Z"):
        return _offset("written", 0.0, dst)
    if _IANA.fullmatch(text):
        return _iana(text, year)
    return None


def _offset(shape: str, hours: float, dst: bool) -> ProfileZone | None:
    """A bare standard offset, rounded to the quarter hour that real zones use.

    Candidates match countries on their standard offset only (a setting names the
    standard offset), except SMF's server-relative value which may include summer time.
    """
    hours = round(hours * 4) / 4
    if not -12.0 <= hours <= 14.0:
        return None
    summer = hours + 1.0 if dst else hours
    countries = offset_countries(hours, tolerance=0.0, summer=shape == "relative")
    return ProfileZone(shape, hours, summer, None, None, countries)


@cache
def _available() -> dict[str, str]:
    """Lower-cased IANA name → its proper spelling (stored values are sometimes lower-cased)."""
    return {z.lower(): z for z in zoneinfo.available_timezones()}


@lru_cache(maxsize=4096)  # bounded: a hostile dump may hold millions of distinct values
def _iana(name: str, year: int) -> ProfileZone | None:
    zone = _available().get(name.lower())
    if zone is None:
        return None
    offsets = zone_offsets(zone, year)
    if offsets is None:
        return None
    country = zone_countries().get(zone)
    candidates = (country,) if country else offset_countries(offsets[0], tolerance=0.0)
    return ProfileZone("iana", offsets[0], offsets[1], zone, country, candidates)
