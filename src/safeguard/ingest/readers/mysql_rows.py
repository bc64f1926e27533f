"""Turning one matched dump row into a tuple of values, column-aware.

A :class:`Target` is what an INSERT writes to: its column names and, per
column, whether values are binary (kept as bytes), latin1 text in a UTF-8
dump (checked for double encoding), or plain text. :class:`Tally` aggregates
repairs and encoding problems per table and column.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from safeguard.ingest.readers.base import ColumnDef, Problem, Value
from safeguard.ingest.readers.mysql_charset import (
    Domain,
    decode_mysql_latin1,
    has_invalid,
    is_latin1,
    repair_double_encoding,
    replace_invalid,
)
from safeguard.ingest.readers.mysql_lex import (
    VALUES,
    VALUES_SLOW,
    Encoder,
    special_value,
    unescape,
)

FAST, ESCAPED, SLOW = 0, 1, 2


@dataclass(slots=True)
class Target:
    """The table and columns one INSERT writes to."""

    table: str
    columns: tuple[str, ...]
    binary: tuple[int, ...]  # indexes of binary columns
    latin1: tuple[int, ...]  # indexes of latin1 text columns (repair candidates)
    text: tuple[int, ...]  # indexes of non-binary columns

    @classmethod
    def build(cls, table: str, names: tuple[str, ...], defs: dict[str, ColumnDef]) -> Target:
        """Target for ``names``, typed from the table's declared ``defs`` where known."""
        binary, latin1, text = [], [], []
        for i, name in enumerate(names):
            col = defs.get(name)
            if col is not None and col.binary:
                binary.append(i)
                continue
            text.append(i)
            if col is not None and is_latin1(col.charset):
                latin1.append(i)
        return cls(table, names, tuple(binary), tuple(latin1), tuple(text))


@dataclass(slots=True)
class Tally:
    """Counts of repaired / undecodable values per (table, column, kind)."""

    counts: dict[tuple[str, str, str], list[int]] = field(default_factory=dict)

    def add(self, table: str, column: str, kind: str, offset: int) -> None:
        entry = self.counts.setdefault((table, column, kind), [0, offset])
        entry[0] += 1

    def flush(self) -> Iterator[Problem]:
        """One aggregated Problem per (table, column, kind), then forget them."""
        for (table, column, kind), (count, offset) in self.counts.items():
            if kind == "latin1-double-encoding":
                msg = (
                    f"column {column!r}: {count} value(s) declared latin1 held UTF-8 read "
                    "as latin1 (double encoding); repaired"
                )
                yield Problem(kind, msg, offset, table, "repair", count)
            elif kind == "latin1-fallback":
                msg = (
                    f"column {column!r}: {count} value(s) were not valid in the dump's charset "
                    "and were read as latin1 (the column's or MySQL's default charset)"
                )
                yield Problem(kind, msg, offset, table, "repair", count)
            else:
                msg = (
                    f"column {column!r}: {count} value(s) were not valid in the dump's "
                    f"charset; bad bytes replaced by U+FFFD (first at byte {offset})"
                )
                yield Problem(kind, msg, offset, table, "error", count)
        self.counts.clear()


def convert_row(
    text: str,
    mode: int,
    target: Target,
    domain: Domain,
    dirty: bool,
    tally: Tally,
    offset: int,
    only_json: bool = False,
) -> list[Value] | None:
    """The values of a decoded row ``(…)``.

    ``mode`` is :data:`FAST` (only plain strings and numbers: try JSON first),
    :data:`ESCAPED` (row matched by ROW) or :data:`SLOW` (row matched by ROW_SLOW).
    With ``only_json`` the result is None when the JSON path cannot read the row.
    """
    encode = domain.encode
    row: list[Value] | None = json_row(text) if mode == FAST else None
    if row is not None:
        for i in target.binary:
            v = row[i] if i < len(row) else None
            if isinstance(v, str):
                row[i] = encode(v)
    elif only_json:
        return None
    else:
        row = _tokenized(text, mode, target, encode)
    if dirty:
        _fix_invalid(row, target, domain, tally, offset)
    if target.latin1 and domain.is_utf8:
        _repair_latin1(row, target, tally, offset)
    return row


