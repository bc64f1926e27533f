"""MySQLDumpReader: every construct of mysqldump / MariaDB / phpMyAdmin dumps."""

from __future__ import annotations

import pytest

from safeguard.ingest.readers.base import SourceInfo
from safeguard.ingest.readers.mysqldump import MySQLDumpReader
from tests.ingest.readers.mysqldump_helpers import CREATE_T, HEADER, dump, events, read

INFO = SourceInfo("x.sql")


@pytest.mark.parametrize(
    ("head", "low", "high"),
    [
        (b"-- MySQL dump 10.13  Distrib 8.0.36\n", 0.9, 1.0),
        (b"-- MariaDB dump 10.19  Distrib 10.11.6-MariaDB\n", 0.9, 1.0),
        (b"/*M!999999\\- enable the sandbox mode */ \n-- MariaDB dump 10.19\n", 0.9, 1.0),
        (b"-- phpMyAdmin SQL Dump\n-- version 5.2.1\n", 0.9, 1.0),
        (b"SET NAMES utf8;\nCREATE TABLE `x` (`a` int);\n", 0.5, 0.9),
        (b"just some notes, not a dump\n" * 9, 0.0, 0.0),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), 0.0, 0.0),
        (b"", 0.0, 0.0),
    ],
)
def test_sniff_scores_dump_headers_high_and_other_text_zero(head, low, high):
    assert low <= MySQLDumpReader().sniff(head, INFO) <= high


def test_schema_has_names_lowercased_types_binary_flags_and_charsets():
    ddl = (
        "CREATE TABLE `u` (\n  `id` MEDIUMINT(8) UNSIGNED NOT NULL AUTO_INCREMENT,\n"
        "  `name` VARCHAR(255) NOT NULL DEFAULT '',\n  `ip` varbinary(16) DEFAULT NULL,\n"
        "  `avatar` mediumblob,\n  `flags` bit(8) DEFAULT b'0',\n"
        "  `bio` text CHARACTER SET latin1 COLLATE latin1_swedish_ci,\n"
        "  `note` varchar(20) COLLATE latin1_german1_ci,\n"
        "  PRIMARY KEY (`id`),\n  KEY `name` (`name`(10))\n"
        ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_bin;"
    )
    schema = read(dump(ddl)).schemas["u"]
    cols = {c.name: c for c in schema.columns}
    assert list(cols) == ["id", "name", "ip", "avatar", "flags", "bio", "note"]
    assert cols["id"].sql_type == "mediumint(8) unsigned"
    assert cols["ip"].sql_type == "varbinary(16)"
    assert [c.name for c in schema.columns if c.binary] == ["ip", "avatar", "flags"]
    assert (cols["name"].charset, cols["bio"].charset, cols["note"].charset) == (
        "utf8mb3",
        "latin1",
        "latin1",
    )
    assert cols["id"].charset is None
    assert schema.charset == "utf8mb3"


@pytest.mark.parametrize(
    ("literal", "value"),
    [
        (r"'a\0b'", "a\0b"),
        (r"'a\nb'", "a\nb"),
        (r"'a\rb'", "a\rb"),
        (r"'a\\b'", "a\\b"),
        (r"'a\'b'", "a'b"),
        (r"'a\"b'", 'a"b'),
        (r"'a\Zb'", "a\x1ab"),
        (r"'a\tb'", "a\tb"),
        (r"'a\bb'", "a\bb"),
        (r"'a\%b'", "a\\%b"),
        (r"'a\_b'", "a\\_b"),
        (r"'a''b'", "a'b"),
        (r"'a\\\\'", "a\\\\"),
        (r"'\\\''", "\\'"),
        (r"'it''s \'x\''", "it's 'x'"),
        (r"'\u00e9 \f'", "u00e9 f"),
        ("'tab\there'", "tab\there"),
        ("'multi\nline\r\nstring'", "multi\nline\r\nstring"),
        ("'ctrl \x01\x02\x7f'", "ctrl \x01\x02\x7f"),
        ("'(not),(a row);'", "(not),(a row);"),
        (r"""'a\\", "b'""", 'a\\", "b'),
        (r"""'x\\\", \"y'""", 'x\\", "y'),
        ("'NULL'", "NULL"),
        ("NULL", None),
        ("null", None),
        ("-12", "-12"),
        ("3.50", "3.50"),
        ("-0.001", "-0.001"),
        ("1e5", "1e5"),
        ("007", "007"),
        ("'0000-00-00 00:00:00'", "0000-00-00 00:00:00"),
        ("''", ""),
        ('"dq""x"', 'dq"x'),
        ("'emoji 😀 𝄞 日本'", "emoji 😀 𝄞 日本"),
        ("_utf8mb4'intro'", "intro"),
        ("0x414243", b"ABC"),
        ("0x", b""),
        ("X'4142'", b"AB"),
        ("_binary 'a\\0\\'b'", b"a\0'b"),
        ("b'0101'", b"\x05"),
        ("b'100000001'", b"\x01\x01"),
    ],
)
def test_each_literal_reads_as_its_value(literal, value):
    data = dump(CREATE_T, f"INSERT INTO `t` VALUES (1,{literal}),(2,{literal});")
    for chunk in (None, 3):
        res = read(data, chunk)
        assert res.rows["t"] == [("1", value), ("2", value)], chunk
        assert res.problems == []


