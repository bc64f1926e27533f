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


@dataclass(frozen=True)
class IpLog:
    """xf_ip rows in ip_id order (time order), and the ip_id of each post and PM."""

    time: np.ndarray
    kind: np.ndarray  # index into IP_ACTIONS
    content: np.ndarray  # 0-based account, post or PM index
    account: np.ndarray
    post_ip: np.ndarray
    pm_ip: np.ndarray


def ip_log(people: People, act: Activity) -> IpLog:
    """Registration, 1-3 logins per member, every post and every conversation message."""
    g = np_stream(people.seed, "xf_logins")
    n = g.integers(1, 4, people.accounts)
    login_acc = np.repeat(np.arange(people.accounts), n)
    login_t = people.a_reg[login_acc] + (
        g.random(len(login_acc)) * (END - people.a_reg[login_acc])
    ).astype(np.int64)
    parts = (
        (people.a_reg, np.arange(people.accounts), np.arange(people.accounts)),
        (login_t, login_acc, login_acc),
        (act.post_time, np.arange(len(act.post_time)), act.post_poster),
        (act.pm_time, np.arange(len(act.pm_time)), act.pm_sender),
    )
    t = np.concatenate([np.asarray(p[0], np.int64) for p in parts])
    kind = np.concatenate([np.full(len(p[0]), k, np.int8) for k, p in enumerate(parts)])
    content = np.concatenate([np.asarray(p[1], np.int64) for p in parts])
    account = np.concatenate([np.asarray(p[2], np.int64) for p in parts])
    order = np.argsort(t, kind="stable")
    ip_id = np.empty(len(t), np.int64)
    ip_id[order] = np.arange(1, len(t) + 1)
    start = people.accounts + len(login_acc)
    n_posts = len(act.post_time)
    return IpLog(
        t[order],
        kind[order],
        content[order],
        account[order],
        ip_id[start : start + n_posts],
        ip_id[start + n_posts :],
    )


def ip_rows(people: People, log: IpLog) -> Rows:
    for i in range(len(log.time)):
        t, a, k = int(log.time[i]), int(log.account[i]), int(log.kind[i])
        content_type, action = IP_ACTIONS[k]
        yield {
            "ip_id": i + 1,
            "user_id": a + 1,
            "content_type": content_type,
            "content_id": int(log.content[i]) + 1,
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
    trio = np.sort(np.stack([act.pm_sender, act.pm_to, act.pm_cc]).astype(np.int64) + 1, axis=0)
    key = (trio[0] * base + trio[1]) * base + trio[2]  # the participant set
    order = np.lexsort((np.arange(n), key))
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
