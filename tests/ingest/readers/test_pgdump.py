"""Unit tests of the plain pg_dump reader: each construct, then each kind of bad input."""

from __future__ import annotations

import io

import pytest

from safeguard.exceptions import EvidenceFormatError
from safeguard.ingest.readers.base import SourceInfo, TableSchema
from safeguard.ingest.readers.pgdump import PgDumpReader
from tests.ingest.readers.pgdump_helpers import (
    HEADER,
    batches,
    problems,
    read_events,
    rows_by_table,
    schemas,
)

USERS_DDL = (
    b"CREATE TABLE public.users (\n    id integer NOT NULL,\n"
    b"    username character varying(60) NOT NULL,\n    ip inet,\n"
    b"    created_at timestamp without time zone DEFAULT now() NOT NULL,\n"
    b"    avatar bytea,\n    CONSTRAINT users_ok CHECK ((id > 0))\n);\n\n"
)


# -- schemas and names ------------------------------------------------------


def test_create_table_gives_lower_case_types_and_binary_flag() -> None:
    schema = schemas(read_events(HEADER + USERS_DDL))["users"]
    assert [(c.name, c.sql_type, c.binary) for c in schema.columns] == [
        ("id", "integer", False),
        ("username", "character varying(60)", False),
        ("ip", "inet", False),
        ("created_at", "timestamp without time zone", False),
        ("avatar", "bytea", True),
    ]
    assert schema.offset == len(HEADER)


@pytest.mark.parametrize(
    ("ddl", "name"),
    [
        (b'CREATE TABLE public."Mixed Case" (a text);', "Mixed Case"),
        (b"CREATE TABLE other.users (a text);", "other.users"),
        (b"CREATE TABLE Plain (a text);", "plain"),
        (b"CREATE UNLOGGED TABLE public.t (a text);", "t"),
    ],
)
def test_table_names_drop_only_the_public_schema(ddl: bytes, name: str) -> None:
    assert list(schemas(read_events(HEADER + ddl + b"\n"))) == [name]


# -- COPY -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        (b"plain", "plain"),
        (b"\\N", None),
        (b"", ""),
        (b"back\\\\slash", "back\\slash"),
        (b"a\\tb\\nc\\rd", "a\tb\nc\rd"),
        (b"\\b\\f\\v", "\b\f\v"),
        (b"\\101\\x42\\x4", "AB\x04"),
        (b"\\303\\251t\\303\\251", "été"),  # octal escapes build UTF-8 bytes
        (b"\\q\\'", "q'"),  # any other escaped character stands for itself
        (b"\\\\N", "\\N"),  # an escaped backslash before N is text, not NULL
        ("emoji 😀 ü".encode(), "emoji 😀 ü"),
    ],
)
def test_copy_field_escapes(field: bytes, value: str | None) -> None:
    dump = HEADER + b"COPY public.t (id, v) FROM stdin;\n1\t" + field + b"\n\\.\n"
    events = read_events(dump)
    assert rows_by_table(events) == {"t": [("1", value)]}
    assert problems(events) == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        (b"\\\\x00ff10", b"\x00\xff\x10"),
        (b"\\\\x", b""),
        (b"ab\\\\\\\\c\\\\000", b"ab\\c\x00"),  # legacy escape format
        (b"\\N", None),
    ],
)
def test_copy_bytea_values_become_bytes(field: bytes, value: bytes | None) -> None:
    dump = (
        HEADER + USERS_DDL + b"COPY public.users (id, avatar) FROM stdin;\n7\t" + field + b"\n\\.\n"
    )
    events = read_events(dump)
    assert rows_by_table(events) == {"users": [("7", value)]}
    assert problems(events) == []


