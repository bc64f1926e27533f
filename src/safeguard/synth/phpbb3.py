"""phpBB 3.0 writer: the logical model as a mysqldump of phpBB's real schema.

Tables filled: banlist, forums, groups, log, posts, privmsgs, privmsgs_to,
ranks, sessions, topics, user_group, users (alphabetical, as mysqldump writes
them); other tables are left out. phpBB specifics reproduced: user_id 1 is
Anonymous, text is HTML-escaped with BBCode uids, plain e-mail addresses in
text are stored as phpBB's magic-URL anchors, PM recipients as ``u_2:u_5``.
"""

from __future__ import annotations

import hashlib
import html
import zlib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import BinaryIO

from safeguard.synth import geo, mysqldump
from safeguard.synth.accesslog import PHPBB_PATHS
from safeguard.synth.activity import Activity
from safeguard.synth.identity import reg_email
from safeguard.synth.network import ip_at
from safeguard.synth.people import END, People
from safeguard.synth.phpbb3_meta import forum_ids, meta_rows, widen_ids
from safeguard.synth.render import Found, body, chunk_rng, pm_texts, post_lang, record, topic_title
from safeguard.synth.rng import mix, stream

SCHEMA = Path(__file__).parent / "data" / "phpbb30_mysql_41_schema.sql"
ID_OFFSET = 2  # user_id 1 is Anonymous
PATHS = PHPBB_PATHS
BOARD_IDS = forum_ids()
_ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


@cache
def schema() -> dict[str, mysqldump.Table]:
    """phpBB 3.0's tables, parsed from the installer's own DDL."""
    return mysqldump.parse_schema(SCHEMA.read_text("utf-8"))


def uid(people: People, account: int) -> int:
    """phpBB user_id of an account (1 is Anonymous)."""
    return account + 2


def _uid8(h: int) -> str:
    return "".join(_ITOA64[2 + (h >> (6 * i)) % 62] for i in range(8)).lower()[:8]


def _phpbb_text(text: str, uid_: str) -> str:
    """phpBB's stored form: HTML-escaped, magic-URL e-mails, sometimes [b] BBCode."""
    words = []
    for word in html.escape(text, quote=True).replace("&#x27;", "'").split(" "):
        core = word.rstrip(".,!?")
        if "@" in core and "." in core.split("@")[-1] and not core.startswith("@"):
            anchor = f'<!-- e --><a href="mailto:{core}">{core}</a><!-- e -->'
            words.append(anchor + word[len(core) :])
        else:
            words.append(word)
    out = " ".join(words)
    return f"[b:{uid_}]{out}[/b:{uid_}]" if len(out) % 7 == 0 else out


def posts(people: People, act: Activity, found: Found) -> Iterator[dict[str, object]]:
    """phpbb_posts rows in post_id order."""
    fids = forum_ids()
    r = chunk_rng(people.seed, "post", 0)
    for i in range(len(act.post_time)):
        if i and i % 4096 == 0:
            r = chunk_rng(people.seed, "post", i)
        acc, topic, t = int(act.post_poster[i]), int(act.post_topic[i]), int(act.post_time[i])
        person = int(people.a_person[acc])
        lang = post_lang(people, act, i, r)
        title = topic_title(
            people.seed, topic, post_lang(people, act, int(act.topic_first[topic]), r)
        )
        plants = act.plants.get(("post", i))
        text, planted = body(r, lang, plants)
        record(found, "phpbb_posts", i + 1, acc + ID_OFFSET, planted)
        u8 = _uid8(mix(people.seed, i))
        yield {
            "post_id": i + 1,
            "topic_id": topic + 1,
            "forum_id": fids[int(act.topic_section[topic])],
            "poster_id": uid(people, acc),
            "poster_ip": ip_at(people, person, t),
            "post_time": t,
            "post_subject": title if act.topic_first[topic] == i else "Re: " + title,
            "post_text": _phpbb_text(text, u8),
            "bbcode_uid": u8,
            "post_checksum": hashlib.md5(text.encode(), usedforsecurity=False).hexdigest(),
        }


def privmsgs(people: People, act: Activity, found: Found) -> Iterator[dict[str, object]]:
    """phpbb_privmsgs rows in msg_id order."""
    for i, acc, text in pm_texts(people, act, found, "phpbb_privmsgs", ID_OFFSET):
        t = int(act.pm_time[i])
        to = [int(act.pm_to[i]), int(act.pm_cc[i])]
        u8 = _uid8(mix(people.seed, i, 2))
        yield {
            "msg_id": i + 1,
            "author_id": uid(people, acc),
            "author_ip": ip_at(people, int(people.a_person[acc]), t),
            "message_time": t,
            "message_subject": text.split(".")[0][:60],
            "message_text": _phpbb_text(text, u8),
            "bbcode_uid": u8,
            "to_address": ":".join(f"u_{uid(people, a)}" for a in to if a >= 0),
            "bcc_address": "",
        }


