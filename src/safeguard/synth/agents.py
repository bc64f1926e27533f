"""``network.user_agent`` for whole arrays of (person, time) events.

The access log of a 1.8-million-account forum has over 100 million lines; one
Python call per line to pick the device, find its browser release and format the
string costs more than everything else in the line. Here each device is built
once (kept as a profile id and an update delay per person and device), releases
are found with numpy, and each distinct string is formatted once per batch.
The strings are exactly ``network.user_agent``'s (tests/synth/test_vector.py).
"""

from __future__ import annotations

import dataclasses

import numpy as np

from safeguard.synth import browsers, geo
from safeguard.synth.people import People
from safeguard.synth.text import LANGS
from safeguard.synth.vector import vmix

_FAMILIES = ("msie", "firefox", "chrome", "safari", "opera")
_FIREFOX, _CHROME = _FAMILIES.index("firefox"), _FAMILIES.index("chrome")


class UserAgents:
    """Browser strings of one forum's persons; devices are built as first needed."""

    def __init__(self, people: People) -> None:
        self._people = people
        self._profile = np.full(2 * people.persons, -1, np.int32)  # index: person*2 + device
        self._delay = np.zeros(2 * people.persons, np.int64)
        self._profiles: list[browsers.Device] = []  # devices with delay 0 (not in the string)
        self._ids: dict[browsers.Device, int] = {}
        self._times = [np.asarray(browsers.release_times(f), np.int64) for f in _FAMILIES]
        self._codes = [geo.countries()[c].code for c in range(len(geo.countries()))]

    def strings(self, person: np.ndarray, t: np.ndarray) -> list[str]:
        """``network.user_agent(people, person[i], t[i])`` for every i."""
        p, t = np.asarray(person, np.int64), np.asarray(t, np.int64)
        seed = self._people.seed
        second = (vmix(seed, p, 7) % np.uint64(3) == 0) & (
            vmix(seed, p, t // 86400) % np.uint64(2) == 1
        )
        key = 2 * p + second
        self._build(np.unique(key))
        prof, tt = self._profile[key], t - self._delay[key]
        fam = np.array([_FAMILIES.index(d.family) for d in self._profiles], np.int64)[prof]
        fam[(fam == _CHROME) & (tt < self._times[_CHROME][0])] = _FIREFOX
        rel = np.zeros(len(t), np.int64)
        for f, times in enumerate(self._times):
            sel = fam == f
            rel[sel] = np.maximum(np.searchsorted(times, tt[sel], "right") - 1, 0)
        era = (t >= browsers.WIN7).astype(np.int64) * 2 + (t >= browsers.SNOW_LEOPARD)
        combo = ((prof.astype(np.int64) * 8 + fam) * 1024 + rel) * 4 + era
        uniq, inv = np.unique(combo, return_inverse=True)
        text = [self._format(int(c)) for c in uniq.tolist()]
        return [text[i] for i in inv.tolist()]

    def _format(self, combo: int) -> str:
        era, rel, fam, prof = combo % 4, combo // 4 % 1024, combo // 4096 % 8, combo // 32768
        family = _FAMILIES[fam]
        release = browsers.releases()[family][rel]
        return browsers.format_agent(self._profiles[prof], family, release, era >= 2, era % 2 == 1)

    def _build(self, keys: np.ndarray) -> None:
        """Build the devices in ``keys`` (person*2 + device) not built yet."""
        people = self._people
        for key in keys[self._profile[keys] < 0].tolist():
            person = key // 2
            lang = LANGS[int(people.p_lang[person])]
            country = self._codes[int(people.p_country[person])]
            # uncached: each device is built once here; the cache would only churn
            dev = browsers.device.__wrapped__(people.seed, person, key % 2, lang, country)
            profile = dataclasses.replace(dev, delay=0)
            self._delay[key] = dev.delay
            self._profile[key] = self._ids.setdefault(profile, len(self._profiles))
            if self._profile[key] == len(self._profiles):
                self._profiles.append(profile)
