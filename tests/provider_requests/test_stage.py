"""Provider requests on the pipeline case: complete, traceable, grouped per country."""

from __future__ import annotations

import csv
import json

from safeguard.case import Case
from tests.support.synth_case import query as _q


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


def test_at_most_three_addresses_per_operator_plus_registration(pipeline_case: Case) -> None:
    worst = _q(
        pipeline_case,
        "SELECT max(n) FROM (SELECT count(DISTINCT value) AS n FROM provider_requests "
        "WHERE selector_type IN ('ipv4', 'ipv6') GROUP BY account_id, provider)",
    )
    assert worst[0][0] <= 4
    once = _q(
        pipeline_case,
        "SELECT count(*) FROM (SELECT account_id, value FROM provider_requests "
        "WHERE selector_type IN ('ipv4', 'ipv6') GROUP BY ALL HAVING count(*) > 2)",
    )
    assert once == [(0,)]  # an address is asked about at its latest use (and registration)


def test_registration_addresses_are_always_requested(pipeline_case: Case) -> None:
    missing = _q(
        pipeline_case,
        "SELECT count(*) FROM observations o JOIN enrichments e USING (observation_id) "
        "WHERE o.field = 'registration_ip' AND e.network_kind NOT IN "
        "('private', 'cgnat', 'reserved') AND o.seen_at IS NOT NULL "
        "AND o.observation_id NOT IN (SELECT observation_id FROM provider_requests)",
    )
    assert missing == [(0,)]


def test_acting_country_follows_the_persons_attribution(pipeline_case: Case) -> None:
    wrong = _q(
        pipeline_case,
        "SELECT count(*) FROM provider_requests r JOIN person_accounts pa USING (account_id) "
        "JOIN jurisdictions j ON j.person_id = pa.person_id WHERE r.person_id <> pa.person_id "
        "OR r.acting_country <> CASE WHEN j.status = 'attributed' THEN j.country ELSE 'XX' END",
    )
    assert wrong == [(0,)]
    assert _q(pipeline_case, "SELECT count(*) FROM provider_requests WHERE person_id IS NULL") == [
        (0,)
    ]


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
        assert {p["acting_country"] for p in doc} == {country}
        assert len({p["provider"] for p in doc}) == len(doc)
        assert sum(len(p["requests"]) for p in doc) == n


def test_csv_cells_cannot_run_as_formulas(pipeline_case: Case) -> None:
    for path in (pipeline_case.root / "exports" / "requests").glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                assert not any(cell[:1] in ("=", "+", "-", "@") for cell in row)
