"""Rows of ``person_accounts`` and the per-person facts of ``persons``."""

from __future__ import annotations

from typing import Any

from safeguard.resolve.cluster import Clustering
from safeguard.resolve.ids import Assignment
from safeguard.resolve.judgements import Constraints
from safeguard.resolve.links import Link

_MEMBER_COLS = ("person_id", "account_id", "joined_by", "best_link_probability")
_PERSON_COLS = ("person_id", "anchor_account_id", "min_link_probability", "has_judgement",
                "created_run", "updated_run")  # fmt: skip
_RANK = {"confirmed": 0, "hard": 1, "model": 2, "judgement": 3}
_JOINED = {"confirmed": "confirmed", "hard": "hard", "model": "model", "judgement": "confirmed"}


def _best(
    found: dict[tuple[str, str], Link], decision: dict[tuple[str, str], str]
) -> tuple[dict[str, tuple[int, float]], dict[str, str]]:
    """Per account: (rank, probability) of its best merged link, and how that link was made."""
    best: dict[str, tuple[int, float]] = {}
    how: dict[str, str] = {}
    for key, link in found.items():
        if decision[key] not in ("merged", "confirmed"):
            continue
        source = "confirmed" if decision[key] == "confirmed" else link.source
        score = (_RANK[source], -(link.probability if link.probability is not None else 1.0))
        for acc in key:
            if acc not in best or score < best[acc]:
                best[acc], how[acc] = score, _JOINED[source]
    return best, how


def person_rows(
    result: Clustering,
    assigned: Assignment,
    found: dict[tuple[str, str], Link],
    decision: dict[tuple[str, str], str],
    updated: dict[str, str],
    cons: Constraints,
    run_id: str,
) -> tuple[dict[str, list[Any]], dict[str, list[Any]]]:
    """(person_accounts columns, per-person columns for write.persons)."""
    best, how = _best(found, decision)
    judged = {a for j in cons.in_force for a in (j.account_a, j.account_b, *j.accounts) if a}
    judged |= {a for j in cons.in_force for a in j.remaining}
    changed = {c.new for c in assigned.changes} | {c.old for c in assigned.changes if c.old}
    pa_rows: dict[str, list[Any]] = {k: [] for k in _MEMBER_COLS}
    pe_rows: dict[str, list[Any]] = {k: [] for k in _PERSON_COLS}
    for pid, members in zip(assigned.ids, result.clusters, strict=True):
        issued = assigned.registry[pid]
        for acc in members:
            pa_rows["person_id"].append(pid)
            pa_rows["account_id"].append(acc)
            single = len(members) == 1
            first = acc == issued.anchor or (issued.anchor not in members and acc == members[0])
            pa_rows["joined_by"].append(
                "singleton" if single else "anchor" if first else how.get(acc, "model")
            )
            pa_rows["best_link_probability"].append(None if single or acc not in best
                                                    else -best[acc][1])  # fmt: skip
        probs = [-best[a][1] for a in members if a in best]
        pe_rows["person_id"].append(pid)
        pe_rows["anchor_account_id"].append(issued.anchor)
        pe_rows["min_link_probability"].append(min(probs) if len(members) > 1 and probs else None)
        pe_rows["has_judgement"].append(any(a in judged for a in members))
        pe_rows["created_run"].append(issued.created_run)
        keep = pid in updated and pid not in changed
        pe_rows["updated_run"].append(updated[pid] if keep else run_id)
    return pa_rows, pe_rows