def test_binary_column_values_stay_bytes_even_when_not_utf8():
    ddl = "CREATE TABLE `s` (`id` int, `ip` varbinary(16), `data` blob, `name` varchar(9));"
    raw = (
        b"INSERT INTO `s` VALUES (1,'\x7f\\0\\0\x01','\xff\xfe\\\\\\'',_binary 'ok'),"
        b"(2,NULL,0xFF00,'x');"
    )
    res = read(dump(ddl, raw))
    assert res.rows["s"] == [
        ("1", b"\x7f\0\0\x01", b"\xff\xfe\\'", b"ok"),
        ("2", None, b"\xff\x00", "x"),
    ]
    assert res.problems == []


def test_offsets_point_at_each_rows_paren_and_row_numbers_continue():
    data = dump(
        CREATE_T, "INSERT INTO `t` VALUES (1,'a'),(2,'b');", "INSERT INTO `t` VALUES (3,'c');"
    )
    res = read(data)
    assert [data[o : o + 3] for o in res.offsets["t"]] == [b"(1,", b"(2,", b"(3,"]
    assert res.numbers["t"] == [0, 1, 2]


def test_insert_variants_ignore_replace_column_lists_and_ansi_quotes():
    data = dump(
        CREATE_T,
        "INSERT IGNORE INTO `t` VALUES (1,'a');",
        "REPLACE INTO `t` VALUES (2,'b');",
        "INSERT INTO `t` (`v`, `id`) VALUES ('c',3);",
        'INSERT INTO "t" ("id","v") VALUES (4,\'d\');',
        "insert into db.t values (5,'e');",
    )
    res = read(data)
    assert res.rows["t"] == [("1", "a"), ("2", "b"), ("c", "3"), ("4", "d"), ("5", "e")]
    assert res.problems == []


def test_create_table_with_ansi_double_quotes():
    ddl = 'CREATE TABLE "q" (\n  "id" int(11) NOT NULL,\n  "na""me" varchar(5)\n);'
    res = read(dump(ddl, "INSERT INTO \"q\" VALUES (1,'x');"))
    assert [c.name for c in res.schemas["q"].columns] == ["id", 'na"me']
    assert res.rows["q"] == [("1", "x")]


def test_phpmyadmin_export_with_newlines_between_rows_and_keys_added_later():
    data = (
        b"-- phpMyAdmin SQL Dump\n-- version 5.2.1\n\n"
        b'SET SQL_MODE = "NO_AUTO_VALUE_ON_ZERO";\nSTART TRANSACTION;\nSET time_zone = "+00:00";\n'
        b"/*!40101 SET NAMES utf8mb4 */;\n\n"
        b"CREATE TABLE `mybb_users` (\n  `uid` int(10) UNSIGNED NOT NULL,\n"
        b"  `username` varchar(120) NOT NULL DEFAULT '',\n"
        b"  `regip` varbinary(16) NOT NULL DEFAULT ''\n"
        b") ENGINE=MyISAM DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;\n\n"
        b"INSERT INTO `mybb_users` (`uid`, `username`, `regip`) VALUES\n"
        b"(1, 'admin', 0xc0000201),\n(2, 'Line\\nbreak', 0x20010db8000000000000000000000001);\n\n"
        b"ALTER TABLE `mybb_users`\n  ADD PRIMARY KEY (`uid`);\nCOMMIT;\n"
    )
    res = read(data)
    assert res.rows["mybb_users"] == [
        ("1", "admin", b"\xc0\x00\x02\x01"),
        ("2", "Line\nbreak", bytes.fromhex("20010db8000000000000000000000001")),
    ]
    assert res.problems == []


def test_triggers_routines_views_and_comments_are_skipped_quietly():
    data = dump(
        "/*M!999999\\- enable the sandbox mode */ ",
        CREATE_T,
        "# a hash comment; with a semicolon",
        "/* a block comment; INSERT INTO `t` VALUES (9,'no'); */",
        "LOCK TABLES `t` WRITE;",
        "INSERT INTO `t` VALUES (1,'a');",
        "UNLOCK TABLES;",
        "DELIMITER ;;",
        "/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER tr BEFORE "
        "INSERT ON `t` FOR EACH ROW BEGIN INSERT INTO `t` VALUES (8,'trigger'); "
        "SET @x = 1; END */;;",
        "CREATE PROCEDURE p() BEGIN INSERT INTO t VALUES (7,'proc'); END ;;",
        "DELIMITER ;",
        "/*!50001 CREATE ALGORITHM=UNDEFINED */",
        "/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */",
        "/*!50001 VIEW `v` AS select `t`.`id` AS `id` from `t` */;",
        "INSERT INTO `t` VALUES (2,'b');",
        "-- Dump completed",
    )
    res = read(data)
    assert res.rows["t"] == [("1", "a"), ("2", "b")]
    assert res.problems == []


