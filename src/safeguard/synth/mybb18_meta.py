"""MyBB 1.8 structure tables: schema, forums, threads, user groups, user fields,
sessions, bans and the moderator log (the writer itself is ``mybb18.py``)."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import numpy as np

from safeguard.synth import geo, mysqldump
from safeguard.synth.activity import SECTIONS, Activity, section_posts
from safeguard.synth.network import ip_at, user_agent
from safeguard.synth.people import END, People
from safeguard.synth.phpbb3_meta import TREE, forum_ids
from safeguard.synth.render import topic_title
from safeguard.synth.rng import mix, np_stream
from safeguard.synth.text import LANGS

SCHEMA = Path(__file__).parent / "data" / "mybb18_mysql_db_tables.php"
Rows = Iterator[dict[str, object]]
BANNED_GROUP = 7
# MyBB's default groups (install/resources/usergroups.xml): gid, title, namestyle, user title
GROUPS = (
    (1, "Guests", "{username}", "Unregistered"),
    (2, "Registered", "{username}", ""),
    (
        3,
        "Super Moderators",
        '<span style="color: #CC00CC;"><strong>{username}</strong></span>',
        "Super Moderator",
    ),
    (
        4,
        "Administrators",
        '<span style="color: green;"><strong><em>{username}</em></strong></span>',
        "Administrator",
    ),
    (5, "Awaiting Activation", "{username}", "Account not Activated"),
    (6, "Moderators", '<span style="color: #CC00CC;"><strong>{username}</strong></span>', "Staff"),
    (BANNED_GROUP, "Banned", "<s>{username}</s>", "Banned"),
)


@cache
def schema() -> dict[str, mysqldump.Table]:
    """MyBB 1.8's 75 tables from its installer (``mysql_db_tables.php``), prefix ``mybb_``.

    The installer writes ``default`` in lower case, ``PRIMARY KEY(sid)`` and ``UNIQUE KEY``;
    all are normalised so the generic DDL parser reads them.
    """
    text = SCHEMA.read_text("utf-8")
    text = re.sub(r" default ('|\d)", r" DEFAULT \1", text)
    text = text.replace("PRIMARY KEY(", "PRIMARY KEY (").replace("UNIQUE KEY ", "UNIQUE ")
    return mysqldump.parse_schema(text, "", "utf8_general_ci")


def packed(ip: str) -> bytes:
    """my_inet_pton bytes (4 for IPv4, 16 for IPv6), as MyBB 1.8 stores addresses."""
    return ipaddress.ip_address(ip).packed


def banned_accounts(people: People) -> np.ndarray:
    """Accounts banned for spam (0.2% of members, never staff or the founder), sorted."""
    g = np_stream(people.seed, "bans")
    plain = np.flatnonzero(people.a_role == 0)
    plain = plain[plain > 0]
    n = min(len(plain), max(1, people.accounts // 500))
    return np.sort(g.choice(plain, size=n, replace=False))


def forums(act: Activity) -> Rows:
    """Categories (type 'c') and their forums (type 'f'), ids as phpBB's layout."""
    fids = forum_ids()
    posts = section_posts(act)
    topics = np.bincount(act.topic_section, minlength=len(SECTIONS))
    for order, (cat, secs) in enumerate(TREE):
        cid = fids[secs[0]] - 1
        yield {
            "fid": cid,
            "name": cat,
            "type": "c",
            "pid": 0,
            "parentlist": str(cid),
            "disporder": order + 1,
            "active": 1,
            "open": 1,
            "allowmycode": 1,
            "allowsmilies": 1,
            "allowimgcode": 1,
            "showinjump": 1,
        }
        for k, s in enumerate(secs):
            yield {
                "fid": fids[s],
                "name": SECTIONS[s][0],
                "type": "f",
                "pid": cid,
                "parentlist": f"{cid},{fids[s]}",
                "disporder": k + 1,
                "active": 1,
                "open": 1,
                "threads": int(topics[s]),
                "posts": int(posts[s]),
                "allowmycode": 1,
                "allowsmilies": 1,
                "allowimgcode": 1,
                "allowvideocode": 1,
                "allowpicons": 1,
                "allowtratings": 1,
                "usepostcounts": 1,
                "usethreadcounts": 1,
                "showinjump": 1,
            }


