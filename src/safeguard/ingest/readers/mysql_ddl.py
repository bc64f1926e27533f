"""``CREATE TABLE`` statements of MySQL dumps → :class:`TableSchema`.

Only what a reader needs is parsed: the table name, each column's name,
declared type (lower case), whether its values are binary, and its charset
(column-level, else the table's). Keys, constraints and options are ignored.
"""

from __future__ import annotations

import re

from safeguard.ingest.readers.base import ColumnDef, TableSchema

_HEAD = re.compile(
    r"(?is)\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:TEMPORARY\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?"
    r"((?:`(?:[^`]|``)+`|\"(?:[^\"]|\"\")+\"|[\w$]+)(?:\s*\.\s*(?:`(?:[^`]|``)+`|\"(?:[^\"]|\"\")+\"|[\w$]+))?)"
    r"\s*\("
)
_IDENT = re.compile(r"\s*(`(?:[^`]|``)+`|\"(?:[^\"]|\"\")+\"|[\w$]+)")
_TYPE = re.compile(
    r"\s*([A-Za-z]+(?:\s+(?:precision|varying))?)\s*(\([^)]*\))?((?:\s+(?:unsigned|signed|zerofill))*)",
    re.I,
)
_CHARSET = re.compile(r"(?i)\b(?:CHARACTER\s+SET|CHARSET)\s*=?\s*['\"`]?(\w+)")
_COLLATE = re.compile(r"(?i)\bCOLLATE\s*=?\s*['\"`]?([a-z0-9]+)_")
_NOT_COLUMNS = frozenset(
    "primary key index unique constraint foreign fulltext spatial check period".split()  # noqa: SIM905
)
_BINARY_TYPES = frozenset(
    "binary varbinary tinyblob blob mediumblob longblob bit geometry point".split()  # noqa: SIM905
)
_TEXT_TYPES = frozenset(
    "char varchar tinytext text mediumtext longtext enum set json nchar nvarchar".split()  # noqa: SIM905
)


def unquote(ident: str) -> str:
    """An identifier without its backticks or double quotes (doubling undone)."""
    if len(ident) >= 2 and ident[0] == ident[-1] and ident[0] in '`"':
        q = ident[0]
        return ident[1:-1].replace(q + q, q)
    return ident


def table_name(qualified: str) -> str:
    """``db.table`` (any quoting) → ``table``."""
    parts = [m.group(1) for m in _IDENT.finditer(qualified)]
    return unquote(parts[-1]) if parts else qualified


def _split_top(body: str) -> tuple[list[str], int]:
    """Split a parenthesised body at top-level commas; returns items and the end index."""
    items, depth, start, i, quote = [], 0, 0, 0, ""
    while i < len(body):
        ch = body[i]
        if quote:
            if ch == "\\" and quote != "`":
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "'\"`":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                items.append(body[start:i])
                return items, i
            depth -= 1
        elif ch == "," and depth == 0:
            items.append(body[start:i])
            start = i + 1
        i += 1
    items.append(body[start:])
    return items, len(body)


def _charset_of(text: str) -> str | None:
    m = _CHARSET.search(text)
    if m:
        return m.group(1).lower()
    m = _COLLATE.search(text)
    return m.group(1).lower() if m else None


def _column(item: str, table_charset: str | None) -> ColumnDef | None:
    m = _IDENT.match(item)
    if not m or m.group(1).lower() in _NOT_COLUMNS:
        return None
    name = unquote(m.group(1))
    rest = item[m.end() :]
    t = _TYPE.match(rest)
    if not t:
        return ColumnDef(name)
    base = t.group(1).lower()
    sql_type = base + (t.group(2) or "").lower() + " ".join(["", *t.group(3).lower().split()])
    charset = _charset_of(rest[t.end() :])
    binary = base in _BINARY_TYPES or charset == "binary"
    if binary:
        return ColumnDef(name, sql_type, True, None)
    if base in _TEXT_TYPES:
        return ColumnDef(name, sql_type, False, charset or table_charset)
    return ColumnDef(name, sql_type, False, None)


def parse_create_table(sql: str, offset: int) -> TableSchema | None:
    """Parse one ``CREATE TABLE`` statement; None if it has no column list (``LIKE``)."""
    head = _HEAD.match(sql)
    if not head:
        return None
    items, end = _split_top(sql[head.end() :])
    charset = _charset_of(sql[head.end() + end :])
    columns = tuple(c for c in (_column(i, charset) for i in items) if c is not None)
    if not columns:
        return None
    return TableSchema(table_name(head.group(1)), columns, charset, offset)
