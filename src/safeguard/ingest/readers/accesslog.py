"""Streaming reader for Apache/nginx access logs (common, combined and variants).

Accepted line shapes (one regex per line)::

    [vhost:port ]host ident user [time] "request" status bytes
        [ "referer" "user-agent"[ "forwarded-for"]][ anything else]

which covers Apache ``common``, ``combined``, ``vhost_combined`` (``%v:%p``
prefix) and nginx's default ``combined`` with extra trailing fields such as
``"$http_x_forwarded_for"`` or ``$request_time``. A line where the request
holds raw (unescaped) quotes, as very old Apache wrote, is retried with a
lenient pattern. Records end at ``\\n`` only; one trailing ``\\r`` is dropped.
For speed, blocks of plain ASCII lines (no backslash, CR or NUL) are scanned by
the same regex in multi-line mode; every other line takes the careful path
(decode, unescape, lenient retry). Both give the same rows.

One table, ``access_log``; every value is text or ``None``, and a field
logged as ``-`` (the servers' "no value") is ``None``:

=============  ==============================================================
client_ip      client address as :mod:`ipaddress` prints it (``203.0.113.9``,
               ``2001:db8::1``), IPv6 zone id removed; ``None`` if the token
               is a host name or invalid
client_raw     the client token as logged, only when it is a host name,
               invalid, or carried a zone id; else ``None``
ident          ``%l`` (identd)
auth_user      ``%u`` / ``$remote_user``
time_raw       text between the brackets, as logged
time_utc       ``YYYY-MM-DDTHH:MM:SS`` in UTC (from the logged offset);
               ``None`` if the time has no zone or does not parse
utc_offset     the logged offset, e.g. ``-0700``; ``None`` if absent
method         first word of the request line (``GET``); ``None`` if the
               request is not ``METHOD TARGET [PROTOCOL]``
path           request target exactly as sent (percent-encoding kept)
protocol       ``HTTP/1.1`` etc.; ``None`` for HTTP/0.9-style requests
request        the whole request line (after unescaping, see below)
status         status code text (``200``); ``None`` for ``-``
bytes          body bytes text; ``None`` for ``-``
referer        ``None`` for ``-`` or when the format has no referer
user_agent     ``None`` for ``-`` or when the format has no user agent
forwarded_for  third quoted field after the user agent (nginx
               ``$http_x_forwarded_for`` style); ``None`` for ``-``/absent.
               Client-controlled: may be forged.
vhost          ``%v:%p`` prefix when present
extra          unparsed trailing text, leading blanks removed; else ``None``
=============  ==============================================================

Quoted fields and the user are unescaped the way servers escape them
(``\\xHH`` by nginx and Apache, ``\\"`` and ``\\\\`` by Apache), then decoded as
UTF-8; control characters are kept as they are (escaping is the renderer's
job). Problems: ``malformed-line`` (line skipped), ``line-too-long`` (longer
than 1 MiB, skipped unread), ``encoding`` (invalid UTF-8, decoded with
replacement characters), ``nul-byte`` (NUL replaced by U+FFFD), ``bad-time``
and ``bad-ip`` (row kept, warning). Each kind is reported 20 times, then
aggregated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from safeguard.exceptions import EvidenceFormatError
from safeguard.ingest.readers.accesslog_fields import (
    decode_line,
    normalise_ip,
    split_request,
    to_utc,
    unescape_fields,
)
from safeguard.ingest.readers.base import (
    ColumnDef,
    Event,
    Problem,
    RowBatch,
    SourceInfo,
    TableSchema,
    Value,
)
from safeguard.ingest.readers.linestream import ProblemTally, iter_line_blocks

TABLE = "access_log"
COLUMNS = (
    "client_ip", "client_raw", "ident", "auth_user", "time_raw", "time_utc", "utc_offset",
    "method", "path", "protocol", "request", "status", "bytes", "referer", "user_agent",
    "forwarded_for", "vhost", "extra",
)  # fmt: skip
BATCH_ROWS = 10_000
MAX_LINE = 1 << 20
_GIVE_UP = 64  # this many leading unparseable lines: not an access log

_Q = r'"([^"\\]*+(?:\\.[^"\\]*+)*+)"'  # a quoted field with backslash escapes
_BODY = (
    r"(?:(\S++) )?(\S++) (\S++) (\S++) \[([^\]]*+)\] " + _Q + r" (\d{3}|-) (\d++|-)"
    r"(?: " + _Q + r" " + _Q + r")?(?: " + _Q + r")?(.*)"
)
# possessive tokens: a line without the vhost prefix fails that branch at once
_LINE = re.compile(_BODY, re.S)
# the same over a block of plain ASCII lines (no backslash, CR or NUL), one match per line
_LINES = re.compile("^" + _BODY.replace("[^", "[^\n") + "$", re.M)
_LENIENT = re.compile(
    r'(?:(\S+) )?(\S+) (\S+) (\S+) \[([^\]]*)\] "(.*?)" (\d{3}|-) (\d+|-)'
    r'(?: "(.*?)" "(.*?)")?(?: "(.*?)")?((?: [^"]*)?)',
    re.S,
)
_SLOW_BYTES = re.compile(rb"[\\\r\x00\x80-\xff]")


class AccessLogReader:
    """Reads web-server access logs into the ``access_log`` table."""

    name = "accesslog"

    def sniff(self, head: bytes, info: SourceInfo) -> float:
        """Share of the first complete lines that match the access-log pattern."""
        lines = [ln.rstrip(b"\r") for ln in head.split(b"\n")[:-1][:50] if ln.strip()]
        if not lines:
            return 0.0
        texts = [ln.decode(errors="replace") for ln in lines]
        hits = sum(1 for t in texts if _LINE.fullmatch(t) or _LENIENT.fullmatch(t))
        return 0.95 * hits / len(lines)

    def read(self, stream: BinaryIO, info: SourceInfo) -> Iterator[Event]:
        """Yield the schema, row batches and problems for the whole log."""
        yield TableSchema(TABLE, tuple(ColumnDef(c, "text") for c in COLUMNS))
        log = _Log(info.name)
        for offset, block, size in iter_line_blocks(stream, MAX_LINE):
            if size:
                log.add_problem("line-too-long", f"{size}-byte line skipped", offset)
            elif _SLOW_BYTES.search(block) is None:
                log.fast_block(block.decode("ascii"), offset)
            else:
                log.slow_lines(block, offset)
            yield from log.take()
        yield from log.finish()


class _Log:
    """Collects rows into batches and problems to yield, line by line or block by block."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.tally = ProblemTally(TABLE)
        self.batch = RowBatch(TABLE, COLUMNS, [], [], [])
        self.ready: list[Event] = []
        self.problems: list[Problem | None] = []
        self.parsed = 0

    def add_problem(self, kind: str, message: str, offset: int) -> None:
        self.problems.append(self.tally.add(kind, message, offset))

    def fast_block(self, text: str, offset: int) -> None:
        """ASCII lines: one regex scan; lines it skips over go the slow way."""
        pos = 0
        for m in _LINES.finditer(text):
            if m.start() != pos:
                self.slow_lines(text[pos : m.start()].encode("ascii"), offset + pos)
            self.add_row(
                _row(m.groups(), offset + m.start(), self.tally, self.problems), offset + m.start()
            )
            pos = m.end() + 1
        if pos < len(text):
            self.slow_lines(text[pos:].encode("ascii"), offset + pos)

    def slow_lines(self, block: bytes, offset: int) -> None:
        """Lines that need care: escapes, CR, NUL, non-ASCII, or no match."""
        for line in block.split(b"\n"):
            if len(line) > MAX_LINE:
                self.add_problem("line-too-long", f"{len(line)}-byte line skipped", offset)
            else:
                self.add_row(_parse(line, offset, self.tally, self.problems), offset)
            offset += len(line) + 1

    def add_row(self, row: tuple[Value, ...] | None, offset: int) -> None:
        if row is None:
            if self.parsed == 0 and self.tally.count("malformed-line") >= _GIVE_UP:
                raise EvidenceFormatError(f"{self.name}: not a web-server access log")
            return
        self.batch.rows.append(row)
        self.batch.offsets.append(offset)
        self.batch.row_numbers.append(self.parsed)
        self.parsed += 1
        if len(self.batch.rows) >= BATCH_ROWS:
            self.ready.append(self.batch)
            self.batch = RowBatch(TABLE, COLUMNS, [], [], [])

    def take(self) -> list[Event]:
        """Events ready to yield (problems first), emptied."""
        out: list[Event] = [p for p in self.problems if p is not None]
        out += self.ready
        self.problems.clear()
        self.ready = []
        return out

    def finish(self) -> list[Event]:
        if self.batch.rows:
            self.ready.append(self.batch)
        return self.take() + self.tally.flush()


