"""SMF 2.1 writer: the logical model as a mysqldump of SMF's real schema.

Tables filled: boards, categories, member_logins, membergroups, members,
messages, personal_messages, pm_recipients, topics (prefix ``smf_``). SMF 2.1
specifics reproduced: IPs are ``VARBINARY(16)`` holding inet_pton bytes (dumped
as 0x hex, mysqldump ``--hex-blob``); text is HTML-escaped with ``<br />`` for
newlines; ``members.member_ip`` is the last login's address (SMF overwrites it);
a login history in ``member_logins``. ``id_member = account + 1`` (0 = guest).
"""

from __future__ import annotations

import html
import ipaddress
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import numpy as np

from safeguard.synth import geo, mysqldump
from safeguard.synth.activity import SECTIONS, Activity, section_posts
from safeguard.synth.identity import reg_email
from safeguard.synth.network import ip_at
from safeguard.synth.people import END, People
from safeguard.synth.render import Found, body, chunk_rng, pm_texts, post_lang, record, topic_title
from safeguard.synth.rng import mix, np_stream, stream

SCHEMA = Path(__file__).parent / "data" / "smf21_install_2-1_mysql.sql"
ID_OFFSET = 1
BOARD_IDS = tuple(range(1, len(SECTIONS) + 1))
CATEGORIES = (
    ("General", (0, 1, 2)),
    ("Hobbies", (3, 4, 5)),
    ("Members", (6,)),
    ("International", tuple(range(7, len(SECTIONS)))),
)
GROUPS = (
    (1, "Administrator", -1, "#FF0000"),
    (2, "Global Moderator", -1, "#0000FF"),
    (3, "Moderator", -1, ""),
    (4, "Newbie", 0, ""),
    (5, "Jr. Member", 50, ""),
    (6, "Full Member", 100, ""),
    (7, "Sr. Member", 250, ""),
    (8, "Hero Member", 500, ""),
)
PATHS = {
    0: ("GET", "/index.php?topic={t}.0", 200),
    1: ("POST", "/index.php?action=post2;topic={t}.0", 302),
    2: ("POST", "/index.php?action=post2;board={t}.0", 302),
    3: ("POST", "/index.php?action=pm;sa=send2", 302),
    4: ("POST", "/index.php?action=signup2", 302),
    5: ("GET", "/index.php", 200),
}
Rows = Iterator[dict[str, object]]


@cache
def schema() -> dict[str, mysqldump.Table]:
    """SMF 2.1's tables from its installer DDL, prefix ``smf_``."""
    return mysqldump.parse_schema(SCHEMA.read_text("utf-8"), "smf_", "utf8_general_ci")


def packed(ip: str) -> bytes:
    """inet_pton bytes, as SMF 2.1 stores addresses."""
    return ipaddress.ip_address(ip).packed


def _text(text: str) -> str:
    return html.escape(text, quote=True).replace("&#x27;", "&#039;").replace("\n", "<br />")


def messages(people: People, act: Activity, found: Found) -> Rows:
    r = chunk_rng(people.seed, "post", 0)
    for i in range(len(act.post_time)):
        if i and i % 4096 == 0:
            r = chunk_rng(people.seed, "post", i)
        acc, topic, t = int(act.post_poster[i]), int(act.post_topic[i]), int(act.post_time[i])
        lang = post_lang(people, act, i, r)
        title = topic_title(
            people.seed, topic, post_lang(people, act, int(act.topic_first[topic]), r)
        )
        text, planted = body(r, lang, act.plants.get(("post", i)))
        record(found, "smf_messages", i + 1, acc + ID_OFFSET, planted)
        yield {
            "id_msg": i + 1,
            "id_topic": topic + 1,
            "id_board": BOARD_IDS[int(act.topic_section[topic])],
            "poster_time": t,
            "id_member": acc + ID_OFFSET,
            "id_msg_modified": i + 1,
            "subject": title if act.topic_first[topic] == i else "Re: " + title,
            "poster_name": people.names[acc],
            "poster_email": reg_email(people, acc),
            "poster_ip": packed(ip_at(people, int(people.a_person[acc]), t)),
            "body": _text(text),
        }


def personal_messages(people: People, act: Activity, found: Found) -> Rows:
    for i, acc, text in pm_texts(people, act, found, "smf_personal_messages", ID_OFFSET):
        yield {
            "id_pm": i + 1,
            "id_pm_head": i + 1,
            "id_member_from": acc + ID_OFFSET,
            "from_name": people.names[acc],
            "msgtime": int(act.pm_time[i]),
            "subject": text.split(".")[0][:60],
            "body": _text(text),
        }


def pm_recipients(act: Activity) -> Rows:
    for i in range(len(act.pm_time)):
        for a in (int(act.pm_to[i]), int(act.pm_cc[i])):
            if a >= 0:
                yield {"id_pm": i + 1, "id_member": a + ID_OFFSET, "is_read": 1, "in_inbox": 1}


