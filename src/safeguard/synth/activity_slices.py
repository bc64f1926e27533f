"""Post times planned per time slice, so no sort over every post is ever needed.

Each posting account's posts are uniform over the days from its registration to
the seizure, at an evening-peaked local hour. Rather than drawing every post and
sorting 50 million times, the days are cut into slices of ``SLICE_DAYS``: an
account's count in a slice is drawn from a binomial conditional on the posts it
has left (the sequential form of the multinomial, so the per-account total and
the per-day distribution are exactly the global ones), the slice's posts are
drawn and sorted, and posts are released once no later slice can precede them
(a local time shifts a post by at most a day plus the largest UTC offset).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from safeguard.synth import geo
from safeguard.synth.people import END, People
from safeguard.synth.rng import np_stream

SLICE_DAYS = 8  # ~150 slices over the forum's 38 months: small temporaries, cheap loops
# Posts drawn at once within a slice. The last slices are the busiest (members who
# join late post everything in the few days left), ~8% of all posts in the last.
DRAW_CHUNK = 1 << 19


def local_times(
    g: np.random.Generator, lo: np.ndarray, offset: np.ndarray, peak: np.ndarray
) -> np.ndarray:
    """UTC times (int64) after ``lo`` whose local hour follows an evening-peaked rhythm."""
    return times_on_days(g, lo, lo // 86400, np.full(len(lo), END // 86400), offset, peak)


def times_on_days(
    g: np.random.Generator,
    lo: np.ndarray,
    d0: np.ndarray,
    d1: np.ndarray,
    offset: np.ndarray,
    peak: np.ndarray,
) -> np.ndarray:
    """UTC times on a local day uniform in ``[d0, d1)``, hour ~80% N(peak, 2 h) and
    20% uniform, clipped to ``[lo, END)``."""
    n = len(lo)
    day = d0 + (g.random(n) * (d1 - d0)).astype(np.int64)
    hour = np.where(g.random(n) < 0.8, g.normal(peak, 2.0), g.uniform(0, 24, n)) % 24
    local = (hour * 3600).astype(np.int64) + g.integers(0, 60, n)
    t = day * 86400 + local - (offset * 3600).astype(np.int64)
    out: np.ndarray = np.clip(t, lo, END - 1)
    return out


def person_tz(people: People) -> tuple[np.ndarray, np.ndarray]:
    """UTC offset (hours) and peak local hour of every person."""
    offsets = np.array([c.utc_offset for c in geo.countries()])
    return offsets[people.p_country], people.p_peak.astype(np.float64)


@dataclass
class Piece:
    """Posts released in time order: UTC times (int32), posting accounts, designated flags."""

    time: np.ndarray
    poster: np.ndarray
    designated: np.ndarray


class _Posters:
    """Posting accounts (registration order) and what each has left to plan."""

    def __init__(self, people: People, g: np.random.Generator) -> None:
        self.acc = np.flatnonzero(people.a_posts > 0).astype(np.int32)
        self.reg = people.a_reg[self.acc]
        self.d0 = self.reg // 86400  # sorted, as accounts are numbered by registration
        self.left = people.a_posts[self.acc].astype(np.int64)
        self.done = np.zeros(len(self.acc), np.int64)
        # The rank (in drawing order) of the post that may carry a planted line: posts
        # are exchangeable, so this is a uniformly random post of the account.
        self.pick = (g.random(len(self.acc)) * self.left).astype(np.int64)
        off, peak = person_tz(people)
        who = people.a_person[self.acc]
        self.off, self.peak = off[who].astype(np.float32), peak[who].astype(np.float32)


def _draw(g: np.random.Generator, ps: _Posters, s0: int, s1: int) -> Piece:
    """The posts of local days ``[s0, s1)``, unsorted."""
    k = int(np.searchsorted(ps.d0, s1, "left"))  # registered before the slice ends
    lo_day = np.maximum(ps.d0[:k], s0)
    share = (s1 - lo_day) / (END // 86400 - lo_day)
    cnt = g.binomial(ps.left[:k], np.minimum(share, 1.0))
    ps.left[:k] -= cnt
    idx = np.repeat(np.arange(k, dtype=np.int32), cnt)
    flag = np.zeros(len(idx), bool)
    hit = np.flatnonzero((ps.pick[:k] >= ps.done[:k]) & (ps.pick[:k] < ps.done[:k] + cnt))
    flag[(np.cumsum(cnt) - cnt)[hit] + ps.pick[hit] - ps.done[hit]] = True
    ps.done[:k] += cnt
    t = np.empty(len(idx), np.int32)  # UTC seconds fit int32 until 2038
    for at in range(0, len(idx), DRAW_CHUNK):  # bounded temporaries in the busy last slices
        i = idx[at : at + DRAW_CHUNK]
        s1s = np.full(len(i), s1)
        t[at : at + len(i)] = times_on_days(g, ps.reg[i], lo_day[i], s1s, ps.off[i], ps.peak[i])
    return Piece(t, ps.acc[idx], flag)


def post_pieces(people: People) -> Iterator[Piece]:
    """Every planned post, in time order, as consecutive pieces (ties keep draw order)."""
    g = np_stream(people.seed, "posts")
    ps = _Posters(people, g)
    first, last = int(people.a_reg.min()) // 86400, END // 86400
    ahead = int(np.ceil(max(0.0, float(ps.off.max(initial=0.0))) * 3600))
    carry = Piece(np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, bool))
    for s0 in range(first, last, SLICE_DAYS):
        s1 = min(s0 + SLICE_DAYS, last)
        new = _draw(g, ps, s0, s1)
        t = np.concatenate([carry.time, new.time])
        order = np.argsort(t, kind="stable")
        both = Piece(
            t[order],
            np.concatenate([carry.poster, new.poster])[order],
            np.concatenate([carry.designated, new.designated])[order],
        )
        # Later slices start at local day s1, i.e. no earlier than this UTC time.
        cut = len(t) if s1 == last else int(np.searchsorted(both.time, s1 * 86400 - ahead))
        carry = Piece(both.time[cut:], both.poster[cut:], both.designated[cut:])
        if cut:
            yield Piece(both.time[:cut], both.poster[:cut], both.designated[:cut])
    assert not ps.left.any()
    assert not len(carry.time)
