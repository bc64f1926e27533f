"""The logical model, part 2: posts, topics, private messages and planted lines.

Everything is numpy arrays sorted by time, so writers stream rows in id order.
Planted lines (risk indicators, 'add me on …') are chosen here, so the truth and
every writer agree on which record holds which selector. Posts are planned per
time slice (``activity_slices``) and PMs per chunk, so 1.8 million accounts
(~51 M posts) are planned in well under 2 GB.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from safeguard.synth.activity_plants import MultiKey, plant
from safeguard.synth.activity_pms import PMS_PER_MEMBER, plan_pms
from safeguard.synth.activity_slices import local_times, post_pieces
from safeguard.synth.identity import Plant
from safeguard.synth.people import People
from safeguard.synth.rng import np_stream
from safeguard.synth.text import LANGS

__all__ = [
    "PMS_PER_MEMBER",
    "POSTS_PER_TOPIC",
    "SECTIONS",
    "Activity",
    "build",
    "local_times",
    "section_posts",
]

POSTS_PER_TOPIC = 12.0
# (name, language or "" for the general sections, weight)
SECTIONS = (
    ("Announcements", "", 0.2),
    ("Introductions", "", 1.0),
    ("General chat", "", 3.0),
    ("Sports", "", 1.0),
    ("Tech help", "", 1.0),
    ("Off-topic", "", 1.5),
    ("Trusted members", "", 0.5),
    *((f"International: {lg}", lg, 0.0) for lg in LANGS[1:]),
)


def _empty() -> np.ndarray:
    return np.zeros(0, np.int32)


@dataclass
class Activity:
    """Posts (``post_*``, index = post_id - 1), topics, PMs (index = msg_id - 1).

    Compact dtypes so 1.8 million accounts (~51 M posts) fit in memory: times are
    int32 UTC seconds (the forum ends in 2011, far below 2**31; widen with
    ``astype(np.int64)`` before multiplying), ids int32, sections int8.
    ``topic_posts`` (posts per topic) and ``last_post`` (UTC time of each
    account's last post, 0 if none) spare writers a pass over every post.
    """

    post_time: np.ndarray
    post_poster: np.ndarray
    post_topic: np.ndarray
    topic_section: np.ndarray
    topic_first: np.ndarray
    topic_last: np.ndarray
    pm_time: np.ndarray
    pm_sender: np.ndarray
    pm_to: np.ndarray
    pm_cc: np.ndarray  # second recipient or -1
    plants: Mapping[MultiKey, list[Plant]] = field(default_factory=dict)
    topic_posts: np.ndarray = field(default_factory=_empty)
    last_post: np.ndarray = field(default_factory=_empty)


class _Topics:
    """Topic assignment as posts arrive in time order: a post opens a topic with
    p = 1/POSTS_PER_TOPIC, else replies to a recent one (geometric back-off)."""

    def __init__(self, people: People, total: int) -> None:
        self.g = np_stream(people.seed, "topics")
        self.n = 0
        self.first: list[np.ndarray] = []
        self.last = np.zeros(max(16, total // 8), np.int32)
        self.count = np.zeros(len(self.last), np.int32)

    def add(self, base: int, m: int) -> np.ndarray:
        """Topics of posts ``base .. base + m - 1``."""
        new = self.g.random(m) < 1 / POSTS_PER_TOPIC
        new[:1] |= base == 0
        started = self.n + np.cumsum(new) - 1
        back = np.minimum(self.g.geometric(0.15, m) - 1, started)
        topic = np.where(new, started, started - back).astype(np.int32)
        self.first.append((base + np.flatnonzero(new)).astype(np.int32))
        self.n += int(new.sum())
        if self.n > len(self.last):
            grow = max(len(self.last), self.n - len(self.last))
            self.last = np.concatenate([self.last, np.zeros(grow, np.int32)])
            self.count = np.concatenate([self.count, np.zeros(grow, np.int32)])
        np.maximum.at(self.last, topic, np.arange(base, base + m, dtype=np.int32))
        lo = int(topic.min())
        self.count[lo : lo + 1 + int(topic.max()) - lo] += np.bincount(topic - lo).astype(np.int32)
        return topic


def _posts(people: People) -> tuple[Activity, np.ndarray]:
    """Posts and topics; also each account's designated post (-1 if it has none)."""
    total = int(people.a_posts.sum())
    time, poster = np.empty(total, np.int32), np.empty(total, np.int32)
    topic = np.empty(total, np.int32)
    last_post = np.zeros(people.accounts, np.int32)
    post_of = np.full(people.accounts, -1, np.int64)
    topics, at = _Topics(people, total), 0
    for piece in post_pieces(people):
        m = len(piece.time)
        time[at : at + m], poster[at : at + m] = piece.time, piece.poster
        topic[at : at + m] = topics.add(at, m)
        np.maximum.at(last_post, piece.poster, piece.time.astype(np.int32))
        post_of[piece.poster[piece.designated]] = at + np.flatnonzero(piece.designated)
        at += m
    assert at == total
    first = np.concatenate([*topics.first, _empty()])
    section = _sections(people, poster[first])
    e = _empty()
    last = topics.last[: topics.n].copy()  # copies free the over-allocated tails
    act = Activity(time, poster, topic, section, first, last, e, e, e, e)
    act.topic_posts, act.last_post = topics.count[: topics.n].copy(), last_post
    return act, post_of


def _sections(people: People, starter: np.ndarray, chunk: int = 1 << 18) -> np.ndarray:
    """A topic's section: its starter's language section 70% of the time for
    non-English speakers, else by the general sections' weights. Drawn per chunk
    of topics (own stream each) to keep the temporaries small."""
    general = np.array([w for _, lg, w in SECTIONS])
    native = np.array(
        [
            next(i for i, s in enumerate(SECTIONS) if s[1] == lg) if lg else 0
            for lg in ("", *LANGS[1:])
        ]
    )
    out = np.empty(len(starter), np.int8)
    for c, at in enumerate(range(0, len(starter), chunk)):
        g = np_stream(people.seed, "sections", c)
        part = starter[at : at + chunk]
        lang = people.p_lang[people.a_person[part]]
        section = g.choice(len(SECTIONS), size=len(part), p=general / general.sum())
        to_native = (lang > 0) & (g.random(len(part)) < 0.7)
        out[at : at + chunk] = np.where(to_native, native[lang], section)
    return out


def section_posts(act: Activity) -> np.ndarray:
    """Posts per section (int64), from the per-topic counts."""
    out: np.ndarray = np.bincount(
        act.topic_section, weights=act.topic_posts, minlength=len(SECTIONS)
    ).astype(np.int64)
    return out


def build(people: People) -> Activity:
    """Plan all activity for ``people`` (deterministic for ``people.seed``)."""
    act, post_of = _posts(people)
    act.pm_time, act.pm_sender, act.pm_to, act.pm_cc = plan_pms(people)
    act.plants = plant(people, post_of, _designated_pm(people, act.pm_sender))
    return act


def _designated_pm(people: People, sender: np.ndarray) -> np.ndarray:
    """For each account, one uniformly random PM it sent (-1 if none)."""
    g = np_stream(people.seed, "plants")
    out = np.full(people.accounts, -1, np.int64)
    if len(sender):
        by_sender = np.argsort(sender, kind="stable")
        count = np.bincount(sender, minlength=people.accounts)
        start = np.cumsum(count) - count
        has = np.flatnonzero(count)
        out[has] = by_sender[start[has] + (g.random(len(has)) * count[has]).astype(np.int64)]
    return out
