"""Combining evidence: located countries win, anonymisers never decide, conflicts
and thin evidence go to review."""

from __future__ import annotations

from safeguard.attribute.evidence import Item
from safeguard.attribute.score import LOCATING, decide, weight, weights


def _item(country: str, signal: str, count: int = 1) -> Item:
    return Item("acc", country, signal, count, [], "")


def test_weights_file_names_every_locating_signal() -> None:
    assert set(weights()["signals"]) >= LOCATING


def test_many_home_ips_attribute_with_high_confidence() -> None:
    v = decide([_item("DE", "ip_residential", 12), _item("DE", "language")])
    assert v.status == "attributed"
    assert v.country == "DE"
    assert v.confidence > 0.95


def test_weight_grows_with_distinct_ips_up_to_the_cap() -> None:
    one, many, huge = (weight(_item("DE", "ip_residential", n)) for n in (1, 16, 10**6))
    assert one < many <= huge
    assert huge == weights()["signals"]["ip_residential"]["cap"]


def test_anonymisers_alone_are_unknown() -> None:
    v = decide([_item("NL", "ip_anonymiser", 40), _item("US", "ip_anonymiser", 3)])
    assert v.status == "unknown"
    assert v.country is None


def test_language_and_time_zone_alone_are_unknown() -> None:
    v = decide([_item("DE", "language"), _item("DE", "activity_timezone")])
    assert v.status == "unknown"


def test_two_located_countries_of_equal_weight_are_contested() -> None:
    v = decide([_item("DE", "ip_residential", 4), _item("PL", "ip_residential", 4)])
    assert v.status == "contested"
    assert {v.country, v.runner_up} == {"DE", "PL"}


def test_travel_does_not_outweigh_home() -> None:
    home = [_item("FR", "ip_residential", 30), _item("FR", "phone")]
    v = decide([*home, _item("ES", "ip_residential", 2)])
    assert v.status == "attributed"
    assert v.country == "FR"


def test_no_evidence_is_unknown() -> None:
    v = decide([])
    assert v.status == "unknown"
    assert v.confidence == 0.0
