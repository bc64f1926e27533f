"""Name stems: mostly distinct across persons, with a documented share of namesakes."""

from __future__ import annotations

import re
from collections import Counter

from safeguard.synth import names, people


def _norm(stem: str) -> str:
    return re.sub(r"[._]", "", stem)


def test_most_persons_have_a_stem_of_their_own() -> None:
    stems = [_norm(names.stem(9, p)) for p in range(20_000)]
    counts = Counter(stems)
    alone = sum(1 for s in stems if counts[s] == 1) / len(stems)
    assert 0.75 < alone < 0.98  # namesakes exist, but are not the rule


def test_stock_names_make_namesake_clusters() -> None:
    first, second = set(names._STOCK), set(names._STOCK[10:30])
    stems = [names.stem(9, p) for p in range(20_000)]
    parts = [re.split(r"[._]", s) if re.search(r"[._]", s) else None for s in stems]
    stock = sum(1 for p in parts if p and len(p) == 2 and p[0] in first and p[1] in second)
    # 5% pick a stock name, half of them with a separator (counted here: 2.5%);
    # ordinary word pairs almost never hit a stock pair
    assert 0.015 < stock / len(stems) < 0.04
    shared = Counter(_norm(s) for s in stems).most_common(1)[0][1]
    assert shared >= 4  # a stock name is held by several different persons


def test_words_are_lower_case_letters_and_unique() -> None:
    for section in ("first", "second"):
        ws = names.words()[section]
        assert len(ws) == len(set(ws)) > 250
        assert all(re.fullmatch(r"[a-z]+", w) for w in ws)


def test_usernames_are_unique_and_variations_of_the_stem() -> None:
    folk = people.build(2, 3000)
    assert len({n.lower() for n in folk.names}) == folk.accounts
    for i in range(0, folk.accounts, 11):
        base = _norm(names.stem(folk.seed, int(folk.a_person[i])))[:3]
        name = _norm(folk.names[i].lower()).replace("0", "o").replace("3", "e")
        assert name.startswith(base)
