"""Stage ``requests``: the requests police must send to operators and providers.

Built from observations, their enrichments and the attribution:

- **IP + exact UTC time** (+ source port where a log kept one) → the network
  operator of that address at that time. Per account and operator, the
  :data:`IP_ADDRESSES_PER_OPERATOR` most recently used addresses, each at its
  latest use (operators keep assignment logs for months: the latest uses are
  the ones most likely still answerable; three addresses guard against one
  unanswered request), plus the registration address. Every other use stays
  queryable in ``observations``. Private, CGNAT and reserved addresses are
  left out (no operator can answer for them; CGNAT needs the port);
- **e-mail address** → the mail provider (``enrichments.operator``) or, when
  unknown, the domain;
- **phone number** → the original carrier and the numbering plan's country;
- **messenger handle** → the service's operator (``data/messengers.csv``);
  Jabber IDs → their server.

``acting_country`` is the attributed country of the account's person (of the
account itself before identity resolution has run); contested and unknown go
to ``XX`` (the coordinating unit decides). Rows are also
written per acting country as CSV and JSON under ``CASE/exports/requests/``
(cells guarded against spreadsheet formulas), grouped by provider.
"""

from __future__ import annotations

import csv
import shutil
import time
from dataclasses import dataclass, field
from importlib import resources
from io import StringIO
from pathlib import Path

from safeguard.case import Case
from safeguard.engine.duckdb_engine import Engine

COLUMNS = (
    "request_id", "acting_country", "provider", "provider_country", "selector_type", "value",
    "seen_at", "source_port", "account_id", "person_id", "username", "observation_id",
    "evidence_id",
    "evidence_sha256", "source_table", "source_row",
)  # fmt: skip
IP_ADDRESSES_PER_OPERATOR = 3
_HANDLES = (
    "('skype', 'icq', 'telegram', 'kik', 'wickr', 'threema', 'signal', 'whatsapp', "
    "'discord', 'snapchat', 'session')"
)


@dataclass
class RequestsSummary:
    """What the stage wrote."""

    requests: int = 0
    by_country: dict[str, int] = field(default_factory=dict)
    folder: Path | None = None
    seconds: float = 0.0


def run(case: Case, progress: object = None) -> RequestsSummary:
    """Rebuild provider_requests and its per-country exports."""
    del progress
    t0 = time.perf_counter()
    folder = case.root / "exports" / "requests"
    summary = RequestsSummary(folder=folder)
    with case.engine() as eng:
        with eng.transaction():
            eng.execute("DELETE FROM provider_requests")
            _load_messengers(eng)
            for select in (_ips(), _emails(), _phones(), _handles()):
                eng.execute(f"INSERT INTO provider_requests ({', '.join(COLUMNS)}) {select}")
            eng.execute("DROP TABLE IF EXISTS _sg_messengers")
        rows = eng.fetchall(
            "SELECT acting_country, count(*) FROM provider_requests GROUP BY 1 ORDER BY 1"
        )
        summary.by_country = {str(c): int(n) for c, n in rows}
        summary.requests = sum(summary.by_country.values())
        _export(eng, folder)
    summary.seconds = time.perf_counter() - t0
    return summary


def _load_messengers(eng: Engine) -> None:
    text = resources.files("safeguard.provider_requests").joinpath("data/messengers.csv")
    rows = list(csv.DictReader(StringIO(text.read_text("utf-8"))))
    eng.execute("DROP TABLE IF EXISTS _sg_messengers")
    eng.execute(
        "CREATE TEMP TABLE _sg_messengers "
        "(selector_type VARCHAR, provider VARCHAR, country VARCHAR)"
    )
    for r in rows:
        eng.execute(
            "INSERT INTO _sg_messengers VALUES (?, ?, ?)",
            [r["selector_type"], r["provider"], r["provider_country"]],
        )


def _common(acting: str, provider: str, provider_country: str, port: str = "NULL") -> str:
    """SELECT list shared by every kind of request (o: observation, a: account, j: verdict)."""
    rid = (
        "'rq-' || substr(sha256(concat_ws('|', o.observation_id, "
        f"{provider}, coalesce(CAST(o.seen_at AS VARCHAR), ''))), 1, 16)"
    )
    return (
        f"SELECT {rid}, {acting}, {provider}, {provider_country}, o.selector_type, o.value, "
        f"o.seen_at, {port}, o.account_id, pa.person_id, a.username, o.observation_id, "
        "o.evidence_id, "
        "o.evidence_sha256, o.source_table, o.source_row"
    )


# the person's verdict once identity resolution has run, else the account's
_ACTING = (
    "CASE WHEN pj.status IS NOT NULL THEN (CASE WHEN pj.status = 'attributed' "
    "THEN pj.country ELSE 'XX' END) WHEN j.status = 'attributed' THEN j.country ELSE 'XX' END"
)
_JOINS = (
    "JOIN accounts a ON a.account_id = o.account_id "
    "LEFT JOIN account_jurisdictions j ON j.account_id = o.account_id "
    "LEFT JOIN person_accounts pa ON pa.account_id = o.account_id "
    "LEFT JOIN jurisdictions pj ON pj.person_id = pa.person_id"
)


