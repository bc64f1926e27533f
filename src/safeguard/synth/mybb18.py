"""MyBB 1.8 writer: the logical model as a mysqldump of MyBB's real schema.

Tables filled (prefix ``mybb_``): banned, forums, moderatorlog, posts,
privatemessages, sessions, threads, userfields, usergroups, users. MyBB 1.8
specifics reproduced: IPs are ``VARBINARY(16)`` my_inet_pton bytes (dumped as
0x hex, ``--hex-blob``) in users.regip/lastip, posts.ipaddress and
privatemessages.ipaddress; times are unix epochs; text is raw MyCode (not
HTML-escaped); passwords are md5(md5(salt).md5(pw)) with an 8-character salt;
a private message is one row per mailbox copy — an Inbox copy per recipient
(``uid = toid`` = that recipient) and, for 90% of senders, a Sent copy
(folder 2, ``toid`` 0 when several recipients) — each holding the serialized
recipient list ``a:1:{s:2:"to";a:N:{i:0;s:…:"uid";…}}``. ``uid = account + 1``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from safeguard.synth import geo, mysqldump
from safeguard.synth.activity import Activity
from safeguard.synth.identity import reg_email, revealed
from safeguard.synth.mybb18_meta import (
    BANNED_GROUP,
    banned,
    banned_accounts,
    forums,
    moderatorlog,
    packed,
    schema,
    sessions,
    threads,
    userfields,
    usergroups,
)
from safeguard.synth.network import ip_at
from safeguard.synth.people import END, People
from safeguard.synth.phpbb3_meta import forum_ids
from safeguard.synth.render import Found, body, chunk_rng, post_lang, record, topic_title
from safeguard.synth.rng import mix, stream

ID_OFFSET = 1
BOARD_IDS = forum_ids()
PATHS = {
    0: ("GET", "/showthread.php?tid={t}", 200),
    1: ("POST", "/newreply.php?tid={t}&processed=1", 302),
    2: ("POST", "/newthread.php?fid={t}&processed=1", 302),
    3: ("POST", "/private.php?action=do_send", 302),
    4: ("POST", "/member.php?action=do_register", 302),
    5: ("GET", "/index.php", 200),
}
# options a member gets at registration (inc/datahandlers/user.php, default settings)
NEW_USER: dict[str, object] = {
    "birthdayprivacy": "all",
    "pmfolders": "0**$%%$1**$%%$2**$%%$3**$%%$4**",
    **dict.fromkeys(
        ("allownotices", "receivepms", "pmnotice", "pmnotify", "showimages", "showvideos",
         "showsigs", "showavatars", "showquickreply", "showredirect", "showcodebuttons",
         "buddyrequestspm"),
        1,
    ),
}  # fmt: skip
SAVE_COPY = 90  # percent of PMs whose sender keeps a Sent copy (MyBB's default is on)
_ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
Rows = Iterator[dict[str, object]]


def mycode(text: str, h: int) -> str:
    """MyBB's stored form: the text as typed (raw), a post in 7 wrapped in [b]/[i]."""
    if h % 7 == 0:
        return f"[b]{text}[/b]"
    if h % 7 == 1:
        return f"[i]{text}[/i]"
    return text


def posts(people: People, act: Activity, found: Found) -> Rows:
    r = chunk_rng(people.seed, "post", 0)
    for i in range(len(act.post_time)):
        if i and i % 4096 == 0:
            r = chunk_rng(people.seed, "post", i)
        acc, topic, t = int(act.post_poster[i]), int(act.post_topic[i]), int(act.post_time[i])
        lang = post_lang(people, act, i, r)
        first = int(act.topic_first[topic])
        title = topic_title(people.seed, topic, post_lang(people, act, first, r))
        text, planted = body(r, lang, act.plants.get(("post", i)))
        record(found, "mybb_posts", i + 1, acc + ID_OFFSET, planted)
        h = mix(people.seed, i, 17)
        edited = h % 20 == 3 and t + 600 < END
        yield {
            "pid": i + 1,
            "tid": topic + 1,
            "replyto": 0 if first == i else first + 1,
            "fid": BOARD_IDS[int(act.topic_section[topic])],
            "subject": title if first == i else "RE: " + title,
            "uid": acc + ID_OFFSET,
            "username": people.names[acc],
            "dateline": t,
            "message": mycode(text, h >> 8),
            "ipaddress": packed(ip_at(people, int(people.a_person[acc]), t)),
            "includesig": 1,
            "edituid": acc + ID_OFFSET if edited else 0,
            "edittime": t + 300 + h % 300 if edited else 0,
            "visible": 1,
        }


def recipients(uids: list[int]) -> str:
    """MyBB's my_serialize of ``{"to": [uid, …]}`` (uids as strings, as fetched)."""
    items = "".join(f'i:{k};s:{len(str(u))}:"{u}";' for k, u in enumerate(uids))
    return f'a:1:{{s:2:"to";a:{len(uids)}:{{{items}}}}}'


