"""The logical model, part 2: posts, topics, private messages and planted lines.

Everything is numpy arrays sorted by time, so writers stream rows in id order.
Planted lines (risk indicators, 'add me on …') are chosen here, so the truth and
every writer agree on which record holds which selector.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from safeguard.synth import geo
from safeguard.synth.identity import Plant, contact_plant, risk_plant
from safeguard.synth.people import END, RISK_BITS, People
from safeguard.synth.rng import np_stream, stream
from safeguard.synth.text import LANGS

POSTS_PER_TOPIC = 12.0
PMS_PER_MEMBER = 4.3  # Operation Rescue scale: ~300,000 PMs for 70,000 members
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
MultiKey = tuple[str, int]


@dataclass
class Activity:
    """Posts (``post_*``, index = post_id - 1), topics, PMs (index = msg_id - 1)."""

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
    plants: dict[MultiKey, list[Plant]] = field(default_factory=dict)


def local_times(
    g: np.random.Generator, lo: np.ndarray, offset: np.ndarray, peak: np.ndarray
) -> np.ndarray:
    """UTC times after ``lo`` whose local hour follows an evening-peaked rhythm."""
    n = len(lo)
    d0 = lo // 86400
    day = d0 + (g.random(n) * (END // 86400 - d0)).astype(np.int64)
    hour = np.where(g.random(n) < 0.8, g.normal(peak, 2.0), g.uniform(0, 24, n)) % 24
    local = (hour * 3600).astype(np.int64) + g.integers(0, 60, n)
    t = day * 86400 + local - (offset * 3600).astype(np.int64)
    out: np.ndarray = np.clip(t, lo, END - 1)
    return out


def _person_tz(people: People) -> tuple[np.ndarray, np.ndarray]:
    offsets = np.array([c.utc_offset for c in geo.countries()])
    return offsets[people.p_country], people.p_peak.astype(np.float64)


def _posts(people: People) -> tuple[np.ndarray, ...]:
    g = np_stream(people.seed, "posts")
    poster = np.repeat(np.arange(people.accounts, dtype=np.int32), people.a_posts)
    off, peak = _person_tz(people)
    who = people.a_person[poster]
    t = local_times(g, people.a_reg[poster], off[who], peak[who])
    order = np.argsort(t, kind="stable")
    t, poster = t[order], poster[order]
    new = g.random(len(t)) < 1 / POSTS_PER_TOPIC
    new[:1] = True
    started = np.cumsum(new) - 1
    back = np.minimum(g.geometric(0.15, len(t)) - 1, started)
    topic = np.where(new, started, started - back).astype(np.int32)
    first = np.flatnonzero(new).astype(np.int32)
    last = np.zeros(len(first), np.int32)
    np.maximum.at(last, topic, np.arange(len(t), dtype=np.int32))
    lang = people.p_lang[people.a_person[poster[first]]]
    general = np.array([w for _, lg, w in SECTIONS])
    section = g.choice(len(SECTIONS), size=len(first), p=general / general.sum())
    native = np.array(
        [
            next(i for i, s in enumerate(SECTIONS) if s[1] == lg) if lg else 0
            for lg in ("", *LANGS[1:])
        ]
    )
    to_native = (lang > 0) & (g.random(len(first)) < 0.7)
    section = np.where(to_native, native[lang], section).astype(np.int8)
    return t, poster, topic, section, first, last


def _pms(people: People) -> tuple[np.ndarray, ...]:
    g = np_stream(people.seed, "pms")
    n, m = people.accounts, round(PMS_PER_MEMBER * people.accounts)
    lead = (people.p_risk[people.a_person] & RISK_BITS["leader"]) > 0
    w = (people.a_posts + 1.0) ** 0.7 * np.where(lead, 5.0, 1.0)
    sender = g.choice(n, size=m, p=w / w.sum()).astype(np.int32)
    comm = people.p_community[people.a_person]
    by_comm = np.argsort(comm, kind="stable").astype(np.int32)
    lo = np.searchsorted(comm[by_comm], comm[sender], "left")
    hi = np.searchsorted(comm[by_comm], comm[sender], "right")
    same = by_comm[lo + (g.random(m) * (hi - lo)).astype(np.int64)]
    leaders = np.flatnonzero(lead)
    leaders = leaders if len(leaders) else np.array([0])
    roll = g.random(m)
    to = np.where(
        roll < 0.70, same, np.where(roll < 0.85, g.choice(leaders, m), g.integers(0, n, m))
    )
    to = np.where(to == sender, (to + 1) % n, to).astype(np.int32)
    cc = np.where(g.random(m) < 0.05, g.integers(0, n, m), -1)
    cc = np.where((cc == sender) | (cc == to), -1, cc).astype(np.int32)
    off, peak = _person_tz(people)
    who = people.a_person[sender]
    t = local_times(g, np.maximum(people.a_reg[sender], people.a_reg[to]), off[who], peak[who])
    order = np.argsort(t, kind="stable")
    return t[order], sender[order], to[order], cc[order]


def _designated(owner: np.ndarray, n: int, g: np.random.Generator) -> np.ndarray:
    """For each account, one random record index it owns (-1 if none)."""
    out = np.full(n, -1, np.int64)
    if len(owner):
        order = np.lexsort((g.random(len(owner)), owner))
        starts = np.flatnonzero(np.r_[True, owner[order][1:] != owner[order][:-1]])
        out[owner[order][starts]] = order[starts]
    return out


def build(people: People) -> Activity:
    """Plan all activity for ``people``."""
    t, poster, topic, section, first, last = _posts(people)
    pt, ps, pto, pcc = _pms(people)
    act = Activity(t, poster, topic, section, first, last, pt, ps, pto, pcc)
    _plant(people, act)
    return act


def _plant(people: People, act: Activity) -> None:
    g = np_stream(people.seed, "plants")
    post_of = _designated(act.post_poster, people.accounts, g)
    pm_of = _designated(act.pm_sender, people.accounts, g)
    by_person = np.argsort(people.a_person, kind="stable")
    starts = np.searchsorted(people.a_person[by_person], np.arange(people.persons + 1))
    facts = ("access", "meet", "files")
    todo = np.flatnonzero((people.p_reveal >= 0) | ((people.p_risk & 7) > 0))
    for person in todo.tolist():
        accs = by_person[starts[person] : starts[person + 1]].tolist()
        r = stream(people.seed, "plant", person)
        lines = [
            risk_plant(people, person, f) for f in facts if people.p_risk[person] & RISK_BITS[f]
        ]
        targets = [r.choice(accs) for _ in lines]
        if people.p_reveal[person] >= 0:
            chosen = r.sample(accs, 2 if len(accs) > 1 and r.random() < 0.5 else 1)
            for acc in chosen:
                plant = contact_plant(people, person, acc)
                assert plant is not None
                lines.append(plant)
                targets.append(acc)
        for plant, acc in zip(lines, targets, strict=True):
            key = (
                ("post", int(post_of[acc]))
                if post_of[acc] >= 0
                else ("pm", int(pm_of[acc]))
                if pm_of[acc] >= 0
                else ("profile", acc)
            )
            act.plants.setdefault(key, []).append(plant)
