"""Small cases for resolve tests: accounts and observations written straight into the store."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from safeguard.case import Case, init_case
from safeguard.model.schema import load_schema
from safeguard.resolve.config import ResolveSettings

T0 = datetime(2010, 3, 1, 20, 0)


def fast_settings(**kw: Any) -> ResolveSettings:
    """Settings that keep a test quick: a small u sample, priors for m."""
    return ResolveSettings(u_max_pairs=2e4, train_m="prior", **kw)


def new_case(tmp_path: Path, name: str = "case") -> Case:
    return init_case(tmp_path / name)


def account(
    aid: str,
    username: str,
    email: str | None = None,
    *,
    evidence: str = "ev-1",
    platform: str = "phpbb3",
    ip: str | None = None,
    timezone: str | None = None,
) -> dict[str, Any]:
    return {
        "account_id": aid, "platform": platform, "source_user_id": aid, "username": username,
        "email": email, "registration_ip": ip, "registered_at": T0, "timezone": timezone,
        "evidence_id": evidence,
    }  # fmt: skip


def observation(
    aid: str, kind: str, value: str, *, when: datetime = T0, method: str = "field",
    field: str = "registration_ip", record_table: str = "accounts",
) -> dict[str, Any]:  # fmt: skip
    oid = "ob-" + hashlib.sha256(f"{aid}|{kind}|{value}|{when}".encode()).hexdigest()[:16]
    return {
        "observation_id": oid, "selector_type": kind, "value": value, "value_raw": value,
        "account_id": aid, "seen_at": when, "method": method, "confidence": 1.0,
        "record_table": record_table, "record_id": aid, "field": field,
    }  # fmt: skip


def insert(case: Case, table: str, rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows (missing columns NULL) into a table of the analysis store."""
    cols = load_schema().tables[table].column_names
    with case.engine() as eng:
        for row in rows:
            unknown = set(row) - set(cols)
            assert not unknown, unknown
            names = list(row)
            marks = ", ".join("?" for _ in names)
            collist = ", ".join(f'"{c}"' for c in names)
            eng.execute(f'INSERT INTO "{table}" ({collist}) VALUES ({marks})', list(row.values()))


def posts_for(aid: str, n: int, hour: int, text: str) -> list[dict[str, Any]]:
    """``n`` posts by ``aid`` on consecutive days at ``hour`` UTC."""
    return [
        {"post_id": f"{aid}-p{i}", "account_id": aid, "text_plain": text,
         "posted_at": T0.replace(hour=hour) + timedelta(days=i)}
        for i in range(n)
    ]  # fmt: skip


def persons_of(case: Case) -> dict[str, str]:
    """account_id -> person_id."""
    with case.engine(read_only=True) as eng:
        return {
            str(a): str(p)
            for a, p in eng.fetchall("SELECT account_id, person_id FROM person_accounts")
        }
