"""``truth.json``: the ground truth every later stage is scored against.

Streamed item by item so a large forum never needs the whole document in memory.
Keys: ``meta``, ``accounts`` (user_id → person, username, registration e-mail),
``persons`` (country, time zone, languages, risk class and the facts with the
records that show them, confounder, accounts, other-investigation identities),
``selectors`` (every planted selector: value, form plain/obfuscated/field,
table, record, user_id), ``mail`` (each message in mail.mbox with its sender).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

import numpy as np

from safeguard.synth import geo
from safeguard.synth.identity import reg_email
from safeguard.synth.people import CONFOUNDERS, RISK_BITS, People
from safeguard.synth.selectors import KINDS
from safeguard.synth.text import LANGS

RISK_FACTS = ("access", "meet", "files")


def risk_class(bits: int) -> str:
    """high: access to children plus intent to meet or leadership; medium: any of
    those alone; low: offers to host files only; none otherwise."""
    access, meet, files, lead = (
        bool(bits & RISK_BITS[k]) for k in ("access", "meet", "files", "leader")
    )
    if access and (meet or lead):
        return "high"
    if access or meet or lead:
        return "medium"
    return "low" if files else "none"


def _accounts(people: People, offset: int) -> Iterator[dict[str, object]]:
    for a in range(people.accounts):
        yield {
            "user_id": a + offset,
            "person": int(people.a_person[a]),
            "username": people.names[a],
            "email": reg_email(people, a),
            "posts": int(people.a_posts[a]),
            "role": ("member", "moderator", "administrator")[int(people.a_role[a])],
        }


def _persons(
    people: People,
    found: Iterable[dict[str, object]],
    other: dict[int, list[dict[str, object]]],
    offset: int,
) -> Iterator[dict[str, object]]:
    facts: dict[int, list[dict[str, object]]] = {}
    for s in found:
        if s["fact"] in RISK_FACTS:
            person = int(people.a_person[int(s["user_id"]) - offset])  # type: ignore[call-overload]
            facts.setdefault(person, []).append(
                {k: s[k] for k in ("fact", "table", "record", "user_id")}
            )
    order = np.argsort(people.a_person, kind="stable")
    starts = np.searchsorted(people.a_person[order], np.arange(people.persons + 1))
    cs = geo.countries()
    for p in range(people.persons):
        c = cs[int(people.p_country[p])]
        bits = int(people.p_risk[p])
        f = facts.get(p, [])
        if bits & RISK_BITS["leader"]:
            f = [
                *f,
                {"fact": "leader", "table": None, "record": None, "user_id": None},
            ]
        yield {
            "person": p,
            "country": c.code,
            "tz": c.tz,
            "utc_offset": c.utc_offset,
            "languages": sorted({LANGS[int(people.p_lang[p])], "en"}),
            "risk_class": risk_class(bits),
            "risk_facts": f,
            "confounder": CONFOUNDERS[int(people.p_conf[p])],
            "reveals": KINDS[int(people.p_reveal[p])] if people.p_reveal[p] >= 0 else None,
            "accounts": [int(a) + offset for a in order[starts[p] : starts[p + 1]]],
            "other_identities": other.get(p, []),
        }


def _array(f: TextIO, key: str, items: Iterable[object], last: bool = False) -> None:
    f.write(f' "{key}": [\n')
    first = True
    for item in items:
        f.write(
            ("" if first else ",\n") + "  " + json.dumps(item, ensure_ascii=False, sort_keys=True)
        )
        first = False
    f.write("\n ]" + ("\n" if last else ",\n"))


def write(
    path: Path,
    people: People,
    meta: dict[str, object],
    found: Iterable[dict[str, object]],
    other: dict[int, list[dict[str, object]]],
    mail: list[dict[str, object]],
    offset: int,
) -> None:
    """Write ``truth.json`` (a single JSON object, written as a stream)."""
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write("{\n" + f' "meta": {json.dumps(meta, sort_keys=True)},\n')
        _array(f, "accounts", _accounts(people, offset))
        _array(f, "persons", _persons(people, found, other, offset))
        _array(f, "selectors", found)
        _array(f, "mail", mail, last=True)
        f.write("}\n")
