"""Normalising stored values: IP addresses in every storage form, password-hash formats,
PHP-serialized recipient lists.

All functions are pure, total (they return ``None`` instead of raising on
garbage) and are registered as SQL functions by :mod:`safeguard.engine.functions`.
"""

from __future__ import annotations

import ipaddress
import re

import phpserialize

_HEX_IP = re.compile(r"0x([0-9a-fA-F]{8}|[0-9a-fA-F]{32})")
_INT_IP = re.compile(r"-?[0-9]{1,10}")


def _ip_str(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return str(ip.ipv4_mapped)
    return str(ip)


def ip_from_bytes(raw: bytes | None) -> str | None:
    """Packed 4 or 16 bytes (inet_pton) → text; other lengths are tried as text."""
    if raw is None:
        return None
    if len(raw) in (4, 16):
        return _ip_str(ipaddress.ip_address(raw))
    try:
        return ip_from_text(raw.decode("ascii"))
    except UnicodeDecodeError:
        return None


def ip_from_text(raw: str | None) -> str | None:
    """Dotted/colon text, ip2long integers (signed too) or 0x-hex → normalised text.

    Empty strings, zero addresses and anything unparseable give ``None``.
    """
    if raw is None:
        return None
    text = raw.strip()
    if not text:
        return None
    if "%" in text:  # IPv6 zone id: not part of the address
        text = text.split("%", 1)[0]
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address | None
    try:
        ip = ipaddress.ip_address(text)
    except ValueError:
        ip = _ip_from_number(text)
    if ip is None:
        return None
    if ip.is_unspecified:
        return None
    return _ip_str(ip)


def _ip_from_number(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    if m := _HEX_IP.fullmatch(text):
        return ipaddress.ip_address(bytes.fromhex(m.group(1)))
    if _INT_IP.fullmatch(text):
        value = int(text)
        if value < 0:
            value += 2**32  # ip2long on 32-bit PHP, or a signed INT column
        if 0 < value < 2**32:
            return ipaddress.IPv4Address(value)
    return None


_SCHEMES = (
    (re.compile(r"\$H\$|\$P\$"), "phpass"),
    (re.compile(r"\$2[abxy]\$"), "bcrypt"),
    (re.compile(r"\$argon2(id|i|d)\$"), "argon2"),
    (re.compile(r"\$pbkdf2-sha256\$"), "pbkdf2-sha256"),
    (re.compile(r"\$CP\$"), "phpbb-converted"),
    (re.compile(r'a:1:\{s:4:"hash"'), "xenforo-serialized-bcrypt"),
)


def password_scheme(hash_value: str | None, salt: str | None = None) -> str | None:
    """Name the stored password-hash format, so a later stage knows if equality is meaningful.

    ``unsalted`` formats (plain md5/sha1 hex without a separate salt) may link
    accounts across sites; salted ones only identify copies of one account.
    """
    if not hash_value:
        return None
    for pattern, name in _SCHEMES:
        if pattern.match(hash_value):
            return name
    hexlen = len(hash_value) if re.fullmatch(r"[0-9a-fA-F]+", hash_value) else 0
    kind = {32: "md5", 40: "sha1", 64: "sha256"}.get(hexlen, "unknown")
    return f"{kind}-salted" if salt else f"{kind}-unsalted"


def recipients(value: str | bytes | None, fmt: str) -> list[dict[str, str]]:
    """Recipient user ids and kinds from a stored recipient list.

    ``fmt``: ``phpbb`` ("u_2:u_5:g_7", groups skipped), ``vbulletin``
    (serialized ``touserarray``: flat ``{uid: name}`` or ``{"cc": …, "bcc": …}``),
    ``mybb`` (serialized ``{"to": [uids], "bcc": [uids]}``), ``csv`` ("2,5").
    Garbage gives an empty list.
    """
    if value is None:
        return []
    raw = value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")
    if fmt == "phpbb":
        text = raw.decode("utf-8", "replace")
        return [{"uid": p[2:], "kind": "to"} for p in text.split(":") if p.startswith("u_")]
    if fmt == "csv":
        text = raw.decode("utf-8", "replace")
        return [{"uid": p.strip(), "kind": "to"} for p in text.split(",") if p.strip()]
    try:
        data = phpserialize.loads(raw, decode_strings=False)
    except Exception:
        return []
    return _php_recipients(data, fmt)


def _php_recipients(data: object, fmt: str) -> list[dict[str, str]]:
    if not isinstance(data, dict):
        return []
    out: list[dict[str, str]] = []
    groups = {k.decode() if isinstance(k, bytes) else str(k): v for k, v in data.items()}
    if not set(groups) & {"to", "cc", "bcc"}:  # vBulletin 3 flat {uid: name}
        groups = {"to": data}
    for kind in ("to", "cc", "bcc"):
        members = groups.get(kind)
        if not isinstance(members, dict):
            continue
        for key, val in members.items():
            uid = val if fmt == "mybb" else key
            uid_text = uid.decode("utf-8", "replace") if isinstance(uid, bytes) else str(uid)
            out.append({"uid": uid_text, "kind": kind})
    return out
