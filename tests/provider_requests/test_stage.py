"""Provider requests on the pipeline case: complete, traceable, grouped per country."""

from __future__ import annotations

import csv
import json

from safeguard.case import Case


def _q(case: Case, sql: str) -> list[tuple[object, ...]]:
    with case.engine(read_only=True) as eng:
        return eng.fetchall(sql)


def test_ip_requests_carry_time_operator_and_evidence(pipeline_case: Case) -> None:
    rows = _q(
        pipeline_case,
        "SELECT count(*), count(*) FILTER (r.seen_at = o.seen_at AND r.value = o.value "
        "AND r.evidence_sha256 = o.evidence_sha256 AND r.source_row = o.source_row "
        "AND r.provider IS NOT NULL AND r.account_id = o.account_id) "
        "FROM provider_requests r JOIN observations o USING (observation_id) "
        "WHERE r.selector_type IN ('ipv4', 'ipv6')",
    )
    assert rows[0][0] > 300
    assert rows[0][1] == rows[0][0]


def test_at_most_three_latest_uses_plus_the_first_per_account_and_ip(pipeline_case: Case) -> None:
    worst = _q(
        pipeline_case,
        "SELECT max(n) FROM (SELECT count(*) AS n FROM provider_requests "
        "WHERE selector_type IN ('ipv4', 'ipv6') GROUP BY account_id, value)",
    )
    assert worst[0][0] <= 4


def test_acting_country_follows_the_attribution(pipeline_case: Case) -> None:
    wrong = _q(
        pipeline_case,
        "SELECT count(*) FROM provider_requests r JOIN account_jurisdictions j USING (account_id) "
        "WHERE r.acting_country <> CASE WHEN j.status = 'attributed' THEN j.country ELSE 'XX' END",
    )
    assert wrong == [(0,)]


def test_handles_and_addresses_name_their_provider(pipeline_case: Case) -> None:
    rows = dict(
        _q(
            pipeline_case,
            "SELECT selector_type, count(*) FILTER (provider IS NULL) FROM provider_requests "
            "GROUP BY 1",
        )
    )
    assert "email" in rows
    assert all(n == 0 for n in rows.values())


def test_exports_per_country_match_the_table(pipeline_case: Case) -> None:
    folder = pipeline_case.root / "exports" / "requests"
    per_country = dict(
        _q(pipeline_case, "SELECT acting_country, count(*) FROM provider_requests GROUP BY 1")
    )
    assert {p.stem for p in folder.glob("*.csv")} == set(per_country)
    for country, n in per_country.items():
        with (folder / f"{country}.csv").open(encoding="utf-8", newline="") as fh:
            assert len(list(csv.DictReader(fh))) == n
        doc = json.loads((folder / f"{country}.json").read_text("utf-8"))
        assert doc["acting_country"] == country
        assert sum(len(v) for v in doc["providers"].values()) == n


def test_csv_cells_cannot_run_as_formulas(pipeline_case: Case) -> None:
    for path in (pipeline_case.root / "exports" / "requests").glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                assert not any(cell[:1] in ("=", "+", "-", "@") for cell in row)
