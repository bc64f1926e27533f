"""Stage ``attribute``: a country, a confidence and a status for every account,
and for every person once identity resolution has run.

Recomputed as a whole on every run (it is cheap next to ingest and depends on
every item at once); the same store gives the same rows. Writes
``attribution_evidence`` (account level), ``account_jurisdictions`` (every
account, evidence or not) and ``jurisdictions`` (every person, combining the
evidence of all its accounts). See docs/attribution.md.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby

import pyarrow as pa

from safeguard.attribute import evidence
from safeguard.attribute.score import Verdict, decide, weight
from safeguard.case import Case
from safeguard.engine.duckdb_engine import Engine


@dataclass
class AttributeSummary:
    """What the stage did."""

    accounts: int = 0
    persons: int = 0
    status: dict[str, int] = field(default_factory=dict)
    person_status: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def run(case: Case, progress: object = None) -> AttributeSummary:
    """Attribute every account (and person) of the case."""
    del progress
    t0 = time.perf_counter()
    summary = AttributeSummary()
    with case.engine() as eng, eng.transaction():
        items = evidence.gather(eng, "account")
        ids = [r[0] for r in eng.fetchall("SELECT account_id FROM accounts ORDER BY 1")]
        verdicts = _verdicts(items, ids)
        eng.execute("DELETE FROM attribution_evidence")
        eng.execute("DELETE FROM account_jurisdictions")
        eng.insert_arrow("attribution_evidence", _evidence_table(items))
        eng.insert_arrow("account_jurisdictions", _verdict_table("account_id", verdicts, items))
        summary.accounts = len(verdicts)
        summary.status = dict(Counter(v.status for v in verdicts.values()))
        if _has_persons(eng):
            p_items = evidence.gather(eng, "person")
            pids = [r[0] for r in eng.fetchall("SELECT person_id FROM persons ORDER BY 1")]
            p_verdicts = _verdicts(p_items, pids)
            eng.execute("DELETE FROM jurisdictions")
            eng.insert_arrow("jurisdictions", _verdict_table("person_id", p_verdicts, p_items))
            summary.persons = len(p_verdicts)
            summary.person_status = dict(Counter(v.status for v in p_verdicts.values()))
    summary.seconds = time.perf_counter() - t0
    return summary


def _has_persons(eng: Engine) -> bool:
    return bool(eng.fetchall("SELECT count(*) FROM persons")[0][0])


def _verdicts(items: list[evidence.Item], ids: list[str]) -> dict[str, Verdict]:
    by_entity = {k: list(g) for k, g in groupby(items, key=lambda i: i.entity)}
    return {e: decide(by_entity.get(e, [])) for e in ids}


def _evidence_table(items: list[evidence.Item]) -> pa.Table:
    return pa.table(
        {
            "account_id": [i.entity for i in items],
            "country": [i.country for i in items],
            "signal": [i.signal for i in items],
            "weight": [weight(i) for i in items],
            "observation_ids": [i.observation_ids for i in items],
            "detail": [i.detail for i in items],
        },
        schema=pa.schema(
            [
                ("account_id", pa.string()),
                ("country", pa.string()),
                ("signal", pa.string()),
                ("weight", pa.float64()),
                ("observation_ids", pa.list_(pa.string())),
                ("detail", pa.string()),
            ]
        ),
    )


def _verdict_table(key: str, verdicts: dict[str, Verdict], items: list[evidence.Item]) -> pa.Table:
    counts = Counter(i.entity for i in items)
    rows = sorted(verdicts.items())
    return pa.table(
        {
            key: [e for e, _ in rows],
            "country": [v.country for _, v in rows],
            "confidence": [round(v.confidence, 4) for _, v in rows],
            "status": [v.status for _, v in rows],
            "runner_up": [v.runner_up for _, v in rows],
            "runner_up_confidence": [
                None if v.runner_up_confidence is None else round(v.runner_up_confidence, 4)
                for _, v in rows
            ],
            "evidence_items": [counts.get(e, 0) for e, _ in rows],
            "reason": [v.reason for _, v in rows],
        },
        schema=pa.schema(
            [
                (key, pa.string()),
                ("country", pa.string()),
                ("confidence", pa.float64()),
                ("status", pa.string()),
                ("runner_up", pa.string()),
                ("runner_up_confidence", pa.float64()),
                ("evidence_items", pa.int64()),
                ("reason", pa.string()),
            ]
        ),
    )
