"""An RFC 4180 record splitter on UTF-8 bytes that knows each record's offset.

The stdlib :mod:`csv` module hides where a record starts in the byte stream,
and provenance needs exact offsets, so records are split here, with two
regexes per field. It follows RFC 4180 and the :mod:`csv` module's lenient
habits: quoted fields may hold delimiters, ``""`` and CR/LF; a quote inside an
unquoted field is data; text after a closing quote is appended to the field
(reported as ``stray-quote``); records end at ``\\n`` outside quotes, and a
``\\r`` before it is dropped; an unterminated quote at the end of the stream
takes the rest of it (``unterminated-quote``).

A record that grows past ``max_record`` bytes is given up on: the splitter
reports ``record-too-long`` and resumes after the next ``\\n``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from safeguard.ingest.readers.tabular_source import CHUNK_SIZE, Utf8Source

_QUOTED = re.compile(rb'"([^"]*+(?:""[^"]*+)*+)"')


@dataclass
class Record:
    """One record: its UTF-8 start position, raw field bytes and problem kinds."""

    start: int
    fields: list[bytes]
    problems: list[str] = field(default_factory=list)


class CsvSplitter:
    """Iterate :class:`Record` s over a :class:`Utf8Source`."""

    def __init__(self, src: Utf8Source, delimiter: bytes = b",", max_record: int = 1 << 28) -> None:
        self._src = src
        self._max = max_record
        self.buf = bytearray()
        self.base = 0  # UTF-8 position of buf[0]
        self.eof = False
        self.set_delimiter(delimiter)

    def set_delimiter(self, delimiter: bytes) -> None:
        """Use ``delimiter`` (one byte) from now on."""
        self._delim = delimiter[0]
        self._delim_byte = delimiter[:1]
        self._plain = re.compile(b"[^" + re.escape(delimiter[:1]) + b"\\n]*+")

    def head(self, size: int = 65536) -> bytes:
        """The first ``size`` bytes, read ahead before :meth:`records` starts."""
        if not self.buf and not self.eof:
            self._more(0)
        return bytes(self.buf[:size])

    def records(self) -> Iterator[Record]:
        """Every record, blank lines included (as one empty field)."""
        pos = 0
        while True:
            if pos >= len(self.buf):
                if not self._more(pos):
                    return
                pos = 0
            parsed = self._record(pos)
            if parsed is None:
                if len(self.buf) - pos > self._max:
                    yield Record(self.base + pos, [], ["record-too-long"])
                    pos = self._resync(pos)
                    continue
                self._more(pos, grow=True)
                pos = 0
                continue
            record, end = parsed
            yield record
            pos = end

    def _more(self, pos: int, grow: bool = False) -> bool:
        """Drop ``buf[:pos]`` and read more (geometrically when a record is large)."""
        del self.buf[:pos]
        self.base += pos
        size = max(CHUNK_SIZE, len(self.buf)) if grow else CHUNK_SIZE
        chunk = self._src.read(size)
        self.eof = not chunk
        self.buf += chunk
        return bool(chunk)

    def _resync(self, pos: int) -> int:
        """Skip to just after the next newline after ``pos``; return the new position."""
        while True:
            cut = self.buf.find(b"\n", pos)
            if cut >= 0:
                return cut + 1
            pos = len(self.buf)
            if not self._more(pos):
                return 0

    def _record(self, pos: int) -> tuple[Record, int] | None:
        """Parse the record at ``pos``; ``None`` if more input is needed first."""
        buf, n = self.buf, len(self.buf)
        record = Record(self.base + pos, [])
        end = buf.find(b"\n", pos)
        if (end >= 0 or self.eof) and buf.find(b'"', pos, n if end < 0 else end) < 0:
            # no quote before the line end: a plain split (the common case, and fast)
            stop = n if end < 0 else end
            record.fields = bytes(buf[pos:stop]).removesuffix(b"\r").split(self._delim_byte)
            return record, stop if end < 0 else end + 1
        while True:
            quoted = pos < n and buf[pos] == 0x22  # '"'
            got = self._quoted(pos, record) if quoted else self._unquoted(pos)
            if got is None:
                return None
            value, pos = got
            record.fields.append(value)
            if pos >= n:
                return record, n
            if buf[pos] != self._delim:
                return record, pos + 1  # the newline
            pos += 1

    def _quoted(self, pos: int, record: Record) -> tuple[bytes, int] | None:
        """The quoted field at ``pos`` and the position after it, or ``None``: need more."""
        buf, n, eof = self.buf, len(self.buf), self.eof
        m = _QUOTED.match(buf, pos)
        if m is None or m.end() == n:  # the closing quote may be the first of ""
            if not eof:
                return None
            if m is None:
                record.problems.append("unterminated-quote")
                return bytes(buf[pos + 1 :]).replace(b'""', b'"'), n
        value = bytes(m.group(1)).replace(b'""', b'"')
        pos = m.end()
        tail = self._plain.match(buf, pos)
        if tail is not None and tail.end() > pos:
            if tail.end() == n and not eof:
                return None
            extra = bytes(tail.group()).removesuffix(b"\r")
            if extra:
                value += extra
                record.problems.append("stray-quote")
            pos = tail.end()
        return value, pos

    def _unquoted(self, pos: int) -> tuple[bytes, int] | None:
        """The unquoted field at ``pos`` and the position after it, or ``None``: need more."""
        buf, n = self.buf, len(self.buf)
        m = self._plain.match(buf, pos)
        end = m.end() if m is not None else pos
        if end == n and not self.eof:
            return None
        value = bytes(buf[pos:end])
        if end == n or buf[end] != self._delim:
            value = value.removesuffix(b"\r")  # CRLF line end
        return value, end
