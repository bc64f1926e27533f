"""Staging: a reader's events → Parquet copies of the raw source tables.

Each table is written to ``<dir>/<table>.<part>.parquet`` with two extra
columns, ``_sg_row`` (0-based row index in the table) and ``_sg_offset``
(byte offset in the stream). Text columns are Parquet strings, binary columns
Parquet binary, so packed IPs and hashes are never decoded. A new part starts
when a table gains columns (JSONL) — read them with ``union_by_name``.

Memory is bounded: rows are flushed per table every ``batch_rows`` rows or
~32 MB of source bytes, whichever comes first.

Batches that carry Arrow data (:attr:`RowBatch.arrow`, from the native
mysqldump scanner) are kept as Arrow and written without a Python object per
value. Pending Python rows and pending Arrow batches of a table are never
mixed in one flush: a change of kind flushes first, so rows stay in order.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from safeguard.ingest.readers.base import Problem, RowBatch, Severity, TableSchema, Value

FLUSH_BYTES = 32 * 1024 * 1024
MAX_PROBLEM_ROWS = 1000  # individual problems kept per unit; the rest are aggregated


def safe_file_stem(table: str) -> str:
    """A file-system-safe, collision-free stem for a hostile table name."""
    clean = re.sub(r"[^A-Za-z0-9_.-]", "_", table)[:80]
    if clean != table:
        clean += "-" + hashlib.sha256(table.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return clean


@dataclass
class _Table:
    name: str
    stem: str
    binary: set[str]
    columns: list[str] = field(default_factory=list)
    rows: list[tuple[Value, ...]] = field(default_factory=list)
    arrow: list[pa.RecordBatch] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)
    pending_bytes: int = 0
    row_count: int = 0
    writer: pq.ParquetWriter | None = None
    writer_columns: tuple[str, ...] = ()
    parts: list[str] = field(default_factory=list)


class StagingWriter:
    """Consume events; write Parquet; keep the problem list."""

    def __init__(self, folder: Path, batch_rows: int) -> None:
        self.folder = folder
        self.batch_rows = batch_rows
        self.tables: dict[str, _Table] = {}
        self.problems: list[Problem] = []
        self._aggregated: dict[tuple[str | None, Severity, str], int] = {}

    def _table(self, name: str) -> _Table:
        if name not in self.tables:
            self.tables[name] = _Table(name, safe_file_stem(name), set())
        return self.tables[name]

    def schema(self, event: TableSchema) -> None:
        t = self._table(event.name)
        for col in event.columns:
            if col.name not in t.columns:
                t.columns.append(col.name)
            if col.binary:
                t.binary.add(col.name)

    def problem(self, p: Problem) -> None:
        if len(self.problems) < MAX_PROBLEM_ROWS:
            self.problems.append(p)
        else:
            key = (p.table, p.severity, p.kind)
            self._aggregated[key] = self._aggregated.get(key, 0) + p.count

    def rows(self, batch: RowBatch) -> None:
        t = self._table(batch.table)
        if (batch.arrow is not None and t.rows) or (batch.arrow is None and t.arrow):
            self._flush(t)  # never mix the two kinds in one flush
        if batch.arrow is not None:
            for col in batch.columns:
                if col not in t.columns:
                    t.columns.append(col)
            t.arrow.append(batch.arrow)
        elif tuple(batch.columns) != tuple(t.columns):
            self._realign(t, batch)
        else:
            t.rows.extend(batch.rows)
        t.row_numbers.extend(batch.row_numbers)
        t.offsets.extend(batch.offsets)
        if batch.offsets:
            t.pending_bytes += batch.offsets[-1] - batch.offsets[0] + 1
        if len(t.row_numbers) >= self.batch_rows or t.pending_bytes >= FLUSH_BYTES:
            self._flush(t)

    def _realign(self, t: _Table, batch: RowBatch) -> None:
        for col in batch.columns:
            if col not in t.columns:
                t.columns.append(col)
        index = {c: i for i, c in enumerate(batch.columns)}
        picks = [index.get(c) for c in t.columns]
        t.rows.extend(tuple(None if i is None else r[i] for i in picks) for r in batch.rows)

    def _flush(self, t: _Table) -> None:
        if t.arrow:
            arrays = [self._arrow_column(t, name) for name in t.columns]
        elif t.rows:
            width = len(t.columns)
            rows = [r if len(r) == width else (r + (None,) * width)[:width] for r in t.rows]
            cols = list(zip(*rows, strict=True)) if rows else []
            arrays = [
                self._array(t, name, list(vals)) for name, vals in zip(t.columns, cols, strict=True)
            ]
        else:
            return
        arrays += [pa.array(t.row_numbers, pa.int64()), pa.array(t.offsets, pa.int64())]
        names = [*t.columns, "_sg_row", "_sg_offset"]
        table = pa.Table.from_arrays(arrays, names=names)
        if t.writer is None or tuple(names) != t.writer_columns or table.schema != t.writer.schema:
            if t.writer is not None:
                t.writer.close()
            part = f"{t.stem}.{len(t.parts):04d}.parquet"
            t.parts.append(part)
            t.writer = pq.ParquetWriter(self.folder / part, table.schema, compression="zstd")
            t.writer_columns = tuple(names)
        t.writer.write_table(table)
        t.row_count += len(t.row_numbers)
        t.rows, t.arrow, t.row_numbers, t.offsets, t.pending_bytes = [], [], [], [], 0

    def _binary(self, t: _Table, name: str, has_bytes: bool, has_str: bool) -> bool:
        """Whether column ``name`` is written as Parquet binary (else string)."""
        if t.writer is not None and name in t.writer_columns:
            return bool(t.writer.schema.field(name).type == pa.binary())
        return name in t.binary or (t.writer is None and has_bytes and not has_str)

    def _arrow_column(self, t: _Table, name: str) -> pa.Array:
        """One column of the pending Arrow batches, typed as :meth:`_array` would type it."""
        where = [b.schema.get_field_index(name) for b in t.arrow]  # -1: not in that batch
        chunks = [b.column(i) if i >= 0 else None for b, i in zip(t.arrow, where, strict=True)]
        used = [c for c in chunks if c is not None and c.null_count < len(c)]
        has_bytes = any(c.type == pa.binary() for c in used)
        binary = self._binary(t, name, has_bytes, any(c.type == pa.string() for c in used))
        kind = pa.binary() if binary else pa.string()
        if binary:
            t.binary.add(name)
        out = []
        for batch, chunk in zip(t.arrow, chunks, strict=True):
            if chunk is None:
                out.append(pa.nulls(batch.num_rows, kind))
            elif chunk.type == kind or binary:
                out.append(chunk.cast(kind))  # string -> binary keeps the UTF-8 bytes
            else:  # bytes into a text column: decoded with U+FFFD, as Python rows are
                text = [v if v is None else v.decode("utf-8", "replace") for v in chunk.to_pylist()]
                out.append(pa.array(text, pa.string()))
        return pa.concat_arrays(out)

    def _array(self, t: _Table, name: str, vals: list[Value]) -> pa.Array:
        binary = self._binary(
            t,
            name,
            any(isinstance(v, bytes) for v in vals),
            any(isinstance(v, str) for v in vals),
        )
        if binary:
            t.binary.add(name)
            return pa.array(
                [v.encode("utf-8", "surrogatepass") if isinstance(v, str) else v for v in vals],
                pa.binary(),
            )
        return pa.array(
            [v.decode("utf-8", "replace") if isinstance(v, bytes) else v for v in vals], pa.string()
        )

    def abort(self) -> None:
        """Close every open file without flushing (after a failure; never raises)."""
        for t in self.tables.values():
            if t.writer is not None:
                # the failure being handled already says what went wrong
                with contextlib.suppress(OSError):
                    t.writer.close()
                t.writer = None

    def close(self) -> None:
        """Flush everything and close the files."""
        for t in self.tables.values():
            self._flush(t)
            if t.writer is not None:
                t.writer.close()
                t.writer = None
        for (table, severity, kind), count in sorted(
            self._aggregated.items(), key=lambda kv: tuple(str(x) for x in kv[0])
        ):
            self.problems.append(
                Problem(kind, f"{count} more '{kind}' problems", -1, table, severity, count)
            )
