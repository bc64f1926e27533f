"""Fast path for the INSERT statements pg_dump itself writes.

``pg_dump --inserts`` writes one statement per row with the same head each
time, and values that are only literals: ``NULL``, ``true``/``false``,
numbers, ``'…'`` strings (``E'…'`` in old dumps), ``B'0101'``. One regular
expression match per value is several times faster than the general
tokenizer. Anything else (an expression, a cast with parentheses, a damaged
or truncated statement) makes :func:`fast_rows` return None, and the caller
falls back to the general parser, which also locates errors precisely.
"""

from __future__ import annotations

import re

_NAME = rb'(?:[^\s(),;."]+|"(?:[^"]|"")*")'
HEAD = re.compile(
    rb"\s*INSERT\s+INTO\s+" + _NAME + rb"(?:\s*\.\s*" + _NAME + rb")*\s*"
    rb'(?:\((?:[^()"]|"(?:[^"]|"")*")*\)\s*)?'
    rb"(?:OVERRIDING\s+\w+\s+VALUE\s+)?VALUES\b",
    re.I,
)
_STR_STD = rb"'[^']*(?:''[^']*)*'"
_STR_BACKSLASH = rb"'[^'\\]*(?:(?:\\.|'')[^'\\]*)*'"
_VALUE_REST = (
    rb"|(?P<estr>[Ee]'[^'\\]*(?:(?:\\.|'')[^'\\]*)*')"
    rb"|(?P<num>[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)"
    rb"|(?P<word>[A-Za-z_]\w*)(?P<wstr>'[^']*(?:''[^']*)*')?"
    rb")(?:::(?P<cast>[A-Za-z_][\w .]*?(?:\[\])?))?\s*[,)]"
)
#: one value and the "," or ")" after it, for standard_conforming_strings on / off
VALUE_STD = re.compile(rb"\s*(?:(?P<str>" + _STR_STD + rb")" + _VALUE_REST, re.S)
VALUE_BACKSLASH = re.compile(rb"\s*(?:(?P<str>" + _STR_BACKSLASH + rb")" + _VALUE_REST, re.S)
_ROW_START = re.compile(rb"\s*\(")
_ROW_NEXT = re.compile(rb"\s*([,;])")


def fast_rows(
    stmt: bytes, pos: int, value: re.Pattern[bytes]
) -> list[tuple[int, list[re.Match[bytes]]]] | None:
    """Rows after ``VALUES`` (at ``pos``) as (offset of "(", value matches), or None."""
    rows: list[tuple[int, list[re.Match[bytes]]]] = []
    end = len(stmt)
    while True:
        r = _ROW_START.match(stmt, pos)
        if r is None:
            return None
        pos = r.end()
        values: list[re.Match[bytes]] = []
        while True:
            v = value.match(stmt, pos)
            if v is None:
                return None
            values.append(v)
            pos = v.end()
            if stmt[pos - 1] == 0x29:  # ")" closes the row
                break
        rows.append((r.end() - 1, values))
        n = _ROW_NEXT.match(stmt, pos)
        if n is None:
            return None
        if n.group(1) == b";":
            return rows if n.end() == end else None
        pos = n.end()
