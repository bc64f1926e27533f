"""The result of an IP lookup (:class:`IpFact`) and how one is derived from raw data.

Pure functions: :func:`classify` turns a country, an AS number and/or AS name
and the dataset they came from into a fact, using the maintained table
``data/asn_kinds.csv`` (see :mod:`safeguard.enrich.ipkinds` for the rule on
unlisted ASes); :func:`special_fact` describes a private, CGNAT or reserved
address, or a string that is no address at all.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from safeguard.enrich.ipkinds import ANONYMISING, AsnTable, guess_kind
from safeguard.enrich.ipnet import ParsedIp

SPECIAL_DATASET = "IANA special-purpose ranges (Python ipaddress)"


@dataclass(frozen=True, slots=True)
class IpFact:
    """What one IP address implied at one time. Fields match the ``enrichments`` table.

    ``network_kind``: residential, mobile, hosting, vpn, tor, education,
    private, cgnat, reserved or unknown (garbage input is ``unknown`` with
    detail "not an IP address"). ``anonymiser`` is True for tor, vpn and
    hosting: such an address says little about where the person is.
    ``dataset``/``dataset_date``: the data that answered and its build date.
    """

    country: str | None
    asn: int | None
    operator: str | None
    operator_country: str | None
    network_kind: str
    anonymiser: bool
    dataset: str
    dataset_date: date | None
    detail: str


FACT_FIELDS = tuple(f.name for f in fields(IpFact))


def facts_to_columns(facts: list[IpFact]) -> dict[str, list[Any]]:
    """Column lists (e.g. for ``pyarrow.table``), in :data:`FACT_FIELDS` order."""
    return {name: [getattr(f, name) for f in facts] for name in FACT_FIELDS}


@dataclass(frozen=True)
class Provenance:
    """Which data answered: its name, its date, and a note (e.g. AS data from elsewhere)."""

    dataset: str
    day: date | None
    note: str = ""


def classify(
    table: AsnTable,
    country: str | None,
    asn: int | None,
    as_name: str | None,
    prov: Provenance,
    via: str = "",
) -> IpFact:
    """The fact for a public address; ``via`` prefixes the detail (e.g. 6to4 unwrapping).

    ``operator_country``: the table's value; else the IP's country for
    residential and mobile networks (national ISPs are seated where they
    serve); else None.
    """
    same = {"dataset": prov.dataset, "dataset_date": prov.day}
    row = table.find(asn, as_name)
    if row is not None:
        kind, operator, op_country = row.kind, row.operator or as_name, row.operator_country
        asn = asn if asn is not None else row.asn
        why = f"kind from asn_kinds.csv ({row.source})"
    elif country is None and as_name is None:
        detail = f"{via}not in {prov.dataset}{prov.note}"
        return _fact(asn=asn, network_kind="unknown", detail=detail, **same)
    else:
        kind, operator, op_country = guess_kind(as_name), as_name, None
        why = "AS not in asn_kinds.csv: kind guessed from its name"
    if op_country is None and kind in ("residential", "mobile"):
        op_country = country
        why += "; operator country = IP country"
    if as_name and operator != as_name:
        why += f"; AS name {as_name!r}"
    return IpFact(
        country=country,
        asn=asn,
        operator=operator,
        operator_country=op_country,
        network_kind=kind,
        anonymiser=kind in ANONYMISING,
        dataset=prov.dataset,
        dataset_date=prov.day,
        detail=f"{via}{why}{prov.note}",
    )


def special_fact(parsed: ParsedIp) -> IpFact:
    """The fact for a non-public address, or for text that is not an address."""
    same = {"dataset": SPECIAL_DATASET, "dataset_date": None}
    if parsed.value is None:
        return _fact(network_kind="unknown", detail="not an IP address", **same)
    kind = parsed.special or "reserved"
    return _fact(network_kind=kind, detail=f"{kind} range: {parsed.label}", **same)


def _fact(**values: Any) -> IpFact:
    """A fact with no location, operator or AS unless given."""
    base: dict[str, Any] = dict.fromkeys(("country", "asn", "operator", "operator_country"))
    return IpFact(**{**base, "anonymiser": False, **values})
