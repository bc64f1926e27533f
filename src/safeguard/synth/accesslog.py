"""The web server's access log (Apache combined format) for the same period.

Same members, same IPs and browsers as the dump, on the forum software's real
URL paths. Events: registration, topic views (members and lurkers), new topics,
replies, private messages; the server clock is UTC.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import numpy as np

from safeguard.synth.activity import Activity
from safeguard.synth.agents import UserAgents
from safeguard.synth.people import END, People
from safeguard.synth.rng import np_stream
from safeguard.synth.vector import ip_strs, vmix

VIEWS_MEAN = 8  # topic views per member beyond those before each post
# event code -> (method, path template, status)
PHPBB_PATHS = {
    0: ("GET", "/viewtopic.php?t={t}", 200),
    1: ("POST", "/posting.php?mode=reply&t={t}", 302),
    2: ("POST", "/posting.php?mode=post&f={t}", 302),
    3: ("POST", "/ucp.php?i=pm&mode=compose", 302),
    4: ("POST", "/ucp.php?mode=register", 302),
    5: ("GET", "/index.php", 200),
}


BATCH = 65536  # events formatted at once: vectorised, yet a bounded buffer
WINDOW = 8 * 86400  # events are merged and sorted one window at a time
VIEW_SPAN = 900 * 86400  # a member's extra topic views fall within 900 days of joining

Events = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # time, account, code, target


def _views(people: People, act: Activity, w0: int, w1: int, starts: np.ndarray) -> Events:
    """Extra topic views in ``[w0, w1)``: each member's Poisson(VIEWS_MEAN) views over
    ``[reg, reg + VIEW_SPAN)``, split by window (a Poisson process thinned per window,
    so the count per member keeps its distribution), before the forum's last post."""
    g = np_stream(people.seed, "accesslog", w0)
    reg = people.a_reg
    lo, hi = np.searchsorted(reg, w0 - VIEW_SPAN, "right"), np.searchsorted(reg, w1, "left")
    a0 = np.maximum(reg[lo:hi], w0)
    a1 = np.minimum(reg[lo:hi] + VIEW_SPAN, min(w1, int(act.post_time[-1]) if len(starts) else 0))
    n = g.poisson(VIEWS_MEAN * np.maximum(a1 - a0, 0) / VIEW_SPAN)
    acc = np.repeat(np.arange(lo, hi, dtype=np.int32), n)
    t = a0[acc - lo] + (g.random(len(acc)) * (a1 - a0)[acc - lo]).astype(np.int64)
    started = np.searchsorted(starts, t, "right")
    topic = (g.random(len(acc)) * np.maximum(started, 1)).astype(np.int64) + 1
    return t, acc, np.zeros(len(acc), np.int8), topic


def _window(people: People, act: Activity, fids: np.ndarray, w: tuple[int, int]) -> Events:
    """Every event with time in ``[w0, w1)``, sorted by time (ties: views before
    each post, posts, PMs, registrations, extra views, as one global stable sort)."""
    w0, w1 = w
    starts = act.post_time[act.topic_first]
    v0, v1 = np.searchsorted(act.post_time, [w0 + 45, w1 + 45])
    p0, p1 = np.searchsorted(act.post_time, [w0, w1])
    m0, m1 = np.searchsorted(act.pm_time, [w0, w1])
    r0, r1 = np.searchsorted(people.a_reg, [w0, w1])
    topic = act.post_topic[p0:p1].astype(np.int64)
    pm_from = act.pm_sender[m0:m1]
    is_first = act.topic_first[topic] == np.arange(p0, p1)
    parts: list[Events] = [
        (
            act.post_time[v0:v1] - 45,
            act.post_poster[v0:v1],
            np.zeros(v1 - v0, np.int8),
            act.post_topic[v0:v1] + 1,
        ),
        (
            act.post_time[p0:p1],
            act.post_poster[p0:p1],
            np.where(is_first, 2, 1).astype(np.int8),
            np.where(is_first, fids[act.topic_section[topic]], topic + 1),
        ),
        (act.pm_time[m0:m1], pm_from, np.full(m1 - m0, 3, np.int8), pm_from),
        (people.a_reg[r0:r1], np.arange(r0, r1), np.full(r1 - r0, 4, np.int8), np.zeros(r1 - r0)),
        _views(people, act, w0, w1, starts),
    ]
    t = np.concatenate([np.asarray(p[0], np.int64) for p in parts])
    order = np.argsort(t, kind="stable")
    return (
        t[order],
        np.concatenate([np.asarray(p[1], np.int64) for p in parts])[order],
        np.concatenate([p[2] for p in parts])[order],
        np.concatenate([np.asarray(p[3], np.int64) for p in parts])[order],
    )


