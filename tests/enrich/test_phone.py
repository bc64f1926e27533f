"""Phone number → country, original carrier and line type."""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeguard.enrich.phone import phone_info
from safeguard.synth import geo
from safeguard.synth.selectors import phone


@pytest.mark.parametrize("country", [c.code for c in geo.countries()])
def test_synthetic_numbers_map_back_to_their_country(country: str) -> None:
    rng = random.Random(country)
    for _ in range(5):
        info = phone_info(phone(rng, country))
        assert info is not None
        assert info.valid
        assert info.country == country
        assert info.candidates == (country,)
        assert info.line_type in ("mobile", "fixed_line_or_mobile")


def test_german_mobile_has_its_original_carrier() -> None:
    info = phone_info("+4915112345678")
    assert info is not None
    assert (info.country, info.carrier, info.line_type) == ("DE", "T-Mobile", "mobile")
    assert info.time_zones == ("Europe/Berlin",)
    assert "mobile" in info.detail


def test_other_international_forms_and_line_types() -> None:
    dutch = phone_info("0031612345678")
    assert dutch is not None
    assert (dutch.number, dutch.country) == ("+31612345678", "NL")
    toll_free = phone_info("+1 800 555 0100")
    assert toll_free is not None
    assert toll_free.line_type == "toll_free"
    assert toll_free.carrier is None


def test_shared_calling_code_of_an_invalid_number_gives_candidates() -> None:
    info = phone_info("+447700900123")  # Ofcom's drama range: not a valid number
    assert info is not None
    assert not info.valid
    assert info.country is None
    assert set(info.candidates) >= {"GB", "JE", "GG", "IM"}


@pytest.mark.parametrize(
    "value", ["", "hello", "+", "+1", "015112345678", "+" * 100, "+49\x00151", "9" * 10_000]
)
def test_unusable_input_gives_none(value: str) -> None:
    assert phone_info(value) is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="+0123456789 -()x\x00", max_size=40))
def test_never_raises(value: str) -> None:
    info = phone_info(value)
    assert info is None or info.number.startswith("+")


def test_many_lookups_are_fast() -> None:
    rng = random.Random(1)
    numbers = [phone(rng, c.code) for c in geo.countries() for _ in range(20)]
    start = time.perf_counter()
    for n in numbers:
        phone_info(n)
    assert time.perf_counter() - start < 2.0
