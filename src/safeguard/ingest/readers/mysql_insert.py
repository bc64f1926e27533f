"""``INSERT``/``REPLACE`` statements of a MySQL dump → :class:`RowBatch` events.

Rows are matched one at a time on the raw bytes of the window, decoded once,
then split into values (see :mod:`mysql_rows`). A row cut by the end of the
window is retried after reading more; a row cut by the end of the stream is a
``truncated`` problem; a row that does not parse is a ``syntax`` problem and
parsing resumes at the next ``),(`` or ``);``.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator
from typing import TypeVar

from safeguard.ingest.readers.base import ColumnDef, Event, Problem, RowBatch, TableSchema, Value
from safeguard.ingest.readers.mysql_charset import UTF8, Domain
from safeguard.ingest.readers.mysql_ddl import table_name, unquote
from safeguard.ingest.readers.mysql_lex import (
    IDENT_TOKEN,
    INSERT_HEAD,
    RESYNC,
    ROW,
    ROW_PREFIX,
    ROW_PREFIX_SLOW,
    ROW_QUICK,
    ROW_SLOW,
    STMT_END,
    VALUES,
)
from safeguard.ingest.readers.mysql_native import Found, arrow_batch, enabled, scan_statement
from safeguard.ingest.readers.mysql_rows import ESCAPED, FAST, SLOW, Tally, Target, convert_row
from safeguard.ingest.readers.mysql_stream import Window

_T = TypeVar("_T")
#: a generator of events that returns a value (the position reached)
Steps = Generator[Event, None, _T]
BATCH_ROWS = 10_000
_HEAD_LOOKAHEAD = 1 << 20
#: returned by InsertParser._row when the quick JSON path gave up on a row
_RETRY = object()


class InsertParser:
    """Parses INSERT statements; remembers declared tables and row numbers."""

    def __init__(self, window: Window, limit: int, arrow: bool = False) -> None:
        self.w = window
        self.limit = limit
        self.arrow = arrow  # native statements become Arrow batches (see RowBatch.arrow)
        self.native = enabled()
        self.domain: Domain = UTF8
        self.tables: dict[str, TableSchema] = {}
        self.announced: set[str] = set()
        self.row_numbers: dict[str, int] = {}
        self.tally = Tally()
        self.last_table: str | None = None
        self.target: Target | None = None

    def declare(self, schema: TableSchema) -> None:
        """A CREATE TABLE was read: later INSERTs into it use its columns."""
        self.tables[schema.name] = schema
        self.announced.add(schema.name)

    def finish(self) -> Iterator[Event]:
        """Aggregated problems still pending at the end of the stream."""
        yield from self.tally.flush()

    def parse(self, pos: int) -> Steps[int]:
        """Parse the INSERT at ``pos``; returns the position after it."""
        w = self.w
        pos = w.ensure(pos, _HEAD_LOOKAHEAD)
        head = INSERT_HEAD.match(w.buf, pos)
        if head is None:
            return (yield from self._unparsed(pos))
        table = table_name(head.group(1).decode("utf-8", "replace"))
        if table != self.last_table:
            yield from self.tally.flush()
            self.last_table = table
        names = _column_list(head.group(2))
        pos = head.end()
        target = self._known_target(table, names) if self.native else None
        if target is not None:
            pos, found = scan_statement(self.w, pos, self.limit, target, self.arrow)
            if found is not None:
                yield from self._native_rows(table, target, found)
                return found[0]
        rows = _Rows(table, self.row_numbers.get(table, 0))
        pos = yield from self._rows(pos, table, names, rows)
        self.row_numbers[table] = rows.next_number
        if rows.rows:
            yield rows.batch()
        return pos

    def _known_target(self, table: str, names: tuple[str, ...] | None) -> Target | None:
        """The target when the native path may read the statement: a declared, announced
        table, unique column names and a UTF-8 dump (others need Python's decoding)."""
        schema = self.tables.get(table)
        if schema is None or table not in self.announced or not self.domain.is_utf8:
            return None
        defs = {c.name: c for c in schema.columns}
        names = tuple(defs) if names is None else names
        if len(set(names)) != len(names):
            return None
        return Target.build(table, names, defs)

    def _native_rows(self, table: str, target: Target, found: Found) -> Iterator[Event]:
        """Events for a statement the native scanner read (no problems possible)."""
        _end, nrows, offsets, payload = found
        first = self.row_numbers.get(table, 0)
        self.row_numbers[table] = first + nrows
        if self.arrow:
            yield arrow_batch(table, target, payload, offsets, first)
            return
        for i in range(0, nrows, BATCH_ROWS):
            j = min(i + BATCH_ROWS, nrows)
            numbers = list(range(first + i, first + j))
            yield RowBatch(table, target.columns, payload[i:j], offsets[i:j], numbers)

    def _unparsed(self, pos: int) -> Steps[int]:
        m = STMT_END.match(self.w.buf, pos)
        msg = "skipped an INSERT without a VALUES list (INSERT … SELECT / SET)"
        yield Problem("unknown-statement", msg, self.w.base + pos, None, "warning")
        return m.end() if m else len(self.w.buf)

    def _target(
        self, table: str, names: tuple[str, ...] | None, first: bytes, offset: int
    ) -> Iterator[Event]:
        """Events announcing ``table`` if needed; sets :attr:`target`."""
        schema = self.tables.get(table)
        if names is None and schema is None:
            text = self.domain.decode(first)[0]
            n = len(VALUES.findall(text, 1, len(text) - 1))
            names = tuple(f"col{i + 1}" for i in range(n))
            msg = (
                f"INSERT into table {table!r}, which was never created; columns named col1..col{n}"
            )
            yield Problem("unknown-table", msg, offset, table, "warning")
            schema = TableSchema(table, tuple(ColumnDef(c) for c in names), None, offset)
            self.tables[table] = schema
        if table not in self.announced:
            self.announced.add(table)
            cols = schema.columns if schema else tuple(ColumnDef(c) for c in names or ())
            yield TableSchema(table, cols, None, offset)
        defs = {c.name: c for c in schema.columns} if schema else {}
        if names is None:
            names = tuple(defs)
        self.target = Target.build(table, names, defs)

    def _rows(self, pos: int, table: str, names: tuple[str, ...] | None, rows: _Rows) -> Steps[int]:
        w, self.target = self.w, None
        while True:
            m = ROW_QUICK.match(w.buf, pos) if self.target is not None else None
            if m is not None:
                problem = self._row(m, rows, FAST, only_json=True)
                if problem is not _RETRY:
                    if isinstance(problem, Problem):
                        yield problem
                    if len(rows.rows) >= BATCH_ROWS:
                        yield rows.batch()
                    pos = m.end()
                    if m.group("sep") == b";":
                        return pos
                    continue
            m = ROW.match(w.buf, pos)
            mode = FAST if self.target is None else ESCAPED
            if m is None:
                if not w.eof and len(w.buf) - pos <= self.limit and ROW_PREFIX.match(w.buf, pos):
                    pos = w.grow(pos)  # the row goes on past the window
                    continue
                m = ROW_SLOW.match(w.buf, pos)
                mode = SLOW
            if m is None:
                pos, more = yield from self._failed_row(pos, table)
                if not more:
                    return pos
                continue
            if self.target is None:
                yield from self._target(table, names, m.group("row"), w.base + m.start("row"))
                assert self.target is not None
                rows.columns = self.target.columns
            problem = self._row(m, rows, mode)
            if isinstance(problem, Problem):
                yield problem
            if len(rows.rows) >= BATCH_ROWS:
                yield rows.batch()
            pos = m.end()
            if m.group("sep") == b";":
                return pos

    def _row(
        self, m: re.Match[bytes], rows: _Rows, mode: int, only_json: bool = False
    ) -> Problem | object | None:
        """Convert one matched row and add it to ``rows``, or return why it was skipped.

        With ``only_json``, returns :data:`_RETRY` if the JSON path cannot read it.
        """
        target = self.target
        assert target is not None
        raw = m.group("row")
        offset = self.w.base + m.start("row")
        text, dirty = self.domain.decode(raw)
        if not only_json and mode == FAST and (m.group("sp") or m.group("dbl") is not None):
            mode = ESCAPED
        values = convert_row(text, mode, target, self.domain, dirty, self.tally, offset, only_json)
        if values is None:
            return _RETRY
        if len(values) != len(target.columns):
            msg = (
                f"row has {len(values)} values but the INSERT has {len(target.columns)} "
                "columns; row skipped"
            )
            return Problem("value-count", msg, offset, target.table)
        rows.add(tuple(values), offset)
        return None

    def _failed_row(self, pos: int, table: str) -> Steps[tuple[int, bool]]:
        w = self.w
        if ROW_PREFIX.match(w.buf, pos) or ROW_PREFIX_SLOW.match(w.buf, pos):
            if w.eof:
                start = w.base + _skip_space(w.buf, pos)
                msg = "the dump ends inside a row; rows before it are kept"
                yield Problem("truncated", msg, start, table)
                return len(w.buf), False
            if len(w.buf) - pos > self.limit:
                yield Problem("too-large", "row over the size limit skipped", w.base + pos, table)
                return self._resync(pos + 1)
            return w.grow(pos), True
        msg = "row does not parse (unbalanced quote or bad value); skipped to the next row"
        yield Problem("syntax", msg, w.base + _skip_space(w.buf, pos), table)
        return self._resync(pos + 1)

    def _resync(self, pos: int) -> tuple[int, bool]:
        """Position after the next ``),`` (more rows) or ``);`` (statement end)."""
        w = self.w
        while True:
            m = RESYNC.search(w.buf, pos)
            if m is not None:
                return m.end(), m.group(1) is not None
            if w.eof:
                return len(w.buf), False
            pos = w.more(max(pos, len(w.buf) - 64))


def _skip_space(buf: bytes, pos: int) -> int:
    while pos < len(buf) and buf[pos] in b" \t\r\n":
        pos += 1
    return pos


def _column_list(raw: bytes | None) -> tuple[str, ...] | None:
    if raw is None:
        return None
    return tuple(unquote(m.group().decode("utf-8", "replace")) for m in IDENT_TOKEN.finditer(raw))


class _Rows:
    """Rows of the current batch."""

    __slots__ = ("columns", "next_number", "offsets", "row_numbers", "rows", "table")

    def __init__(self, table: str, first_number: int) -> None:
        self.table = table
        self.columns: tuple[str, ...] = ()
        self.next_number = first_number
        self.rows: list[tuple[Value, ...]] = []
        self.offsets: list[int] = []
        self.row_numbers: list[int] = []

    def add(self, row: tuple[Value, ...], offset: int) -> None:
        self.rows.append(row)
        self.offsets.append(offset)
        self.row_numbers.append(self.next_number)
        self.next_number += 1

    def batch(self) -> RowBatch:
        """The rows so far as a RowBatch; starts a new batch."""
        columns = self.columns
        batch = RowBatch(self.table, columns, self.rows, self.offsets, self.row_numbers)
        self.rows, self.offsets, self.row_numbers = [], [], []
        return batch
