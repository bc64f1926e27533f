"""Why a person is what it is: its accounts, its links and each comparison's weight.

:func:`explain` returns plain text for a terminal or a report. Every value
that came from evidence (usernames, addresses, rules naming a selector) is
passed through :func:`safeguard.output.terminal_safe`: forum content is
hostile and must not drive the terminal.
"""

from __future__ import annotations

import json
from typing import Any

from safeguard.case import Case
from safeguard.output import terminal_safe
from safeguard.resolve.judgements import JudgementError

_ACCOUNTS = """
    SELECT pa.account_id, a.platform, a.username, a.email, a.evidence_id, a.registered_at,
           pa.joined_by, pa.best_link_probability
    FROM person_accounts pa JOIN accounts a USING (account_id)
    WHERE pa.person_id = ? ORDER BY pa.account_id"""
_LINKS = """
    SELECT link_id, account_id_l, account_id_r, source, rule, match_weight, match_probability,
           contributions, decision, judgement_id
    FROM person_links
    WHERE account_id_l IN (SELECT account_id FROM person_accounts WHERE person_id = ?)
       OR account_id_r IN (SELECT account_id FROM person_accounts WHERE person_id = ?)
    ORDER BY decision <> 'confirmed', decision <> 'merged', match_probability DESC NULLS LAST,
             link_id"""


def _current_id(case: Case, person_id: str) -> tuple[str, str | None]:
    """(id to show, note) following retired ids to the person that holds the accounts now."""
    with case.engine(read_only=True) as eng:
        seen = [person_id]
        while True:
            row = eng.fetchall(
                "SELECT retired_run, successor_person_id FROM person_ids WHERE person_id = ?",
                [seen[-1]],
            )
            if not row:
                raise JudgementError(f"no person {person_id} in this case")
            if row[0][0] is None or row[0][1] is None or row[0][1] in seen:
                break
            seen.append(str(row[0][1]))
    note = f"{person_id} was merged into {seen[-1]}" if len(seen) > 1 else None
    return seen[-1], note


def explain(case: Case, person_id: str) -> str:
    """A readable explanation of one person (a retired id is followed to its successor)."""
    pid, note = _current_id(case, person_id)
    with case.engine(read_only=True) as eng:
        accounts = eng.fetchall(_ACCOUNTS, [pid])
        links = eng.fetchall(_LINKS, [pid, pid])
        history = eng.fetchall(
            "SELECT run_id, change, old_person_id, new_person_id, reason FROM person_id_changes "
            "WHERE old_person_id = ? OR new_person_id = ? ORDER BY changed_at, run_id",
            [pid, pid],
        )
    if not accounts:
        return f"person {pid}: retired, no accounts" + (f" ({note})" if note else "")
    lines = [f"person {pid}: {len(accounts)} account(s)"]
    if note:
        lines.append(f"  note: {note}")
    lines += ["", "accounts:"] + [_account_line(r) for r in accounts]
    lines += ["", f"links ({len(links)}):"]
    for r in links:
        lines += _link_lines(r)
    if history:
        lines += ["", "id history:"] + [f"  {r[0]}  {r[1]}: {r[4]}" for r in history]
    return "\n".join(lines) + "\n"


def _account_line(r: tuple[Any, ...]) -> str:
    acc, platform, user, email, ev, reg, joined, best = r
    prob = "" if best is None else f", best link p={best:.4f}"
    return (
        f"  {acc}  [{terminal_safe(platform)}] {terminal_safe(user)} <{terminal_safe(email)}>"
        f"  evidence {ev}, registered {reg}; joined by {joined}{prob}"
    )


def _link_lines(r: tuple[Any, ...]) -> list[str]:
    link_id, left, right, source, rule, weight, prob, contrib, decision, jid = r
    head = f"  {left} — {right}: {decision} ({source}"
    head += f", {terminal_safe(rule)}" if rule else ""
    head += f", weight {weight:+.2f} bits" if weight is not None else ""
    head += f", p={prob:.4f}" if prob is not None else ""
    head += f", judgement {jid}" if jid else ""
    out = [head + f")  [{link_id}]"]
    for part in json.loads(contrib) if contrib else []:
        if part["weight"] == 0 and part["comparison"] != "prior":
            continue  # a comparison with no data on one side says nothing
        level = f": {part['level']}" if part["level"] else ""
        out.append(f"      {part['weight']:+8.2f}  {part['comparison']}{level}")
    return out
