"""SQL functions every analysis-store connection has (used by ingest mappings).

=====================  ==========================================================
``sg_epoch(x)``        unix seconds (text or number) → TIMESTAMP UTC; 0/garbage → NULL
``sg_ip_text(x)``      IP stored as text, ip2long integer or 0x-hex → normalised text
``sg_ip_bin(b)``       IP stored as packed bytes (BLOB) → normalised text
``sg_plain(x, kind)``  markup (bbcode, html, markdown, text) → plain text
``sg_pwscheme(h, s)``  password-hash format name (hash, salt)
``sg_recipients(v,f)`` stored recipient list → list of {uid, kind}
``sg_utc(x, zone)``    local datetime text in an IANA zone → TIMESTAMP UTC
=====================  ==========================================================
"""

from __future__ import annotations

from typing import Any

import duckdb
from duckdb import sqltypes

from safeguard.ingest import markup, values


def _plain(raw: str | None, kind: str | None) -> str | None:
    return markup.to_plain(raw, kind or "bbcode")


def register(con: duckdb.DuckDBPyConnection) -> None:
    """Register the functions and macros on ``con`` (idempotent per connection)."""
    v, b = sqltypes.VARCHAR, sqltypes.BLOB
    special: Any = "special"
    con.create_function("sg_ip_text", values.ip_from_text, [v], v, null_handling=special)
    con.create_function("sg_ip_bin", values.ip_from_bytes, [b], v, null_handling=special)
    con.create_function("sg_plain", _plain, [v, v], v, null_handling=special)
    con.create_function("sg_pwscheme", values.password_scheme, [v, v], v, null_handling=special)
    rec = duckdb.list_type(duckdb.struct_type({"uid": v, "kind": v}))
    con.create_function("sg_recipients", _recipients, [b, v], rec, null_handling=special)
    con.execute(
        "CREATE OR REPLACE TEMP MACRO sg_epoch(x) AS CASE WHEN TRY_CAST(x AS BIGINT) > 0 "
        "THEN make_timestamp(TRY_CAST(x AS BIGINT) * 1000000) END"
    )
    con.execute(
        "CREATE OR REPLACE TEMP MACRO sg_utc(x, zone) AS "
        "CAST(timezone('UTC', timezone(zone, TRY_CAST(x AS TIMESTAMP))) AS TIMESTAMP)"
    )


def _recipients(value: bytes | None, fmt: str | None) -> list[dict[str, str]]:
    return values.recipients(value, fmt or "csv")
