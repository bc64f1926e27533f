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


def test_floor_m_bounds_what_one_comparison_can_veto(tmp_path):
    """EM can drive a level's m to ~0 (a veto of dozens of bits): the floor raises it,
    leaves larger m and the fixed-m comparisons alone, and bounds the level's weight."""
    import math

    import pyarrow as pa
    from splink import DuckDBAPI, Linker

    from safeguard.resolve import features, model

    rows = [{"account_id": f"a{i}", "username_norm": f"name{i}"} for i in range(3)]
    table = pa.Table.from_pylist(rows, schema=features.SCHEMA)
    api = DuckDBAPI(":memory:")
    linker = Linker(api.register(table), model.settings(3, ResolveSettings(), {}), log_level=None)
    comps = {c.output_column_name: c for c in linker._settings_obj.comparisons}
    place_levels = [lv for lv in comps["place"].comparison_levels if not lv.is_null_level]
    different = place_levels[-1]
    different.m_probability = 6e-10  # what EM learnt on a 20,000-member case
    top_before = place_levels[0].m_probability
    email_else = [lv for lv in comps["email"].comparison_levels if not lv.is_null_level][-1]
    email_before = email_else.m_probability
    model.floor_m(linker, 0.005)
    assert different.m_probability == 0.005
    assert place_levels[0].m_probability == top_before  # above the floor: untouched
    assert email_else.m_probability == email_before  # fixed-m comparison: untouched
    assert math.log2(different.m_probability / 0.77) > -8  # no longer a -30-bit veto
