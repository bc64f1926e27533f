"""Tokens and literals of the PostgreSQL SQL that pg_dump writes.

Works on the bytes of one complete statement (see :mod:`pg_scan`). String
contents stay bytes here; the caller decodes them with the dump's
``client_encoding`` so that bad bytes can be reported per row.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_WS = rb"(?P<ws>(?:\s+|--[^\n]*|/\*(?:[^*]|\*(?!/))*\*/)+)"
_ESTR = rb"(?P<estr>[Ee]'[^'\\]*(?:(?:\\.|'')[^'\\]*)*')"
_STR_STD = rb"(?P<str>'[^']*(?:''[^']*)*')"
_STR_BACKSLASH = rb"(?P<str>'[^'\\]*(?:(?:\\.|'')[^'\\]*)*')"
_REST = (
    rb"""|(?P<qid>"[^"]*(?:""[^"]*)*")"""
    rb"|(?P<dollar>\$(?P<tag>[A-Za-z_\x80-\xff][A-Za-z0-9_\x80-\xff]*)?\$.*?\$(?P=tag)\$)"
    rb"|(?P<num>(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)"
    rb"|(?P<id>[A-Za-z_\x80-\xff][A-Za-z0-9_$\x80-\xff]*)"
    rb"|(?P<op>::|[(),;\[\].]|[-+*/<>=~!@#%^&|`?:]+)"
)
#: token patterns for standard_conforming_strings on / off
TOKEN_STD = re.compile(_WS + b"|" + _ESTR + b"|" + _STR_STD + _REST, re.S)
TOKEN_BACKSLASH = re.compile(_WS + b"|" + _ESTR + b"|" + _STR_BACKSLASH + _REST, re.S)

_ESCAPE = re.compile(
    rb"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.S
)
_SIMPLE_ESCAPES = {b"b": b"\b", b"f": b"\f", b"n": b"\n", b"r": b"\r", b"t": b"\t"}


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its kind (a group name of the token pattern) and span in the statement."""

    kind: str
    start: int
    end: int


class TokenError(ValueError):
    """The statement cannot be tokenized at ``offset`` (unterminated string, stray byte)."""

    def __init__(self, offset: int) -> None:
        super().__init__(f"cannot tokenize at statement byte {offset}")
        self.offset = offset


def tokens(stmt: bytes, pattern: re.Pattern[bytes] = TOKEN_STD, pos: int = 0) -> Iterator[Token]:
    """Non-whitespace tokens of ``stmt`` from ``pos``; raises :class:`TokenError` when stuck."""
    end = len(stmt)
    while pos < end:
        m = pattern.match(stmt, pos)
        if m is None or m.end() == pos:
            raise TokenError(pos)
        kind = m.lastgroup or ""
        if kind == "tag":  # the dollar body's inner group
            kind = "dollar"
        if kind != "ws":
            yield Token(kind, pos, m.end())
        pos = m.end()


def word(stmt: bytes, tok: Token) -> str:
    """An unquoted keyword or identifier, upper-cased, or "" for other tokens."""
    return stmt[tok.start : tok.end].decode("ascii", "replace").upper() if tok.kind == "id" else ""


def identifier(stmt: bytes, tok: Token) -> str:
    """An identifier as PostgreSQL sees it: unquoted ones fold to lower case."""
    raw = stmt[tok.start : tok.end]
    if tok.kind == "qid":
        return raw[1:-1].replace(b'""', b'"').decode("utf-8", "replace")
    return raw.decode("utf-8", "replace").lower()


def table_name(parts: list[str]) -> str:
    """Report name of a qualified table: the schema is dropped when it is ``public``."""
    if len(parts) > 2:
        parts = parts[-2:]  # database.schema.table: the database adds nothing
    if len(parts) == 2 and parts[0] == "public":
        parts = parts[1:]
    return ".".join(parts)


def string_content(stmt: bytes, tok: Token, backslash_quotes: bool = False) -> bytes:
    """The bytes a string literal token stands for."""
    raw = stmt[tok.start : tok.end]
    if tok.kind == "estr":
        return unescape_e(raw[2:-1])
    if tok.kind == "dollar":
        tag_len = raw.index(b"$", 1) + 1
        return raw[tag_len:-tag_len]
    body = raw[1:-1]
    return unescape_e(body) if backslash_quotes else body.replace(b"''", b"'")


def unescape_e(body: bytes) -> bytes:
    """Resolve ``''`` and the backslash escapes of an ``E'…'`` string body."""
    body = body.replace(b"''", b"'")
    if b"\\" not in body:
        return body
    return _ESCAPE.sub(_escape_value, body)


def _escape_value(m: re.Match[bytes]) -> bytes:
    octal, hex2, u4, u8, other = m.groups()
    if octal is not None:
        return bytes([int(octal, 8) & 0xFF])
    if hex2 is not None:
        return bytes([int(hex2, 16)])
    code = u4 or u8
    if code is not None:
        point = int(code, 16)
        return chr(point).encode("utf-8", "surrogatepass") if point < 0x110000 else b"\xef\xbf\xbd"
    return _SIMPLE_ESCAPES.get(other, other)


def bytea_value(text: bytes) -> bytes | None:
    """Bytes of a bytea in its text form (``\\x…`` hex or legacy escape form); None if invalid."""
    if text[:2] == b"\\x":
        try:
            return bytes.fromhex(text[2:].decode("ascii"))
        except ValueError:
            return None
    out = bytearray()
    i, n = 0, len(text)
    while i < n:
        k = text.find(b"\\", i)
        if k < 0:
            out += text[i:]
            break
        out += text[i:k]
        if text[k + 1 : k + 2] == b"\\":
            out.append(0x5C)
            i = k + 2
        elif re.fullmatch(rb"[0-3][0-7]{2}", text[k + 1 : k + 4]):
            out.append(int(text[k + 1 : k + 4], 8))
            i = k + 4
        else:
            return None
    return bytes(out)
