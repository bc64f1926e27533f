"""Text helpers for the mail reader: headers, addresses, dates, Received, HTML.

Everything here takes hostile input and never raises on it: a function that
cannot decode something falls back to a lossless-as-possible text and says so
through its return value.
"""

from __future__ import annotations

import ipaddress
import re
from datetime import UTC
from email.header import Header, decode_header
from email.utils import getaddresses, parsedate_to_datetime
from html.parser import HTMLParser

_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_UNFOLD = re.compile(r"\r?\n(?=[ \t])")
_BY = re.compile(r"(?i)\sby\s")
_BRACKET_IP = re.compile(r"\[(?:IPv6:)?([0-9A-Fa-f:.]+)\]")
_BARE_IPV4 = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])")
_BLOCK_TAGS = frozenset(("br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"))


def header_text(value: str | Header | None) -> tuple[str | None, bool]:
    """Decode RFC 2047 encoded words; ``(text, ok)`` where ``ok`` is False if lossy."""
    if value is None:
        return None, True
    try:
        parts = decode_header(value)
    except Exception:
        return str(value), False
    out: list[str] = []
    ok = True
    for part, charset in parts:
        if isinstance(part, str):
            out.append(part)
            continue
        try:
            out.append(part.decode(charset or "raw-unicode-escape"))
        except (LookupError, UnicodeDecodeError):
            out.append(part.decode("utf-8", "replace"))
            ok = False
    return no_surrogates("".join(out)), ok


def no_surrogates(text: str) -> str:
    """``text`` safe to encode as UTF-8: raw header bytes (kept by the parser as
    surrogate escapes) are decoded as UTF-8 with replacement, lone surrogates replaced."""
    if text.isascii():
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")


def unfold(value: str) -> str:
    """A header value with its line folding removed (whitespace kept)."""
    return _UNFOLD.sub("", value)


def addresses(values: list[str]) -> list[tuple[str, str]]:
    """``(display_name, lower-cased address)`` pairs of address headers."""
    try:
        pairs = getaddresses([unfold(v) for v in values])
    except Exception:
        return []
    out = []
    for name, addr in pairs:
        if not addr:
            continue
        decoded, _ = header_text(name) if name else ("", True)
        out.append((decoded or "", addr.strip().lower()))
    return out


def date_utc(raw: str | None) -> str | None:
    """An RFC 5322 date as ``YYYY-MM-DDTHH:MM:SS`` UTC; ``None`` if it does not parse.

    A date without a zone (or ``-0000``) is taken as UTC, as RFC 5322 says.
    """
    if not raw:
        return None
    try:
        when = parsedate_to_datetime(raw)
        if when.tzinfo is not None:
            when = when.astimezone(UTC).replace(tzinfo=None)
        return when.isoformat(timespec="seconds")
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def received_ips(received: list[str]) -> list[str]:
    """IPs named in the ``from`` clause of each Received header, in header order."""
    out: list[str] = []
    for value in received:
        clause = _BY.split(value, maxsplit=1)[0]
        found = _BRACKET_IP.findall(clause) or _BARE_IPV4.findall(clause)
        hop: list[str] = []
        for token in found:
            ip = normalise_ip(token)
            if ip is not None and ip not in hop:
                hop.append(ip)
        out.extend(hop)
    return out


def normalise_ip(token: str) -> str | None:
    """``token`` as :mod:`ipaddress` prints it, or ``None`` if it is no IP."""
    try:
        return str(ipaddress.ip_address(token.strip().strip("[]")))
    except ValueError:
        return None


def has_bidi(text: str) -> bool:
    """True if ``text`` holds a bidirectional control (a file-name spoofing trick)."""
    return _BIDI.search(text) is not None


class _TextOnly(HTMLParser):
    """Collects text nodes; skips script and style; nothing is fetched or run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.chunks.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        elif tag in _BLOCK_TAGS:
            self.chunks.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.chunks.append(data)


def html_to_text(html: str) -> str:
    """Plain text of an HTML body: tags stripped, blank lines squeezed."""
    parser = _TextOnly()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: S110 - keep what was collected from broken markup
        pass
    lines = (" ".join(line.split()) for line in "".join(parser.chunks).splitlines())
    return "\n".join(line for line in lines if line)
