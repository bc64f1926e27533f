"""Rows of a pg_dump: COPY data blocks and INSERT statements.

:class:`DataReader` keeps what rows depend on across statements: the
``client_encoding``, whether ``standard_conforming_strings`` is off, the per
table row counters and the :class:`EventQueue`.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator

from safeguard.ingest.readers.base import Event, Value
from safeguard.ingest.readers.pg_copy import CopyDecoder
from safeguard.ingest.readers.pg_events import BATCH_ROWS, EventQueue
from safeguard.ingest.readers.pg_insert import LiteralDecoder
from safeguard.ingest.readers.pg_stmt import InsertRows, parse_insert
from safeguard.ingest.readers.pg_stream import ByteStream

_END = b"\\."
_ISSUES = {
    "encoding": "invalid {enc} bytes replaced with U+FFFD",
    "bytea": "a bytea value is not valid bytea text; kept as raw bytes",
    "expression": "a value is an expression, not a literal; kept as its SQL text",
}


class DataReader:
    """Reads row data for the statement loop in :mod:`pgdump`."""

    def __init__(self, s: ByteStream) -> None:
        self.s = s
        self.queue = EventQueue()
        self.encoding = "utf-8"
        self.backslash_quotes = False
        self.counters: dict[str, int] = {}

    # -- COPY ---------------------------------------------------------------

    def copy_block(
        self, table: str, columns: tuple[str, ...], binary: frozenset[int], start: int
    ) -> Iterator[Event]:
        """Rows of the COPY data block at ``s.pos`` up to and including its ``\\.`` line."""
        s = self.s
        decoder = CopyDecoder(len(columns), binary, self.encoding)
        yield from self.queue.target(table, columns)
        number = self.counters.get(table, 0)
        ended = False
        while not ended:
            s.compact()
            nl = s.last_newline()
            if nl < 0:
                self._copy_truncated(table, start)
                break
            offset = s.offset
            # A raw CR only appears with CRLF line ends (COPY escapes CR in data as \r).
            crlf = s.buf.find(b"\r", s.pos, nl) >= 0
            with memoryview(s.buf) as view:  # one copy, and the buffer stays resizable
                lines = bytes(view[s.pos : nl]).split(b"\n")
            s.pos = nl + 1
            number, end = yield from self._copy_lines(lines, offset, number, decoder, crlf)
            if end >= 0:
                s.pos = end - s.base  # lines after the \. belong to the statement loop
                ended = True
        self.counters[table] = number
        yield from self.queue.flush()

    def _copy_lines(
        self, lines: list[bytes], offset: int, number: int, decoder: CopyDecoder, crlf: bool
    ) -> Generator[Event, None, tuple[int, int]]:
        """Rows of complete lines; returns (next row number, offset after ``\\.`` or -1)."""
        queue = self.queue
        batch = queue.batch
        assert batch is not None
        table, decode = batch.table, decoder.decode
        for raw in lines:
            line = raw[:-1] if crlf and raw[-1:] == b"\r" else raw
            if line == _END:
                return number, offset + len(raw) + 1
            row = decode(line)
            if row is None:
                self._value_count(table, line, decoder.ncols, offset)
            else:
                if decoder.flagged:
                    self._copy_issue(table, decoder, offset)
                # Appending in place (not via queue.add) keeps the per-row cost low.
                batch.rows.append(row)
                batch.offsets.append(offset)
                batch.row_numbers.append(number)
                if len(batch.rows) >= BATCH_ROWS:
                    yield from queue.flush()
                    yield from queue.target(table, batch.columns)
                    batch = queue.batch
                    assert batch is not None
            number += 1
            offset += len(raw) + 1
        return number, -1

    def _copy_truncated(self, table: str, start: int) -> None:
        s = self.s
        partial = len(s.buf) - s.pos
        where = s.offset
        s.pos = len(s.buf)
        tail = f"; its last {partial} bytes are an incomplete row, dropped" if partial else ""
        self.queue.report(
            "truncated",
            f"COPY data for {table!r} (started at byte {start}) ends without its \\. line{tail}",
            where,
            table,
        )

    def _value_count(self, table: str, line: bytes, expected: int, offset: int) -> None:
        found = line.count(b"\t") + 1 if line else 0
        self.queue.report(
            "value-count",
            f"COPY row of {table!r} has {found} fields, expected {expected}; row skipped",
            offset,
            table,
        )

    def _copy_issue(self, table: str, decoder: CopyDecoder, offset: int) -> None:
        for kind, flagged in (("encoding", decoder.bad_text), ("bytea", decoder.bad_bytea)):
            if flagged:
                message = _ISSUES[kind].format(enc=self.encoding)
                self.queue.report(kind, f"row of {table!r}: {message}", offset, table, "warning")
        decoder.flagged = decoder.bad_text = decoder.bad_bytea = False

    def skip_copy_block(self, start: int) -> None:
        """Consume a COPY block we cannot read, up to its ``\\.`` line."""
        s = self.s
        while True:
            s.compact()
            nl = s.find_newline()
            if nl < 0:
                s.pos = len(s.buf)
                self.queue.report("truncated", "skipped COPY block has no \\. line", start)
                return
            line = bytes(s.buf[s.pos : nl]).rstrip(b"\r")
            s.pos = nl + 1
            if line == _END:
                return

    def guess_copy_columns(self, table: str, start: int) -> tuple[str, ...]:
        """Positional column names for a COPY without column list and without CREATE TABLE."""
        s = self.s
        nl = s.find_newline()
        first = bytes(s.buf[s.pos : nl if nl >= 0 else len(s.buf)])
        n = 0 if first in (b"", _END) else first.count(b"\t") + 1
        self.queue.report(
            "unknown-columns",
            f"COPY into {table!r} without column list or CREATE TABLE; columns named by position",
            start,
            table,
            "warning",
        )
        return tuple(f"column{i + 1}" for i in range(n))

    # -- INSERT -------------------------------------------------------------

    def parse_insert(self, stmt: bytes, start: int, truncated: bool) -> InsertRows | None:
        """Parse an INSERT, reporting statements that are no INSERT … VALUES."""
        parsed = parse_insert(stmt, self.backslash_quotes)
        if parsed is None:
            kind = "truncated" if truncated else "syntax"
            self.queue.report(kind, "skipped an INSERT that could not be parsed", start)
        return parsed

    def insert_rows(
        self,
        parsed: InsertRows,
        columns: tuple[str, ...],
        binary: frozenset[int],
        start: int,
        truncated: bool,
    ) -> Iterator[Event]:
        """Rows of one parsed INSERT, appended to the pending batch."""
        queue, table = self.queue, parsed.table
        decoder = LiteralDecoder(parsed.stmt, self.encoding, self.backslash_quotes, set())
        yield from queue.target(table, columns)
        number = self.counters.get(table, 0)
        for rel, literals in parsed.rows:
            if len(literals) != len(columns):
                self.queue.report(
                    "value-count",
                    f"INSERT row of {table!r} has {len(literals)} values, "
                    f"expected {len(columns)}; row skipped",
                    start + rel,
                    table,
                )
            else:
                decoder.issues.clear()
                row: tuple[Value, ...] = tuple(
                    decoder.value(lit, i in binary) for i, lit in enumerate(literals)
                )
                for kind in sorted(decoder.issues):
                    message = _ISSUES[kind].format(enc=self.encoding)
                    queue.report(
                        kind, f"row of {table!r}: {message}", start + rel, table, "warning"
                    )
                yield from queue.add(row, start + rel, number)
            number += 1
        self.counters[table] = number
        if parsed.error is not None:
            queue.report(
                "truncated" if truncated else "syntax",
                f"INSERT into {table!r} stops being readable at statement byte {parsed.error}; "
                "rows before it were kept",
                start + parsed.error,
                table,
            )
