"""E-mail domain → the provider a request goes to (``data/email_providers.csv``).

The table is data, not code: analysts add rows for their case (a local ISP, a
company's domain) without touching Python. A row covers its domain and every
subdomain of it (``mx1.gmx.de`` → GMX); a row whose domain starts with ``.`` is a
suffix rule (``.edu`` covers every US university). The most specific row wins.
XMPP (Jabber) servers are in the table too, as kind ``messenger``: a Jabber ID
looks like an address and the request goes to the server's operator.

Input is hostile (a value extracted from evidence): anything that is not a
plausible domain or address — too long, control characters, no dot — yields the
``unknown`` answer, never an exception.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "email_providers.csv"
KINDS = ("webmail", "isp_mail", "privacy_mail", "disposable", "corporate", "education", "messenger")
# Kinds that say little about where a person is: the service hides or discards them.
ANONYMISING = frozenset({"privacy_mail", "disposable"})
_MAX_DOMAIN = 253  # RFC 1035 limit; longer input cannot be a mail domain
_ALLOWED = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-.")


@dataclass(frozen=True)
class MailProvider:
    """What a mail domain implies. ``provider`` is None when the domain is unknown."""

    domain: str  # the domain looked up (lower case, IDNA), "" if unusable
    matched: str | None  # the table row that matched (itself, a parent, or ".suffix")
    provider: str | None
    legal_country: str | None  # ISO 3166-1 alpha-2 of the operator's seat, None if unknown
    kind: str  # one of KINDS, or "unknown"
    notes: str = ""

    @property
    def anonymiser(self) -> bool:
        """True for privacy and disposable services (down-weight, never trust alone)."""
        return self.kind in ANONYMISING


@cache
def providers(path: Path = DATA) -> dict[str, tuple[str, str | None, str, str]]:
    """The table: domain (or ``.suffix``) → (provider, legal_country, kind, notes).

    Lines starting with ``#`` are comments. Raises ValueError on a malformed row
    (the file ships with the code; a broken edit must fail loudly, not silently).
    """
    text = path.read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    out: dict[str, tuple[str, str | None, str, str]] = {}
    for row in csv.DictReader(io.StringIO("\n".join(rows))):
        domain, kind = row["domain"].strip().lower(), row["kind"].strip()
        country = row["legal_country"].strip().upper() or None
        if kind not in KINDS or (country is not None and len(country) != 2):
            raise ValueError(f"{path.name}: bad row for {domain!r}")
        if domain in out:
            raise ValueError(f"{path.name}: duplicate domain {domain!r}")
        out[domain] = (row["provider"].strip(), country, kind, (row["notes"] or "").strip())
    return out


def mail_domain(value: str) -> str | None:
    """The lower-case ASCII (IDNA) domain of an address or domain, None if implausible."""
    if len(value) > _MAX_DOMAIN + 70:  # local part ≤ 64 plus '@' and slack
        return None
    domain = value.rpartition("@")[2].strip().rstrip(".").lower()
    if not domain.isascii():
        try:
            domain = domain.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    if not domain or len(domain) > _MAX_DOMAIN or "." not in domain or ".." in domain:
        return None
    if not set(domain) <= _ALLOWED or domain.startswith((".", "-")):
        return None
    return domain


def lookup(value: str) -> MailProvider:
    """Provider of an e-mail address or bare domain (case-insensitive, subdomains covered).

    Unknown or unusable input gives ``provider=None, kind="unknown"``.
    """
    domain = mail_domain(value)
    if domain is None:
        return MailProvider("", None, None, None, "unknown")
    return _lookup_domain(domain)


@lru_cache(maxsize=65536)  # the same few hundred domains recur across a forum
def _lookup_domain(domain: str) -> MailProvider:
    table = providers()
    labels = domain.split(".")
    for i in range(len(labels) - 1):  # gmx.de before de: most specific first
        candidate = ".".join(labels[i:])
        for key in (candidate, "." + candidate) if i else (candidate,):
            if key in table:
                provider, country, kind, notes = table[key]
                return MailProvider(domain, key, provider, country, kind, notes)
    last = "." + labels[-1]  # single-label suffix rules such as ".edu"
    if last in table:
        provider, country, kind, notes = table[last]
        return MailProvider(domain, last, provider, country, kind, notes)
    return MailProvider(domain, None, None, None, "unknown")