def member_logins(people: People) -> Rows:
    """Up to three logins per member after registration (SMF 2.1 login history)."""
    g = np_stream(people.seed, "smf_logins")
    n = g.integers(1, 4, people.accounts)
    acc = np.repeat(np.arange(people.accounts), n)
    t = people.a_reg[acc] + (g.random(len(acc)) * (END - people.a_reg[acc])).astype(np.int64)
    order = np.argsort(t, kind="stable")
    for k, i in enumerate(order.tolist()):
        a, ti = int(acc[i]), int(t[i])
        ip = packed(ip_at(people, int(people.a_person[a]), ti))
        yield {"id_login": k + 1, "id_member": a + ID_OFFSET, "time": ti, "ip": ip, "ip2": ip}


def members(people: People, act: Activity, found: Found) -> Rows:
    last = act.last_post.astype(np.int64)
    for a in range(people.accounts):
        person = int(people.a_person[a])
        r = stream(people.seed, "user", a)
        country = geo.countries()[int(people.p_country[person])]
        reg = int(people.a_reg[a])
        seen = max(int(last[a]), reg + int(r.random() * (END - reg)))
        row: dict[str, object] = {
            "id_member": a + ID_OFFSET,
            "member_name": people.names[a],
            "real_name": people.names[a],
            "date_registered": reg,
            "posts": int(people.a_posts[a]),
            "id_group": (0, 2, 1)[int(people.a_role[a])],
            "lngfile": "english",
            "last_login": seen,
            "passwd": "$2y$10$"
            + "".join(
                r.choice("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
                for _ in range(53)
            ),
            "email_address": reg_email(people, a),
            "buddy_list": "",
            "ignore_boards": "",
            "member_ip": packed(ip_at(people, person, seen)),
            "member_ip2": packed(ip_at(people, person, seen)),
            "time_offset": 0,
            "timezone": country.tz,
            "signature": "",
            "id_post_group": 4,
            "password_salt": f"{mix(people.seed, a, 4) & 0xFFFF:04x}",
        }
        plants = act.plants.get(("profile", a))
        if plants:
            row["signature"] = _text("\n".join(p.line for p in plants))
            record(found, "smf_members", a + ID_OFFSET, a + ID_OFFSET, plants)
        yield row


def topics(people: People, act: Activity) -> Rows:
    replies = act.topic_posts.astype(np.int64) - 1
    for t in range(len(act.topic_first)):
        first, last = int(act.topic_first[t]), int(act.topic_last[t])
        yield {
            "id_topic": t + 1,
            "id_board": BOARD_IDS[int(act.topic_section[t])],
            "is_sticky": int(act.topic_section[t] == 0),
            "id_first_msg": first + 1,
            "id_last_msg": last + 1,
            "id_member_started": int(act.post_poster[first]) + ID_OFFSET,
            "id_member_updated": int(act.post_poster[last]) + ID_OFFSET,
            "num_replies": int(replies[t]),
            "num_views": int(replies[t]) * 9 + mix(people.seed, t) % 40,
        }


def _structure(act: Activity) -> dict[str, Rows]:
    posts = section_posts(act)
    topics_ = np.bincount(act.topic_section, minlength=len(SECTIONS))
    cats = [
        {"id_cat": i + 1, "cat_order": i, "name": n, "description": ""}
        for i, (n, _) in enumerate(CATEGORIES)
    ]
    boards = [
        {
            "id_board": BOARD_IDS[s],
            "id_cat": c + 1,
            "board_order": s,
            "name": SECTIONS[s][0],
            "description": "",
            "num_posts": int(posts[s]),
            "num_topics": int(topics_[s]),
        }
        for c, (_, secs) in enumerate(CATEGORIES)
        for s in secs
    ]
    groups = [
        {"id_group": i, "group_name": n, "description": "", "min_posts": m, "online_color": col}
        for i, n, m, col in GROUPS
    ]
    return {
        "smf_boards": iter(boards),
        "smf_categories": iter(cats),
        "smf_membergroups": iter(groups),
    }


def write(out: Path, people: People, act: Activity) -> tuple[dict[str, int], Found]:
    """Write ``forum.sql``; return row counts per table and the planted selectors found."""
    found = Found()
    gens = {
        **_structure(act),
        "smf_member_logins": member_logins(people),
        "smf_members": members(people, act, found),
        "smf_messages": messages(people, act, found),
        "smf_personal_messages": personal_messages(people, act, found),
        "smf_pm_recipients": pm_recipients(act),
        "smf_topics": topics(people, act),
    }
    counts: dict[str, int] = {}
    s = schema()
    with out.open("wb") as f:
        mysqldump.header(f, "forum")
        for name in sorted(gens):
            counts[name] = mysqldump.table(f, s[name], gens[name])
        mysqldump.footer(f, END + 3 * 3600)
    return counts, found
