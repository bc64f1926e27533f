"""The decisions and audit store, behind SQLAlchemy (SQLite by default, PostgreSQL later).

The audit trail is append-only and hash-chained: each event stores the
SHA-256 of its own canonical content plus the previous event's hash, so an
edit, deletion, insertion or reordering breaks :meth:`AuditStore.verify`.
Details are stored as JSON, so hostile strings (a username holding a newline
and "admin login OK") cannot forge a line.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    insert,
    select,
)
from sqlalchemy.engine import Engine

metadata = MetaData()

audit_events = Table(
    "audit_events",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("at", String(32), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("action", String(100), nullable=False),
    Column("target", String(500), nullable=False),
    Column("outcome", String(20), nullable=False),
    Column("detail", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

GENESIS = "0" * 64


def _event_hash(prev: str, row: dict[str, Any]) -> str:
    body = json.dumps(
        [
            prev,
            row["seq"],
            row["at"],
            row["actor"],
            row["action"],
            row["target"],
            row["outcome"],
            row["detail"],
        ],
        ensure_ascii=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode("ascii")).hexdigest()


class AuditStore:
    """Append and verify audit events."""

    def __init__(self, url: str) -> None:
        self.engine: Engine = create_engine(url)
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        metadata.create_all(self.engine)

    def record(
        self, actor: str, action: str, target: str, outcome: str = "ok", **detail: Any
    ) -> None:
        """Append one event (who, what, on what, outcome, details) in UTC."""
        with self.engine.begin() as conn:
            last = conn.execute(
                select(audit_events.c.seq, audit_events.c.hash)
                .order_by(audit_events.c.seq.desc())
                .limit(1)
            ).first()
            seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
            row = {
                "seq": seq,
                "at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                "actor": actor,
                "action": action,
                "target": target,
                "outcome": outcome,
                "detail": json.dumps(detail, ensure_ascii=True, sort_keys=True, default=str),
            }
            conn.execute(
                insert(audit_events).values(**row, prev_hash=prev, hash=_event_hash(prev, row))
            )

    def verify(self) -> list[str]:
        """Problems in the chain (empty list when intact)."""
        problems: list[str] = []
        prev, expected_seq = GENESIS, 1
        with self.engine.connect() as conn:
            for r in conn.execute(select(audit_events).order_by(audit_events.c.seq)):
                row = dict(r._mapping)
                if row["seq"] != expected_seq:
                    problems.append(f"event {row['seq']}: expected sequence {expected_seq}")
                if row["prev_hash"] != prev or row["hash"] != _event_hash(prev, row):
                    problems.append(f"event {row['seq']}: hash chain broken")
                prev, expected_seq = row["hash"], row["seq"] + 1
        return problems

    def events(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(audit_events).order_by(audit_events.c.seq))
            return [dict(r._mapping) for r in rows]

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()
