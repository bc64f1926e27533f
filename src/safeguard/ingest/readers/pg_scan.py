"""Find where one PostgreSQL statement ends, streaming.

A statement ends at the first ``;`` that is not inside a string (``'…'``,
``E'…'``), a quoted identifier (``"…"``), a dollar-quoted body (``$$…$$``,
``$tag$…$tag$``) or a comment (``--`` and nested ``/* */``). The scan is
resumable: when the buffer ends in the middle of something it asks for more
bytes and continues where it stopped, so a 100 MB string costs one pass.
"""

from __future__ import annotations

import re

from safeguard.ingest.readers.pg_stream import ByteStream

_SPECIAL = re.compile(rb"[;'\"$/-]")
# Ordinary text and complete '…' strings (not E'…', and provably closed: a
# non-quote byte follows), skipped in one C-level match. Only valid while
# standard_conforming_strings is on.
_PLAIN_RUN = re.compile(rb"(?:[^;'\"$/\-]+|(?<![Ee])'[^']*(?:''[^']*)*'(?=[^']))*")
_ESTRING_SPECIAL = re.compile(rb"[\\']")
_COMMENT_MARK = re.compile(rb"/\*|\*/")
_DOLLAR_TAG = re.compile(rb"\$(?:[A-Za-z_\x80-\xff][A-Za-z0-9_\x80-\xff]*)?\$")
_DOLLAR_PREFIX = re.compile(rb"\$[A-Za-z0-9_\x80-\xff]*\Z")
_IDENT = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_$") | frozenset(
    range(0x80, 0x100)
)

_NORMAL, _STRING, _ESTRING, _QUOTED_ID, _DOLLAR, _LINE_COMMENT, _BLOCK_COMMENT = range(7)


class _Scanner:
    """State of one statement scan; ``step`` advances as far as the buffer allows."""

    def __init__(self, start: int, backslash_quotes: bool) -> None:
        self.start = start
        self.mode = _NORMAL
        self.tag = b""
        self.depth = 0
        # standard_conforming_strings = off: backslashes escape inside '…' too
        self.plain_mode = _ESTRING if backslash_quotes else _STRING

    def step(self, buf: bytearray, i: int, eof: bool) -> tuple[int, bool]:
        """Return ``(index, True)`` just past the ending ``;`` or ``(resume_index, False)``."""
        n = len(buf)
        while i < n:
            mode = self.mode
            if mode == _NORMAL:
                if self.plain_mode == _STRING:
                    i = _PLAIN_RUN.match(buf, i).end()  # type: ignore[union-attr]
                m = _SPECIAL.search(buf, i)
                if m is None:
                    return n, False
                j = m.start()
                if buf[j] == 0x3B:  # ;
                    return j + 1, True
                i = self._open(buf, j, eof)
                if i < 0:
                    return j, False
            elif mode in (_STRING, _QUOTED_ID):
                i = self._close_quoted(buf, i, eof, b"'" if mode == _STRING else b'"')
                if i < 0:
                    return -i - 1, False
            elif mode == _ESTRING:
                m = _ESTRING_SPECIAL.search(buf, i)
                if m is None:
                    return n, False
                j = m.start()
                if buf[j] == 0x5C:  # backslash escapes the next byte
                    if j + 1 >= n and not eof:
                        return j, False
                    i = j + 2
                else:
                    i = self._close_quoted(buf, j, eof, b"'")
                    if i < 0:
                        return -i - 1, False
            else:
                i = self._close_other(buf, i)
                if i < 0:
                    return -i - 1, False
        return n, False

    def _open(self, buf: bytearray, j: int, eof: bool) -> int:
        """Enter the construct starting at ``buf[j]``; the next index, or -1 for more bytes."""
        c = buf[j]
        nxt = buf[j + 1] if j + 1 < len(buf) else None
        if nxt is None and not eof and c in b"-/$":
            return -1
        if c == 0x27:  # '
            prev = buf[j - 1] if j > self.start else None
            before = buf[j - 2] if j - 1 > self.start else None
            is_e = prev in (0x45, 0x65) and before not in _IDENT
            self.mode = _ESTRING if is_e else self.plain_mode
        elif c == 0x22:  # "
            self.mode = _QUOTED_ID
        elif c == 0x2D and nxt == 0x2D:  # --
            self.mode = _LINE_COMMENT
            return j + 2
        elif c == 0x2F and nxt == 0x2A:  # /*
            self.mode, self.depth = _BLOCK_COMMENT, 1
            return j + 2
        elif c == 0x24 and (j == self.start or buf[j - 1] not in _IDENT):  # $
            m = _DOLLAR_TAG.match(buf, j)
            if m is not None:
                self.mode, self.tag = _DOLLAR, m.group()
                return m.end()
            if not eof and _DOLLAR_PREFIX.match(buf, j):
                return -1
        return j + 1

    def _close_quoted(self, buf: bytearray, i: int, eof: bool, quote: bytes) -> int:
        """Past the closing quote (a doubled quote does not close); ``-resume-1`` for more."""
        k = buf.find(quote, i)
        if k < 0:
            return -len(buf) - 1
        if k + 1 >= len(buf) and not eof:
            return -k - 1  # cannot tell yet whether the quote is doubled
        if buf[k + 1 : k + 2] == quote:
            return k + 2
        self.mode = _NORMAL
        return k + 1

    def _close_other(self, buf: bytearray, i: int) -> int:
        """Advance inside a dollar body or comment; ``-resume-1`` for more."""
        if self.mode == _DOLLAR:
            k = buf.find(self.tag, i)
            if k < 0:
                return -max(i, len(buf) - len(self.tag) + 1) - 1
            self.mode = _NORMAL
            return k + len(self.tag)
        if self.mode == _LINE_COMMENT:
            k = buf.find(b"\n", i)
            if k < 0:
                return -len(buf) - 1
            self.mode = _NORMAL
            return k + 1
        m = _COMMENT_MARK.search(buf, i)
        if m is None:
            return -max(i, len(buf) - 1) - 1
        self.depth += 1 if m.group() == b"/*" else -1
        if self.depth == 0:
            self.mode = _NORMAL
        return m.end()


def scan_statement(s: ByteStream, backslash_quotes: bool = False) -> int:
    """Index in ``s.buf`` just past the ``;`` ending the statement at ``s.pos``.

    Returns -1 when the stream ends first (a truncated statement); the bytes
    up to EOF are then ``s.buf[s.pos:]``.
    """
    scanner = _Scanner(s.pos, backslash_quotes)
    i = s.pos
    while True:
        i, done = scanner.step(s.buf, i, s.eof)
        if done:
            return i
        if not s.fill():
            if s.eof and i < len(s.buf):
                # EOF reached while waiting for look-ahead: finish with what we have.
                i, done = scanner.step(s.buf, i, True)
                if done:
                    return i
            return -1