def privatemessages(people: People, act: Activity, found: Found) -> Rows:
    """Mailbox copies in pmid order: each recipient's Inbox copy, then the Sent copy."""
    r = chunk_rng(people.seed, "pm", 0)
    pmid = 0
    for i in range(len(act.pm_time)):
        if i and i % 4096 == 0:
            r = chunk_rng(people.seed, "pm", i)
        acc, t = int(act.pm_sender[i]), int(act.pm_time[i])
        lang = geo.countries()[int(people.p_country[int(people.a_person[acc])])].languages[0]
        text, planted = body(
            r, lang if lang != "en" and r.random() < 0.5 else "en", act.plants.get(("pm", i))
        )
        to = [a + ID_OFFSET for a in (int(act.pm_to[i]), int(act.pm_cc[i])) if a >= 0]
        record(found, "mybb_privatemessages", pmid + 1, acc + ID_OFFSET, planted)
        read = t + 600 + mix(people.seed, i, 19) % 86400
        copy = {
            "fromid": acc + ID_OFFSET,
            "recipients": recipients(to),
            "subject": text.split(".")[0][:60],
            "message": mycode(text, mix(people.seed, i, 18)),
            "dateline": t,
            "includesig": 1,
            "ipaddress": packed(ip_at(people, int(people.a_person[acc]), t)),
        }
        for uid in to:
            pmid += 1
            seen = read < END
            yield {
                **copy,
                "pmid": pmid,
                "uid": uid,
                "toid": uid,
                "folder": 1,
                "status": int(seen),
                "statustime": read if seen else 0,
                "readtime": read if seen else 0,
            }
        if mix(people.seed, i, 20) % 100 < SAVE_COPY:
            pmid += 1
            toid = to[0] if len(to) == 1 else 0
            yield {
                **copy,
                "pmid": pmid,
                "uid": acc + ID_OFFSET,
                "toid": toid,
                "folder": 2,
                "status": 1,
            }


def _password(seed: int, account: int) -> tuple[str, str]:
    """(md5(md5(salt).md5(pw)), salt) for a synthetic password."""
    r = stream(seed, "password", account)
    salt = "".join(r.choice(_ALNUM) for _ in range(8))
    pw = "".join(r.choice(_ALNUM) for _ in range(10)).encode()

    def md5(b: bytes) -> str:
        return hashlib.md5(b, usedforsecurity=False).hexdigest()

    return md5((md5(salt.encode()) + md5(pw)).encode()), salt


def users(people: People, act: Activity, found: Found) -> Rows:
    last = act.last_post.astype(np.int64)
    started = np.bincount(act.post_poster[act.topic_first], minlength=people.accounts)
    bans = set(banned_accounts(people).tolist())
    for a in range(people.accounts):
        row = _user(people, act, a, int(last[a]), found)
        row["threadnum"] = int(started[a])
        if a in bans:
            row["usergroup"] = BANNED_GROUP
        yield row


def _user(people: People, act: Activity, a: int, lastpost: int, found: Found) -> dict[str, object]:
    person = int(people.a_person[a])
    r = stream(people.seed, "user", a)
    country = geo.countries()[int(people.p_country[person])]
    reg = int(people.a_reg[a])
    seen = max(lastpost, reg + int(r.random() * (END - reg)))
    password, salt = _password(people.seed, a)
    row: dict[str, object] = {
        "uid": a + ID_OFFSET,
        "username": people.names[a],
        "password": password,
        "salt": salt,
        "loginkey": "".join(r.choice(_ALNUM) for _ in range(50)),
        "email": reg_email(people, a),
        "postnum": int(people.a_posts[a]),
        "usergroup": (2, 6, 4)[int(people.a_role[a])],
        "regdate": reg,
        "lastactive": seen,
        "lastvisit": max(reg, seen - int(r.random() * 7200)),
        "lastpost": lastpost,
        **NEW_USER,
        "timezone": f"{country.utc_offset:g}",
        "regip": packed(ip_at(people, person, reg)),
        "lastip": packed(ip_at(people, person, seen)),
        "timeonline": int(r.random() * 400_000),
    }
    if r.random() < 0.3:
        row["birthday"] = f"{r.randint(1, 28)}-{r.randint(1, 12)}-{r.randint(1950, 1992)}"
    _profile_selector(people, a, person, row, found)
    plants = act.plants.get(("profile", a))
    if plants:
        row["signature"] = "\n".join(p.line for p in plants)
        record(found, "mybb_users", a + ID_OFFSET, a + ID_OFFSET, plants)
    return row


def _profile_selector(
    people: People, a: int, person: int, row: dict[str, object], found: Found
) -> None:
    """Put an ICQ number or Skype name into the profile fields for some members."""
    sel = revealed(people, person)
    if sel is None or sel[0] not in ("icq", "skype") or mix(people.seed, a, 5) % 10 >= 4:
        return
    row[sel[0]] = sel[1]
    found.append(
        {
            "fact": sel[0],
            "value": sel[1],
            "form": "field",
            "line": sel[1],
            "table": "mybb_users",
            "record": a + ID_OFFSET,
            "user_id": a + ID_OFFSET,
            "column": sel[0],
        }
    )


def write(out: Path, people: People, act: Activity) -> tuple[dict[str, int], Found]:
    """Write ``forum.sql``; return row counts per table and the planted selectors found."""
    found = Found()
    gens: dict[str, Rows] = {
        "mybb_banned": banned(people),
        "mybb_forums": forums(act),
        "mybb_moderatorlog": moderatorlog(people, act),
        "mybb_posts": posts(people, act, found),
        "mybb_privatemessages": privatemessages(people, act, found),
        "mybb_sessions": sessions(people, act),
        "mybb_threads": threads(people, act),
        "mybb_userfields": userfields(people),
        "mybb_usergroups": usergroups(),
        "mybb_users": users(people, act, found),
    }
    counts: dict[str, int] = {}
    s = schema()
    with out.open("wb") as f:
        mysqldump.header(f, "mybb")
        for name in sorted(gens):
            counts[name] = mysqldump.table(f, s[name], gens[name])
        mysqldump.footer(f, END + 3 * 3600)
    return counts, found
