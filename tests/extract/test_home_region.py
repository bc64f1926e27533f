"""Phone numbers written without a country code, read with the account's home region."""

from __future__ import annotations

from pathlib import Path

from safeguard.case import init_case
from safeguard.extract import find
from safeguard.extract.stage import _find_all, home_regions


def test_national_number_needs_a_region_and_is_flagged() -> None:
    text = "ruf mich an: 0151 23456789"
    (without,) = _find_all([(text, None)])
    (with_region,) = _find_all([(text, "DE")])
    assert [m for m in without if m.type == "phone"] == []
    (phone,) = [m for m in with_region if m.type == "phone"]
    assert phone.normalised == "+4915123456789"
    assert "region_assumed:DE" in phone.flags
    (international,) = [m for m in find("ruf mich an: +49 151 23456789") if m.type == "phone"]
    assert phone.confidence < international.confidence


def test_international_number_is_not_an_assumption() -> None:
    (found,) = _find_all([("call +49 151 23456789", "PL")])
    (phone,) = [m for m in found if m.type == "phone"]
    assert phone.flags == ()
    assert phone.normalised == "+4915123456789"


def test_another_type_on_the_same_span_wins() -> None:
    (found,) = _find_all([("dodaj mnie na icq 481200771", "PL")])
    assert [m.type for m in found] == ["icq"]


def test_home_region_comes_from_a_residential_registration_ip(tmp_path: Path) -> None:
    case = init_case(tmp_path / "c")
    with case.engine() as eng:
        rows = [("a1", "79.192.1.1"), ("a2", "10.0.0.1"), ("a3", None)]
        for acc, ip in rows:
            eng.execute(
                "INSERT INTO accounts (account_id, evidence_id, registration_ip) "
                "VALUES (?, 'ev-1', ?)",
                [acc, ip],
            )
        assert home_regions(eng, "ev-1", {"a1", "a2", "a3"}) == {"a1": "DE"}


def test_a_national_number_inside_another_selector_is_dropped() -> None:
    fpr = "E1B6 4F2A 9C3D 11AA 0B7C 5D8E 297F 9F7E 6936 7789"
    (found,) = _find_all([(f"my pgp fingerprint: {fpr}", "NO")])
    assert [m.type for m in found] == ["pgp_fingerprint"]


def test_a_whatsapp_number_is_also_the_phone_number() -> None:
    (found,) = _find_all([("add me on wh4tsapp + 4 4 7 4 0 0 8 3 0 8 1 3", "GB")])
    assert {(m.type, m.normalised) for m in found} == {
        ("whatsapp", "+447400830813"),
        ("phone", "+447400830813"),
    }