def test_copy_offsets_and_row_numbers() -> None:
    block = b"COPY public.t (a, b) FROM stdin;\nx\t1\nyy\t2\nzzz\t\\N\n\\.\n"
    dump = HEADER + block
    (batch,) = batches(read_events(dump))
    first = len(HEADER) + block.index(b"x\t1")
    assert batch.offsets == [first, first + 4, first + 9]
    assert batch.row_numbers == [0, 1, 2]
    assert dump[batch.offsets[2] : batch.offsets[2] + 3] == b"zzz"


def test_copy_batches_hold_at_most_ten_thousand_rows_and_keep_numbering() -> None:
    body = b"".join(b"%d\tname%d\n" % (i, i) for i in range(25_001))
    events = read_events(HEADER + b"COPY public.t (id, n) FROM stdin;\n" + body + b"\\.\n")
    sizes = [len(b.rows) for b in batches(events)]
    assert sizes == [10_000, 10_000, 5_001]
    numbers = [n for b in batches(events) for n in b.row_numbers]
    assert numbers == list(range(25_001))
    assert batches(events)[-1].rows[-1] == ("25000", "name25000")


def test_copy_without_column_list_uses_create_table() -> None:
    dump = (
        HEADER
        + b"CREATE TABLE public.t (a text, b bytea);\nCOPY public.t FROM stdin;\nq\t\\\\x01\n\\.\n"
    )
    (batch,) = batches(read_events(dump))
    assert batch.columns == ("a", "b")
    assert batch.rows == [("q", b"\x01")]


def test_table_announced_before_rows_even_without_create_table() -> None:
    events = read_events(HEADER + b"COPY public.t (a) FROM stdin;\nq\n\\.\n")
    assert isinstance(events[0], TableSchema)
    assert events[0].name == "t"
    assert [c.name for c in events[0].columns] == ["a"]


def test_crlf_line_endings_are_accepted_with_exact_offsets() -> None:
    text = HEADER + b"COPY public.t (a, b) FROM stdin;\nq\tr\nqq\t\\r\n\\.\nSELECT 1;\n"
    dump = text.replace(b"\n", b"\r\n")
    events = read_events(dump)
    (batch,) = batches(events)
    assert batch.rows == [("q", "r"), ("qq", "\r")]
    assert [dump[o : o + 3] for o in batch.offsets] == [b"q\tr", b"qq\t"]
    assert problems(events) == []


# -- INSERT -----------------------------------------------------------------

INSERT_CASES = [
    (b"'it''s'", "it's"),
    (b"'back\\slash \\n'", "back\\slash \\n"),  # standard_conforming_strings: literal
    (b"E'it\\'s\\n\\t\\\\ \\x41\\101 \\u00e9'", "it's\n\t\\ AA é"),
    (b"E'doubled '' too'", "doubled ' too"),
    (b"NULL", None),
    (b"true", "t"),
    (b"false", "f"),
    (b"42", "42"),
    (b"-3.5", "-3.5"),
    (b"1.5e+10", "1.5e+10"),
    (b"'192.0.2.1'::inet", "192.0.2.1"),
    (b"'2024-01-02 03:04:05'::timestamp without time zone", "2024-01-02 03:04:05"),
    (b"'{1,2}'::integer[]", "{1,2}"),
    (b"B'0101'", "0101"),
    (b"'\\x00ff'::bytea", b"\x00\xff"),
    (b"'''); DROP TABLE users;--'", "'); DROP TABLE users;--"),
    (b"'multi\nline;\r\n'", "multi\nline;\r\n"),
]


@pytest.mark.parametrize("general", [False, True], ids=["fast-path", "general-parser"])
@pytest.mark.parametrize(("literal", "value"), INSERT_CASES)
def test_insert_literals(literal: bytes, value: str | bytes | None, general: bool) -> None:
    # A comment after VALUES is legal SQL the fast path does not take: it forces the general one.
    values = b"VALUES /* general */ (" if general else b"VALUES ("
    dump = HEADER + b"INSERT INTO public.t (id, v) " + values + b"1, " + literal + b");\n"
    events = read_events(dump)
    assert rows_by_table(events) == {"t": [("1", value)]}
    assert problems(events) == []


