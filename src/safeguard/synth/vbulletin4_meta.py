"""vBulletin 4 structure tables and stored-text rules: schema, forums, threads,
usergroups, sessions, failed logins and bans.

vBulletin keeps its tables latin1 (the install language's charset): characters
outside cp1252 arrive from the browser as HTML numeric character references
(``&#322;``) and are stored that way. Titles are stored HTML-escaped; post and
PM bodies are raw BBCode.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import numpy as np

from safeguard.synth import mysqldump
from safeguard.synth.activity import SECTIONS, Activity, section_posts
from safeguard.synth.network import ip_at, user_agent
from safeguard.synth.people import END, People
from safeguard.synth.phpbb3_meta import TREE, forum_ids
from safeguard.synth.render import topic_title
from safeguard.synth.rng import mix, np_stream
from safeguard.synth.text import LANGS

SCHEMA = Path(__file__).parent / "data" / "vbulletin4_schema.sql"
ID_OFFSET = 1  # userid = account + 1; vBulletin has no guest row
Rows = Iterator[dict[str, object]]
# vBulletin's eight default usergroups (id, title, usertitle)
USERGROUPS = (
    (1, "Unregistered / Not Logged In", "Guest"),
    (2, "Registered Users", ""),
    (3, "Users Awaiting Email Confirmation", ""),
    (4, "(COPPA) Users Awaiting Moderation", ""),
    (5, "Super Moderators", "Super Moderator"),
    (6, "Administrators", "Administrator"),
    (7, "Moderators", "Moderator"),
    (8, "Banned Users", "Banned"),
)
_OUTSIDE_CP1252 = re.compile(r"[^\x00-\x7f\xa0-\xff\u20ac\u201a-\u201e\u2020-\u2022\u2026\u2030]")


@cache
def schema() -> dict[str, mysqldump.Table]:
    """The tables of ``data/vbulletin4_schema.sql`` as mysqldump prints them (latin1)."""
    tables = mysqldump.parse_schema(SCHEMA.read_text("utf-8"))
    for t in tables.values():
        engine = "MEMORY" if t.name == "session" else "MyISAM"
        t.create = t.create.replace(
            "ENGINE=MyISAM DEFAULT CHARSET=utf8 COLLATE=utf8_bin",
            f"ENGINE={engine} DEFAULT CHARSET=latin1",
        )
    return tables


def ncr(text: str) -> str:
    """Characters a latin1 table cannot hold, as the browser sent them: ``&#NNN;``."""
    return _OUTSIDE_CP1252.sub(lambda m: f"&#{ord(m.group())};", text)


def title(text: str) -> str:
    """A title as vBulletin stores it: HTML-escaped, then NCRs."""
    return ncr(html.escape(text, quote=True).replace("&#x27;", "&#039;"))


def forums(people: People, act: Activity) -> Rows:
    """Categories (parentid -1) and their forums, with the same ids as phpBB's tree."""
    fids = forum_ids()
    posts = section_posts(act)
    threads = np.bincount(act.topic_section, minlength=len(SECTIONS))
    order = 0
    for cat, secs in TREE:
        cid = fids[secs[0]] - 1
        children = ",".join(str(fids[s]) for s in secs)
        order += 1
        yield {
            "forumid": cid,
            "title": cat,
            "title_clean": cat,
            "description": "",
            "description_clean": "",
            "options": 86019,
            "displayorder": order,
            "parentid": -1,
            "parentlist": f"{cid},-1",
            "childlist": f"{cid},{children},-1",
        }
        for s in secs:
            name = SECTIONS[s][0]
            order += 1
            yield {
                "forumid": fids[s],
                "title": title(name),
                "title_clean": name,
                "description": "",
                "description_clean": "",
                "options": 89799,
                "displayorder": order,
                "replycount": int(posts[s]),
                "threadcount": int(threads[s]),
                "parentid": cid,
                "parentlist": f"{fids[s]},{cid},-1",
                "childlist": f"{fids[s]},-1",
            }


