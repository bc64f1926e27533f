"""The web server's access log (Apache combined format) for the same period.

Same members, same IPs and browsers as the dump, on the forum software's real
URL paths. Events: registration, topic views (members and lurkers), new topics,
replies, private messages; the server clock is UTC.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from safeguard.synth.activity import Activity
from safeguard.synth.network import ip_at, user_agent
from safeguard.synth.people import People
from safeguard.synth.rng import mix, np_stream

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


def _events(
    people: People, act: Activity, board_ids: tuple[int, ...]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    g = np_stream(people.seed, "accesslog")
    n_posts = len(act.post_time)
    is_first = np.zeros(n_posts, bool)
    is_first[act.topic_first] = True
    views = g.poisson(VIEWS_MEAN, people.accounts)
    v_acc = np.repeat(np.arange(people.accounts, dtype=np.int32), views)
    span = 86400 * 900
    v_time = people.a_reg[v_acc] + (g.random(len(v_acc)) * span).astype(np.int64)
    keep = v_time < int(act.post_time[-1]) if n_posts else v_time < 0
    v_acc, v_time = v_acc[keep], v_time[keep]
    started = np.searchsorted(act.post_time[act.topic_first], v_time)
    v_topic = (g.random(len(v_acc)) * np.maximum(started, 1)).astype(np.int64) + 1
    fids = np.asarray(board_ids, np.int64)[act.topic_section[act.post_topic]]
    parts = [
        (act.post_time - 45, act.post_poster, np.zeros(n_posts, np.int8), act.post_topic + 1),
        (
            act.post_time,
            act.post_poster,
            np.where(is_first, 2, 1).astype(np.int8),
            np.where(is_first, fids, act.post_topic + 1),
        ),
        (act.pm_time, act.pm_sender, np.full(len(act.pm_time), 3, np.int8), act.pm_sender),
        (
            people.a_reg,
            np.arange(people.accounts, dtype=np.int32),
            np.full(people.accounts, 4, np.int8),
            np.zeros(people.accounts, np.int64),
        ),
        (v_time, v_acc, np.zeros(len(v_acc), np.int8), v_topic),
    ]
    t = np.concatenate([p[0] for p in parts]).astype(np.int64)
    order = np.argsort(t, kind="stable")
    return (
        t[order],
        np.concatenate([p[1] for p in parts])[order],
        np.concatenate([p[2] for p in parts])[order],
        np.concatenate([np.asarray(p[3], np.int64) for p in parts])[order],
    )


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
    t, acc, code, target = _events(people, act, board_ids)
    lines = 0
    with path.open("w", encoding="utf-8", newline="\n") as f:
        buf: list[str] = []
        for i in range(len(t)):
            ti, a, c = int(t[i]), int(acc[i]), int(code[i])
            person = int(people.a_person[a])
            method, tmpl, status = paths[c]
            stamp = time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(ti))
            size = 2000 + mix(people.seed, i, 9) % 30000 if status == 200 else 0
            ref = f"http://{host}/index.php" if c else "-"
            buf.append(
                f'{ip_at(people, person, ti)} - - [{stamp}] "{method} '
                f'{tmpl.format(t=int(target[i]))} HTTP/1.1" {status} {size} "{ref}" '
                f'"{user_agent(people, person, ti)}"\n'
            )
            if len(buf) >= 10000:
                f.writelines(buf)
                buf = []
            lines += 1
        f.writelines(buf)
    return lines
