"""The native mysqldump fast path against the pure-Python reference.

Every dump is read twice, with ``SAFEGUARD_NATIVE=1`` (C scanner, Arrow
batches) and ``=0`` (Python), staged to Parquet, and the staged tables
(columns, types, every value, ``_sg_row``, ``_sg_offset``) and problems must
be identical. Hostile input runs the C code in a child process, so a crash
fails the test instead of killing pytest.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeguard.ingest.readers import mysql_native
from safeguard.ingest.readers.base import Problem, RowBatch, SourceInfo, TableSchema
from safeguard.ingest.readers.mysqldump import MySQLDumpReader
from safeguard.ingest.staging import StagingWriter
from tests.ingest.readers.mysqldump_helpers import HEADER, dump
from tests.support.mysqldump_writer import Table, dump_bytes
from tests.support.phpbb_fixture import small_forum

pytestmark = pytest.mark.skipif(
    mysql_native._scan is None, reason="native extension not built (tools/build_native.py)"
)

CREATE = (
    "CREATE TABLE `t` (`id` int, `txt` text, `ip` varbinary(16), "
    "`old` text CHARACTER SET latin1) DEFAULT CHARSET=utf8mb4;"
)


@contextmanager
def native(on: bool) -> Iterator[None]:
    old = os.environ.get("SAFEGUARD_NATIVE")
    os.environ["SAFEGUARD_NATIVE"] = "1" if on else "0"
    try:
        yield
    finally:
        if old is None:
            del os.environ["SAFEGUARD_NATIVE"]
        else:
            os.environ["SAFEGUARD_NATIVE"] = old


def stage(data: bytes, on: bool, chunk: int | None = None, batch_rows: int = 7) -> dict[str, Any]:
    """Stage ``data`` like ingest does; returns tables (columns, types, rows) and problems."""
    options = {"arrow": "1"} | ({"chunk_bytes": str(chunk)} if chunk else {})
    arrow_batches = 0
    with tempfile.TemporaryDirectory() as tmp, native(on):
        writer = StagingWriter(Path(tmp), batch_rows)
        for e in MySQLDumpReader().read(io.BytesIO(data), SourceInfo("t.sql", options=options)):
            if isinstance(e, RowBatch):
                arrow_batches += e.arrow is not None
                writer.rows(e)
            elif isinstance(e, TableSchema):
                writer.schema(e)
            else:
                writer.problem(e)
        writer.close()
        tables = {}
        for t in writer.tables.values():
            parts = [pq.read_table(Path(tmp) / p) for p in t.parts]
            types = {(f.name, str(f.type)) for p in parts for f in p.schema}
            rows = [r for p in parts for r in p.to_pylist()]
            tables[t.name] = (list(t.columns), types, rows)
    return {"tables": tables, "problems": writer.problems, "arrow_batches": arrow_batches}


def same_both_ways(data: bytes, chunk: int | None = None) -> dict[str, Any]:
    """Assert native and Python staging agree; returns the native result."""
    fast, slow = stage(data, True, chunk), stage(data, False, chunk)
    assert slow["arrow_batches"] == 0
    assert fast["tables"] == slow["tables"]
    assert fast["problems"] == slow["problems"]
    return fast


def tuples(data: bytes, on: bool) -> list[Any]:
    """Reader events without the arrow option (tuple rows), for the non-staging contract."""
    with native(on):
        return list(MySQLDumpReader().read(io.BytesIO(data), SourceInfo("t.sql")))


def test_native_reads_plain_statements_and_python_is_used_when_switched_off():
    data = dump(CREATE, "INSERT INTO `t` VALUES (1,'a\\'b',NULL,'x'),(2,'',' \\0',NULL);")
    assert same_both_ways(data)["arrow_batches"] == 1
    fast, slow = tuples(data, True), tuples(data, False)
    assert fast == slow
    rows = next(e for e in fast if isinstance(e, RowBatch))
    assert rows.rows == [("1", "a'b", None, "x"), ("2", "", b" \0", None)]
    assert rows.offsets == [data.index(b"(1,"), data.index(b"(2,")]


LITERALS = [
    r"'a\0b\n\r\\\'\"\Z\t\b\%\_\q'", "'it''s'", "''", "NULL", "null", "-12", "3.50",
    "-.5", "1e5", "1E+5", "007", "1.", "'emoji 😀 𝄞 日本'", "'caf\udce9'", "'a\"b'", "'a\"\"b'",
    "0x4142", "X'41'", "_binary 'a'", "b'01'", "_utf8mb4'x'", "TRUE", '"dq"', "1.5e",
    "'\\\\\\\\\\\\\\''", "'tab\there'", "  'spaced'  ",
]  # fmt: skip


@pytest.mark.parametrize("literal", LITERALS)  # \udce9: a raw 0xE9 byte (invalid UTF-8)
@pytest.mark.parametrize("column", ["txt", "ip", "old"])
def test_every_literal_kind_in_every_column_kind_stages_identically(literal, column):
    row = {"id": "1", "txt": "'t'", "ip": "'i'", "old": "'o'"} | {column: literal}
    values = ",".join(row.values())
    data = dump(
        CREATE,
        f"INSERT INTO `t` VALUES ({values}),(2,'b','c','d');".encode("utf-8", "surrogateescape"),
    )
    same_both_ways(data)
    same_both_ways(data, chunk=5)


FIXTURES = {
    "phpbb": small_forum().render(rows_per_insert=3),
    "column-list": dump(CREATE, "INSERT INTO `t` (`txt`,`id`) VALUES ('a',1),('b',2);"),
    "duplicate-columns": dump(CREATE, "INSERT INTO `t` (`id`,`id`) VALUES (1,2);"),
    "value-count": dump(CREATE, "INSERT INTO `t` VALUES (1,'a','b','c'),(2,'x');"),
    "unknown-table": dump("INSERT INTO `u` VALUES (1,'a');", "INSERT INTO `u` VALUES (2,'b');"),
    "latin1-repair": dump(CREATE, "INSERT INTO `t` VALUES (1,'a','b','cafÃ©');"),
    "set-names-latin1": dump(CREATE, header=b"SET NAMES latin1;\n")
    + b"INSERT INTO `t` VALUES (1,'caf\xe9','\xff','x');\n",
    "no-set-names": dump(CREATE, b"INSERT INTO `t` VALUES (1,'caf\xe9','\xff','x');", header=b""),
    "invalid-utf8": dump(CREATE, b"INSERT INTO `t` VALUES (1,'a\xff\xfeb','\xff','x');"),
    "truncated-row": dump(CREATE, "INSERT INTO `t` VALUES (1,'a','b','c'),(2,'unfinished"),
    "truncated-statement": dump(CREATE, "INSERT INTO `t` VALUES (1,'a','b','c'),(2,'x','y','z')"),
    "syntax": dump(CREATE, "INSERT INTO `t` VALUES (1,'a' 'b','c','d'),(2,'x','y','z');"),
    "newlines": dump(CREATE, "INSERT INTO `t` VALUES\n(1,'a','b','c'),\n(2,'x','y','z');"),
    "trailing-comma": dump(CREATE, "INSERT INTO `t` VALUES (1,'a','b','c',);"),
    "ansi": dump(
        'CREATE TABLE "q" ("id" int, "v" text);', 'INSERT INTO "q" VALUES (1,"x"),(2,\'y\');'
    ),
    "many-rows": dump(CREATE, "INSERT INTO `t` VALUES " + ",".join(["(1,'a','b','c')"] * 23) + ";"),
    "writer": dump_bytes(
        [(Table("w", [("id", "int"), ("b", "blob"), ("s", "text")]), [[1, b"\0\xff", "é"]] * 9)],
        rows_per_insert=4,
    ),
}


@pytest.mark.parametrize("name", list(FIXTURES))
@pytest.mark.parametrize("chunk", [None, 11])
def test_fixtures_stage_identically(name, chunk):
    same_both_ways(FIXTURES[name], chunk)


def test_statement_larger_than_the_row_limit_falls_back_and_reads_every_row():
    data = dump(CREATE, "INSERT INTO `t` VALUES " + ",".join(["(1,'abc','b','c')"] * 50) + ";")
    for on in (True, False):
        with native(on):
            opts = {"max_row_bytes": "40", "chunk_bytes": "16"}
            events = list(MySQLDumpReader().read(io.BytesIO(data), SourceInfo("t", options=opts)))
            assert sum(len(e.rows) for e in events if isinstance(e, RowBatch)) == 50
            assert not [e for e in events if isinstance(e, Problem)]


# --- generated values ------------------------------------------------------------

AWKWARD = st.sampled_from(
    ["'", "\\", "\0", "\n", "\r", "\x1a", '"', "''", "\\'", "😀", "𝄞", "\t", "%", "_", "é", " "]
)
TEXT = st.lists(st.one_of(AWKWARD, st.text(max_size=8)), max_size=6).map("".join)
LONG = st.text(min_size=1, max_size=4).map(lambda s: s * 3000)
_MYSQL_ESCAPES = {
    0: b"\\0",
    10: b"\\n",
    13: b"\\r",
    92: b"\\\\",
    39: b"\\'",
    34: b'\\"',
    26: b"\\Z",
}


def quoted(raw: bytes, doubled: bool) -> bytes:
    """A single-quoted literal as mysqldump writes it (or with '' for quotes)."""
    out = bytearray(b"'")
    for byte in raw:
        if byte == 39 and doubled:
            out += b"''"
        else:
            out += _MYSQL_ESCAPES.get(byte, bytes([byte]))
    return bytes(out + b"'")


CELL_TEXT = st.one_of(st.none(), TEXT, LONG).map(lambda v: None if v is None else v.encode())
CELL_BLOB = st.one_of(st.none(), st.binary(max_size=40))
ROW = st.tuples(st.integers(-(2**63), 2**63), CELL_TEXT, CELL_BLOB, st.booleans())


def generated_dump(rows: list[tuple[int, bytes | None, bytes | None, bool]], per: int) -> bytes:
    parts = []
    for n, txt, blob, doubled in rows:
        cells = [str(n).encode()]
        for v in (txt, blob):
            cells.append(b"NULL" if v is None else quoted(v, doubled))
        cells.append(b"'ascii'" if doubled else b"NULL")
        parts.append(b"(" + b",".join(cells) + b")")
    stmts = [
        b"INSERT INTO `t` VALUES " + b",".join(parts[i : i + per]) + b";"
        for i in range(0, len(parts), per)
    ]
    return dump(CREATE, *stmts)


@settings(max_examples=80, deadline=None)
@given(st.lists(ROW, max_size=10), st.integers(1, 4), st.integers(0, 10**6))
def test_generated_values_and_truncations_stage_identically(rows, per, cut):
    data = generated_dump(rows, per)
    assert tuples(data, True) == tuples(data, False)
    same_both_ways(data)
    cut_at = len(HEADER) + cut % max(1, len(data) - len(HEADER))
    same_both_ways(data[:cut_at])


MUTATIONS = st.sampled_from([b"'", b"\\", b'"', b",", b"(", b")", b";", b"\xff", b"\xc3", b" "])


@settings(max_examples=80, deadline=None)
@given(
    st.lists(ROW, min_size=1, max_size=6),
    st.lists(st.tuples(st.integers(0, 10**6), MUTATIONS, st.booleans()), max_size=3),
)
def test_damaged_statements_give_the_same_rows_and_problems(rows, edits):
    data = bytearray(generated_dump(rows, 2))
    for where, what, replace in edits:
        at = len(HEADER) + where % max(1, len(data) - len(HEADER))
        data[at : at + (1 if replace else 0)] = what
    assert tuples(bytes(data), True) == tuples(bytes(data), False)
    same_both_ways(bytes(data), chunk=64)


# --- real mariadb-dump output ----------------------------------------------------


@pytest.fixture(scope="module")
def forum_native(mariadb: Any) -> str:
    from tests.ingest.readers.test_mysqldump_mariadb import _create

    _create(mariadb, "forum_native")
    return "forum_native"


@pytest.mark.mariadb
@pytest.mark.parametrize(
    "options",
    [
        (),
        ("--hex-blob",),
        ("--complete-insert",),
        ("--skip-extended-insert",),
        ("--compatible=ansi",),
    ],
    ids=lambda o: " ".join(o) or "default",
)
def test_real_mariadb_dump_stages_identically(mariadb, forum_native, options):
    data = mariadb.dump(forum_native, *options)
    result = same_both_ways(data)
    assert tuples(data, True) == tuples(data, False)
    if not options:  # a default dump has statements the native path reads itself
        assert result["arrow_batches"] > 0


# --- hostile input: in a child process, so a crash cannot take pytest down ---------

_FUZZ = r"""
import random, resource, sys
from safeguard.ingest.readers._mysqlfast import scan
rng = random.Random(int(sys.argv[1]))
alphabet = b"'\\\",();(NnUuLl0123456789.-eE \n\xff\xc3\xa9\xf0\x9f"
seen = set()
for i in range(4000):
    n = rng.randrange(0, 300)
    pool = alphabet if i % 2 else bytes(range(256))
    buf = bytes(rng.choice(pool) for _ in range(n))
    flags = bytes(rng.choice(b"\x00\x01\x02") for _ in range(rng.randrange(0, 6)))
    got = scan(buf, rng.randrange(-2, n + 3), 10, flags, bool(i % 3))
    seen.add(type(got).__name__ if got not in (None, -1) else repr(got))