def privmsgs_to(people: People, act: Activity) -> Iterator[dict[str, object]]:
    """phpbb_privmsgs_to: one inbox row per recipient and the author's sentbox row."""
    for i in range(len(act.pm_time)):
        author = uid(people, int(act.pm_sender[i]))
        yield {
            "msg_id": i + 1,
            "user_id": author,
            "author_id": author,
            "folder_id": -1,
            "pm_new": 0,
            "pm_unread": 0,
        }
        for a in (int(act.pm_to[i]), int(act.pm_cc[i])):
            if a >= 0:
                unread = int(act.pm_time[i]) > END - 7 * 86400
                yield {
                    "msg_id": i + 1,
                    "user_id": uid(people, a),
                    "author_id": author,
                    "folder_id": 0,
                    "pm_new": int(unread),
                    "pm_unread": int(unread),
                }


def _password(seed: int, account: int) -> str:
    r = stream(seed, "password", account)
    return "$H$9" + "".join(r.choice(_ITOA64) for _ in range(31))


def users(people: People, act: Activity, found: Found) -> Iterator[dict[str, object]]:
    """phpbb_users: Anonymous, then every member in registration order."""
    yield {
        "user_id": 1,
        "user_type": 2,
        "group_id": 1,
        "username": "Anonymous",
        "username_clean": "anonymous",
        "user_lang": "en",
        "user_new": 0,
    }
    for a in range(people.accounts):
        yield _user(people, act, a, int(act.last_post[a]), found)


def _user(people: People, act: Activity, a: int, lastpost: int, found: Found) -> dict[str, object]:
    person = int(people.a_person[a])
    r = stream(people.seed, "user", a)
    country = geo.countries()[int(people.p_country[person])]
    reg = int(people.a_reg[a])
    email = reg_email(people, a)
    role = int(people.a_role[a])
    row: dict[str, object] = {
        "user_id": uid(people, a),
        "user_type": 3 if role == 2 else 0,
        "group_id": (2, 4, 5)[role],
        "user_ip": ip_at(people, person, reg),
        "user_regdate": reg,
        "username": people.names[a],
        "username_clean": people.names[a].lower(),
        "user_password": _password(people.seed, a),
        "user_passchg": reg,
        "user_email": email,
        "user_email_hash": int(f"{zlib.crc32(email.encode())}{len(email)}"),
        "user_lastvisit": max(lastpost, reg + int(r.random() * (END - reg))),
        "user_lastpost_time": lastpost,
        "user_posts": int(people.a_posts[a]),
        "user_lang": country.languages[0] if r.random() < 0.4 else "en",
        "user_timezone": f"{country.utc_offset:.2f}",
        "user_rank": (0, 2, 1)[role],
        "user_colour": ("", "00AA00", "AA0000")[role],
        "user_new": 0,
        "user_form_salt": f"{mix(people.seed, a, 3):016x}",
    }
    if r.random() < 0.3:
        row["user_birthday"] = (
            f"{r.randint(1, 28):2d}-{r.randint(1, 12):2d}-{r.randint(1950, 1992)}"
        )
    if r.random() < 0.15:
        row["user_from"] = country.name
    _profile_selectors(people, a, person, row, r, found)
    plants = act.plants.get(("profile", a))
    if plants:
        row["user_sig"] = _phpbb_text("\n".join(p.line for p in plants), "")
        record(found, "phpbb_users", uid(people, a), a + ID_OFFSET, plants)
    return row


def _profile_selectors(
    people: People, a: int, person: int, row: dict[str, object], r: object, found: Found
) -> None:
    """Put an ICQ number or Jabber ID into the profile fields for some members."""
    from safeguard.synth.identity import revealed

    sel = revealed(people, person)
    if sel is None or sel[0] not in ("icq", "jabber") or mix(people.seed, a, 5) % 10 >= 4:
        return
    column = "user_icq" if sel[0] == "icq" else "user_jabber"
    row[column] = sel[1]
    found.append(
        {
            "fact": sel[0],
            "value": sel[1],
            "form": "field",
            "line": sel[1],
            "table": "phpbb_users",
            "record": uid(people, a),
            "user_id": uid(people, a),
            "column": column,
        }
    )


def write(out: Path, people: People, act: Activity) -> tuple[dict[str, int], Found]:
    """Write ``forum.sql``; return row counts per table and the planted selectors found."""
    found = Found()
    counts: dict[str, int] = {}
    s = widen_ids(schema(), max(len(act.post_time), len(act.pm_time), people.accounts + ID_OFFSET))
    generators = {
        **meta_rows(people, act),
        "phpbb_posts": posts(people, act, found),
        "phpbb_privmsgs": privmsgs(people, act, found),
        "phpbb_privmsgs_to": privmsgs_to(people, act),
        "phpbb_users": users(people, act, found),
    }
    with out.open("wb") as f:
        _write_all(f, s, generators, counts)
    return counts, found


def _write_all(
    f: BinaryIO,
    s: dict[str, mysqldump.Table],
    generators: dict[str, Iterator[dict[str, object]]],
    counts: dict[str, int],
) -> None:
    mysqldump.header(f, "forum")
    for name in sorted(generators):
        counts[name] = mysqldump.table(f, s[name], generators[name])
    mysqldump.footer(f, END + 3 * 3600)