def test_unknown_statement_is_a_warning_and_reading_goes_on():
    res = read(dump(CREATE_T, "FROBNICATE everything;", "INSERT INTO `t` VALUES (1,'a');"))
    assert res.rows["t"] == [("1", "a")]
    assert [(p.kind, p.severity) for p in res.problems] == [("unknown-statement", "warning")]


def test_set_names_latin1_decodes_as_mysql_latin1_with_passthrough():
    header = b"-- MySQL dump 10.13\n/*!40101 SET NAMES latin1 */;\n"
    ddl = "CREATE TABLE `t` (`id` int, `v` text) DEFAULT CHARSET=latin1;"
    res = read(dump(ddl, b"INSERT INTO `t` VALUES (1,'caf\xe9 \x80 \x81\x8d\x9d');", header=header))
    assert res.rows["t"] == [("1", "café € \x81\x8d\x9d")]
    assert res.problems == []


def test_latin1_column_double_encoding_is_repaired_and_counted_per_column():
    ddl = "CREATE TABLE `t` (`id` int, `v` text CHARACTER SET latin1, `w` text);"
    rows = "(1,'cafÃ©','cafÃ©'),(2,'plain','x'),(3,'naÃ¯ve â€“ ok','y'),(4,'é stays','z')"
    res = read(dump(ddl, f"INSERT INTO `t` VALUES {rows};"))
    assert res.rows["t"] == [
        ("1", "café", "cafÃ©"),
        ("2", "plain", "x"),
        ("3", "naïve – ok", "y"),
        ("4", "é stays", "z"),
    ]
    (p,) = res.problems
    assert (p.kind, p.severity, p.count, p.table) == ("latin1-double-encoding", "repair", 2, "t")
    assert "'v'" in p.message


def test_invalid_utf8_in_text_column_is_replaced_and_reported_with_offset():
    data = dump(CREATE_T, b"INSERT INTO `t` VALUES (1,'ok'),(2,'bad \xff\xfe here'),(3,'\xc3');")
    res = read(data)
    assert res.rows["t"] == [("1", "ok"), ("2", "bad \ufffd\ufffd here"), ("3", "\ufffd")]
    (p,) = res.problems
    assert (p.kind, p.count, p.table) == ("encoding", 2, "t")
    assert data[p.offset : p.offset + 3] == b"(2,"


def test_large_inserts_are_split_into_batches_of_at_most_10000_rows():
    rows = ",".join(f"({i},'v{i}')" for i in range(25_000))
    batches = [
        e for e in events(dump(CREATE_T, f"INSERT INTO `t` VALUES {rows};")) if hasattr(e, "rows")
    ]
    assert [len(b.rows) for b in batches] == [10_000, 10_000, 5_000]
    assert batches[2].row_numbers[0] == 20_000
    assert batches[2].rows[-1] == ("24999", "v24999")


def test_same_events_whatever_the_read_size():
    data = dump(
        CREATE_T,
        "INSERT INTO `t` VALUES (1,'a\\'b'),(2,NULL),(3,'x''y'),(4,'long " + "z" * 300 + "');",
        "-- trailing comment",
    )
    assert events(data, 1) == events(data, 7) == events(data)


def test_row_larger_than_the_read_size_is_read_whole():
    big = "é\\n'\\" * 0 + "abc\\'d" * 400_000
    data = dump(CREATE_T, f"INSERT INTO `t` VALUES (1,'{big}'),(2,'after');")
    res = read(data, chunk=64 * 1024)
    assert res.rows["t"][0][1] == "abc'd" * 400_000
    assert res.rows["t"][1] == ("2", "after")


def test_many_backslashes_before_a_quote_take_the_slow_path_correctly():
    value = "\\" * 7
    literal = "'" + value.replace("\\", "\\\\") + "'"
    res = read(dump(CREATE_T, f"INSERT INTO `t` VALUES (1,{literal}),(2,'\\\\\\\\\\\\\\'');"))
    assert res.rows["t"] == [("1", value), ("2", "\\\\\\'")]


def test_header_only_dump_has_no_rows_and_no_problems():
    assert events(HEADER) == []


def test_without_set_names_non_utf8_text_is_read_as_latin1_and_reported():
    header = b"-- MySQL dump 10.13\n"
    res = read(
        dump(CREATE_T, b"INSERT INTO `t` VALUES (1,'caf\xe9'),(2,'caf\xc3\xa9');", header=header)
    )
    assert res.rows["t"] == [("1", "café"), ("2", "café")]
    assert [(p.kind, p.severity, p.count) for p in res.problems] == [
        ("latin1-fallback", "repair", 1)
    ]


def test_other_delimiters_around_routines_are_skipped():
    data = dump(
        CREATE_T,
        "DELIMITER $$",
        "CREATE FUNCTION f() RETURNS int BEGIN INSERT INTO t VALUES (9,'$'); RETURN 1; END$$",
        "DELIMITER ;",
        "INSERT INTO `t` VALUES (1,'a');",
    )
    res = read(data)
    assert res.rows["t"] == [("1", "a")]
    assert res.problems == []