def _parse(
    line: bytes, offset: int, tally: ProblemTally, problems: list[Problem | None]
) -> tuple[Value, ...] | None:
    """One line to a row (``None`` if skipped); problems to yield go to ``problems``."""
    if line.endswith(b"\r"):
        line = line[:-1]
    text = decode_line(line, offset, tally, problems)
    m = _LINE.fullmatch(text) or _LENIENT.fullmatch(text)
    if m is None:
        if text.strip():
            message = "line does not match the access-log format; skipped"
            problems.append(tally.add("malformed-line", message, offset))
        return None
    return _row(
        unescape_fields(m.groups()) if "\\" in text else m.groups(), offset, tally, problems
    )


def _row(
    groups: tuple[str | None, ...], offset: int, tally: ProblemTally, problems: list[Problem | None]
) -> tuple[Value, ...]:
    """The row for the regex groups of one line."""
    # "-" is how access logs write "no value", in every field
    vhost, host, ident, user, time_raw, request, status, size, referer, agent, fwd, extra = [
        None if g == "-" else g for g in groups
    ]
    client_ip, client_raw, ip_note = normalise_ip(host or "")
    if ip_note is not None:
        problems.append(tally.add("bad-ip", ip_note, offset, "warning"))
    time_utc, utc_offset = to_utc(time_raw or "")
    if time_utc is None:
        message = "time without zone or unparseable"
        problems.append(tally.add("bad-time", message, offset, "warning"))
    method, path, protocol = split_request(request or "")
    extra = extra.lstrip() or None if extra else None
    return (
        client_ip, client_raw, ident, user, time_raw, time_utc, utc_offset, method, path,
        protocol, request, status, size, referer, agent, fwd, vhost, extra,
    )  # fmt: skip
