"""Constrained clustering: links become persons, analysts' constraints always hold.

Greedy union-find over links in a fixed order: analyst-confirmed links
(must-link) first, then hard links, then model links by falling probability
(ties by account ids, so the result never depends on input order). A link is
refused when it would put into one person two groups of accounts that a
cannot-link constraint separates (a rejected link or a split), even through
other accounts: transitivity cannot undo a judgement.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

MERGED, BLOCKED = "merged", "blocked"
SOURCE_RANK = {"confirmed": 0, "hard": 1, "model": 2}


@dataclass(frozen=True, slots=True)
class Edge:
    """A link offered to clustering (``left < right``)."""

    left: str
    right: str
    source: str  # confirmed | hard | model
    probability: float


@dataclass(frozen=True, slots=True)
class CannotLink:
    """No person may contain accounts of both sides."""

    side_a: frozenset[str]
    side_b: frozenset[str]


@dataclass
class Clustering:
    """Members per cluster (each sorted; clusters sorted by first member) and edge outcomes."""

    clusters: list[list[str]]
    outcome: dict[tuple[str, str], str] = field(default_factory=dict)


class _Forest:
    def __init__(self, accounts: Iterable[str], cannot: Sequence[CannotLink]) -> None:
        self.parent = {a: a for a in accounts}
        self.size = dict.fromkeys(self.parent, 1)
        # root -> {constraint index -> sides present (0 = a, 1 = b)}
        self.sides: dict[str, dict[int, set[int]]] = {}
        for i, c in enumerate(cannot):
            for side, group in enumerate((c.side_a, c.side_b)):
                for acc in group:
                    if acc in self.parent:
                        self.sides.setdefault(acc, {}).setdefault(i, set()).add(side)

    def find(self, a: str) -> str:
        root = a
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[a] != root:  # path compression
            self.parent[a], a = root, self.parent[a]
        return root

    def allowed(self, ra: str, rb: str) -> bool:
        sa, sb = self.sides.get(ra, {}), self.sides.get(rb, {})
        small, big = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
        return all(len(sides | big.get(i, set())) < 2 for i, sides in small.items())

    def union(self, ra: str, rb: str) -> None:
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        moved = self.sides.pop(rb, {})
        mine = self.sides.setdefault(ra, {}) if moved else self.sides.get(ra, {})
        for i, sides in moved.items():
            mine.setdefault(i, set()).update(sides)


def order(edges: Iterable[Edge]) -> list[Edge]:
    """The fixed processing order."""
    return sorted(edges, key=lambda e: (SOURCE_RANK[e.source], -e.probability, e.left, e.right))


def cluster(
    accounts: Iterable[str], edges: Iterable[Edge], cannot: Sequence[CannotLink] = ()
) -> Clustering:
    """Persons from ``accounts`` (every one ends in exactly one cluster)."""
    forest = _Forest(accounts, cannot)
    outcome: dict[tuple[str, str], str] = {}
    for e in order(edges):
        if e.left not in forest.parent or e.right not in forest.parent:
            continue  # a judgement on an account no longer in the case
        ra, rb = forest.find(e.left), forest.find(e.right)
        if ra == rb:
            outcome[(e.left, e.right)] = MERGED
        elif forest.allowed(ra, rb):
            forest.union(ra, rb)
            outcome[(e.left, e.right)] = MERGED
        else:
            outcome[(e.left, e.right)] = BLOCKED
    groups: dict[str, list[str]] = {}
    for acc in forest.parent:
        groups.setdefault(forest.find(acc), []).append(acc)
    clusters = sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])
    return Clustering(clusters, outcome)
