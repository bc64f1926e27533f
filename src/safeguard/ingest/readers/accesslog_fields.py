"""Field conversions for :mod:`safeguard.ingest.readers.accesslog`.

Logs repeat the same client addresses and the same second many times, so the
address and time conversions are memoised in small bounded caches: that is
what keeps the reader fast.
"""

from __future__ import annotations

import ipaddress
import re
from datetime import datetime, timedelta

from safeguard.ingest.readers.base import Problem
from safeguard.ingest.readers.linestream import ProblemTally

# groups of the line regex that servers escape: user, request, referer, agent, xff
_ESCAPED = frozenset((3, 5, 8, 9, 10))
_ESCAPE = re.compile(rb"\\(x[0-9A-Fa-f]{2}|[\"\\])")
_TIME = re.compile(r"(\d{1,2})/([A-Za-z]{3})/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})")
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_IPV4 = re.compile(rf"{_OCTET}(?:\.{_OCTET}){{3}}")
_CACHE_MAX = 1 << 16
_ip_cache: dict[str, tuple[str | None, str | None, str | None]] = {}
_time_cache: dict[str, tuple[str | None, str | None]] = {}


def decode_line(
    line: bytes, offset: int, tally: ProblemTally, problems: list[Problem | None]
) -> str:
    """The line as text; bad UTF-8 and NUL become U+FFFD, reported as repairs."""
    try:
        text = line.decode()
    except UnicodeDecodeError:
        text = line.decode(errors="replace")
        message = "invalid UTF-8 replaced by U+FFFD"
        problems.append(tally.add("encoding", message, offset, "repair"))
    if "\0" in text:
        text = text.replace("\0", "\ufffd")
        problems.append(tally.add("nul-byte", "NUL replaced by U+FFFD", offset, "repair"))
    return text


def unescape_fields(groups: tuple[str | None, ...]) -> tuple[str | None, ...]:
    """Undo the server's ``\\xHH`` / ``\\"`` / ``\\\\`` escapes in the escaped fields."""
    return tuple(
        _unescape(g) if i in _ESCAPED and g is not None and "\\" in g else g
        for i, g in enumerate(groups)
    )


def _unescape(value: str) -> str:
    # \xHH are bytes (nginx escapes each byte of UTF-8 text), so work on bytes
    raw = _ESCAPE.sub(_unescape_one, value.encode())
    return raw.decode(errors="replace").replace("\0", "\ufffd")


def _unescape_one(m: re.Match[bytes]) -> bytes:
    code = m.group(1)
    return bytes((int(code[1:], 16),)) if code[:1] == b"x" else code


def normalise_ip(token: str) -> tuple[str | None, str | None, str | None]:
    """``(client_ip, client_raw, note)``: note is a problem message or ``None``."""
    hit = _ip_cache.get(token)
    if hit is None:
        hit = _normalise_ip(token)
        if len(_ip_cache) >= _CACHE_MAX:
            _ip_cache.clear()
        _ip_cache[token] = hit
    return hit


def _normalise_ip(token: str) -> tuple[str | None, str | None, str | None]:
    if _IPV4.fullmatch(token):
        return token, None, None  # canonical dotted quad already: the common case
    bare = token[1:-1] if token.startswith("[") and token.endswith("]") else token
    address, zone, _ = bare.partition("%")
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        if re.fullmatch(r"[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})", token):
            return None, token, None  # a host name (HostnameLookups On)
        return None, token, "client address is neither an IP address nor a host name"
    if zone or "%" in bare:
        return str(ip), token, "client address carries an IPv6 zone id; zone removed"
    return str(ip), None, None


def to_utc(raw: str) -> tuple[str | None, str | None]:
    """``(time_utc, utc_offset)`` for a ``10/Oct/2000:13:55:36 -0700`` time."""
    hit = _time_cache.get(raw)
    if hit is None:
        hit = _to_utc(raw)
        if len(_time_cache) >= _CACHE_MAX:
            _time_cache.clear()
        _time_cache[raw] = hit
    return hit


def _to_utc(raw: str) -> tuple[str | None, str | None]:
    m = _TIME.fullmatch(raw)
    month = _MONTHS.get(m.group(2).lower(), 0) if m else 0
    if m is None or not month:
        return None, None
    day, _, year, hh, mm, ss, sign, oh, om = m.groups()
    try:
        local = datetime(int(year), month, int(day), int(hh), int(mm), int(ss))
        shift = timedelta(hours=int(oh), minutes=int(om))
        utc = local - shift if sign == "+" else local + shift
    except (ValueError, OverflowError):
        return None, None
    return utc.isoformat(), f"{sign}{oh}{om}"


def split_request(request: str) -> tuple[str | None, str | None, str | None]:
    """``(method, path, protocol)`` of a request line, ``None`` parts if it is not one."""
    parts = request.split(" ")
    if len(parts) == 3 and parts[2][:5] == "HTTP/" and parts[0].isalpha():
        return parts[0], parts[1], parts[2]  # the common case, tested first
    if len(parts) == 3 and parts[0].isalpha() and parts[2].startswith("HTTP/"):
        return parts[0], parts[1], parts[2]
    if len(parts) == 2 and parts[0].isalpha():
        return parts[0], parts[1], None
    return None, None, None
