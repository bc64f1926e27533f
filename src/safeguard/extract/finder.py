"""Run every selector type over a text: the extraction entry point.

``find(text)`` returns matches sorted by position, each with the span it came
from in ``text``. Matches only visible after de-obfuscation carry method
``deobfuscated`` and a lower confidence. Time is linear in ``len(text)``: each
type's regex is linear and the text is scanned a constant number of times.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from safeguard.extract import deobfuscate
from safeguard.extract.types.base import DEOBFUSCATED, Match, SelectorType
from safeguard.extract.types.phone import REGION_ASSUMED
from safeguard.extract.types.registry import all_types

# How much less we trust a value we had to reconstruct.
DEOBFUSCATION_FACTOR = 0.75


def find(
    text: str, region: str | None = None, types: Sequence[SelectorType] | None = None
) -> list[Match]:
    """All selector matches in ``text``; ``region`` is the default phone region
    (numbers read with it are flagged ``region_assumed:CC``)."""
    kinds = list(types) if types is not None else all_types(region)
    found = [m for t in kinds for m in t.find(text)]
    rewritten = deobfuscate.rewrite(text)
    if rewritten.changed:
        found += _deobfuscated(text, rewritten, kinds, found)
    return sorted(_supersede(found, kinds), key=lambda m: (m.start, m.end, m.type))


def _deobfuscated(
    text: str, rw: deobfuscate.Rewritten, kinds: Sequence[SelectorType], plain: list[Match]
) -> list[Match]:
    # every occurrence counts, but not twice: skip what the plain pass found there
    seen: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for p in plain:
        seen.setdefault((p.type, p.normalised), []).append((p.start, p.end))
    out: list[Match] = []
    for t in kinds:
        for m in t.find(rw.text):
            start, end, touched = rw.span(m.start, m.end)
            if not touched and text[start:end] == m.value:
                continue  # unchanged text: the plain pass judged it already
            if _overlaps(seen.get((m.type, m.normalised), []), start, end):
                continue
            if m.type in _ADDRESS_TYPES and not _plausible_address(text, start, m.normalised):
                continue
            conf = round(m.confidence * DEOBFUSCATION_FACTOR, 3)
            out.append(
                Match(
                    m.type, text[start:end], m.normalised, start, end, DEOBFUSCATED, conf, m.flags
                )
            )
    return out


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True if ``[start, end)`` overlaps one of ``spans`` (sorted, non-overlapping)."""
    i = bisect.bisect_left(spans, (end, -1))
    return i > 0 and spans[i - 1][1] > start


_ADDRESS_TYPES = ("email", "jabber")
_MARKED = re.compile(r"[@＠\[({<]")  # full-width ＠ is as deliberate as @
_CONTACT_WORD = re.compile(r"m[a4][i1]l|c[o0]nt[a4]ct|wr[i1]t[e3]|\badd\b|j[a4]bb[e3]r|xmpp", re.I)


def _plausible_address(text: str, start: int, normalised: str) -> bool:
    """Bare "x at y dot z" is also ordinary prose ("I was at home dot it was"):
    accept it only with a contact word just before it or an address-like local part."""
    if _MARKED.search(text, start, start + len(normalised) + 40):
        return True  # [at], (at), @ … are deliberate
    local = normalised.partition("@")[0]
    if any(c.isdigit() or c in "._" for c in local):
        return True
    return _CONTACT_WORD.search(text, max(0, start - 40), start) is not None


def _supersede(found: list[Match], kinds: Sequence[SelectorType]) -> list[Match]:
    """Drop matches another type claims (a Jabber ID is not also an e-mail), and
    pieces of a de-obfuscated selector ("yahoo.co" inside "bob at yahoo.co dot uk")."""
    claims = {
        (other, m.normalised)
        for t in kinds
        for m in found
        if m.type == t.name
        for other in t.supersedes
    }
    kept = [m for m in found if (m.type, m.normalised) not in claims]
    deob = sorted((m.start, m.end, m.type, m.normalised) for m in kept if m.method == DEOBFUSCATED)
    kept = [m for m in kept if not _inside(m, deob)]
    if not any(_assumed(m) for m in kept):
        return kept
    # A number read with an assumed country code yields to any other selector on or
    # around its span ("icq 481200771" is also a valid Polish number; the last groups
    # of a PGP fingerprint are not a Norwegian one) — unless it is the same value
    # (a WhatsApp number is that phone number).
    others = [(m.start, m.end, m.normalised) for m in kept if not _assumed(m)]
    return [
        m
        for m in kept
        if not (_assumed(m) and any(a <= m.start and m.end <= b and v != m.normalised
                                    for a, b, v in others))
    ]  # fmt: skip


def _assumed(m: Match) -> bool:
    return any(f.startswith(REGION_ASSUMED) for f in m.flags)


def _inside(m: Match, spans: list[tuple[int, int, str, str]]) -> bool:
    """True if ``m`` lies inside a de-obfuscated match of another type and value
    (a match of the same value is the same selector read two ways, not a piece)."""
    i = bisect.bisect_right(spans, (m.start, 1 << 62, "~", ""))
    for start, end, kind, value in spans[max(0, i - 8) : i]:  # few overlap one point
        if (
            kind != m.type
            and value != m.normalised
            and start <= m.start
            and m.end <= end
            and (start, end) != (m.start, m.end)
        ):
            return True
    return False
