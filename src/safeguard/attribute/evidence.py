"""Evidence items for attribution, gathered in SQL from enrichments and signals.

Every item is (entity, country, signal, strength input, observation ids,
detail). The entity is an account, or a person when identity resolution has
run (``person_accounts`` maps accounts to persons). IPs are grouped per
operator and country, so a thousand posts from one home line are one item
whose weight grows with the number of distinct addresses, not of posts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from safeguard.engine.duckdb_engine import Engine

SAMPLE = 20  # observation ids kept per item (the detail says how many there were)


@dataclass(frozen=True, slots=True)
class Item:
    entity: str
    country: str
    signal: str
    count: int  # distinct values behind the item (IPs, phones …); candidates for split signals
    observation_ids: list[str]
    detail: str


def _entity(level: str) -> tuple[str, str]:
    """(SQL expression for the entity, extra join) for accounts or persons."""
    if level == "person":
        return "pa.person_id", "JOIN person_accounts pa ON pa.account_id = o.account_id"
    return "o.account_id", ""


def gather(eng: Engine, level: str = "account") -> list[Item]:
    """All evidence items, ordered by entity."""
    ent, join = _entity(level)
    items: list[Item] = []
    for sql in (_ips(ent, join), _phones(ent, join), _emails(ent, join)):
        items += [_item(r) for r in eng.fetchall(sql)]
    named: dict[str, set[str]] = {}
    for it in items:
        named.setdefault(it.entity, set()).add(it.country)
    items += _signals(eng, level, named)
    items.sort(key=lambda i: (i.entity, i.country, i.signal))
    return items


def _item(r: tuple[Any, ...]) -> Item:
    entity, country, signal, count, obs, detail = r
    return Item(str(entity), str(country), str(signal), int(count), list(obs or []), str(detail))


_IP_SIGNAL = (
    "CASE WHEN e.anonymiser THEN 'ip_anonymiser' WHEN e.network_kind = 'mobile' THEN 'ip_mobile' "
    "WHEN e.network_kind = 'education' THEN 'ip_education' ELSE 'ip_residential' END"
)


def _ips(ent: str, join: str) -> str:
    return (
        f"SELECT {ent}, e.country, {_IP_SIGNAL} AS signal, count(DISTINCT o.value), "
        "list_slice(list(o.observation_id ORDER BY o.seen_at DESC NULLS LAST, "
        f"o.observation_id), 1, {SAMPLE}), "
        "printf('%d %s IP(s) of %s, %d uses, %s to %s', count(DISTINCT o.value), "
        "string_agg(DISTINCT e.network_kind, '/' ORDER BY e.network_kind), "
        "coalesce(e.operator, 'unknown operator'), count(*), "
        "coalesce(strftime(min(o.seen_at), '%Y-%m-%d'), '?'), "
        "coalesce(strftime(max(o.seen_at), '%Y-%m-%d'), '?')) "
        f"FROM observations o JOIN enrichments e USING (observation_id) {join} "
        "WHERE o.selector_type IN ('ipv4', 'ipv6') AND e.country IS NOT NULL "
        "AND e.network_kind NOT IN ('private', 'cgnat', 'reserved', 'unknown') "
        f"AND {ent} IS NOT NULL GROUP BY {ent}, e.country, signal, e.operator"
    )


def _phones(ent: str, join: str) -> str:
    return (
        f"SELECT {ent}, e.country, 'phone', count(DISTINCT o.value), "
        f"list_slice(list(o.observation_id ORDER BY o.observation_id), 1, {SAMPLE}), "
        "'phone number(s) ' || string_agg(DISTINCT o.value, ', ' ORDER BY o.value) "
        f"FROM observations o JOIN enrichments e USING (observation_id) {join} "
        "WHERE o.selector_type IN ('phone', 'whatsapp') AND e.country IS NOT NULL "
        f"AND {ent} IS NOT NULL GROUP BY ALL"
    )


_EMAIL_SIGNAL = (
    "CASE WHEN e.network_kind = 'isp_mail' THEN 'email_isp' "
    "WHEN e.network_kind = 'webmail' THEN 'email_national' ELSE 'email_cctld' END"
)


def _emails(ent: str, join: str) -> str:
    return (
        f"SELECT {ent}, e.country, {_EMAIL_SIGNAL} AS signal, count(DISTINCT o.value), "
        f"list_slice(list(o.observation_id ORDER BY o.observation_id), 1, {SAMPLE}), "
        "'address(es) at ' || string_agg(DISTINCT split_part(o.value, '@', 2), ', ' "
        "ORDER BY split_part(o.value, '@', 2)) "
        f"FROM observations o JOIN enrichments e USING (observation_id) {join} "
        "WHERE o.selector_type = 'email' AND e.country IS NOT NULL "
        "AND coalesce(e.network_kind, '') NOT IN ('disposable', 'privacy_mail') "
        f"AND {ent} IS NOT NULL GROUP BY {ent}, e.country, signal"
    )


def _signals(eng: Engine, level: str, named: dict[str, set[str]]) -> list[Item]:
    """Account signals as items. A signal that fits many countries (a language, a UTC
    offset) only re-weighs countries other evidence already names for the entity;
    an entity with no other evidence keeps all its candidates (it stays unknown,
    but the analyst sees them)."""
    ent = "pa.person_id" if level == "person" else "s.account_id"
    join = "JOIN person_accounts pa ON pa.account_id = s.account_id" if level == "person" else ""
    rows = eng.fetchall(
        f"SELECT {ent}, s.signal, s.value, s.country, s.candidates, s.detail "
        f"FROM account_signals s {join} WHERE {ent} IS NOT NULL"
    )
    items: list[Item] = []
    for entity, signal, value, country, candidates, detail in rows:
        targets = [country] if country else list(candidates or [])
        known = named.get(str(entity))
        kept = [c for c in dict.fromkeys(targets) if not known or c in known]
        text = f"{signal} {value}: {detail}" if detail else f"{signal} {value}"
        items += [Item(str(entity), str(c), str(signal), len(targets), [], text) for c in kept]
    return items
