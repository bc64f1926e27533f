"""The enrich stage over the pipeline case: one enrichment per IP observation,
re-runs skip, and user reference data (a Tor exit list) redoes the stage."""

from __future__ import annotations

from pathlib import Path

import pytest

from safeguard.case import Case
from safeguard.enrich import stage
from tests.support.synth_case import copy_case
from tests.support.synth_case import query as _q


def test_every_ip_observation_has_one_enrichment(pipeline_case: Case) -> None:
    rows = _q(
        pipeline_case,
        "SELECT count(*), count(e.observation_id), count(DISTINCT e.observation_id) "
        "FROM observations o LEFT JOIN enrichments e USING (observation_id) "
        "WHERE o.selector_type IN ('ipv4', 'ipv6')",
    )
    total, enriched, distinct = rows[0]
    assert total == enriched == distinct
    assert total > 1000


def test_synthetic_home_ips_resolve_to_a_country_and_operator(pipeline_case: Case) -> None:
    rows = _q(
        pipeline_case,
        "SELECT count(*), count(*) FILTER (country IS NOT NULL AND operator IS NOT NULL "
        "AND dataset IS NOT NULL) FROM enrichments WHERE network_kind = 'residential'",
    )
    assert rows[0][0] > 0
    assert rows[0][1] == rows[0][0]
    anon = _q(
        pipeline_case,
        "SELECT DISTINCT network_kind FROM enrichments "
        "WHERE anonymiser AND selector_type IN ('ipv4', 'ipv6')",
    )
    assert {r[0] for r in anon} <= {"tor", "vpn", "hosting"}


def test_rerun_skips_every_item(pipeline_case: Case, tmp_path: Path) -> None:
    case = copy_case(pipeline_case, tmp_path / "c")
    again = stage.run(case)
    assert again.items == 0
    assert again.skipped == 4


def test_a_tor_exit_list_redoes_the_stage_and_flags_the_address(
    pipeline_case: Case, tmp_path: Path
) -> None:
    case = copy_case(pipeline_case, tmp_path / "c")
    ip, seen = _q(
        case,
        "SELECT o.value, o.seen_at FROM observations o JOIN enrichments e USING "
        "(observation_id) WHERE e.network_kind = 'residential' AND o.field = 'ip' "
        "AND o.seen_at IS NOT NULL ORDER BY o.observation_id LIMIT 1",
    )[0]
    tor = case.root / "reference" / "tor"
    tor.mkdir(parents=True)
    (tor / "exit-addresses").write_text(
        f"ExitNode {'A' * 40}\nPublished {seen:%Y-%m-%d %H:%M:%S}\n"
        f"LastStatus {seen:%Y-%m-%d %H:%M:%S}\nExitAddress {ip} {seen:%Y-%m-%d %H:%M:%S}\n"
    )
    redo = stage.run(case)
    assert redo.items == 4
    kinds = _q(
        case,
        f"SELECT DISTINCT e.network_kind FROM observations o JOIN enrichments e USING "
        f"(observation_id) WHERE o.value = '{ip}' AND o.seen_at = TIMESTAMP '{seen}'",
    )
    assert kinds == [("tor",)]


def test_mail_and_phone_observations_are_enriched(pipeline_case: Case) -> None:
    rows = dict(
        _q(
            pipeline_case,
            "SELECT o.selector_type, count(e.observation_id) * 1.0 / count(*) FROM observations o "
            "LEFT JOIN enrichments e USING (observation_id) "
            "WHERE o.selector_type IN ('email', 'phone') GROUP BY 1",
        )
    )
    assert rows["email"] > 0.99
    assert rows["phone"] > 0.9


def test_re_extraction_makes_enrichment_redo_the_item(
    pipeline_case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from safeguard.extract import stage as extract

    case = copy_case(pipeline_case, tmp_path / "c")
    monkeypatch.setattr(extract, "METHOD_VERSION", "extract-test")
    assert extract.run(case).items == 4
    assert stage.run(case).items == 4
    orphans = _q(
        case,
        "SELECT count(*) FROM observations o LEFT JOIN enrichments e USING (observation_id) "
        "WHERE o.selector_type IN ('ipv4', 'ipv6') AND e.observation_id IS NULL",
    )
    assert orphans == [(0,)]
