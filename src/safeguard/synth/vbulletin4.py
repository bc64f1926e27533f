"""vBulletin 4 writer: the logical model as a mysqldump of vBulletin 4's tables.

Tables (no prefix, alphabetical as mysqldump writes them): forum, pm, pmtext,
post, session, strikes, thread, user, userban, userfield, usergroup,
usertextfield. vBulletin is not open source: the DDL is reconstructed
(``data/vbulletin4_schema.sql``, see its header). Quirks reproduced: IPs are
dotted text (``user.ipaddress`` is the registration address), times are epoch
seconds, latin1 tables with NCRs for other characters, raw BBCode bodies with
``\\r\\n`` line ends, HTML-escaped titles, passwords ``md5(md5(pw) . salt)`` with a
30-character salt, ``pmtext.touserarray`` PHP-serialized ``{"cc": {uid: name}}``
and one ``pm`` row per mailbox (sender's copy in folder -1).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import phpserialize

from safeguard.synth import geo, mysqldump
from safeguard.synth import vbulletin4_meta as meta
from safeguard.synth.activity import Activity
from safeguard.synth.identity import reg_email, revealed
from safeguard.synth.network import ip_at
from safeguard.synth.people import END, People
from safeguard.synth.phpbb3_meta import forum_ids
from safeguard.synth.render import Found, body, chunk_rng, pm_texts, post_lang, record
from safeguard.synth.rng import mix, stream

ID_OFFSET = meta.ID_OFFSET
BOARD_IDS = forum_ids()
PATHS = {
    0: ("GET", "/showthread.php?t={t}", 200),
    1: ("POST", "/newreply.php?do=postreply&t={t}", 302),
    2: ("POST", "/newthread.php?do=postthread&f={t}", 302),
    3: ("POST", "/private.php?do=insertpm&pmid=", 302),
    4: ("POST", "/register.php?do=addmember", 302),
    5: ("GET", "/forum.php", 200),
}
Rows = Iterator[dict[str, object]]
_SALT_CHARS = "".join(chr(c) for c in range(33, 127))  # vB: random printable ASCII
# (minimum posts, user title): vBulletin's default ladder
_TITLES = ((0, "Junior Member"), (30, "Member"), (100, "Senior Member"))


def _bbcode(text: str, h: int) -> str:
    """A body as typed into vB's editor: CRLF line ends, sometimes bold, NCRs."""
    out = text.replace("\n", "\r\n")
    return meta.ncr(f"[B]{out}[/B]" if h % 9 == 0 else out)


def posts(people: People, act: Activity, found: Found) -> Rows:
    """``post`` rows in postid order; replies point at the thread's first post."""
    r = chunk_rng(people.seed, "post", 0)
    for i in range(len(act.post_time)):
        if i and i % 4096 == 0:
            r = chunk_rng(people.seed, "post", i)
        acc, topic, t = int(act.post_poster[i]), int(act.post_topic[i]), int(act.post_time[i])
        lang = post_lang(people, act, i, r)
        first = int(act.topic_first[topic])
        post_lang(people, act, first, r)  # drawn as the other writers draw (same words)
        text, planted = body(r, lang, act.plants.get(("post", i)))
        record(found, "post", i + 1, acc + ID_OFFSET, planted)
        yield {
            "postid": i + 1,
            "threadid": topic + 1,
            "parentid": 0 if first == i else first + 1,
            "username": people.names[acc],
            "userid": acc + ID_OFFSET,
            "title": meta.thread_title(people, act, topic) if first == i else "",
            "dateline": t,
            "pagetext": _bbcode(text, mix(people.seed, i, 31)),
            "allowsmilie": 1,
            "showsignature": 1,
            "ipaddress": ip_at(people, int(people.a_person[acc]), t),
            "visible": 1,
        }


def _touserarray(people: People, to: list[int]) -> str:
    """vB 3.8+/4 recipients: PHP-serialized ``{"cc": {userid: username}}``."""
    cc = {a + ID_OFFSET: people.names[a] for a in to}
    blob: bytes = phpserialize.dumps({b"cc": cc})
    return blob.decode("utf-8")


def pmtexts(people: People, act: Activity, found: Found) -> Rows:
    """``pmtext`` rows: one per message, whoever received it."""
    for i, acc, text in pm_texts(people, act, found, "pmtext", ID_OFFSET):
        to = [a for a in (int(act.pm_to[i]), int(act.pm_cc[i])) if a >= 0]
        yield {
            "pmtextid": i + 1,
            "fromuserid": acc + ID_OFFSET,
            "fromusername": people.names[acc],
            "title": meta.title(text.split(".")[0][:60]),
            "message": _bbcode(text, mix(people.seed, i, 32)),
            "touserarray": _touserarray(people, to),
            "dateline": int(act.pm_time[i]),
            "showsignature": 1,
        }


def pms(act: Activity) -> Rows:
    """``pm``: the sender's sent copy (folder -1), then each recipient's inbox copy."""
    pmid = 0
    for i in range(len(act.pm_time)):
        pmid += 1
        yield {
            "pmid": pmid,
            "pmtextid": i + 1,
            "userid": int(act.pm_sender[i]) + ID_OFFSET,
            "folderid": -1,
            "messageread": 1,
        }
        for a in (int(act.pm_to[i]), int(act.pm_cc[i])):
            if a >= 0:
                pmid += 1
                unread = int(act.pm_time[i]) > END - 7 * 86400
                yield {
                    "pmid": pmid,
                    "pmtextid": i + 1,
                    "userid": a + ID_OFFSET,
                    "folderid": 0,
                    "messageread": 0 if unread else 1,
                }


