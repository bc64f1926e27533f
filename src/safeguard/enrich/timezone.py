"""Home UTC offset from an account's activity rhythm, and offsets → countries.

**Rhythm.** People post in their local evening and sleep from about 1 to 7 local
time. ``activity_zone`` counts an account's events per UTC hour and scores every
whole-hour offset from −11 to +12 by the multinomial log-likelihood of that
histogram under ``TEMPLATE`` (a typical forum day, local time) shifted by the
offset. Two honest limits shape the answer:

- a person's own rhythm varies (night owls, shift work): the best fit finds the
  *effective* shift, and the home offset lies around it with a spread of
  ``PERSONAL_SPREAD`` hours (a Gaussian, folded over the 24-hour circle);
- events come in sessions, not independently, so the data counts as at most
  ``EFFECTIVE_EVENTS`` independent draws (the likelihood is tempered).

``confidence`` is the resulting probability that the home offset is within one
hour of ``offset``; with plenty of regular activity it reaches about 0.4 (on
the synthetic forum the best offset is within ±1 h for roughly that share of
members: see tests/enrich/test_timezone.py). Fewer than ``MIN_EVENTS`` events
give None. Offsets +13/+14 fold onto −11/−10 (a rhythm cannot tell them apart).

**Summer time.** Events are binned in UTC and not corrected: for a member in a
zone with daylight saving the fit lands between the standard and the summer
offset. ``offset_countries`` therefore matches a country on either its standard
or its summer offset.

**Offsets → countries** uses the IANA zone table (``zone.tab`` of the ``tzdata``
package, so it works without system zone files): a country matches an offset if
any of its zones has that standard or summer offset in the reference year.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np

MIN_EVENTS = 12
REFERENCE_YEARS = (2005, 2010, 2015, 2020, 2025)
EFFECTIVE_EVENTS = 60.0
PERSONAL_SPREAD = 2.5  # hours, standard deviation of a person's own shift
OFFSETS = np.arange(-11, 13)
# Share of a typical forum day's activity per local hour 0..23: low from 2 to 7,
# rising through the day, peak 20-22 (the shape of published hourly activity curves).
TEMPLATE = (
    5.0, 3.2, 2.0, 1.3, 1.0, 1.0, 1.3, 2.0, 2.8, 3.4, 3.8, 4.0,
    4.3, 4.4, 4.4, 4.6, 5.0, 5.5, 6.3, 7.2, 8.0, 8.4, 8.0, 6.8,
)  # fmt: skip
_LOG_T = np.log(np.asarray(TEMPLATE) / sum(TEMPLATE))
# _SHIFT[i, h]: template index of UTC hour h for offset OFFSETS[i]
_SHIFT = (np.arange(24)[None, :] + OFFSETS[:, None]) % 24


@dataclass(frozen=True)
class ActivityZone:
    """Estimated home UTC offset of an account."""

    offset: int  # hours, -11..+12
    confidence: float  # P(home offset within ±1 h of offset), see module docstring
    support: int  # events used
    runner_up: int  # best offset at least 2 h away from ``offset``
    margin: float  # mean log-likelihood gain per event of offset over runner_up
    probabilities: tuple[float, ...]  # P(home offset = OFFSETS[i])

    @property
    def detail(self) -> str:
        """One line for ``account_signals.detail``."""
        return (
            f"rhythm of {self.support} events; best UTC{self.offset:+d}, "
            f"next UTC{self.runner_up:+d} ({self.margin:.3f} nats/event)"
        )


def hour_counts(times: Sequence[float] | np.ndarray) -> np.ndarray:
    """Events per UTC hour of day (24 bins) from Unix times in seconds; junk ignored."""
    try:
        t = np.asarray(times, dtype=np.float64).ravel()
    except (TypeError, ValueError):
        return np.zeros(24, np.int64)
    t = t[np.isfinite(t)]
    hours = (np.floor(t / 3600.0) % 24).astype(np.int64)
    return np.bincount(hours, minlength=24)[:24]


def activity_zone(
    times: Sequence[float] | np.ndarray, min_events: int = MIN_EVENTS
) -> ActivityZone | None:
    """Home UTC offset from activity times (Unix seconds, UTC); None if too few events."""
    return zones_from_counts(hour_counts(times)[None, :], min_events)[0]


def zones_from_counts(
    counts: np.ndarray, min_events: int = MIN_EVENTS
) -> list[ActivityZone | None]:
    """``activity_zone`` for many accounts at once from an (accounts × 24) array of
    event counts per UTC hour (e.g. a GROUP BY account, hour query): vectorised."""
    c = np.asarray(counts, dtype=np.float64).reshape(-1, 24)
    n = c.sum(axis=1)
    ll = c @ _LOG_T[_SHIFT].T  # (accounts, offsets)
    temper = np.minimum(1.0, EFFECTIVE_EVENTS / np.maximum(n, 1.0))[:, None]
    x = ll * temper
    shift = np.exp(x - x.max(axis=1, keepdims=True))
    home = (shift / shift.sum(axis=1, keepdims=True)) @ _kernel().T
    best = home.argmax(axis=1)
    near = _circular_distance(np.arange(24)[None, :], best[:, None])
    conf = np.where(near <= 1, home, 0.0).sum(axis=1)
    runner = np.where(near >= 2, ll, -np.inf).argmax(axis=1)
    rows = np.arange(len(c))
    margin = (ll[rows, best] - ll[rows, runner]) / np.maximum(n, 1.0)
    out: list[ActivityZone | None] = []
    for i in range(len(c)):
        if n[i] < max(min_events, 1):
            out.append(None)
            continue
        probs = tuple(round(float(p), 5) for p in home[i])
        out.append(
            ActivityZone(
                int(OFFSETS[best[i]]), round(float(conf[i]), 4), int(n[i]),
                int(OFFSETS[runner[i]]), round(float(margin[i]), 5), probs,
            )
        )  # fmt: skip
    return out


def _circular_distance(a: np.ndarray, b: int | np.ndarray) -> np.ndarray:
    d = np.abs(a - b) % 24
    out: np.ndarray = np.minimum(d, 24 - d)
    return out


@cache
def _kernel() -> np.ndarray:
    """Circulant matrix of the folded Gaussian of a person's own shift (rows sum to 1)."""
    d = _circular_distance(np.arange(24)[:, None], np.arange(24)[None, :])
    k = np.exp(-(d**2) / (2 * PERSONAL_SPREAD**2))
    out: np.ndarray = k / k.sum(axis=1, keepdims=True)
    return out


