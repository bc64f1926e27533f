"""The contract every selector type follows, and the match it returns.

A type finds candidates with a linear regular expression (bounded repetitions,
no nested unbounded quantifiers), then validates each one in code (checksums,
numbering plans) so the regex can stay simple and fast on hostile input.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

TEXT = "text"
DEOBFUSCATED = "deobfuscated"

# Digit/letter substitutions people use to dodge keyword filters (t3l3gr4m).
_LEET = {
    "a": "a4@", "e": "e3", "i": "i1!", "o": "o0", "s": "s5$",
    "t": "t7", "l": "l1", "y": "y7", "g": "g9", "b": "b8",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Match:
    """One selector occurrence: ``text[start:end] == value`` in the searched text."""

    type: str
    value: str
    normalised: str
    start: int
    end: int
    method: str = TEXT
    confidence: float = 0.95
    flags: tuple[str, ...] = field(default=())


class SelectorType:
    """Base class: subclasses set ``name`` and implement ``find``/``validate``."""

    name = ""
    # Types whose matches of the same normalised value this type replaces
    # (a Jabber ID introduced by "jabber" is not also an e-mail address).
    supersedes: tuple[str, ...] = ()

    def find(self, text: str) -> Iterator[Match]:
        """Every valid occurrence in ``text``, with character spans."""
        raise NotImplementedError

    def validate(self, value: str) -> bool:
        """True if ``value`` is a well-formed selector of this type."""
        raise NotImplementedError

    def normalise(self, value: str) -> str:
        """The canonical form used to compare occurrences."""
        return value.strip()

    def match(self, text: str, start: int, end: int, **kw: object) -> Match:
        """A ``Match`` for ``text[start:end]`` (normalised by this type)."""
        value = text[start:end]
        return Match(self.name, value, self.normalise(value), start, end, **kw)  # type: ignore[arg-type]


def leet_pattern(word: str) -> str:
    """A regex matching ``word`` with common leetspeak substitutions."""
    parts = []
    for ch in word:
        alts = _LEET.get(ch, ch)
        parts.append("[" + re.escape(alts) + "]" if len(alts) > 1 else re.escape(ch))
    return "".join(parts)


def keyword_method(written: str, plain: tuple[str, ...]) -> tuple[str, float]:
    """Method and confidence given how a service keyword was written."""
    if written.lower() in plain:
        return TEXT, 0.9
    return DEOBFUSCATED, 0.7
