"""Event bookkeeping for the pg_dump reader: row batches, problem queue, caps.

Rows are collected into one pending :class:`RowBatch` (consecutive INSERTs
into the same table share it, so ``--inserts`` dumps do not become one batch
per row). Problems are queued and emitted right after the batch they belong
to. Repetitive problems (say, bad bytes on every row of a mislabelled table)
are reported individually up to :data:`PROBLEM_CAP` per table and kind, then
counted and summarised once at the end.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from safeguard.ingest.readers.base import Event, Problem, RowBatch, Severity, Value

BATCH_ROWS = 10_000
PROBLEM_CAP = 20


@dataclass(slots=True)
class _Suppressed:
    count: int = 0
    offset: int = 0
    severity: Severity = "error"


@dataclass(slots=True)
class EventQueue:
    """The pending batch and problems; ``flush`` yields them in order."""

    batch: RowBatch | None = None
    problems: list[Problem] = field(default_factory=list)
    _seen: dict[tuple[str | None, str], int] = field(default_factory=dict)
    _suppressed: dict[tuple[str | None, str], _Suppressed] = field(default_factory=dict)

    def target(self, table: str, columns: tuple[str, ...]) -> Iterator[Event]:
        """Make the pending batch one for ``table``/``columns``, flushing another one first."""
        b = self.batch
        if b is not None and (b.table != table or b.columns != columns):
            yield from self.flush()
            b = None
        if b is None:
            self.batch = RowBatch(table=table, columns=columns, rows=[], offsets=[], row_numbers=[])

    def add(self, row: tuple[Value, ...], offset: int, number: int) -> Iterator[Event]:
        """Append a row to the pending batch (see :meth:`target`); flush when full."""
        b = self.batch
        assert b is not None
        b.rows.append(row)
        b.offsets.append(offset)
        b.row_numbers.append(number)
        if len(b.rows) >= BATCH_ROWS:
            yield from self.flush()
            self.batch = RowBatch(
                table=b.table, columns=b.columns, rows=[], offsets=[], row_numbers=[]
            )

    def report(
        self,
        kind: str,
        message: str,
        offset: int,
        table: str | None = None,
        severity: Severity = "error",
    ) -> None:
        """Queue a problem; beyond the cap for (table, kind) only count it."""
        key = (table, kind)
        seen = self._seen.get(key, 0) + 1
        self._seen[key] = seen
        if seen <= PROBLEM_CAP:
            self.problems.append(Problem(kind, message, offset, table, severity))
            return
        s = self._suppressed.setdefault(key, _Suppressed(severity=severity))
        s.count += 1
        s.offset = offset

    def flush(self) -> Iterator[Event]:
        """Yield the pending batch (if it has rows) and the queued problems."""
        b = self.batch
        if b is not None and b.rows:
            yield b
        self.batch = None
        if self.problems:
            yield from self.problems
            self.problems = []

    def finish(self) -> Iterator[Event]:
        """Flush, then summarise the problems that were only counted."""
        yield from self.flush()
        for (table, kind), s in self._suppressed.items():
            where = f" in table {table!r}" if table else ""
            yield Problem(
                kind,
                f"{s.count} more {kind!r} problems{where} (only the first {PROBLEM_CAP} are "
                f"listed one by one; the last is at byte {s.offset})",
                s.offset,
                table,
                s.severity,
                count=s.count,
            )
