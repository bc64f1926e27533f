"""URLs and bare domain names. They are recorded, never fetched."""

from __future__ import annotations

import re
from collections.abc import Iterator

from safeguard.extract.types.base import Match, SelectorType
from safeguard.extract.types.tlds import ALL

_URL = re.compile(r"(?<![\w])(?:https?://|www\.)[^\s<>\"'\[\]{}]{1,2000}", re.IGNORECASE)
_DOMAIN = re.compile(
    r"(?<![\w@./:-])(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.){1,8}[a-z]{2,24}(?![\w-]|\.\w|@)",
    re.IGNORECASE,
)
# Country TLDs that are far more often file names in chatter (readme.md, setup.py).
_FILE_EXTENSIONS = frozenset({"md", "py", "sh", "rs", "ps", "pm"})
_TRAILING = ".,;:!?)'\""


class Url(SelectorType):
    name = "url"

    def find(self, text: str) -> Iterator[Match]:
        if "://" not in text and "www." not in text.lower():
            return
        for m in _URL.finditer(text):
            end = m.end()
            while end > m.start() and text[end - 1] in _TRAILING:
                end -= 1  # sentence punctuation after a link is not part of it
            if self.validate(text[m.start() : end]):
                yield self.match(text, m.start(), end, confidence=0.9)

    def validate(self, value: str) -> bool:
        host = _host(value)
        return "." in host and host.rsplit(".", 1)[-1] in ALL

    def normalise(self, value: str) -> str:
        host = _host(value)
        i = value.lower().find(host)
        scheme = "" if value.lower().startswith("http") else "http://"
        return scheme + value[:i].lower() + host + value[i + len(host) :]


def _host(value: str) -> str:
    rest = value.split("://", 1)[-1]
    return re.split(r"[/?#:]", rest, maxsplit=1)[0].lower()


class Domain(SelectorType):
    """Bare domain names (not inside URLs or e-mail addresses) with a known TLD."""

    name = "domain"

    def find(self, text: str) -> Iterator[Match]:
        for m in _DOMAIN.finditer(text):
            if m.group()[:4].lower() == "www.":
                continue  # "www.host/path" is a URL (the Url type reports it), not a bare domain
            if self.validate(m.group()):
                yield self.match(text, m.start(), m.end(), confidence=0.8)

    def validate(self, value: str) -> bool:
        labels = value.lower().split(".")
        tld = labels[-1]
        return (
            len(labels) >= 2
            and tld in ALL
            and tld not in _FILE_EXTENSIONS
            and not labels[-2].isdigit()
        )

    def normalise(self, value: str) -> str:
        return value.strip().lower()
