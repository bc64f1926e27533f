"""Name stems and usernames: what a person calls himself across his accounts.

Most members build a name from two ordinary words and keep it across accounts
and mailboxes (``wolf_harbor``, ``WolfHarbor77``, ``w0lf.harbor1984@…``); users
reuse a small set of related usernames across services (Perito et al., "How
Unique and Traceable are Usernames?", PETS 2011). Word pairs with an optional
suffix give about 18 bits per stem once separators are ignored — at the low end
of Perito et al.'s estimates (17–24 bits for common names such as "ladygaga",
about 40 for distinctive ones), so namesakes are if anything more frequent here.
A share of members pick a stock name from a short list, which makes clusters of
namesakes: different men, same stem, the confounder identity resolution must
not merge.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from safeguard.synth.rng import stream

if TYPE_CHECKING:
    from safeguard.synth.people import People

STOCK_NAMES = 0.05  # persons who pick a stock name from the short lists below
SUFFIXED = 0.35  # persons whose stem ends in a short suffix ("wolfharborx")
SUFFIXES = (
    *("x", "xx", "z", "man", "er", "jr", "one", "pro", "fan", "hq"),
    *("xl", "ito", "ster", "o", "y", "ie", "inho", "ek", "sky", "son"),
)
_STOCK = (
    *("mike", "tom", "alex", "sam", "chris", "nick", "dan", "max", "leo", "ben"),
    *("wolf", "fox", "bear", "hawk", "river", "stone", "blue", "dark", "silent", "lucky"),
    *("happy", "old", "night", "storm", "ice", "red", "green", "grey", "tiger", "eagle"),
    *("jack", "paul", "marc", "jan", "piet", "hans", "luca", "pablo", "pierre", "joao"),
    "piotr",
)


@cache
def words() -> dict[str, tuple[str, ...]]:
    """The sections of data/name_words.txt: ``first`` and ``second`` words."""
    out: dict[str, list[str]] = {}
    section = ""
    text = (Path(__file__).parent / "data" / "name_words.txt").read_text()
    for line in (raw.strip() for raw in text.splitlines()):
        if line.startswith("["):
            section = line.strip("[]")
            out[section] = []
        elif line and not line.startswith("#"):
            out[section].extend(line.split())
    return {k: tuple(v) for k, v in out.items()}


def stem(seed: int, person: int) -> str:
    """The name stem a person builds usernames, addresses and handles from."""
    r = stream(seed, "stem", person)
    sep = r.choice(("", "_", ".", ""))
    if r.random() < STOCK_NAMES:
        return r.choice(_STOCK) + sep + r.choice(_STOCK[10:30])
    w = words()
    suffix = r.choice(SUFFIXES) if r.random() < SUFFIXED else ""
    return r.choice(w["first"]) + sep + r.choice(w["second"]) + suffix


def usernames(people: People) -> list[str]:
    """Unique usernames; a person's later accounts are variations of the first."""
    out: list[str] = []
    seen: set[str] = set()
    for i in range(people.accounts):
        person = int(people.a_person[i])
        r = stream(people.seed, "username", i)
        base = stem(people.seed, person)
        variants = (
            base,
            base + str(r.randint(1, 99)),
            base.replace("o", "0"),
            base.title(),
            base + str(r.randint(1960, 1995)),
            base.replace("e", "3") + "_",
        )
        name = (
            variants[int(people.a_nth[i]) % len(variants)]
            if r.random() < 0.7
            else r.choice(variants)
        )
        while name.lower() in seen:
            name = f"{name}{r.randint(0, 9)}"
        seen.add(name.lower())
        out.append(name)
    return out
