"""A minimal mysqldump VALUES parser for the tests (independent of the writer)."""

from __future__ import annotations

import re

_INSERT = re.compile(rb"^INSERT INTO `(\w+)` VALUES ", re.M)
_TOKEN = re.compile(r"'((?:[^'\\]|\\.)*)'|(NULL)|0x([0-9a-fA-F]*)|(-?\d+(?:\.\d+)?)|([(),;])", re.S)
_ESC = re.compile(r"\\(.)", re.S)
_UNESC = {"0": "\0", "n": "\n", "r": "\r", "Z": "\x1a", "\\": "\\", "'": "'", '"': '"'}


_CREATE = re.compile(rb"^CREATE TABLE `(\w+)` \((.*?)\n\)", re.M | re.S)
_COLUMN = re.compile(rb"^  `(\w+)` ", re.M)


def table_rows(data: bytes) -> dict[str, list[dict[str, object]]]:
    """table -> rows as {column: value} (str, int/float, or None for NULL).

    Column names come from the dump's own CREATE TABLE, as an ingest would read them.
    """
    cols = {
        m.group(1).decode(): [c.decode() for c in _COLUMN.findall(m.group(2))]
        for m in _CREATE.finditer(data)
    }
    out: dict[str, list[dict[str, object]]] = {}
    for m in _INSERT.finditer(data):
        end = data.index(b"\n", m.end())  # mysqldump escapes newlines: one INSERT, one line
        name = m.group(1).decode()
        rows = _rows(data[m.end() : end].decode("utf-8"))
        assert all(len(r) == len(cols[name]) for r in rows), name
        out.setdefault(name, []).extend(dict(zip(cols[name], r, strict=True)) for r in rows)
    return out


def _rows(text: str) -> list[list[object]]:
    rows: list[list[object]] = []
    row: list[object] = []
    for t in _TOKEN.finditer(text):
        quoted, null, hexa, num, punct = t.groups()
        if hexa is not None:
            row.append(bytes.fromhex(hexa))  # --hex-blob binary (SMF 2.1 IPs)
        elif quoted is not None:
            row.append(_ESC.sub(lambda e: _UNESC[e.group(1)], quoted))
        elif null:
            row.append(None)
        elif num is not None:
            row.append(float(num) if "." in num else int(num))
        elif punct == ")":
            rows.append(row)
            row = []
    return rows
