"""The contract every evidence reader fulfils.

A reader turns one byte stream (already decompressed, see
:mod:`safeguard.evidence.access`) into a stream of *events*:

* :class:`TableSchema` announces a source table and its declared columns
  (from ``CREATE TABLE``, a ``COPY`` column list, a log format, …). A reader
  announces a table before the first :class:`RowBatch` of it.
* :class:`RowBatch` carries rows of one table. Each row is a tuple aligned with
  ``columns``; each value is ``None`` (SQL NULL), ``str`` (text, numbers as
  their literal text) or ``bytes`` (binary literals and binary columns, never
  decoded). ``offsets[i]`` is the byte offset of row *i* in the stream;
  ``row_numbers[i]`` its 0-based index among the rows of that table in this
  stream. Only when the caller asked for it (``SourceInfo.options["arrow"] ==
  "1"``) may a reader instead leave ``rows`` empty and put the same rows in
  ``arrow``, a ``pyarrow.RecordBatch`` with one string (text) or binary column
  per name in ``columns``; ``offsets`` and ``row_numbers`` are filled as usual.
* :class:`Problem` reports something wrong (truncation, wrong value count, bad
  encoding, unknown statement) or something repaired (``severity="repair"``)
  at a byte offset. A reader never raises on bad input: it reports, skips the
  damaged unit (a row, a statement), and carries on with the rest. It may only
  raise :class:`safeguard.exceptions.EvidenceFormatError` when the stream is not
  in its format at all (detected before any row was yielded).

Readers must stream: memory must not grow with the size of the input, only
with the size of the largest single row.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Literal, Protocol

Value = str | bytes | None


@dataclass(frozen=True, slots=True)
class ColumnDef:
    """One declared column of a source table."""

    name: str
    sql_type: str | None = None  # as declared, lower case, e.g. "varbinary(16)"
    binary: bool = False  # values are bytes and must never be decoded as text
    charset: str | None = None  # declared charset if any (column or table), e.g. "latin1"


@dataclass(frozen=True, slots=True)
class TableSchema:
    """A source table as declared in the evidence."""

    name: str
    columns: tuple[ColumnDef, ...]
    charset: str | None = None
    offset: int = 0


@dataclass(slots=True)
class RowBatch:
    """Rows of one table, aligned with ``columns``."""

    table: str
    columns: tuple[str, ...]
    rows: list[tuple[Value, ...]]
    offsets: list[int]
    row_numbers: list[int]
    arrow: Any = None  # a pyarrow.RecordBatch replacing ``rows`` (only if asked for)


Severity = Literal["error", "warning", "repair"]


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong (or repaired) in the input, with its location."""

    kind: str  # short machine key, e.g. "truncated", "value-count", "encoding"
    message: str  # human sentence; never contains raw hostile input unescaped
    offset: int  # byte offset in the (decompressed) stream
    table: str | None = None
    severity: Severity = "error"
    count: int = 1  # for aggregated repairs/warnings


Event = TableSchema | RowBatch | Problem


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What the caller knows about the stream being read."""

    name: str  # file name or archive member, for messages
    size: int | None = None  # decompressed size when known
    options: dict[str, str] = field(default_factory=dict)


class Reader(Protocol):
    """A streaming reader for one evidence format."""

    #: short name used by ``--format`` and in the ingest report
    name: str

    def sniff(self, head: bytes, info: SourceInfo) -> float:
        """Return how likely (0..1) ``head`` (the first 64 KiB) is this format."""

    def read(self, stream: BinaryIO, info: SourceInfo) -> Iterator[Event]:
        """Yield events for the whole stream. Never raise on damaged input."""
