"""Analysts' identity-resolution judgements, in the decisions store (SQLAlchemy).

A judgement is one of: ``confirm`` (these two accounts are one person),
``reject`` (they are not), ``split`` (these accounts of a person are someone
else). Rows are only ever added; a later judgement on the same pair wins
when they are applied (see safeguard.resolve.judgements). Callers record each
one in the audit trail as well.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Column, MetaData, String, Table, Text, create_engine, event, insert, select
from sqlalchemy.engine import Engine

from safeguard.store.audit import _sqlite_pragmas

KINDS = ("confirm", "reject", "split")

metadata = MetaData()

resolve_judgements = Table(
    "resolve_judgements",
    metadata,
    Column("judgement_id", String(40), primary_key=True),
    Column("case_id", String(64), nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("account_a", String(200), nullable=True),
    Column("account_b", String(200), nullable=True),
    Column("accounts", Text, nullable=False),  # JSON list: the accounts split off
    Column("remaining", Text, nullable=False),  # JSON list: the person's other accounts then
    Column("person_id", String(40), nullable=True),
    Column("actor", String(200), nullable=False),
    Column("at", String(32), nullable=False),
    Column("reason", Text, nullable=False),
)


@dataclass(frozen=True, slots=True)
class Judgement:
    """One analyst decision. For confirm/reject ``account_a < account_b``."""

    judgement_id: str
    case_id: str
    kind: str
    account_a: str | None
    account_b: str | None
    accounts: tuple[str, ...]
    remaining: tuple[str, ...]
    person_id: str | None
    actor: str
    at: str
    reason: str


def new_judgement(
    case_id: str,
    kind: str,
    actor: str,
    reason: str,
    *,
    pair: tuple[str, str] | None = None,
    accounts: tuple[str, ...] = (),
    remaining: tuple[str, ...] = (),
    person_id: str | None = None,
) -> Judgement:
    """A judgement stamped now (UTC) with a fresh id; the pair is put in order."""
    if kind not in KINDS:
        raise ValueError(f"unknown judgement kind {kind!r}")
    a, b = sorted(pair) if pair else (None, None)
    at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    jid = "j-" + uuid.uuid4().hex[:16]
    return Judgement(
        jid, case_id, kind, a, b, tuple(sorted(accounts)), tuple(sorted(remaining)),
        person_id, actor, at, reason,
    )  # fmt: skip


class JudgementStore:
    """Append and list judgements."""

    def __init__(self, url: str) -> None:
        self.engine: Engine = create_engine(url)
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        metadata.create_all(self.engine)

    def add(self, j: Judgement) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                insert(resolve_judgements).values(
                    judgement_id=j.judgement_id,
                    case_id=j.case_id,
                    kind=j.kind,
                    account_a=j.account_a,
                    account_b=j.account_b,
                    accounts=json.dumps(list(j.accounts)),
                    remaining=json.dumps(list(j.remaining)),
                    person_id=j.person_id,
                    actor=j.actor,
                    at=j.at,
                    reason=j.reason,
                )
            )

    def list(self, case_id: str) -> list[Judgement]:
        """Every judgement of the case, oldest first."""
        t = resolve_judgements
        query = select(t).where(t.c.case_id == case_id).order_by(t.c.at, t.c.judgement_id)
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(query)]
        return [
            Judgement(
                **{
                    **r,
                    "accounts": tuple(json.loads(r["accounts"])),
                    "remaining": tuple(json.loads(r["remaining"])),
                }
            )
            for r in rows
        ]

    def close(self) -> None:
        self.engine.dispose()
