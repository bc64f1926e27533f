"""SQL functions every analysis-store connection has (used by ingest mappings).

=====================  ==========================================================
``sg_epoch(x)``        unix seconds (text or number) → TIMESTAMP UTC; 0/garbage → NULL
``sg_ip_text(x)``      IP stored as text, ip2long integer or 0x-hex → normalised text
``sg_ip_bin(b)``       IP stored as packed bytes (BLOB) → normalised text
``sg_plain(x, kind)``  markup (bbcode, html, markdown, text) → plain text (a SQL macro:
                       plain BBCode rows in SQL, the rest by Python; see markup_sql)
``sg_pwscheme(h, s)``  password-hash format name (hash, salt)
``sg_recipients(v,f)`` stored recipient list → list of {uid, kind}
``sg_utc(x, zone)``    local datetime text in an IANA zone → TIMESTAMP UTC
=====================  ==========================================================
"""

from __future__ import annotations

from typing import Any

import duckdb
import pyarrow as pa
from duckdb import sqltypes

from safeguard.ingest import markup, markup_sql, values


def _plain_arrow(raw: pa.Array, kind: pa.Array) -> pa.Array:
    """Vectorised: one Python call per batch of rows instead of one per row."""
    kinds = kind.to_pylist()
    out = [
        markup.to_plain(text, k or "bbcode") for text, k in zip(raw.to_pylist(), kinds, strict=True)
    ]
    return pa.array(out, pa.string())


#: canonical dotted IPv4 without leading zeros: already normalised, no Python needed
_OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_IPV4 = rf"{_OCTET}(\.{_OCTET}){{3}}"


def register(con: duckdb.DuckDBPyConnection) -> None:
    """Register the functions and macros on ``con`` (idempotent per connection)."""
    v, b = sqltypes.VARCHAR, sqltypes.BLOB
    special: Any = "special"
    con.create_function("sg_ip_text_py", values.ip_from_text, [v], v, null_handling=special)
    # the common case (plain IPv4 text) stays in SQL; everything else goes to Python
    con.execute(
        "CREATE OR REPLACE TEMP MACRO sg_ip_text(x) AS CASE WHEN x IS NULL OR x = '' "
        "OR x = '0.0.0.0' THEN NULL "
        f"WHEN regexp_full_match(x, '{_IPV4}') THEN x ELSE sg_ip_text_py(x) END"
    )
    con.create_function("sg_ip_bin", values.ip_from_bytes, [b], v, null_handling=special)
    arrow: Any = "arrow"
    # rows of plain BBCode are converted in SQL; the rest call Python (same result)
    con.create_function("sg_plain_py", _plain_arrow, [v, v], v, type=arrow)
    for stmt in markup_sql.macros("sg_plain_py"):
        con.execute(stmt)
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
