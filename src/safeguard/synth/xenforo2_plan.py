"""XenForo 2 plans: the xf_ip log in ip_id (time) order, and private messages
grouped into conversations (writer: ``xenforo2.py``)."""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from safeguard.synth.activity import Activity
from safeguard.synth.network import ip_at
from safeguard.synth.people import END, People
from safeguard.synth.rng import mix, np_stream

Rows = Iterator[dict[str, object]]
CONVERSATION_GAP = 60 * 86400  # a pair silent this long starts a new conversation
# xf_ip (content_type, action) per event kind, in the order kinds are numbered
IP_ACTIONS = (
    (b"user", b"register"),
    (b"user", b"login"),
    (b"post", b"insert"),
    (b"conversation_message", b"insert"),
)


def packed(ip: str) -> bytes:
    """inet_pton bytes, as xf_ip.ip and xf_session_activity.ip hold them."""
    return ipaddress.ip_address(ip).packed


WINDOW = 8 * 86400  # xf_ip rows are merged and sorted one window at a time


class _Ids:
    """ip_id of each record of one kind (posts or PMs), computed a block at a time
    from counts of earlier events, so no array over every post is kept."""

    BLOCK = 1 << 16

    def __init__(self, times: np.ndarray, before: tuple[np.ndarray, ...], after: np.ndarray):
        self.times, self.before, self.after = times, before, after
        self.lo, self.ids = -1, np.zeros(0, np.int64)

    def __getitem__(self, i: int) -> int:
        if not self.lo <= i < self.lo + len(self.ids):
            self.lo = i - i % self.BLOCK
            t = self.times[self.lo : self.lo + self.BLOCK]
            ids = np.arange(self.lo + 1, self.lo + 1 + len(t), dtype=np.int64)
            for other in self.before:  # kinds listed earlier win ties
                ids += np.searchsorted(other, t, "right")
            self.ids = ids + np.searchsorted(self.after, t, "left")
        return int(self.ids[i - self.lo])


class IpLog:
    """xf_ip rows in ip_id order (time order; ties: registrations, logins, posts,
    conversation messages), and the ip_id of each post and PM (``post_ip[i]``)."""

    def __init__(self, people: People, act: Activity) -> None:
        g = np_stream(people.seed, "xf_logins")
        n = g.integers(1, 4, people.accounts)
        acc = np.repeat(np.arange(people.accounts, dtype=np.int32), n)
        reg = people.a_reg[acc]
        t = reg + (g.random(len(acc)) * (END - reg)).astype(np.int64)
        order = np.argsort(t, kind="stable")
        self.login_t, self.login_acc = t[order], acc[order]
        self.people, self.act = people, act
        self.post_ip = _Ids(act.post_time, (people.a_reg, self.login_t), act.pm_time)
        self.pm_ip = _Ids(act.pm_time, (people.a_reg, self.login_t, act.post_time), np.zeros(0))

    def windows(self) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
        """(time, kind, content, account) of the rows, one time window at a time."""
        people, act = self.people, self.act
        regs = np.arange(people.accounts)
        kinds: tuple[tuple[np.ndarray, np.ndarray, np.ndarray], ...] = (
            (people.a_reg, regs, regs),
            (self.login_t, self.login_acc, self.login_acc),
            (act.post_time, np.arange(len(act.post_time)), act.post_poster),
            (act.pm_time, np.arange(len(act.pm_time)), act.pm_sender),
        )
        for w0 in range(int(people.a_reg[0]), END, WINDOW):
            cut = [np.searchsorted(kd[0], [w0, w0 + WINDOW]).tolist() for kd in kinds]
            part = [
                [kd[j][i0:i1] for kd, (i0, i1) in zip(kinds, cut, strict=True)] for j in (0, 1, 2)
            ]
            t = np.concatenate([p.astype(np.int64) for p in part[0]])
            o = np.argsort(t, kind="stable")
            kind = np.concatenate([np.full(i1 - i0, k, np.int8) for k, (i0, i1) in enumerate(cut)])
            yield t[o], kind[o], np.concatenate(part[1])[o], np.concatenate(part[2])[o]


