"""Private messages, planned in chunks so their temporaries stay small.

Only accounts that may PM take part (``People.pm_pool``: all by default, the
posting accounts when a posting share makes the rest dormant). Sender weight
(posts + 1)^0.7, ×5 for leaders; recipient 70% in the sender's
community, 15% a leader, 15% anyone; 5% have a second recipient; sent at the
sender's evening-peaked local hours after both accounts registered. Each chunk
of ``CHUNK`` messages draws from its own stream, then all are sorted by time
once (int32 times: one 8-byte index per message is the largest temporary).
"""

from __future__ import annotations

import numpy as np

from safeguard.synth.activity_slices import local_times, person_tz
from safeguard.synth.people import RISK_BITS, People
from safeguard.synth.rng import np_stream

PMS_PER_MEMBER = 4.3  # Operation Rescue scale: ~300,000 PMs for 70,000 members
CHUNK = 1 << 20


class _Who:
    """What every chunk needs: sender weights, communities, leaders, time zones.

    Indices here are positions in ``pool`` (the accounts that may PM, ``People.pm_pool``:
    every account by default, so positions are accounts then)."""

    def __init__(self, people: People) -> None:
        self.pool = people.pm_pool
        person = people.a_person[self.pool]
        lead = (people.p_risk[person] & RISK_BITS["leader"]) > 0
        w = (people.a_posts[self.pool] + 1.0) ** 0.7 * np.where(lead, 5.0, 1.0)
        self.cdf = np.cumsum(w / w.sum())
        self.comm = people.p_community[person] // _merge(people)
        self.by_comm = np.argsort(self.comm, kind="stable").astype(np.int32)
        self.sorted_comm = self.comm[self.by_comm]
        leaders = np.flatnonzero(lead).astype(np.int32)
        self.leaders = leaders if len(leaders) else np.zeros(1, np.int32)
        off, peak = person_tz(people)
        self.off = off[person].astype(np.float32)
        self.peak = peak[person].astype(np.float32)


def _merge(people: People) -> int:
    """Communities merged into one: with a posting share F only ~F of a community's
    accounts may PM, so 1/F communities are merged to keep ~450 PM-ing accounts each."""
    share = people.posting_share
    return 1 if share is None else max(1, round(1 / share))


def _chunk(people: People, who: _Who, c: int, m: int) -> tuple[np.ndarray, ...]:
    g = np_stream(people.seed, "pms", c)
    n = len(who.pool)
    sender = np.minimum(np.searchsorted(who.cdf, g.random(m) * who.cdf[-1], "right"), n - 1)
    comm = who.comm[sender]
    lo = np.searchsorted(who.sorted_comm, comm, "left")
    hi = np.searchsorted(who.sorted_comm, comm, "right")
    same = who.by_comm[lo + (g.random(m) * (hi - lo)).astype(np.int64)]
    roll = g.random(m)
    to = np.where(
        roll < 0.70, same, np.where(roll < 0.85, g.choice(who.leaders, m), g.integers(0, n, m))
    )
    to = np.where(to == sender, (to + 1) % n, to).astype(np.int32)
    cc = np.where(g.random(m) < 0.05, g.integers(0, n, m), -1)
    cc = np.where((cc == sender) | (cc == to), -1, cc).astype(np.int32)
    s_acc, to_acc = who.pool[sender], who.pool[to]
    lo_t = np.maximum(people.a_reg[s_acc], people.a_reg[to_acc])
    t = local_times(g, lo_t, who.off[sender], who.peak[sender]).astype(np.int32)
    cc_acc = np.where(cc < 0, -1, who.pool[np.maximum(cc, 0)]).astype(np.int32)
    return t, s_acc.astype(np.int32), to_acc.astype(np.int32), cc_acc


def plan_pms(people: People) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(time, sender, to, cc) of every PM, sorted by time; cc is -1 for none.

    ``PMS_PER_MEMBER`` per account that may PM (every account by default)."""
    total = round(PMS_PER_MEMBER * len(people.pm_pool))
    out = [np.empty(total, np.int32) for _ in range(4)]
    if not total:  # a dormant forum whose members never post
        return out[0], out[1], out[2], out[3]
    who = _Who(people)
    for c, at in enumerate(range(0, total, CHUNK)):
        for arr, part in zip(out, _chunk(people, who, c, min(CHUNK, total - at)), strict=True):
            arr[at : at + len(part)] = part
    order = np.argsort(out[0], kind="stable")
    for k in range(4):
        out[k] = out[k][order]
    return out[0], out[1], out[2], out[3]
