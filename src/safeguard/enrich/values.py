"""Facts for e-mail/Jabber addresses and phone numbers, in ``enrichments`` columns.

E-mail: provider, its legal seat (``operator_country``: where a request
goes) and kind from ``data/email_providers.csv``; ``country`` (where the
person may live) is the country of a country-code domain (``.de``, ``.co.uk``)
or, for an ISP's own mail service under a generic domain (comcast.net), the
ISP's country; a global webmail under a generic domain (gmail.com) says
nothing and gets none. Disposable and privacy services are anonymisers.

Phone: numbering-plan country, original carrier and line type (libphonenumber).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import phonenumbers

from safeguard.enrich import email, phone

EMAIL_DATASET = "safeguard email_providers.csv"
PHONE_DATASET = f"libphonenumber (phonenumbers {phonenumbers.__version__})"
_ANONYMOUS_MAIL = frozenset({"disposable", "privacy_mail"})
_TLD_COUNTRY = {"uk": "GB"}
_REGIONS = frozenset(phonenumbers.SUPPORTED_REGIONS)


def tld_country(domain: str) -> str | None:
    """The country of a country-code top-level domain, or None."""
    tld = domain.rstrip(".").rsplit(".", 1)[-1].lower()
    code = _TLD_COUNTRY.get(tld, tld.upper())
    return code if len(tld) == 2 and code in _REGIONS else None


def email_facts(values: Sequence[str]) -> list[dict[str, Any] | None]:
    """One fact per address (None when the domain is unusable)."""
    out: list[dict[str, Any] | None] = []
    for value in values:
        p = email.lookup(value)
        if not p.domain:
            out.append(None)
            continue
        country = tld_country(p.domain)
        if country is None and p.kind == "isp_mail":
            country = p.legal_country
        detail = f"matched {p.matched}" if p.matched else "domain not in the provider table"
        out.append(
            {
                "country": country,
                "operator": p.provider,
                "operator_country": p.legal_country,
                "network_kind": p.kind,
                "anonymiser": p.kind in _ANONYMOUS_MAIL,
                "dataset": EMAIL_DATASET,
                "detail": f"{detail}; {p.notes}" if p.notes else detail,
            }
        )
    return out


def phone_facts(values: Sequence[str]) -> list[dict[str, Any] | None]:
    """One fact per E.164 number (None when it does not parse)."""
    out: list[dict[str, Any] | None] = []
    for value in values:
        info = phone.phone_info(value)
        if info is None:
            out.append(None)
            continue
        out.append(
            {
                "country": info.country,
                "operator": info.carrier or None,
                "operator_country": info.country,
                "network_kind": info.line_type,
                "anonymiser": False,
                "dataset": PHONE_DATASET,
                "detail": info.detail,
            }
        )
    return out
