"""Stage ``requests``: the requests police must send to operators and providers.

Built from observations, their enrichments and the attribution:

- **IP + exact UTC time** (+ source port where a log kept one) → the network
  operator of that address at that time. Per account and address, the
  ``ip_uses_per_account`` most recent uses (a provider keeps assignment logs
  for months only: the latest uses are the ones most likely still answerable)
  plus the first (registration) use. Private, CGNAT and reserved addresses
  are left out (no operator can answer for them; CGNAT needs the port);
- **e-mail address** → the mail provider (``enrichments.operator``) or, when
  unknown, the domain;
- **phone number** → the original carrier and the numbering plan's country;
- **messenger handle** → the service's operator (``data/messengers.csv``);
  Jabber IDs → their server.

``acting_country`` is the account's attributed country; contested and
unknown accounts go to ``XX`` (the coordinating unit decides). Rows are also
written per acting country as CSV and JSON under ``CASE/exports/requests/``
(cells guarded against spreadsheet formulas), grouped by provider.
"""

from __future__ import annotations

import csv
import json
import shutil
import time
from dataclasses import dataclass, field
from importlib import resources
from io import StringIO
from pathlib import Path

from safeguard import output
from safeguard.case import Case
from safeguard.engine.duckdb_engine import Engine

COLUMNS = (
    "request_id", "acting_country", "provider", "provider_country", "selector_type", "value",
    "seen_at", "source_port", "account_id", "username", "observation_id", "evidence_id",
    "evidence_sha256", "source_table", "source_row",
)  # fmt: skip
IP_USES_PER_ACCOUNT = 3
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
        f"o.seen_at, {port}, o.account_id, a.username, o.observation_id, o.evidence_id, "
        "o.evidence_sha256, o.source_table, o.source_row"
    )


_ACTING = "CASE WHEN j.status = 'attributed' THEN j.country ELSE 'XX' END"
_JOINS = (
    "JOIN accounts a ON a.account_id = o.account_id "
    "LEFT JOIN account_jurisdictions j ON j.account_id = o.account_id"
)


def _ips() -> str:
    ranked = (
        "SELECT o.*, row_number() OVER (PARTITION BY o.account_id, o.value "
        "ORDER BY o.seen_at DESC NULLS LAST, o.observation_id) AS latest, "
        "row_number() OVER (PARTITION BY o.account_id, o.value "
        "ORDER BY o.seen_at NULLS LAST, o.observation_id) AS earliest "
        "FROM observations o WHERE o.selector_type IN ('ipv4', 'ipv6') AND o.account_id IS NOT NULL"
    )
    provider = "coalesce(e.operator, 'AS' || CAST(e.asn AS VARCHAR), 'unknown operator')"
    return (
        _common(_ACTING, provider, "coalesce(e.operator_country, e.country)")
        + f" FROM ({ranked}) o JOIN enrichments e USING (observation_id) {_JOINS} "
        f"WHERE (o.latest <= {IP_USES_PER_ACCOUNT} OR o.earliest = 1) "
        "AND e.network_kind NOT IN ('private', 'cgnat', 'reserved') AND o.seen_at IS NOT NULL"
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


def _export(eng: Engine, folder: Path) -> None:
    """CSV and JSON per acting country, rows grouped by provider."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    cols = ", ".join(COLUMNS)
    for (country,) in eng.fetchall("SELECT DISTINCT acting_country FROM provider_requests"):
        rows = eng.fetchall(
            f"SELECT {cols} FROM provider_requests WHERE acting_country = ? "
            "ORDER BY provider, selector_type, value, seen_at, request_id",
            [country],
        )
        with (folder / f"{country}.csv").open("w", encoding="utf-8", newline="") as fh:
            output.write_csv(fh, COLUMNS, rows)
        groups: dict[str, list[dict[str, object]]] = {}
        for r in rows:
            groups.setdefault(str(r[2]), []).append(dict(zip(COLUMNS, r, strict=True)))
        doc = {"acting_country": country, "providers": groups}
        (folder / f"{country}.json").write_text(
            json.dumps(doc, default=str, ensure_ascii=False, indent=1), "utf-8"
        )
