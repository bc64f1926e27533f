from safeguard.resolve.ids import IssuedId, assign, natural_id


def test_first_run_ids_come_from_the_smallest_account():
    out = assign([["a1", "a2"], ["b1"]], {}, {}, "r1")
    assert out.ids == [natural_id("a1"), natural_id("b1")]
    assert [c.change for c in out.changes] == ["new", "new"]


def test_same_clusters_keep_their_ids_and_log_nothing():
    first = assign([["a1", "a2"], ["b1"]], {}, {}, "r1")
    prev = {"a1": first.ids[0], "a2": first.ids[0], "b1": first.ids[1]}
    again = assign([["a1", "a2"], ["b1"]], prev, first.registry, "r2")
    assert again.ids == first.ids
    assert again.changes == []


def test_merge_keeps_the_older_id_and_retires_the_other():
    r1 = assign([["b1"]], {}, {}, "r1")
    # a later evidence item brings a1, smaller than b1, in its own person
    r2 = assign([["a1"], ["b1"]], {"b1": r1.ids[0]}, r1.registry, "r2")
    old_b, new_a = r1.ids[0], r2.ids[0]
    prev = {"a1": new_a, "b1": old_b}
    r3 = assign([["a1", "b1"]], prev, r2.registry, "r3")
    assert r3.ids == [old_b]  # older id survives though a1 is the smaller account
    assert r3.registry[new_a].retired_run == "r3"
    assert r3.registry[new_a].successor == old_b
    assert [(c.change, c.old, c.new) for c in r3.changes] == [("merged", new_a, old_b)]


def test_split_gives_the_part_without_the_anchor_a_new_id():
    r1 = assign([["a1", "a2", "a3"]], {}, {}, "r1")
    pid = r1.ids[0]
    prev = dict.fromkeys(["a1", "a2", "a3"], pid)
    r2 = assign([["a1"], ["a2", "a3"]], prev, r1.registry, "r2")
    assert r2.ids[0] == pid
    assert r2.ids[1] == natural_id("a2")
    assert [(c.change, c.old, c.accounts) for c in r2.changes] == [("split", pid, ("a2", "a3"))]


def test_an_id_is_never_issued_twice():
    retired = IssuedId(natural_id("a1"), "a1", "r0", "r1", natural_id("z9"))
    out = assign([["a1"]], {}, {retired.person_id: retired}, "r2")
    assert out.ids == [natural_id("a1", 1)]
    assert out.registry[retired.person_id] == retired  # the retired id stays as it was
