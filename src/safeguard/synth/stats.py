"""Summary statistics of a generated forum, from its truth and outputs.

Printed by ``safeguard synth --stats``; docs/synthetic-data.md lists the target
value of each so a run can be compared with the design.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from safeguard.synth.geo import ANONYMOUS_MAIL
from safeguard.synth.selectors import KINDS

USABLE_PLANTED = KINDS  # every planted selector kind can lead to a person


def _share(part: float, whole: float) -> float:
    return round(part / whole, 4) if whole else 0.0


def _items(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(section, item) for each item of truth.json, read line by line: the truth
    writer puts ``meta`` and every array item on a line of its own, so a
    1.8-million-account truth is never held in memory as one document."""
    section = ""
    with path.open(encoding="utf-8") as f:
        for raw in f:
            line = raw.strip().rstrip(",")
            if line.startswith('"meta": '):
                yield "meta", json.loads(line[len('"meta": ') :])
            elif line.startswith('"') and line.endswith("["):
                section = line.split('"')[1]
            elif line.startswith("{") and section:
                yield section, json.loads(line)


def summary(out: Path) -> dict[str, object]:
    """Persons, accounts per person, countries, activity tail, usable selectors, sizes."""
    meta: dict[str, Any] = {}
    posts: list[int] = []
    plain_mail: set[int] = set()  # accounts registered with a non-anonymous provider
    with_sel: set[int] = set()
    per: Counter[int] = Counter()
    countries: Counter[str] = Counter()
    risk: Counter[str] = Counter()
    other = mails = 0
    for section, item in _items(out / "truth.json"):
        if section == "meta":
            meta = item
        elif section == "accounts":
            posts.append(item["posts"])
            if item["email"].split("@")[1] not in ANONYMOUS_MAIL:
                plain_mail.add(item["user_id"])
        elif section == "persons":
            per[len(item["accounts"])] += 1
            countries[item["country"]] += 1
            risk[item["risk_class"]] += 1
            other += bool(item["other_identities"])
        elif section == "selectors" and item["fact"] in USABLE_PLANTED:
            with_sel.add(item["user_id"])
        elif section == "mail":
            mails += 1
    persons, n = sum(per.values()), len(posts)
    posts.sort(reverse=True)
    total = sum(posts) or 1
    return {
        "persons": persons,
        "accounts": n,
        "accounts_per_person": {str(k): per[k] for k in sorted(per)},
        "persons_with_several_accounts": _share(sum(v for k, v in per.items() if k > 1), persons),
        "countries": len(countries),
        "top_countries": {c: _share(v, persons) for c, v in countries.most_common(10)},
        "posts": meta["posts"],
        "private_messages": meta["private_messages"],
        "posts_by_top_1pct": _share(sum(posts[: max(1, n // 100)]), total),
        "posts_by_top_10pct": _share(sum(posts[: max(1, n // 10)]), total),
        "lurkers": _share(sum(1 for p in posts if p == 0), n),
        "members_with_usable_selector": _share(len(plain_mail | with_sel), n),
        "members_with_planted_selector": _share(len(with_sel), n),
        "risk_classes": dict(sorted(risk.items())),
        "persons_in_other_investigation": other,
        "mail_messages": mails,
        "access_log_lines": meta["access_log_lines"],
    }
