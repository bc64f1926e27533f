"""Shared plumbing for the line-oriented readers (access logs, JSONL) and friends.

* :func:`iter_lines` splits a byte stream into ``\\n``-terminated records with
  their byte offsets. Only ``\\n`` ends a record: a ``\\r`` inside a record is
  data (a forged "line" hidden behind a carriage return stays in its record).
  A record longer than ``max_len`` is cut to ``max_len`` bytes while the rest
  is skipped without being held in memory; the caller sees its full length.
* :class:`ProblemTally` reports the first few problems of each kind one by one
  and folds the rest into one aggregated :class:`Problem` per kind.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from safeguard.ingest.readers.base import Problem, Severity

CHUNK_SIZE = 1 << 20


class Readable(Protocol):
    """Anything with a binary ``read(size)``: a file, or a transcoding view of one."""

    def read(self, size: int, /) -> bytes: ...


def iter_lines(
    stream: Readable, max_len: int, chunk_size: int = CHUNK_SIZE
) -> Iterator[tuple[int, bytes, int]]:
    """Yield ``(offset, line, full_length)`` per record, without the ``\\n``.

    ``line`` is at most ``max_len`` bytes; ``full_length > len(line)`` means
    the record was cut. A final record without ``\\n`` is yielded too.
    """
    offset = 0
    pending: list[bytes] = []
    pending_len = 0  # true length of the pending partial record
    while chunk := stream.read(chunk_size):
        parts = chunk.split(b"\n")
        if len(parts) == 1:
            pending_len = _keep(pending, pending_len, chunk, max_len)
            continue
        pending_len = _keep(pending, pending_len, parts[0], max_len)
        yield offset, b"".join(pending), pending_len
        offset += pending_len + 1
        for line in parts[1:-1]:
            size = len(line)
            yield offset, line if size <= max_len else line[:max_len], size
            offset += size + 1
        pending.clear()
        pending_len = _keep(pending, 0, parts[-1], max_len)
    if pending_len:
        yield offset, b"".join(pending), pending_len


def iter_line_blocks(
    stream: Readable, max_len: int, chunk_size: int = CHUNK_SIZE
) -> Iterator[tuple[int, bytes, int]]:
    """Yield ``(offset, block, 0)`` for runs of whole lines (``\\n`` kept, except at the end
    of the stream), or ``(offset, head, size)`` for one line longer than ``max_len``
    and than a chunk, whose ``head`` holds at most ``max_len`` bytes.

    Lines inside a block may still be longer than ``max_len`` (up to a chunk):
    callers check.
    """
    offset, pending, skipped = 0, b"", -1  # skipped >= 0: inside an over-long line
    while chunk := stream.read(chunk_size):
        if skipped >= 0:
            newline = chunk.find(b"\n")
            if newline < 0:
                skipped += len(chunk)
                continue
            yield offset, pending, skipped + newline
            offset += skipped + newline + 1
            pending, skipped, chunk = b"", -1, chunk[newline + 1 :]
        data = pending + chunk if pending else chunk
        cut = data.rfind(b"\n") + 1
        if cut:
            yield offset, data[:cut], 0
            offset += cut
        pending = data[cut:]
        if len(pending) > max_len:
            pending, skipped = pending[:max_len], len(pending)
    if skipped >= 0:
        yield offset, pending, skipped
    elif pending:
        yield offset, pending, 0


def _keep(pending: list[bytes], pending_len: int, piece: bytes, max_len: int) -> int:
    """Append what still fits under ``max_len`` of ``piece``; return the new true length."""
    room = max_len - min(pending_len, max_len)
    if room > 0 and piece:
        pending.append(piece[:room])
    return pending_len + len(piece)


@dataclass
class ProblemTally:
    """Report each kind of problem ``limit`` times, then aggregate the rest.

    :meth:`add` returns the :class:`Problem` to yield now, or ``None`` when it
    was folded into the aggregate; :meth:`flush` returns the aggregates.
    """

    table: str | None = None
    limit: int = 20
    _seen: dict[str, int] = field(default_factory=dict)
    _folded: dict[str, tuple[str, int, Severity, int]] = field(default_factory=dict)

    def add(
        self, kind: str, message: str, offset: int, severity: Severity = "error"
    ) -> Problem | None:
        """Count one problem; return it if it should be reported on its own."""
        seen = self._seen.get(kind, 0) + 1
        self._seen[kind] = seen
        if seen <= self.limit:
            return Problem(kind, message, offset, self.table, severity)
        folded = self._folded.get(kind)
        if folded is None:
            self._folded[kind] = (message, offset, severity, 1)
        else:
            self._folded[kind] = (folded[0], folded[1], folded[2], folded[3] + 1)
        return None

    def count(self, kind: str) -> int:
        """How many problems of ``kind`` were added so far."""
        return self._seen.get(kind, 0)

    def flush(self) -> list[Problem]:
        """One aggregated problem per kind that went over the limit."""
        out = [
            Problem(
                kind,
                f"{count} more like this, first at offset {offset}: {message}",
                offset,
                self.table,
                severity,
                count,
            )
            for kind, (message, offset, severity, count) in self._folded.items()
        ]
        self._folded.clear()
        return out
