"""Profile time-zone fields of the forum packages → offset, zone, country."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeguard.enrich.profile_zone import profile_timezone
from safeguard.synth import geo


@pytest.mark.parametrize(
    ("value", "offset", "shape"),
    [
        ("1.00", 1.0, "hours"),  # phpBB 3.0
        ("-5.00", -5.0, "hours"),
        ("5.50", 5.5, "hours"),
        ("5.5", 5.5, "hours"),  # MyBB
        ("-3.5", -3.5, "hours"),
        ("9", 9.0, "hours"),  # vBulletin timezoneoffset
        ("UTC+1", 1.0, "written"),
        ("GMT-05:00", -5.0, "written"),
        ("+05:30", 5.5, "written"),
        ("UTC", 0.0, "written"),
    ],
)
def test_offset_shapes(value: str, offset: float, shape: str) -> None:
    zone = profile_timezone(value)
    assert zone is not None
    assert (zone.offset, zone.shape, zone.zone, zone.country) == (offset, shape, None, None)


def test_decimal_hours_match_standard_offsets_only() -> None:
    zone = profile_timezone("1.00")
    assert zone is not None
    assert {"DE", "FR", "PL"} <= set(zone.candidates)
    assert "GB" not in zone.candidates  # UK is +1 only in summer
    india = profile_timezone("5.50")
    assert india is not None
    assert set(india.candidates) == {"IN", "LK"}


def test_phpbb30_dst_flag_keeps_the_standard_offset() -> None:
    zone = profile_timezone("1.00", dst=True)
    assert zone is not None
    assert (zone.offset, zone.summer_offset) == (1.0, 2.0)


def test_smf_time_offset_is_relative_to_the_server() -> None:
    zone = profile_timezone("-6", relative_to=1.0)
    assert zone is not None
    assert (zone.shape, zone.offset) == ("relative", -5.0)
    assert "US" in zone.candidates


@pytest.mark.parametrize(
    ("value", "country", "offsets"),
    [
        ("Europe/Berlin", "DE", (1.0, 2.0)),  # phpBB 3.1+, XenForo
        ("europe/berlin", "DE", (1.0, 2.0)),
        ("America/Sao_Paulo", "BR", (-3.0, -2.0)),  # Brazil still had summer time in 2010
        ("Asia/Kolkata", "IN", (5.5, 5.5)),
        ("Europe/Zurich", "CH", (1.0, 2.0)),
    ],
)
def test_iana_names(value: str, country: str, offsets: tuple[float, float]) -> None:
    zone = profile_timezone(value)
    assert zone is not None
    assert zone.shape == "iana"
    assert (zone.country, (zone.offset, zone.summer_offset)) == (country, offsets)
    assert zone.candidates == (country,)


def test_every_synthetic_country_zone_resolves_to_that_country() -> None:
    for c in geo.countries():
        zone = profile_timezone(c.tz)  # SMF 2.1 writes the IANA name
        assert zone is not None
        assert zone.country == c.code
        hours = profile_timezone(f"{c.utc_offset:.2f}")  # phpBB 3.0 writes decimal hours
        assert hours is not None
        assert c.code in hours.candidates


def test_legacy_zone_names_give_offsets_without_country() -> None:
    zone = profile_timezone("US/Eastern")
    assert zone is not None
    assert zone.country is None
    assert zone.offset == -5.0
    assert "US" in zone.candidates


@pytest.mark.parametrize(
    "value",
    [None, "", "junk", "99", "-13", "14.5", "UTC+1:99", "Europe/Nowhere", "../../etc/passwd",
     "/etc/localtime", "x" * 10_000, "1.00\x00", "Europe/Berlin\n; DROP"],
)  # fmt: skip
def test_unusable_values_give_none(value: str | None) -> None:
    assert profile_timezone(value) is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_never_raises(value: str) -> None:
    zone = profile_timezone(value)
    assert zone is None or -12 <= zone.offset <= 14
