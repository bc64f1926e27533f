"""Writing the stage's tables to the analysis store (one transaction per run)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pyarrow as pa

from safeguard.engine.duckdb_engine import Engine
from safeguard.resolve.ids import Change, IssuedId
from safeguard.resolve.links import Link, contributions_json

REWRITTEN = ("persons", "person_accounts", "person_links", "person_ids", "account_features")


def insert(eng: Engine, table: str, rows: dict[str, list[Any]]) -> None:
    """Insert column lists into ``table`` by column name (table names are ours)."""
    if not rows or not next(iter(rows.values())):
        return
    eng.con.register("rs_insert", pa.table(rows))
    cols = ", ".join(f'"{c}"' for c in rows)
    try:
        eng.execute(f'INSERT INTO "{table}" ({cols}) SELECT {cols} FROM rs_insert')  # noqa: S608
    finally:
        eng.con.unregister("rs_insert")


def clear(eng: Engine) -> None:
    for table in REWRITTEN:
        eng.execute(f'DELETE FROM "{table}"')  # noqa: S608


def previous_state(eng: Engine) -> tuple[dict[str, str], dict[str, IssuedId], dict[str, str]]:
    """(account -> person id, the id map, person id -> updated_run) of the last run."""
    prev = {
        str(a): str(p) for a, p in eng.fetchall("SELECT account_id, person_id FROM person_accounts")
    }
    registry = {
        str(r[0]): IssuedId(str(r[0]), str(r[1]), str(r[2]), r[3], r[4])
        for r in eng.fetchall(
            "SELECT person_id, anchor_account_id, created_run, retired_run, successor_person_id "
            "FROM person_ids"
        )
    }
    updated = {
        str(p): str(u) for p, u in eng.fetchall("SELECT person_id, updated_run FROM persons")
    }
    return prev, registry, updated


def person_ids(eng: Engine, registry: dict[str, IssuedId], run_times: dict[str, datetime]) -> None:
    items = sorted(registry.values(), key=lambda i: i.person_id)
    insert(eng, "person_ids", {
        "person_id": [i.person_id for i in items],
        "anchor_account_id": [i.anchor for i in items],
        "created_run": [i.created_run for i in items],
        "created_at": [run_times.get(i.created_run) for i in items],
        "retired_run": [i.retired_run for i in items],
        "successor_person_id": [i.successor for i in items],
    })  # fmt: skip


def changes(eng: Engine, run_id: str, at: datetime, items: list[Change]) -> None:
    insert(eng, "person_id_changes", {
        "run_id": [run_id] * len(items),
        "changed_at": [at] * len(items),
        "change": [c.change for c in items],
        "old_person_id": [c.old for c in items],
        "new_person_id": [c.new for c in items],
        "account_ids": [list(c.accounts) for c in items],
        "reason": [c.reason for c in items],
    })  # fmt: skip


def links(
    eng: Engine,
    rows: list[Link],
    decision: dict[tuple[str, str], str],
    person: dict[str, str],
    run_id: str,
) -> None:
    merged = [decision[(k.left, k.right)] in ("merged", "confirmed") for k in rows]
    insert(eng, "person_links", {
        "link_id": [k.link_id for k in rows],
        "account_id_l": [k.left for k in rows],
        "account_id_r": [k.right for k in rows],
        "source": [k.source for k in rows],
        "rule": [k.rule for k in rows],
        "match_weight": [k.match_weight for k in rows],
        "match_probability": [k.probability if k.source != "hard" or k.probability
                              else 1.0 for k in rows],
        "contributions": [contributions_json(k) for k in rows],
        "decision": [decision[(k.left, k.right)] for k in rows],
        "judgement_id": [k.judgement.judgement_id if k.judgement else None for k in rows],
        "person_id": [person[k.left] if m else None for k, m in zip(rows, merged, strict=True)],
        "run_id": [run_id] * len(rows),
    })  # fmt: skip


def features(eng: Engine, feats: pa.Table) -> None:
    data = feats.to_pydict()
    insert(eng, "account_features", {
        "account_id": data["account_id"],
        "email_norm": data["email_norm"],
        "email_local_norm": data["email_local_norm"],
        "username_norm": data["username_norm"],
        "password_token": data["password_token"],
        "ip_count": [len(x or []) for x in data["ip_ok"]],
        "contact_count": [len(x or []) for x in data["contacts"]],
        "activity_events": [x or 0 for x in data["activity_events"]],
        "text_chars": [x or 0 for x in data["text_chars"]],
        "language": data["language"],
    })  # fmt: skip


def persons(eng: Engine, rows: dict[str, list[Any]]) -> None:
    """persons from per-person facts plus what person_accounts and accounts say."""
    eng.con.register("rs_persons", pa.table(rows))
    try:
        eng.execute("""
            INSERT INTO persons
            SELECT p.person_id, p.anchor_account_id, count(*) AS account_count,
                   list_sort(list(DISTINCT a.platform) FILTER (WHERE a.platform IS NOT NULL)),
                   list_sort(list(DISTINCT a.username) FILTER (WHERE a.username IS NOT NULL)),
                   list_sort(list(DISTINCT a.evidence_id) FILTER (WHERE a.evidence_id IS NOT NULL)),
                   min(a.registered_at), any_value(p.min_link_probability),
                   any_value(p.has_judgement), any_value(p.created_run), any_value(p.updated_run)
            FROM rs_persons p JOIN person_accounts pa USING (person_id)
            JOIN accounts a USING (account_id)
            GROUP BY p.person_id, p.anchor_account_id ORDER BY p.person_id""")
    finally:
        eng.con.unregister("rs_persons")


def run_row(eng: Engine, row: dict[str, Any]) -> None:
    row = {**row, "settings": json.dumps(row["settings"]), "model": json.dumps(row["model"])}
    insert(eng, "resolve_runs", {k: [v] for k, v in row.items()})
