"""The time-sliced activity plan: same distributions, bounded memory, deterministic."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import numpy as np
import pytest

from safeguard import synth
from safeguard.synth import activity, activity_pms, activity_slices, people
from safeguard.synth.activity_slices import local_times, person_tz
from safeguard.synth.people import END
from safeguard.synth.phpbb3 import schema
from safeguard.synth.phpbb3_meta import MEDIUMINT_MAX, WIDE_IDS, widen_ids
from safeguard.synth.rng import np_stream

SEED = 21
BUDGET = 2 * 1024**3  # bytes for the whole 1.8M-account run
BIG = 1_800_000


@pytest.fixture(scope="module")
def folk() -> people.People:
    return people.build(SEED, 3000)


@pytest.fixture(scope="module")
def plan(folk: people.People) -> activity.Activity:
    return activity.build(folk)


def _ks(a: np.ndarray, b: np.ndarray) -> float:
    """Two-sample Kolmogorov-Smirnov statistic."""
    grid = np.union1d(a, b)
    fa = np.searchsorted(np.sort(a), grid, "right") / len(a)
    fb = np.searchsorted(np.sort(b), grid, "right") / len(b)
    return float(np.abs(fa - fb).max())


def _ks_limit(n: int, m: int) -> float:
    return 1.95 * np.sqrt((n + m) / (n * m))  # alpha = 0.001


def test_every_account_gets_exactly_its_planned_posts(folk, plan) -> None:
    assert len(plan.post_time) == int(folk.a_posts.sum())
    got = np.bincount(plan.post_poster, minlength=folk.accounts)
    assert np.array_equal(got, folk.a_posts)


def test_posts_and_pms_sorted_and_within_membership(folk, plan) -> None:
    assert np.all(np.diff(plan.post_time) >= 0)
    assert np.all(np.diff(plan.pm_time) >= 0)
    assert np.all(plan.post_time >= folk.a_reg[plan.post_poster])
    assert plan.post_time.max() < END
    later = np.maximum(folk.a_reg[plan.pm_sender], folk.a_reg[plan.pm_to])
    assert np.all(plan.pm_time >= later)


def test_topics_counts_and_last_posts_agree_with_posts(folk, plan) -> None:
    assert np.array_equal(plan.topic_posts, np.bincount(plan.post_topic))
    assert np.array_equal(plan.topic_first, np.unique(plan.post_topic, return_index=True)[1])
    last = len(plan.post_topic) - 1 - np.unique(plan.post_topic[::-1], return_index=True)[1]
    assert np.array_equal(plan.topic_last, last)
    expect = np.zeros(folk.accounts, np.int64)
    np.maximum.at(expect, plan.post_poster, plan.post_time)
    assert np.array_equal(plan.last_post, expect)


def test_sliced_times_follow_the_unsliced_model(folk, plan) -> None:
    """Days uniform from registration to seizure and the evening-peaked local hour,
    compared with the same model drawn for every post at once."""
    off, peak = person_tz(folk)
    who = folk.a_person[plan.post_poster]
    reg = folk.a_reg[plan.post_poster]
    ref = local_times(np_stream(SEED, "reference"), reg, off[who], peak[who])

    def shape(t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        span = (END - reg) / 86400
        local = (t + (off[who] * 3600).astype(np.int64)) % 86400 / 3600
        return (t - reg) / 86400 / span, local

    limit = _ks_limit(len(ref), len(ref))
    for got, want in zip(shape(plan.post_time.astype(np.int64)), shape(ref), strict=True):
        assert _ks(got, want) < limit


def test_thin_slices_still_give_a_sorted_complete_plan(folk, monkeypatch) -> None:
    monkeypatch.setattr(activity_slices, "SLICE_DAYS", 1)  # posts spill across many slices
    thin = activity.build(folk)
    assert np.all(np.diff(thin.post_time) >= 0)
    assert np.array_equal(np.bincount(thin.post_poster, minlength=folk.accounts), folk.a_posts)


def test_each_account_has_at_most_one_planted_post(plan) -> None:
    posts = [rid for kind, rid in plan.plants if kind == "post"]
    assert posts
    assert len(set(plan.post_poster[posts].tolist())) == len(posts)


def test_plan_is_deterministic(folk, plan) -> None:
    again = activity.build(people.build(SEED, 3000))
    for name in ("post_time", "post_poster", "post_topic", "topic_section", "pm_time", "pm_to"):
        assert np.array_equal(getattr(plan, name), getattr(again, name))
    assert again.plants.keys() == plan.plants.keys()


def _plan_peak(members: int) -> int:
    folk = people.build(SEED, members)
    tracemalloc.start()
    try:
        activity.build(folk)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_plan_memory_grows_slowly_enough_for_the_large_case(monkeypatch) -> None:
    """Peak allocations of the plan grow with size at a rate that, extrapolated to
    1.8M accounts, stay under 60% of the 2 GB budget: the rest is for the persons'
    arrays and usernames (~0.5 GB at that size) and the writers. Chunks are made
    small so their fixed-size temporaries do not pass for growth."""
    monkeypatch.setattr(activity_pms, "CHUNK", 1 << 14)
    monkeypatch.setattr(activity_slices, "DRAW_CHUNK", 1 << 12)
    _plan_peak(2_000)  # fill the text and selector caches outside the measurement
    small, large = 20_000, 40_000
    p1, p2 = _plan_peak(small), _plan_peak(large)
    slope = (p2 - p1) / (large - small)
    assert p2 > p1
    assert p2 + slope * (BIG - large) < 0.6 * BUDGET


@pytest.mark.parametrize("software", synth.SOFTWARES)
def test_every_software_is_deterministic(tmp_path: Path, software: str) -> None:
    a = synth.generate(tmp_path / "a", members=120, seed=3, software=software).parent
    b = synth.generate(tmp_path / "b", members=120, seed=3, software=software).parent
    for name in ("forum.sql", "access.log", "truth.json"):
        assert (a / name).read_bytes() == (b / name).read_bytes()


def test_phpbb_ids_widen_only_past_mediumint() -> None:
    assert widen_ids(schema(), MEDIUMINT_MAX) is schema()
    wide = widen_ids(schema(), MEDIUMINT_MAX + 1)
    for table, cols in WIDE_IDS.items():
        for col in cols:
            assert f"`{col}` int(10) unsigned" in wide[table].create
            assert f"`{col}` mediumint" not in wide[table].create
        assert wide[table].columns == schema()[table].columns
    assert "`forum_id` mediumint(8) unsigned" in wide["phpbb_posts"].create


@pytest.mark.mariadb
def test_widened_phpbb_dump_loads_into_mariadb(request, tmp_path: Path, monkeypatch) -> None:
    """With the mediumint limit lowered, a small forum gets the int(10) id columns
    a >16.7 M-post board needs, and MariaDB accepts them and its rows."""
    import json

    from safeguard.synth import phpbb3_meta
    from tests.synth.test_mariadb import _client

    try:
        server = request.getfixturevalue("mariadb")
    except pytest.FixtureLookupError:
        pytest.skip("the 'mariadb' fixture is not available")
    monkeypatch.setattr(phpbb3_meta, "MEDIUMINT_MAX", 100)
    synth.generate(tmp_path, members=150, seed=2)
    truth = json.loads((tmp_path / "truth.json").read_text("utf-8"))
    _client(server, "-e", "DROP DATABASE IF EXISTS synth_wide; CREATE DATABASE synth_wide")
    _client(server, "synth_wide", stdin=(tmp_path / "forum.sql").read_bytes())
    kind = _client(
        server,
        "synth_wide",
        "-e",
        "SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'synth_wide' "
        "AND TABLE_NAME = 'phpbb_posts' AND COLUMN_NAME = 'post_id'",
    )
    assert kind.strip() == "int(10) unsigned"
    posts = _client(server, "synth_wide", "-e", "SELECT COUNT(*) FROM phpbb_posts")
    assert int(posts) == truth["meta"]["posts"] > 100
