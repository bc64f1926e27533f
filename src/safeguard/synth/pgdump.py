"""A small pg_dump plain-format writer: header, DDL, ``COPY … FROM stdin`` data.

Output looks like ``pg_dump --schema=public --no-owner --no-privileges`` of a
PostgreSQL 13 server (what a Discourse backup's ``dump.sql`` holds): per object
the ``-- Name: …; Type: …; Schema: public; Owner: -`` comment, tables and their
``id`` sequences in name order, column defaults, one ``COPY`` block per table
(tab-separated, ``\\N`` for NULL, backslash escapes, ``\\.`` at the end), the
sequences' ``setval``, then primary keys. ``CREATE SCHEMA public`` is left out so
the file loads into a fresh database with ``psql``.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Mapping
from typing import BinaryIO

VERSION = "13.16"
_TABLE = re.compile(r"CREATE TABLE public\.(\w+) \((.*?)\n\);", re.S)
_COL = re.compile(r'^\s+("?\w+"?) (.+?)(?: DEFAULT (.+?))?( NOT NULL)?,?$')
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_SPECIAL = re.compile(r"[\\\t\n\r]")
_RESERVED = {"primary", "position", "user", "order", "default"}  # pg_dump quotes these
REQUIRED = object()  # a NOT NULL column without default: every row must give it


class Table:
    """One table: column names (as quoted in SQL), COPY defaults and its DDL."""

    def __init__(self, name: str, columns: list[tuple[str, object]], create: str) -> None:
        self.name, self.create = name, create
        self.columns = [c for c, _ in columns]
        self.defaults = dict(columns)
        self.serial = self.columns[0] == "id"  # Rails: integer id from a sequence


def parse_schema(text: str) -> dict[str, Table]:
    """Tables of a ``CREATE TABLE public.x (...);`` file, as pg_dump prints them."""
    out = {}
    for m in _TABLE.finditer(text):
        cols: list[tuple[str, object]] = []
        for line in m.group(2).strip("\n").splitlines():
            c = _COL.match(line)
            if not c:
                raise ValueError(f"unparsed DDL line in {m.group(1)}: {line!r}")
            name, _typ, default, not_null = c.groups()
            cols.append((name.strip('"'), _copy_default(default, bool(not_null))))
        create = f"CREATE TABLE public.{m.group(1)} ({m.group(2)}\n);"
        out[m.group(1)] = Table(m.group(1), cols, create)
    return out


def _copy_default(default: str | None, not_null: bool) -> object:
    if default is None:
        return REQUIRED if not_null else None
    if default in ("true", "false"):
        return default == "true"
    value = default.split("::")[0].strip("'")
    if re.fullmatch(r"-?\d+\.\d+", value):
        return f"{float(value):g}"  # PostgreSQL prints 1.0 as 1
    return value


def literal(value: object) -> str:
    """A value as COPY text: ``\\N``, ``t``/``f``, numbers, escaped text."""
    if value is None:
        return "\\N"
    if value is True or value is False:
        return "t" if value else "f"
    text = str(value)
    return text.translate(_ESCAPES) if _SPECIAL.search(text) else text


def stamp(epoch: int, micro: int = 0) -> str:
    """``timestamp without time zone`` text of a UTC epoch, as COPY prints it."""
    base = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(epoch))
    return f"{base}.{micro:06d}".rstrip("0") if micro else base


def _comment(out: BinaryIO, name: str, kind: str) -> None:
    out.write(f"--\n-- Name: {name}; Type: {kind}; Schema: public; Owner: -\n--\n\n".encode())


def header(out: BinaryIO) -> None:
    """pg_dump's preamble: the SETs a restore needs."""
    out.write(
        "--\n-- PostgreSQL database dump\n--\n\n"
        f"-- Dumped from database version {VERSION}\n-- Dumped by pg_dump version {VERSION}\n\n"
        "SET statement_timeout = 0;\nSET lock_timeout = 0;\n"
        "SET idle_in_transaction_session_timeout = 0;\nSET client_encoding = 'UTF8';\n"
        "SET standard_conforming_strings = on;\n"
        "SELECT pg_catalog.set_config('search_path', '', false);\n"
        "SET check_function_bodies = false;\nSET xmloption = content;\n"
        "SET client_min_messages = warning;\nSET row_security = off;\n\n"
        "SET default_tablespace = '';\n\nSET default_table_access_method = heap;\n\n".encode()
    )


