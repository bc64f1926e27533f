"""Stage ``extract``: every selector occurrence in the case becomes an observation.

Per evidence item, in one transaction (a crash leaves the item to redo):
logged IPs become observations in SQL; structured fields are validated by
their selector type (an invalid value is scanned as text instead: a website
field may hold "my site: …"); free text passes the engine-side
:mod:`~safeguard.extract.prefilter` and the rest goes through the finder, on
several processes when there is much of it. ``stage_runs`` records the item
with :data:`METHOD_VERSION`, so a re-run skips it until the method changes.

Observation ids hash the record id, field, span, type and value: the same
evidence gives the same ids on every run.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from safeguard.case import Case
from safeguard.engine.duckdb_engine import Engine
from safeguard.extract import prefilter, sources
from safeguard.extract.fields import FIELD, field_matches
from safeguard.extract.finder import find
from safeguard.extract.types.base import Match
from safeguard.ingest.runner import ProgressFactory

if TYPE_CHECKING:
    from safeguard.enrich.ip import IpIntel

#: bump when extraction would give different observations for the same records
METHOD_VERSION = "extract-7"
# below this many characters the finder runs in-process (a pool costs ~1 s to start)
_PARALLEL_CHARS = 8_000_000
_CHUNK = 2_000

OBS_COLUMNS = (
    "observation_id", "selector_type", "value", "value_raw", "account_id", "seen_at",
    "method", "confidence", "flags", "record_table", "record_id", "field",
    "span_start", "span_end", *sources.PROVENANCE,
)  # fmt: skip


@dataclass
class ExtractSummary:
    """What the stage did."""

    items: int = 0
    skipped: int = 0
    observations: int = 0
    texts_total: int = 0
    bytes_total: int = 0  # UTF-8 bytes of all texts (scanned or filtered out)
    texts_scanned: int = 0
    chars_scanned: int = 0
    seconds: float = 0.0
    by_type: dict[str, int] = field(default_factory=dict)


def run(case: Case, progress: ProgressFactory | None = None) -> ExtractSummary:
    """Extract every ingested evidence item not yet extracted with this method."""
    del progress  # the stage is short next to ingest; it reports its summary
    summary = ExtractSummary()
    t0 = time.perf_counter()
    with case.engine() as eng:
        items = [r[0] for r in eng.fetchall(_TODO, [METHOD_VERSION])]
        summary.skipped = eng.fetchall(_DONE, [METHOD_VERSION])[0][0]
        for ev in items:
            with eng.transaction():
                _extract_item(eng, ev, case.settings.extract_workers, summary)
            summary.items += 1
        for kind, n in eng.fetchall(
            "SELECT selector_type, count(*) FROM observations GROUP BY ALL ORDER BY 1"
        ):
            summary.by_type[kind] = n
    summary.seconds = time.perf_counter() - t0
    return summary


_TODO = (
    "SELECT evidence_id FROM evidence WHERE ingest_status = 'ingested' AND evidence_id NOT IN "
    "(SELECT evidence_id FROM stage_runs WHERE stage = 'extract' AND method_version = ?) "
    "ORDER BY evidence_id"
)
_DONE = (
    "SELECT count(*) FROM stage_runs WHERE stage = 'extract' AND method_version = ? "
    "AND evidence_id IN (SELECT evidence_id FROM evidence WHERE ingest_status = 'ingested')"
)


def _extract_item(eng: Engine, ev: str, workers: int, summary: ExtractSummary) -> None:
    t0 = time.perf_counter()
    eng.execute("DELETE FROM observations WHERE evidence_id = ?", [ev])
    # downstream per-item work on the old observations is void too
    eng.execute(
        "DELETE FROM stage_runs WHERE stage IN ('extract', 'enrich') AND evidence_id = ?", [ev]
    )
    n = _ip_fields(eng, ev)
    n += eng.insert_arrow("observations", _table(_value_fields(eng, ev)))
    n += _text_fields(eng, ev, workers, summary)
    summary.observations += n
    eng.execute(
        "INSERT INTO stage_runs VALUES ('extract', ?, ?, ?, ?, ?)",
        [ev, METHOD_VERSION, _now(), n, time.perf_counter() - t0],
    )


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _ip_fields(eng: Engine, ev: str) -> int:
    """Logged IPs, set-based: flags come from a small table of flagged addresses."""
    _flag_table(eng, ev)
    total = 0
    for src in sources.IP_FIELDS:
        kind = "CASE WHEN contains(value, ':') THEN 'ipv6' ELSE 'ipv4' END"
        oid = (
            "'ob-' || substr(sha256(concat_ws('|', record_id, "
            f"'{src.field}', '', {kind}, value)), 1, 16)"
        )
        prov = ", ".join(f"s.{c}" for c in sources.PROVENANCE)
        sql = (
            f"INSERT INTO observations ({', '.join(OBS_COLUMNS)}) "
            f"SELECT {oid}, {kind}, value, value, account_id, seen_at, 'field', 1.0, "
            "coalesce(f.flags, []::VARCHAR[]), "
            f"'{src.table}', record_id, '{src.field}', NULL, NULL, {prov} "
            f"FROM ({sources.select(src)}) s LEFT JOIN _sg_ip_flags f ON f.ip = s.value"
        )
        total += int(eng.execute(sql, {"ev": ev}).fetchall()[0][0])
    eng.execute("DROP TABLE IF EXISTS _sg_ip_flags")
    return total


def _flag_table(eng: Engine, ev: str) -> None:
    from safeguard.extract.fields import ip_value_flags

    ips: set[str] = set()
    for src in sources.IP_FIELDS:
        sql = f"SELECT DISTINCT value FROM ({sources.select(src)})"
        ips.update(r[0] for r in eng.execute(sql, {"ev": ev}).fetchall())
    flagged = [(ip, list(f)) for ip in sorted(ips) if (f := ip_value_flags(ip))]
    data = pa.table(
        {
            "ip": pa.array([f[0] for f in flagged], pa.string()),
            "flags": pa.array([f[1] for f in flagged], pa.list_(pa.string())),
        }
    )
    eng.execute("DROP TABLE IF EXISTS _sg_ip_flags")
    eng.execute("CREATE TEMP TABLE _sg_ip_flags (ip VARCHAR, flags VARCHAR[])")
    eng.insert_arrow("_sg_ip_flags", data)


def _value_fields(eng: Engine, ev: str) -> Iterator[dict[str, Any]]:
    for src in sources.VALUE_FIELDS:
        for batch in eng.batches(sources.select(src).replace("$ev", "?"), [ev]):
            for rec in batch.to_pylist():
                for m in field_matches(src.kind, rec["value"]):
                    yield _row(rec, src, m)


def _text_fields(eng: Engine, ev: str, workers: int, summary: ExtractSummary) -> int:
    trigger = _sql_str(prefilter.TRIGGER)
    passed = []
    for src in sources.TEXT_FIELDS:
        count_sql = f"SELECT count(*), coalesce(sum(strlen(value)), 0) FROM ({sources.select(src)})"
        n_texts, n_bytes = eng.execute(count_sql, {"ev": ev}).fetchall()[0]
        summary.texts_total += int(n_texts)
        summary.bytes_total += int(n_bytes)
        where = f" AND regexp_matches({src.field}, '{trigger}')"
        sql = sources.select(src, where).replace("$ev", "?")
        passed += [(src, r) for b in eng.batches(sql, [ev]) for r in b.to_pylist()]
    regions = home_regions(eng, ev, {r["account_id"] for _, r in passed if r["account_id"]})
    jobs = [(r["value"], regions.get(r["account_id"])) for _, r in passed]
    summary.texts_scanned += len(jobs)
    summary.chars_scanned += sum(len(t) for t, _ in jobs)
    found = _scan(jobs, workers)
    rows = (_row(rec, src, m) for (src, rec), ms in zip(passed, found, strict=True) for m in ms)
    return eng.insert_arrow("observations", _table(rows))


def home_regions(eng: Engine, ev: str, accounts: set[str]) -> dict[str, str]:
    """Likely home country of each account, for phone numbers written without a
    country code: where its registration (else last) IP is, when that IP is a
    residential or mobile line (an anonymiser says nothing)."""
    if not accounts:
        return {}
    rows = eng.fetchall(
        "SELECT account_id, coalesce(registration_ip, last_ip) FROM accounts "
        "WHERE evidence_id = ? AND coalesce(registration_ip, last_ip) IS NOT NULL "
        "AND account_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY 1",
        [ev, sorted(accounts)],
    )
    if not rows:
        return {}
    facts = _ip_intel().lookup_many([ip for _, ip in rows])
    return {
        acc: f.country
        for (acc, _), f in zip(rows, facts, strict=True)
        if f.country and f.network_kind in ("residential", "mobile")
    }


def _sql_str(text: str) -> str:
    return text.replace("'", "''")


def _scan(jobs: Sequence[tuple[str, str | None]], workers: int) -> list[list[Match]]:
    """find() over every (text, default phone region), on ``workers`` processes when
    the volume warrants it."""
    if workers <= 1 or sum(len(t) for t, _ in jobs) < _PARALLEL_CHARS:
        return _find_all(list(jobs))
    chunks = [list(jobs[i : i + _CHUNK]) for i in range(0, len(jobs), _CHUNK)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return [ms for part in pool.map(_find_all, chunks) for ms in part]


def _find_all(jobs: list[tuple[str, str | None]]) -> list[list[Match]]:
    return [find(t, region) for t, region in jobs]


def observation_id(
    record_id: str, field_name: str, start: int | None, kind: str, value: str
) -> str:
    """The stable id of an observation (same recipe as the SQL for IP fields)."""
    key = "|".join((record_id, field_name, "" if start is None else str(start), kind, value))
    return "ob-" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _row(rec: dict[str, Any], src: sources.Source, m: Match) -> dict[str, Any]:
    whole = m.method == FIELD
    start, end = (None, None) if whole else (m.start, m.end)
    row = {
        "observation_id": observation_id(rec["record_id"], src.field, start, m.type, m.normalised),
        "selector_type": m.type,
        "value": m.normalised,
        "value_raw": m.value,
        "account_id": rec["account_id"],
        "seen_at": rec["seen_at"],
        "method": m.method,
        "confidence": m.confidence,
        "flags": list(m.flags),
        "record_table": src.table,
        "record_id": rec["record_id"],
        "field": src.field,
        "span_start": start,
        "span_end": end,
    }
    row.update({c: rec[c] for c in sources.PROVENANCE})
    return row


_SCHEMA = pa.schema(
    [
        ("observation_id", pa.string()), ("selector_type", pa.string()), ("value", pa.string()),
        ("value_raw", pa.string()), ("account_id", pa.string()), ("seen_at", pa.timestamp("us")),
        ("method", pa.string()), ("confidence", pa.float64()), ("flags", pa.list_(pa.string())),
        ("record_table", pa.string()), ("record_id", pa.string()), ("field", pa.string()),
        ("span_start", pa.int32()), ("span_end", pa.int32()), ("evidence_id", pa.string()),
        ("evidence_sha256", pa.string()), ("source_member", pa.string()),
        ("source_table", pa.string()), ("source_row", pa.int64()), ("source_offset", pa.int64()),
    ]
)  # fmt: skip


def _table(rows: Iterator[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(list(rows), schema=_SCHEMA)


@cache
def _ip_intel() -> IpIntel:
    """One IP lookup table per process (loading the shipped data takes seconds)."""
    from safeguard.enrich.ip import IpIntel

    return IpIntel()
