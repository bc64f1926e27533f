"""Decode the data lines of a ``COPY … FROM stdin`` block (PostgreSQL text format).

One line is one row; fields are separated by raw tabs; ``\\N`` alone is NULL;
``\\\\ \\t \\n \\r \\b \\f \\v``, octal ``\\ddd`` and ``\\xhh`` are escapes
and any other escaped character stands for itself. Lines without a backslash
(the common case) take a fast path: one decode, one split.
"""

from __future__ import annotations

import codecs
import re

from safeguard.ingest.readers.base import Value
from safeguard.ingest.readers.pg_sql import bytea_value

# Any escape Python's bytes-escape decoder does not resolve exactly like COPY:
# a backslash followed by something other than \ b t n r f v, or a trailing one.
# (False positives are harmless: they only take the slower exact path.)
_NOT_PYTHON_SAFE = re.compile(rb"\\[^\\btnrfv]|\\\Z")
_COPY_ESCAPE = re.compile(rb"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|(.))", re.S)
_SIMPLE = {b"b": b"\b", b"f": b"\f", b"n": b"\n", b"r": b"\r", b"t": b"\t", b"v": b"\v"}
_escape_decode = codecs.escape_decode
_NULLS: dict[str, None] = {"\\N": None}


def unescape_field(field: bytes) -> bytes:
    """The bytes a COPY text field (not ``\\N``) stands for."""
    if _NOT_PYTHON_SAFE.search(field) is None:
        out: bytes = _escape_decode(field)[0]
        return out
    return _COPY_ESCAPE.sub(_copy_escape_value, field)


def _copy_escape_value(m: re.Match[bytes]) -> bytes:
    octal, hex2, other = m.groups()
    if octal is not None:
        return bytes([int(octal, 8) & 0xFF])
    if hex2 is not None:
        return bytes([int(hex2, 16)])
    return _SIMPLE.get(other, other)


class CopyDecoder:
    """Turns COPY lines of one table into value tuples.

    ``decode`` returns the row, or None when the field count is wrong. When a
    row had a problem, ``flagged`` is set, with ``bad_text`` (invalid bytes,
    replaced with U+FFFD) and/or ``bad_bytea`` (a bytea field that is not
    valid bytea text, kept as its raw bytes); the caller resets all three
    after reporting (not resetting per row saves time on the hot path).

    The encodings the reader supports are ASCII-safe (a tab or backslash byte
    is never part of a multi-byte character), so a line is decoded once and
    split as text; only fields holding a backslash are unescaped, as bytes,
    because octal and hex escapes stand for bytes, not characters.
    """

    def __init__(self, ncols: int, binary: frozenset[int], encoding: str) -> None:
        self.ncols = ncols
        self.binary = binary
        self.encoding = encoding
        self.flagged = False
        self.bad_text = False
        self.bad_bytea = False

    def decode(self, line: bytes) -> tuple[Value, ...] | None:
        if not self.ncols:
            return None if line else ()
        try:
            text = line.decode(self.encoding)
        except UnicodeDecodeError:
            return self._decode_fields(line)  # replace bad bytes field by field
        parts = text.split("\t")
        if len(parts) != self.ncols:
            return None
        backslashes = text.count("\\")
        if backslashes == 0 or backslashes == parts.count("\\N"):
            # No escapes except whole-field NULLs: map them in C, no Python loop.
            row: tuple[Value, ...] = (
                tuple(map(_NULLS.get, parts, parts)) if backslashes else tuple(parts)
            )
            if not self.binary:
                return row
            fields = list(row)
        else:
            escaped = self._escaped
            fields = [f if "\\" not in f else None if f == "\\N" else escaped(f) for f in parts]
        for i in self.binary:
            value = fields[i]
            if isinstance(value, str):
                fields[i] = self._bytea(value.encode(self.encoding))
        return tuple(fields)

    def _escaped(self, field: str) -> str:
        return self._text(unescape_field(field.encode(self.encoding)))

    def _decode_fields(self, line: bytes) -> tuple[Value, ...] | None:
        fields = line.split(b"\t")
        if len(fields) != self.ncols:
            return None
        row: list[Value] = []
        for i, field in enumerate(fields):
            if field == b"\\N":
                row.append(None)
                continue
            raw = unescape_field(field) if b"\\" in field else field
            row.append(self._bytea(raw) if i in self.binary else self._text(raw))
        return tuple(row)

    def _text(self, raw: bytes) -> str:
        try:
            return raw.decode(self.encoding)
        except UnicodeDecodeError:
            self.flagged = self.bad_text = True
            return raw.decode(self.encoding, "replace")

    def _bytea(self, raw: bytes) -> bytes:
        value = bytea_value(raw)
        if value is None:
            self.flagged = self.bad_bytea = True
            return raw
        return value