def ddl(out: BinaryIO, tables: Iterable[Table]) -> None:
    """CREATE TABLE (and the ``id`` sequence) of each table, then the column defaults."""
    ordered = sorted(tables, key=lambda t: t.name)
    for t in ordered:
        _comment(out, t.name, "TABLE")
        out.write(f"{t.create}\n\n\n".encode())
        if t.serial:
            seq = f"{t.name}_id_seq"
            _comment(out, seq, "SEQUENCE")
            out.write(
                f"CREATE SEQUENCE public.{seq}\n    AS integer\n    START WITH 1\n"
                "    INCREMENT BY 1\n    NO MINVALUE\n    NO MAXVALUE\n    CACHE 1;\n\n\n".encode()
            )
            _comment(out, f"{seq}; Type: SEQUENCE OWNED BY", "SEQUENCE OWNED BY")
            out.write(f"ALTER SEQUENCE public.{seq} OWNED BY public.{t.name}.id;\n\n\n".encode())
    for t in ordered:
        if t.serial:
            _comment(out, f"{t.name} id", "DEFAULT")
            out.write(
                f"ALTER TABLE ONLY public.{t.name} ALTER COLUMN id SET DEFAULT "
                f"nextval('public.{t.name}_id_seq'::regclass);\n\n\n".encode()
            )


def copy(out: BinaryIO, t: Table, rows: Iterable[Mapping[str, object]]) -> tuple[int, int]:
    """One table's data as a COPY block; returns (rows written, highest id).

    Raises ValueError when a row leaves out a NOT NULL column that has no default.
    """
    _comment(out, t.name, "TABLE DATA")
    cols = ", ".join(f'"{c}"' if c in _RESERVED else c for c in t.columns)
    out.write(f"COPY public.{t.name} ({cols}) FROM stdin;\n".encode())
    count, top = 0, 0
    for row in rows:
        vals = []
        for c in t.columns:
            v = row[c] if c in row else t.defaults[c]
            if v is REQUIRED:
                raise ValueError(f"{t.name}.{c} is NOT NULL and has no default")
            vals.append(literal(v))
        out.write(("\t".join(vals) + "\n").encode())
        count += 1
        if t.serial:
            top = max(top, int(row["id"]))  # type: ignore[call-overload]
    out.write(b"\\.\n\n\n")
    return count, top


def finish(out: BinaryIO, tables: Iterable[Table], tops: Mapping[str, int]) -> None:
    """Sequence positions, primary keys and pg_dump's closing line."""
    ordered = sorted(tables, key=lambda t: t.name)
    for t in ordered:
        if t.serial:
            seq = f"{t.name}_id_seq"
            _comment(out, seq, "SEQUENCE SET")
            called = "true" if tops.get(t.name) else "false"
            out.write(
                f"SELECT pg_catalog.setval('public.{seq}', {tops.get(t.name) or 1}, "
                f"{called});\n\n\n".encode()
            )
    for t in ordered:
        key = t.columns[0]
        _comment(out, f"{t.name} {t.name}_pkey", "CONSTRAINT")
        out.write(
            f"ALTER TABLE ONLY public.{t.name}\n"
            f"    ADD CONSTRAINT {t.name}_pkey PRIMARY KEY ({key});\n\n\n".encode()
        )
    out.write(b"--\n-- PostgreSQL database dump complete\n--\n\n")
