"""Undo the usual ways people hide selectors from filters, keeping offsets.

``rewrite(text)`` returns one candidate string in which

- look-alike characters are folded to ASCII one for one (full-width digits and
  letters, Cyrillic/Greek homoglyphs such as Cyrillic ``а``);
- ``[at]``, ``(at)``, ``{at}``, `` at `` (and leet ``4t``) become ``@``, and the
  same forms of ``dot`` become ``.``;
- digit groups split by single spaces or dashes (``+ 4 9 1 5 …``,
  ``123-456-789``, a Session ID in groups) are joined when the groups are of
  one length (so dates such as ``2010-05-12`` stay apart);

with a map from every span of the rewritten string back to the original. The
finder runs every type over it; a match that touches a rewritten piece is a
de-obfuscated match. Every pattern is linear (bounded repetitions only).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_HOMOGLYPHS = dict(zip(
    "аеорсухіјѕԁһӏАВЕКМНОРСТХІЈЅαοντχΑΒΕΗΙΚΜΝΟΡΤΧΥΖ",
    "aeopcyxijsdhlABEKMHOPCTXIJSaovtxABEHIKMNOPTXYZ",
    strict=True,
))  # fmt: skip
_FOLD = str.maketrans({**{chr(0xFF01 + i): chr(0x21 + i) for i in range(94)}, **_HOMOGLYPHS})

_REWRITE = re.compile(
    r"(?P<at>[ \t]{0,3}[\[({<][ \t]{0,2}(?:at|4t|@)[ \t]{0,2}[\])}>][ \t]{0,3}"
    r"|(?<=[^\W_]) (?:at|4t) (?=[^\W_]))"
    r"|(?P<dot>[ \t]{0,3}[\[({<][ \t]{0,2}(?:dot|d0t|\.)[ \t]{0,2}[\])}>][ \t]{0,3}"
    r"|(?<=[^\W_]) (?:dot|d0t) (?=[^\W_]))"
    r"|(?P<run>(?<![\w+])(?:\+ ?)?[0-9a-fA-F]{1,16}(?:[ -][0-9a-fA-F]{1,16}){1,40}(?![\w]))",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[0-9a-fA-F]{1,16}")


@dataclass(frozen=True, slots=True)
class Rewritten:
    """A rewritten text and its pieces: (new_start, orig_start, orig_end, verbatim)."""

    text: str
    pieces: tuple[tuple[int, int, int, bool], ...]
    changed: bool
    starts: tuple[int, ...] = ()  # new_start of each piece, for bisect

    def span(self, start: int, end: int) -> tuple[int, int, bool]:
        """Original span of rewritten ``[start, end)`` and whether it touches a rewrite."""
        starts = self.starts or tuple(p[0] for p in self.pieces)
        i = bisect.bisect_right(starts, start) - 1
        j = bisect.bisect_right(starts, max(end - 1, start)) - 1
        touched = any(not p[3] for p in self.pieces[i : j + 1])
        ns, os_, _, verb = self.pieces[i]
        o_start = os_ + (start - ns) if verb else os_
        ns, os_, oe, verb = self.pieces[j]
        o_end = os_ + (end - ns) if verb else oe
        return o_start, o_end, touched


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pieces: list[tuple[int, int, int, bool]] = []
        self.size = 0

    def add(self, new: str, orig_start: int, orig_end: int, verbatim: bool) -> None:
        if orig_end > orig_start or new:
            self.pieces.append((self.size, orig_start, orig_end, verbatim))
            self.parts.append(new)
            self.size += len(new)


def rewrite(text: str) -> Rewritten:
    """One de-obfuscated candidate of ``text`` with its offset map (see module doc)."""
    folded = text if text.isascii() else text.translate(_FOLD)
    if not _may_rewrite(folded):
        return Rewritten(folded, ((0, 0, len(text), True),), folded != text)
    out = _Builder()
    pos, changed = 0, folded != text
    for m in _REWRITE.finditer(folded):
        out.add(folded[pos : m.start()], pos, m.start(), True)
        if m.lastgroup == "run":
            changed |= _join_run(folded, m.start(), m.end(), out)
        else:
            out.add("@" if m.lastgroup == "at" else ".", m.start(), m.end(), False)
            changed = True
        pos = m.end()
    out.add(folded[pos:], pos, len(folded), True)
    starts = tuple(p[0] for p in out.pieces)
    return Rewritten("".join(out.parts), tuple(out.pieces), changed, starts)


_MARKERS = ("at", "dot", "d0t", "4t", "@")
# A digit-bearing group (the digit may precede hex letters: "05bc3c8eeea 3611…")
# followed by a separator and another group: a necessary condition for a run.
_SPLIT_DIGITS = re.compile(r"\d[0-9a-fA-F]{0,15}[ -][0-9a-fA-F]")


def _may_rewrite(text: str) -> bool:
    """Cheap test that ``_REWRITE`` can match (saves its scan on most texts)."""
    low = text.lower()
    if any(pre + "." in low for pre in "[({<"):
        return True  # bracketed dot: "example[.]org", "78[.]46[.]77[.]111"
    for word in _MARKERS:
        for pre in " [({<":
            if pre + word in low:
                return True
    return _SPLIT_DIGITS.search(text) is not None


def _join_run(text: str, start: int, end: int, out: _Builder) -> bool:
    """Join the digit-bearing groups of a run when they look like one split number."""
    tokens = list(_TOKEN.finditer(text, start, end))
    lengths = [len(t.group()) for t in tokens]
    regular = len(set(lengths[:-1])) == 1 and lengths[-1] <= lengths[0]
    if not regular or not all(any(c.isdigit() for c in t.group()) for t in tokens):
        out.add(text[start:end], start, end, True)
        return False
    prefix = "+" if text[start] == "+" else ""
    out.add(prefix + "".join(t.group() for t in tokens), start, end, False)
    return True