print(sorted(seen))
"""


def _child(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize("seed", ["1", "2"])
def test_random_bytes_never_crash_the_scanner(seed):
    done = _child(_FUZZ, seed)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "None" in done.stdout  # it declined junk rather than inventing rows


_MEMORY = r"""
import io, resource, sys
from safeguard.ingest.readers.base import RowBatch, SourceInfo
from safeguard.ingest.readers.mysqldump import MySQLDumpReader

HEAD = b"/*!40101 SET NAMES utf8mb4 */;\nCREATE TABLE `t` (`id` int, `v` text);\n"
ROW = b"(1,'" + b"chatter \\' " * 50 + b"'),"
class Hostile(io.RawIOBase):
    # HEAD, then ``body`` repeated up to ``size`` bytes, generated as read
    def __init__(self, body, size):
        self.body, self.left, self.head = body, size, HEAD
    def readable(self):
        return True
    def readinto(self, b):
        data = self.head or self.body * max(1, len(b) // len(self.body))
        self.head = b""
        data = data[: min(len(b), self.left)]
        b[: len(data)] = data
        self.left -= len(data)
        return len(data)

def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

cases = {
    "rows": b"INSERT INTO `t` VALUES " + ROW * 2000 + b"(2,'x');\n",
    "open-quote": b"INSERT INTO `t` VALUES (1,'" + b"no end \\' " * 1000,
    "junk": bytes(range(256)) * 40,
}
opts = {"arrow": sys.argv[2], "max_row_bytes": str(1 << 20)}
base = peak_mb()
for name, body in cases.items():
    n = 0
    for e in MySQLDumpReader().read(Hostile(body, 48 << 20), SourceInfo(name, options=opts)):
        n += len(e.row_numbers) if isinstance(e, RowBatch) else 0
    print(name, n, round(peak_mb() - base))
"""


@pytest.mark.slow
@pytest.mark.parametrize("arrow", ["0", "1"])
def test_memory_stays_bounded_on_large_and_hostile_streams(arrow):
    done = _child(_MEMORY, "", arrow)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = {line.split()[0]: line.split()[1:] for line in done.stdout.splitlines()}
    assert int(lines["rows"][0]) > 50_000  # 48 MB of rows were read
    for name, (_rows, grown_mb) in lines.items():
        assert int(grown_mb) < 64, (name, done.stdout)


_BUILD = r"""
import importlib.util, shutil, sys
from pathlib import Path
spec = importlib.util.spec_from_file_location("build_native", sys.argv[1])
tool = importlib.util.module_from_spec(spec); spec.loader.exec_module(tool)
source = Path(sys.argv[2]) / "_mysqlfast.c"
shutil.copy(sys.argv[3], source)
built = tool.build(source, strict=True)
spec = importlib.util.spec_from_file_location("_mysqlfast", built)
module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)
print(module.scan(b"(1,'a\\'b',NULL);", 0, 0, b"\x00\x01\x00", False))
"""


def test_build_tool_compiles_the_extension_warning_free(tmp_path):
    root = Path(__file__).resolve().parents[3]
    c_source = root / "src/safeguard/ingest/readers/_mysqlfast.c"
    done = _child(_BUILD, str(root / "tools/build_native.py"), str(tmp_path), str(c_source))
    assert done.returncode == 0, done.stderr[-2000:]
    assert (
        done.stdout.strip()
        == "(16, 1, b'\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00', [('1', b\"a'b\", None)])"
    )
