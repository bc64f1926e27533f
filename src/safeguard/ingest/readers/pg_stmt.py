"""Parse the statements of a pg_dump that carry tables and rows.

``CREATE TABLE`` gives a :class:`TableSchema`; ``COPY … FROM stdin`` gives the
target of the data block that follows; ``INSERT INTO … VALUES`` gives rows of
raw literals (:class:`Literal`) that the reader turns into values.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from safeguard.ingest.readers.base import ColumnDef, TableSchema
from safeguard.ingest.readers.pg_fastinsert import HEAD, VALUE_BACKSLASH, VALUE_STD, fast_rows
from safeguard.ingest.readers.pg_sql import (
    TOKEN_BACKSLASH,
    TOKEN_STD,
    Token,
    TokenError,
    identifier,
    table_name,
    tokens,
    word,
)

_NOT_COLUMNS = {"CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE", "LIKE"}
_TYPE_ENDS = {
    "NOT", "NULL", "DEFAULT", "CONSTRAINT", "COLLATE", "GENERATED", "PRIMARY", "UNIQUE",
    "CHECK", "REFERENCES", "COMPRESSION", "STORAGE",
}  # fmt: skip
_BINARY_TYPES = {"bytea", "pg_catalog.bytea"}


@dataclass(frozen=True, slots=True)
class CopyTarget:
    """The header of a ``COPY … FROM stdin`` block."""

    table: str
    columns: tuple[str, ...] | None  # None when the statement lists no columns
    plain_text: bool  # False when options (CSV, binary, …) we do not read follow


@dataclass(frozen=True, slots=True)
class Literal:
    """One value expression of an INSERT row, as tokens of the statement."""

    tokens: tuple[Token, ...]


@dataclass(frozen=True, slots=True)
class InsertRows:
    """An INSERT statement's target and its rows; ``error`` is set when parsing stopped early.

    Each row is (statement offset of its "(", values); a value is a
    :class:`Literal` from the general parser or a match of
    :data:`pg_fastinsert.VALUE_STD` from the fast path.
    """

    stmt: bytes
    table: str
    columns: tuple[str, ...] | None
    rows: Sequence[tuple[int, Sequence[Literal | re.Match[bytes]]]]
    error: int | None  # statement offset where parsing stopped, or None


def _qualified(stmt: bytes, toks: list[Token], i: int) -> tuple[str, int]:
    """A possibly schema-qualified name starting at ``toks[i]``; returns (name, next index)."""
    parts = [identifier(stmt, toks[i])]
    i += 1
    while i + 1 < len(toks) and _op(stmt, toks[i]) == "." and toks[i + 1].kind in ("id", "qid"):
        parts.append(identifier(stmt, toks[i + 1]))
        i += 2
    return table_name(parts), i


def _op(stmt: bytes, tok: Token) -> str:
    return stmt[tok.start : tok.end].decode("ascii", "replace") if tok.kind == "op" else ""


def _name_list(stmt: bytes, toks: list[Token], i: int) -> tuple[tuple[str, ...], int]:
    """``(a, b, "C")`` starting at ``toks[i]`` (the "("); returns (names, index after ")")."""
    names: list[str] = []
    i += 1
    while i < len(toks) and _op(stmt, toks[i]) != ")":
        if toks[i].kind in ("id", "qid"):
            names.append(identifier(stmt, toks[i]))
        i += 1
    return tuple(names), i + 1


def _split_top(stmt: bytes, toks: list[Token], i: int) -> tuple[list[list[Token]], int]:
    """Split the parenthesised list opening at ``toks[i]`` at top-level commas."""
    items: list[list[Token]] = [[]]
    depth = 0
    for j in range(i + 1, len(toks)):
        op = _op(stmt, toks[j])
        if op in ("(", "["):
            depth += 1
        elif op in (")", "]"):
            if depth == 0:
                return [t for t in items if t], j + 1
            depth -= 1
        elif op == "," and depth == 0:
            items.append([])
            continue
        items[-1].append(toks[j])
    raise TokenError(toks[-1].end if toks else 0)


def parse_create_table(stmt: bytes, offset: int) -> TableSchema | None:
    """The table a ``CREATE TABLE`` declares, or None for forms without a column list."""
    try:
        toks = list(tokens(stmt))
        i = next(k for k, t in enumerate(toks) if word(stmt, t) == "TABLE") + 1
        if [word(stmt, t) for t in toks[i : i + 3]] == ["IF", "NOT", "EXISTS"]:
            i += 3
        name, i = _qualified(stmt, toks, i)
        if i >= len(toks) or _op(stmt, toks[i]) != "(":
            return None  # PARTITION OF / OF type: columns come from elsewhere
        items, _ = _split_top(stmt, toks, i)
    except (TokenError, StopIteration, IndexError):
        return None
    columns = tuple(c for c in (_column(stmt, item) for item in items) if c is not None)
    return TableSchema(name=name, columns=columns, offset=offset)


def _column(stmt: bytes, item: list[Token]) -> ColumnDef | None:
    if item[0].kind not in ("id", "qid") or word(stmt, item[0]) in _NOT_COLUMNS:
        return None
    end = len(item)
    for k in range(1, len(item)):
        if word(stmt, item[k]) in _TYPE_ENDS:
            end = k
            break
    sql_type = None
    if end > 1:
        raw = stmt[item[1].start : item[end - 1].end].decode("utf-8", "replace")
        sql_type = " ".join(raw.split()).lower()
    return ColumnDef(
        name=identifier(stmt, item[0]), sql_type=sql_type, binary=sql_type in _BINARY_TYPES
    )


def parse_copy_header(stmt: bytes) -> CopyTarget | None:
    """The target of ``COPY name [(cols)] FROM stdin``; None for other COPY forms."""
    try:
        toks = list(tokens(stmt))
        name, i = _qualified(stmt, toks, 1)
        columns = None
        if i < len(toks) and _op(stmt, toks[i]) == "(":
            columns, i = _name_list(stmt, toks, i)
        if [word(stmt, t) for t in toks[i : i + 2]] != ["FROM", "STDIN"]:
            return None
    except (TokenError, IndexError):
        return None
    rest = [t for t in toks[i + 2 :] if _op(stmt, t) != ";"]
    return CopyTarget(table=name, columns=columns, plain_text=not rest)


def parse_insert(stmt: bytes, backslash_quotes: bool = False) -> InsertRows | None:
    """Rows of ``INSERT INTO name [(cols)] [OVERRIDING …] VALUES (…), …``.

    Complete rows before a tokenizing error (e.g. a statement cut by EOF) are
    kept and ``error`` tells where parsing stopped. None when the statement is
    not an INSERT … VALUES at all.
    """
    head = HEAD.match(stmt)
    if head is not None:
        target = _insert_target(stmt[: head.end()])
        rows = fast_rows(stmt, head.end(), VALUE_BACKSLASH if backslash_quotes else VALUE_STD)
        if target is not None and rows is not None:
            return InsertRows(stmt, target[0], target[1], rows, None)
    return _parse_insert_tokens(stmt, TOKEN_BACKSLASH if backslash_quotes else TOKEN_STD)


@lru_cache(maxsize=256)
def _insert_target(head: bytes) -> tuple[str, tuple[str, ...] | None] | None:
    """Table and column list of an INSERT head (pg_dump repeats it on every row)."""
    parsed = _parse_insert_tokens(head, TOKEN_STD)
    return None if parsed is None else (parsed.table, parsed.columns)


def _parse_insert_tokens(stmt: bytes, pattern: re.Pattern[bytes]) -> InsertRows | None:
    stream = tokens(stmt, pattern)
    head: list[Token] = []
    try:
        for tok in stream:
            head.append(tok)
            if word(stmt, tok) == "VALUES":
                break
        else:
            return None
        name, i = _qualified(stmt, head, 2)
        columns = None
        if _op(stmt, head[i]) == "(":
            columns, _ = _name_list(stmt, head, i)
    except (TokenError, IndexError):
        return None
    rows, error = _value_rows(stmt, stream)
    return InsertRows(stmt=stmt, table=name, columns=columns, rows=rows, error=error)


def _value_rows(
    stmt: bytes, stream: Iterator[Token]
) -> tuple[list[tuple[int, list[Literal]]], int | None]:
    rows: list[tuple[int, list[Literal]]] = []
    start, depth = -1, 0
    values: list[Literal] = []
    current: list[Token] = []
    last_end = 0
    try:
        for tok in stream:
            last_end = tok.end
            op = _op(stmt, tok)
            if depth == 0:
                if op == "(":
                    start, depth, values, current = tok.start, 1, [], []
                elif op not in (",", ";"):
                    return rows, tok.start
                continue
            if op in ("(", "["):
                depth += 1
            elif op in (")", "]"):
                depth -= 1
            if depth == 0 or (depth == 1 and op == ","):
                values.append(Literal(tuple(current)))
                current = []
                if depth == 0:
                    rows.append((start, values))
                continue
            current.append(tok)
    except TokenError as exc:
        return rows, exc.offset if depth == 0 else start
    if depth != 0:
        return rows, start
    return rows, None if stmt.rstrip().endswith(b";") else last_end
