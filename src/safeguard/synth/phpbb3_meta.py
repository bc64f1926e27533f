"""phpBB 3.0 structure tables: forums, groups, ranks, memberships, topics,
sessions, moderator log and ban list."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import numpy as np
import phpserialize

from safeguard.synth import mysqldump
from safeguard.synth.activity import SECTIONS, Activity, section_posts
from safeguard.synth.network import ip_at, user_agent
from safeguard.synth.people import END, RISK_BITS, People
from safeguard.synth.render import topic_title
from safeguard.synth.rng import mix, np_stream
from safeguard.synth.text import LANGS

Rows = Iterator[dict[str, object]]
# (category, section indices); ids are assigned in this order, categories first.
TREE = (
    ("General", (0, 1, 2)),
    ("Hobbies", (3, 4, 5)),
    ("Members", (6,)),
    ("International", tuple(range(7, len(SECTIONS)))),
)
GROUPS = (
    (1, "GUESTS", 3),
    (2, "REGISTERED", 3),
    (3, "REGISTERED_COPPA", 3),
    (4, "GLOBAL_MODERATORS", 3),
    (5, "ADMINISTRATORS", 3),
    (6, "BOTS", 3),
    (7, "NEWLY_REGISTERED", 3),
    (8, "Trusted members", 1),
)
RANKS = (
    (1, "Site Admin", 0, 1),
    (2, "Moderator", 0, 1),
    (3, "New member", 0, 0),
    (4, "Member", 25, 0),
    (5, "Regular", 250, 0),
    (6, "Veteran", 1000, 0),
)


@cache
def forum_ids() -> tuple[int, ...]:
    """forum_id of each section in SECTIONS order."""
    ids = [0] * len(SECTIONS)
    next_id = 1
    for _, secs in TREE:
        next_id += 1
        for s in secs:
            ids[s] = next_id
            next_id += 1
    return tuple(ids)


def _uid(a: int) -> int:
    return a + 2


def forums(act: Activity) -> Rows:
    fids, left = forum_ids(), 1
    posts = section_posts(act)
    topics = np.bincount(act.topic_section, minlength=len(SECTIONS))
    for cat, secs in TREE:
        yield {
            "forum_id": fids[secs[0]] - 1,
            "forum_name": cat,
            "forum_type": 0,
            "left_id": left,
            "right_id": left + 2 * len(secs) + 1,
            "forum_desc": "",
            "forum_parents": "",
            "forum_rules": "",
        }
        for k, s in enumerate(secs):
            yield {
                "forum_id": fids[s],
                "parent_id": fids[secs[0]] - 1,
                "forum_type": 1,
                "left_id": left + 1 + 2 * k,
                "right_id": left + 2 + 2 * k,
                "forum_name": SECTIONS[s][0],
                "forum_desc": "",
                "forum_parents": "",
                "forum_rules": "",
                "forum_posts": int(posts[s]),
                "forum_topics": int(topics[s]),
                "forum_topics_real": int(topics[s]),
            }
        left += 2 * len(secs) + 2


def topics(people: People, act: Activity) -> Rows:
    fids = forum_ids()
    replies = act.topic_posts.astype(np.int64) - 1
    for t in range(len(act.topic_first)):
        first, last = int(act.topic_first[t]), int(act.topic_last[t])
        starter, lastp = int(act.post_poster[first]), int(act.post_poster[last])
        sec = int(act.topic_section[t])
        lang = SECTIONS[sec][1] or LANGS[int(people.p_lang[people.a_person[starter]])]
        title = topic_title(people.seed, t, lang)
        yield {
            "topic_id": t + 1,
            "forum_id": fids[sec],
            "topic_title": title,
            "topic_poster": _uid(starter),
            "topic_time": int(act.post_time[first]),
            "topic_views": int(replies[t]) * 9 + mix(people.seed, t) % 40,
            "topic_replies": int(replies[t]),
            "topic_replies_real": int(replies[t]),
            "topic_first_post_id": first + 1,
            "topic_first_poster_name": people.names[starter],
            "topic_last_post_id": last + 1,
            "topic_last_poster_id": _uid(lastp),
            "topic_last_poster_name": people.names[lastp],
            "topic_last_post_subject": "Re: " + title,
            "topic_last_post_time": int(act.post_time[last]),
            "topic_last_view_time": int(act.post_time[last]),
            "topic_type": int(sec == 0),
        }


def user_group(people: People) -> Rows:
    yield {"group_id": 1, "user_id": 1, "user_pending": 0}
    trusted = (people.p_risk[people.a_person] & (RISK_BITS["leader"] | RISK_BITS["files"])) > 0
    for a in range(people.accounts):
        role = int(people.a_role[a])
        for g in (2, *((4,) if role else ()), *((5,) if role == 2 else ())):
            yield {"group_id": g, "user_id": _uid(a), "user_pending": 0}
        if trusted[a]:
            lead = bool(people.p_risk[people.a_person[a]] & RISK_BITS["leader"])
            yield {"group_id": 8, "user_id": _uid(a), "group_leader": int(lead), "user_pending": 0}


def sessions(people: People) -> Rows:
    """Sessions open when the server was seized (about 1% of members online)."""
    g = np_stream(people.seed, "sessions")
    online = np.sort(g.choice(people.accounts, size=max(1, people.accounts // 100), replace=False))
    for a in online.tolist():
        person = int(people.a_person[a])
        t = END - int(g.integers(60, 3600))
        yield {
            "session_id": f"{mix(people.seed, a, 11):016x}{mix(people.seed, a, 12):016x}",
            "session_user_id": _uid(a),
            "session_last_visit": t - 86400,
            "session_start": t - 600,
            "session_time": t,
            "session_ip": ip_at(people, person, t),
            "session_browser": user_agent(people, person, t)[:150],
            "session_page": "index.php",
        }


def log(people: People, act: Activity) -> Rows:
    """Moderator log: topic locks by moderators, with their IPs."""
    mods = np.flatnonzero(people.a_role > 0)
    g = np_stream(people.seed, "modlog")
    locked = np.sort(g.choice(len(act.topic_first), size=len(act.topic_first) // 50, replace=False))
    for i, t in enumerate(locked.tolist()):
        m = int(mods[i % len(mods)])
        when = min(int(act.post_time[act.topic_last[t]]) + 3600, END - 1)
        title = topic_title(people.seed, t, "en")
        yield {
            "log_id": i + 1,
            "log_type": 1,
            "user_id": _uid(m),
            "forum_id": forum_ids()[int(act.topic_section[t])],
            "topic_id": t + 1,
            "log_ip": ip_at(people, int(people.a_person[m]), when),
            "log_time": when,
            "log_operation": "LOG_LOCK",
            "log_data": phpserialize.dumps([title]).decode(),
        }


def banlist(people: People) -> Rows:
    """Spammers banned by account (0.2% of members), with no end date."""
    g = np_stream(people.seed, "bans")
    banned = np.sort(
        g.choice(np.arange(1, people.accounts), size=max(1, people.accounts // 500), replace=False)
    )
    for i, a in enumerate(banned.tolist()):
        start = int(people.a_reg[a]) + 86400
        yield {
            "ban_id": i + 1,
            "ban_userid": _uid(a),
            "ban_start": min(start, END - 1),
            "ban_reason": "spam",
            "ban_give_reason": "Spam is not allowed here.",
        }


def meta_rows(people: People, act: Activity) -> dict[str, Rows]:
    """Generators for every structure table, by table name."""
    return {
        "phpbb_banlist": banlist(people),
        "phpbb_forums": forums(act),
        "phpbb_groups": iter(
            [
                {
                    "group_id": i,
                    "group_name": n,
                    "group_type": t,
                    "group_desc": "",
                    "group_legend": int(i in (4, 5)),
                }
                for i, n, t in GROUPS
            ]
        ),
        "phpbb_log": log(people, act),
        "phpbb_ranks": iter(
            [
                {"rank_id": i, "rank_title": n, "rank_min": m, "rank_special": s}
                for i, n, m, s in RANKS
            ]
        ),
        "phpbb_sessions": sessions(people),
        "phpbb_topics": topics(people, act),
        "phpbb_user_group": user_group(people),
    }


MEDIUMINT_MAX = 16_777_215  # phpBB 3.0 ids are mediumint(8) UNSIGNED
# Columns phpBB 3.2's migration v320/default_data_type_ids widens to ULINT
# (int(10) UNSIGNED) (ticket PHPBB3-11875, "mediumint(8) too small for
# post_id"), restricted to the tables written here, plus the forum counters
# (the busiest section holds ~25% of posts: ~13 M at 1.8 M accounts).
WIDE_IDS = {
    "phpbb_banlist": ("ban_id", "ban_userid"),
    "phpbb_forums": ("forum_last_post_id", "forum_last_poster_id", "forum_posts", "forum_topics"),
    "phpbb_log": ("log_id", "reportee_id", "user_id", "topic_id"),
    "phpbb_posts": ("post_id", "poster_id", "post_edit_user", "topic_id"),
    "phpbb_privmsgs": ("author_id", "message_edit_user", "msg_id"),
    "phpbb_privmsgs_to": ("author_id", "msg_id", "user_id"),
    "phpbb_sessions": ("session_user_id",),
    "phpbb_topics": (
        "topic_id",
        "topic_poster",
        "topic_first_post_id",
        "topic_last_post_id",
        "topic_last_poster_id",
        "topic_moved_id",
    ),
    "phpbb_user_group": ("user_id",),
    "phpbb_users": ("user_id",),
}


def widen_ids(s: dict[str, mysqldump.Table], largest_id: int) -> dict[str, mysqldump.Table]:
    """phpBB 3.0's tables ``s``, with ``WIDE_IDS`` as int(10) UNSIGNED if ``largest_id``
    does not fit mediumint(8) UNSIGNED: a real 3.0 board past 16.7 M posts fails on
    insert unless its admin altered these columns, as phpBB 3.2 later does."""
    if largest_id <= MEDIUMINT_MAX:
        return s
    out = dict(s)
    for name, cols in WIDE_IDS.items():
        create = s[name].create
        for col in cols:
            create = create.replace(f"`{col}` mediumint(8) unsigned", f"`{col}` int(10) unsigned")
        columns = [(c, s[name].defaults[c]) for c in s[name].columns]
        out[name] = mysqldump.Table(name, columns, create)
    return out
