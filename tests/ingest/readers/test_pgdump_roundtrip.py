"""Property tests: values written as COPY or INSERT by a tiny writer read back equal."""

from __future__ import annotations

import tracemalloc
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeguard.ingest.readers.base import Event, SourceInfo
from safeguard.ingest.readers.pgdump import PgDumpReader
from tests.ingest.readers.pgdump_helpers import (
    HEADER,
    copy_block,
    problems,
    read_events,
    rows_by_table,
    sql_literal,
)

# PostgreSQL text cannot hold NUL; everything else (surrogates aside) can.
pg_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=40,
) | st.sampled_from(["\\N", "\\.", "\\", "'", "''", "\t", "\r\n", "$$", "--", "😀\U0010fffd"])
row = st.tuples(st.one_of(st.none(), pg_text), st.one_of(st.none(), st.binary(max_size=20)))
DDL = "CREATE TABLE public.t (\n    note text,\n    blob bytea\n);\n\n"


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(row, max_size=12), chunk_size=st.sampled_from([1, 3, 16, 1 << 20]))
def test_copy_round_trip(rows: list[tuple[str | None, bytes | None]], chunk_size: int) -> None:
    dump = HEADER + (DDL + copy_block("t", ["note", "blob"], list(rows))).encode()
    events = read_events(dump, chunk_size=chunk_size)
    assert problems(events) == []
    assert rows_by_table(events).get("t", []) == rows


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(row, min_size=1, max_size=6),
    e_string=st.booleans(),
    multi_row=st.booleans(),
    general=st.booleans(),
    chunk_size=st.sampled_from([1, 5, 1 << 20]),
)
def test_insert_round_trip(
    rows: list[tuple[str | None, bytes | None]],
    e_string: bool,
    multi_row: bool,
    general: bool,
    chunk_size: int,
) -> None:
    tuples = [f"({sql_literal(a, e_string)}, {sql_literal(b)})" for a, b in rows]
    # a comment after VALUES sends the statement through the general parser, not the fast path
    prefix = "INSERT INTO public.t (note, blob) VALUES " + ("/* g */ " if general else "")
    if multi_row:
        sql = prefix + ",\n\t".join(tuples) + ";\n"
    else:
        sql = "".join(f"{prefix}{t};\n" for t in tuples)
    events = read_events(HEADER + (DDL + sql).encode(), chunk_size=chunk_size)
    assert problems(events) == []
    assert rows_by_table(events)["t"] == rows


class _Generated:
    """A read-only stream producing ``head``, ``size`` filler bytes, then ``tail``, lazily."""

    def __init__(self, head: bytes, size: int, tail: bytes, filler: bytes = b"abcdefgh") -> None:
        self._parts: Iterator[bytes] = self._gen(head, size, tail, filler)
        self._pending = b""

    @staticmethod
    def _gen(head: bytes, size: int, tail: bytes, filler: bytes) -> Iterator[bytes]:
        yield head
        block = filler * (65536 // len(filler))
        while size > 0:
            yield block[:size]
            size -= len(block)
        yield tail

    def read(self, n: int = -1) -> bytes:
        while len(self._pending) < n:
            part = next(self._parts, None)
            if part is None:
                break
            self._pending += part
        out, self._pending = self._pending[:n], self._pending[n:]
        return out


def _read_generated(head: bytes, size: int, tail: bytes) -> tuple[list[Event], int]:
    tracemalloc.start()
    try:
        events = list(PgDumpReader().read(_Generated(head, size, tail), SourceInfo("big.sql")))  # type: ignore[arg-type]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return events, peak


@pytest.mark.slow
def test_hundred_megabyte_copy_field_streams() -> None:
    size = 100 * 1024 * 1024
    head = HEADER + b"COPY public.t (id, big) FROM stdin;\n1\t"
    events, peak = _read_generated(head, size, b"\n2\tsmall\n\\.\n")
    rows = rows_by_table(events)["t"]
    assert [r[0] for r in rows] == ["1", "2"]
    assert len(rows[0][1]) == size
    assert rows[1][1] == "small"
    assert peak < 5 * size  # grows with the largest row, not with the input


@pytest.mark.slow
def test_twenty_megabyte_insert_string_streams() -> None:
    size = 20 * 1024 * 1024
    head = HEADER + b"INSERT INTO public.t (id, big) VALUES (1, '"
    events, peak = _read_generated(
        head, size, b"');\nINSERT INTO public.t (id, big) VALUES (2, 'x');\n"
    )
    rows = rows_by_table(events)["t"]
    assert [r[0] for r in rows] == ["1", "2"]
    assert len(rows[0][1]) == size
    assert peak < 5 * size