@cache
def zone_countries() -> dict[str, str]:
    """IANA zone name → ISO country code, from ``zone.tab`` (tzdata package or system)."""
    try:
        text = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        with open("/usr/share/zoneinfo/zone.tab", encoding="utf-8") as f:
            text = f.read()
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            parts = line.split("\t")
            if len(parts) >= 3:
                out[parts[2]] = parts[0]
    return out


@cache
def zone_offsets(zone: str, year: int = 2010) -> tuple[float, float] | None:
    """(standard, summer) UTC offset in hours of ``zone`` in ``year``; None if unknown."""
    try:
        tz = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    hours = []
    for month in (1, 7):
        delta = datetime(year, month, 15, 12, tzinfo=UTC).astimezone(tz).utcoffset()
        hours.append(delta.total_seconds() / 3600 if delta is not None else 0.0)
    return min(hours), max(hours)


@cache
def _offset_table(year: int) -> tuple[tuple[str, float, bool], ...]:
    """(country, offset, is_summer) for every zone of the IANA table."""
    rows = []
    for zone, country in zone_countries().items():
        offs = zone_offsets(zone, year)
        if offs is not None:
            rows += [(country, offs[0], False), (country, offs[1], True)]
    return tuple(rows)


def offset_countries(
    offset: float, tolerance: float = 0.5, year: int | None = None, summer: bool = True
) -> tuple[str, ...]:
    """Countries with a zone whose standard (or, if ``summer``, summer) offset is
    within ``tolerance`` hours of ``offset``.

    Compared modulo 24 h (UTC−11 matches New Zealand's summer UTC+13). Offsets
    change over the years (Moscow +3/+4 until 2011, +4 until 2014, +3 since;
    Turkey +2/+3 until 2016, +3 since): pass the ``year`` of the activity, or
    None to accept any of ``REFERENCE_YEARS``.
    """
    if not math.isfinite(offset):
        return ()
    rows = _offset_table(year) if year else {r for y in REFERENCE_YEARS for r in _offset_table(y)}
    hits = set()
    for country, off, is_summer in rows:
        if is_summer and not summer:
            continue
        d = abs(off - offset) % 24
        if min(d, 24 - d) <= tolerance + 1e-9:
            hits.add(country)
    return tuple(sorted(hits))
