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

import numpy as np

from safeguard.synth import geo, mysqldump
from safeguard.synth.accesslog import PHPBB_PATHS
from safeguard.synth.activity import Activity
from safeguard.synth.identity import reg_email, revealed
from safeguard.synth.mysqldump import quote
from safeguard.synth.network import ip_at
from safeguard.synth.people import END, People
from safeguard.synth.phpbb3_meta import forum_ids, meta_rows, widen_ids
from safeguard.synth.render import (
    CHUNK,
    Found,
    body,
    chunk_rng,
    hits,
    planted,
    pm_texts,
    post_chunk,
    record,
    topic_title,
)
from safeguard.synth.rng import below, mix, stream
from safeguard.synth.selectors import KINDS
from safeguard.synth.vector import ip_strs, vmix

SCHEMA = Path(__file__).parent / "data" / "phpbb30_mysql_41_schema.sql"
ID_OFFSET = 2  # user_id 1 is Anonymous
PATHS = PHPBB_PATHS
BOARD_IDS = forum_ids()
_ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_ITOA64_LOWER = np.frombuffer(_ITOA64.lower().encode(), np.uint8)


@cache
def schema() -> dict[str, mysqldump.Table]:
    """phpBB 3.0's tables, parsed from the installer's own DDL."""
    return mysqldump.parse_schema(SCHEMA.read_text("utf-8"))


def uid(people: People, account: int) -> int:
    """phpBB user_id of an account (1 is Anonymous)."""
    return account + 2


def _uid8s(h: np.ndarray) -> list[str]:
    """A BBCode uid (8 chars of phpBB's itoa64, lower case) per hash in ``h`` (uint64)."""
    cols = [(h >> np.uint64(6 * i)) % np.uint64(62) + np.uint64(2) for i in range(8)]
    chars = _ITOA64_LOWER[np.stack(cols, axis=1).astype(np.int64)]
    flat = chars.tobytes().decode("ascii")
    return [flat[k : k + 8] for k in range(0, len(flat), 8)]


def _phpbb_text(text: str, uid_: str) -> str:
    """phpBB's stored form: HTML-escaped, magic-URL e-mails, sometimes [b] BBCode."""
    out = html.escape(text, quote=True).replace("&#x27;", "'")
    if "@" in out:  # without one no word becomes an anchor: the text stays as it is
        out = " ".join(_magic_url(word) for word in out.split(" "))
    return f"[b:{uid_}]{out}[/b:{uid_}]" if len(out) % 7 == 0 else out


def _magic_url(word: str) -> str:
    core = word.rstrip(".,!?")
    if "@" in core and "." in core.split("@")[-1] and not core.startswith("@"):
        return f'<!-- e --><a href="mailto:{core}">{core}</a><!-- e -->' + word[len(core) :]
    return word


_POST_COLUMNS = (
    "post_id",
    "topic_id",
    "forum_id",
    "poster_id",
    "poster_ip",
    "post_time",
    "post_subject",
    "post_text",
    "bbcode_uid",
    "post_checksum",
)


def posts(people: People, act: Activity, found: Found) -> Iterator[str]:
    """phpbb_posts rows in post_id order, rendered for ``mysqldump.table`` (rows of
    this size are what the dump is made of: a dict per row costs too much)."""
    have = planted(act, "post")
    fmt = mysqldump.shape(schema()["phpbb_posts"], _POST_COLUMNS)
    for c0 in range(0, len(act.post_time), CHUNK):
        c1 = min(c0 + CHUNK, len(act.post_time))
        for row in _post_chunk(people, act, found, c0, c1, hits(have, c0, c1)):
            yield fmt.format(*row)


def _post_chunk(
    people: People, act: Activity, found: Found, c0: int, c1: int, marked: set[int]
) -> Iterator[tuple[object, ...]]:
    """Rows ``c0 .. c1 - 1`` (one random stream's chunk) as literals in
    ``_POST_COLUMNS`` order; per-row lookups, addresses and BBCode uids are
    computed for the whole chunk first."""
    r, seed, fids = chunk_rng(people.seed, "post", c0), people.seed, forum_ids()
    c = post_chunk(people, act, c0, c1)
    ips = ip_strs(people, c.person, c.time)
    u8s = _uid8s(vmix(seed, np.arange(c0, c1, dtype=np.int64)))
    for k, i in enumerate(range(c0, c1)):
        topic, acc, sec = c.topic[k], c.poster[k], c.section_lang[k]
        if sec:
            lang = tlang = sec
        else:  # post_lang() for the post, then for its topic's first post (as drawn)
            lang = c.native[k] if r.random() < 0.3 else "en"
            tlang = c.first_native[k] if r.random() < 0.3 else "en"
        title = topic_title(seed, topic, tlang)
        text, plants = body(r, lang, act.plants.get(("post", i)) if i in marked else None)
        if plants:
            record(found, "phpbb_posts", i + 1, acc + ID_OFFSET, plants)
        u8 = u8s[k]
        yield (
            i + 1,
            topic + 1,
            fids[c.section[k]],
            acc + ID_OFFSET,
            f"'{ips[k]}'",  # digits and dots, uid and checksum [0-9a-z]: nothing to escape
            c.time_list[k],
            quote(title if c.first[k] else "Re: " + title),
            quote(_phpbb_text(text, u8)),
            f"'{u8}'",
            f"'{hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()}'",
        )


