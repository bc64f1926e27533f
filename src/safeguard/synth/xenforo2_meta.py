"""XenForo 2 structure tables: schema, nodes, forums, threads, user groups,
sessions and bans (writer: ``xenforo2.py``; plans: ``xenforo2_plan.py``).

XenForo is not open source; the DDL in ``data/xenforo2_tables.sql`` is
reconstructed (see that file's header).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

import numpy as np

from safeguard.synth import mysqldump
from safeguard.synth.activity import SECTIONS, Activity, section_posts
from safeguard.synth.network import ip_at
from safeguard.synth.people import END, People
from safeguard.synth.phpbb3_meta import TREE, forum_ids
from safeguard.synth.render import topic_title
from safeguard.synth.rng import mix, np_stream
from safeguard.synth.text import LANGS
from safeguard.synth.xenforo2_plan import packed

SCHEMA = Path(__file__).parent / "data" / "xenforo2_tables.sql"
Rows = Iterator[dict[str, object]]
GROUPS = (
    (1, "Unregistered / Unconfirmed", 0, "Guest", "", ""),
    (2, "Registered", 0, "", "", ""),
    (3, "Administrative", 1000, "Administrator", "userBanner--red", "Staff Member"),
    (4, "Moderating", 900, "Moderator", "userBanner--primary", "Staff Member"),
)


@cache
def schema() -> dict[str, mysqldump.Table]:
    """The xf_ tables, printed as InnoDB utf8mb4 (MEMORY for xf_session_activity)."""
    tables = mysqldump.parse_schema(SCHEMA.read_text("utf-8"), "", "utf8mb4_general_ci")
    for name, t in tables.items():
        engine = "MEMORY" if name == "xf_session_activity" else "InnoDB"
        t.create = t.create.replace("ENGINE=MyISAM", f"ENGINE={engine}").replace(
            "CHARSET=utf8 ", "CHARSET=utf8mb4 "
        )
    return tables


def nodes(act: Activity) -> Rows:
    """Categories and forums as a nested set (lft/rgt), ids as phpBB's layout."""
    fids, left = forum_ids(), 1
    for order, (cat, secs) in enumerate(TREE):
        cid = fids[secs[0]] - 1
        yield {
            "node_id": cid,
            "title": cat,
            "description": "",
            "node_type_id": b"Category",
            "display_order": (order + 1) * 100,
            "lft": left,
            "rgt": left + 2 * len(secs) + 1,
            "depth": 0,
            "effective_style_id": 0,
        }
        for k, s in enumerate(secs):
            yield {
                "node_id": fids[s],
                "title": SECTIONS[s][0],
                "description": "",
                "node_type_id": b"Forum",
                "parent_node_id": cid,
                "display_order": (k + 1) * 10,
                "lft": left + 1 + 2 * k,
                "rgt": left + 2 + 2 * k,
                "depth": 1,
            }
        left += 2 * len(secs) + 2


def forums(people: People, act: Activity) -> Rows:
    fids = forum_ids()
    posts = section_posts(act)
    topics = np.bincount(act.topic_section, minlength=len(SECTIONS))
    last_topic = np.full(len(SECTIONS), -1, np.int64)
    np.maximum.at(last_topic, act.topic_section, np.arange(len(act.topic_first)))
    for s in sorted(range(len(SECTIONS)), key=lambda x: fids[x]):
        row: dict[str, object] = {
            "node_id": fids[s],
            "discussion_count": int(topics[s]),
            "message_count": int(posts[s]),
            "forum_type_id": b"discussion",
            "type_config": b"[]",
        }
        if last_topic[s] >= 0:
            t = int(last_topic[s])
            last = int(act.topic_last[t])
            row |= {
                "last_post_id": last + 1,
                "last_post_date": int(act.post_time[last]),
                "last_post_user_id": int(act.post_poster[last]) + 1,
                "last_post_username": people.names[int(act.post_poster[last])],
                "last_thread_id": t + 1,
                "last_thread_title": thread_title(people, act, t),
            }
        yield row


def thread_title(people: People, act: Activity, t: int) -> str:
    starter = int(act.post_poster[int(act.topic_first[t])])
    lang = (
        SECTIONS[int(act.topic_section[t])][1]
        or LANGS[int(people.p_lang[people.a_person[starter]])]
    )
    return topic_title(people.seed, t, lang)


def threads(people: People, act: Activity) -> Rows:
    fids = forum_ids()
    replies = act.topic_posts.astype(np.int64) - 1
    for t in range(len(act.topic_first)):
        first, last = int(act.topic_first[t]), int(act.topic_last[t])
        starter, lastp = int(act.post_poster[first]), int(act.post_poster[last])
        sec = int(act.topic_section[t])
        yield {
            "thread_id": t + 1,
            "node_id": fids[sec],
            "title": thread_title(people, act, t),
            "reply_count": int(replies[t]),
            "view_count": int(replies[t]) * 9 + mix(people.seed, t) % 40,
            "user_id": starter + 1,
            "username": people.names[starter],
            "post_date": int(act.post_time[first]),
            "sticky": int(sec == 0),
            "discussion_type": "discussion",
            "first_post_id": first + 1,
            "last_post_date": int(act.post_time[last]),
            "last_post_id": last + 1,
            "last_post_user_id": lastp + 1,
            "last_post_username": people.names[lastp],
            "tags": b"[]",
            "custom_fields": b"[]",
            "type_data": b"[]",
        }


def user_groups() -> Rows:
    for gid, title, prio, user_title, css, banner in GROUPS:
        yield {
            "user_group_id": gid,
            "title": title,
            "display_style_priority": prio,
            "username_css": "",
            "user_title": user_title,
            "banner_css_class": css,
            "banner_text": banner,
        }


def banned_accounts(people: People) -> np.ndarray:
    """Accounts banned for spam (0.2% of members, never staff or the founder), sorted."""
    g = np_stream(people.seed, "bans")
    plain = np.flatnonzero(people.a_role == 0)
    plain = plain[plain > 0]
    n = min(len(plain), max(1, people.accounts // 500))
    return np.sort(g.choice(plain, size=n, replace=False))


def user_bans(people: People) -> Rows:
    admins = np.flatnonzero(people.a_role == 2)
    by = int(admins[0]) + 1 if len(admins) else 1
    for a in banned_accounts(people).tolist():
        yield {
            "user_id": a + 1,
            "ban_user_id": by,
            "ban_date": min(int(people.a_reg[a]) + 86400, END - 1),
            "end_date": 0,
            "user_reason": "Spam",
            "triggered": 0,
        }


def sessions(people: People, act: Activity) -> Rows:
    """Members online when the server was seized (about 1%); XF logs no user agent."""
    g = np_stream(people.seed, "sessions")
    online = np.sort(g.choice(people.accounts, size=max(1, people.accounts // 100), replace=False))
    topics = max(1, len(act.topic_first))
    for a in online.tolist():
        t = END - int(g.integers(60, 900))
        tid = mix(people.seed, a, 13) % topics + 1
        yield {
            "user_id": a + 1,
            "unique_key": (a + 1).to_bytes(4, "big"),
            "ip": packed(ip_at(people, int(people.a_person[a]), t)),
            "controller_name": "XF\\Pub\\Controller\\Thread",
            "controller_action": "Index",
            "view_state": "valid",
            "params": f"thread_id={tid}".encode(),
            "view_date": t,
        }
