import itertools
import random

from safeguard.resolve.cluster import BLOCKED, CannotLink, Edge, cluster


def e(a, b, source="model", p=0.995):
    return Edge(a, b, source, p)


def test_every_account_in_exactly_one_cluster():
    accounts = [f"a{i:02d}" for i in range(30)]
    rng = random.Random(3)
    edges = [e(*sorted(rng.sample(accounts, 2))) for _ in range(20)]
    result = cluster(accounts, edges)
    members = [a for c in result.clusters for a in c]
    assert sorted(members) == accounts


def test_rejected_link_holds_through_a_chain():
    # a-b and b-c are strong, but an analyst said a and c are different people
    edges = [e("a", "b", p=0.999), e("b", "c", p=0.995)]
    result = cluster("abc", edges, [CannotLink(frozenset("a"), frozenset("c"))])
    together = {frozenset(c) for c in result.clusters}
    assert frozenset("abc") not in together
    assert frozenset("ab") in together  # the stronger link wins, the weaker is refused
    assert result.outcome[("b", "c")] == BLOCKED


def test_split_groups_stay_apart_whatever_links_exist():
    edges = [e(x, y) for x, y in itertools.combinations("abcd", 2)]
    cannot = [CannotLink(frozenset("ab"), frozenset("cd"))]
    result = cluster("abcd", edges, cannot)
    assert sorted(map(tuple, result.clusters)) == [("a", "b"), ("c", "d")]


def test_confirmed_links_come_first():
    # the confirmed c-d is merged before the model link b-c could be
    edges = [e("b", "c", p=0.999), e("c", "d", "confirmed", 1.0)]
    cannot = [CannotLink(frozenset("b"), frozenset("d"))]
    result = cluster("bcd", edges, cannot)
    assert ["c", "d"] in result.clusters
    assert ["b"] in result.clusters


def test_result_does_not_depend_on_input_order():
    edges = [e("a", "b", p=0.99), e("b", "c", p=0.999), e("c", "d", p=0.995), e("x", "y")]
    cannot = [CannotLink(frozenset("a"), frozenset("d"))]
    first = cluster("abcdxy", edges, cannot).clusters
    for perm in itertools.permutations(edges):
        assert cluster("yxdcba", list(perm), cannot).clusters == first
