"""A small mysqldump-compatible writer for tests and benchmarks.

Writes what ``mysqldump``/``mariadb-dump`` write by default: a header, ``SET
NAMES``, per table ``DROP TABLE`` + ``CREATE TABLE`` + ``LOCK TABLES`` and
extended INSERTs of up to ``rows_per_insert`` rows, with
``mysql_real_escape_string`` escaping. Bytes are written as ``0x…`` hex (as
with ``--hex-blob``); ints as numbers; ``None`` as NULL. The output loads into
a real MariaDB server with the ``mariadb`` client.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import BinaryIO

Cell = str | bytes | int | None

_ESCAPES = {
    ord("\\"): "\\\\",
    0: "\\0",
    ord("\n"): "\\n",
    ord("\r"): "\\r",
    ord("'"): "\\'",
    ord('"'): '\\"',
    0x1A: "\\Z",
}


def literal(value: Cell) -> str:
    """One value as mysqldump writes it."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, bytes):
        return "0x" + value.hex().upper() if value else "''"
    return "'" + value.translate(_ESCAPES) + "'"


@dataclass(frozen=True)
class Table:
    """A table to write: name, ``(column, declared type)`` pairs, table charset."""

    name: str
    columns: Sequence[tuple[str, str]]
    charset: str = "utf8mb4"

    def create_sql(self) -> str:
        cols = ",\n".join(f"  `{c}` {t}" for c, t in self.columns)
        return (
            f"CREATE TABLE `{self.name}` (\n{cols}\n) ENGINE=InnoDB "
            f"DEFAULT CHARSET={self.charset};\n"
        )


def header(charset: str = "utf8mb4") -> bytes:
    """The lines a MariaDB dump starts with."""
    return (
        "/*M!999999\\- enable the sandbox mode */ \n"
        "-- MariaDB dump 10.19  Distrib 10.11.6-MariaDB, for debian-linux-gnu (x86_64)\n--\n"
        "-- Host: localhost    Database: forum\n"
        "-- ------------------------------------------------------\n\n"
        "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n"
        f"/*!40101 SET NAMES {charset} */;\n"
        "/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;\n"
    ).encode()


def write_table(
    out: BinaryIO, table: Table, rows: Iterable[Sequence[Cell]], rows_per_insert: int = 100
) -> None:
    """DROP/CREATE/LOCK, extended INSERTs, UNLOCK for one table."""
    name = table.name
    out.write(
        f"\n--\n-- Table structure for table `{name}`\n--\n\n"
        f"DROP TABLE IF EXISTS `{name}`;\n{table.create_sql()}\n"
        f"LOCK TABLES `{name}` WRITE;\n"
        f"/*!40000 ALTER TABLE `{name}` DISABLE KEYS */;\n".encode()
    )
    batch: list[str] = []
    for row in rows:
        batch.append("(" + ",".join(literal(v) for v in row) + ")")
        if len(batch) >= rows_per_insert:
            _flush(out, name, batch)
    _flush(out, name, batch)
    out.write(f"/*!40000 ALTER TABLE `{name}` ENABLE KEYS */;\nUNLOCK TABLES;\n".encode())


def _flush(out: BinaryIO, name: str, batch: list[str]) -> None:
    if batch:
        out.write(f"INSERT INTO `{name}` VALUES {','.join(batch)};\n".encode())
        batch.clear()


def dump_bytes(
    tables: Iterable[tuple[Table, Iterable[Sequence[Cell]]]], rows_per_insert: int = 100
) -> bytes:
    """A whole dump of ``tables`` in memory."""
    import io

    out = io.BytesIO()
    out.write(header())
    for table, rows in tables:
        write_table(out, table, rows, rows_per_insert)
    out.write(
        b"/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;\n-- Dump completed\n"
    )
    return out.getvalue()
