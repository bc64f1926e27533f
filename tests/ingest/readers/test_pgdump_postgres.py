"""The reader against dumps written by the real pg_dump of a real PostgreSQL server.

A Discourse-shaped database is filled with awkward values; each dump style is
parsed and compared, table by table and row by row, with what the server
returns. Expected values come from the server's own output functions
(``format('%s', col)``), hex-encoded so no separator or escape can blur them.
"""

from __future__ import annotations

import io
from functools import cache

import pytest

from safeguard.exceptions import EvidenceFormatError
from safeguard.ingest.readers.base import SourceInfo, Value
from safeguard.ingest.readers.pgdump import PgDumpReader
from tests.ingest.readers.pgdump_helpers import batches, problems, rows_by_table, schemas
from tests.support.postgres import PostgresServer

pytestmark = pytest.mark.postgres

DB = "discourse_fixture"

SCHEMA = """
CREATE TABLE users (
    id serial PRIMARY KEY, username varchar(60) NOT NULL, username_lower varchar(60) NOT NULL,
    name varchar, created_at timestamp without time zone NOT NULL,
    registration_ip_address inet, ip_address inet, last_seen_at timestamp without time zone,
    date_of_birth date, admin boolean NOT NULL DEFAULT false);
CREATE TABLE user_emails (
    id serial PRIMARY KEY, user_id integer NOT NULL, email varchar(513) NOT NULL,
    "primary" boolean NOT NULL DEFAULT false, normalized_email varchar);
CREATE TABLE topics (
    id serial PRIMARY KEY, title varchar NOT NULL, archetype varchar NOT NULL DEFAULT 'regular',
    user_id integer, created_at timestamp without time zone NOT NULL);
CREATE TABLE posts (
    id serial PRIMARY KEY, user_id integer, topic_id integer NOT NULL, post_number integer NOT NULL,
    raw text NOT NULL, cooked text NOT NULL, created_at timestamp without time zone NOT NULL,
    reply_to_post_number integer, deleted_at timestamp without time zone);
CREATE TABLE topic_allowed_users (
    id serial PRIMARY KEY, user_id integer NOT NULL, topic_id integer NOT NULL);
CREATE TABLE user_auth_tokens (
    id serial PRIMARY KEY, user_id integer NOT NULL, auth_token varchar NOT NULL,
    client_ip inet, user_agent varchar, created_at timestamp without time zone,
    seen_at timestamp without time zone, auth_token_seen boolean NOT NULL DEFAULT false);
CREATE TABLE uploads (
    id serial PRIMARY KEY, user_id integer, original_filename varchar, data bytea,
    tags text[], meta jsonb, size_mb numeric(10, 3));
CREATE SCHEMA staff;
CREATE TABLE staff.notes (id integer PRIMARY KEY, body text);
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.name := NEW.name || ''; RETURN NEW; END; $$;
CREATE INDEX idx_posts_user ON posts (user_id);
COMMENT ON TABLE posts IS 'posts; with ''quotes'' and \\ backslash';
"""

AWKWARD = [
    'it\'s a "quoted" word',
    "back\\slash \\N \\. \\x41 and \\\\ double",
    "tab\there",
    "line one\nline two\r\nwindows line",
    "\\.",  # alone, it would end a COPY block if not escaped
    "'); DROP TABLE users;--",
    "emoji 😀 and 𝄞 and e\u0301 and עברית",
    "$$ dollar $tag$ -- not a comment /* nor this */ ;",
    "<p>Hello &amp; <b>welcome</b></p>",
    "",
]
IPS = ["198.51.100.7", "2001:db8::1", "203.0.113.0/24", "::ffff:192.0.2.1", None]


def _lit(value: str | None) -> str:
    return "NULL" if value is None else "'" + value.replace("'", "''") + "'"


def _fill_sql() -> str:
    rows = []
    for i, text in enumerate(AWKWARD, start=1):
        ip = _lit(IPS[i % len(IPS)])
        rows.append(
            f"INSERT INTO users (username, username_lower, name, created_at, "
            f"registration_ip_address, ip_address, date_of_birth, admin) VALUES "
            f"({_lit(f'user{i}')}, {_lit(f'user{i}')}, {_lit(text)}, "
            f"'2024-03-0{1 + i % 9} 10:11:12.{i:06d}', {ip}, {_lit(IPS[(i + 1) % len(IPS)])}, "
            f"{'NULL' if i % 3 else _lit('1990-01-0' + str(1 + i % 9))}, {str(i == 1).lower()});"
        )
        rows.append(
            f'INSERT INTO user_emails (user_id, email, "primary", normalized_email) VALUES '
            f"({i}, {_lit(f'user{i}@example.org')}, {str(i % 2 == 0).lower()}, NULL);"
        )
        rows.append(
            f"INSERT INTO topics (title, archetype, user_id, created_at) VALUES ({_lit(text)}, "
            f"{_lit('private_message' if i % 2 else 'regular')}, {i}, '2024-03-01 00:00:00');"
        )
        rows.append(
            f"INSERT INTO posts (user_id, topic_id, post_number, raw, cooked, created_at) VALUES "
            f"({i}, {i}, 1, {_lit(text + ' I coach the under-12 team')}, {_lit('<p>' + text)}, "
            f"'2024-03-02 12:00:00');"
        )
        rows.append(
            f"INSERT INTO uploads (user_id, original_filename, data, tags, meta, size_mb) VALUES "
            f"({i}, {_lit(text)}, decode('{bytes(range(i * 7 % 256, 256, 13)).hex()}', 'hex'), "
            f"ARRAY[{_lit(text)}, 'b'], jsonb_build_object('name', {_lit(text)}), {-i}.5);"
        )
    rows.append("INSERT INTO uploads (user_id) VALUES (NULL);")
    rows.append("INSERT INTO topic_allowed_users (user_id, topic_id) VALUES (1, 1), (2, 1);")
    rows.append(
        "INSERT INTO user_auth_tokens (user_id, auth_token, client_ip, user_agent, created_at) "
        "SELECT g % 10 + 1, md5(g::text), ('10.0.' || (g % 250) || '.' || (g % 200))::inet, "
        "'Mozilla/5.0 (X11; Linux x86_64) tab\tquote'' ' || g, "
        "'2024-01-01'::timestamp + g * interval '1 minute' FROM generate_series(1, 12000) g;"
    )
    rows.append("INSERT INTO staff.notes VALUES (1, 'add me on <handle>');")
    return "\n".join(rows)


