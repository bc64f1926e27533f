"""A declared location ("Berlin", "Paris, Texas", "near Munich") → country, when unambiguous.

The gazetteer ``data/places.csv`` holds country names in the forum's languages
and native forms, ISO codes, regions and the largest cities of the members'
countries. Matching is case- and accent-insensitive, on whole words, longest
phrase first ("New York" before "York"). Each matched phrase gives the set of
countries it can mean; then:

- the country common to every phrase wins ("Hamilton, New Zealand" → NZ);
- on a conflict the phrase written last wins, as people write from the small
  place to the large one ("Paris, Texas" → US, "London, Ontario" → CA);
- anything else is ambiguous: ``country`` is None and ``candidates`` lists the
  possibilities ("Georgia" → GE or US; "Paris, Georgia" → GE or US, the last
  phrase deciding the conflict; "Springfield" is not in the data → None).

Two-letter codes count only when they are the whole field written in capitals
("DE"): after a city they are usually US states ("Little Rock, AR" is not
Argentina), and a bare "CA", "AR" or "IL" stays ambiguous with the US state.
Only the first ``MAX_CHARS`` characters are read.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "places.csv"
MAX_CHARS = 200
_PARTS = re.compile(r"[,;/|()\[\]\n]+")
_NON_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Place:
    """What a declared location says about the country."""

    country: str | None  # ISO 3166-1 alpha-2 when exactly one country fits
    candidates: tuple[str, ...]  # every country the matched names allow
    matched: tuple[str, ...]  # the normalised phrases that matched, in order


def normalise(text: str) -> str:
    """Casefolded, accents removed, punctuation turned into single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", bare.casefold()).strip()


@cache
def gazetteer(
    path: Path = DATA,
) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]], int]:
    """(phrase → countries, code → countries, longest phrase in words) from ``places.csv``."""
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    names: dict[str, set[str]] = defaultdict(set)
    codes: dict[str, set[str]] = defaultdict(set)
    for row in csv.DictReader(io.StringIO("\n".join(lines))):
        for name in (n.strip() for n in row["names"].split(";")):
            if name and row["kind"] == "code":
                codes[name].add(row["country"])
            elif name:
                names[normalise(name)].add(row["country"])
    longest = max(len(p.split()) for p in names)
    return _freeze(names), _freeze(codes), longest


def _freeze(table: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in table.items()}


def _phrases(part: str) -> list[tuple[str, frozenset[str]]]:
    """Gazetteer phrases in one part of the location, longest first, left to right."""
    names, _, longest = gazetteer()
    words = normalise(part).split()
    found = []
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + size])
            if phrase in names:
                found.append((phrase, names[phrase]))
                i += size
                break
        else:
            i += 1
    return found


def _codes(raw: str) -> list[tuple[str, frozenset[str]]]:
    """ISO codes written in capitals: three letters anywhere, two only as the whole field."""
    _, codes, _ = gazetteer()
    whole = raw.strip().rstrip(".")
    if len(whole) == 2 and whole in codes:
        return [(whole, codes[whole])]
    tokens = _NON_WORD.split(raw)
    return [(t, codes[t]) for t in tokens if len(t) == 3 and t in codes]


def locate(text: str | None) -> Place | None:
    """Country of a declared location; None when no known place name occurs in it."""
    if not text:
        return None
    raw = text[:MAX_CHARS]
    found = [hit for part in _PARTS.split(raw) for hit in _phrases(part)]
    found += [hit for hit in _codes(raw) if hit[0].casefold() not in {p for p, _ in found}]
    if not found:
        return None
    sets = [countries for _, countries in found]
    common = frozenset.intersection(*sets)
    if not common:
        common = sets[-1]  # conflict: the larger unit, written last, wins
    country = next(iter(common)) if len(common) == 1 else None
    return Place(country, tuple(sorted(common)), tuple(p for p, _ in found))