def _events(people: People, act: Activity, board_ids: tuple[int, ...]) -> Iterator[Events]:
    """All events in time order, one window at a time."""
    fids = np.asarray(board_ids, np.int64)
    first = min(int(people.a_reg[0]), int(act.post_time[0]) - 45 if len(act.post_time) else END)
    for w0 in range(first - first % WINDOW, END, WINDOW):
        yield _window(people, act, fids, (w0, w0 + WINDOW))


def write(
    path: Path,
    people: People,
    act: Activity,
    paths: dict[int, tuple[str, str, int]],
    board_ids: tuple[int, ...],
    host: str = "forum.example.onion",
) -> int:
    """Write ``access.log`` with the software's ``paths`` (event code -> method, path,
    status) and forum/board id per section; return the number of lines."""
    lines = 0
    agents = UserAgents(people)
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for t, acc, code, target in _events(people, act, board_ids):
            for k in range(0, len(t), BATCH):
                batch = (t[k : k + BATCH], acc[k : k + BATCH], code[k : k + BATCH])
                f.write(_lines(people, agents, paths, host, lines, (*batch, target[k : k + BATCH])))
                lines += len(batch[0])
    return lines


def _lines(
    people: People,
    agents: UserAgents,
    paths: dict[int, tuple[str, str, int]],
    host: str,
    lines: int,
    events: Events,
) -> str:
    """The log lines of ``events`` (numbered from ``lines``), addresses, browsers,
    times and sizes computed for the whole batch at once."""
    t, acc, code, target = events
    person = people.a_person[acc]
    ok = np.zeros(max(paths) + 1, bool)
    ok[[c for c, p in paths.items() if p[2] == 200]] = True
    size = np.where(ok[code], vmix(people.seed, np.arange(lines, lines + len(t)), 9) % 30000, 0)
    size += np.where(ok[code], 2000, 0).astype(np.uint64)
    heads = {c: (f'"{m} ', f' HTTP/1.1" {s} ', tmpl) for c, (m, tmpl, s) in paths.items()}
    refs = ('"-"', f'"http://{host}/index.php"')
    out = [
        f"{ip} - - [{stamp}] {heads[c][0]}{heads[c][2].format(t=x)}{heads[c][1]}{n} "
        f'{refs[c != 0]} "{ua}"\n'
        for ip, stamp, c, x, n, ua in zip(
            ip_strs(people, person, t),
            _stamps(t),
            code.tolist(),
            target.tolist(),
            size.tolist(),
            agents.strings(person, t),
            strict=True,
        )
    ]
    return "".join(out)


def _stamps(t: np.ndarray) -> list[str]:
    """``%d/%b/%Y:%H:%M:%S +0000`` of each UTC time (C locale month names)."""
    day, sec = np.divmod(np.asarray(t, np.int64), 86400)
    days = {d: time.strftime("%d/%b/%Y:", time.gmtime(d * 86400)) for d in np.unique(day).tolist()}
    clock = _clock()
    return [days[d] + clock[s] for d, s in zip(day.tolist(), sec.tolist(), strict=True)]


@cache
def _clock() -> tuple[str, ...]:
    """``HH:MM:SS +0000`` of each second of a day."""
    return tuple(f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d} +0000" for s in range(86400))