def _password(seed: int, account: int) -> tuple[str, str]:
    """(md5(md5(pw) . salt), salt) for a synthetic password."""
    r = stream(seed, "vb_password", account)
    salt = "".join(r.choice(_SALT_CHARS) for _ in range(30))
    pw = f"{r.getrandbits(48):012x}"
    inner = hashlib.md5(pw.encode(), usedforsecurity=False).hexdigest()
    return hashlib.md5((inner + salt).encode(), usedforsecurity=False).hexdigest(), salt


def _offset(hours: float) -> str:
    return f"{hours:g}"


def users(people: People, act: Activity, bans: list[int], found: Found) -> Rows:
    """``user`` rows in userid (registration) order."""
    last = act.last_post.astype(np.int64)
    banned = set(bans)
    for a in range(people.accounts):
        yield _user(people, a, int(last[a]), a in banned, found)


def _user(people: People, a: int, lastpost: int, banned: bool, found: Found) -> dict[str, object]:
    person = int(people.a_person[a])
    r = stream(people.seed, "user", a)
    country = geo.countries()[int(people.p_country[person])]
    reg, role, nposts = int(people.a_reg[a]), int(people.a_role[a]), int(people.a_posts[a])
    seen = max(lastpost, reg + int(r.random() * (END - reg)))
    password, salt = _password(people.seed, a)
    row: dict[str, object] = {
        "userid": a + ID_OFFSET,
        "usergroupid": 8 if banned else (2, 7, 6)[role],
        "username": people.names[a],
        "password": password,
        "passworddate": time.strftime("%Y-%m-%d", time.gmtime(reg)),
        "email": reg_email(people, a),
        "usertitle": [t for m, t in _TITLES if nposts >= m][-1],
        "joindate": reg,
        "lastvisit": max(reg, seen - int(r.random() * 3600)),
        "lastactivity": seen,
        "lastpost": lastpost,
        "posts": nposts,
        "timezoneoffset": _offset(country.utc_offset),
        "ipaddress": ip_at(people, person, reg),
        "salt": salt,
    }
    if r.random() < 0.3:
        row["birthday"] = f"{r.randint(1, 12):02d}-{r.randint(1, 28):02d}-{r.randint(1950, 1992)}"
    _profile_selectors(people, a, person, row, found)
    return row


def _profile_selectors(
    people: People, a: int, person: int, row: dict[str, object], found: Found
) -> None:
    """Put an ICQ number or Skype name into the profile columns for some members."""
    sel = revealed(people, person)
    if sel is None or sel[0] not in ("icq", "skype") or mix(people.seed, a, 5) % 10 >= 4:
        return
    if sel[0] == "skype" and len(sel[1]) > 32:
        return  # user.skype is CHAR(32): longer names do not fit the field
    row[sel[0]] = sel[1]
    found.append(
        {
            "fact": sel[0],
            "value": sel[1],
            "form": "field",
            "line": sel[1],
            "table": "user",
            "record": a + ID_OFFSET,
            "user_id": a + ID_OFFSET,
            "column": sel[0],
        }
    )


def userfields(people: People) -> Rows:
    """``userfield``: field2 (Location) for 15% of members; vB makes a row for everyone."""
    for a in range(people.accounts):
        country = geo.countries()[int(people.p_country[int(people.a_person[a])])]
        here = mix(people.seed, a, 33) % 100 < 15
        yield {
            "userid": a + ID_OFFSET,
            "field1": "",
            "field2": country.name if here else "",
            "field3": "",
            "field4": "",
        }


def usertextfields(people: People, act: Activity, found: Found) -> Rows:
    """``usertextfield``: signatures (where profile lines are planted)."""
    for a in range(people.accounts):
        row: dict[str, object] = {
            "userid": a + ID_OFFSET,
            "buddylist": "",
            "ignorelist": "",
            "signature": "",
        }
        plants = act.plants.get(("profile", a))
        if plants:
            row["signature"] = _bbcode("\n".join(p.line for p in plants), 1)
            record(found, "usertextfield", a + ID_OFFSET, a + ID_OFFSET, plants)
        yield row


def write(out: Path, people: People, act: Activity) -> tuple[dict[str, int], Found]:
    """Write ``forum.sql``; return row counts per table and the planted selectors found."""
    found = Found()
    bans = meta.banned(people)
    gens: dict[str, Rows] = {
        "forum": meta.forums(people, act),
        "pm": pms(act),
        "pmtext": pmtexts(people, act, found),
        "post": posts(people, act, found),
        "session": meta.sessions(people),
        "strikes": meta.strikes(people),
        "thread": meta.threads(people, act),
        "user": users(people, act, bans, found),
        "userban": meta.userbans(people, bans),
        "userfield": userfields(people),
        "usergroup": meta.usergroups(),
        "usertextfield": usertextfields(people, act, found),
    }
    counts: dict[str, int] = {}
    s = meta.schema()
    with out.open("wb") as f:
        mysqldump.header(f, "vbulletin")
        for name in sorted(gens):
            counts[name] = mysqldump.table(f, s[name], gens[name])
        mysqldump.footer(f, END + 3 * 3600)
    return counts, found
