"""Analysts' judgements: recording them, and turning them into clustering constraints.

Recording (:func:`confirm`, :func:`reject`, :func:`split`) checks the accounts
against the case, stores the judgement in the decisions store and writes an
audit event (who, when, why). Applying (:func:`constraints`) happens on every
run: the latest judgement on a pair wins; a confirmed pair is a must-link; a
rejected pair and a split are cannot-links that no chain of other links can
undo. A later confirm across an earlier split supersedes that split.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from safeguard.case import Case, actor
from safeguard.exceptions import SafeguardError
from safeguard.resolve.cluster import CannotLink, Edge
from safeguard.store.judgements import Judgement, JudgementStore, new_judgement


class JudgementError(SafeguardError):
    """A judgement names accounts or persons the case does not have, or makes no sense."""


@dataclass
class Constraints:
    """What the judgements in force mean for clustering."""

    must: list[Edge]
    cannot: list[CannotLink]
    by_pair: dict[tuple[str, str], Judgement]  # latest confirm/reject per pair
    in_force: list[Judgement]


@contextmanager
def store(case: Case) -> Iterator[JudgementStore]:
    s = JudgementStore(case.decisions_url())
    try:
        yield s
    finally:
        s.close()


def constraints(judgements: Sequence[Judgement]) -> Constraints:
    """Judgements (oldest first) as must-links and cannot-links."""
    by_pair: dict[tuple[str, str], Judgement] = {}
    splits: list[Judgement] = []
    for j in judgements:
        if j.kind == "split":
            splits.append(j)
            continue
        pair = (str(j.account_a), str(j.account_b))
        by_pair[pair] = j
        if j.kind == "confirm":  # a later confirm across a split supersedes the split
            splits = [s for s in splits if not _crosses(s, pair)]
    must = [Edge(a, b, "confirmed", 1.0) for (a, b), j in by_pair.items() if j.kind == "confirm"]
    cannot = [
        CannotLink(frozenset([a]), frozenset([b]))
        for (a, b), j in by_pair.items()
        if j.kind == "reject"
    ]
    cannot += [CannotLink(frozenset(s.accounts), frozenset(s.remaining)) for s in splits]
    return Constraints(sorted(must, key=lambda e: (e.left, e.right)), cannot, by_pair,
                       [*by_pair.values(), *splits])  # fmt: skip


def _crosses(s: Judgement, pair: tuple[str, str]) -> bool:
    a, b = pair
    off, rest = set(s.accounts), set(s.remaining)
    return (a in off and b in rest) or (b in off and a in rest)


def confirm(case: Case, a: str, b: str, reason: str, who: str | None = None) -> Judgement:
    """Record that accounts ``a`` and ``b`` are one person."""
    return _pair(case, "confirm", a, b, reason, who)


def reject(case: Case, a: str, b: str, reason: str, who: str | None = None) -> Judgement:
    """Record that accounts ``a`` and ``b`` are not one person (never merged again)."""
    return _pair(case, "reject", a, b, reason, who)


def _pair(case: Case, kind: str, a: str, b: str, reason: str, who: str | None) -> Judgement:
    if a == b:
        raise JudgementError("a link needs two different accounts")
    _check_reason(reason)
    _check_accounts(case, [a, b])
    j = new_judgement(case.case_id, kind, who or actor(), reason.strip(), pair=(a, b))
    _record(case, j, f"{j.account_a}|{j.account_b}")
    return j


def split(
    case: Case, person_id: str, accounts: Sequence[str], reason: str, who: str | None = None
) -> Judgement:
    """Record that ``accounts`` of ``person_id`` belong to someone else."""
    _check_reason(reason)
    members = _members(case, person_id)
    off = set(accounts)
    if not off:
        raise JudgementError("name the accounts to split off")
    if not off <= set(members):
        missing = ", ".join(sorted(off - set(members)))
        raise JudgementError(f"not accounts of {person_id}: {missing}")
    rest = tuple(a for a in members if a not in off)
    if not rest:
        raise JudgementError("a split must leave at least one account in the person")
    j = new_judgement(
        case.case_id, "split", who or actor(), reason.strip(),
        accounts=tuple(off), remaining=rest, person_id=person_id,
    )  # fmt: skip
    _record(case, j, person_id)
    return j


def _record(case: Case, j: Judgement, target: str) -> None:
    with store(case) as s:
        s.add(j)
    with case.audit() as audit:
        audit.record(
            j.actor, f"resolve.{j.kind}", target, judgement_id=j.judgement_id,
            reason=j.reason, accounts=list(j.accounts), remaining=list(j.remaining),
        )  # fmt: skip


def _check_reason(reason: str) -> None:
    if not reason.strip():
        raise JudgementError("a judgement needs a reason (--reason)")


def _check_accounts(case: Case, accounts: Sequence[str]) -> None:
    with case.engine(read_only=True) as eng:
        rows = eng.fetchall(
            "SELECT account_id FROM accounts WHERE account_id IN (SELECT unnest(?))",
            [list(accounts)],
        )
    missing = sorted(set(accounts) - {str(r[0]) for r in rows})
    if missing:
        raise JudgementError(f"no such account in this case: {', '.join(missing)}")


def _members(case: Case, person_id: str) -> list[str]:
    with case.engine(read_only=True) as eng:
        rows = eng.fetchall(
            "SELECT account_id FROM person_accounts WHERE person_id = ? ORDER BY 1", [person_id]
        )
    if not rows:
        raise JudgementError(f"no person {person_id} in this case (run the resolve stage first)")
    return [str(r[0]) for r in rows]