def test_insert_bytea_column_without_cast_is_bytes_and_column_order_from_ddl() -> None:
    dump = (
        HEADER
        + USERS_DDL
        + b"INSERT INTO public.users VALUES (1, 'a', NULL, '2024-01-01', '\\x0a0b');\n"
    )
    (batch,) = batches(read_events(dump))
    assert batch.columns == ("id", "username", "ip", "created_at", "avatar")
    assert batch.rows == [("1", "a", None, "2024-01-01", b"\n\x0b")]


def test_consecutive_inserts_share_batches_with_row_offsets() -> None:
    stmts = [b"INSERT INTO public.t (a) VALUES ('r%d');\n" % i for i in range(3)]
    multi = b"INSERT INTO public.t (a) OVERRIDING SYSTEM VALUE VALUES\n\t('m0'),\n\t('m1');\n"
    dump = HEADER + b"".join(stmts) + multi
    (batch,) = batches(read_events(dump))
    assert batch.rows == [("r0",), ("r1",), ("r2",), ("m0",), ("m1",)]
    assert batch.row_numbers == [0, 1, 2, 3, 4]
    assert [dump[o : o + 4] for o in batch.offsets] == [
        b"('r0",
        b"('r1",
        b"('r2",
        b"('m0",
        b"('m1",
    ]


def test_standard_conforming_strings_off_makes_backslashes_escapes() -> None:
    dump = (
        b"-- PostgreSQL database dump\nSET standard_conforming_strings = off;\n"
        b"INSERT INTO t (a) VALUES ('it\\'s; \\\\ ok');\n"
    )
    assert rows_by_table(read_events(dump)) == {"t": [("it's; \\ ok",)]}


def test_client_encoding_is_honoured() -> None:
    dump = (
        b"-- PostgreSQL database dump\nSET client_encoding = 'LATIN1';\n"
        b"COPY public.t (a) FROM stdin;\ncaf\xe9\n\\.\n"
        b"INSERT INTO public.t (a) VALUES ('na\xefve');\n"
    )
    events = read_events(dump)
    assert rows_by_table(events) == {"t": [("café",), ("naïve",)]}
    assert problems(events) == []


# -- skipped statements -----------------------------------------------------

NOISE = (
    b"\\restrict AbC123xyz\n"
    b"\\connect forum\n"
    b"SET statement_timeout = 0;\n"
    b"CREATE FUNCTION public.f() RETURNS trigger LANGUAGE plpgsql AS $_$\n"
    b"BEGIN\n  RAISE NOTICE 'x; y'; -- COPY public.t (a) FROM stdin;\n  RETURN NEW;\nEND;\n$_$;\n"
    b"CREATE FUNCTION public.g() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n"
    b"COMMENT ON TABLE public.t IS 'has ; and '' and \\ inside';\n"
    b"/* block ; comment /* nested ; */ still */ ALTER TABLE ONLY public.t ADD CONSTRAINT k "
    b"PRIMARY KEY (a);\n"
    b"CREATE SEQUENCE public.t_id_seq\n    START WITH 1\n    CACHE 1;\n"
    b"CREATE INDEX t_a ON public.t USING btree (a);\n"
    b"SELECT pg_catalog.setval('public.t_id_seq', 5, true);\n"
    b'CREATE VIEW public.v AS SELECT "a;b" FROM public.t;\n'
    b"\\unrestrict AbC123xyz\n"
)


def test_everything_else_is_skipped_without_problems() -> None:
    dump = HEADER + NOISE + b"COPY public.t (a) FROM stdin;\nkept\n\\.\n" + NOISE
    events = read_events(dump)
    assert problems(events) == []
    assert rows_by_table(events) == {"t": [("kept",)]}