@pytest.fixture(scope="module")
def forum_db(postgres_server: PostgresServer) -> PostgresServer:
    postgres_server.psql(f"DROP DATABASE IF EXISTS {DB}; CREATE DATABASE {DB};")
    postgres_server.psql(SCHEMA + _fill_sql(), DB)
    return postgres_server


@cache
def _columns(server: PostgresServer, table: str) -> list[tuple[str, str]]:
    """(name, format_type) of the table's columns, in order."""
    out = server.psql(
        "SELECT attname || '|' || format_type(atttypid, atttypmod) FROM pg_attribute "
        f"WHERE attrelid = '{table}'::regclass AND attnum > 0 AND NOT attisdropped "
        "ORDER BY attnum",
        DB,
    )
    return [tuple(line.split("|", 1)) for line in out.splitlines()]  # type: ignore[misc]


def _server_rows(server: PostgresServer, table: str) -> list[tuple[Value, ...]]:
    """Rows as the server's output functions write them; bytea as bytes."""
    parts = []
    for name, sql_type in _columns(server, table):
        col = f'"{name}"'
        text = col if sql_type == "bytea" else f"convert_to(format('%s', {col}), 'UTF8')"
        parts.append(f"CASE WHEN {col} IS NULL THEN 'N' ELSE 'V' || encode({text}, 'hex') END")
    out = server.psql(f"SELECT concat_ws(',', {', '.join(parts)}) FROM {table} ORDER BY id", DB)
    rows = []
    for line in out.splitlines():
        values: list[Value] = []
        for (_, sql_type), field in zip(_columns(server, table), line.split(","), strict=True):
            raw = None if field == "N" else bytes.fromhex(field[1:])
            values.append(raw if raw is None or sql_type == "bytea" else raw.decode())
        rows.append(tuple(values))
    return rows


DISCOURSE_TABLES = [
    "users",
    "user_emails",
    "topics",
    "posts",
    "topic_allowed_users",
    "user_auth_tokens",
    "uploads",
]
DUMP_STYLES = [
    pytest.param(("--schema=public", "--no-owner", "--no-privileges"), id="discourse-copy"),
    pytest.param((), id="copy"),
    pytest.param(("--inserts",), id="inserts"),
    pytest.param(("--column-inserts", "--rows-per-insert=50"), id="column-inserts"),
]


@pytest.mark.parametrize("options", DUMP_STYLES)
def test_real_dump_reads_back_exactly(forum_db: PostgresServer, options: tuple[str, ...]) -> None:
    dump = forum_db.pg_dump(DB, *options)
    reader = PgDumpReader()
    assert reader.sniff(dump[:65536], SourceInfo("dump.sql")) >= 0.9
    events = list(reader.read(io.BytesIO(dump), SourceInfo("dump.sql")))
    assert problems(events) == []
    got = rows_by_table(events)
    expected_tables = DISCOURSE_TABLES + ([] if "--schema=public" in options else ["staff.notes"])
    assert sorted(got) == sorted(expected_tables)
    declared = schemas(events)
    for table in expected_tables:
        columns = _columns(forum_db, table)
        assert [(c.name, c.sql_type) for c in declared[table].columns] == columns
        rows = sorted(got[table], key=lambda r: int(str(r[0])))
        assert rows == _server_rows(forum_db, table), table


def test_real_dump_offsets_point_at_rows(forum_db: PostgresServer) -> None:
    dump = forum_db.pg_dump(DB)
    events = list(PgDumpReader().read(io.BytesIO(dump), SourceInfo("dump.sql")))
    for batch in batches(events):
        for offset, row in zip(batch.offsets, batch.rows, strict=True):
            assert dump[offset : offset + len(str(row[0])) + 1] == f"{row[0]}\t".encode()
    tokens = rows_by_table(events)["user_auth_tokens"]
    assert len(tokens) == 12_000  # crosses a batch boundary


def test_real_custom_format_dump_is_refused(forum_db: PostgresServer) -> None:
    dump = forum_db.pg_dump(DB, "-Fc")
    with pytest.raises(EvidenceFormatError, match="pg_restore"):
        list(PgDumpReader().read(io.BytesIO(dump), SourceInfo("forum.dump")))
