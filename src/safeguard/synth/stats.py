"""Summary statistics of a generated forum, from its truth and outputs.

Printed by ``safeguard synth --stats``; docs/synthetic-data.md lists the target
value of each so a run can be compared with the design.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from safeguard.synth.geo import ANONYMOUS_MAIL
from safeguard.synth.selectors import KINDS

USABLE_PLANTED = KINDS  # every planted selector kind can lead to a person


def _share(part: float, whole: float) -> float:
    return round(part / whole, 4) if whole else 0.0


def summary(out: Path) -> dict[str, object]:
    """Persons, accounts per person, countries, activity tail, usable selectors, sizes."""
    truth = json.loads((out / "truth.json").read_text("utf-8"))
    accounts, persons = truth["accounts"], truth["persons"]
    per = Counter(len(p["accounts"]) for p in persons)
    countries = Counter(p["country"] for p in persons)
    posts = sorted((a["posts"] for a in accounts), reverse=True)
    total = sum(posts) or 1
    n = len(accounts)
    with_sel = {s["user_id"] for s in truth["selectors"] if s["fact"] in USABLE_PLANTED}
    usable = sum(
        1
        for a in accounts
        if a["user_id"] in with_sel or a["email"].split("@")[1] not in ANONYMOUS_MAIL
    )
    return {
        "persons": len(persons),
        "accounts": n,
        "accounts_per_person": {str(k): per[k] for k in sorted(per)},
        "persons_with_several_accounts": _share(
            sum(v for k, v in per.items() if k > 1), len(persons)
        ),
        "countries": len(countries),
        "top_countries": {c: _share(v, len(persons)) for c, v in countries.most_common(10)},
        "posts": truth["meta"]["posts"],
        "private_messages": truth["meta"]["private_messages"],
        "posts_by_top_1pct": _share(sum(posts[: max(1, n // 100)]), total),
        "posts_by_top_10pct": _share(sum(posts[: max(1, n // 10)]), total),
        "lurkers": _share(sum(1 for p in posts if p == 0), n),
        "members_with_usable_selector": _share(usable, n),
        "members_with_planted_selector": _share(len(with_sel), n),
        "risk_classes": dict(sorted(Counter(p["risk_class"] for p in persons).items())),
        "persons_in_other_investigation": sum(1 for p in persons if p["other_identities"]),
        "mail_messages": len(truth["mail"]),
        "access_log_lines": truth["meta"]["access_log_lines"],
    }
