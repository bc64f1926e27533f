"""Tests for the CSV and JSONL readers: stdlib-written files read back, offsets, bad input."""

from __future__ import annotations

import csv
import io
import json

import pytest

from safeguard.exceptions import EvidenceFormatError
from safeguard.ingest.readers import tabular_csv, tabular_source
from safeguard.ingest.readers.base import Event, Problem, RowBatch, SourceInfo, TableSchema
from safeguard.ingest.readers.tabular import CsvReader, JsonlReader

ROWS = [
    ["id", "name", "note"],
    ["1", "Ana", "plain"],
    ["2", "Smith, Pat", 'said "hi"\r\nthen left'],
    ["3", "Zoë", ""],
    ["4", "x;y\tz", "line\nbreak"],
]


def events(reader: CsvReader | JsonlReader, data: bytes, name: str) -> list[Event]:
    return list(reader.read(io.BytesIO(data), SourceInfo(name)))


def table(
    evts: list[Event],
) -> tuple[list[tuple[object, ...]], list[int], list[int], list[Problem]]:
    rows: list[tuple[object, ...]] = []
    offsets: list[int] = []
    numbers: list[int] = []
    for e in evts:
        if isinstance(e, RowBatch):
            rows.extend(e.rows)
            offsets.extend(e.offsets)
            numbers.extend(e.row_numbers)
    return rows, offsets, numbers, [e for e in evts if isinstance(e, Problem)]


def write_csv(
    rows: list[list[str]], encoding: str = "utf-8", **fmt: str
) -> tuple[bytes, list[int]]:
    """CSV bytes from the stdlib writer, and the byte offset where each row starts."""
    out = io.BytesIO()
    text = io.TextIOWrapper(out, encoding=encoding, newline="")
    writer = csv.writer(text, **fmt)  # type: ignore[arg-type]
    starts = []
    for row in rows:
        text.flush()
        starts.append(out.tell())
        writer.writerow(row)
    text.flush()
    return out.getvalue(), starts


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_written_by_stdlib_reads_back(delimiter: str) -> None:
    data, starts = write_csv(ROWS, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL)  # type: ignore[arg-type]
    evts = events(CsvReader(), data, "exports/members.csv")
    schema = evts[0]
    assert isinstance(schema, TableSchema)
    assert schema.name == "members"
    assert [c.name for c in schema.columns] == ROWS[0]
    rows, offsets, numbers, problems = table(evts)
    assert problems == []
    assert [list(r) for r in rows] == ROWS[1:]
    assert offsets == starts[1:]
    assert numbers == [0, 1, 2, 3]


def test_csv_small_chunks_give_the_same_result(monkeypatch: pytest.MonkeyPatch) -> None:
    data, _ = write_csv(ROWS * 20, quoting=csv.QUOTE_ALL)  # type: ignore[arg-type]
    expected = table(events(CsvReader(), data, "t.csv"))
    monkeypatch.setattr(tabular_csv, "CHUNK_SIZE", 3)
    monkeypatch.setattr(tabular_source, "CHUNK_SIZE", 3)
    assert table(events(CsvReader(), data, "t.csv")) == expected
    assert len(expected[0]) == 20 * 5 - 1  # later header copies are data rows


def test_csv_headers_made_unique() -> None:
    evts = events(CsvReader(), b"a,,a, b \n1,2,3,4\n", "t.csv")
    assert isinstance(evts[0], TableSchema)
    assert [c.name for c in evts[0].columns] == ["a", "col_2", "col_3", "b"]


def test_csv_bad_records() -> None:
    data = b'a,b\n1,2\n3\n4,5,6\n\n7,"x\x00y"\n8,caf\xe9\n9,"open'
    rows, offsets, numbers, problems = table(events(CsvReader(), data, "t.csv"))
    assert rows == [("1", "2"), ("7", "xy"), ("8", "caf\ufffd"), ("9", "open")]
    assert numbers == [0, 3, 4, 5]
    assert offsets == [data.index(b"1,2"), data.index(b"7,"), data.index(b"8,"), data.index(b"9,")]
    found = {(p.kind, p.offset) for p in problems}
    assert ("value-count", data.index(b"3\n")) in found
    assert ("value-count", data.index(b"4,5")) in found
    assert ("nul-byte", data.index(b"7,")) in found
    assert ("encoding", data.index(b"8,")) in found
    assert ("unterminated-quote", data.index(b"9,")) in found


def test_csv_boms_and_utf16_offsets() -> None:
    rows_in = [["k", "v"], ["1", "Grüße"], ["2", "\U0001f600 emoji"], ["3", "end"]]
    data, starts = write_csv(rows_in, encoding="utf-16")
    rows, offsets, _, problems = table(events(CsvReader(), data, "u.csv"))
    assert [list(r) for r in rows] == rows_in[1:]
    assert offsets == starts[1:]
    assert problems == []
    data8, starts8 = write_csv(rows_in, encoding="utf-8-sig")
    evts = events(CsvReader(), data8, "u.csv")
    assert isinstance(evts[0], TableSchema)
    assert evts[0].columns[0].name == "k"
    assert table(evts)[1] == starts8[1:]


