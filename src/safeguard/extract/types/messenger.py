"""Messenger handles, each in its service's real format.

Most handle formats (a short word) are only evidence when a service keyword
introduces them ("telegram @name", "icq: 123456"); the keyword may be written
in leetspeak (``t3l3gr4m``), which makes the match a de-obfuscated one. Session
IDs (``05`` + 64 hex) and Skype ``live:`` IDs are distinctive on their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from safeguard.extract.types.base import Match, SelectorType, keyword_method, leet_pattern

# Cheap gate before the regexes: fold case and leet digits onto letters (merging
# some letters, which only lets more texts through) and look for keywords with
# plain substring search, which is far faster than a regex scan per type.
_GATE = bytes.maketrans(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZ4@31!l05$79y8", b"abcdefghijklmnopqrstuvwxyzaaeiiiosstgtb"
)  # 9 folds onto g (leet "s19n4l"), as base._LEET has it


@lru_cache(maxsize=2)  # every keyword type gates the same text in a row
def _fold(text: str) -> bytes:
    return text.encode("utf-8", "replace").translate(_GATE)


# Between keyword and handle: a few separators and up to two filler words
# ("jabber is <mailto:x@y>" is how ingest renders a linked address after "is").
# A filler is a whole word: "kik nickriver92" / "nick-river92" are handles, not "river92".
_GAP = (
    r"[\s:=#<>\-–(\[]{1,4}"
    r"(?:(?:(?:is|id|me|name|nick|user)(?![\w.\-])|mailto:)[\s:=\-<]{0,3}){0,2}"
)


class KeywordHandle(SelectorType):
    """A handle of ``pattern`` written right after one of ``keywords``."""

    keywords: tuple[str, ...] = ()
    pattern = ""
    flags: int = re.IGNORECASE
    lower = True

    def __init__(self) -> None:
        words = "|".join(leet_pattern(k) for k in self.keywords)
        self._rx = re.compile(
            rf"(?<![^\W_])({words}){_GAP}({self.pattern})(?![\w@.-]|\.\w)", self.flags
        )
        self._rx_kw = re.compile(rf"(?:{words})", re.IGNORECASE)
        self._rx_value = re.compile(self.pattern, self.flags)
        self._gate = tuple(sorted({_fold(k) for k in self.keywords}))

    def gated(self, text: str) -> bool:
        """False when no keyword can occur in ``text`` (the regex scan is skipped)."""
        folded = _fold(text)
        return any(k in folded for k in self._gate)

    def find(self, text: str) -> Iterator[Match]:
        if not self.gated(text):
            return
        for m in self._rx.finditer(text):
            if not self._rx_kw.fullmatch(m.group(1)):
                continue
            value = m.group(2)
            if self.validate(value):
                method, conf = keyword_method(m.group(1), self.keywords)
                yield self.match(text, m.start(2), m.end(2), method=method, confidence=conf)

    def validate(self, value: str) -> bool:
        return self._rx_value.fullmatch(value) is not None

    def normalise(self, value: str) -> str:
        return value.strip().lower() if self.lower else value.strip()


class Telegram(KeywordHandle):
    name = "telegram"
    keywords = ("telegram", "tg", "tele")
    pattern = r"@?[a-z][a-z0-9_]{4,31}"

    def validate(self, value: str) -> bool:
        # "my telegram account" is not a handle: want the @ or a digit/underscore
        has_mark = value.startswith("@") or any(c.isdigit() or c == "_" for c in value)
        return has_mark and super().validate(value)

    def find(self, text: str) -> Iterator[Match]:
        yield from super().find(text)
        if "t.me/" not in text.lower():
            return
        for m in _TME.finditer(text):
            yield self.match(text, m.start(1), m.end(1))

    def normalise(self, value: str) -> str:
        return "@" + value.strip().lstrip("@").lower()


_TME = re.compile(r"(?<![\w.])t\.me/([a-z][a-z0-9_]{4,31})(?![\w])", re.IGNORECASE)


class Icq(KeywordHandle):
    name = "icq"
    keywords = ("icq",)
    pattern = r"[1-9]\d{4,8}"


class Jabber(KeywordHandle):
    name = "jabber"
    keywords = ("jabber", "xmpp", "jid")
    pattern = r"[\w.+-]{1,64}@(?:[a-z0-9-]{1,63}\.){1,6}[a-z]{2,24}"
    supersedes = ("email",)


class Kik(KeywordHandle):
    name = "kik"
    keywords = ("kik",)
    pattern = r"[a-z][a-z0-9._]{1,19}"


class Wickr(KeywordHandle):
    name = "wickr"
    keywords = ("wickr", "wickr me", "wickrme")
    pattern = r"[a-z][a-z0-9._-]{4,31}"


class Threema(KeywordHandle):
    """Threema IDs: 8 characters of upper-case letters and digits, as written."""

    name = "threema"
    keywords = ("threema",)
    pattern = r"[A-Z0-9*][A-Z0-9]{7}"
    flags = 0  # IDs are upper case; "threema birthday" is not an ID
    lower = False

    def __init__(self) -> None:
        super().__init__()
        # keyword case-insensitive, ID case-sensitive
        words = "|".join(leet_pattern(k) for k in self.keywords)
        self._rx = re.compile(rf"(?<![^\W_])((?i:{words})){_GAP}({self.pattern})(?![\w@.-])")


class Signal(KeywordHandle):
    """Signal usernames (``nickname.42``); Signal phone numbers are found as phones."""

    name = "signal"
    keywords = ("signal",)
    pattern = r"[a-z_][a-z0-9_]{2,31}\.\d{2,9}"


class WhatsApp(KeywordHandle):
    """WhatsApp accounts are phone numbers; only ``+`` international form here."""

    name = "whatsapp"
    keywords = ("whatsapp", "whats app", "wa")
    pattern = r"\+\d[\d ]{6,18}\d"

    def normalise(self, value: str) -> str:
        return "+" + "".join(c for c in value if c.isdigit())


class Discord(KeywordHandle):
    """New-style names (2–32 of a-z0-9_.) with a digit, '_' or '.', or legacy name#1234."""

    name = "discord"
    keywords = ("discord",)
    pattern = r"[a-z0-9_.]{2,32}(?:#\d{4})?"

    def validate(self, value: str) -> bool:
        return super().validate(value) and any(c in value for c in "0123456789_.#")