@pytest.mark.parametrize("chunk_size", [1, 2, 3, 5, 7, 64])
def test_tiny_chunks_give_the_same_events(chunk_size: int) -> None:
    dump = (
        HEADER
        + NOISE
        + USERS_DDL
        + b"COPY public.users (id, username, avatar) FROM stdin;\n"
        + b"1\ta\\tb\t\\\\x00ff\n2\t\\N\t\\N\n\\.\n"
        + b"INSERT INTO public.t (a, b) VALUES ('x''y', E'z\\'w'), ('$$', '--');\n"
        + NOISE
    )
    assert read_events(dump, chunk_size=chunk_size) == read_events(dump)


# -- sniff and format errors ------------------------------------------------


@pytest.mark.parametrize(
    ("head", "high"),
    [
        (b"--\n-- PostgreSQL database dump\n--\n", True),
        (b"COPY public.users (id, username) FROM stdin;\n1\ta\n", True),
        (b"SET standard_conforming_strings = on;\n", True),
        (b"PGDMP\x01\x0e\x00", True),  # chosen so that read() can explain the conversion
        (b"-- MySQL dump 10.13\nCREATE TABLE `users` (`id` int);\n", False),
        (b'127.0.0.1 - - [10/Oct/2023:13:55:36 +0000] "GET / HTTP/1.1" 200 2326\n', False),
        (b"\x00\x01\x02binary", False),
        (b"", False),
    ],
)
def test_sniff(head: bytes, high: bool) -> None:
    score = PgDumpReader().sniff(head, SourceInfo(name="x"))
    assert (score >= 0.8) if high else (score == 0.0)


def test_custom_format_dump_is_refused_with_conversion_hint() -> None:
    reader = PgDumpReader()
    stream = io.BytesIO(b"PGDMP\x01\x0e\x00\x04\x08\x01\x01" + b"\x00" * 100)
    with pytest.raises(EvidenceFormatError, match=r"pg_restore -f out\.sql"):
        next(reader.read(stream, SourceInfo(name="backup.dump")))


def test_not_a_dump_raises_before_any_row() -> None:
    reader = PgDumpReader()
    text = b"name,email\nalice,a@example.org\n"
    assert reader.sniff(text, SourceInfo(name="x.csv")) == 0.0
    with pytest.raises(EvidenceFormatError):
        next(reader.read(io.BytesIO(text), SourceInfo(name="x.csv")))


# -- damaged input ----------------------------------------------------------


@pytest.mark.parametrize(
    ("tail", "kept", "cut_at"),
    [
        (b"a\t1\nb\t2\n", [("a", "1"), ("b", "2")], b""),  # EOF after a full line
        (b"a\t1\nb\t2\nc\t", [("a", "1"), ("b", "2")], b"c\t"),  # EOF inside a row
        (b"", [], b""),
    ],
)
def test_truncated_copy_keeps_complete_rows(
    tail: bytes, kept: list[tuple[str, str]], cut_at: bytes
) -> None:
    dump = HEADER + b"COPY public.t (a, b) FROM stdin;\n" + tail
    events = read_events(dump)
    assert rows_by_table(events).get("t", []) == kept
    (problem,) = problems(events)
    assert problem.kind == "truncated"
    assert problem.table == "t"
    assert problem.offset == len(dump) - len(cut_at)


def test_wrong_field_count_skips_only_that_row() -> None:
    body = b"a\t1\nb\t2\textra\nc\n\td\n\\.\n"
    dump = HEADER + b"COPY public.t (a, b) FROM stdin;\n" + body
    events = read_events(dump)
    (batch,) = batches(events)
    assert batch.rows == [("a", "1"), ("", "d")]
    assert batch.row_numbers == [0, 3]  # rows 1 and 2 were lost: the gap shows it
    bad = problems(events)
    assert [p.kind for p in bad] == ["value-count", "value-count"]
    assert [dump[p.offset : p.offset + 2] for p in bad] == [b"b\t", b"c\n"]


