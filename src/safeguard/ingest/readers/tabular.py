"""Streaming readers for generic tables: CSV (``csv``) and JSON Lines (``jsonl``).

Both produce one table named after the file's stem (``SourceInfo.name``
``exports/users.csv`` → ``users``; option ``table`` overrides it) whose
columns the user maps to Safeguard's records. All values are text or
``None``. Encoding: UTF-8 with or without BOM, or UTF-16 with BOM (decoded);
invalid UTF-8 is replaced by U+FFFD and reported (``encoding``). Offsets are
exact byte offsets of each record's first byte in the stream (for UTF-16,
computed from the code units before the record).

**CSV** — the first non-blank record is the header; its names are stripped,
and an empty or repeated name becomes ``col_N`` (N = 1-based position).
Delimiter: option ``delimiter``, else sniffed among ``,`` ``;`` tab ``|``
from the first lines. Records are split by our own RFC 4180 splitter on bytes
(:mod:`safeguard.ingest.readers.tabular_csv`), not the :mod:`csv` module,
because the module cannot tell where a record starts; quoted fields may hold
CR/LF and have no size limit but memory. Empty fields are ``""``, never
``None``. A record with the wrong number of fields is skipped
(``value-count``); NUL bytes are removed (``nul-byte``, repair); blank lines
are ignored. ``row_numbers`` count data records, skipped ones included.

**JSONL** — one JSON object per line (``\\n``; a trailing ``\\r`` is
ignored). Columns are the union of top-level keys in first-seen order: when a
line brings new keys, the reader announces a new :class:`TableSchema` with
the longer column list before the next batch (consumers take the union).
Values: strings as they are, numbers as their literal text, ``true``/
``false``, ``null`` → ``None``, objects and arrays as compact JSON text; a key
missing from a line is ``None``. Problems: ``json-invalid``,
``json-too-deep``, ``not-object`` (line skipped), ``duplicate-key`` (last
value kept, warning), ``lone-surrogate`` (a ``\\uD800``-style escape that
UTF-8 cannot store, replaced by U+FFFD; warning), ``line-too-long`` (over
256 MiB, skipped unread).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from safeguard.ingest.readers.base import (
    ColumnDef,
    Event,
    Problem,
    RowBatch,
    SourceInfo,
    TableSchema,
    Value,
)
from safeguard.ingest.readers.linestream import ProblemTally
from safeguard.ingest.readers.tabular_csv import CsvSplitter, Record
from safeguard.ingest.readers.tabular_jsonl import JsonlReader
from safeguard.ingest.readers.tabular_source import Utf8Source, decode_values, table_name

BATCH_ROWS = 10_000
_DELIMITERS = (b",", b";", b"\t", b"|")
__all__ = ["CsvReader", "JsonlReader", "table_name"]


def sniff_delimiter(head: bytes) -> bytes:
    """The candidate that splits the first lines into the same, largest field count."""
    lines = [ln for ln in head.split(b"\n")[:20] if ln.strip()][:-1] or head.split(b"\n")[:1]

    def score(delim: bytes) -> tuple[bool, int]:
        counts = [ln.count(delim) for ln in lines]
        return (min(counts) > 0 and len(set(counts)) == 1, counts[0] if counts else 0)

    return max(_DELIMITERS, key=score)


class CsvReader:
    """Reads one CSV file into one table named after the file."""

    name = "csv"

    def sniff(self, head: bytes, info: SourceInfo) -> float:
        """By extension, then by a consistent delimiter count in the first lines."""
        ext = 0.5 if info.name.lower().endswith((".csv", ".tsv")) else 0.0
        if b"\0" in head[:4096]:
            return ext / 2
        lines = [ln for ln in head.split(b"\n")[:20] if ln.strip()]
        delim = sniff_delimiter(head)
        counts = {ln.count(delim) for ln in lines[:-1] or lines}
        looks = 0.3 if len(counts) == 1 and min(counts, default=0) > 0 else 0.0
        return min(ext + looks, 0.9)

    def read(self, stream: BinaryIO, info: SourceInfo) -> Iterator[Event]:
        """Yield the table's schema, its row batches and problems."""
        src = Utf8Source(stream)
        table = table_name(info)
        option = info.options.get("delimiter", "").encode().replace(b"\\t", b"\t")
        splitter = CsvSplitter(src)
        splitter.set_delimiter(option[:1] or sniff_delimiter(splitter.head()))
        yield from _CsvTable(table, src).events(splitter.records())


class _CsvTable:
    """Turns records into a schema, batches and problems."""

    def __init__(self, table: str, src: Utf8Source) -> None:
        self.table, self.src = table, src
        self.tally = ProblemTally(table)
        self.columns: tuple[str, ...] | None = None
        self.batch = RowBatch(table, (), [], [], [])
        self.count = 0

    def events(self, records: Iterator[Record]) -> Iterator[Event]:
        for record in records:
            offset = self.src.offset(record.start)
            if record.fields == [b""] and not record.problems:
                continue  # blank line
            problems = [self.tally.add(k, _MESSAGES[k], offset, "warning") for k in record.problems]
            row = self._row(record, offset, problems) if record.fields else None
            yield from (p for p in problems if p is not None)
            if self.columns is None and row is not None:
                self.columns = unique_names(row)
                self.batch.columns = self.columns
                yield TableSchema(
                    self.table, tuple(ColumnDef(c) for c in self.columns), offset=offset
                )
            elif row is not None:
                yield from self._add(row, offset, problems)
        if self.batch.rows:
            yield self.batch
        yield from self.tally.flush()

    def _row(self, record: Record, offset: int, problems: list[Problem | None]) -> list[str]:
        values, ok = decode_values(record.fields)
        if not ok:
            problems.append(self.tally.add("encoding", _MESSAGES["encoding"], offset, "repair"))
        if any("\0" in v for v in values):
            values = [v.replace("\0", "") for v in values]
            problems.append(self.tally.add("nul-byte", _MESSAGES["nul-byte"], offset, "repair"))
        return values

    def _add(self, row: list[str], offset: int, problems: list[Problem | None]) -> Iterator[Event]:
        number = self.count
        self.count += 1
        assert self.columns is not None
        if len(row) != len(self.columns):
            message = f"{len(row)} fields, header has {len(self.columns)}; record skipped"
            problem = self.tally.add("value-count", message, offset)
            if problem is not None:
                yield problem
            return
        values: tuple[Value, ...] = tuple(row)
        self.batch.rows.append(values)
        self.batch.offsets.append(offset)
        self.batch.row_numbers.append(number)
        if len(self.batch.rows) >= BATCH_ROWS:
            yield self.batch
            self.batch = RowBatch(self.table, self.columns, [], [], [])


_MESSAGES = {
    "stray-quote": "text after a closing quote kept in the field",
    "unterminated-quote": "quote never closed; the rest of the stream is one field",
    "record-too-long": "record over 256 MiB; skipped up to the next line",
    "encoding": "invalid UTF-8 replaced by U+FFFD",
    "nul-byte": "NUL bytes removed",
}


def unique_names(header: list[str]) -> tuple[str, ...]:
    """Header names stripped; empty or repeated ones become ``col_N`` (1-based)."""
    names: list[str] = []
    for i, raw in enumerate(header, start=1):
        name = raw.strip()
        if not name or name in names:
            name = f"col_{i}"
            while name in names or name in header:
                name += "_"
        names.append(name)
    return tuple(names)
