"""Writing query results safely: terminal tables, CSV and JSON.

Forum content is hostile. In a terminal, control characters (ANSI escape
sequences, carriage returns that overwrite a line, bidi overrides) are shown
as visible escapes and Rich markup is never interpreted. In CSV, cells that a
spreadsheet would run as a formula (starting with ``= + - @``, tab, CR or
NUL) get a leading ``'`` (OWASP ASVS 1.2.10). JSON is escaped by ``json``.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import IO, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\x00")


def terminal_safe(value: object) -> str:
    """Text for a terminal cell: control and bidi characters shown as escapes."""
    if value is None:
        return "NULL"
    if isinstance(value, bytes):
        return "0x" + value.hex()
    text = str(value)
    return _CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def csv_safe(value: object) -> object:
    """A CSV cell that a spreadsheet will not evaluate."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        return "0x" + value.hex()
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _json_default(value: object) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return "0x" + value.hex()
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def write_table(
    console: Console,
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    title: str | None = None,
) -> None:
    table = Table(title=Text(title) if title else None)
    for col in columns:
        table.add_column(Text(terminal_safe(col)), overflow="fold")
    for row in rows:
        table.add_row(*(Text(terminal_safe(v)) for v in row))
    console.print(table)


def write_csv(out: IO[str], columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow([csv_safe(c) for c in columns])
    for row in rows:
        writer.writerow([csv_safe(v) for v in row])


def write_json(out: IO[str], columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    records = [dict(zip(columns, row, strict=True)) for row in rows]
    json.dump(records, out, default=_json_default, ensure_ascii=False, indent=1)
    out.write("\n")
