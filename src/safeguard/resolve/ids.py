"""Stable person ids across runs, and the log of every change.

A new person's id is ``pe-`` + 12 hex digits of SHA-256 of its smallest
account_id, so a fresh case built from the same data gets the same ids. On a
re-run each previous id goes, in order of priority, to the cluster that holds
the account it was issued for; then the oldest id among a cluster's previous
ids survives a merge. An id is never issued twice: when its natural value was
used before, a counter is hashed in. Retired ids stay in ``person_ids`` with
the person that took their accounts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class IssuedId:
    """One row of the id map (``person_ids``)."""

    person_id: str
    anchor: str
    created_run: str
    retired_run: str | None = None
    successor: str | None = None


@dataclass(frozen=True, slots=True)
class Change:
    """One row of ``person_id_changes``."""

    change: str  # new | merged | split | moved
    old: str | None
    new: str
    accounts: tuple[str, ...]
    reason: str


@dataclass
class Assignment:
    """Ids for this run's clusters, the updated id map and the changes."""

    ids: list[str]  # parallel to the clusters
    registry: dict[str, IssuedId]
    changes: list[Change] = field(default_factory=list)


def natural_id(anchor: str, n: int = 0) -> str:
    """The id issued for a person whose smallest account is ``anchor``."""
    key = anchor if n == 0 else f"{anchor}#{n}"
    return "pe-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def assign(
    clusters: Sequence[Sequence[str]],
    previous: dict[str, str],
    registry: dict[str, IssuedId],
    run_id: str,
) -> Assignment:
    """Give every cluster an id. ``previous``: account -> person id of the last run."""
    reg = dict(registry)
    age = {pid: (i.created_run, pid) for pid, i in reg.items()}
    cands = [sorted({previous[a] for a in c if a in previous}, key=age.__getitem__)
             for c in clusters]  # fmt: skip
    ids: list[str | None] = [None] * len(clusters)
    taken: set[str] = set()
    for i, c in enumerate(clusters):  # pass 1: the cluster holding an id's own account
        members = set(c)
        for pid in cands[i]:
            if pid not in taken and reg[pid].anchor in members:
                ids[i] = pid
                taken.add(pid)
                break
    for i in range(len(clusters)):  # pass 2: oldest previous id still free
        if ids[i] is None:
            free = [p for p in cands[i] if p not in taken]
            if free:
                ids[i] = free[0]
                taken.add(free[0])
    for i, c in enumerate(clusters):  # pass 3: new ids
        if ids[i] is None:
            n = 0
            while natural_id(c[0], n) in reg:
                n += 1
            pid = natural_id(c[0], n)
            reg[pid] = IssuedId(pid, c[0], run_id)
            ids[i] = pid
    final = [str(p) for p in ids]
    out = Assignment(final, reg)
    _log(out, clusters, previous, registry, run_id)
    return out


def _log(
    out: Assignment,
    clusters: Sequence[Sequence[str]],
    previous: dict[str, str],
    before: dict[str, IssuedId],
    run_id: str,
) -> None:
    live = set(out.ids)
    successor: dict[str, str] = {}
    for pid, c in zip(out.ids, clusters, strict=True):
        by_old: dict[str | None, list[str]] = {}
        for a in c:
            by_old.setdefault(previous.get(a), []).append(a)
        for old, accs in sorted(by_old.items(), key=lambda kv: (kv[0] is not None, kv[0] or "")):
            if old == pid:
                continue
            if old is None:
                kind = "new" if pid not in before else "joined"
            elif old not in live:
                kind = "merged"
                successor.setdefault(old, pid)
            else:
                kind = "split" if pid not in before else "moved"
            out.changes.append(Change(kind, old, pid, tuple(accs), _reason(kind, old, pid)))
    for pid, issued in before.items():
        if issued.retired_run is None and pid not in live:
            out.registry[pid] = IssuedId(
                pid, issued.anchor, issued.created_run, run_id, successor.get(pid)
            )


def _reason(kind: str, old: str | None, new: str) -> str:
    return {
        "new": f"new person {new}",
        "merged": f"{old} merged into the older {new}",
        "split": f"{new} split off from {old}",
        "joined": f"new accounts joined {new}",
        "moved": f"accounts moved from {old} to {new}",
    }[kind]
