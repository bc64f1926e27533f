"""The stage on small cases: common selectors, stable ids, judgements, explanations."""

from __future__ import annotations

import itertools
import string
from collections import Counter

import pytest

from safeguard.resolve import judgements, stage
from safeguard.resolve.explain import explain
from tests.resolve.helpers import (
    account,
    fast_settings,
    insert,
    new_case,
    observation,
    persons_of,
)

CAFE_IP = "81.169.145.20"
THROWAWAYS = ("anon@mailinator.com", "nobody@guerrillamail.com")


def _names(n):
    letters = string.ascii_lowercase
    return ["".join(t) for t in itertools.islice(itertools.permutations(letters, 4), n)]


def _cafe_case(tmp_path):
    case = new_case(tmp_path)
    names = _names(300)
    accs = [
        account(f"c{i:03d}", names[i], THROWAWAYS[i % 2], ip=CAFE_IP, timezone="1")
        for i in range(300)
    ]
    # a control pair that must merge: one man, one unusual address, two accounts
    accs += [account("x1", "stormrider", "storm.rider@web.de"),
             account("x2", "st0rm_rider77", "storm.rider@web.de")]  # fmt: skip
    insert(case, "accounts", accs)
    obs = [observation(f"c{i:03d}", "ipv4", CAFE_IP) for i in range(300)]
    obs += [observation(f"c{i:03d}", "email", THROWAWAYS[i % 2], field="email") for i in range(300)]
    insert(case, "observations", obs)
    return case


def test_no_merge_through_a_common_selector(tmp_path):
    case = _cafe_case(tmp_path)
    summary = stage.run(case, cfg=fast_settings())
    got = persons_of(case)
    cafe = [got[f"c{i:03d}"] for i in range(300)]
    assert len(set(cafe)) == 300, "café accounts were merged"
    assert got["x1"] == got["x2"]
    assert summary.accounts == 302
    assert summary.persons == 301
    with case.engine(read_only=True) as eng:
        # the shared café values are never a hard link nor a merged model link
        merged = eng.fetchall(
            "SELECT count(*) FROM person_links WHERE decision = 'merged' AND account_id_l LIKE 'c%'"
        )[0][0]
    assert merged == 0


def _two_people_case(tmp_path):
    case = new_case(tmp_path)
    insert(case, "accounts", [
        account("a1", "nightowl", "night.owl@gmx.de"),
        account("a2", "n1ght_0wl", "night.owl@gmx.de"),
        account("b1", "quietriver", "quiet.river@web.de"),
        account("c1", "sunfl0wer", "sunflower@posteo.de"),
    ])  # fmt: skip
    return case


def test_rerun_keeps_ids_and_rows(tmp_path):
    case = _two_people_case(tmp_path)
    stage.run(case, cfg=fast_settings())
    first = persons_of(case)
    with case.engine(read_only=True) as eng:
        digest = {t: eng.table_digest(t) for t in ("person_accounts", "persons")}
    stage.run(case, cfg=fast_settings())
    assert persons_of(case) == first
    with case.engine(read_only=True) as eng:
        assert {t: eng.table_digest(t) for t in digest} == digest
        runs = eng.fetchall("SELECT count(*) FROM resolve_runs")[0][0]
    assert runs == 2


def test_new_evidence_changes_only_persons_that_merge(tmp_path):
    case = _two_people_case(tmp_path)
    stage.run(case, cfg=fast_settings())
    before = persons_of(case)
    insert(case, "accounts", [
        account("d1", "quietr1ver", "quiet.river@web.de", evidence="ev-2"),  # b1's second
        account("d2", "lonewolf", "lone.wolf@posteo.de", evidence="ev-2"),
    ])  # fmt: skip
    summary = stage.run(case, cfg=fast_settings())
    after = persons_of(case)
    for acc in ("a1", "a2", "b1", "c1"):
        assert after[acc] == before[acc]
    assert after["d1"] == before["b1"]
    assert after["d2"] not in before.values()
    assert summary.changes == {"joined": 1, "new": 1}
    with case.engine(read_only=True) as eng:
        log = eng.fetchall(
            "SELECT change, new_person_id, account_ids FROM person_id_changes "
            "WHERE run_id = ? ORDER BY change",
            [summary.run_id],
        )
    assert log == [("joined", before["b1"], ["d1"]), ("new", after["d2"], ["d2"])]


def test_judgements_survive_reruns(tmp_path):
    case = _two_people_case(tmp_path)
    insert(case, "accounts", [account("a3", "owl_at_night", "owl@posteo.de")])
    # a3 and a2 share a handle, a1 and a2 an address: one chain a1 - a2 - a3
    insert(case, "observations", [
        observation(a, "telegram", "@nightowl_tg", method="text", field="text_plain",
                    record_table="posts")
        for a in ("a2", "a3")
    ])  # fmt: skip
    stage.run(case, cfg=fast_settings())
    got = persons_of(case)
    assert got["a1"] == got["a2"] == got["a3"]
    judgements.reject(case, "a1", "a3", reason="different men", who="analyst1")
    judgements.confirm(case, "b1", "c1", reason="same phone in seized notes", who="analyst2")
    for _ in range(2):
        summary = stage.run(case, cfg=fast_settings())
        got = persons_of(case)
        assert got["a1"] != got["a3"], "a rejected link came back through the chain"
        assert got["b1"] == got["c1"], "a confirmed link was not merged"
        assert summary.judgements == 2
    assert sorted(Counter(got.values()).values()) == [1, 2, 2]
    with case.audit() as audit:
        events = [e for e in audit.events() if e["action"].startswith("resolve.")]
    assert [(e["action"], e["actor"]) for e in events] == [
        ("resolve.reject", "analyst1"),
        ("resolve.confirm", "analyst2"),
    ]


def test_split_survives_reruns(tmp_path):
    case = _two_people_case(tmp_path)
    stage.run(case, cfg=fast_settings())
    pid = persons_of(case)["a1"]
    judgements.split(case, pid, ["a2"], reason="a2 is the brother", who="analyst1")
    stage.run(case, cfg=fast_settings())
    got = persons_of(case)
    assert got["a1"] == pid
    assert got["a2"] != pid
    with pytest.raises(judgements.JudgementError):
        judgements.split(case, got["a2"], ["a2"], reason="nothing would remain")


def test_explain_shows_accounts_weights_and_escapes(tmp_path):
    case = new_case(tmp_path)
    insert(case, "accounts", [
        account("a1", "evil\x1b[31mname", "dup@web.de"),
        account("a2", "other", "dup@web.de"),
    ])  # fmt: skip
    stage.run(case, cfg=fast_settings())
    pid = persons_of(case)["a1"]
    text = explain(case, pid)
    assert "a1" in text
    assert "a2" in text
    assert "same_email" in text
    assert "prior" in text
    assert "\x1b" not in text


def test_empty_and_single_account_cases(tmp_path):
    case = new_case(tmp_path)
    assert stage.run(case, cfg=fast_settings()).persons == 0
    insert(case, "accounts", [account("a1", "solo", "solo@web.de")])
    summary = stage.run(case, cfg=fast_settings())
    assert (summary.accounts, summary.persons, summary.changes) == (1, 1, {"new": 1})
    assert "1 accounts → 1 persons" in stage.report(summary)
