"""Deterministic links: pairs certain enough to join without the model.

Two accounts are joined outright when they share a value that at least two
and at most ``hard_link_max_accounts`` accounts use: the same normalised
registration e-mail, or the same contact selector (e-mail, phone, messenger
handle, crypto address, PGP key) written in a profile field or in text. A
value used by more accounts than that is never a hard link, and one used by
more than ``common_selector_accounts`` is never evidence at all. Reads the
``rs_*`` temporary tables of :mod:`safeguard.resolve.features`.
"""

from __future__ import annotations

from dataclasses import dataclass

from safeguard.engine.duckdb_engine import Engine
from safeguard.resolve.config import ResolveSettings


@dataclass(frozen=True, slots=True)
class HardLink:
    """One deterministic pair (``left < right``) and the rule and value behind it."""

    left: str
    right: str
    rule: str
    value: str


def find(eng: Engine, cfg: ResolveSettings) -> list[HardLink]:
    """Every hard link, one per pair (the first rule in name order), sorted."""
    k = cfg.hard_link_max_accounts
    sql = f"""
        WITH vals AS (
          SELECT 'same_email' AS rule, email_norm AS v, account_id FROM rs_acc
          WHERE email_norm IS NOT NULL
          UNION
          SELECT 'same_contact:' || o.t, o.v, o.account_id FROM rs_obs o
          WHERE o.t NOT IN ('ipv4', 'ipv6')),
        small AS (SELECT rule, v FROM vals GROUP BY ALL HAVING count(*) BETWEEN 2 AND {k}),
        pairs AS (
          SELECT a.account_id AS l, b.account_id AS r, a.rule, a.v
          FROM vals a JOIN small USING (rule, v)
          JOIN vals b ON b.rule = a.rule AND b.v = a.v AND a.account_id < b.account_id)
        SELECT l, r, min(rule || chr(31) || v) FROM pairs GROUP BY l, r ORDER BY l, r"""  # noqa: S608 - settings numbers and our names only
    out = []
    for left, right, key in eng.fetchall(sql):
        rule, _, value = str(key).partition("\x1f")
        out.append(HardLink(str(left), str(right), rule, value))
    return out
