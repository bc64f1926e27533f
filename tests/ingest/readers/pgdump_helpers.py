"""Helpers shared by the pg_dump reader tests."""

from __future__ import annotations

import io

from safeguard.ingest.readers.base import Event, Problem, RowBatch, SourceInfo, TableSchema, Value
from safeguard.ingest.readers.pgdump import PgDumpReader

HEADER = (
    b"--\n-- PostgreSQL database dump\n--\n\n"
    b"SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\n"
    b"SELECT pg_catalog.set_config('search_path', '', false);\n\n"
)


def read_events(data: bytes, chunk_size: int = 1 << 20) -> list[Event]:
    """All events the reader yields for ``data``."""
    reader = PgDumpReader(chunk_size=chunk_size)
    return list(reader.read(io.BytesIO(data), SourceInfo(name="dump.sql")))


def rows_by_table(events: list[Event]) -> dict[str, list[tuple[Value, ...]]]:
    """Rows of every table, batches concatenated in order."""
    out: dict[str, list[tuple[Value, ...]]] = {}
    for ev in events:
        if isinstance(ev, RowBatch):
            out.setdefault(ev.table, []).extend(ev.rows)
    return out


def batches(events: list[Event]) -> list[RowBatch]:
    return [ev for ev in events if isinstance(ev, RowBatch)]


def problems(events: list[Event]) -> list[Problem]:
    return [ev for ev in events if isinstance(ev, Problem)]


def schemas(events: list[Event]) -> dict[str, TableSchema]:
    return {ev.name: ev for ev in events if isinstance(ev, TableSchema)}


def copy_field(value: str | bytes | None) -> str:
    """A value as pg_dump writes it in a COPY text-format field."""
    if value is None:
        return "\\N"
    if isinstance(value, bytes):
        return "\\\\x" + value.hex()
    return (
        value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    )


def copy_block(table: str, columns: list[str], rows: list[tuple[str | bytes | None, ...]]) -> str:
    """A ``COPY … FROM stdin`` block holding ``rows``."""
    lines = [f"COPY public.{table} ({', '.join(columns)}) FROM stdin;"]
    lines += ["\t".join(copy_field(v) for v in row) for row in rows]
    return "\n".join([*lines, "\\.", "", ""])


def sql_literal(value: str | bytes | None, e_string: bool = False) -> str:
    """A value as an SQL literal (standard_conforming_strings = on)."""
    if value is None:
        return "NULL"
    if isinstance(value, bytes):
        return "'\\x" + value.hex() + "'"
    if e_string:
        escaped = value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n")
        return "E'" + escaped + "'"
    return "'" + value.replace("'", "''") + "'"
