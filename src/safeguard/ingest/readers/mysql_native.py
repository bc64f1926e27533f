"""Native fast path for the rows of one INSERT statement (optional C extension).

:func:`scan_statement` hands the VALUES list of a whole statement to
``_mysqlfast.scan`` (see ``_mysqlfast.c``), which either reads every row
exactly as the Python path would, or declines (returns None) on anything it
does not handle: then the caller parses the statement in Python, so problems,
repairs and offsets stay those of the reference path. Declining costs only the
scan up to the first unusual byte.

Two outputs: Python tuples (the ordinary :class:`RowBatch` contract) or, when
the caller asked for Arrow (``SourceInfo.options["arrow"] == "1"``), one
``pyarrow.RecordBatch`` per statement in :attr:`RowBatch.arrow`, built from the
C buffers without a Python object per value.

The extension is built by ``tools/build_native.py``; without it, or with
``SAFEGUARD_NATIVE=0`` in the environment, :func:`enabled` is False and the
reader is pure Python (the reference the differential tests compare against).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from typing import Any

import pyarrow as pa

from safeguard.ingest.readers.base import RowBatch
from safeguard.ingest.readers.mysql_rows import Target
from safeguard.ingest.readers.mysql_stream import Window


def _load() -> Callable[..., Any] | None:
    """The C ``scan`` function, or None when the extension is not built."""
    try:
        module = importlib.import_module("safeguard.ingest.readers._mysqlfast")
    except ImportError:
        return None
    scan: Callable[..., Any] = module.scan
    return scan


_scan = _load()

#: statements larger than this are left to the Python path (bounds the memory
#: the native path holds: the whole statement plus its decoded columns)
MAX_STATEMENT = 64 * 1024 * 1024
TEXT, BINARY, ASCII_ONLY = 0, 1, 2


def enabled() -> bool:
    """Whether the native path is built and not switched off (``SAFEGUARD_NATIVE=0``)."""
    return _scan is not None and os.environ.get("SAFEGUARD_NATIVE", "1") not in ("0", "false")


def column_flags(target: Target) -> bytes:
    """Per column: binary (bytes), latin1 text (must stay ASCII natively), or text."""
    flags = bytearray(len(target.columns))
    for i in target.binary:
        flags[i] = BINARY
    for i in target.latin1:
        flags[i] = ASCII_ONLY
    return bytes(flags)


#: what a native scan found: (end position, row count, row offsets, tuples or RecordBatch)
Found = tuple[int, int, list[int], Any]


def scan_statement(
    w: Window, pos: int, limit: int, target: Target, arrow: bool
) -> tuple[int, Found | None]:
    """Rows of the statement whose first row starts at ``w.buf[pos]``.

    Returns ``(pos, found)``. ``pos`` is where that first row is now: the scan
    may read more of the stream, which moves ``w.buf``. ``found`` is None when
    the Python path must read the statement (from ``pos``), else ``(end, nrows,
    offsets, payload)``: ``end`` is the window position after the ``;``,
    ``offsets`` the stream offsets of the rows, ``payload`` a list of row tuples
    or (``arrow``) a RecordBatch.
    """
    assert _scan is not None
    flags = column_flags(target)
    cap = min(limit, MAX_STATEMENT)
    while True:
        got = _scan(w.buf, pos, w.base, flags, arrow)
        if got is None:
            return pos, None
        if got != -1:
            end, nrows, starts, payload = got
            offsets = memoryview(starts).cast("q").tolist()
            if arrow:
                payload = record_batch(target, flags, nrows, payload)
            return pos, (end, nrows, offsets, payload)
        if w.eof or len(w.buf) - pos >= cap:
            return pos, None  # truncated or too large: the Python path reports it
        pos = w.grow(pos)


def record_batch(
    target: Target, flags: bytes, nrows: int, columns: list[tuple[bytes, bytes, bytes | None, int]]
) -> pa.RecordBatch:
    """Arrow arrays straight from the scanner's buffers (no copy, no per-value objects)."""
    arrays = []
    for flag, (data, offsets, validity, nulls) in zip(flags, columns, strict=True):
        kind = pa.binary() if flag == BINARY else pa.string()
        bufs = [pa.py_buffer(validity) if validity is not None else None]
        bufs += [pa.py_buffer(offsets), pa.py_buffer(data)]
        arrays.append(pa.Array.from_buffers(kind, nrows, bufs, null_count=nulls))
    return pa.RecordBatch.from_arrays(arrays, names=list(target.columns))


def arrow_batch(
    table: str, target: Target, batch: pa.RecordBatch, offsets: list[int], first: int
) -> RowBatch:
    """A RowBatch carrying ``batch`` (``rows`` empty) and the usual offsets/numbers."""
    numbers = list(range(first, first + batch.num_rows))
    return RowBatch(table, target.columns, [], offsets, numbers, arrow=batch)