def test_invalid_utf8_is_replaced_and_reported() -> None:
    dump = HEADER + b"COPY public.t (a, b) FROM stdin;\nok\tfine\nbad\xff\xfe\tx\\ty\n\\.\n"
    events = read_events(dump)
    assert rows_by_table(events) == {"t": [("ok", "fine"), ("bad\ufffd\ufffd", "x\ty")]}
    (problem,) = problems(events)
    assert problem.kind == "encoding"
    assert dump[problem.offset : problem.offset + 3] == b"bad"


def test_repeated_problems_are_capped_and_counted() -> None:
    body = b"".join(b"row%d\xff\n" % i for i in range(50))
    events = read_events(HEADER + b"COPY public.t (a) FROM stdin;\n" + body + b"\\.\n")
    found = problems(events)
    assert len(found) == 21
    assert sum(p.count for p in found) == 50
    assert len(rows_by_table(events)["t"]) == 50


def test_truncated_insert_keeps_complete_rows() -> None:
    dump = HEADER + b"INSERT INTO public.t (a, b) VALUES ('x', 1), ('y', 2), ('z"
    events = read_events(dump)
    assert rows_by_table(events) == {"t": [("x", "1"), ("y", "2")]}
    (problem,) = problems(events)
    assert problem.kind == "truncated"
    assert dump[problem.offset :] == b"('z"


def test_insert_with_wrong_value_count_skips_that_row() -> None:
    dump = HEADER + b"INSERT INTO public.t (a, b) VALUES ('x', 1), ('y'), ('z', 3);\n"
    events = read_events(dump)
    assert rows_by_table(events) == {"t": [("x", "1"), ("z", "3")]}
    (problem,) = problems(events)
    assert problem.kind == "value-count"
    assert dump[problem.offset : problem.offset + 4] == b"('y'"


def test_garbage_between_statements_is_reported_and_reading_continues() -> None:
    dump = HEADER + b"%%% garbage ;\nCOPY public.t (a) FROM stdin;\nq\n\\.\n"
    events = read_events(dump)
    assert rows_by_table(events) == {"t": [("q",)]}
    (problem,) = problems(events)
    assert (problem.kind, problem.severity, problem.offset) == (
        "unknown-statement",
        "warning",
        len(HEADER),
    )


def test_copy_with_unsupported_options_is_skipped_and_reported() -> None:
    dump = (
        HEADER
        + b'COPY public.t (a) FROM stdin WITH (FORMAT csv);\n"q"\n\\.\n'
        + b"COPY public.u (a) FROM stdin;\nr\n\\.\n"
    )
    events = read_events(dump)
    assert rows_by_table(events) == {"u": [("r",)]}
    assert [p.kind for p in problems(events)] == ["unsupported-copy"]


@pytest.mark.parametrize(
    "body",
    [
        b"COPY public.t FROM stdin;\nx\ty\n\\.\n",
        b"INSERT INTO public.t VALUES ('x', 'y');\n",
    ],
    ids=["copy", "insert"],
)
def test_rows_of_an_undeclared_table_without_column_list_get_positional_names(body: bytes) -> None:
    events = read_events(HEADER + body)
    (batch,) = batches(events)
    assert batch.columns == ("column1", "column2")
    assert batch.rows == [("x", "y")]
    assert [(p.kind, p.severity) for p in problems(events)] == [("unknown-columns", "warning")]


def test_dump_cut_inside_a_statement_reports_truncation_after_good_rows() -> None:
    good = b"COPY public.t (a) FROM stdin;\nq\n\\.\n"
    dump = HEADER + good + b"CREATE TABLE public.u (\n    a text,\n    b te"
    events = read_events(dump)
    assert rows_by_table(events) == {"t": [("q",)]}
    (problem,) = problems(events)
    assert (problem.kind, problem.offset) == ("truncated", len(HEADER) + len(good))
