"""Training: m of the name comparison is learnt from hard links, fixed m stays put."""

from __future__ import annotations

import itertools
import json
import string

import pytest

from safeguard.resolve import comparisons, stage
from safeguard.resolve.config import ResolveSettings
from tests.resolve.helpers import account, insert, new_case


def _level(model, comparison, label):
    comp = next(c for c in model["comparisons"] if c["output_column_name"] == comparison)
    return next(lv for lv in comp["comparison_levels"] if lv.get("label_for_charts") == label)


def test_name_m_is_learnt_from_hard_links(tmp_path):
    case = new_case(tmp_path)
    stems = [
        "".join(t) for t in itertools.islice(itertools.permutations(string.ascii_lowercase, 5), 60)
    ]
    accs = []
    for i, s in enumerate(stems[:30]):  # 30 men with two accounts and one address each
        accs += [account(f"p{i:02d}a", f"{s}_x", f"{s}.x{i}@web.de"),
                 account(f"p{i:02d}b", f"{s.title()}_X77", f"{s}.x{i}@web.de")]  # fmt: skip
    accs += [account(f"s{i:02d}", f"{s}_x", f"{s}.x@gmx.de") for i, s in enumerate(stems[30:])]
    insert(case, "accounts", accs)
    cfg = ResolveSettings(u_max_pairs=2e4, train_m="em")
    stage.run(case, cfg=cfg)
    with case.engine(read_only=True) as eng:
        model = eng.fetchall("SELECT model FROM resolve_runs")[0][0]
        links = eng.fetchall(
            "SELECT match_weight, contributions FROM person_links WHERE contributions IS NOT NULL"
        )
    assert len(links) >= 30
    for weight, parts in links:  # the waterfall, prior included, adds up to the weight
        assert sum(p["weight"] for p in json.loads(parts)) == pytest.approx(weight, abs=1e-3)
    model = model if isinstance(model, dict) else json.loads(model)
    top = _level(model, "name", "same username as written and address letters")
    assert top["m_probability"] > 0.9  # every hard-linked pair is at the top level (prior 0.35)
    for name in comparisons.FIXED_M:  # the labels share these values: never trained on them
        different = _level(model, name, "different")
        assert 0.5 < different["m_probability"] < 1.0, name
