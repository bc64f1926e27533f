"""The fast paths of the writers give exactly what the per-row functions give."""

from __future__ import annotations

import io
import random
import time

import numpy as np
import pytest

from safeguard.synth import accesslog, mysqldump, network, people, text
from safeguard.synth.agents import UserAgents
from safeguard.synth.rng import below, mix
from safeguard.synth.vector import ip_strs, vmix


@pytest.fixture(scope="module")
def folk() -> people.People:
    return people.build(5, 4000)


def _events(folk: people.People, n: int) -> tuple[np.ndarray, np.ndarray]:
    g = np.random.default_rng(0)
    return g.integers(0, folk.persons, n), g.integers(1_199_000_000, 1_300_000_000, n)


def test_vmix_is_mix_elementwise_even_for_negative_and_huge_values() -> None:
    values = [0, 1, 17, 2**40 + 3, 2**63 - 1, -1, -12345]
    got = vmix(7, np.array(values, np.int64), 9).tolist()
    assert got == [mix(7, v, 9) for v in values]
    assert vmix(-3, np.arange(5)).tolist() == [mix(-3, v) for v in range(5)]


def test_ip_strs_is_ip_at_for_every_confounder(folk: people.People) -> None:
    person, t = _events(folk, 20_000)
    got = ip_strs(folk, person, t)
    want = [network.ip_at(folk, int(p), int(x)) for p, x in zip(person, t, strict=True)]
    assert got == want
    kinds = set(folk.p_conf[person].tolist())
    assert len(kinds) == len(people.CONFOUNDERS)  # every branch of ip_at was exercised


def test_user_agents_are_network_user_agent_across_updates(folk: people.People) -> None:
    person, t = _events(folk, 20_000)
    agents = UserAgents(folk)
    got = agents.strings(person, t) + agents.strings(person[:500], t[:500] + 86400 * 90)
    want = [network.user_agent(folk, int(p), int(x)) for p, x in zip(person, t, strict=True)]
    want += [
        network.user_agent(folk, int(p), int(x) + 86400 * 90)
        for p, x in zip(person[:500], t[:500], strict=True)
    ]
    assert got == want
    assert len(set(got)) > 300  # many devices and versions, not one string


def test_chatter_and_below_draw_as_random_choice_and_randint_do() -> None:
    for lang in text.LANGS:
        a, b = random.Random(lang), random.Random(lang)
        for _ in range(2000):
            templates, things = text.CHATTER[lang]
            n = a.randint(1, 4)
            assert 1 + below(b, 4) == n
            old = " ".join(a.choice(templates).format(x=a.choice(things)) for _ in range(n))
            assert text.chatter(b, lang, n) == old
        assert a.random() == b.random()  # both streams stand at the same place


def test_log_stamps_are_strftime() -> None:
    t = np.array([0, 1_230_768_000, 1_230_854_399, 1_262_304_000 + 3723, 1_300_000_000])
    want = [time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(int(x))) for x in t]
    assert accesslog._stamps(t) == want


def test_rendered_rows_are_the_dict_rows() -> None:
    t = mysqldump.Table("x", [("a", "0"), ("b", "''"), ("c", "NULL"), ("d", "'{z}'")], "")
    rows: list[dict[str, object]] = [{"b": "it's\n", "a": 3}, {"c": 5}, {"a": 1, "d": None}]
    fmt = mysqldump.shape(t, ("a", "b"))
    as_text = [fmt.format(3, mysqldump.quote("it's\n")), rows[1], rows[2]]
    a, b = io.BytesIO(), io.BytesIO()
    assert mysqldump.table(a, t, rows) == mysqldump.table(b, t, as_text) == 3
    assert a.getvalue() == b.getvalue()
    assert b"(3,'it\\'s\\n',NULL,'{z}'),(0,'',5,'{z}'),(1,'',NULL,NULL)" in a.getvalue()
