"""User agents: real formats of the era, person-specific devices, updates over time."""

from __future__ import annotations

import math
import re
from collections import Counter

import pytest

from safeguard.synth import browsers, network, people

SEP_2008, SEP_2010 = 1220227200, 1283299200


@pytest.fixture(scope="module")
def folk() -> people.People:
    return people.build(4, 6000)


def _entropy(values: list[str]) -> float:
    n = len(values)
    return -sum(c / n * math.log2(c / n) for c in Counter(values).values())


def test_strings_carry_several_bits_but_not_more_than_real_ones(folk) -> None:
    bits = _entropy([network.user_agent(folk, p, SEP_2010) for p in range(folk.persons)])
    # Eckersley (PETS 2010) measured 10.5 bits on real browsers; ours must be a real
    # identifier of a device, yet not a stronger one than reality.
    assert 7.0 < bits < 10.5


def test_a_device_is_updated_but_keeps_its_platform(folk) -> None:
    from safeguard.resolve.normalise import user_agent_platform

    changed = same_platform = 0
    for p in range(folk.persons):
        dev = browsers.device(folk.seed, p, 0, "de", "DE")
        old, new = browsers.user_agent(dev, SEP_2008), browsers.user_agent(dev, SEP_2010)
        changed += old != new
        same_platform += user_agent_platform(old) == user_agent_platform(new)
    assert changed / folk.persons > 0.8  # two years of releases
    # the same system, language and add-ons, except where Chrome came out or the
    # system was upgraded (Vista to 7, Mac OS 10.5 to 10.6)
    assert same_platform / folk.persons > 0.6


@pytest.mark.parametrize(
    "pattern",
    [
        r"Mozilla/4\.0 \(compatible; MSIE (7\.0|8\.0; Windows NT [56]\.[01]; Trident/4\.0); .*\)",
        r"Mozilla/5\.0 \((Windows|Macintosh|X11); U; [^;]+; [a-z]{2}(-[A-Z]{2})?; rv:1\.[89]"
        r"[.0-9]*\) Gecko/20[01]\d{5} Firefox/[23][.0-9]+",
        r"Mozilla/5\.0 \(.*\) AppleWebKit/5\d\d[.0-9]* \(KHTML, like Gecko\) "
        r"(Chrome/\d+\.\d+\.\d+\.\d+ Safari|Version/[345][.0-9]* Safari)/5\d\d[.0-9]*",
        r"Opera/9\.(27|50|64|80) \(.*; U; [a-z]{2}\)( Presto/2\.\d+\.\d+ Version/1[01]\.\d\d)?",
    ],
)
def test_every_family_writes_its_real_format(folk, pattern) -> None:
    agents = {
        network.user_agent(folk, p, t) for p in range(0, 3000, 3) for t in (SEP_2008, SEP_2010)
    }
    assert any(re.fullmatch(pattern, a) for a in agents)


def test_no_version_before_its_release(folk) -> None:
    marks = {"msie": "MSIE ", "firefox": "Firefox/", "chrome": "Chrome/", "safari": "Version/"}
    for p in range(0, folk.persons, 7):
        for t in (SEP_2008, SEP_2010):
            dev = browsers.device(folk.seed, p, 0, "en", "US")
            ua = browsers.user_agent(dev, t)
            for family, history in browsers.releases().items():
                mark = marks.get(family, "Version/" if "Presto" in ua else "Opera/")
                for rel in history[1:]:  # the first entry stands for what came before
                    named = re.search(re.escape(mark + rel.version) + r"(?![.0-9])", ua)
                    if rel.released > t and named and (family == "opera") == ("Opera" in ua):
                        pytest.fail(f"{ua} at {t} names {family} {rel.version}")


def test_windows_7_appears_only_after_its_release(folk) -> None:
    early = {network.user_agent(folk, p, SEP_2008) for p in range(folk.persons)}
    late = {network.user_agent(folk, p, SEP_2010) for p in range(folk.persons)}
    assert not any("Windows NT 6.1" in a for a in early)
    assert any("Windows NT 6.1" in a for a in late)


def test_same_person_same_day_same_browser_across_calls(folk) -> None:
    first = [network.user_agent(folk, p, SEP_2010 + 3600) for p in range(200)]
    browsers.device.cache_clear()
    assert first == [network.user_agent(folk, p, SEP_2010 + 7200) for p in range(200)]
