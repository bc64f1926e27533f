"""``posting_share``: a mostly dormant membership changes who posts and PMs, nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from safeguard import synth
from safeguard.synth import activity, people

SEED = 13
MEMBERS = 4000
SHARE = 0.05


@pytest.fixture(scope="module")
def default() -> people.People:
    return people.build(SEED, MEMBERS)


@pytest.fixture(scope="module")
def dormant() -> people.People:
    return people.build(SEED, MEMBERS, SHARE)


def test_share_of_posting_accounts_follows_the_knob(default, dormant) -> None:
    share = float(np.mean(dormant.a_posts > 0))
    assert abs(share - SHARE) < 4 * np.sqrt(SHARE * (1 - SHARE) / MEMBERS)
    assert float(np.mean(default.a_posts > 0)) > 0.35  # the default keeps its lurker rate


def test_posters_are_a_subset_with_the_same_counts(default, dormant) -> None:
    posting = dormant.a_posts > 0
    assert np.all(default.a_posts[posting] == dormant.a_posts[posting])


def test_persons_and_accounts_are_unchanged(default, dormant) -> None:
    for name in ("a_person", "a_nth", "a_reg", "p_country", "p_lang", "p_reveal", "p_community"):
        assert np.array_equal(getattr(default, name), getattr(dormant, name)), name
    assert np.array_equal(default.p_risk & 7, dormant.p_risk & 7)  # leaders aside
    assert default.names == dormant.names


def test_leaders_scale_with_the_active_membership(default, dormant) -> None:
    leaders = int(np.sum(dormant.p_risk & 8 > 0))
    assert leaders < int(np.sum(default.p_risk & 8 > 0))
    assert leaders >= 1
    posts = np.bincount(dormant.a_person, weights=dormant.a_posts, minlength=dormant.persons)
    assert np.all(posts[dormant.p_risk & 8 > 0] > 0)  # leaders are posters, never dormant


def test_only_posting_accounts_send_or_receive_pms(default, dormant) -> None:
    plan = activity.build(dormant)
    posting = dormant.a_posts > 0
    cc = plan.pm_cc[plan.pm_cc >= 0]
    assert np.all(posting[plan.pm_sender])
    assert np.all(posting[plan.pm_to])
    assert np.all(posting[cc])
    assert len(plan.pm_time) == round(activity.PMS_PER_MEMBER * int(posting.sum()))
    full = activity.build(default)
    assert not np.all(default.a_posts[full.pm_sender] > 0)  # by default lurkers PM


def test_rejects_a_share_outside_0_1() -> None:
    for bad in (0.0, -0.1, 1.5):
        with pytest.raises(ValueError, match="posting_share"):
            people.build(SEED, 100, bad)


def test_generated_truth_keeps_accounts_and_persons(tmp_path: Path) -> None:
    a = json.loads(synth.generate(tmp_path / "a", members=200, seed=SEED).read_text("utf-8"))
    path = synth.generate(tmp_path / "b", members=200, seed=SEED, posting_share=0.1)
    b = json.loads(path.read_text("utf-8"))
    assert "posting_share" not in a["meta"]
    assert b["meta"]["posting_share"] == 0.1
    keep = ("user_id", "person", "username")
    assert [[x[k] for k in keep] for x in a["accounts"]] == [
        [x[k] for k in keep] for x in b["accounts"]
    ]
    assert [p["country"] for p in a["persons"]] == [p["country"] for p in b["persons"]]
    assert sum(x["posts"] > 0 for x in b["accounts"]) < sum(x["posts"] > 0 for x in a["accounts"])
    assert b["meta"]["private_messages"] < a["meta"]["private_messages"]
