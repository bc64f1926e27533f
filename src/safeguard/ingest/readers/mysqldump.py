"""Streaming reader for MySQL / MariaDB dumps (mysqldump, mariadb-dump, phpMyAdmin).

Yields a :class:`TableSchema` per ``CREATE TABLE``, a :class:`RowBatch` per
``INSERT``/``REPLACE`` statement (split at :data:`BATCH_ROWS` rows), and
:class:`Problem` events. The stream is read in chunks and tokenized with
regexes over bytes (see :mod:`mysql_lex`); memory grows only with the largest
single row or statement. ``SET NAMES`` decides how text is decoded; binary
columns and binary literals stay bytes. Anything other than tables and rows
(views, triggers, routines, locks, keys) is skipped.

Options (``SourceInfo.options``): ``chunk_bytes`` (read size, default 1 MiB),
``max_row_bytes`` (a single row or statement larger than this is reported and
skipped; default 1 GiB), ``arrow`` (``"1"``: rows the native scanner reads come
as ``RowBatch.arrow``, see :mod:`mysql_native`).
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator
from typing import BinaryIO, TypeVar

from safeguard.exceptions import EvidenceFormatError
from safeguard.ingest.readers.base import Event, Problem, SourceInfo
from safeguard.ingest.readers.mysql_charset import UTF8, Domain, domain_for
from safeguard.ingest.readers.mysql_ddl import parse_create_table
from safeguard.ingest.readers.mysql_insert import InsertParser
from safeguard.ingest.readers.mysql_lex import DELIMITER, EXEC_COMMENT, GAP, KEYWORD, STMT_END
from safeguard.ingest.readers.mysql_stream import CHUNK, Window

_T = TypeVar("_T")
Steps = Generator[Event, None, _T]
LOOKAHEAD = 64 * 1024
MAX_UNIT = 1 << 30

_SIGNATURES = (
    b"-- MySQL dump",
    b"-- MariaDB dump",
    b"-- phpMyAdmin SQL Dump",
    b"/*M!999999\\- enable the sandbox mode",
    b"/*!999999\\- enable the sandbox mode",
)
_BACKTICK_SQL = re.compile(rb"(?:CREATE TABLE|INSERT INTO|REPLACE INTO) (?:IF NOT EXISTS )?`")
_PLAIN_SQL = re.compile(rb"(?im)^\s*(?:CREATE TABLE|INSERT INTO)\s")
_PG = re.compile(rb"PostgreSQL database dump|COPY [\w.\"]+ \(|pg_catalog")
_SET_NAMES = re.compile(r"(?is)^\s*SET\s+(?:NAMES|CHARACTER\s+SET|CHARSET)\s+['\"`]?(\w+)")
_CREATE_TABLE = re.compile(r"(?is)^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:TEMPORARY\s+)?TABLE\b")
#: statements a dump may hold that carry no table data: skipped silently
_QUIET_WORDS = """drop lock unlock set start commit begin rollback alter use create analyze
optimize flush grant revoke savepoint release delimiter truncate rename"""
_QUIET = frozenset(_QUIET_WORDS.split())
_SQL_START = _QUIET | {"insert", "replace"}
_SEMICOLON = re.compile(rb"\s*+;")


class MySQLDumpReader:
    """Reader for mysqldump / mariadb-dump / phpMyAdmin SQL exports."""

    name = "mysqldump"

    def sniff(self, head: bytes, info: SourceInfo) -> float:
        """1.0 for a dump header, 0.8 for backticked DDL/DML, 0.4 for plain SQL, else 0."""
        body = head.removeprefix(b"\xef\xbb\xbf").lstrip()
        if body.startswith(_SIGNATURES):
            return 1.0
        if _PG.search(head):
            return 0.1 if _BACKTICK_SQL.search(head) else 0.0
        if _BACKTICK_SQL.search(head):
            return 0.8
        return 0.4 if _PLAIN_SQL.search(head) else 0.0

    def read(self, stream: BinaryIO, info: SourceInfo) -> Iterator[Event]:
        """Yield events for the whole dump; raises EvidenceFormatError only for non-dumps."""
        chunk = int(info.options.get("chunk_bytes", CHUNK))
        window = Window(stream, chunk)
        window.ensure(0, LOOKAHEAD)
        _check_format(window.buf, info)
        if window.buf.startswith(b"\xef\xbb\xbf"):
            window.more(3)
        limit = int(info.options.get("max_row_bytes", MAX_UNIT))
        arrow = info.options.get("arrow") == "1"
        yield from _Parser(window, limit, arrow).run()


def _check_format(head: bytes, info: SourceInfo) -> None:
    if not head:
        return
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise EvidenceFormatError(
            f"{info.name}: UTF-16 text; convert it to UTF-8 first (iconv -f UTF-16)"
        )
    if MySQLDumpReader().sniff(head, info) > 0:
        return
    body = head.removeprefix(b"\xef\xbb\xbf")
    start = GAP.match(body).end()  # type: ignore[union-attr]
    word = KEYWORD.match(body, start)
    if start >= len(body) or (word and word.group(1).decode().lower() in _SQL_START):
        return
    if body.startswith(b"/*", start):
        return
    raise EvidenceFormatError(f"{info.name}: not a MySQL/MariaDB dump (no SQL statements)")


class _Parser:
    """The statement loop over one window."""

    def __init__(self, window: Window, limit: int, arrow: bool) -> None:
        self.w = window
        self.limit = limit
        self.domain: Domain = UTF8
        self.delimiter = b";"
        self.inserts = InsertParser(window, limit, arrow)

    def run(self) -> Iterator[Event]:
        pos = 0
        while True:
            pos = self._skip_gap(pos)
            if pos >= len(self.w.buf):
                break
            pos = yield from self._statement(pos)
        yield from self.inserts.finish()

    def _skip_gap(self, pos: int) -> int:
        """Skip whitespace and comments; returns a position with lookahead, or len(buf) at end."""
        w = self.w
        while True:
            pos = GAP.match(w.buf, pos).end()  # type: ignore[union-attr]
            if len(w.buf) - pos >= LOOKAHEAD or w.eof:
                if w.eof and _open_comment(w.buf, pos):
                    return len(w.buf)  # a comment running to EOF
                return pos
            pos = w.more(pos)

    def _statement(self, pos: int) -> Steps[int]:
        buf = self.w.buf
        d = DELIMITER.match(buf, pos) if buf[pos : pos + 1] in (b"D", b"d") else None
        if d:
            self.delimiter = d.group(1)
            return d.end()
        if self.delimiter != b";":
            return (yield from self._skip(pos, quiet=True))
        if EXEC_COMMENT.match(buf, pos):
            return self._exec_comment(pos)
        word = KEYWORD.match(buf, pos)
        kw = word.group(1).lower() if word else b""
        if kw in (b"insert", b"replace"):
            self.inserts.domain = self.domain
            return (yield from self.inserts.parse(pos))
        return (yield from self._skip(pos, quiet=False))

    def _exec_comment(self, pos: int) -> int:
        """``/*!40101 … */`` at statement start: honour SET NAMES, skip the rest."""
        w = self.w
        end = w.buf.find(b"*/", pos)
        while end < 0 and not w.eof:
            pos = w.grow(pos)
            end = w.buf.find(b"*/", pos)
        if end < 0:
            return len(w.buf)
        content_start = EXEC_COMMENT.match(w.buf, pos).end()  # type: ignore[union-attr]
        self._set_names(w.buf[content_start:end].decode("utf-8", "replace"))
        after = _SEMICOLON.match(w.buf, end + 2)
        return after.end() if after else end + 2

    def _set_names(self, sql: str) -> bool:
        m = _SET_NAMES.match(sql)
        if m:
            self.domain = domain_for(m.group(1))
        return m is not None

    def _skip(self, pos: int, quiet: bool) -> Steps[int]:
        """Read one whole statement (not INSERT) and act on it."""
        w = self.w
        pattern = _end_pattern(self.delimiter)
        m = pattern.match(w.buf, pos)
        while m is None and not w.eof and len(w.buf) - pos <= self.limit:
            pos = w.grow(pos)
            m = pattern.match(w.buf, pos)
        end = m.end() if m else len(w.buf)
        text = w.buf[pos:end].decode("utf-8", "replace")
        if m is None and w.eof and _CREATE_TABLE.match(text):
            yield Problem("truncated", "CREATE TABLE cut off by the end of the dump", w.base + pos)
        elif m is None and not w.eof:
            yield Problem("too-large", "statement over the size limit skipped", w.base + pos)
        elif not quiet:
            yield from self._act(text[: -len(self.delimiter)] if m else text, w.base + pos)
        return end

    def _act(self, sql: str, offset: int) -> Iterator[Event]:
        if _CREATE_TABLE.match(sql):
            schema = parse_create_table(sql, offset)
            if schema is not None:
                self.inserts.declare(schema)
                yield schema
            return
        if self._set_names(sql):
            return
        word = re.match(r"\s*([A-Za-z]+)", sql)
        if word is None or word.group(1).lower() not in _QUIET:
            head = ascii(sql.strip()[:40])
            yield Problem(
                "unknown-statement", f"skipped a statement starting {head}", offset, None, "warning"
            )


def _open_comment(buf: bytes, pos: int) -> bool:
    """A comment GAP could not finish: it runs to the end of the stream."""
    if buf.startswith(b"/*", pos):
        return EXEC_COMMENT.match(buf, pos) is None
    return buf.startswith((b"--", b"#"), pos)


_END_CACHE: dict[bytes, re.Pattern[bytes]] = {b";": STMT_END}


def _end_pattern(delimiter: bytes) -> re.Pattern[bytes]:
    """STMT_END for another ``DELIMITER`` (``;;``, ``$$``, …)."""
    if delimiter not in _END_CACHE:
        src = STMT_END.pattern
        first = re.escape(delimiter[:1])
        # let single chars of the delimiter through, end only at the whole delimiter
        body = src[: -len(b";")].replace(b"[^;", b"[^" + first, 1)
        _END_CACHE[delimiter] = re.compile(
            body.replace(
                b"|[/#-])*+", b"|[/#-]|" + first + b"(?!" + re.escape(delimiter[1:]) + b"))*+", 1
            )
            + re.escape(delimiter),
            re.S,
        )
    return _END_CACHE[delimiter]
