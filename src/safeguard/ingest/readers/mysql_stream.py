"""A growable window over a byte stream, with stream offsets.

The parser holds a position inside :attr:`Window.buf`; :meth:`Window.more`
drops everything before that position and appends fresh bytes, so memory
holds only the unparsed tail plus one chunk, or the one unit (row, statement)
that is larger than a chunk.
"""

from __future__ import annotations

from typing import BinaryIO

CHUNK = 1 << 20


class Window:
    """The unparsed part of a stream: ``buf[i]`` is stream byte ``base + i``."""

    def __init__(self, stream: BinaryIO, chunk: int = CHUNK, head: bytes = b"") -> None:
        self.stream = stream
        self.chunk = max(1, chunk)
        self.buf = head
        self.base = 0
        self.eof = False

    def more(self, pos: int, want: int = 0) -> int:
        """Drop ``buf[:pos]``, read at least ``max(chunk, want)`` more bytes (or to EOF).

        Returns the new position of what was at ``pos`` (always 0).
        """
        need = max(self.chunk, want)
        parts = [self.buf[pos:]]
        got = 0
        while got < need:
            data = self.stream.read(need - got)
            if not data:
                self.eof = True
                break
            parts.append(data)
            got += len(data)
        self.base += pos
        self.buf = b"".join(parts)
        return 0

    def ensure(self, pos: int, length: int) -> int:
        """Make ``buf[pos:pos+length]`` available if the stream has it; returns the new pos."""
        while len(self.buf) - pos < length and not self.eof:
            pos = self.more(pos, length)
        return pos

    def grow(self, pos: int) -> int:
        """Read more so the unit starting at ``pos`` can be retried (geometric growth)."""
        return self.more(pos, len(self.buf) - pos)
