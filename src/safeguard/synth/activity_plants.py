"""Which record carries which planted line, stored as compact arrays.

A planted line is a pure function of (person, fact, account) (``identity``), so
only those three small numbers are kept per line; the ``Plant`` is rebuilt when a
writer asks for a record's lines. At 1.8 million accounts this is ~20 bytes per
line instead of a few hundred for Python objects.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping

import numpy as np

from safeguard.synth.identity import Plant, contact_plant, risk_plant
from safeguard.synth.people import RISK_BITS, People
from safeguard.synth.rng import stream

MultiKey = tuple[str, int]
RECORD_KINDS = ("post", "pm", "profile")
RISK_FACTS = ("access", "meet", "files")
CONTACT = len(RISK_FACTS)  # fact code of an 'add me on …' line
_SHIFT = 1 << 40  # key = kind * _SHIFT + record index


class Plants(Mapping[MultiKey, list[Plant]]):
    """(record kind, index) -> the lines planted there, in planting order."""

    def __init__(self, people: People, key: np.ndarray, line: np.ndarray) -> None:
        order = np.argsort(key, kind="stable")
        self._people = people
        self._key = key[order]
        self._line = line[order]  # rows: person, fact code, account
        self._uniq = np.unique(self._key)

    def __getitem__(self, key: MultiKey) -> list[Plant]:
        code = RECORD_KINDS.index(key[0]) * _SHIFT + key[1]
        lo = int(np.searchsorted(self._key, code, "left"))
        if lo == len(self._key) or self._key[lo] != code:
            raise KeyError(key)
        hi = int(np.searchsorted(self._key, code, "right"))
        return [self._plant(*(int(v) for v in self._line[i])) for i in range(lo, hi)]

    def _plant(self, person: int, fact: int, account: int) -> Plant:
        if fact == CONTACT:
            plant = contact_plant(self._people, person, account)
            assert plant is not None  # only persons who reveal get contact lines
            return plant
        return risk_plant(self._people, person, RISK_FACTS[fact])

    def __iter__(self) -> Iterator[MultiKey]:
        for code in self._uniq.tolist():
            yield RECORD_KINDS[code // _SHIFT], code % _SHIFT

    def __len__(self) -> int:
        return len(self._uniq)


def plant(people: People, post_of: np.ndarray, pm_of: np.ndarray) -> Plants:
    """Choose where each person's lines go: each risk fact in one of their accounts,
    their contact line in one or two; in that account's designated post, else its
    designated PM (-1: none), else its profile."""
    by_person = np.argsort(people.a_person, kind="stable")
    starts = np.searchsorted(people.a_person[by_person], np.arange(people.persons + 1))
    keys, lines = array("q"), array("i")  # flat C arrays: ~20 bytes per line, not ~200
    todo = np.flatnonzero((people.p_reveal >= 0) | ((people.p_risk & 7) > 0))
    for person in todo.tolist():
        accs = by_person[starts[person] : starts[person + 1]].tolist()
        r = stream(people.seed, "plant", person)
        facts = [f for f, name in enumerate(RISK_FACTS) if people.p_risk[person] & RISK_BITS[name]]
        chosen = [(f, r.choice(accs)) for f in facts]
        if people.p_reveal[person] >= 0:
            many = 2 if len(accs) > 1 and r.random() < 0.5 else 1
            chosen += [(CONTACT, acc) for acc in r.sample(accs, many)]
        for fact, acc in chosen:
            kind, rid = (
                (0, int(post_of[acc]))
                if post_of[acc] >= 0
                else (1, int(pm_of[acc]))
                if pm_of[acc] >= 0
                else (2, acc)
            )
            keys.append(kind * _SHIFT + rid)
            lines.extend((person, fact, acc))
    line = np.frombuffer(lines, np.int32).reshape(-1, 3).copy()
    return Plants(people, np.frombuffer(keys, np.int64).copy(), line)