class Snapchat(KeywordHandle):
    name = "snapchat"
    keywords = ("snapchat",)
    pattern = r"[a-z][a-z0-9._-]{2,14}"


_SESSION = re.compile(r"(?<![0-9A-Za-z])05[0-9a-fA-F]{64}(?![0-9A-Za-z])")
_SKYPE_LIVE = re.compile(
    r"(?<![\w.])live:(?:\.cid\.[0-9a-f]{16}|[a-z][a-z0-9._-]{1,31})(?![\w-])", re.I
)


class Session(SelectorType):
    name = "session"

    def find(self, text: str) -> Iterator[Match]:
        if "05" not in text:
            return
        for m in _SESSION.finditer(text):
            yield self.match(text, m.start(), m.end(), confidence=0.95)

    def validate(self, value: str) -> bool:
        return _SESSION.fullmatch(value) is not None

    def normalise(self, value: str) -> str:
        return value.strip().lower()


class Skype(KeywordHandle):
    """``live:`` IDs anywhere; classic Skype names (6–32) only after the keyword."""

    name = "skype"
    keywords = ("skype",)
    pattern = r"live:(?:\.cid\.[0-9a-f]{16}|[a-z][a-z0-9._-]{1,31})|[a-z][a-z0-9._-]{4,30}[a-z0-9]"

    def find(self, text: str) -> Iterator[Match]:
        seen = set()
        for match in super().find(text):
            seen.add(match.start)
            yield match
        if "live:" not in text.lower():
            return
        for m in _SKYPE_LIVE.finditer(text):
            if m.start() not in seen:
                yield self.match(text, m.start(), m.end(), confidence=0.9)

    def validate(self, value: str) -> bool:
        # a plain word after "skype" ("skype later") is not a name: want a digit or punctuation
        return super().validate(value) and any(not c.isalpha() for c in value)