@pytest.mark.slow
def test_csv_hundred_megabyte_field() -> None:
    big = b"A" * (100 * 1024 * 1024)
    data = b'id,blob\n1,"' + big + b'"\n2,small\n'
    del big
    rows, offsets, _, problems = table(events(CsvReader(), data, "t.csv"))
    assert problems == []
    assert [r[0] for r in rows] == ["1", "2"]
    assert len(str(rows[0][1])) == 100 * 1024 * 1024
    assert offsets == [8, len(data) - 8]


def test_csv_sniff() -> None:
    reader = CsvReader()
    assert reader.sniff(b"a;b;c\n1;2;3\n4;5;6\n", SourceInfo("x.csv")) >= 0.8
    assert reader.sniff(b"a;b;c\n1;2;3\n4;5;6\n", SourceInfo("x.txt")) >= 0.3
    assert reader.sniff(b"hello world\nthis is prose\n", SourceInfo("x.txt")) < 0.3


# --- JSONL --------------------------------------------------------------------------------


def test_jsonl_values_and_schema_growth() -> None:
    lines = [
        b'{"id": 1, "score": 1.10, "tags": ["a", {"b": null}], "ok": true}',
        b'{"id": 2, "name": "Zo\\u00eb", "extra": {"k": [1, 2.50]}, "ok": false}',
        b'{"id": 3}',
    ]
    data = b"\n".join(lines) + b"\n"
    evts = events(JsonlReader(), data, "dump/users.jsonl")
    schemas = [e for e in evts if isinstance(e, TableSchema)]
    assert [s.name for s in schemas] == ["users", "users"]
    assert [c.name for c in schemas[-1].columns] == ["id", "score", "tags", "ok", "name", "extra"]
    assert schemas[1].offset == len(lines[0]) + 1
    rows, offsets, numbers, problems = table(evts)
    assert problems == []
    assert rows[0] == ("1", "1.10", '["a",{"b":null}]', "true")
    assert rows[1] == ("2", None, None, "false", "Zoë", '{"k":[1,2.50]}')
    assert rows[2] == ("3", None, None, None, None, None)
    assert offsets == [0, len(lines[0]) + 1, len(lines[0]) + len(lines[1]) + 2]
    assert numbers == [0, 1, 2]
    for batch in (e for e in evts if isinstance(e, RowBatch)):
        assert all(len(r) == len(batch.columns) for r in batch.rows)


def test_jsonl_nested_values_round_trip() -> None:
    value = {"a": [1, -2.5e3, 'x"y\n', None, True, {"é": []}], "b": {}}
    data = json.dumps({"v": value}, indent=None).encode() + b"\n"
    rows, _, _, _ = table(events(JsonlReader(), data, "t.jsonl"))
    assert json.loads(str(rows[0][0])) == value
    assert " " not in str(rows[0][0]).replace('x"y', "")


def test_jsonl_hostile_lines() -> None:
    huge = b"9" * 1_000_000
    lines = [
        b'{"a": 1, "a": 2}',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a": ' + huge + b"}",
        b"not json at all",
        b"[1, 2]",
        b'{"a": "caf\xe9"}',
        b'{"a": 3}\r',
        b'{"a": "x\\ud800y", "\\udc00": "\\ud83d\\ude00"}',
    ]
    data = b"\n".join(lines) + b"\n\n"
    rows, offsets, numbers, problems = table(events(JsonlReader(), data, "t.jsonl"))
    assert [r[0] for r in rows] == ["2", huge.decode(), "caf\ufffd", "3", "x\ufffdy"]
    assert rows[-1][-1] == "\U0001f600"
    assert numbers == [0, 2, 5, 6, 7]
    starts = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]
    assert offsets == [starts[0], starts[2], starts[5], starts[6], starts[7]]
    found = {(p.kind, p.offset, p.severity) for p in problems}
    assert found == {
        ("duplicate-key", starts[0], "warning"),
        ("json-too-deep", starts[1], "error"),
        ("json-invalid", starts[3], "error"),
        ("not-object", starts[4], "error"),
        ("encoding", starts[5], "repair"),
        ("lone-surrogate", starts[7], "warning"),
    }


def test_jsonl_utf16_and_bom_offsets() -> None:
    text = '{"a": "Grüße"}\n{"a": "\U0001f600"}\n{"a": "z"}\n'
    rows, offsets, _, _ = table(events(JsonlReader(), text.encode("utf-16"), "t.jsonl"))
    assert [r[0] for r in rows] == ["Grüße", "\U0001f600", "z"]
    first, second = text.split("\n")[:2]
    unit = len(first.encode("utf-16-le")) + 2
    assert offsets == [2, 2 + unit, 2 + unit + len(second.encode("utf-16-le")) + 2]
    _, offsets8, _, _ = table(events(JsonlReader(), b"\xef\xbb\xbf" + text.encode(), "t.jsonl"))
    assert offsets8[:2] == [3, 3 + len(first.encode()) + 1]


def test_jsonl_not_jsonl_raises() -> None:
    with pytest.raises(EvidenceFormatError):
        list(JsonlReader().read(io.BytesIO(b"plain text line\n" * 100), SourceInfo("x.txt")))


def test_jsonl_sniff() -> None:
    reader = JsonlReader()
    assert reader.sniff(b'{"a":1}\n{"a":2}\n', SourceInfo("x.jsonl")) >= 0.9
    assert reader.sniff(b'{"a":1}\n{"a":2}\n', SourceInfo("x")) >= 0.4
    assert reader.sniff(b"a,b\n1,2\n", SourceInfo("x.csv")) == 0.0
