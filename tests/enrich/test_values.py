"""E-mail and phone facts as the enrich stage stores them."""

from __future__ import annotations

from safeguard.enrich.values import email_facts, phone_facts, tld_country


def test_country_code_domains() -> None:
    assert tld_country("gmx.de") == "DE"
    assert tld_country("yahoo.co.uk") == "GB"
    assert tld_country("gmail.com") is None
    assert tld_country("example.zz") is None


def test_national_webmail_global_webmail_isp_and_disposable() -> None:
    gmx, gmail, tonline, throwaway = email_facts(
        ["Hans@GMX.de", "x@gmail.com", "y@t-online.de", "z@mailinator.com"]
    )
    assert gmx is not None
    assert (gmx["country"], gmx["operator_country"], gmx["network_kind"]) == ("DE", "DE", "webmail")
    assert gmail is not None
    assert gmail["country"] is None
    assert gmail["operator_country"] == "US"
    assert tonline is not None
    assert tonline["network_kind"] == "isp_mail"
    assert tonline["country"] == "DE"
    assert throwaway is not None
    assert throwaway["anonymiser"] is True


def test_unusable_address_has_no_fact() -> None:
    assert email_facts(["not an address", ""]) == [None, None]


def test_phone_country_and_carrier() -> None:
    de, junk = phone_facts(["+4915112345678", "+0000"])
    assert de is not None
    assert de["country"] == "DE"
    assert de["operator"]
    assert de["network_kind"] == "mobile"
    assert junk is None