# MySQL escapes rewritten as JSON escapes; an escaped single quote becomes a
# placeholder so that the string delimiters can be swapped to double quotes.
_PLACEHOLDER = "\x02"
_TO_JSON = {
    "'": _PLACEHOLDER, '"': "\\u0022", "\\": "\\\\", "0": "\\u0000", "Z": "\\u001a",
    "n": "\\n", "r": "\\r", "t": "\\t", "b": "\\b", "%": "\\\\%", "_": "\\\\_",
}  # fmt: skip
_ESCAPE = re.compile(r"\\(.)", re.S)
_scan = json.JSONDecoder(parse_int=str, parse_float=str, strict=False).scan_once  # type: ignore[attr-defined]


def _json_escape(m: re.Match[str]) -> str:
    ch = m.group(1)
    return _TO_JSON.get(ch) or (f"\\u{ord(ch):04x}" if ch < " " else ch)


def _escapes_to_json(body: str) -> str | None:
    """MySQL escapes → JSON escapes (``\\'`` → placeholder)."""
    if "\\\\" in body or "\\u" in body or "\\f" in body:
        # pairs must be read left to right; \" becomes \u0022 so any " left is raw
        body = _ESCAPE.sub(_json_escape, body)
        return body if '"' not in body else None
    # No escaped backslash: every backslash starts an escape of the next char, and
    # \n \r \t \b \" already mean the same in JSON.
    body = body.replace("\\'", _PLACEHOLDER)
    if "\\0" in body:
        body = body.replace("\\0", "\\u0000")
    if "\\Z" in body:
        body = body.replace("\\Z", "\\u001a")
    return body  # any other escape makes the JSON decoder fail: regex path


def json_row(text: str) -> list[Value] | None:
    """Values of a row via the C JSON decoder, or None if the row needs the regex path.

    Works for rows of quoted strings (with MySQL escapes) and plain numbers; NULL,
    hex, ``''`` doubling or raw double quotes make it return None.
    """
    body = text[1:-1]
    escaped = "\\" in body
    if escaped:
        if _PLACEHOLDER in body:
            return None
        converted = _escapes_to_json(body)
        if converted is None or converted.count('"') != converted.count('\\"'):
            return None  # a raw double quote inside a string: not from mysqldump
        body = converted
    elif '"' in body:
        return None
    body = body.replace("'", '"')
    if escaped:
        body = body.replace(_PLACEHOLDER, "'")
    doc = "[" + body + "]"
    try:
        values: list[Value]
        values, end = _scan(doc, 0)
    except (ValueError, StopIteration):
        return None
    return values if end == len(doc) else None


def _tokenized(text: str, mode: int, target: Target, encode: Encoder) -> list[Value]:
    toks = (VALUES_SLOW if mode == SLOW else VALUES).findall(text, 1, len(text) - 1)
    return _convert_slow(toks, set(target.binary), encode)


def _convert_slow(
    toks: list[tuple[str, str, str]], binary: set[int], encode: Encoder
) -> list[Value]:
    row: list[Value] = []
    for i, (a, b, c) in enumerate(toks):
        if c:
            row.append(special_value(c, encode, i in binary))
        elif b:
            row.append(b)
        else:
            text = unescape(a)
            row.append(encode(text) if i in binary else text)
    return row


def _fix_invalid(row: list[Value], target: Target, domain: Domain, tally: Tally, off: int) -> None:
    """Text values with bytes invalid in the dump charset.

    Read as MySQL latin1 (a repair) when the column is declared latin1 or the
    dump never said its charset; otherwise U+FFFD replaces them (an error).
    """
    latin1 = set(target.latin1)
    for i in target.text:
        v = row[i] if i < len(row) else None
        if isinstance(v, str) and has_invalid(v):
            if i in latin1 or not domain.declared:
                row[i] = decode_mysql_latin1(domain.encode(v))
                tally.add(target.table, target.columns[i], "latin1-fallback", off)
            else:
                row[i] = replace_invalid(v, domain)
                tally.add(target.table, target.columns[i], "encoding", off)


def _repair_latin1(row: list[Value], target: Target, tally: Tally, off: int) -> None:
    for i in target.latin1:
        v = row[i] if i < len(row) else None
        if isinstance(v, str):
            fixed = repair_double_encoding(v)
            if fixed is not None:
                row[i] = fixed
                tally.add(target.table, target.columns[i], "latin1-double-encoding", off)