def _ips() -> str:
    """Per account and operator, the latest use of each of its
    ``IP_ADDRESSES_PER_OPERATOR`` most recently used addresses; plus the
    registration address."""
    last_use = (
        "SELECT o.*, e.operator AS op, row_number() OVER (PARTITION BY o.account_id, o.value "
        "ORDER BY o.seen_at DESC, o.observation_id) AS nth_use "
        "FROM observations o JOIN enrichments e USING (observation_id) "
        "WHERE o.selector_type IN ('ipv4', 'ipv6') AND o.account_id IS NOT NULL "
        "AND o.seen_at IS NOT NULL AND e.network_kind NOT IN ('private', 'cgnat', 'reserved')"
    )
    ranked = (
        "SELECT *, row_number() OVER (PARTITION BY account_id, op, nth_use = 1 "
        f"ORDER BY seen_at DESC, observation_id) AS nth_ip FROM ({last_use})"
    )
    chosen = (
        f"SELECT * EXCLUDE (op, nth_use, nth_ip) FROM ({ranked}) WHERE (nth_use = 1 "
        f"AND nth_ip <= {IP_ADDRESSES_PER_OPERATOR}) OR field = 'registration_ip'"
    )
    provider = "coalesce(e.operator, 'AS' || CAST(e.asn AS VARCHAR), 'unknown operator')"
    return (
        _common(_ACTING, provider, "coalesce(e.operator_country, e.country)")
        + f" FROM ({chosen}) o JOIN enrichments e USING (observation_id) {_JOINS}"
    )


def _latest(kinds: str) -> str:
    """One observation per account and value: the latest."""
    return (
        "SELECT o.* FROM observations o WHERE o.selector_type IN " + kinds + " AND "
        "o.account_id IS NOT NULL QUALIFY row_number() OVER (PARTITION BY o.account_id, "
        "o.selector_type, o.value ORDER BY o.seen_at DESC NULLS LAST, o.observation_id) = 1"
    )


def _emails() -> str:
    provider = "coalesce(e.operator, split_part(o.value, '@', 2))"
    return (
        _common(_ACTING, provider, "e.operator_country")
        + " FROM ("
        + _latest("('email')")
        + ") o LEFT JOIN enrichments e USING (observation_id) "
        + _JOINS
    )


def _phones() -> str:
    provider = "coalesce(e.operator, 'carrier unknown')"
    return (
        _common(_ACTING, provider, "coalesce(e.operator_country, e.country)")
        + " FROM ("
        + _latest("('phone')")
        + ") o LEFT JOIN enrichments e USING (observation_id) "
        + _JOINS
    )


def _handles() -> str:
    provider = (
        "CASE WHEN o.selector_type = 'jabber' THEN 'XMPP server ' || split_part(o.value, '@', 2) "
        "ELSE m.provider END"
    )
    return (
        _common(_ACTING, provider, "m.country")
        + " FROM ("
        + _latest(_HANDLES[:-1] + ", 'jabber')")
        + ") o "
        "LEFT JOIN _sg_messengers m ON m.selector_type = o.selector_type " + _JOINS
    )


_TEXT_COLUMNS = ("provider", "value", "username", "source_table")


def _guarded(col: str) -> str:
    """SQL for a column with the spreadsheet-formula guard of safeguard.output."""
    if col not in _TEXT_COLUMNS:
        return col
    return (
        f"CASE WHEN left({col}, 1) IN ('=', '+', '-', '@', chr(9), chr(13), chr(0)) "
        f"THEN chr(39) || {col} ELSE {col} END AS {col}"
    )


def _path(p: Path) -> str:
    return "'" + str(p).replace("'", "''") + "'"


def _export(eng: Engine, folder: Path) -> None:
    """CSV and JSON per acting country, written by the engine, ordered by provider.
    CSV cells are guarded against spreadsheet formulas; the JSON file is an array of
    one object per provider holding its requests."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    order = "ORDER BY provider, selector_type, value, seen_at, request_id"
    csv_cols = ", ".join(_guarded(c) for c in COLUMNS)
    fields = ", ".join(f"{c} := {c}" for c in COLUMNS if c != "acting_country")
    for (country,) in eng.fetchall("SELECT DISTINCT acting_country FROM provider_requests"):
        cc = str(country).replace("'", "''")
        eng.execute(
            f"COPY (SELECT {csv_cols} FROM provider_requests WHERE acting_country = '{cc}' "
            f"{order}) TO {_path(folder / f'{country}.csv')} (HEADER, DELIMITER ',')"
        )
        eng.execute(
            "COPY (SELECT acting_country, provider, string_agg(DISTINCT provider_country, ',' "
            "ORDER BY provider_country) AS "
            f"provider_country, list(struct_pack({fields}) {order}) AS requests "
            f"FROM provider_requests WHERE acting_country = '{cc}' GROUP BY ALL "
            f"ORDER BY provider) TO {_path(folder / f'{country}.json')} "
            "(FORMAT JSON, ARRAY true)"
        )
