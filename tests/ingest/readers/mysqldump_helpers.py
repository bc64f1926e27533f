"""Helpers for the mysqldump reader tests: read bytes, collect rows and problems."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from safeguard.ingest.readers.base import Event, Problem, RowBatch, SourceInfo, TableSchema, Value
from safeguard.ingest.readers.mysqldump import MySQLDumpReader


def events(data: bytes, chunk: int | None = None) -> list[Event]:
    """All events of reading ``data`` (optionally with a tiny read size)."""
    options = {"chunk_bytes": str(chunk)} if chunk else {}
    return list(MySQLDumpReader().read(io.BytesIO(data), SourceInfo("t.sql", options=options)))


@dataclass
class Result:
    """What a read produced, grouped."""

    schemas: dict[str, TableSchema] = field(default_factory=dict)
    rows: dict[str, list[tuple[Value, ...]]] = field(default_factory=dict)
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    offsets: dict[str, list[int]] = field(default_factory=dict)
    numbers: dict[str, list[int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def kinds(self) -> list[str]:
        return [p.kind for p in self.problems]


def read(data: bytes, chunk: int | None = None) -> Result:
    """Read ``data`` and group the events; checks schemas come before rows."""
    out = Result()
    for e in events(data, chunk):
        if isinstance(e, TableSchema):
            out.schemas[e.name] = e
        elif isinstance(e, RowBatch):
            assert e.table in out.schemas, "a table is announced before its rows"
            assert len(e.rows) == len(e.offsets) == len(e.row_numbers)
            assert all(len(r) == len(e.columns) for r in e.rows)
            out.rows.setdefault(e.table, []).extend(e.rows)
            out.columns[e.table] = e.columns
            out.offsets.setdefault(e.table, []).extend(e.offsets)
            out.numbers.setdefault(e.table, []).extend(e.row_numbers)
        else:
            out.problems.append(e)
    return out


HEADER = (
    b"-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n/*!50503 SET NAMES utf8mb4 */;\n"
)


def dump(*statements: str | bytes, header: bytes = HEADER) -> bytes:
    """A dump of ``statements`` (str encoded as UTF-8), one per line, after a header."""
    parts = [s.encode() if isinstance(s, str) else s for s in statements]
    return header + b"\n".join(parts) + b"\n"


CREATE_T = (
    "CREATE TABLE `t` (\n  `id` int(11) NOT NULL,\n  `v` text\n) "
    "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;"
)