def privmsgs(people: People, act: Activity, found: Found) -> Iterator[dict[str, object]]:
    """phpbb_privmsgs rows in msg_id order."""
    ips: list[str] = []
    u8s: list[str] = []
    for i, acc, text in pm_texts(people, act, found, "phpbb_privmsgs", ID_OFFSET):
        k = i % CHUNK
        if k == 0:  # this chunk's addresses and uids at once
            j = np.arange(i, min(i + CHUNK, len(act.pm_time)), dtype=np.int64)
            ips = ip_strs(people, people.a_person[act.pm_sender[j]], act.pm_time[j])
            u8s = _uid8s(vmix(people.seed, j, 2))
        t = int(act.pm_time[i])
        to = [int(act.pm_to[i]), int(act.pm_cc[i])]
        u8 = u8s[k]
        yield {
            "msg_id": i + 1,
            "author_id": uid(people, acc),
            "author_ip": ips[k],
            "message_time": t,
            "message_subject": text.split(".")[0][:60],
            "message_text": _phpbb_text(text, u8),
            "bbcode_uid": u8,
            "to_address": ":".join(f"u_{uid(people, a)}" for a in to if a >= 0),
            "bcc_address": "",
        }


def privmsgs_to(people: People, act: Activity) -> Iterator[str]:
    """phpbb_privmsgs_to: one inbox row per recipient and the author's sentbox row
    (rendered for ``mysqldump.table``: there are 2-3 per message)."""
    fmt = mysqldump.shape(
        schema()["phpbb_privmsgs_to"],
        ("msg_id", "user_id", "author_id", "folder_id", "pm_new", "pm_unread"),
    )
    for c0 in range(0, len(act.pm_time), 65536):  # bounded lists, not 7.7 M ints at once
        c = slice(c0, c0 + 65536)
        recent = (act.pm_time[c] > END - 7 * 86400).astype(np.int64).tolist()
        to, cc = act.pm_to[c].tolist(), act.pm_cc[c].tolist()
        rows = zip(act.pm_sender[c].tolist(), to, cc, recent, strict=True)
        for i, (sender, a_to, a_cc, unread) in enumerate(rows, c0 + 1):
            author = sender + ID_OFFSET
            yield fmt.format(i, author, author, -1, 0, 0)
            for a in (a_to, a_cc):
                if a >= 0:
                    yield fmt.format(i, a + ID_OFFSET, author, 0, unread, unread)


def _password(seed: int, account: int) -> str:
    r = stream(seed, "password", account)
    return "$H$9" + "".join([_ITOA64[below(r, 64)] for _ in range(31)])  # as r.choice draws


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
    marked = set(planted(act, "profile").tolist())
    for a in range(people.accounts):
        yield _user(people, act, a, int(act.last_post[a]), found, a in marked)


def _user(
    people: People, act: Activity, a: int, lastpost: int, found: Found, marked: bool
) -> dict[str, object]:
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
    plants = act.plants.get(("profile", a)) if marked else None  # a miss costs as a hit
    if plants:
        row["user_sig"] = _phpbb_text("\n".join(p.line for p in plants), "")
        record(found, "phpbb_users", uid(people, a), a + ID_OFFSET, plants)
    return row


def _profile_selectors(
    people: People, a: int, person: int, row: dict[str, object], r: object, found: Found
) -> None:
    """Put an ICQ number or Jabber ID into the profile fields for some members."""
    kind = int(people.p_reveal[person])  # tested first: building the value is costly
    if kind < 0 or KINDS[kind] not in ("icq", "jabber") or mix(people.seed, a, 5) % 10 >= 4:
        return
    sel = revealed(people, person)
    assert sel is not None
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
    generators: dict[str, Iterator[dict[str, object]] | Iterator[str]] = {
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
    generators: dict[str, Iterator[dict[str, object]] | Iterator[str]],
    counts: dict[str, int],
) -> None:
    mysqldump.header(f, "forum")
    for name in sorted(generators):
        counts[name] = mysqldump.table(f, s[name], generators[name])
    mysqldump.footer(f, END + 3 * 3600)
