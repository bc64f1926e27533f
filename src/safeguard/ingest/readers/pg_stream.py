"""A growable byte buffer over a binary stream that knows absolute offsets.

The pg_dump reader works on ``buf[pos:]``: it looks ahead by indexing into
``buf``, calls :meth:`ByteStream.fill` when it needs more bytes, and moves
``pos`` forward when it has consumed something. Indices into ``buf`` stay
valid until :meth:`ByteStream.compact` is called, which the reader only does
between units (statements, batches of COPY lines), so memory is bounded by the
largest unit, not by the input.
"""

from __future__ import annotations

from typing import BinaryIO

CHUNK_SIZE = 1 << 20


class ByteStream:
    """``buf[pos:]`` is unconsumed input; ``base`` is the stream offset of ``buf[0]``."""

    def __init__(self, raw: BinaryIO, chunk_size: int = CHUNK_SIZE) -> None:
        self._raw = raw
        self._chunk_size = chunk_size
        self.buf = bytearray()
        self.pos = 0
        self.base = 0
        self.eof = False

    @property
    def offset(self) -> int:
        """Stream offset of ``buf[pos]``."""
        return self.base + self.pos

    def fill(self) -> bool:
        """Append one more chunk; False (and ``eof`` set) when the stream is exhausted."""
        if self.eof:
            return False
        chunk = self._raw.read(self._chunk_size)
        if not chunk:
            self.eof = True
            return False
        self.buf += chunk
        return True

    def compact(self) -> None:
        """Forget consumed bytes. Invalidates indices into ``buf``."""
        if self.pos:
            # Deleting a bytearray's head is cheap in CPython (it moves a start pointer).
            del self.buf[: self.pos]
            self.base += self.pos
            self.pos = 0

    def available(self, n: int) -> int:
        """Fill until ``n`` unconsumed bytes are buffered or EOF; return how many there are."""
        while len(self.buf) - self.pos < n and self.fill():
            pass
        return len(self.buf) - self.pos

    def find_newline(self) -> int:
        """Index of the first newline at or after ``pos``, filling as needed; -1 at EOF."""
        start = self.pos
        while True:
            nl = self.buf.find(b"\n", start)
            if nl >= 0:
                return nl
            start = len(self.buf)  # only search new bytes next time: linear on huge lines
            if not self.fill():
                return -1

    def last_newline(self) -> int:
        """Index of the last buffered newline at or after ``pos`` (filling if none); -1 at EOF."""
        start = self.pos
        while True:
            nl = self.buf.rfind(b"\n", start)
            if nl >= 0:
                return nl
            start = len(self.buf)
            if not self.fill():
                return -1

    def skip_line(self) -> None:
        """Consume up to and including the next newline (or to EOF)."""
        nl = self.find_newline()
        self.pos = len(self.buf) if nl < 0 else nl + 1