def closed_threads(people: People, act: Activity) -> np.ndarray:
    """Threads a moderator closed (2%), sorted."""
    g = np_stream(people.seed, "modlog")
    n = len(act.topic_first)
    return np.sort(g.choice(n, size=n // 50, replace=False))


def threads(people: People, act: Activity) -> Rows:
    fids = forum_ids()
    replies = act.topic_posts.astype(np.int64) - 1
    closed = set(closed_threads(people, act).tolist())
    for t in range(len(act.topic_first)):
        first, last = int(act.topic_first[t]), int(act.topic_last[t])
        starter, lastp = int(act.post_poster[first]), int(act.post_poster[last])
        sec = int(act.topic_section[t])
        lang = SECTIONS[sec][1] or LANGS[int(people.p_lang[people.a_person[starter]])]
        yield {
            "closed": "1" if t in closed else "",
            "tid": t + 1,
            "fid": fids[sec],
            "subject": topic_title(people.seed, t, lang),
            "uid": starter + 1,
            "username": people.names[starter],
            "dateline": int(act.post_time[first]),
            "firstpost": first + 1,
            "lastpost": int(act.post_time[last]),
            "lastposter": people.names[lastp],
            "lastposteruid": lastp + 1,
            "views": int(replies[t]) * 9 + mix(people.seed, t) % 40,
            "replies": int(replies[t]),
            "sticky": int(sec == 0),
            "visible": 1,
        }


def usergroups() -> Rows:
    for gid, title, style, usertitle in GROUPS:
        staff = gid in (3, 4, 6)
        yield {
            "gid": gid,
            "type": 1,
            "title": title,
            "namestyle": style,
            "usertitle": usertitle,
            "disporder": 0,
            "isbannedgroup": int(gid == BANNED_GROUP),
            "canview": int(gid != BANNED_GROUP),
            "canviewthreads": int(gid != BANNED_GROUP),
            "canpostthreads": int(gid in (2, 3, 4, 6)),
            "canpostreplys": int(gid in (2, 3, 4, 6)),
            "canusepms": int(gid in (2, 3, 4, 6)),
            "cansendpms": int(gid in (2, 3, 4, 6)),
            "cancp": int(gid == 4),
            "issupermod": int(gid in (3, 4)),
            "canmodcp": int(staff),
            "showforumteam": int(staff),
            "pmquota": 0 if staff else 200,
        }


def userfields(people: People) -> Rows:
    """One row per member (MyBB creates it at registration); fid1 Location for 15%."""
    for a in range(people.accounts):
        country = geo.countries()[int(people.p_country[int(people.a_person[a])])]
        located = mix(people.seed, a, 31) % 100 < 15
        yield {"ufid": a + 1, "fid1": country.name if located else "", "fid2": "", "fid3": ""}


def sessions(people: People, act: Activity) -> Rows:
    """Sessions open when the server was seized (about 1% of members online)."""
    g = np_stream(people.seed, "sessions")
    online = np.sort(g.choice(people.accounts, size=max(1, people.accounts // 100), replace=False))
    topics = max(1, len(act.topic_first))
    for a in online.tolist():
        person = int(people.a_person[a])
        t = END - int(g.integers(60, 900))
        tid = mix(people.seed, a, 13) % topics + 1
        yield {
            "sid": f"{mix(people.seed, a, 11):016x}{mix(people.seed, a, 12):016x}",
            "uid": a + 1,
            "ip": packed(ip_at(people, person, t)),
            "time": t,
            "location": f"/showthread.php?tid={tid}",
            "useragent": user_agent(people, person, t)[:200],
            "location1": tid,
        }


def banned(people: People) -> Rows:
    admin = int(np.flatnonzero(people.a_role == 2)[0]) + 1 if (people.a_role == 2).any() else 1
    for a in banned_accounts(people).tolist():
        yield {
            "uid": a + 1,
            "gid": BANNED_GROUP,
            "oldgroup": 2,
            "oldadditionalgroups": "",
            "admin": admin,
            "dateline": min(int(people.a_reg[a]) + 86400, END - 1),
            "bantime": "---",
            "reason": "Spam",
        }


def moderatorlog(people: People, act: Activity) -> Rows:
    """Threads closed by moderators (2% of threads), with the moderator's IP."""
    mods = np.flatnonzero(people.a_role > 0)
    if not len(mods):
        return
    closed = closed_threads(people, act)
    fids = forum_ids()
    for i, t in enumerate(closed.tolist()):
        m = int(mods[i % len(mods)])
        when = min(int(act.post_time[act.topic_last[t]]) + 3600, END - 1)
        fid = fids[int(act.topic_section[t])]
        yield {
            "uid": m + 1,
            "dateline": when,
            "fid": fid,
            "tid": t + 1,
            "action": "Thread Closed",
            "data": f'a:2:{{s:3:"fid";i:{fid};s:3:"tid";i:{t + 1};}}',
            "ipaddress": packed(ip_at(people, int(people.a_person[m]), when)),
        }
