"""Browsers of the forum's era (2008–2011): a device per person, updated over time.

A person's device is fixed — operating system, browser family, interface
language, installed add-ons — and its version follows the real release history
(data/browser_releases.csv) with a person-specific delay before each update.
So two accounts of one man months apart send different strings from the same
device, as Eckersley found returning browsers do ("How Unique Is Your Web
Browser?", PETS 2010: fingerprints changed quickly, yet an updated browser was
recognisable). The mix of systems, families and Internet Explorer's add-on
tokens gives 7 bits per string in 2008 and 8.6-8.8 bits in 2009-2011 (20,000
members, seed 1) — fewer than the 10.5 bits Eckersley measured, so a shared
string is if anything weaker evidence here; tests/synth/test_browsers.py checks
the range. Mobile browsers are not modelled (mobile carriers' addresses are:
network.py).
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import random
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from safeguard.synth.rng import stream

WIN7 = int(dt.datetime(2009, 10, 22, tzinfo=dt.UTC).timestamp())  # Windows 7 on sale
SNOW_LEOPARD = int(dt.datetime(2009, 8, 28, tzinfo=dt.UTC).timestamp())
SYSTEMS = (("xp", 0.52), ("vista", 0.20), ("win7", 0.16), ("mac", 0.07), ("linux", 0.05))
FAMILIES = {
    "windows": (("msie", 0.50), ("firefox", 0.33), ("chrome", 0.10), ("opera", 0.07)),
    "mac": (("safari", 0.70), ("firefox", 0.25), ("chrome", 0.05)),
    "linux": (("firefox", 0.80), ("chrome", 0.10), ("opera", 0.10)),
}
UPDATE_DELAY_DAYS = {"msie": 250.0, "firefox": 40.0, "chrome": 10.0, "safari": 90.0, "opera": 90.0}
# Internet Explorer lists installed frameworks and toolbars: (token, share of devices).
IE_TOKENS = {
    "xp": (
        (".NET CLR 1.1.4322", 0.45),
        (".NET CLR 2.0.50727", 0.70),
        (".NET CLR 3.0.04506.30", 0.25),
        (".NET CLR 3.0.4506.2152", 0.35),
        (".NET CLR 3.5.30729", 0.35),
        ("InfoPath.1", 0.10),
        ("InfoPath.2", 0.12),
        ("GTB6", 0.15),
        ("Media Center PC 5.0", 0.05),
        ("OfficeLiveConnector.1.3", 0.08),
        ("OfficeLivePatch.0.0", 0.06),
        ("MS-RTC LM 8", 0.04),
    ),
    "win": (
        ("SLCC1", 0.60),
        (".NET CLR 2.0.50727", 0.90),
        (".NET CLR 3.5.30729", 0.60),
        (".NET CLR 3.0.30729", 0.55),
        ("Media Center PC 6.0", 0.50),
        ("InfoPath.2", 0.10),
        ("GTB6", 0.12),
        ("OfficeLiveConnector.1.3", 0.08),
        ("Zune 4.0", 0.03),
    ),
}
LOCALES = {"en": "en-US", "de": "de", "nl": "nl", "es": "es-ES", "it": "it", "pl": "pl"}
LOCALES |= {"fr": "fr", "pt": "pt-PT"}


@dataclass(frozen=True)
class Release:
    version: str
    released: int  # UTC seconds
    engine: str  # Gecko rv, WebKit build or Presto version; "" when the string has none
    day: str  # YYYYMMDD of the release (Firefox's Gecko build date)


@cache
def releases() -> dict[str, tuple[Release, ...]]:
    """Release history per browser family, oldest first."""
    out: dict[str, list[Release]] = {}
    with (Path(__file__).parent / "data" / "browser_releases.csv").open() as f:
        for row in csv.DictReader(f):
            day = dt.date.fromisoformat(row["released"])
            t = int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())
            rel = Release(row["version"], t, row["engine"], day.strftime("%Y%m%d"))
            out.setdefault(row["family"], []).append(rel)
    return {k: tuple(v) for k, v in out.items()}


@cache
def release_times(family: str) -> tuple[int, ...]:
    """Release times (UTC seconds) of a browser family, oldest first."""
    return tuple(r.released for r in releases()[family])


@dataclass(frozen=True)
class Device:
    system: str  # xp | vista | win7 | mac | linux
    family: str
    locale: str
    tokens: tuple[str, ...]  # Internet Explorer add-ons, in the order IE writes them
    delay: int  # seconds between a release and this device running it
    arch: str  # Linux i686 / x86_64; Mac OS minor version


def _pick(r: random.Random, table: tuple[tuple[str, float], ...]) -> str:
    x = r.random()
    for name, share in table:
        x -= share
        if x < 0:
            return name
    return table[-1][0]


@lru_cache(maxsize=1 << 16)
def device(seed: int, person: int, k: int, lang: str, country: str) -> Device:
    """Device ``k`` (0 or 1) of a person who writes ``lang`` and lives in ``country``."""
    r = stream(seed, "device", person, k)
    system = _pick(r, SYSTEMS)
    family = _pick(r, FAMILIES["windows" if system in ("xp", "vista", "win7") else system])
    locale = LOCALES.get(lang, "en-US") if lang == "en" or r.random() < 0.7 else "en-US"
    locale = {"GB": "en-GB", "IE": "en-GB", "BR": "pt-BR"}.get(country, locale)
    table = IE_TOKENS["xp" if system == "xp" else "win"]
    tokens = tuple(tok for tok, share in table if r.random() < share) if family == "msie" else ()
    delay = int(r.expovariate(1 / UPDATE_DELAY_DAYS[family]) * 86400)
    arch = r.choice(("i686", "x86_64")) if system == "linux" else r.choice(("4", "5", "6", "8"))
    return Device(system, family, locale, tokens, delay, arch)


def user_agent(dev: Device, t: int) -> str:
    """The string ``dev`` sends at UTC time ``t``."""
    family = dev.family
    if family == "chrome" and t - dev.delay < release_times("chrome")[0]:
        family = "firefox"  # before Chrome existed this person used Firefox
    history = releases()[family]
    at = bisect.bisect_right(release_times(family), t - dev.delay) - 1
    return format_agent(dev, family, history[max(at, 0)], t >= WIN7, t >= SNOW_LEOPARD)


@lru_cache(maxsize=1 << 16)
def format_agent(dev: Device, family: str, rel: Release, win7: bool, snow: bool) -> str:
    """The string ``dev`` sends running ``family``'s release ``rel`` (the family is
    Firefox for a Chrome device before Chrome existed), after Windows 7's and Snow
    Leopard's launches or not; ``dev.delay`` plays no part."""
    os = _os(dev, win7, snow, underscore=family in ("safari", "chrome"))
    plat = {"mac": "Macintosh", "linux": "X11"}.get(dev.system, "Windows")
    if family == "msie":
        parts = ["compatible", f"MSIE {rel.version}", os]
        parts += ["Trident/4.0"] if rel.engine else []
        return f"Mozilla/4.0 ({'; '.join(parts + list(dev.tokens))})"
    if family == "firefox":
        return (
            f"Mozilla/5.0 ({plat}; U; {os}; {dev.locale}; rv:{rel.engine}) "
            f"Gecko/{rel.day} Firefox/{rel.version}"
        )
    if family == "chrome":
        wk = rel.engine
        return (
            f"Mozilla/5.0 ({plat}; U; {os}; {dev.locale}) AppleWebKit/{wk} "
            f"(KHTML, like Gecko) Chrome/{rel.version} Safari/{wk}"
        )
    if family == "safari":
        wk = rel.engine
        return (
            f"Mozilla/5.0 (Macintosh; U; {os}; {dev.locale.lower()}) AppleWebKit/{wk} "
            f"(KHTML, like Gecko) Version/{rel.version} Safari/{wk}"
        )
    lang = dev.locale.split("-")[0]
    if not rel.engine:
        return f"Opera/{rel.version} ({os}; U; {lang})"
    return f"Opera/9.80 ({os}; U; {lang}) Presto/{rel.engine} Version/{rel.version}"


def _os(dev: Device, win7: bool, snow: bool, *, underscore: bool) -> str:
    if dev.system == "linux":
        return f"Linux {dev.arch}"
    if dev.system == "mac":
        version = f"10_6_{dev.arch}" if snow and dev.arch != "8" else "10_5_8"
        return "Intel Mac OS X " + (version if underscore else version[:4].replace("_", "."))
    if dev.system == "win7" and win7:
        return "Windows NT 6.1"
    return "Windows NT 5.1" if dev.system == "xp" else "Windows NT 6.0"
