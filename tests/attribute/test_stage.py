"""The attribute stage on the pipeline case, scored against synthetic truth."""

from __future__ import annotations

import json
from pathlib import Path

from safeguard.attribute import stage
from safeguard.case import Case
from tests.support.synth_case import copy_case
from tests.support.synth_case import query as _q


def _truth(case: Case) -> tuple[dict[str, str], dict[str, str]]:
    truth = json.loads((case.root.parent / "forum" / "truth.json").read_text("utf-8"))
    persons = {p["person"]: p for p in truth["persons"]}
    country = {str(a["user_id"]): persons[a["person"]]["country"] for a in truth["accounts"]}
    country.update({m["from"].lower(): persons[m["person"]]["country"] for m in truth["mail"]})
    confounder = {str(a["user_id"]): persons[a["person"]]["confounder"] for a in truth["accounts"]}
    return country, confounder


def test_every_account_has_exactly_one_verdict(pipeline_case: Case) -> None:
    rows = _q(
        pipeline_case,
        "SELECT (SELECT count(*) FROM accounts), count(*), count(DISTINCT account_id) "
        "FROM account_jurisdictions",
    )
    assert rows[0][0] == rows[0][1] == rows[0][2]
    statuses = {
        r[0] for r in _q(pipeline_case, "SELECT DISTINCT status FROM account_jurisdictions")
    }
    assert statuses <= {"attributed", "contested", "unknown"}
    nulls = _q(
        pipeline_case,
        "SELECT count(*) FROM account_jurisdictions "
        "WHERE (status = 'unknown') <> (country IS NULL)",
    )
    assert nulls == [(0,)]


def test_attributed_accounts_get_the_true_country(pipeline_case: Case) -> None:
    country, _ = _truth(pipeline_case)
    rows = _q(
        pipeline_case,
        "SELECT a.source_user_id, j.country FROM account_jurisdictions j JOIN accounts a "
        "USING (account_id) WHERE j.status = 'attributed'",
    )
    scored = [(country[u], c) for u, c in rows if u in country]
    right = sum(t == c for t, c in scored)
    assert len(scored) > 250
    assert right / len(scored) >= 0.97


def test_vpn_and_tor_members_are_never_attributed_wrongly_on_anonymisers_alone(
    pipeline_case: Case,
) -> None:
    rows = _q(
        pipeline_case,
        "SELECT a.source_user_id, j.country, j.status FROM account_jurisdictions j "
        "JOIN accounts a USING (account_id) WHERE NOT EXISTS (SELECT 1 FROM "
        "attribution_evidence e WHERE e.account_id = j.account_id AND e.signal <> 'ip_anonymiser')",
    )
    assert rows, "the synthetic forum has members seen only through anonymisers"
    assert all(st == "unknown" for _, _, st in rows)


def test_evidence_points_to_real_observations(pipeline_case: Case) -> None:
    dangling = _q(
        pipeline_case,
        "SELECT count(*) FROM (SELECT unnest(observation_ids) AS oid FROM attribution_evidence) "
        "WHERE oid NOT IN (SELECT observation_id FROM observations)",
    )
    assert dangling == [(0,)]
    weights = _q(
        pipeline_case, "SELECT max(weight) FROM attribution_evidence WHERE signal = 'ip_anonymiser'"
    )
    assert weights[0][0] in (None, 0.0)


TABLES = ("attribution_evidence", "account_jurisdictions", "jurisdictions")


def test_rerun_gives_identical_tables(pipeline_case: Case, tmp_path: Path) -> None:
    case = copy_case(pipeline_case, tmp_path / "c")
    with case.engine(read_only=True) as eng:
        before = [eng.table_digest(t) for t in TABLES]
    stage.run(case)
    with case.engine(read_only=True) as eng:
        after = [eng.table_digest(t) for t in TABLES]
    assert after == before
