"""Round trip: arbitrary values written by the tests' mysqldump writer read back equal."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ingest.readers.mysqldump_helpers import read
from tests.support.mysqldump_writer import Table, dump_bytes

AWKWARD = st.sampled_from(["'", "\\", "\0", "\n", "\r", "\x1a", '"', "''", "\\'", "😀", "𝄞", "\t"])
TEXT = st.lists(st.one_of(AWKWARD, st.text(max_size=8)), max_size=6).map("".join)
TEXTS = st.one_of(st.none(), TEXT)
BLOBS = st.one_of(st.none(), st.binary(max_size=24))
INTS = st.one_of(st.none(), st.integers(-(2**63), 2**63 - 1))

TABLE = Table(
    "mix",
    [("id", "bigint NOT NULL"), ("txt", "text"), ("ip", "varbinary(16)"), ("data", "blob")],
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(INTS, TEXTS, BLOBS, BLOBS), max_size=12), st.integers(1, 5))
def test_written_values_read_back_equal(rows, per_insert):
    data = dump_bytes([(TABLE, rows)], rows_per_insert=per_insert)
    res = read(data)
    expected = [(None if i is None else str(i), t, ip, d) for i, t, ip, d in rows]
    assert res.rows.get("mix", []) == expected
    assert res.problems == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(INTS, TEXTS), min_size=1, max_size=6), st.integers(1, 40))
def test_result_does_not_depend_on_read_size(rows, chunk):
    table = Table("t", [("id", "bigint"), ("txt", "text")])
    data = dump_bytes([(table, rows)], rows_per_insert=3)
    assert read(data, chunk) == read(data)
