"""Stage ``enrich``: what each observation implies, all offline.

Per evidence item (one transaction each, recorded in ``stage_runs``):

- IP observations → country, AS, operator, network kind, anonymiser flag, as of
  the time of use (:class:`~safeguard.enrich.ip.IpIntel`: user ``.mmdb``
  snapshots in ``CASE/reference/mmdb``, Tor exit lists in
  ``CASE/reference/tor``, else the data shipped in geoip2fast);
- e-mail and Jabber addresses → provider, its legal country, disposable or
  privacy service (:mod:`safeguard.enrich.email`);
- phone numbers → numbering-plan country and original carrier
  (:mod:`safeguard.enrich.phone`).

Each is computed once per distinct value (IPs: per distinct value and time
when dated reference data is supplied) and joined back to the observations.
The method version includes the reference files used, so adding a snapshot
or an exit list redoes the stage. Account-level signals (language, time zone,
declared location) are computed after the items by :mod:`safeguard.enrich.signals`.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa

from safeguard.case import Case
from safeguard.engine.duckdb_engine import Engine
from safeguard.enrich import signals
from safeguard.enrich import values as value_facts
from safeguard.enrich.ip import FACT_FIELDS, IpIntel, facts_to_columns

METHOD = "enrich-2"
IP_TYPES = ("ipv4", "ipv6")

_FACT_SCHEMA = pa.schema(
    [
        ("country", pa.string()), ("asn", pa.int64()), ("operator", pa.string()),
        ("operator_country", pa.string()), ("network_kind", pa.string()),
        ("anonymiser", pa.bool_()), ("dataset", pa.string()), ("dataset_date", pa.date32()),
        ("detail", pa.string()),
    ]
)  # fmt: skip


@dataclass
class EnrichSummary:
    """What the stage did."""

    items: int = 0
    skipped: int = 0
    enrichments: int = 0
    distinct_ips: int = 0
    signals: int | None = None  # account_signals rows written; None: already current
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)
    by_kind: dict[str, int] = field(default_factory=dict)


def reference_dir(case: Case) -> Path:
    """Where the user puts reference data for a case (mmdb/, tor/)."""
    return case.root / "reference"


def method_version(case: Case) -> str:
    """:data:`METHOD` plus a fingerprint of the user reference files present."""
    ref = reference_dir(case)
    files = sorted(p for p in ref.rglob("*") if p.is_file()) if ref.is_dir() else []
    stamp = "|".join(
        f"{p.relative_to(ref)}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in files
    )
    return f"{METHOD}:{hashlib.sha256(stamp.encode()).hexdigest()[:12]}"


def run(case: Case, progress: object = None) -> EnrichSummary:
    """Enrich every extracted evidence item not yet enriched with this method."""
    del progress
    t0 = time.perf_counter()
    summary = EnrichSummary()
    version = method_version(case)
    ref = reference_dir(case)
    intel = IpIntel(mmdb_dir=ref / "mmdb", tor_dir=ref / "tor")
    summary.problems = intel.problems
    with case.engine() as eng:
        todo = [r[0] for r in eng.fetchall(_TODO, [version])]
        summary.skipped = int(eng.fetchall(_DONE, [version])[0][0])
        for ev in todo:
            with eng.transaction():
                _enrich_item(eng, ev, intel, version, summary)
            summary.items += 1
        with eng.transaction():
            summary.signals = signals.run(eng)
        for kind, n in eng.fetchall(
            "SELECT network_kind, count(*) FROM enrichments GROUP BY ALL ORDER BY 2 DESC"
        ):
            summary.by_kind[str(kind)] = int(n)
    summary.seconds = time.perf_counter() - t0
    return summary


_TODO = (
    "SELECT evidence_id FROM stage_runs WHERE stage = 'extract' AND evidence_id NOT IN "
    "(SELECT evidence_id FROM stage_runs WHERE stage = 'enrich' AND method_version = ?) "
    "ORDER BY evidence_id"
)
_DONE = "SELECT count(*) FROM stage_runs WHERE stage = 'enrich' AND method_version = ?"


def _enrich_item(
    eng: Engine, ev: str, intel: IpIntel, version: str, summary: EnrichSummary
) -> None:
    t0 = time.perf_counter()
    eng.execute(
        "DELETE FROM enrichments WHERE observation_id NOT IN "
        "(SELECT observation_id FROM observations)"
    )
    eng.execute(
        "DELETE FROM enrichments WHERE observation_id IN "
        "(SELECT observation_id FROM observations WHERE evidence_id = ?)",
        [ev],
    )
    eng.execute("DELETE FROM stage_runs WHERE stage = 'enrich' AND evidence_id = ?", [ev])
    n = _ips(eng, ev, intel, summary)
    for types, fn in _VALUE_ENRICHERS:
        n += _values(eng, ev, types, fn)
    summary.enrichments += n
    eng.execute(
        "INSERT INTO stage_runs VALUES ('enrich', ?, ?, ?, ?, ?)",
        [ev, version, datetime.now(UTC).replace(tzinfo=None), n, time.perf_counter() - t0],
    )


def _ips(eng: Engine, ev: str, intel: IpIntel, summary: EnrichSummary) -> int:
    """One lookup per distinct address (and time, when dated data makes time matter)."""
    dated = bool(intel.mmdb.snapshots("country") or intel.mmdb.snapshots("asn") or len(intel.tor))
    key = "value, seen_at" if dated else "value"
    rows = eng.fetchall(
        f"SELECT DISTINCT {key} FROM observations WHERE evidence_id = ? "
        f"AND selector_type IN {IP_TYPES} ORDER BY ALL",
        [ev],
    )
    if not rows:
        return 0
    values = [r[0] for r in rows]
    times = [r[1] if dated else None for r in rows]
    summary.distinct_ips += len(set(values))
    facts = intel.lookup_many(values, times)
    cols: dict[str, Any] = {"value": values, "seen_at": times}
    cols.update(facts_to_columns(facts))
    table = pa.table(cols).cast(
        pa.schema([("value", pa.string()), ("seen_at", pa.timestamp("us")), *_FACT_SCHEMA])
    )
    on = "f.value = o.value" + (" AND f.seen_at IS NOT DISTINCT FROM o.seen_at" if dated else "")
    return _join_insert(eng, ev, table, on, f"o.selector_type IN {IP_TYPES}")


def _join_insert(eng: Engine, ev: str, facts: pa.Table, on: str, where: str) -> int:
    cols = ", ".join(f"f.{c}" for c in FACT_FIELDS)
    eng.con.register("_sg_facts", facts)
    try:
        out = eng.execute(
            "INSERT INTO enrichments (observation_id, selector_type, value, "
            f"{', '.join(FACT_FIELDS)}) SELECT o.observation_id, o.selector_type, o.value, "
            f"{cols} FROM observations o JOIN _sg_facts f ON {on} "
            f"WHERE o.evidence_id = ? AND {where}",
            [ev],
        ).fetchall()
    finally:
        eng.con.unregister("_sg_facts")
    return int(out[0][0])


ValueFn = Callable[[Sequence[str]], list[dict[str, Any] | None]]


def _values(eng: Engine, ev: str, types: tuple[str, ...], fn: ValueFn) -> int:
    """Enrich distinct values of ``types`` with ``fn`` (None: nothing known)."""
    rows = eng.fetchall(
        "SELECT DISTINCT value FROM observations WHERE evidence_id = ? "
        f"AND selector_type IN ({', '.join(repr(t) for t in types)}) ORDER BY 1",
        [ev],
    )
    values = [r[0] for r in rows]
    facts = fn(values)
    keep = [(v, f) for v, f in zip(values, facts, strict=True) if f is not None]
    if not keep:
        return 0
    data: dict[str, list[Any]] = {"value": [v for v, _ in keep]}
    for name in FACT_FIELDS:
        data[name] = [f.get(name) for _, f in keep]
    table = pa.table(data).cast(pa.schema([("value", pa.string()), *_FACT_SCHEMA]))
    where = f"o.selector_type IN ({', '.join(repr(t) for t in types)})"
    return _join_insert(eng, ev, table, "f.value = o.value", where)


_VALUE_ENRICHERS: list[tuple[tuple[str, ...], ValueFn]] = [
    (("email", "jabber"), value_facts.email_facts),
    (("phone", "whatsapp"), value_facts.phone_facts),
]