def ip_log(people: People, act: Activity) -> IpLog:
    """Registration, 1-3 logins per member, every post and every conversation message."""
    return IpLog(people, act)


def ip_rows(people: People, log: IpLog) -> Rows:
    ip_id = 0
    for time, kind, content, account in log.windows():
        for i in range(len(time)):
            t, a, k = int(time[i]), int(account[i]), int(kind[i])
            content_type, action = IP_ACTIONS[k]
            ip_id += 1
            yield {
                "ip_id": ip_id,
                "user_id": a + 1,
                "content_type": content_type,
                "content_id": int(content[i]) + 1,
                "action": action,
                "ip": packed(ip_at(people, int(people.a_person[a]), t)),
                "log_date": t,
            }


@dataclass(frozen=True)
class Conversations:
    """PMs grouped into conversations: one per set of participants, split after a
    long silence; ids in order of each conversation's first message."""

    of_pm: np.ndarray  # conversation index (0-based) of each PM
    first: np.ndarray  # first PM of each conversation
    last: np.ndarray  # last PM of each conversation
    count: np.ndarray  # messages per conversation


def conversations(people: People, act: Activity) -> Conversations:
    n = len(act.pm_time)
    base = people.accounts + 1
    key = _participant_key(act, base)
    order = np.argsort(key, kind="stable")  # ties keep PM order
    k, t = key[order], act.pm_time[order]
    new = np.ones(n, bool)
    new[1:] = (k[1:] != k[:-1]) | (t[1:] - t[:-1] > CONVERSATION_GAP)
    group = np.cumsum(new) - 1
    first = order[new]
    rank = np.empty(len(first), np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(first))
    of_pm = np.empty(n, np.int64)
    of_pm[order] = rank[group]
    last = np.zeros(len(first), np.int64)
    np.maximum.at(last, of_pm, np.arange(n))
    return Conversations(of_pm, np.sort(first), last, np.bincount(of_pm, minlength=len(first)))


def _participant_key(act: Activity, base: int) -> np.ndarray:
    """One int64 per PM naming its set of participants (sorted ids, cc 0 if none),
    built without stacking the three columns (PMs number 7.7 M at 1.8 M accounts)."""
    a, b, c = (x.astype(np.int64) + 1 for x in (act.pm_sender, act.pm_to, act.pm_cc))
    lo, hi = np.minimum(np.minimum(a, b), c), np.maximum(np.maximum(a, b), c)
    mid = a + b + c - lo - hi
    out: np.ndarray = (lo * base + mid) * base + hi
    return out


def participants(act: Activity, pm: int) -> list[int]:
    """Accounts taking part in the conversation that PM ``pm`` belongs to, sorted."""
    trio = (int(act.pm_sender[pm]), int(act.pm_to[pm]), int(act.pm_cc[pm]))
    return sorted(a for a in trio if a >= 0)


def conversation_recipients(people: People, act: Activity, conv: Conversations) -> Rows:
    for c in range(len(conv.first)):
        last_date = int(act.pm_time[conv.last[c]])
        for a in participants(act, int(conv.first[c])):
            read = min(last_date + mix(people.seed, c, a) % 86400, END - 1)
            yield {
                "conversation_id": c + 1,
                "user_id": a + 1,
                "recipient_state": "active",
                "last_read_date": read,
            }


def recipients_blob(people: People, act: Activity, pm: int) -> bytes:
    """xf_conversation_master.recipients: JSON of the participants but the starter."""
    starter = int(act.pm_sender[pm])
    others = {
        str(a + 1): {"user_id": a + 1, "username": people.names[a]}
        for a in participants(act, pm)
        if a != starter
    }
    return json.dumps(others, ensure_ascii=False, separators=(",", ":")).encode()
