"""The JSON Lines reader; documented with the CSV reader in
:mod:`safeguard.ingest.readers.tabular`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from safeguard.exceptions import EvidenceFormatError
from safeguard.ingest.readers.base import (
    ColumnDef,
    Event,
    RowBatch,
    Severity,
    SourceInfo,
    TableSchema,
)
from safeguard.ingest.readers.linestream import ProblemTally, iter_lines
from safeguard.ingest.readers.tabular_json import parse_object
from safeguard.ingest.readers.tabular_source import Utf8Source, decode_values, table_name

BATCH_ROWS = 10_000
MAX_LINE = 1 << 28
_GIVE_UP = 64  # this many leading bad lines and no object: not JSON Lines


class JsonlReader:
    """Reads a JSON Lines file into one table named after the file."""

    name = "jsonl"

    def sniff(self, head: bytes, info: SourceInfo) -> float:
        """By extension, then by lines that start with ``{`` and end with ``}``."""
        ext = 0.5 if info.name.lower().endswith((".jsonl", ".ndjson", ".json")) else 0.0
        lines = [ln.strip() for ln in head.lstrip(b"\xef\xbb\xbf").split(b"\n")[:-1] if ln.strip()]
        if not lines:
            return ext / 2
        hits = sum(1 for ln in lines if ln.startswith(b"{") and ln.endswith(b"}"))
        return min(ext + 0.45 * hits / len(lines), 0.95)

    def read(self, stream: BinaryIO, info: SourceInfo) -> Iterator[Event]:
        """Yield schemas (re-announced as keys appear), row batches and problems."""
        src = Utf8Source(stream)
        state = _JsonlTable(table_name(info))
        for pos, line, size in iter_lines(src, MAX_LINE):
            offset = src.offset(pos)
            if size > MAX_LINE:
                yield from state.problem("line-too-long", f"{size}-byte line skipped", offset)
                continue
            if line.strip():
                yield from state.line(line.removesuffix(b"\r"), offset)
            if state.count == _GIVE_UP and not state.columns:
                raise EvidenceFormatError(f"{info.name}: no JSON object in the first lines")
        yield from state.finish()


class _JsonlTable:
    def __init__(self, table: str) -> None:
        self.table = table
        self.tally = ProblemTally(table)
        self.columns: list[str] = []
        self.batch = RowBatch(table, (), [], [], [])
        self.count = 0  # non-blank lines seen

    def problem(
        self, kind: str, message: str, offset: int, severity: Severity = "error"
    ) -> Iterator[Event]:
        found = self.tally.add(kind, message, offset, severity)
        if found is not None:
            yield found

    def line(self, line: bytes, offset: int) -> Iterator[Event]:
        number = self.count
        self.count += 1
        (text,), ok = decode_values([line])
        if not ok:
            message = "invalid UTF-8 replaced by U+FFFD"
            yield from self.problem("encoding", message, offset, "repair")
        obj, problems = parse_object(text)
        for kind, message in problems:
            yield from self.problem(
                kind, message, offset, "warning" if obj is not None else "error"
            )
        if obj is None:
            return
        new = [k for k in obj if k not in self.batch.columns and k not in self.columns]
        if new:
            yield from self.flush()
            self.columns.extend(new)
            self.batch.columns = tuple(self.columns)
            yield TableSchema(self.table, tuple(ColumnDef(c) for c in self.columns), offset=offset)
        self.batch.rows.append(tuple(obj.get(c) for c in self.columns))
        self.batch.offsets.append(offset)
        self.batch.row_numbers.append(number)
        if len(self.batch.rows) >= BATCH_ROWS:
            yield from self.flush()

    def flush(self) -> Iterator[Event]:
        if self.batch.rows:
            yield self.batch
            self.batch = RowBatch(self.table, tuple(self.columns), [], [], [])

    def finish(self) -> Iterator[Event]:
        yield from self.flush()
        yield from self.tally.flush()
