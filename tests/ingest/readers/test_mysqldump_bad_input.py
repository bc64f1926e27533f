"""MySQLDumpReader on damaged and hostile input (reliability.md B1 items 1-3, 9)."""

from __future__ import annotations

import io

import pytest

from safeguard.exceptions import EvidenceFormatError
from safeguard.ingest.readers.base import RowBatch, SourceInfo
from safeguard.ingest.readers.mysqldump import MySQLDumpReader
from tests.ingest.readers.mysqldump_helpers import CREATE_T, dump, events, read

GOOD = "INSERT INTO `t` VALUES (1,'a'),(2,'b'),(3,'c with, comma'),(4,'d');"


@pytest.mark.parametrize("cut_at", ["(3,'c wi", "(3,", "(3,'c with, comma')", "(4,'d'", "(4,'d')"])
def test_truncated_dump_keeps_complete_rows_and_reports_where(cut_at):
    data = dump(CREATE_T, GOOD)
    cut = data.index(cut_at.encode()) + len(cut_at)
    for chunk in (None, 5):
        res = read(data[:cut], chunk)
        n_complete = 2 if cut_at.startswith("(3") else 3
        assert res.rows["t"] == [("1", "a"), ("2", "b"), ("3", "c with, comma")][:n_complete]
        (p,) = res.problems
        assert (p.kind, p.severity, p.table) == ("truncated", "error", "t")
        assert data[p.offset : p.offset + 2] == cut_at[:2].encode()


def test_truncated_create_table_is_reported():
    res = read(dump(CREATE_T, "CREATE TABLE `u` (`id` int,"))
    assert res.kinds() == ["truncated"]


def test_row_with_wrong_value_count_is_skipped_and_the_rest_kept():
    data = dump(CREATE_T, "INSERT INTO `t` VALUES (1,'a'),(2,'b','extra'),(3),(4,'d');")
    res = read(data)
    assert res.rows["t"] == [("1", "a"), ("4", "d")]
    assert res.kinds() == ["value-count", "value-count"]
    assert data[res.problems[0].offset : res.problems[0].offset + 3] == b"(2,"
    assert res.numbers["t"] == [0, 1]


def test_unbalanced_quote_skips_to_the_next_row_and_keeps_the_rest():
    data = dump(
        CREATE_T,
        "INSERT INTO `t` VALUES (1,'a'),(2,'it's broken'),(3,'c');",
        "INSERT INTO `t` VALUES (4,'d');",
    )
    res = read(data)
    assert res.rows["t"] == [("1", "a"), ("3", "c"), ("4", "d")]
    assert res.kinds() == ["syntax"]
    assert data[res.problems[0].offset : res.problems[0].offset + 3] == b"(2,"


def test_unterminated_quote_at_end_of_statement_resyncs_at_next_statement():
    data = dump(
        CREATE_T,
        "INSERT INTO `t` VALUES (1,'a'),(2,'open);",
        "INSERT INTO `t` VALUES (3,'c');",
        "INSERT INTO `t` VALUES (4,'d');",
    )
    res = read(data)
    assert ("1", "a") in res.rows["t"]
    assert ("4", "d") in res.rows["t"]
    assert res.problems
    assert all(p.kind == "syntax" for p in res.problems)


def test_sql_injection_text_is_kept_verbatim_as_a_value():
    payload = "'); DROP TABLE users;--"
    literal = payload.replace("'", "\\'")
    res = read(
        dump(CREATE_T, f"INSERT INTO `t` VALUES (1,'{literal}'),(2,'x''); DROP TABLE t;--');")
    )
    assert res.rows["t"] == [("1", payload), ("2", "x'); DROP TABLE t;--")]
    assert res.problems == []


def test_insert_into_a_table_never_created_gets_numbered_columns_and_a_warning():
    res = read(dump("INSERT INTO `ghost` VALUES (1,'a,b',NULL),(2,'c',0x00);"))
    assert res.columns["ghost"] == ("col1", "col2", "col3")
    assert res.rows["ghost"] == [("1", "a,b", None), ("2", "c", b"\x00")]
    assert [(p.kind, p.severity) for p in res.problems] == [("unknown-table", "warning")]


def test_insert_with_column_list_into_unknown_table_uses_the_list():
    res = read(dump("INSERT INTO `ghost` (`a`,`b`) VALUES (1,'x');"))
    assert res.columns["ghost"] == ("a", "b")
    assert res.rows["ghost"] == [("1", "x")]


@pytest.mark.parametrize(
    "data",
    [
        b"just some notes, not a dump\n" * 9,
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40,
        b"\xff\xfeS\x00E\x00T\x00",
        b'{"json": true}\n',
    ],
    ids=["prose", "binary", "utf16", "json"],
)
def test_a_file_that_is_not_a_dump_scores_zero_and_raises_before_any_event(data):
    reader = MySQLDumpReader()
    assert reader.sniff(data[:65536], SourceInfo("x")) == 0.0
    it = reader.read(io.BytesIO(data), SourceInfo("x"))
    with pytest.raises(EvidenceFormatError):
        next(it)


def test_empty_file_gives_no_events():
    assert events(b"") == []
    assert events(b"\n\n  \n") == []


def test_garbage_inside_a_dump_never_raises():
    data = dump(CREATE_T, GOOD) + bytes(range(256)) * 3 + b"\n" + GOOD.encode() + b"\n"
    res = read(data)
    assert res.rows["t"][:4] == [("1", "a"), ("2", "b"), ("3", "c with, comma"), ("4", "d")]
    assert res.problems


def test_nul_bytes_and_raw_controls_in_strings_survive():
    res = read(dump(CREATE_T, b"INSERT INTO `t` VALUES (1,'a\x00b\x1a\x1b\x7f');"))
    assert res.rows["t"] == [("1", "a\x00b\x1a\x1b\x7f")]


def test_row_over_the_size_limit_is_skipped_not_buffered_forever():
    data = dump(CREATE_T, "INSERT INTO `t` VALUES (1,'" + "x" * 3_000_000 + "'),(2,'ok');")
    info = SourceInfo("x", options={"chunk_bytes": "65536", "max_row_bytes": "1500000"})
    evs = list(MySQLDumpReader().read(io.BytesIO(data), info))
    rows = [r for e in evs if isinstance(e, RowBatch) for r in e.rows]
    assert rows == [("2", "ok")]
    assert any(getattr(e, "kind", "") == "too-large" for e in evs)


@pytest.mark.slow
def test_a_100_mb_single_row_insert_is_read():
    body = ("post text with it\\'s escapes and \\n newlines " * 2_400_000)[: 100 * 2**20]
    data = dump(CREATE_T, f"INSERT INTO `t` VALUES (1,'{body}'),(2,'after');")
    res = read(data)
    assert len(res.rows["t"][0][1]) > 95 * 2**20
    assert res.rows["t"][1] == ("2", "after")
