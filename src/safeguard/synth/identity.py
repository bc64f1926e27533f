"""Per-person and per-account identifiers: registration e-mails, revealed selectors."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from safeguard.synth import geo
from safeguard.synth.names import stem
from safeguard.synth.people import People
from safeguard.synth.rng import stream
from safeguard.synth.selectors import KINDS, handle, obfuscate
from safeguard.synth.text import LANGS, RISK, contact_line


@dataclass(frozen=True)
class Plant:
    """One line planted in a record, with what later extraction should find."""

    fact: str  # a selector kind (KINDS) or a risk fact (access/meet/files)
    value: str  # normalised selector value ("" for risk facts)
    form: str  # plain | obfuscated | statement
    line: str  # the text as written into the record


def _local(people: People, person: int, salt: object) -> str:
    """A local part from the person's stem. Persons sharing a stem (namesakes) get
    numbers from disjoint ranges, as a provider would refuse an address twice."""
    r = stream(people.seed, "local", person, salt)
    number = r.randint(1, 9999) + 10_000 * int(_stem_ranks(people)[person])
    return stem(people.seed, person).replace("_", ".") + r.choice(("", ".", "_")) + str(number)


_RANKS: dict[tuple[int, int], np.ndarray] = {}


def _stem_ranks(people: People) -> np.ndarray:
    """For each person, how many earlier persons share its name stem, separators
    ignored as Gmail ignores dots (0 for most)."""
    key = (people.seed, people.persons)
    if key not in _RANKS:
        seen: dict[str, int] = {}
        ranks = np.zeros(people.persons, dtype=np.int32)
        for p in range(people.persons):
            name = stem(people.seed, p).replace("_", "").replace(".", "")
            ranks[p] = seen.get(name, 0)
            seen[name] = ranks[p] + 1
        _RANKS.clear()  # one forum at a time: keep memory flat at 1.8M persons
        _RANKS[key] = ranks
    return _RANKS[key]


def reg_email(people: People, account: int) -> str:
    """The e-mail an account registered with (a person's accounts use different ones)."""
    person = int(people.a_person[account])
    r = stream(people.seed, "regmail", account)
    country = geo.countries()[int(people.p_country[person])]
    if bool(people.p_anon[person]) and r.random() < 0.9:
        provider = r.choice(geo.ANONYMOUS_MAIL)
    else:
        provider = r.choice(country.providers)
    return f"{_local(people, person, ('reg', account))}@{provider}".lower()


def revealed(people: People, person: int) -> tuple[str, str] | None:
    """(kind, value) of the selector a person moves contact to, or None."""
    k = int(people.p_reveal[person])
    if k < 0:
        return None
    kind = KINDS[k]
    r = stream(people.seed, "selector", person)
    country = geo.countries()[int(people.p_country[person])]
    if kind == "email":
        value = f"{_local(people, person, 'contact')}@{r.choice(country.providers)}".lower()
    else:
        value = handle(r, kind, stem(people.seed, person).replace(".", "_"), country.code)
    return kind, value


def other_email(people: People, person: int) -> str:
    """The address a person uses in the 'other investigation' (never in the forum)."""
    r = stream(people.seed, "othermail", person)
    country = geo.countries()[int(people.p_country[person])]
    return f"{_local(people, person, 'other')}@{r.choice(country.providers)}".lower()


def contact_plant(people: People, person: int, account: int) -> Plant | None:
    """The 'add me on …' line a person writes from ``account``, if they reveal one."""
    sel = revealed(people, person)
    if sel is None:
        return None
    kind, value = sel
    r = stream(people.seed, "plantform", account)
    obf = bool(people.p_obf[person]) and r.random() < 0.9
    written = obfuscate(kind, value, r) if obf else value
    lang = LANGS[int(people.p_lang[person])]
    line = contact_line(lang, kind, written, obf)
    return Plant(kind, value, "obfuscated" if obf else "plain", line)


def risk_plant(people: People, person: int, fact: str) -> Plant:
    """A neutral risk-indicator statement in the person's language."""
    return Plant(fact, "", "statement", RISK[fact][LANGS[int(people.p_lang[person])]])