def thread_title(people: People, act: Activity, topic: int) -> str:
    """A thread's stored title: in its section's language, else its starter's."""
    sec = int(act.topic_section[topic])
    starter = int(act.post_poster[int(act.topic_first[topic])])
    lang = SECTIONS[sec][1] or LANGS[int(people.p_lang[people.a_person[starter]])]
    return title(topic_title(people.seed, topic, lang))


def threads(people: People, act: Activity) -> Rows:
    """One ``thread`` row per topic, in threadid order."""
    fids = forum_ids()
    replies = act.topic_posts.astype(np.int64) - 1
    for t in range(len(act.topic_first)):
        first, last = int(act.topic_first[t]), int(act.topic_last[t])
        starter, lastp = int(act.post_poster[first]), int(act.post_poster[last])
        sec = int(act.topic_section[t])
        yield {
            "threadid": t + 1,
            "title": thread_title(people, act, t),
            "firstpostid": first + 1,
            "lastpostid": last + 1,
            "lastpost": int(act.post_time[last]),
            "forumid": fids[sec],
            "open": 1,
            "replycount": int(replies[t]),
            "postusername": people.names[starter],
            "postuserid": starter + ID_OFFSET,
            "lastposter": people.names[lastp],
            "lastposterid": lastp + ID_OFFSET,
            "dateline": int(act.post_time[first]),
            "views": int(replies[t]) * 9 + mix(people.seed, t) % 40,
            "visible": 1,
            "sticky": int(sec == 0),
        }


def usergroups() -> Rows:
    for gid, name, utitle in USERGROUPS:
        yield {
            "usergroupid": gid,
            "title": name,
            "usertitle": utitle,
            "adminpermissions": 3 if gid == 6 else 0,
        }


def sessions(people: People) -> Rows:
    """Sessions open at seizure (about 1% of members), in sessionhash order."""
    g = np_stream(people.seed, "vb_sessions")
    online = g.choice(people.accounts, size=max(1, people.accounts // 100), replace=False)
    rows = []
    for a in online.tolist():
        person = int(people.a_person[a])
        t = END - int(g.integers(60, 900))
        rows.append(
            {
                "sessionhash": f"{mix(people.seed, a, 21):016x}{mix(people.seed, a, 22):016x}",
                "userid": a + ID_OFFSET,
                "host": ip_at(people, person, t),
                "idhash": f"{mix(people.seed, a, 23):016x}{mix(people.seed, a, 24):016x}",
                "lastactivity": t,
                "location": "/forum.php",
                "useragent": user_agent(people, person, t)[:100],
                "loggedin": 1,
            }
        )
    return iter(sorted(rows, key=lambda r: str(r["sessionhash"])))


def strikes(people: People) -> Rows:
    """Failed logins (vB's ``strikes``): 1% of members mistype their password once."""
    g = np_stream(people.seed, "vb_strikes")
    who = g.choice(people.accounts, size=max(1, people.accounts // 100), replace=False)
    times = people.a_reg[who] + (g.random(len(who)) * (END - people.a_reg[who])).astype(np.int64)
    for i in np.argsort(times, kind="stable").tolist():
        a, t = int(who[i]), int(times[i])
        yield {
            "striketime": t,
            "strikeip": ip_at(people, int(people.a_person[a]), t),
            "username": people.names[a],
        }


def banned(people: People) -> list[int]:
    """Accounts banned as spammers (0.2%), never the founder."""
    g = np_stream(people.seed, "vb_bans")
    n = max(1, people.accounts // 500)
    return sorted(g.choice(np.arange(1, people.accounts), size=n, replace=False).tolist())


def userbans(people: People, bans: list[int]) -> Rows:
    for a in bans:
        yield {
            "userid": a + ID_OFFSET,
            "usergroupid": 2,
            "adminid": 1,
            "bandate": min(int(people.a_reg[a]) + 86400, END - 1),
            "reason": "spam",
        }
