"""Against the real MariaDB: dumps written by ``mariadb-dump`` read back as the server has them.

Values are compared through ``HEX()`` on the server side, so NUL, tabs, newlines
and raw binary survive the comparison unchanged. The writer used by the other
tests is checked too: its dump loads into the server with the ``mariadb`` client.
"""

from __future__ import annotations

import ipaddress

import pytest

from safeguard.ingest.readers.base import Value
from tests.ingest.readers.mysqldump_helpers import read
from tests.support.mariadb import MariaDBServer
from tests.support.mysqldump_writer import Cell, Table, dump_bytes

pytestmark = pytest.mark.mariadb

AWKWARD_TEXT = [
    "plain",
    'it\'s a "quote" and a back\\slash',
    "'); DROP TABLE users;--",
    "nul\0byte",
    "cr\rlf\nand\ttab",
    "ctrl-z \x1a end",
    "emoji 😀 and 𝄞 (non-BMP) and 日本語",
    "",
    "trailing backslash \\",
    "\\\\\\\\\\\\'",
]
IPS = [
    ipaddress.ip_address("198.51.100.7").packed,
    ipaddress.ip_address("2001:db8::1").packed,
    b"\x00\x00\x00\x00",
    b"'\\\x1a\n",
    None,
]

PHPBB = Table(
    "phpbb_posts",
    [
        ("post_id", "mediumint(8) unsigned NOT NULL"),
        ("poster_id", "int(11) NOT NULL"),
        ("poster_ip", "varchar(40) NOT NULL DEFAULT ''"),
        ("post_time", "int(11) unsigned NOT NULL DEFAULT 0"),
        ("post_subject", "varchar(255) COLLATE utf8mb3_bin NOT NULL DEFAULT ''"),
        ("post_text", "mediumtext"),
        ("edited", "datetime DEFAULT NULL"),
        ("score", "decimal(6,2) DEFAULT NULL"),
    ],
    charset="utf8mb3",
)
MYBB = Table(
    "mybb_users",
    [
        ("uid", "int(10) unsigned NOT NULL"),
        ("username", "varchar(120) NOT NULL DEFAULT ''"),
        ("regip", "varbinary(16) DEFAULT NULL"),
        ("avatar", "blob"),
        ("signature", "text CHARACTER SET latin1"),
        ("regdate", "datetime NOT NULL DEFAULT '0000-00-00 00:00:00'"),
    ],
)


def _phpbb_rows() -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for i, text in enumerate(AWKWARD_TEXT):
        subject = text.replace("😀", "?").replace("𝄞", "?")  # utf8mb3: BMP only
        body = None if i == 3 else text + " / " + text
        rows.append([i + 1, -i, f"203.0.113.{i}", 1_300_000_000 + i, subject, body, None, None])
    rows[0][6] = "0000-00-00 00:00:00"
    rows[1][6] = "2024-02-29 23:59:59"
    rows[2][7] = "-12.50"
    return rows


def _mybb_rows() -> list[list[Cell]]:
    latin = ["café crème", "naïve – “quotes” €", "", None, "x\\'y\n"]
    return [
        [
            i + 1,
            AWKWARD_TEXT[i],
            ip,
            (bytes(range(256)) if i == 0 else ip),
            latin[i],
            "0000-00-00 00:00:00",
        ]
        for i, ip in enumerate(IPS)
    ]


def _sql_literal(value: Cell) -> str:
    """A literal the client cannot mangle: text and bytes go as hex."""
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, bytes):
        return f"X'{value.hex()}'" if value else "''"
    return f"CONVERT(X'{value.encode().hex()}' USING utf8mb4)" if value else "''"


def _create(server: MariaDBServer, db: str) -> None:
    stmts = [
        f"DROP DATABASE IF EXISTS {db}",
        f"CREATE DATABASE {db}",
        f"USE {db}",
        "SET sql_mode=''",
    ]
    for table, rows in ((PHPBB, _phpbb_rows()), (MYBB, _mybb_rows())):
        stmts.append(table.create_sql().rstrip().rstrip(";"))
        values = ",".join("(" + ",".join(_sql_literal(v) for v in r) + ")" for r in rows)
        stmts.append(f"INSERT INTO `{table.name}` VALUES {values}")
    server.sql(";\n".join(stmts) + ";")


@pytest.fixture(scope="module")
def forum(mariadb: MariaDBServer) -> str:
    _create(mariadb, "forum")
    return "forum"


def _server_rows(server: MariaDBServer, db: str, table: Table) -> list[list[str]]:
    binary = {"regip", "avatar"}
    exprs = [
        f"HEX(`{c}`)" if c in binary else f"HEX(CONVERT(`{c}` USING utf8mb4))"
        for c, _ in table.columns
    ]
    order = table.columns[0][0]
    return server.sql(f"SELECT {', '.join(exprs)} FROM `{table.name}` ORDER BY `{order}`", db)


def _as_hex(value: Value) -> str:
    if value is None:
        return "NULL"
    raw = value if isinstance(value, bytes) else value.encode("utf-8")
    return raw.hex().upper()


OPTION_SETS = [
    (),
    ("--hex-blob",),
    ("--complete-insert",),
    ("--skip-extended-insert",),
    ("--compatible=ansi", "--default-character-set=utf8mb4"),
    ("--insert-ignore", "--skip-comments"),
    ("--replace", "--hex-blob", "--complete-insert"),
]


@pytest.mark.parametrize("options", OPTION_SETS, ids=lambda o: " ".join(o) or "default")
def test_real_mariadb_dump_reads_back_as_the_server_has_it(mariadb, forum, options):
    data = mariadb.dump(forum, *options)
    res = read(data)
    assert res.problems == []
    for table in (PHPBB, MYBB):
        got = [[_as_hex(v) for v in row] for row in res.rows[table.name]]
        assert got == _server_rows(mariadb, forum, table), table.name
        schema = res.schemas[table.name]
        assert [c.name for c in schema.columns] == [c for c, _ in table.columns]
    binary = [c.name for c in res.schemas["mybb_users"].columns if c.binary]
    assert binary == ["regip", "avatar"]
    assert isinstance(res.rows["mybb_users"][0][2], bytes)


def test_ansi_dump_without_set_names_reads_latin1_bytes_as_latin1(mariadb, forum):
    # --compatible=ansi alone writes latin1 and no SET NAMES; the tool itself turns
    # characters outside latin1 into '?', so only latin1-representable text is compared.
    data = mariadb.dump(forum, "--compatible=ansi")
    assert b"SET NAMES" not in data
    res = read(data)
    rows = res.rows["mybb_users"]
    assert [r[4] for r in rows] == [r[4] for r in _mybb_rows()]
    assert [r[2] for r in rows] == IPS
    assert {(p.kind, p.severity) for p in res.problems} == {("latin1-fallback", "repair")}


def test_default_dump_is_not_valid_utf8_yet_reads(mariadb, forum):
    data = mariadb.dump(forum)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    ips = [row[2] for row in read(data).rows["mybb_users"]]
    assert ips == IPS


def test_dump_from_the_tests_writer_loads_into_mariadb_unchanged(mariadb):
    rows = _mybb_rows()
    mariadb.sql("DROP DATABASE IF EXISTS written; CREATE DATABASE written;")
    mariadb.load(dump_bytes([(MYBB, rows)], rows_per_insert=2), "written")
    expected = [
        [_as_hex(None if v is None else str(v) if isinstance(v, int) else v) for v in r]
        for r in rows
    ]
    assert _server_rows(mariadb, "written", MYBB) == expected
