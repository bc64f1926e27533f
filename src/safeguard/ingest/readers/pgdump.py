"""Streaming reader for plain-format PostgreSQL dumps (``pg_dump`` SQL output).

Reads what ``pg_dump`` writes without ``-F``: ``CREATE TABLE`` for schemas,
``COPY … FROM stdin`` blocks (the default, and what Discourse backups hold)
and ``INSERT`` statements (``--inserts`` / ``--column-inserts``). Everything
else (SET, ALTER, functions, psql meta-commands such as ``\\connect`` and
``\\restrict``) is skipped. Table names drop the ``public.`` schema; tables in
other schemas are named ``schema.table``.

Values are the text COPY would write (``t``/``f``, ``{…}`` arrays, inet,
timestamps), ``None`` for NULL, and ``bytes`` for ``bytea`` columns.
``row_numbers`` count every data row of a table in the stream, including
rows skipped as damaged, so a gap shows where a row was lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from safeguard.exceptions import EvidenceFormatError
from safeguard.ingest.readers.base import ColumnDef, Event, SourceInfo, TableSchema
from safeguard.ingest.readers.pg_data import DataReader
from safeguard.ingest.readers.pg_scan import scan_statement
from safeguard.ingest.readers.pg_stmt import parse_copy_header, parse_create_table
from safeguard.ingest.readers.pg_stream import CHUNK_SIZE, ByteStream

SNIFF_BYTES = 64 * 1024

_SIGNS: tuple[tuple[re.Pattern[bytes], float], ...] = (
    (re.compile(rb"^-- PostgreSQL database dump", re.M), 0.95),
    (re.compile(rb"^COPY [^\n;]+ FROM stdin;", re.M), 0.9),
    (re.compile(rb"^SET standard_conforming_strings\b", re.M), 0.8),
    (re.compile(rb"pg_catalog\.set_config\(", re.M), 0.8),
    (re.compile(rb"^\\(?:restrict|connect) ", re.M), 0.6),
    (re.compile(rb"^(?:CREATE TABLE|INSERT INTO) public\.", re.M), 0.5),
    (re.compile(rb"^(?:CREATE TABLE|INSERT INTO) [\"A-Za-z_]", re.M), 0.2),
)
_HEAD_WORD = re.compile(rb"[A-Za-z]+")
_LEAD = re.compile(rb"(?:\s+|--[^\n]*)+")
_COMMENT_MARK = re.compile(rb"/\*|\*/")
_CREATE_TABLE = re.compile(
    rb"(?i)CREATE\s+(?:(?:GLOBAL|LOCAL)\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\s+)?TABLE\b"
)
_FROM_STDIN = re.compile(rb"(?i)\bFROM\s+STDIN\b")
_SET_VALUE = re.compile(rb"(?i)\s*SET\s+(?:SESSION\s+)?(\w+)\s*(?:=|TO)\s*'?([\w-]+)")
_BLANK = re.compile(rb"[ \t\r\n\f\v]+")
_SKIPPED = frozenset(
    (
        "SELECT", "ALTER", "CREATE", "COMMENT", "GRANT", "REVOKE", "DROP", "BEGIN", "COMMIT",
        "END", "START", "ROLLBACK", "ABORT", "REFRESH", "SECURITY", "TRUNCATE", "LOCK",
        "ANALYZE", "VACUUM", "RESET", "REINDEX", "CLUSTER", "NOTIFY", "DO", "CHECKPOINT",
        "DISCARD", "IMPORT", "REASSIGN", "SAVEPOINT", "RELEASE",
    )
)  # fmt: skip
_ENCODINGS = {
    "UTF8": "utf-8", "UNICODE": "utf-8", "SQL_ASCII": "utf-8", "LATIN1": "latin-1",
    "LATIN2": "iso8859-2", "LATIN9": "iso8859-15", "WIN1250": "cp1250", "WIN1251": "cp1251",
    "WIN1252": "cp1252", "KOI8R": "koi8-r", "KOI8U": "koi8-u", "ISO_8859_5": "iso8859-5",
    "ISO_8859_7": "iso8859-7", "EUC_JP": "euc-jp", "EUC_KR": "euc-kr", "EUC_CN": "gb2312",
}  # fmt: skip


class PgDumpReader:
    """Reader for plain SQL dumps written by ``pg_dump`` (see module docstring)."""

    name = "pgdump"

    def __init__(self, chunk_size: int = CHUNK_SIZE) -> None:
        # Tests pass tiny chunk sizes to exercise every buffer boundary.
        self.chunk_size = chunk_size

    def sniff(self, head: bytes, info: SourceInfo) -> float:
        """High for pg_dump markers; also high for custom/tar dumps so ``read`` can explain."""
        if head.startswith(b"PGDMP") or _is_tar_dump(head):
            return 0.9
        if b"\x00" in head[:4096]:
            return 0.0
        return max((score for pattern, score in _SIGNS if pattern.search(head)), default=0.0)

    def read(self, stream: BinaryIO, info: SourceInfo) -> Iterator[Event]:
        """Yield schemas, row batches and problems; raise only if this is no plain pg dump."""
        s = ByteStream(stream, self.chunk_size)
        s.available(SNIFF_BYTES)
        head = bytes(s.buf[:SNIFF_BYTES])
        if head.startswith(b"PGDMP") or _is_tar_dump(head):
            kind = "custom-format" if head.startswith(b"PGDMP") else "tar-format"
            raise EvidenceFormatError(
                f"{info.name}: this is a {kind} pg_dump archive, not a plain SQL dump; convert it "
                f"with `pg_restore -f out.sql {info.name}` and register out.sql"
            )
        if self.sniff(head, info) == 0.0:  # nothing pg_dump writes in the first 64 KiB
            raise EvidenceFormatError(f"{info.name}: not a plain-format PostgreSQL dump")
        if head.startswith(b"\xef\xbb\xbf"):
            s.pos = 3
        yield from _Session(s).run()


def _is_tar_dump(head: bytes) -> bool:
    return head[:8] == b"toc.dat\x00" and head[257:262] == b"ustar"


class _Session:
    """State while reading one stream: statement loop and dispatch."""

    def __init__(self, s: ByteStream) -> None:
        self.s = s
        self.data = DataReader(s)
        self.schemas: dict[str, TableSchema] = {}
        self.announced: set[str] = set()

    def run(self) -> Iterator[Event]:
        s = self.s
        while True:
            s.compact()
            if not self._skip_between():
                break
            start = s.offset
            end = scan_statement(s, self.data.backslash_quotes)
            truncated = end < 0
            stmt_end = len(s.buf) if truncated else end
            with memoryview(s.buf) as view:  # one copy, and the buffer stays resizable
                stmt = bytes(view[s.pos : stmt_end])
            s.pos = stmt_end
            yield from self._statement(stmt, start, truncated)
        yield from self.data.queue.finish()

    def _skip_between(self) -> bool:
        """Skip blanks, ``--`` comment lines and psql meta-command lines; False at EOF."""
        s = self.s
        while s.available(2):
            c = s.buf[s.pos]
            if c in b" \t\r\n\f\v":
                m = _BLANK.match(s.buf, s.pos)
                s.pos = m.end() if m else s.pos + 1
            elif c == 0x5C or s.buf[s.pos : s.pos + 2] == b"--":
                s.skip_line()  # \connect, \restrict KEY, … or a comment
            else:
                return True
        return False

    def _statement(self, stmt: bytes, start: int, truncated: bool) -> Iterator[Event]:
        lead = _lead_end(stmt)
        m = _HEAD_WORD.match(stmt, lead)
        keyword = m.group().upper().decode() if m else ""
        if keyword == "INSERT":
            yield from self._insert(stmt, start, truncated)
            return
        queue = self.data.queue
        yield from queue.flush()
        if truncated:
            queue.report("truncated", "the dump ends inside a statement", start)
        elif keyword == "COPY":
            yield from self._copy(stmt, start)
        elif _CREATE_TABLE.match(stmt, lead):
            yield from self._create_table(stmt, start)
        elif keyword == "SET":
            self._set(stmt, start)
        elif keyword not in _SKIPPED:
            queue.report(
                "unknown-statement",
                f"skipped a statement that pg_dump does not write: {_excerpt(stmt)}",
                start,
                severity="warning",
            )
        yield from queue.flush()

    def _create_table(self, stmt: bytes, start: int) -> Iterator[Event]:
        schema = parse_create_table(stmt, start)
        if schema is None:
            return
        self.schemas[schema.name] = schema
        self.announced.add(schema.name)
        yield schema

    def _announce(self, table: str, columns: tuple[str, ...], offset: int) -> Iterator[Event]:
        if table not in self.announced:
            self.announced.add(table)
            known = self.schemas.get(table)
            yield known or TableSchema(table, tuple(ColumnDef(c) for c in columns), offset=offset)

    def _binary(self, table: str, columns: tuple[str, ...]) -> frozenset[int]:
        schema = self.schemas.get(table)
        kinds = {c.name: c.binary for c in schema.columns} if schema else {}
        return frozenset(i for i, c in enumerate(columns) if kinds.get(c, False))

    def _columns(self, table: str, listed: tuple[str, ...] | None) -> tuple[str, ...] | None:
        if listed is not None:
            return listed
        schema = self.schemas.get(table)
        return tuple(c.name for c in schema.columns) if schema else None

    def _copy(self, stmt: bytes, start: int) -> Iterator[Event]:
        s, queue = self.s, self.data.queue
        if not _FROM_STDIN.search(stmt):
            return  # COPY TO / FROM a file: no data follows in the dump
        s.skip_line()  # the rest of the COPY line; data starts on the next one
        target = parse_copy_header(stmt)
        if target is None or not target.plain_text:
            queue.report("unsupported-copy", f"skipped COPY block: {_excerpt(stmt)}", start)
            self.data.skip_copy_block(start)
            return
        columns = self._columns(target.table, target.columns)
        if columns is None:
            columns = self.data.guess_copy_columns(target.table, start)
        yield from self._announce(target.table, columns, start)
        binary = self._binary(target.table, columns)
        yield from self.data.copy_block(target.table, columns, binary, start)

    def _insert(self, stmt: bytes, start: int, truncated: bool) -> Iterator[Event]:
        parsed = self.data.parse_insert(stmt, start, truncated)
        if parsed is None:
            return
        columns = self._columns(parsed.table, parsed.columns)
        if columns is None and parsed.rows:
            n = len(parsed.rows[0][1])
            columns = tuple(f"column{i + 1}" for i in range(n))
            self.data.queue.report(
                "unknown-columns",
                f"INSERT into {parsed.table!r} without column list or CREATE TABLE; "
                "columns named by position",
                start,
                parsed.table,
                "warning",
            )
        if columns is None:
            return
        if parsed.table not in self.announced:
            yield from self.data.queue.flush()
            yield from self._announce(parsed.table, columns, start)
        binary = self._binary(parsed.table, columns)
        yield from self.data.insert_rows(parsed, columns, binary, start, truncated)

    def _set(self, stmt: bytes, start: int) -> None:
        m = _SET_VALUE.match(stmt)
        if m is None:
            return
        name, value = m.group(1).lower(), m.group(2).decode("ascii", "replace").upper()
        if name == b"standard_conforming_strings":
            self.data.backslash_quotes = value == "OFF"
        elif name == b"client_encoding":
            encoding = _ENCODINGS.get(value.replace("-", "_"))
            if encoding is None:
                self.data.queue.report(
                    "encoding",
                    f"unknown client_encoding {value!r}; reading the dump as UTF-8",
                    start,
                    severity="warning",
                )
            self.data.encoding = encoding or "utf-8"


def _lead_end(stmt: bytes) -> int:
    """Index of the first byte after leading blanks and (nested) comments."""
    i = 0
    while True:
        m = _LEAD.match(stmt, i)
        i = m.end() if m else i
        if stmt[i : i + 2] != b"/*":
            return i
        depth, i = 1, i + 2
        while depth:
            mark = _COMMENT_MARK.search(stmt, i)
            if mark is None:
                return len(stmt)
            depth += 1 if mark.group() == b"/*" else -1
            i = mark.end()


def _excerpt(raw: bytes, limit: int = 60) -> str:
    """A short, escaped excerpt of hostile bytes for a message."""
    text = " ".join(raw[:limit].decode("utf-8", "replace").split())
    return ascii(text + ("…" if len(raw) > limit else ""))
