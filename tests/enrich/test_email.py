"""E-mail domain → provider table and lookup."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeguard.enrich import email
from safeguard.enrich.email import lookup, providers
from safeguard.synth import geo
from safeguard.synth.mail import OTHER_OWNER
from safeguard.synth.selectors import JABBER_SERVERS


def _iso_countries() -> set[str]:
    from importlib import resources

    text = resources.files("tzdata").joinpath("zoneinfo", "iso3166.tab").read_text("utf-8")
    return {line.split("\t")[0] for line in text.splitlines() if line and line[0] != "#"}


def test_every_domain_the_synthetic_forum_uses_is_known() -> None:
    used = {d for c in geo.countries() for d in c.providers}
    used |= set(geo.ANONYMOUS_MAIL) | {OTHER_OWNER.split("@")[1]} | set(JABBER_SERVERS)
    missing = sorted(d for d in used if lookup(d).provider is None)
    assert missing == []


def test_table_rows_are_well_formed() -> None:
    iso = _iso_countries()
    table = providers()
    assert len(table) > 250
    for domain, (provider, country, kind, _) in table.items():
        assert provider, domain
        assert kind in email.KINDS
        assert country is None or country in iso, domain
        assert domain == domain.lower().strip()


@pytest.mark.parametrize(
    ("value", "provider", "country", "kind"),
    [
        ("Some.One@GMail.com", "Google LLC", "US", "webmail"),
        ("x@googlemail.com", "Google LLC", "US", "webmail"),
        ("x@hotmail.co.uk", "Microsoft Corporation", "US", "webmail"),
        ("x@gmx.net", "1&1 Mail & Media GmbH (GMX)", "DE", "webmail"),
        ("x@yahoo.co.jp", "LY Corporation (Yahoo! JAPAN)", "JP", "webmail"),
        ("x@t-online.de", "Deutsche Telekom AG", "DE", "isp_mail"),
        ("x@pm.me", "Proton AG", "CH", "privacy_mail"),
        ("x@posteo.de", "Posteo e.K.", "DE", "privacy_mail"),
        ("x@sharklasers.com", "Guerrilla Mail", None, "disposable"),
        ("x@yopmail.com", "YOPmail", "FR", "disposable"),
        ("x@seznam.cz", "Seznam.cz a.s.", "CZ", "webmail"),
        ("someone@jabber.ccc.de", "Chaos Computer Club e.V. (jabber.ccc.de)", "DE", "messenger"),
    ],
)
def test_known_providers(value: str, provider: str, country: str | None, kind: str) -> None:
    got = lookup(value)
    assert (got.provider, got.legal_country, got.kind) == (provider, country, kind)


def test_anonymiser_flag_follows_kind() -> None:
    assert lookup("a@mailinator.com").anonymiser
    assert lookup("a@tutanota.com").anonymiser
    assert not lookup("a@web.de").anonymiser
    assert not lookup("a@unknown-provider.example").anonymiser


def test_subdomains_and_suffix_rules() -> None:
    assert lookup("a@mail.gmx.de").matched == "gmx.de"
    assert lookup("a@cs.mit.edu").kind == "education"
    assert lookup("a@cs.mit.edu").legal_country == "US"
    assert lookup("a@ox.ac.uk").legal_country == "GB"
    assert lookup("gmail.com.").provider == "Google LLC"  # trailing root dot
    # a suffix rule needs a subdomain: the bare suffix is no institution
    assert lookup("ac.uk").provider is None
    # a provider's name inside another domain is not that provider
    assert lookup("a@gmail.com.evil.example").provider is None
    assert lookup("a@notgmail.com").provider is None


@pytest.mark.parametrize(
    "value",
    ["", "@", "nodot", "a@", "a@.com", "a@-x.com", "bad\x00.com", "a@b..com", "x" * 1_000_000],
)
def test_unusable_input_is_unknown(value: str) -> None:
    got = lookup(value)
    assert got.provider is None
    assert got.kind == "unknown"


def test_international_domain_is_encoded() -> None:
    assert lookup("a@Bücher.example").domain == "xn--bcher-kva.example"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_never_raises(value: str) -> None:
    got = lookup(value)
    assert got.kind in (*email.KINDS, "unknown")


def test_hostile_input_stays_fast() -> None:
    values = ["a" * 10_000 + "@gmail.com", "a." * 5_000 + "com", "\u202e" * 10_000]
    start = time.perf_counter()
    for v in values * 20:
        lookup(v)
    assert time.perf_counter() - start < 1.0


def test_malformed_table_fails_loudly(tmp_path: Path) -> None:
    bad = tmp_path / "p.csv"
    bad.write_text("domain,provider,legal_country,kind,notes\nx.com,X,US,spam,\n", "utf-8")
    with pytest.raises(ValueError, match="bad row"):
        providers(bad)
    dup = tmp_path / "d.csv"
    dup.write_text(
        "domain,provider,legal_country,kind,notes\nx.com,X,US,webmail,\nx.com,Y,US,webmail,\n",
        "utf-8",
    )
    with pytest.raises(ValueError, match="duplicate"):
        providers(dup)
