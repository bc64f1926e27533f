"""The truth agrees with the dump, and the model hits its documented rates."""

from __future__ import annotations

from collections import Counter

import numpy as np

from safeguard.synth import people


def test_every_dump_account_is_in_truth_and_back(truth, dump) -> None:
    in_dump = {r["user_id"] for r in dump["phpbb_users"]} - {1}  # 1 = Anonymous
    in_truth = {a["user_id"] for a in truth["accounts"]}
    assert in_dump == in_truth
    posters = {r["poster_id"] for r in dump["phpbb_posts"]}
    posters |= {r["author_id"] for r in dump["phpbb_privmsgs"]}
    assert posters <= in_truth


def test_each_account_belongs_to_a_person_listing_it(truth) -> None:
    owner = {a["user_id"]: a["person"] for a in truth["accounts"]}
    listed = {uid: p["person"] for p in truth["persons"] for uid in p["accounts"]}
    assert owner == listed


def test_post_counts_match_truth(truth, dump) -> None:
    counted = Counter(r["poster_id"] for r in dump["phpbb_posts"])
    assert all(counted[a["user_id"]] == a["posts"] for a in truth["accounts"])
    stored = {r["user_id"]: r["user_posts"] for r in dump["phpbb_users"]}
    assert all(stored[a["user_id"]] == a["posts"] for a in truth["accounts"])


def test_rates_at_2000_members() -> None:
    folk = people.build(3, 2000)
    per = np.bincount(folk.a_person)
    several = float(np.mean(per > 1))
    assert 0.05 <= several <= 0.15
    assert len(set(folk.p_country.tolist())) >= 30
    assert folk.accounts == 2000
    assert 0.45 <= float(np.mean(folk.a_posts == 0)) <= 0.65  # lurkers
    assert int(folk.a_posts.max()) >= 500  # a heavy tail


def test_multi_account_persons_reuse_their_name_stem(truth) -> None:
    names = {a["user_id"]: a["username"].lower() for a in truth["accounts"]}
    multi = [p for p in truth["persons"] if len(p["accounts"]) > 1]
    assert multi
    similar = sum(
        1
        for p in multi
        if len({names[u][:3].replace("0", "o").replace("3", "e") for u in p["accounts"]}) == 1
    )
    assert similar / len(multi) > 0.5


def test_risk_facts_point_at_records_that_say_them(truth, dump) -> None:
    texts = {("phpbb_posts", r["post_id"]): r["post_text"] for r in dump["phpbb_posts"]}
    texts |= {("phpbb_privmsgs", r["msg_id"]): r["message_text"] for r in dump["phpbb_privmsgs"]}
    texts |= {("phpbb_users", r["user_id"]): r["user_sig"] for r in dump["phpbb_users"]}
    facts = [f for p in truth["persons"] for f in p["risk_facts"] if f["fact"] != "leader"]
    assert facts
    for f in facts:
        assert (f["table"], f["record"]) in texts
    classes = {p["risk_class"] for p in truth["persons"]}
    assert {"none", "medium"} <= classes


def _mailbox(address: str) -> str:
    """The mailbox a provider delivers to: Gmail ignores dots; separators ignored too."""
    local, _, domain = address.lower().partition("@")
    return local.replace(".", "").replace("_", "") + "@" + domain


def test_no_two_persons_share_a_mailbox() -> None:
    """Namesakes get distinct addresses, as a provider would refuse one twice."""
    from safeguard.synth.identity import other_email, reg_email

    folk = people.build(3, 20_000)
    owner: dict[str, int] = {}
    for a in range(folk.accounts):
        person = int(folk.a_person[a])
        for address in (reg_email(folk, a), other_email(folk, person)):
            assert owner.setdefault(_mailbox(address), person) == person, address
