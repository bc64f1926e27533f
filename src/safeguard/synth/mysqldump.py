"""A small mysqldump-style writer: header, per-table DDL, extended INSERTs, footer.

Output looks like ``mysqldump --opt`` of a MySQL 5.5 server: tables in
alphabetical order, ``DROP TABLE IF EXISTS`` / ``CREATE TABLE`` / ``LOCK TABLES``,
multi-row INSERTs of about 1 MB (``net_buffer_length``), string escaping as
``mysql_real_escape_string`` does. DDL comes from the software's own installer
schema, rewritten into the form ``SHOW CREATE TABLE`` prints.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any, BinaryIO

INSERT_BYTES = 1_000_000
_ESCAPES = str.maketrans(
    {"\\": "\\\\", "\0": "\\0", "\n": "\\n", "\r": "\\r", "'": "\\'", '"': '\\"', "\x1a": "\\Z"}
)
_SPECIAL = re.compile("[\\\\\0\n\r'\"\x1a]")
_TABLE = re.compile(r"CREATE TABLE (?:\{\$db_prefix\})?(\w+)\s*\((.*?)\n\)[^;]*;", re.S)
_COL = re.compile(r"^`?(\w+)`? (\w+(?:\([^)]*\))?(?: UNSIGNED)?)(.*?),?$", re.I)
_NUMERIC = {"tinyint", "smallint", "mediumint", "int", "bigint", "decimal", "float", "double"}
_KEY = re.compile(r"^(PRIMARY KEY|UNIQUE|KEY|INDEX) (?:(\w+) )?\((.*)\),?$")


class Table:
    """One table's columns, each column's default as an SQL literal, and its DDL."""

    def __init__(self, name: str, columns: list[tuple[str, str]], create: str) -> None:
        self.name, self.create = name, create
        self.columns = [c for c, _ in columns]
        self.defaults = dict(columns)


def parse_schema(text: str, prefix: str = "", collation: str = "utf8_bin") -> dict[str, Table]:
    """Tables of an installer schema (phpBB's ``*_mysql_41_schema.sql``, SMF's
    ``install_*_mysql.sql`` with ``{$db_prefix}`` replaced by ``prefix``)."""
    out = {}
    for m in _TABLE.finditer(text):
        name = prefix + m.group(1)
        cols, keys = [], []
        for raw in m.group(2).splitlines():
            line = raw.strip()
            if not line:
                continue
            k = _KEY.match(line)
            if k:
                keys.append(_key(k.group(1), k.group(2), k.group(3)))
                continue
            c = _COL.match(line)
            if not c:
                raise ValueError(f"unparsed DDL line in {name}: {line!r}")
            cols.append(_column(*c.groups()))
        body = ",\n".join(
            [f"  {d}" for _, d, _ in cols] + [f"  {k}" for k in sorted(keys, key=_key_rank)]
        )
        create = (
            f"CREATE TABLE `{name}` (\n{body}\n) ENGINE=MyISAM "
            f"DEFAULT CHARSET=utf8 COLLATE={collation};"
        )
        out[name] = Table(name, [(n, dflt) for n, _, dflt in cols], create)
    return out


def _column(name: str, typ: str, rest: str) -> tuple[str, str, str]:
    """(name, declaration as SHOW CREATE TABLE prints it, default as a row literal)."""
    typ = typ.lower()
    num = typ.split("(")[0].split(" ")[0] in _NUMERIC
    coll = re.search(r"COLLATE (\w+)", rest)
    auto = "auto_increment" in rest.lower()
    not_null = auto or "NOT NULL" in rest.upper()
    given = re.search(r"DEFAULT ('[^']*'|\S+)", rest, re.IGNORECASE)
    decl = f"`{name}` {typ}" + (f" COLLATE {coll.group(1)}" if coll else "")
    decl += " NOT NULL" if not_null else ""
    if auto:
        return name, decl + " AUTO_INCREMENT", "0"
    if given and given.group(1).upper() != "NULL":
        raw = given.group(1).strip("'")
        # mysqldump prints numeric values unquoted and strings quoted.
        return name, decl + f" DEFAULT '{raw}'", raw if num else literal(raw)
    if not not_null:
        return name, decl + " DEFAULT NULL", "NULL"
    return name, decl, "0" if num else "''"


def _key(kind: str, name: str | None, cols: str) -> str:
    quoted = ",".join(_key_part(c.strip()) for c in cols.split(","))
    if kind == "PRIMARY KEY":
        return f"PRIMARY KEY ({quoted})"
    return f"{'UNIQUE KEY' if kind == 'UNIQUE' else 'KEY'} `{name}` ({quoted})"


def _key_part(col: str) -> str:
    base, paren, length = col.partition("(")  # SMF indexes prefixes: lngfile(30)
    return f"`{base}`" + (paren + length if paren else "")


def _key_rank(k: str) -> int:
    return 0 if k.startswith("PRIMARY") else 1 if k.startswith("UNIQUE") else 2


def literal(value: object) -> str:
    """A MySQL literal as mysqldump writes it; bytes become 0x hex (``--hex-blob``)."""
    kind = type(value)
    if kind is str:
        text: str = value  # type: ignore[assignment]
        return quote(text)
    if kind is int:
        return str(value)
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, bytes):
        return "0x" + value.hex() if value else "''"
    return "'" + str(value).translate(_ESCAPES) + "'"


def quote(text: str) -> str:
    """``literal(text)`` for a str."""
    return "'" + (text.translate(_ESCAPES) if _SPECIAL.search(text) else text) + "'"


# literal() for the common exact types, looked up without its chain of tests
_FAST: dict[type, Callable[[Any], str]] = {int: str, str: quote}


def shape(t: Table, keys: tuple[str, ...]) -> str:
    """The format string of a row of ``t`` giving ``keys`` (in that order): the other
    columns' defaults filled in, ``{n}`` where the n-th given value goes, as a
    literal (``literal(value)``; ``quote(text)`` for a str)."""
    vals = [t.defaults[c].replace("{", "{{").replace("}", "}}") for c in t.columns]
    index = {c: i for i, c in enumerate(t.columns)}
    for n, c in enumerate(keys):
        vals[index[c]] = f"{{{n}}}"
    return "(" + ",".join(vals) + ")"


def header(out: BinaryIO, database: str) -> None:
    """The mysqldump preamble (MySQL 5.5 era, ``SET NAMES utf8mb4``)."""
    out.write(
        "-- MySQL dump 10.13  Distrib 5.5.9, for debian-linux-gnu (x86_64)\n--\n"
        f"-- Host: localhost    Database: {database}\n"
        "-- ------------------------------------------------------\n"
        "-- Server version\t5.5.9-log\n\n"
        "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n"
        "/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;\n"
        "/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;\n"
        "/*!40101 SET NAMES utf8mb4 */;\n/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;\n"
        "/*!40103 SET TIME_ZONE='+00:00' */;\n"
        "/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;\n"
        "/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;\n"
        "/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;\n"
        "/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;\n".encode()
    )


def footer(out: BinaryIO, completed: int) -> None:
    """The closing SETs and the 'Dump completed' line (time given, never the clock)."""
    stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(completed))
    out.write(
        "/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;\n\n/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;\n"
        "/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;\n"
        "/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;\n"
        "/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;\n"
        "/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;\n"
        "/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;\n"
        f"/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;\n\n-- Dump completed on {stamp}\n".encode()
    )


def table(out: BinaryIO, t: Table, rows: Iterable[Mapping[str, object] | str]) -> int:
    """Write one table (DDL and data); columns missing from a row take their default.
    A row may also come as its rendered tuple (a str, made with ``shape``).

    Returns the number of rows written.
    """
    q = f"`{t.name}`"
    out.write(
        f"\n--\n-- Table structure for table {q}\n--\n\nDROP TABLE IF EXISTS {q};\n"
        "/*!40101 SET @saved_cs_client     = @@character_set_client */;\n"
        f"/*!40101 SET character_set_client = utf8 */;\n{t.create}\n"
        "/*!40101 SET character_set_client = @saved_cs_client */;\n\n"
        f"--\n-- Dumping data for table {q}\n--\n\nLOCK TABLES {q} WRITE;\n"
        f"/*!40000 ALTER TABLE {q} DISABLE KEYS */;\n".encode()
    )
    prefix = f"INSERT INTO {q} VALUES "  # noqa: S608 - the name is from the shipped schema
    batch: list[str] = []
    size, count = 0, 0
    shapes: dict[tuple[str, ...], str] = {}  # a row's columns -> its tuple's format string
    for row in rows:
        if isinstance(row, str):
            tup = row  # rendered by the writer with shape()
        else:
            keys = tuple(row)
            fmt = shapes.get(keys) or shapes.setdefault(keys, shape(t, keys))
            tup = fmt.format(*[_FAST.get(type(v), literal)(v) for v in row.values()])
        if batch and size + len(tup) > INSERT_BYTES:
            out.write((prefix + ",".join(batch) + ";\n").encode())
            batch, size = [], 0
        batch.append(tup)
        size += len(tup) + 1
        count += 1
    if batch:
        out.write((prefix + ",".join(batch) + ";\n").encode())
    out.write(f"/*!40000 ALTER TABLE {q} ENABLE KEYS */;\nUNLOCK TABLES;\n".encode())
    return count
